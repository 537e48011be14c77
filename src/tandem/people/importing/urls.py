from django.urls import path

from tandem.people.importing import views as imports

# Included under people/import/ in the "people" namespace.
urlpatterns = [
    path("", imports.import_upload, name="import_upload"),
    path("template.csv", imports.import_template, name="import_template"),
    path("<int:pk>/", imports.import_preview, name="import_preview"),
    path("<int:pk>/confirm/", imports.import_confirm, name="import_confirm"),
    path("<int:pk>/cancel/", imports.import_cancel, name="import_cancel"),
    path("<int:pk>/result/", imports.import_result, name="import_result"),
    path("<int:pk>/rejected.csv", imports.import_rejected, name="import_rejected"),
]
