"""Withdrawing from a cohort with one action (R1): everything a person has in the cohort ends.

It lives in matching because matching is the highest app whose state it changes: the enrolment
(enrolment), the person's mentor requests (matching) and their proposals and tandems (tandems).
"""
