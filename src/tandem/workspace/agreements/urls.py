"""/space/<formed key>/agreement/…: the tandem agreement (included by `workspace.urls`)."""

from __future__ import annotations

from django.urls import path

from tandem.workspace.agreements import views

urlpatterns = [
    path("<uuid:key>/agreement/", views.agreement, name="agreement"),
    path("<uuid:key>/agreement/start/", views.start, name="agreement_start"),
    path("<uuid:key>/agreement/edit/", views.edit, name="agreement_edit"),
    path("<uuid:key>/agreement/submit/", views.submit, name="agreement_submit"),
    path("<uuid:key>/agreement/sign/", views.sign, name="agreement_sign"),
    path("<uuid:key>/agreement/changes/", views.reopen, name="agreement_reopen"),
    path("<uuid:key>/agreement/discard/", views.discard, name="agreement_discard"),
    path("<uuid:key>/agreement/history/", views.history, name="agreement_history"),
    path("<uuid:key>/agreement/v<int:number>/", views.version, name="agreement_version"),
]
