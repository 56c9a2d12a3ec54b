from django.urls import include, path

urlpatterns = [
    path("account/tweestaps/", include("spil.accounts.two_factor_urls")),
    path("account/", include("spil.accounts.urls")),
    path("beheer/gebruikers/", include("spil.accounts.beheer_urls")),
    path("agenda/", include("spil.agenda.urls")),
    path("leergang/", include("spil.leergang.urls")),
    path("netwerk/", include("spil.netwerk.urls")),
    path("oefenen/", include("spil.oefenen.urls")),
    path("reflectie/", include("spil.reflectie.urls")),
    path("", include("spil.kennis.urls")),
    path("", include("spil.web.urls")),
]
