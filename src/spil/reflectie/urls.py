from django.urls import path

from . import views

app_name = "reflectie"

urlpatterns = [
    path("", views.vandaag, name="vandaag"),
    path("beginnen/<str:ritme>/", views.start, name="start"),
    path("uitstellen/<str:ritme>/", views.uitstellen, name="uitstellen"),
    path("dagboek/", views.dagboek, name="dagboek"),
    path("moment/<int:pk>/", views.moment, name="moment"),
    path("moment/<int:pk>/schrijven/", views.schrijven, name="schrijven"),
    path("moment/<int:pk>/bewaren/", views.autosave, name="autosave"),
    path("moment/<int:pk>/verwijderen/", views.verwijderen, name="verwijderen"),
    path("moment/<int:pk>/delen/", views.delen, name="delen"),
    path("delingen/<int:pk>/intrekken/", views.deling_intrekken, name="deling_intrekken"),
    path("gedeeld-met-mij/", views.gedeeld, name="gedeeld"),
    path("gedeeld-met-mij/<int:pk>/", views.gedeeld_lezen, name="gedeeld_lezen"),
    path("toegangslog/", views.toegang, name="toegang"),
    path("trends/", views.trends, name="trends"),
    path("vragen/", views.vragen, name="vragen"),
    path("instellingen/", views.instellingen, name="instellingen"),
    path("eigen-vragen/", views.eigen_vraag, name="eigen_vraag"),
    path(
        "eigen-vragen/<int:pk>/verwijderen/",
        views.eigen_vraag_verwijderen,
        name="eigen_vraag_verwijderen",
    ),
    path("export/<str:formaat>/", views.export, name="export"),
    path("verwijderen/", views.alles_verwijderen, name="alles_verwijderen"),
]
