from django.urls import path

from . import views

app_name = "oefenen"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("scenario/<slug:scenario_id>/", views.scenario, name="scenario"),
    path("sessie/<int:sessie_id>/", views.spelen, name="spelen"),
    path("sessie/<int:sessie_id>/kies/", views.kiezen, name="kiezen"),
    path("sessie/<int:sessie_id>/terug/", views.terug, name="terug"),
    path("sessie/<int:sessie_id>/advies/", views.raadplegen, name="raadplegen"),
    path("sessie/<int:sessie_id>/uitleg/", views.uitleg, name="uitleg"),
    path("sessie/<int:sessie_id>/nabespreking/", views.nabespreking, name="nabespreking"),
    path("sessie/<int:sessie_id>/reflectie/", views.reflecteren, name="reflecteren"),
    path("sessie/<int:sessie_id>/verwijderen/", views.verwijderen, name="verwijderen"),
    path("groep/", views.groepen, name="groepen"),
    path("groep/<int:groepssessie_id>/", views.groepsspel, name="groepsspel"),
    path("groep/<int:groepssessie_id>/kies/", views.groepsspel_kiezen, name="groepsspel_kiezen"),
    path(
        "groep/<int:groepssessie_id>/nabespreking/",
        views.groepsspel_nabespreking,
        name="groepsspel_nabespreking",
    ),
]
