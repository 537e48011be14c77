"""The matching engine: pure Python, no Django import (the Django side only builds its input).

Input: mentees and mentors with capacities, feasible pairs with scores, pins and forbids.
Output: the assignment, its total score, and a certificate that it is optimal.

    from tandem.matching.engine import Instance, Mode, solve
    result = solve(instance, mode=Mode.COUNT)
"""

from .solve import solve
from .types import Edge, Instance, InstanceError, Mode, Pair, Participant, Result

__all__ = ["Edge", "Instance", "InstanceError", "Mode", "Pair", "Participant", "Result", "solve"]
