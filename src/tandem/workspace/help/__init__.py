"""Confidential help and re-match (R25): a partner asks the cohort's contact for help, in
confidence, or asks for a new partner.

* **Asking for help.** Either partner of a running tandem writes to the cohort's contact — the
  cohort's coordinator (`Cohort.coordinator`) while their account is usable and holds the
  coordinator role (`contact.py`; a leaver is nobody's contact). The asker chooses, with no
  default, whether the partner may know that they asked. Told: the partner's space says that
  their partner asked for help, and when (never the text). Not told: nothing at all reaches the
  partner — no page, no count, no e-mail. The text is encrypted at rest.
* **The help inbox.** The cohort's contact alone reads the requests of their cohort: who asked,
  in which tandem, the text, and sets the status (open, in progress, resolved) and a private
  remark (encrypted; never shown to the participants). The request is addressed to the contact
  *role* of the cohort, so a coordinator who takes a cohort over takes its inbox over too. Other
  coordinators, sponsors and superusers who do not coordinate the cohort are refused: the issue
  says that nobody reads a help request that is not addressed to them. The contact gets an
  e-mail on a new request without its text, only a link to the inbox.
* **Aggregates.** Elsewhere requests are counted per cohort (the coordinator's tandem list shows
  how many are open), never per tandem. Audit rows carry ids, never text.
* **Re-match** (`rematch.py`): a partner ends the tandem without blame, exactly like ending it
  early, and both go back into the cohort's pool (their enrolments stay active; an ended tandem
  holds no seat), with a do-not-match row so that the next run does not pair them again. Nothing
  records who asked: the coordinator's list shows "ended, re-match requested".
"""
