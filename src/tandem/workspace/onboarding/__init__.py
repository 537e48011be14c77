"""Onboarding (R17, R14): role guides and a checklist per partner.

* **Guides**: for mentors, for mentees, and a didactics guide for mentors (`guides.py` ships
  German and English defaults). A coordinator may rewrite each one per program
  (`ProgramGuide`); a guide left empty in one language falls back to the default.
* **Checklist**: per partner. Items Tandem can answer tick themselves (`checklist.py`): charter
  accepted, kickoff answered (when the cohort has a kickoff), agreement signed, first meeting
  scheduled — the last two asked of the features that know (`checklist_facts(space=…)` in their
  `selectors.py`). The person ticks the other items (`ChecklistTick`).
"""
