"""The mentee's request to a mentor: goals and what they offer in return. The form parses; the
service decides (and says why not)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tandem.core.forms import ServiceErrorsMixin
from tandem.core.text_limits import long_text_field


class MentorRequestForm(ServiceErrorsMixin, forms.Form):
    goals = long_text_field(
        rows=6,
        label=_("What I would like to learn"),
        help_text=_(
            "Your goals for the tandem, in a few sentences: what you want to be able to do "
            "afterwards. At most 2,000 characters."
        ),
        error_messages={"required": _("Write what you would like to learn from this mentor.")},
    )
    offer = long_text_field(
        rows=4,
        label=_("What I offer in return"),
        help_text=_(
            "Reverse mentoring works both ways: what can the mentor learn from you? At most "
            "2,000 characters."
        ),
        error_messages={
            "required": _(
                "Write what you offer in return, for example your experience with leading teams "
                "or a look behind the scenes of your area."
            )
        },
    )

    # The same limit as every other text people write (core.text_limits); the service checks
    # it again with the same message.
