from django.urls import path

from tandem.workspace.onboarding import views

urlpatterns = [
    path("<uuid:key>/onboarding/", views.onboarding_page, name="onboarding"),
    path("<uuid:key>/onboarding/tick/", views.tick, name="onboarding_tick"),
    path("programs/<int:pk>/guides/", views.program_guides_page, name="program_guides"),
    path(
        "programs/<int:pk>/guides/<str:kind>/", views.program_guide_edit, name="program_guide_edit"
    ),
]
