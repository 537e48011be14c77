"""The session plan (R18): one entry per planned meeting with suggested topics, example questions
and a give-back slot, and short tutorials a tandem attaches to a topic (and may offer to the
company's library).

**Generating** (`services.plan_generate`, only when the pair asks): the topics come from the
agreement (the version in force, else the one being agreed) or, without one, from the enrolments
(`sources.py`); `ordering.py` (pure, property-tested) orders them — fundamentals first, then the
larger gap between current and target level, then company priority — and spreads them over the
cohort's target number of meetings: one or two learning topics and one give-back topic each.

**The pair's edits** (move up or down, title and notes, replace, add or remove a topic, add or
delete an entry) mark a generated entry as changed. Regenerating replaces changed entries only
after the pair confirmed it, and always keeps the entries they added (`ordering.merge_positions`).

**The next meeting.** Entry n is planned for meeting n; held and scheduled meetings have taken
theirs. A new meeting's agenda starts with the next entry's topics and up to two example
questions each, in the reader's language (`selectors.next_agenda`, wired into
`meetings.services.agenda_seed`).

**Tutorials** (`tutorials.py`, `tutorial_views.py`): a link (http or https only), a text, or a
file of at most 5 MB whose name and content agree on PDF, PNG, JPEG, text or Markdown
(`file_types.py`). Files lie under a random name in ``MEDIA_ROOT/tutorials/`` and are sent only
by permission-checked views, as attachments with ``nosniff``. Offering a tutorial to the library
is its author's consent; a coordinator approves or rejects it; only approved ones are seen by
other tandems, and never with the tandem's or the author's name. A coordinator reads what was
offered (it was offered for publication), never a tutorial that was not.

**The coordinator's overview** learns only the date of the plan's last change and of the last
tutorial added (`selectors.progress_facts`, as activity).

**Discretion (R3).** Titles, notes, tutorial texts, links and file names are encrypted at rest;
audit rows hold ids, positions, kinds, sizes and counts. The mentee's current level only orders
the plan and is never shown.
"""
