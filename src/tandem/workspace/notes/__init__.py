"""Notes (R3, R21): each partner's private journal and the pair's shared notes.

A note is private (its author alone reads it, the partner never) or shared (both read it; its
author edits and deletes it). The text is encrypted at rest (`core.encryption`). What others
learn: nothing — the coordinator's progress row takes only the date of the latest *shared* note
as activity; a private journal leaves no trace outside its author's page.
"""
