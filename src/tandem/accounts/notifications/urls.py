from django.urls import path

from tandem.accounts.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.settings_page, name="settings"),
]
