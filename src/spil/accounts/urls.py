from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("tweestaps/", views.two_factor_overview, name="tweestaps"),
    path("tweestaps/instellen/", views.two_factor_setup, name="tweestaps_instellen"),
    path("tweestaps/controleren/", views.two_factor_verify, name="tweestaps_controleren"),
    path("tweestaps/herstelcodes/", views.two_factor_recovery_codes, name="tweestaps_herstelcodes"),
    path("tweestaps/uitzetten/", views.two_factor_disable, name="tweestaps_uitzetten"),
]
