from django.urls import path

from . import curation_views, views

app_name = "kennis"

urlpatterns = [
    path("bibliotheek/", views.library, name="library"),
    path("bibliotheek/toevoegen/", views.upload, name="upload"),
    path("bibliotheek/voortgang/", views.upload_status, name="upload_status"),
    path(
        "bibliotheek/<int:document_id>/opnieuw-inlezen/",
        views.document_reingest,
        name="document_reingest",
    ),
    path(
        "bibliotheek/<int:document_id>/verwijderen/", views.document_remove, name="document_remove"
    ),
    path("documenten/<int:document_id>/", views.document_detail, name="document"),
    path(
        "documenten/<int:document_id>/onderdelen/<int:section_id>/",
        views.section_detail,
        name="section",
    ),
    path("themas/<int:unit_id>/", views.unit_detail, name="unit"),
    path("themas/<int:unit_id>/trefwoorden/", curation_views.unit_keywords, name="unit_keywords"),
    path("zoeken/", views.search, name="search"),
    path("zoeken/nuttig/", curation_views.search_feedback, name="search_feedback"),
    path("zoeken/beheer/", curation_views.search_signals, name="search_signals"),
    path("zoeken/beheer/synoniemen/", curation_views.synonyms, name="synonyms"),
    path("zoeken/beheer/export/", curation_views.curation_export_download, name="curation_export"),
    path("zoeken/beheer/import/", curation_views.curation_import_upload, name="curation_import"),
]
