"""A faster bulk_update: the same UPDATE … SET col = CASE pk WHEN … END statement that Django's
QuerySet.bulk_update() sends, built directly.

bulk_update() builds one When(pk=…) expression per object and field and resolves each through
the ORM, about 0.2 ms apiece: 100,000 changed e-mails (a new company domain) took 100 s. Here
the values go through the fields' own get_db_prep_save() and the backend's own rules (quoting,
batch size, the cast PostgreSQL needs — `requires_casted_case_in_updates`, as Django does), so
the statement is plain standard SQL on every backend Django supports.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from django.db import connection
from django.db.models import Field, Model


def bulk_update_fast(objs: Sequence[Model], field_names: Sequence[str]) -> int:
    """Write `field_names` of every object (matched by pk) like bulk_update(); returns rows."""
    if not objs:
        return 0
    model = type(objs[0])
    meta = model._meta
    # the caller names concrete columns of the model, never relations seen from the other side
    fields = cast("list[Field[Any, Any]]", [meta.get_field(name) for name in field_names])
    quote = connection.ops.quote_name
    table, pk_column = quote(meta.db_table), quote(meta.pk.column)
    cast_case = connection.features.requires_casted_case_in_updates
    batch_size = max(1, connection.ops.bulk_batch_size(["pk", "pk", *fields], objs))
    updated = 0
    with connection.cursor() as cursor:
        for start in range(0, len(objs), batch_size):
            batch = objs[start : start + batch_size]
            assignments: list[str] = []
            params: list[Any] = []
            branches = " ".join(["WHEN %s THEN %s"] * len(batch))
            for field in fields:
                case = f"CASE {pk_column} {branches} END"
                if cast_case:
                    cast_type = field.cast_db_type(connection)  # type: ignore[attr-defined]  # missing in django-stubs 5.2
                    case = f"CAST({case} AS {cast_type})"
                assignments.append(f"{quote(field.column)} = {case}")
                for obj in batch:
                    value = field.get_db_prep_save(getattr(obj, field.attname), connection)
                    params.extend((obj.pk, value))
            placeholders = ", ".join(["%s"] * len(batch))
            params.extend(obj.pk for obj in batch)
            cursor.execute(
                f"UPDATE {table} SET {', '.join(assignments)} "  # names quoted above
                f"WHERE {pk_column} IN ({placeholders})",
                params,
            )
            updated += cursor.rowcount
    return updated
