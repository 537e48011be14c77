"""`tandem solve-matching INSTANCE.json [--mode score|count] [--format json|text]`.

Solves a matching instance file exactly (see `tandem.matching.engine.fileformat` for the format
and `tandem.matching.engine.solve` for the method and the certificate). `-` reads standard input.
Malformed input: a message naming the field and position on stderr, exit code 2, nothing on stdout.
"""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from tandem.matching.engine.fileformat import load_problem, solution_json
from tandem.matching.engine.solve import Solution, solve_problem
from tandem.matching.engine.types import InstanceError

INPUT_ERROR = 2
REASONS = {
    "no_capacity": gettext_noop("capacity 0"),
    "no_feasible_partner": gettext_noop("no feasible partner"),
    "partners_at_capacity": gettext_noop("all feasible partners are at capacity"),
}


class Command(BaseCommand):
    help = (
        "Solve a matching instance file exactly: maximum total score (--mode score) or as many "
        "pairs as possible, then the best score (--mode count), with a proof of optimality "
        "(dual bound). Exit code 2 if the file is malformed."
    )
    # The engine is pure: no model, URL or database is involved, so the system checks (which load
    # every URL configuration and view) are not needed; `tandem solve-matching` runs it without
    # django.setup() (see tandem.cli).
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("instance", help="the instance JSON file, or - for standard input")
        parser.add_argument("--mode", choices=("score", "count"), default="score")
        parser.add_argument(
            "--format", choices=("text", "json"), default="text", help="output format"
        )

    def handle(self, *args, instance: str, mode: str, **options):
        data = self._read(instance)
        try:
            solution = solve_problem(load_problem(data), mode=mode)
        except InstanceError as exc:
            name = _("standard input") if instance == "-" else instance
            raise CommandError(f"{name}: {exc}", returncode=INPUT_ERROR) from None
        if options["format"] == "json":
            self.stdout.write(solution_json(solution))
        else:
            self._write_text(solution)

    def _read(self, instance: str) -> bytes:
        if instance == "-":
            stream = getattr(sys.stdin, "buffer", sys.stdin)
            data = stream.read()
            return data.encode() if isinstance(data, str) else data
        try:
            with open(instance, "rb") as handle:
                return handle.read()
        except FileNotFoundError:
            raise CommandError(
                _("The file %(path)s does not exist; check the path.") % {"path": instance},
                returncode=INPUT_ERROR,
            ) from None
        except OSError as exc:
            raise CommandError(
                _("The file %(path)s cannot be read (%(reason)s).")
                % {"path": instance, "reason": exc.strerror or exc},
                returncode=INPUT_ERROR,
            ) from None

    def _write_text(self, solution: Solution) -> None:
        result = solution.result
        rows = [(_("Mentee"), _("Mentor"), _("Score"))]
        rows += [(p.mentee, p.mentor, f"{p.score:.2f}") for p in result.pairs]
        widths = [max(len(row[k]) for row in rows) for k in range(3)]
        for row in rows:
            self.stdout.write(
                f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:>{widths[2]}}"
            )
        self.stdout.write("")
        self.stdout.write(
            ngettext(
                "%(count)s pair, total score %(total).2f.",
                "%(count)s pairs, total score %(total).2f.",
                result.matched,
            )
            % {"count": result.matched, "total": result.total_score}
        )
        if result.optimal:
            self.stdout.write(
                self.style.SUCCESS(
                    _("Proven optimal: dual bound %(bound).2f equals the total.")
                    % {"bound": result.bound}
                )
            )
        else:
            self.stdout.write(self.style.WARNING(_("Not proven optimal.")))
        for side, reasons in (
            (_("Unmatched mentees"), solution.unmatched_mentees),
            (_("Unmatched mentors"), solution.unmatched_mentors),
        ):
            if reasons:
                self.stdout.write(f"{side}:")
                for pid, code in reasons.items():
                    self.stdout.write(f"  {pid}: {_(REASONS.get(code, code))}")
