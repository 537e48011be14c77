"""The tandem's own space (issue 10): everything a formed tandem does during its round.

One feature package per part, each with its models, services, selectors, forms, views and urls
side by side (ARCHITECTURE.md). The space page (`page/`) shows one card per feature:

- `onboarding/`: role guides per program, the didactics guide, each partner's checklist (R14, R17)
- `agreements/`: the tandem agreement, drafted, reviewed, signed by both, versioned (R19)
- `plan/`: the session plan generated from agreement and enrolments, tutorials (R18)
- `meetings/`: meetings with agendas, .ics invitations, feedback, recordings (R20, R21, R23)
- `notes/`: each partner's private journal and the pair's shared notes (R3, R21)
- `learning/`: what was learned and the tandem's KPIs (R21, R22)
- `calendar/`: each person's secret calendar subscription
- `ending/`: ending a tandem early, and at the cohort's closing (R1)
- `overview/`: the coordinator's list of tandems (dates and counts only) and each partner's view
  of exactly that (R3)

Everything a tandem writes is for its two members only and encrypted at rest
(`core.encryption`); every model hangs off `tandems.models.FormedTandemOwned`, so nothing can
attach to a tandem that has not formed.
"""
