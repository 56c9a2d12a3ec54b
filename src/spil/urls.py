from django.urls import include, path

urlpatterns = [
    path("account/", include("spil.accounts.urls")),
    path("agenda/", include("spil.agenda.urls")),
    path("oefenen/", include("spil.oefenen.urls")),
    path("", include("spil.kennis.urls")),
    path("", include("spil.web.urls")),
]
