"""Messages between meetings (R23): one thread per formed tandem, for its two partners only.

A message is a short text (at most `MAX_TEXT` characters), optionally with one small file (the
tutorials' allow-list and size limit, `plan/file_types.py`, plus Word, Excel and PowerPoint).
The text and the file's name are encrypted at rest; the file is stored under a random name and
sent only by a permission-checked download. An ended tandem's thread stays readable, read-only.

Unread: each partner has a `MessageReadMark` (tandem, side): when they last opened the thread
(`read_at`) and up to which message an e-mail told them about new ones (`notified_until`,
`notified_at`). The navigation's badge counts unread messages across a person's running tandems
in one query (`context_processors.unread_messages`, lazy: nobody but a participant pays it).

E-mail (`digest.py`, run by `tasks.py` every five minutes): per person, as they chose in their
notification settings — right away, once a day in the morning, or never — one e-mail that says
only how many new messages wait in which tandem(s), with the link. Never a word of a message,
never a file name. The state above makes it idempotent: a second run sends nothing new, and after
downtime one e-mail covers everything missed.

Others learn nothing: coordinators, sponsors, superusers and the admin never see a message; the
audit rows hold ids, sides and sizes only.
"""
