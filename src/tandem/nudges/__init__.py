"""Nudges and reminders (issue 11, points 6 and 7): friendly e-mails when something waits too long,
and reminders before meetings and cohort events.

The pipeline, one module per step:

- `due.py` — pure: when each nudge is due, from dates, counts and a cohort's timings (no DB).
- `models.py` — `CohortNudgeTimings` (a cohort's timings; no row = the defaults) and `SentNudge`
  (one row per nudge sent; its unique key makes a nudge impossible to send twice).
- `selectors.py` — batched reads of what may be due (a fixed number of queries per batch).
- `services.py` — claims the due nudges (insert first, under the unique key) and sends their
  e-mails after the commit; `emails.py` builds them.
- `tasks.py` — the periodic jobs: daily for the day-granular rules, hourly for meeting reminders.
- `views.py` — the coordinator's page for a cohort's timings.

Why a `SentNudge` table instead of a ``next_nudge_at`` column on each subject: the subjects live
in four apps below this one (proposals and requests in matching, meetings in workspace, events in
programs), and a column on each would make those apps know about nudges. The daily scan reads the
subjects in batches anyway (their dates decide what is due), so a ``next_nudge_at`` would save no
query; the stored `SentNudge` rows are what makes every job idempotent: a job run twice, or after
downtime, finds what is due from stored state, skips what was sent and misses nothing.
"""
