"""The matching engine: pure Python, no Django import (the Django side only builds its input).

Input: mentees and mentors with capacities, feasible pairs with scores, pins and forbids.
Output: the assignment, its total score, and a certificate that it is optimal.
"""
