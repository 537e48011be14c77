"""The tandem agreement (R19): goals, meetings, formats, success criteria, how the two reach each
other and a no-fault ending clause — drafted by one partner, read by the other, signed by both,
versioned.

**Versions.** An `AgreementVersion` (numbered 1, 2, … per tandem) is draft → awaiting signatures
→ signed → superseded. The database holds the rules that can be constraints: at most one version
being agreed (draft or awaiting) and at most one in force (signed) per tandem; the brief's "one
current version" is split in these two, because a signed agreement stays in force while a change
to it is being agreed. Meeting length 15–90 minutes, at least one format, and the timestamps
that go with each status are check constraints.

**Flow** (`services.py`; every step locks the tandem row, refuses once the tandem has ended and
writes one audit row of numbers, sides and counts, never text):

1. `agreement_start`: either partner starts version 1, pre-filled (`prefill.py`) from the
   enrolments — the mentee's learning needs the mentor teaches, the give-back topics where the
   mentee's offer meets the mentor's wish, the formats both chose that the cohort allows — and
   from the cohort (cadence, meeting length), plus a default no-fault ending clause and success
   criteria in the drafter's language. Later versions start as a copy of the one in force.
2. `agreement_draft_save`: both may edit the draft (terms and goals, each goal linked to at least
   one catalogue topic, in the learning or the give-back direction).
3. `agreement_submit`: the draft goes to the partner for signing (needs a goal in each
   direction, success criteria, how to reach each other and the ending clause); the partner gets
   an e-mail without any of the agreement's text (`emails.py`, after the commit).
4. `agreement_sign`: each side signs once; the submitter signs too. With both signatures the
   version is in force and the one it replaces is superseded. If the reviewer signs first, the
   submitter is told by e-mail that it now awaits their signature.
5. `agreement_reopen`: while awaiting signatures, the reviewer asks for changes (an optional
   note, encrypted, shown on the draft; the submitter is told by e-mail) or the submitter takes
   it back. Signatures so far lapse: the changed draft needs both again.
6. `agreement_discard`: a proposed change to a signed agreement can be dropped (the first
   version cannot: it is edited until the two agree).

**Nobody signs what they have not read.** Pages carry the fingerprint of what they showed
(`content.py`: a SHA-256 over the number, the terms and the goals, computed, never stored).
Signing, submitting and saving compare it with the version as it is now and refuse with a clear
message if it changed in between.

**Discretion (R3).** Every text is `encrypted_text`; nothing here is in the admin, the audit
trail, or the coordinator's pages. The coordinator's list gets two dates from
`selectors.progress_facts` (when the version in force was signed, the last change).

**Goals and signatures** hang off their version (cascade) rather than deriving from
`FormedTandemOwned` themselves: the version is the tandem's row, and a second tandem key on a
goal could disagree with its version's.

**History.** Every version stays readable to the two partners (`history/`, `v<number>/`),
except a discarded change, which never was in force.
"""
