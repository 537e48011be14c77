from django.urls import path

from tandem.workspace.learning import views

urlpatterns = [
    path("<uuid:key>/learning/", views.learning_page, name="learning"),
    path("<uuid:key>/learning/add/", views.learning_create, name="learning_add"),
    path("<uuid:key>/learning/<int:pk>/delete/", views.learning_remove, name="learning_delete"),
    path("<uuid:key>/kpis/add/", views.kpi_create, name="kpi_add"),
    path("<uuid:key>/kpis/<int:pk>/progress/", views.kpi_progress, name="kpi_progress"),
    path("<uuid:key>/kpis/<int:pk>/delete/", views.kpi_remove, name="kpi_delete"),
]
