from django.db import models


class Modus(models.TextChoices):
    OEFENEN = "oefenen", "Oefenstand: je kunt terug naar een vorige situatie"
    EXAMEN = "examen", "Examenstand: elke keuze is definitief"


class Publiek(models.TextChoices):
    COLLEGE = "college", "voor het college"
    ORGANISATIE = "organisatie", "voor de organisatie"
    BUITEN = "buiten", "voor buiten (partners, pers, inwoners)"
