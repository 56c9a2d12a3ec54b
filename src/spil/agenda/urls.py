from django.urls import path

from . import views

app_name = "agenda"

urlpatterns = [
    path("", views.spiegel, name="spiegel"),
    path("tabel.csv", views.spiegel_csv, name="spiegel_csv"),
    path("importeren/", views.importeren, name="importeren"),
    path(
        "importeren/<int:batch_id>/hele-periode/",
        views.import_hele_periode,
        name="import_hele_periode",
    ),
    path("afspraken/", views.afspraken, name="afspraken"),
    path("afspraken/<int:afspraak_id>/indeling/", views.afspraak_indelen, name="indelen"),
    path("afspraken/indelen/", views.afspraken_indelen, name="indelen_meerdere"),
    path("instellingen/", views.instellingen, name="instellingen"),
    path(
        "correcties/<int:correctie_id>/verwijderen/",
        views.correctie_verwijderen,
        name="correctie_verwijderen",
    ),
    path("bronnen/<int:bron_id>/verwijderen/", views.bron_verwijderen, name="bron_verwijderen"),
    path("verwijderen/", views.alles_verwijderen, name="alles_verwijderen"),
]
