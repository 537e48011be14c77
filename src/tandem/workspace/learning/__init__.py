"""What was learned, and KPIs (R21, R22).

* **Learned**: an entry per learning — a topic of the catalogue, the date, a sentence of what was
  learned (encrypted). Either partner adds entries; both read them; the author edits or deletes.
* **KPIs**: a measurable goal with a target number and a due date ("publish a post on LinkedIn
  within a month": target 1, due in 30 days), its progress, and done when the progress reaches
  the target (a database constraint ties the two). The catalogue suggests KPIs per topic
  (`topics.KpiSuggestion`); suggestions for the tandem's own topics come first.

The coordinator's row counts KPIs done and in all, and takes the latest change as activity —
never a title or a learning.
"""
