from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("", views.account, name="account"),
    path("gegevens/", views.gegevens, name="gegevens"),
    path("gegevens/download/", views.gegevens_download, name="gegevens_download"),
    path("verwijderen/", views.verwijderen, name="verwijderen"),
    path("wie-zag-mijn-gegevens/", views.wie_zag, name="wie_zag"),
]
