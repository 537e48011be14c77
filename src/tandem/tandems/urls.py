"""A participant's tandems (included under /tandems/, namespace "tandems")."""

from django.urls import path

from tandem.tandems import views

app_name = "tandems"
urlpatterns = [
    path("", views.tandem_list_view, name="mine"),
    path("<int:pk>/", views.tandem_detail_view, name="detail"),
    path("<int:pk>/coffee.ics", views.tandem_coffee_ics_view, name="coffee_ics"),
]
