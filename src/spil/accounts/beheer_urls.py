from django.urls import path

from . import beheer_views as views

app_name = "beheer"

urlpatterns = [
    path("", views.gebruikers, name="gebruikers"),
    path("nieuw/", views.gebruiker_nieuw, name="gebruiker_nieuw"),
    path("<int:user_id>/", views.gebruiker, name="gebruiker"),
    path("<int:user_id>/rollen/", views.rol_toekennen, name="rol_toekennen"),
    path(
        "<int:user_id>/gedelegeerde/",
        views.gedelegeerde_toekennen,
        name="gedelegeerde_toekennen",
    ),
    path(
        "<int:user_id>/rollen/<int:assignment_id>/intrekken/",
        views.rol_intrekken,
        name="rol_intrekken",
    ),
    path("<int:user_id>/activeren/", views.gebruiker_activeren, name="gebruiker_activeren"),
]
