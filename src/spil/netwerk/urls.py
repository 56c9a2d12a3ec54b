from django.urls import path

from . import views

app_name = "netwerk"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
]
