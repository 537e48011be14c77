"""One cell → one typed value, per field. Pure: no database, errors are raised as FieldError."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils.translation import gettext as _

from tandem.people.importing.languages import language_code
from tandem.people.importing.reading import Cell
from tandem.people.models import Person
from tandem.people.normalize import (
    InvisibleCharacter,
    checked_text,
    clean_text,
    describe_character,
    email_key,
    normalize_email,
)


class _EmailValidator(EmailValidator):
    """Django's EmailValidator with its patterns compiled once (Django's are lazy objects,
    which cost more than the match itself when 100,000 addresses are checked)."""

    user_regex = re.compile(EmailValidator.user_regex.pattern, EmailValidator.user_regex.flags)
    domain_regex = re.compile(
        EmailValidator.domain_regex.pattern, EmailValidator.domain_regex.flags
    )
    literal_regex = re.compile(
        EmailValidator.literal_regex.pattern, EmailValidator.literal_regex.flags
    )


_validate_email = _EmailValidator()
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?")
_GERMAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})")
_LANGUAGE_SEPARATORS = re.compile(r"[,;/|]")
_INTEGER = re.compile(r"\d+")
# UTF-8 read as Windows-1252: a lead byte followed by as many continuation bytes as it needs
# ("Ã¼" for ü, "â€“" for –). "Lukáš" (á then š) is no such sequence: á would need two.
_CONTINUATION = f"[{re.escape(bytes(range(0x80, 0xC0)).decode('cp1252', 'ignore'))}]"
_UTF8_AS_CP1252 = re.compile(
    f"[\u00c2-\u00df]{_CONTINUATION}"
    f"|[\u00e0-\u00ef]{_CONTINUATION}{{2}}"
    f"|[\u00f0-\u00f4]{_CONTINUATION}{{3}}"
)
_SURROGATE = re.compile("[\udc80-\udcff]")
SHOWN_CHARACTERS = 60  # messages quote at most this much of a cell
# A cell that looks like a number is meant as a rank, never as the name of a level.
_NUMBER_LIKE = re.compile(r"[-+]?\d+(?:[.,]\d*)?")

KINDS = {
    "employee": Person.Kind.EMPLOYEE,
    "mitarbeiter": Person.Kind.EMPLOYEE,
    "mitarbeiterin": Person.Kind.EMPLOYEE,
    "mitarbeiter(in)": Person.Kind.EMPLOYEE,
    "mitarbeiter:in": Person.Kind.EMPLOYEE,
    "mitarbeiter*in": Person.Kind.EMPLOYEE,
    "mitarbeitende": Person.Kind.EMPLOYEE,
    "mitarbeitender": Person.Kind.EMPLOYEE,
    "angestellte": Person.Kind.EMPLOYEE,
    "angestellter": Person.Kind.EMPLOYEE,
    "alumnus": Person.Kind.ALUMNUS,
    "alumna": Person.Kind.ALUMNUS,
    "alumni": Person.Kind.ALUMNUS,
    "alumnae": Person.Kind.ALUMNUS,
    "alumnus/alumna": Person.Kind.ALUMNUS,
    "external": Person.Kind.EXTERNAL,
    "extern": Person.Kind.EXTERNAL,
    "externe": Person.Kind.EXTERNAL,
    "externer": Person.Kind.EXTERNAL,
}
ACTIVE = {
    "ja": True, "yes": True, "1": True, "true": True, "wahr": True, "aktiv": True, "active": True,
    "nein": False, "no": False, "0": False, "false": False, "falsch": False, "inaktiv": False,
    "inactive": False,
}  # fmt: skip


class FieldError(ValueError):
    """The cell cannot be used; the message says what is wrong and how to fix it."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class ParseContext:
    """What parsing needs to know besides the cell: today's date."""

    today: date


def shown(value: str) -> str:
    """A cell as a message quotes it: invalid bytes as �, invisible characters named, long
    values cut (a message must not carry a 100 KB cell)."""
    text = value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    if len(text) > SHOWN_CHARACTERS:
        text = text[:SHOWN_CHARACTERS] + "…"
    return "".join(
        f"<{describe_character(c)}>" if not c.isprintable() and c != " " else c for c in text
    )


