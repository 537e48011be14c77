"""What coordinators see of running tandems, and each partner's view of exactly that (R3).

The coordinator's list per cohort shows metadata only: who is paired, formed since, agreement
signed or not, meetings held against the cohort's target, the next meeting's date, the last
activity, KPIs done of total, and the tandem's health (`health.py`, pure: on track, needs a
check-in, stalled, too early to tell, ended — judged from those dates and counts alone, its words
in `health_texts.py`). Never a word the pair wrote. Each feature package contributes its
facts through ``selectors.progress_facts(*, tandem_ids)`` (one or two queries for all tandems);
`facts.py` merges them. A partner's page "What your coordinator sees" renders the very same row
(`workspace/overview/_row.html`), so the transparency page cannot drift from the real list.
"""
