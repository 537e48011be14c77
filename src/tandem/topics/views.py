"""The topic catalogue pages: thin views over the selectors, forms and services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from rules.contrib.views import permission_required

from tandem.core.http import AuthenticatedHttpRequest, render_page_or_partial, wants_partial
from tandem.topics import selectors, services
from tandem.topics.forms import PriorityForm, TopicForm
from tandem.topics.glossary.selectors import glossary_link_targets
from tandem.topics.models import KIND_HEADINGS, KIND_ORDER, Topic, TopicKind
from tandem.topics.proficiency import BANDS, levels_in_band


def _topic_or_404(code: str) -> Topic:
    topic = selectors.topic_by_code(code=code)
    if topic is None:
        raise Http404(_("No topic with this code."))
    return topic


def _next_or(request: AuthenticatedHttpRequest, fallback: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@login_required
@permission_required("topics.view_catalogue", raise_exception=True)
@require_GET
def topic_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    can_edit = request.user.has_perm("topics.edit_topic")
    query = request.GET.get("q", "").strip()[:100]
    kind = request.GET.get("kind", "")
    kind = kind if kind in TopicKind.values else ""
    show_archived = can_edit and request.GET.get("archived") == "1"
    topics = list(selectors.topic_list(query=query, kind=kind, include_archived=show_archived))
    context: dict[str, Any] = {
        "groups": selectors.topic_catalogue_groups(topics=topics),
        "topic_count": len(topics),
        "query": query,
        "kind": kind,
        "kinds": [(kind.value, KIND_HEADINGS[kind]) for kind in KIND_ORDER],
        "show_archived": show_archived,
        "can_edit": can_edit,
        "can_create": request.user.has_perm("topics.create_topic"),
        "priority_form": PriorityForm(),
        "list_url": request.get_full_path(),
    }
    return render_page_or_partial(
        request,
        page="topics/list.html",
        partial="topics/_results.html",
        context=context,
        partial_context={"partial": True},
        page_context={"bands": [(band, levels_in_band(band)) for band in BANDS]},
    )


@login_required
@permission_required("topics.view_catalogue", raise_exception=True)
@require_GET
def topic_detail(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    topic = _topic_or_404(code)
    return render(
        request,
        "topics/detail.html",
        {
            "topic": topic,
            "can_edit": request.user.has_perm("topics.edit_topic"),
            "can_archive": request.user.has_perm("topics.archive_topic"),
            "related_competences": topic.related_competences.order_by("area__position", "position"),
            "related_practical": topic.related_practical_topics.filter(is_active=True),
            "glossary": glossary_link_targets(),
        },
    )


@login_required
@permission_required("topics.create_topic", raise_exception=True)
def topic_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = TopicForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            topic = services.topic_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("Topic “%(name)s” created.") % {"name": topic.name})
            return redirect("topics:detail", code=topic.code)
    return render(request, "topics/form.html", {"form": form, "topic": None})


@login_required
@permission_required("topics.edit_topic", raise_exception=True)
def topic_edit(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    topic = _topic_or_404(code)
    form = TopicForm(request.POST or None, topic=topic)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        related = fields.pop("related_competences", None)
        try:
            services.topic_update(
                topic=topic, actor=request.user, related_competences=related, **fields
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("Topic “%(name)s” saved.") % {"name": topic.name})
            return redirect("topics:detail", code=topic.code)
    return render(request, "topics/form.html", {"form": form, "topic": topic})


@login_required
@permission_required("topics.archive_topic", raise_exception=True)
@require_POST
def topic_archive(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    topic = services.topic_archive(topic=_topic_or_404(code), actor=request.user)
    messages.success(
        request,
        _("Topic “%(name)s” archived: it no longer appears in the catalogue.")
        % {"name": topic.name},
    )
    return redirect(_next_or(request, reverse("topics:detail", args=[topic.code])))


@login_required
@permission_required("topics.archive_topic", raise_exception=True)
@require_POST
def topic_restore(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    topic = services.topic_restore(topic=_topic_or_404(code), actor=request.user)
    messages.success(
        request, _("Topic “%(name)s” is back in the catalogue.") % {"name": topic.name}
    )
    return redirect(_next_or(request, reverse("topics:detail", args=[topic.code])))


@login_required
@permission_required("topics.set_topic_priority", raise_exception=True)
@require_POST
def topic_set_priority(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    topic = _topic_or_404(code)
    form = PriorityForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Choose a priority from 0 to 5."))
    services.topic_set_priority(
        topic=topic, priority=form.cleaned_data["priority"], actor=request.user
    )
    if wants_partial(request):
        context = {
            "topic": topic,
            "can_edit": True,
            "saved": True,
            "priority_form": form,
            "list_url": reverse("topics:list"),
        }
        return render(request, "topics/_row.html", context)
    messages.success(
        request,
        _("Priority of “%(name)s” set to %(priority)s.")
        % {"name": topic.name, "priority": topic.get_priority_display()},
    )
    return redirect(_next_or(request, reverse("topics:list")))
