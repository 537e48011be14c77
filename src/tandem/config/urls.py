from django.contrib import admin
from django.urls import include, path

from tandem.accounts import views as account_views
from tandem.core import views_errors

urlpatterns = [
    path("favicon.ico", views_errors.favicon),
    path("", include("tandem.home.urls")),
    path("people/", include("tandem.people.urls")),
    path("topics/", include("tandem.topics.urls")),
    path("programs/", include("tandem.programs.urls")),
    path("enrolment/", include("tandem.enrolment.urls")),
    path("enrolment/", include("tandem.matching.withdrawal.urls")),
    path("matching/", include("tandem.matching.urls")),
    path("tandems/", include("tandem.tandems.urls")),
    path("tandems/", include("tandem.matching.proposals.urls")),
    path("space/", include("tandem.workspace.urls")),
    path("programs/", include("tandem.nudges.urls")),
    # Before allauth's own: sign-up answers in an even time (accounts.views).
    path("settings/notifications/", include("tandem.accounts.notifications.urls")),
    path("accounts/signup/", account_views.signup, name="account_signup"),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

# 403 and 404: Django's handlers with templates/403.html and 404.html; 500 needs no database.
handler500 = "tandem.core.views_errors.server_error"
