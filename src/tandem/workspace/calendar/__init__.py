"""Each person's secret calendar subscription (`/space/calendar/<token>.ics`).

One address per person that a calendar program (Outlook, Google, Apple) reads without signing in:
the meetings of all the person's formed tandems (cancelled ones as STATUS:CANCELLED, so that
subscribed calendars drop them) and the joint events of the cohorts they are enrolled in.

The token decides everything, so:

- it is 32 random bytes (`secrets.token_urlsafe(32)`, 43 characters): unguessable;
- only its SHA-256 is stored: a copy of the database or a backup gives nobody a working address.
  A hash without a salt is enough here: the token has 256 bits of entropy, so there is nothing to
  guess from the hash;
- it is **shown once**, on the page that creates it (the page answers with ``no-store``). It
  cannot be shown again since it is not stored; a person who lost it makes a new one, which
  revokes the old one;
- a revoked (or unknown, or malformed) token answers 404, as does the token of a person who has
  left (inactive in the directory);
- the lookup is by hash with a unique index, and the found hash is compared again with
  `hmac.compare_digest`: nothing about the token depends on how long a comparison takes.

What the feed holds follows the e-mails (`meetings/ics.py`): dates, lengths, formats, the partner's
name and the link to the space — never an agenda, place or note. A calendar service keeps a copy
of whatever a feed holds, and its administrators are not the pair.
"""
