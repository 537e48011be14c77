"""The formed boundary: lifecycle objects can only ever attach to a tandem that has formed.

``Tandem.formed_key`` exists exactly while a tandem is formed or ended; lifecycle models reference
it (``FormedTandemOwned``), so the database itself refuses a row for a mere proposal.
"""

from __future__ import annotations

import uuid

import pytest
from django.apps import apps
from django.db import IntegrityError, connection, models, transaction
from django.test.utils import isolate_apps

from tandem.matching.proposals.services import tandem_confirm
from tandem.tandems.models import FormedTandemOwned, Tandem, TandemStatus
from tandem.tandems.services import tandem_end_without_blame
from tandem.tandems.tests.answers_helpers import accept_both
from tandem.tandems.tests.factories import TandemFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_proposal_with_a_formed_key_is_refused():
    tandem = TandemFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Tandem.objects.filter(pk=tandem.pk).update(formed_key=uuid.uuid4())


def test_a_formed_tandem_without_a_formed_key_is_refused():
    tandem = TandemFactory(confirmed=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        Tandem.objects.filter(pk=tandem.pk).update(formed_key=None)


def test_confirming_sets_the_formed_key_and_ending_keeps_it(proposal):
    accept_both(proposal)
    tandem_confirm(tandem=proposal, enrolment=proposal.mentee, actor=None)
    assert proposal.formed_key is None
    tandem_confirm(tandem=proposal, enrolment=proposal.mentor, actor=None)
    proposal.refresh_from_db()
    assert proposal.status == TandemStatus.CONFIRMED
    key = proposal.formed_key
    assert key is not None

    tandem_end_without_blame(tandem=proposal, leaving=proposal.mentee, actor=None)
    proposal.refresh_from_db()
    assert (proposal.status, proposal.formed_key) == (TandemStatus.ENDED, key)


@pytest.fixture
def lifecycle_model():
    """A concrete lifecycle model, as the next issues will add, with its table for this test."""
    with isolate_apps("tandem.tandems"):

        class Note(FormedTandemOwned):
            text = models.CharField(max_length=20)

            class Meta:
                app_label = "tandems"

        with connection.schema_editor() as editor:
            editor.create_model(Note)
        try:
            yield Note
        finally:
            with connection.schema_editor() as editor:
                editor.delete_model(Note)


def test_the_database_refuses_a_lifecycle_row_for_a_tandem_that_has_not_formed(lifecycle_model):
    proposal = TandemFactory(published=True)
    # An unformed tandem has no formed key: the row can only point at its id, which is not a key.
    with pytest.raises(IntegrityError), transaction.atomic():
        lifecycle_model.objects.create(tandem_id=uuid.uuid4(), text="note")
    assert proposal.formed_key is None

    formed = TandemFactory(confirmed=True)
    note = lifecycle_model.objects.create(tandem=formed, text="note")
    assert note.tandem_id == formed.formed_key


# Matching-side relations that exist before a tandem forms (a request leads to its proposal): they
# must point at any tandem, so they use the plain primary key.
PROPOSAL_SIDE_RELATIONS = {
    ("matching", "mentorrequest", "tandem"),
    ("matching", "matchingrun", "proposals"),
}


def test_every_relation_to_a_tandem_goes_through_the_formed_key():
    offenders = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if not (field.many_to_one or field.one_to_one or field.many_to_many):
                continue
            if getattr(field, "related_model", None) is not Tandem or field.auto_created:
                continue
            key = (model._meta.app_label, model._meta.model_name, field.name)
            if key in PROPOSAL_SIDE_RELATIONS:
                continue
            if getattr(field, "to_fields", None) not in (["formed_key"], ("formed_key",)):
                offenders.append(key)
    assert offenders == []
