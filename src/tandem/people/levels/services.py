"""Putting the named career levels in order (the Career levels page, `import-people --levels`).

A level's rank is also kept on each of its people (`Person.career_level`), so that eligibility,
matching and the filters compare plain numbers; these services are the one place that changes
ranks and they update both together. A person with a bare number and no named level belongs to
the level of that rank once there is one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tandem.core.services import audit_record
from tandem.people.models import CareerLevel, Person

MAX_RANK = 32767


def rank_problems(ranks: Mapping[str, int | None]) -> list[str]:
    """What is wrong with level name → rank (None = unranked): ranks out of range, duplicates."""
    problems = []
    seen: dict[int, str] = {}
    for name, rank in ranks.items():
        if rank is None:
            continue
        if not 1 <= rank <= MAX_RANK:
            problems.append(
                _("The rank of '%(name)s' must be a whole number from 1 to %(max)s.")
                % {"name": name, "max": MAX_RANK}
            )
        elif rank in seen:
            problems.append(
                _(
                    "'%(name)s' and '%(other)s' both have rank %(rank)s; give each level its "
                    "own rank."
                )
                % {"name": name, "other": seen[rank], "rank": rank}
            )
        else:
            seen[rank] = name
    return problems


def order_problems(*, names: Sequence[str], known: Sequence[str]) -> list[str]:
    """What is wrong with a complete order of level names (lowest to highest) given the known
    level names: empty names, duplicates, unknown names and known levels left out."""
    problems = []
    folded = {name.casefold(): name for name in known}
    seen: set[str] = set()
    for name in names:
        key = name.strip().casefold()
        if not key:
            problems.append(_("The list of career levels contains an empty name; remove it."))
        elif key in seen:
            problems.append(
                _("The career level '%(name)s' is listed twice; list each level once.")
                % {"name": name.strip()}
            )
        elif key not in folded:
            problems.append(
                _("'%(name)s' is not a career level (known levels: %(known)s); check the spelling.")
                % {"name": name.strip(), "known": ", ".join(sorted(known)) or "–"}
            )
        seen.add(key)
    missing = [name for key, name in folded.items() if key not in seen]
    if missing:
        problems.append(
            _(
                "The order must list every career level, but these are missing: %(names)s. "
                "Add them where they belong."
            )
            % {"names": ", ".join(sorted(missing))}
        )
    return problems


@transaction.atomic
def career_levels_set_ranks(
    *, ranks: Mapping[int, int | None], actor: User | AnonymousUser | None
) -> list[CareerLevel]:
    """Give levels (by pk) a rank, or none; levels not named keep theirs. Raises ValidationError
    when two levels would share a rank or a rank is out of range."""
    levels = {level.pk: level for level in CareerLevel.objects.select_for_update()}
    unknown = set(ranks) - set(levels)
    if unknown:
        raise ValidationError(_("A career level was deleted meanwhile; reload the page."))
    final = {pk: ranks.get(pk, level.rank) for pk, level in levels.items()}
    problems = rank_problems({levels[pk].name: rank for pk, rank in final.items()})
    if problems:
        raise ValidationError(problems)
    changed = {pk: rank for pk, rank in final.items() if rank != levels[pk].rank}
    if not changed:
        return sorted(levels.values(), key=_order_key)
    # People with a bare number belong to the level of that rank (before ranks move).
    for pk, level in levels.items():
        if level.rank is not None:
            Person.objects.filter(level__isnull=True, career_level=level.rank).update(level=pk)
    # Free the ranks first: the unique constraint is checked statement by statement.
    CareerLevel.objects.filter(pk__in=changed).update(rank=None)
    for pk, rank in changed.items():
        CareerLevel.objects.filter(pk=pk).update(rank=rank)
        Person.objects.filter(level=pk).update(career_level=rank)
        if rank is not None:
            Person.objects.filter(level__isnull=True, career_level=rank).update(level=pk)
        levels[pk].rank = rank
    audit_record(
        actor=actor,
        action="people.career_levels_rank",
        data={
            "ranks": {levels[pk].name: rank for pk, rank in sorted(final.items())},
            "changed": sorted(levels[pk].name for pk in changed),
        },
    )
    return sorted(levels.values(), key=_order_key)


@transaction.atomic
def career_levels_set_order(
    *, names: Sequence[str], actor: User | AnonymousUser | None
) -> list[CareerLevel]:
    """Rank every level in one go: `names` lists all levels from the lowest (rank 1, entry
    level) to the highest. Raises ValidationError with every problem of the list."""
    by_fold = {level.name.casefold(): level for level in CareerLevel.objects.select_for_update()}
    problems = order_problems(names=names, known=[level.name for level in by_fold.values()])
    if problems:
        raise ValidationError(problems)
    ranks = {by_fold[name.strip().casefold()].pk: i for i, name in enumerate(names, start=1)}
    return career_levels_set_ranks(ranks=ranks, actor=actor)


@transaction.atomic
def career_level_move(
    *, level: CareerLevel, up: bool, actor: User | AnonymousUser | None
) -> list[CareerLevel]:
    """Move a level one place up (more senior) or down in the order; an unranked level is
    placed above the highest ranked level. Ranks become 1…n for the ranked levels."""
    ranked = list(CareerLevel.objects.select_for_update().filter(rank__isnull=False))
    ranked.sort(key=_order_key)
    order = [lv.pk for lv in ranked]
    if level.pk not in order:
        order.append(level.pk)
    else:
        i = order.index(level.pk)
        j = i + 1 if up else i - 1
        if 0 <= j < len(order):
            order[i], order[j] = order[j], order[i]
    return career_levels_set_ranks(
        ranks={pk: i for i, pk in enumerate(order, start=1)}, actor=actor
    )


def _order_key(level: CareerLevel) -> tuple[bool, int, str]:
    return (level.rank is None, level.rank or 0, level.name.casefold())


def career_levels_ordered() -> list[CareerLevel]:
    """All levels, ranked ones lowest first, then the unranked ones by name (a selector)."""
    return sorted(CareerLevel.objects.all(), key=_order_key)


def unranked_level_names() -> list[str]:
    return sorted(CareerLevel.objects.filter(rank__isnull=True).values_list("name", flat=True))
