"""The space page: the partner, the cohort's contact person and one card per feature.

Each feature package offers ``selectors.card(space=...)`` returning its card's context (or None
to show no card) and a template ``workspace/<feature>/_card.html``. The page collects them in the
order of `workspace.features.FEATURES`; a feature adds itself by providing both, nothing here
changes. Each card reads with a fixed number of queries, so the page's count does not grow with
the number of meetings, notes or KPIs (pinned in tests).
"""
