from django.urls import path

from . import two_factor_views as views

app_name = "tweestaps"

urlpatterns = [
    path("", views.two_factor_overview, name="overzicht"),
    path("instellen/", views.two_factor_setup, name="instellen"),
    path("controleren/", views.two_factor_verify, name="controleren"),
    path("herstelcodes/", views.two_factor_recovery_codes, name="herstelcodes"),
    path("uitzetten/", views.two_factor_disable, name="uitzetten"),
]
