from django.urls import path

from . import views

app_name = "netwerk"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("sectoren/", views.sectoren, name="sectoren"),
    path("organisaties/", views.organisaties, name="organisaties"),
    path("organisaties/<int:organisatie_id>/", views.organisatie, name="organisatie"),
    path(
        "organisaties/<int:organisatie_id>/sector/",
        views.organisatie_sector,
        name="organisatie_sector",
    ),
    path(
        "organisaties/<int:organisatie_id>/contact/",
        views.contact_vastleggen,
        name="contact_vastleggen",
    ),
    path("personen/<int:relatie_id>/", views.relatie, name="relatie"),
    path("personen/<int:relatie_id>/inzage.json", views.relatie_inzage, name="relatie_inzage"),
    path("te-lang-geleden/", views.achterstallig, name="achterstallig"),
    path("introducties/", views.introducties, name="introducties"),
    path("kaart/", views.kaart, name="kaart"),
    path("verbanden/", views.verbanden, name="verbanden"),
    path("export/organisaties.csv", views.export_organisaties, name="export_organisaties"),
    path("export/verbanden.csv", views.export_verbanden, name="export_verbanden"),
    path("opschonen/", views.opschonen, name="opschonen"),
]
