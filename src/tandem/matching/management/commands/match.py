"""`tandem match COHORT [--dry-run] [--mode score|count] [--format text|json]`.

Runs matching for a cohort (COHORT is its id, as in the address of the cohort page): like the
button on the matching page, recorded as "system". `--dry-run` shows what a run would propose and
writes nothing. Errors (an unknown cohort, the wrong phase): a message saying what is wrong and
how to fix it on stderr, exit code 2, nothing on stdout.
"""

from __future__ import annotations

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tandem.enrolment.models import Enrolment
from tandem.matching.models import MatchingMode
from tandem.matching.pairing.messages import unmatched_text
from tandem.matching.runs.services import check_matching_phase, matching_dry_run, matching_run
from tandem.programs.models import Cohort
from tandem.tandems.models import TandemStatus

INPUT_ERROR = 2


class Command(BaseCommand):
    help = (
        "Run matching for a cohort (by id): propose the best tandems for everyone still free, "
        "with a proof of optimality. --dry-run only shows what a run would propose. "
        "Exit code 2 for an unknown cohort or the wrong phase."
    )

    def add_arguments(self, parser):
        parser.add_argument("cohort", help="the cohort's id (the number in its page address)")
        parser.add_argument("--dry-run", action="store_true", help="show, but write nothing")
        parser.add_argument("--mode", choices=MatchingMode.values, default=MatchingMode.SCORE)
        parser.add_argument("--format", choices=("text", "json"), default="text")

    def handle(self, *args, cohort: str, dry_run: bool, mode: str, **options):
        target = self._cohort(cohort)
        try:
            check_matching_phase(cohort=target)
            answer = self._dry_run(target, mode) if dry_run else self._run(target, mode)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages), returncode=INPUT_ERROR) from None
        if options["format"] == "json":
            self.stdout.write(json.dumps(answer, ensure_ascii=False, indent=2))
        else:
            self._write_text(answer)

    def _cohort(self, value: str) -> Cohort:
        try:
            pk = int(value)
        except ValueError:
            raise CommandError(
                _(
                    "“%(value)s” is not a cohort id. Give the number from the address of the "
                    "cohort's page, for example 12."
                )
                % {"value": value},
                returncode=INPUT_ERROR,
            ) from None
        cohort = Cohort.objects.select_related("program").filter(pk=pk).first()
        if cohort is None:
            raise CommandError(
                _(
                    "There is no cohort with the id %(id)d. The id is the number in the address "
                    "of the cohort's page."
                )
                % {"id": pk},
                returncode=INPUT_ERROR,
            )
        return cohort

    def _dry_run(self, cohort: Cohort, mode: str) -> dict:
        outcome = matching_dry_run(cohort=cohort, mode=mode)
        result = outcome.result
        pairs = [
            (p.mentee_id, p.mentor_id, p.score, p.breakdown_dict(), p.pinned) for p in outcome.pairs
        ]
        return self._answer(
            cohort,
            mode,
            dry_run=True,
            pairs=pairs,
            totals=(result.total_score, result.matched, result.optimal, result.bound),
            unmatched=outcome.unmatched,
        )

    def _run(self, cohort: Cohort, mode: str) -> dict:
        run = matching_run(cohort=cohort, actor=None, mode=mode)
        tandems = run.proposals.filter(status=TandemStatus.PROPOSED).order_by("-score", "id")
        pairs = [(t.mentee_id, t.mentor_id, t.score, t.breakdown, t.pinned) for t in tandems]
        people = (run.unmatched or {}).get("people", {})
        return self._answer(
            cohort,
            mode,
            dry_run=False,
            pairs=pairs,
            totals=(run.total_score, run.matched, run.optimal, run.bound),
            unmatched={int(k): v for k, v in people.items()},
        )

    def _answer(self, cohort, mode, *, dry_run, pairs, totals, unmatched) -> dict:
        ids = {a for a, _b, *_ in pairs} | {b for _a, b, *_ in pairs} | set(unmatched)
        names = {
            e.pk: e.person.full_name
            for e in Enrolment.objects.filter(pk__in=ids).select_related("person")
        }
        total, matched, optimal, bound = totals
        return {
            "cohort": cohort.pk,
            "mode": mode,
            "dry_run": dry_run,
            "pairs": [
                {
                    "mentee": mentee,
                    "mentee_name": names.get(mentee, ""),
                    "mentor": mentor,
                    "mentor_name": names.get(mentor, ""),
                    "score": round(score or 0.0, 4),
                    "breakdown": breakdown,
                    "pinned": pinned,
                }
                for mentee, mentor, score, breakdown, pinned in pairs
            ],
            "total_score": round(total, 4),
            "matched": matched,
            "optimal": optimal,
            "bound": None if bound is None else round(bound, 4),
            "unmatched": [
                {
                    "enrolment": pk,
                    "name": names.get(pk, ""),
                    "side": entry.get("side"),
                    "code": entry.get("code"),
                    "reason": unmatched_text(entry),
                }
                for pk, entry in unmatched.items()
            ],
        }

    def _write_text(self, answer: dict) -> None:
        rows = [(_("Mentee"), _("Mentor"), _("Score"), "")]
        rows += [
            (
                p["mentee_name"],
                p["mentor_name"],
                f"{p['score']:.2f}",
                _("pinned") if p["pinned"] else "",
            )
            for p in answer["pairs"]
        ]
        widths = [max(len(row[k]) for row in rows) for k in range(3)]
        for row in rows:
            line = f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:>{widths[2]}}  {row[3]}"
            self.stdout.write(line.rstrip())
        self.stdout.write("")
        self.stdout.write(
            ngettext(
                "%(count)d tandem, total score %(total).2f.",
                "%(count)d tandems, total score %(total).2f.",
                answer["matched"],
            )
            % {"count": answer["matched"], "total": answer["total_score"]}
        )
        if answer["optimal"]:
            self.stdout.write(
                self.style.SUCCESS(
                    _("Proven optimal: the upper bound %(bound).2f equals the total.")
                    % {"bound": answer["bound"]}
                )
            )
        else:
            self.stdout.write(self.style.WARNING(_("Not proven optimal.")))
        if answer["dry_run"]:
            self.stdout.write(_("Dry run: nothing was saved."))
        if answer["unmatched"]:
            self.stdout.write("")
            self.stdout.write(_("Not matched:"))
            for entry in answer["unmatched"]:
                side = _("Mentee") if entry["side"] == "mentee" else _("Mentor")
                self.stdout.write(f"  {entry['name']} ({side}): {entry['reason']}")
