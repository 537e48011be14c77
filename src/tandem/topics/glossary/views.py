"""The glossary pages: search, a term, propose, and the coordinators' queue."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from rules.contrib.views import permission_required

from tandem.core.http import AuthenticatedHttpRequest, render_page_or_partial
from tandem.people.selectors import person_for_user
from tandem.topics.glossary import selectors, services
from tandem.topics.glossary.forms import EditForm, MergeForm, ProposeForm
from tandem.topics.glossary.models import GlossaryTerm, TermStatus
from tandem.topics.localize import is_german


def _term_or_404(request: AuthenticatedHttpRequest, pk: int) -> GlossaryTerm:
    term = selectors.glossary_term(pk=pk)
    # Proposals and rejected terms are the coordinators' business only.
    if term is None or (
        term.status != TermStatus.APPROVED and not request.user.has_perm("topics.curate_glossary")
    ):
        raise Http404(_("No such term in the glossary."))
    return term


@login_required
@permission_required("topics.view_glossary", raise_exception=True)
@require_GET
def glossary_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    terms = list(selectors.glossary_search(query=query))
    context = {
        "terms": terms,
        "query": query,
        "can_curate": request.user.has_perm("topics.curate_glossary"),
    }
    return render_page_or_partial(
        request,
        page="topics/glossary/list.html",
        partial="topics/glossary/_results.html",
        context=context,
    )


@login_required
@permission_required("topics.view_glossary", raise_exception=True)
@require_GET
def glossary_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    term = _term_or_404(request, pk)
    can_curate = request.user.has_perm("topics.curate_glossary")
    context = {
        "term": term,
        "can_curate": can_curate,
        "merge_form": MergeForm(queryset=selectors.glossary_merge_targets(exclude_pk=term.pk))
        if can_curate
        else None,
    }
    return render(request, "topics/glossary/detail.html", context)


@login_required
@permission_required("topics.propose_glossary_term", raise_exception=True)
def glossary_propose(request: AuthenticatedHttpRequest) -> HttpResponse:
    prefill = request.GET.get("term", "").strip()[:100]
    initial = {"term_de" if is_german() else "term_en": prefill} if prefill else {}
    form = ProposeForm(request.POST or None, initial=initial)
    existing: GlossaryTerm | None = None
    if request.method == "POST" and form.is_valid():
        try:
            services.glossary_propose(
                actor=request.user, person=person_for_user(user=request.user), **form.cleaned_data
            )
        except ValidationError as error:
            if error.code == "duplicate_term" and error.params:
                existing = GlossaryTerm.objects.filter(pk=error.params["pk"]).first()
            form.add_service_errors(error)
        else:
            messages.success(
                request, _("Thank you: a coordinator will check the term and explain it.")
            )
            return redirect("topics:glossary")
    return render(request, "topics/glossary/propose.html", {"form": form, "existing": existing})


@login_required
@permission_required("topics.curate_glossary", raise_exception=True)
@require_GET
def glossary_queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    proposals = list(selectors.glossary_search(status=TermStatus.PROPOSED))
    return render(request, "topics/glossary/queue.html", {"proposals": proposals})


@login_required
@permission_required("topics.curate_glossary", raise_exception=True)
def glossary_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    term = _term_or_404(request, pk)
    form = EditForm(request.POST or None, term=term)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        aliases, topics = fields.pop("aliases"), fields.pop("topics")
        try:
            services.glossary_update(
                term=term, actor=request.user, aliases=aliases, topics=topics, **fields
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("Term “%(term)s” saved.") % {"term": term.term})
            return redirect("topics:glossary_detail", pk=term.pk)
    return render(request, "topics/glossary/edit.html", {"form": form, "term": term})


@login_required
@permission_required("topics.curate_glossary", raise_exception=True)
@require_POST
def glossary_approve(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    term = _term_or_404(request, pk)
    try:
        services.glossary_approve(term=term, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("topics:glossary_edit", pk=term.pk)
    messages.success(request, _("Term “%(term)s” approved.") % {"term": term.term})
    return redirect("topics:glossary_queue")


@login_required
@permission_required("topics.curate_glossary", raise_exception=True)
@require_POST
def glossary_reject(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    term = services.glossary_reject(term=_term_or_404(request, pk), actor=request.user)
    messages.success(request, _("Term “%(term)s” rejected.") % {"term": term.term})
    return redirect("topics:glossary_queue")


@login_required
@permission_required("topics.curate_glossary", raise_exception=True)
@require_POST
def glossary_merge(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    duplicate = _term_or_404(request, pk)
    form = MergeForm(request.POST, queryset=selectors.glossary_merge_targets(exclude_pk=pk))
    if not form.is_valid():
        messages.error(request, _("Choose the term to merge this one into."))
        return redirect("topics:glossary_detail", pk=pk)
    into = services.glossary_merge(
        duplicate=duplicate, into=form.cleaned_data["into"], actor=request.user
    )
    messages.success(
        request, _("Merged into “%(term)s”; its names are now aliases.") % {"term": into.term}
    )
    return redirect("topics:glossary_detail", pk=into.pk)