def cell_text(value: Cell, *, email: bool = False) -> str:
    """The text of a cell: NFC, white space folded, invisible characters removed at the edges.

    Raises FieldError for what would be imported garbled: a control or invisible format
    character inside, bytes that are not valid in the file's encoding, or text that is UTF-8
    read as Windows-1252 ("JÃ¼rgen").
    """
    if not isinstance(value, str):
        value = str(value)
    if value.isascii():
        try:
            checked_text(value)
        except InvisibleCharacter as exc:
            raise _invisible_error(exc) from None
        return " ".join(value.split())
    if _SURROGATE.search(value):
        raw = value.encode("utf-8", "surrogateescape")
        raise FieldError(
            _(
                "the cell contains bytes that are not valid UTF-8 ('%(value)s'; read as "
                "Windows-1252 it would be '%(other)s'): this row was saved in another "
                "character encoding than the rest of the file; save the whole file as "
                "'CSV UTF-8' and upload it again"
            )
            % {"value": shown(value), "other": shown(raw.decode("cp1252", "replace"))}
        )
    if _UTF8_AS_CP1252.search(value):
        raise _mojibake_error(value)
    try:
        return clean_text(checked_text(value, email=email))
    except InvisibleCharacter as exc:
        raise _invisible_error(exc) from None


def _invisible_error(exc: InvisibleCharacter) -> FieldError:
    return FieldError(
        _(
            "the cell contains the invisible character %(char)s, which is not allowed here (it "
            "can make a name look like another or break an e-mail address); delete it — "
            "retyping the value removes it"
        )
        % {"char": describe_character(exc.char)}
    )


def _mojibake_error(value: str) -> FieldError:
    try:
        fixed = value.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return FieldError(
            _(
                "'%(value)s' looks garbled by a wrong character encoding; check the characters "
                "in this cell, then save the whole file as 'CSV UTF-8' and upload it again"
            )
            % {"value": shown(value)}
        )
    return FieldError(
        _(
            "'%(value)s' looks garbled by a wrong character encoding (probably '%(fixed)s': "
            "text saved as UTF-8 but read as Windows-1252); save the whole file as 'CSV UTF-8' "
            "(in Excel: Save as → CSV UTF-8) and upload it again"
        )
        % {"value": shown(value), "fixed": shown(fixed)}
    )


def _limited(text: str, limit: int) -> str:
    if len(text) > limit:
        raise FieldError(
            _("the value is %(length)s characters long, at most %(limit)s are allowed; shorten it")
            % {"length": len(text), "limit": limit}
        )
    return text


def parse_required_text(value: Cell, *, label: object, limit: int = 150) -> str:
    text = _limited(cell_text(value), limit)
    if not text:
        raise FieldError(
            _("the %(field)s is empty; every person needs one — fill in the cell")
            % {"field": label}
        )
    return text


def parse_text(value: Cell, *, limit: int = 200) -> str:
    return _limited(cell_text(value), limit)


def parse_employee_id(value: Cell) -> str | None:
    return _limited(cell_text(value), 64) or None


def parse_email(value: Cell) -> str:
    """The e-mail as stored (see normalize_email); raises FieldError if it is not valid."""
    raw = value if isinstance(value, str) else str(value)
    email = normalize_email(cell_text(raw, email=True))
    if not email:
        raise FieldError(_("the e-mail is empty; every person needs an e-mail address"))
    _limited(email, 254)
    try:
        _validate_email(email)
    except ValidationError:
        raise FieldError(
            _(
                "'%(value)s' is not a valid e-mail address; correct it "
                "(for example anna.schmidt@example.com)"
            )
            % {"value": shown(raw.strip())}
        ) from None
    return email


