"""The end of a tandem (R1): early, by either partner, without blame; and at the cohort's close.

* **Early**: either partner ends the tandem on its "End the tandem" page, after a confirmation,
  without giving a reason (none is asked or stored). The other partner gets the kind note of
  `tandems.emails` (it ends, it says nothing about them, the coordinator will be in touch); the
  coordinator gets a note that the tandem ended — not who ended it. Like a declined proposal, the
  audit row records no actor.
* **At the close**: when a cohort is closed, every formed tandem of it ends. Programs (below)
  cannot call up into tandems, so the space treats a tandem of a closed cohort as ended at once
  (`Space.is_running`), and the periodic job `workspace.tasks.end_tandems_of_closed_cohorts`
  (every ten minutes, idempotent) records the end on the tandem.

An ended tandem stays readable to its two members; nothing in it changes
(`@space_view(write=True)`).
"""
