from django.urls import path

from . import views

app_name = "leergang"

urlpatterns = [
    path("", views.start, name="start"),
    path("uitnodiging/<str:uidb64>/<str:token>/", views.uitnodiging, name="uitnodiging"),
    path("cohort/nieuw/", views.cohort_nieuw, name="cohort_nieuw"),
    path("cohort/<int:cohort_id>/", views.cohort, name="cohort"),
    path(
        "cohort/<int:cohort_id>/deelnemer/", views.deelnemer_toevoegen, name="deelnemer_toevoegen"
    ),
    path("cohort/<int:cohort_id>/import/", views.deelnemers_importeren, name="importeren"),
    path("cohort/<int:cohort_id>/module/", views.module_toevoegen, name="module_toevoegen"),
    path("cohort/<int:cohort_id>/coach/", views.coach_toevoegen, name="coach_toevoegen"),
    path(
        "cohort/<int:cohort_id>/gastgemeente/", views.gastgemeente_toevoegen, name="gast_toevoegen"
    ),
    path("cohort/<int:cohort_id>/plannen/", views.plan_maken, name="plan_maken"),
    path("cohort/<int:cohort_id>/rapport/", views.rapport, name="rapport"),
    path("plan/<int:toewijzingsplan_id>/", views.plan, name="plan"),
    path("plan/<int:toewijzingsplan_id>/vastzetten/", views.plan_vastzetten, name="vastzetten"),
    path("plan/<int:toewijzingsplan_id>/publiceren/", views.plan_publiceren, name="publiceren"),
    path("plan/<int:toewijzingsplan_id>/vergelijken/", views.plan_vergelijk, name="vergelijken"),
    path("deelname/<int:deelnemer_id>/", views.deelname, name="deelname"),
    path("deelname/<int:deelnemer_id>/leervraag/", views.leervraag_toevoegen, name="leervraag"),
    path(
        "leervraag/<int:leervraag_id>/verwijderen/",
        views.leervraag_verwijderen,
        name="leervraag_verwijderen",
    ),
    path("profiel/", views.profiel, name="profiel"),
    path("vacature/nieuw/", views.vacature_nieuw, name="vacature_nieuw"),
    path("vacature/<int:vacature_id>/", views.vacature, name="vacature"),
    path("vacature/<int:vacature_id>/vrijgeven/", views.vrijgeven, name="vrijgeven"),
    path(
        "vacature/<int:vacature_id>/commissie/",
        views.commissielid_toevoegen,
        name="commissielid_toevoegen",
    ),
]