def parse_date(value: Cell, *, today: date | None = None) -> date | None:
    """ISO YYYY-MM-DD, DD.MM.YYYY, D.M.YYYY, DD.MM.YY or an XLSX date; empty → None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    if not text:
        return None
    try:
        if match := _ISO_DATE.fullmatch(text):
            year, month, day = (int(g) for g in match.groups())
            return date(year, month, day)
        if match := _GERMAN_DATE.fullmatch(text):
            day, month, year = (int(g) for g in match.groups())
            if len(match.group(3)) == 2:
                # Two-digit years: this century unless that would be in the future.
                this_year = (today or date.today()).year  # noqa: DTZ011 - a calendar date
                year += 2000 if 2000 + year <= this_year else 1900
            return date(year, month, day)
    except ValueError:
        pass  # 31.02.2020 matches the pattern but is no date
    raise FieldError(
        _("cannot read '%(value)s' as a date; use DD.MM.YYYY or YYYY-MM-DD")
        % {"value": shown(text)}
    )


EARLIEST_HIRE_DATE = date(1900, 1, 1)
HIRE_DATE_YEARS_AHEAD = 2  # contracts are signed before the first day, rarely years before


def parse_hire_date(value: Cell, *, today: date) -> date | None:
    """A hire date from 1900 to two years from today: anything else is a typing error (and would
    break every date computed from it, such as the tenure limit of a cohort)."""
    day = parse_date(value, today=today)
    if day is None:
        return None
    latest = date(today.year + HIRE_DATE_YEARS_AHEAD, 12, 31)
    if not EARLIEST_HIRE_DATE <= day <= latest:
        raise FieldError(
            _("'%(value)s' is not a plausible hire date; use a date between %(first)s and %(last)s")
            % {
                "value": day.strftime("%d.%m.%Y"),
                "first": EARLIEST_HIRE_DATE.strftime("%d.%m.%Y"),
                "last": latest.strftime("%d.%m.%Y"),
            }
        )
    return day


def parse_career_level(value: Cell) -> int | str | None:
    """A rank (whole number, 1 = entry level) or the name of a level ("Direktor"); names the
    installation does not know yet become new levels without a rank (see plan.py)."""
    text = cell_text(value)
    if not text:
        return None
    if _INTEGER.fullmatch(text) and 0 < int(text) <= 32767:
        return int(text)
    if _NUMBER_LIKE.fullmatch(text):
        raise FieldError(
            _(
                "unknown career level '%(value)s'; use a whole number from 1 (entry level) "
                "upwards, or the name of the level"
            )
            % {"value": text}
        )
    return _limited(text, 100)


def parse_birth_year(value: Cell, *, today: date) -> int | None:
    text = cell_text(value)
    if not text:
        return None
    if re.fullmatch(r"\d{4}", text) and 1900 <= int(text) <= today.year:
        return int(text)
    raise FieldError(
        _("'%(value)s' is not a birth year; use a four-digit year between 1900 and %(year)s")
        % {"value": shown(text), "year": today.year}
    )


def parse_languages(value: Cell) -> list[str]:
    codes: list[str] = []
    unknown: list[str] = []
    for part in _LANGUAGE_SEPARATORS.split(cell_text(value)):
        name = part.strip()
        if not name:
            continue
        code = language_code(name)
        if code is None:
            unknown.append(name)
        elif code not in codes:
            codes.append(code)
    if unknown:
        raise FieldError(
            _(
                "unknown language '%(names)s'; use two-letter ISO codes such as de, en, fr or "
                "names such as Deutsch, Englisch, French, separated by commas"
            )
            % {"names": "', '".join(unknown)}
        )
    return codes


def parse_org_unit(value: Cell) -> tuple[str, ...] | None:
    """'Vertrieb > Marketing' → ('Vertrieb', 'Marketing'); empty → None."""
    text = cell_text(value)
    if not text:
        return None
    parts = tuple(clean_text(p) for p in text.split(">"))
    if not all(parts):
        raise FieldError(
            _(
                "the org unit path '%(value)s' has an empty part; write it like "
                "'Vertrieb > Marketing' (parent unit first)"
            )
            % {"value": shown(text)}
        )
    for part in parts:
        _limited(part, 200)
    return parts


def parse_kind(value: Cell) -> str | None:
    text = cell_text(value)
    if not text:
        return None
    kind = KINDS.get(text.casefold().replace(" ", ""))
    if kind is None:
        raise FieldError(
            _(
                "unknown kind of person '%(value)s'; use Mitarbeiter (employee), Alumni "
                "(alumnus) or Extern (external)"
            )
            % {"value": shown(text)}
        )
    return str(kind)


def parse_active(value: Cell) -> bool | None:
    text = cell_text(value)
    if not text:
        return None
    active = ACTIVE.get(text.casefold())
    if active is None:
        raise FieldError(
            _("cannot read '%(value)s' as active or not; use ja/nein, yes/no or 1/0")
            % {"value": shown(text)}
        )
    return active


def parse_manager_ref(value: Cell, *, field_name: str) -> tuple[str, str] | None:
    """('id', employee id) or ('email', e-mail key); a 'manager' cell with '@' is an e-mail."""
    text = cell_text(value)
    if not text:
        return None
    if field_name == "manager_email" or (field_name == "manager" and "@" in text):
        return "email", email_key(parse_email(text))
    return "id", _limited(text, 64)
