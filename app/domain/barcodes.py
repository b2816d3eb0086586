"""Bill barcodes as billers print them, read into who is owed what.

Two families, configured per biller (see docs/barcodes.md):

* GS1-128 payment slips ("recaudo"): application identifiers (415) pay-to GLN,
  (8020) payment reference, (3900)-(3909) amount payable and, on Colombian
  slips, (96) due date.  Scanners in keyboard mode send the FNC1 group
  separator as ASCII 29, as a text rendering such as ``<GS>``, or drop it; a
  backtracking parser copes with the last case and a documented rule settles
  the rare strings that split more than one way.
* Fixed-position numeric codes such as Argentina's Pago Fácil / Rapipago:
  company code, client code, amount, dates and check digits at fixed offsets.

Whatever text comes in, :func:`parse_bill_barcode` returns a
:class:`ScannedBill` or raises :class:`DomainError`; nothing else escapes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import KW_ONLY, dataclass
from datetime import date, timedelta
from typing import Literal

from app.domain.errors import DomainError

GS = "\x1d"

#: what a bill payment reference (AI 8020) may hold: the GS1 character set 82
#: minus the characters scanners and printed slips use for structure
#: (parentheses of the human-readable form, ``<`` ``>`` of ``<GS>``).
_REFERENCE_CHARS = frozenset(
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!\"%&'*+,-./:;=?_"
)
_DIGITS = frozenset("0123456789")

#: longest input worth looking at; a real slip is under 100 characters.
_MAX_INPUT = 512
#: all-digit strings at least this long are taken for barcodes even when no
#: configured fixed format has that length (22 is an Argentine CBU/CVU).
_LONG_NUMERIC = 24
#: shortest GS1 slip: 415 + 13 digits + 8020 + one reference character.
_MIN_GS1 = 21

# Text renderings of the FNC1 / group separator that keyboard-wedge scanners
# are commonly configured to send.  None of them can occur in a reference.
_GS_RENDERINGS = re.compile(r"<GS>|\{GS\}|\[GS\]|<FNC1>|\{FNC1\}|\[FNC1\]|\^\]|~|\u241d", re.IGNORECASE)
# AIM symbology identifier a scanner may prefix: "]C1" for GS1-128, "]I0" for
# interleaved 2 of 5, "]C0" for plain Code 128, ...
_AIM_PREFIX = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
# Spaces between printed digit groups or a scanner's Enter suffix.  Not
# str.isspace(): Python counts ASCII 29 as whitespace.
_BLANKS = re.compile(r"[ \t\r\n\f\v\u00a0]+")

_DATE_FORMATS = ("YYYYMMDD", "YYMMDD", "YYDDD")
_CHECK_DIGITS = ("mod10_1357", "mod10_31", "none")

_MSG_MALFORMED = "No se reconoce el código de barras. Vuelva a escanearlo o escriba el número de cuenta."
_MSG_UNKNOWN = "El código de barras no es de una factura conocida."
_MSG_CHECK = (
    "El código de barras no pasó la verificación. Vuelva a escanearlo o escriba el número de cuenta."
)


# --------------------------------------------------------------------------- formats


@dataclass(frozen=True)
class Gs1Format:
    """A biller whose slips carry a GS1-128 payment barcode.

    ``amount_decimals`` are the decimals of the biller's minor unit: the
    amount read from AI 390n is rescaled to it.  ``reference_length``, for
    billers that print fixed-length references, is enforced and settles the
    reading of barcodes whose separators the scanner dropped.
    """

    gln: str
    kind: Literal["gs1"] = "gs1"
    _: KW_ONLY
    amount_decimals: int = 2
    reference_length: int | None = None

    def __post_init__(self) -> None:
        if self.kind != "gs1":
            raise _config_error("el tipo debe ser 'gs1'")
        if not (isinstance(self.gln, str) and len(self.gln) == 13 and set(self.gln) <= _DIGITS):
            raise _config_error(f"el GLN {self.gln!r} debe tener 13 dígitos")
        if gs1_check_digit(self.gln[:12]) != self.gln[12]:
            raise _config_error(f"el dígito verificador del GLN {self.gln} no es válido")
        if not (isinstance(self.amount_decimals, int) and 0 <= self.amount_decimals <= 9):
            raise _config_error("los decimales del monto deben estar entre 0 y 9")
        if self.reference_length is not None and not (
            isinstance(self.reference_length, int) and 1 <= self.reference_length <= 25
        ):
            raise _config_error("el largo de la referencia debe estar entre 1 y 25")


@dataclass(frozen=True)
class FixedField:
    """A slice of a fixed-position barcode: ``raw[start:start + length]``."""

    name: str
    start: int
    length: int

    @property
    def end(self) -> int:
        return self.start + self.length

    def cut(self, digits: str) -> str:
        return digits[self.start : self.end]


@dataclass(frozen=True)
class FixedFormat:
    """A biller whose barcode is a fixed-length string of digits.

    ``fields`` must name "company" and "reference"; "amount" (integer with
    ``amount_decimals`` implied decimals), "due_date" (``date_format``) and
    "check" (one or two check digits, see :func:`fixed_check_digits`) are
    optional; any other field is carried on the slip but ignored here.
    """

    company_code: str
    length: int
    fields: tuple[FixedField, ...]
    check_digit: str = "mod10_1357"
    kind: Literal["fixed"] = "fixed"
    _: KW_ONLY
    amount_decimals: int = 2
    date_format: str = "YYYYMMDD"

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", tuple(self.fields))
        if self.kind != "fixed":
            raise _config_error("el tipo debe ser 'fixed'")
        if not all(isinstance(f, FixedField) for f in self.fields):
            raise _config_error("los campos deben ser FixedField")
        if not isinstance(self.company_code, str):
            raise _config_error("el código de empresa debe ser texto")
        if not (isinstance(self.length, int) and 1 <= self.length <= 128):
            raise _config_error("el largo del código debe estar entre 1 y 128")
        names = [f.name for f in self.fields]
        if len(set(names)) != len(names):
            raise _config_error("hay campos repetidos")
        used: set[int] = set()
        for f in self.fields:
            if not (f.start >= 0 and f.length >= 1 and f.end <= self.length):
                raise _config_error(f"el campo {f!r} se sale del código")
            span = set(range(f.start, f.end))
            if span & used:
                raise _config_error(f"el campo {f.name!r} se superpone con otro")
            used |= span
        for required in ("company", "reference"):
            if required not in names:
                raise _config_error(f"falta el campo {required!r}")
        company = self.field("company")
        assert company is not None
        if not (len(self.company_code) == company.length and set(self.company_code) <= _DIGITS):
            raise _config_error(f"el código de empresa debe tener {company.length} dígitos")
        if self.check_digit not in _CHECK_DIGITS:
            raise _config_error(f"el dígito verificador {self.check_digit!r} no existe")
        check = self.field("check")
        if self.check_digit == "none":
            if check is not None:
                raise _config_error("hay campo 'check' pero el dígito verificador es 'none'")
        elif check is None or check.length not in (1, 2):
            raise _config_error("el campo 'check' debe existir y tener 1 o 2 dígitos")
        elif check.length == 2 and self.check_digit != "mod10_1357":
            raise _config_error("solo 'mod10_1357' admite dos dígitos verificadores")
        if self.date_format not in _DATE_FORMATS:
            raise _config_error(f"el formato de fecha {self.date_format!r} no existe")
        due = self.field("due_date")
        if due is not None and due.length != len(self.date_format):
            raise _config_error(f"el campo 'due_date' debe tener {len(self.date_format)} dígitos")
        if not (isinstance(self.amount_decimals, int) and 0 <= self.amount_decimals <= 9):
            raise _config_error("los decimales del monto deben estar entre 0 y 9")

    def field(self, name: str) -> FixedField | None:
        for f in self.fields:
            if f.name == name:
                return f
        return None


BarcodeFormat = Gs1Format | FixedFormat


@dataclass(frozen=True)
class ScannedBill:
    """What a bill barcode says: whose bill, which account, how much, until when."""

    biller_id: str
    reference: str
    amount_minor: int | None
    due_date: date | None
    raw: str


def _config_error(detail: str) -> DomainError:
    return DomainError(
        "bad_barcode_config", f"La configuración del código de barras no es válida: {detail}."
    )


def format_from_config(table: Mapping[str, object]) -> BarcodeFormat:
    """Build a format from a ``[billers.X.barcode]`` settings table."""
    try:
        data = dict(table)
        kind = data.pop("kind", None)
        if kind == "gs1":
            return Gs1Format(**data)  # type: ignore[arg-type]
        if kind == "fixed":
            raw_fields = data.pop("fields", ())
            fields = tuple(
                FixedField(str(f["name"]), int(f["start"]), int(f["length"]))  # type: ignore[index]
                for f in raw_fields  # type: ignore[attr-defined]
            )
            return FixedFormat(fields=fields, **data)  # type: ignore[arg-type]
    except DomainError:
        raise
    except (TypeError, ValueError, KeyError) as e:
        raise _config_error(str(e)) from e
    raise _config_error(f"el tipo {kind!r} no existe; use 'gs1' o 'fixed'")


# --------------------------------------------------------------------------- check digits


def gs1_check_digit(digits: str) -> str:
    """GS1 mod-10: weights 3, 1, 3, ... from the rightmost digit; the check
    digit brings the sum up to a multiple of ten."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return str(-total % 10)


def _mod10_1357(digits: str) -> str:
    # Pago Fácil / Rapipago: weights 1, 3, 5, 7, 9, then 3, 5, 7, 9 repeating
    # from the left; the check digit is (sum // 2) mod 10.
    weights = (3, 5, 7, 9)
    total = sum(int(d) * (1 if i == 0 else weights[(i - 1) % 4]) for i, d in enumerate(digits))
    return str(total // 2 % 10)


def _mod10_31(digits: str) -> str:
    # AFIP RG 1702: odd positions from the left times 3, even times 1; the
    # check digit brings the sum up to a multiple of ten.
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(digits))
    return str(-total % 10)


def fixed_check_digits(fmt: FixedFormat, digits: str) -> str:
    """The check digit(s) for ``digits`` (a full-length code; its check field is ignored).

    They are computed over every other character of the code, in order.  A
    two-digit check field holds the check digit of that data followed by the
    check digit of the data plus the first one.
    """
    check = fmt.field("check")
    if check is None:
        return ""
    data = digits[: check.start] + digits[check.end :]
    algorithm = _mod10_1357 if fmt.check_digit == "mod10_1357" else _mod10_31
    first = algorithm(data)
    return first if check.length == 1 else first + algorithm(data + first)


# --------------------------------------------------------------------------- detection


def _normalise(text: str) -> str:
    s = text.strip(" \t\r\n\f\v\u00a0")
    s = _AIM_PREFIX.sub("", s, count=1)
    s = _GS_RENDERINGS.sub(GS, s)
    s = _BLANKS.sub("", s)
    s = re.sub(GS + "{2,}", GS, s)
    return s.strip(GS)


def _looks_gs1(s: str) -> bool:
    if s.startswith("(415)") or s.startswith("(8020)"):
        return True
    return len(s) >= _MIN_GS1 and s.startswith("415") and set(s[3:16]) <= _DIGITS and s[16:20] == "8020"


def looks_like_barcode(text: str, formats: Mapping[str, BarcodeFormat] | None = None) -> bool:
    """Is what the cashier typed or scanned into the one search field a bill barcode?

    Account numbers are short digit strings and names have letters and
    spaces; a bill barcode is a GS1 slip (starts with 415 + GLN + 8020, or its
    printed form with parentheses, or holds a group separator), a digit
    string as long as a configured fixed format, or any digit string of 24 or
    more characters.  Never raises.
    """
    if not isinstance(text, str) or len(text) > _MAX_INPUT:
        return False
    stripped = text.strip(" \t\r\n\f\v\u00a0")
    if _AIM_PREFIX.match(stripped):
        return True
    s = _normalise(text)
    if not s:
        return False
    if GS in s or _looks_gs1(s):
        return True
    if set(s) <= _DIGITS:
        if len(s) >= _LONG_NUMERIC:
            return True
        if formats:
            return any(isinstance(f, FixedFormat) and f.length == len(s) for f in formats.values())
    return False


# --------------------------------------------------------------------------- parsing


def parse_bill_barcode(raw: str, formats: Mapping[str, BarcodeFormat]) -> ScannedBill:
    """Read a scanned or typed bill barcode against the billers' formats.

    Raises DomainError with code ``malformed_barcode`` (not a bill barcode,
    truncated, damaged), ``bad_check_digit``, ``unknown_biller``,
    ``bad_amount`` (amount finer than the biller's currency),
    ``bad_due_date`` (fixed formats: impossible date) or ``ambiguous_biller``
    (two configured fixed formats claim the code).
    """
    if not isinstance(raw, str) or len(raw) > _MAX_INPUT:
        raise DomainError("malformed_barcode", _MSG_MALFORMED, field="barcode")
    s = _normalise(raw)
    if not s:
        raise DomainError("malformed_barcode", _MSG_MALFORMED, field="barcode")

    fixed_error: DomainError | None = None
    if set(s) <= _DIGITS:
        try:
            found = _parse_fixed(s, raw, formats)
        except DomainError as e:
            fixed_error = e
        else:
            if found is not None:
                return found

    gs1_error: DomainError | None = None
    if _gs1_shaped(s):
        try:
            return _parse_gs1(s, raw, formats)
        except DomainError as e:
            gs1_error = e

    if fixed_error is not None and (gs1_error is None or gs1_error.code == "malformed_barcode"):
        raise fixed_error
    if gs1_error is not None:
        raise gs1_error
    if set(s) <= _DIGITS and any(isinstance(f, FixedFormat) and f.length == len(s) for f in formats.values()):
        raise DomainError("unknown_biller", _MSG_UNKNOWN, field="barcode")
    raise DomainError("malformed_barcode", _MSG_MALFORMED, field="barcode")


# ---- fixed position


def _parse_fixed(s: str, raw: str, formats: Mapping[str, BarcodeFormat]) -> ScannedBill | None:
    claims = [
        (biller_id, fmt)
        for biller_id, fmt in formats.items()
        if isinstance(fmt, FixedFormat)
        and fmt.length == len(s)
        and fmt.field("company").cut(s) == fmt.company_code  # type: ignore[union-attr]
    ]
    if not claims:
        return None
    verified = [(b, f) for b, f in claims if _check_digits_match(f, s)]
    if not verified:
        raise DomainError("bad_check_digit", _MSG_CHECK, field="barcode")
    if len(verified) > 1:
        raise DomainError(
            "ambiguous_biller",
            "Este código de barras corresponde a más de un facturador configurado. "
            "Avise a la oficina central.",
            field="barcode",
        )
    biller_id, fmt = verified[0]
    amount_field = fmt.field("amount")
    due_field = fmt.field("due_date")
    return ScannedBill(
        biller_id=biller_id,
        reference=fmt.field("reference").cut(s),  # type: ignore[union-attr]
        amount_minor=int(amount_field.cut(s)) if amount_field else None,
        due_date=_read_fixed_date(due_field.cut(s), fmt.date_format) if due_field else None,
        raw=raw,
    )


def _check_digits_match(fmt: FixedFormat, s: str) -> bool:
    check = fmt.field("check")
    return check is None or check.cut(s) == fixed_check_digits(fmt, s)


def _read_fixed_date(text: str, date_format: str) -> date | None:
    if set(text) == {"0"}:
        return None  # billers print zeros when the bill has no due date
    try:
        if date_format == "YYYYMMDD":
            return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
        if date_format == "YYMMDD":
            return date(2000 + int(text[:2]), int(text[2:4]), int(text[4:6]))
        year, day = 2000 + int(text[:2]), int(text[2:5])
        if not 1 <= day <= 366:
            raise ValueError(day)
        result = date(year, 1, 1) + timedelta(days=day - 1)
        if result.year != year:
            raise ValueError(day)
        return result
    except ValueError:
        raise DomainError(
            "bad_due_date", "La fecha de vencimiento del código de barras no es válida.", field="barcode"
        ) from None


# ---- GS1-128


@dataclass(frozen=True)
class _Element:
    ai: str
    value: str


def _gs1_shaped(s: str) -> bool:
    return s.startswith("(") or "415" in s


def _ai_at(s: str, pos: int) -> str | None:
    # The four AIs form a prefix-free code, so at most one can start here.
    if s.startswith("415", pos):
        return "415"
    if s.startswith("8020", pos):
        return "8020"
    if s.startswith("390", pos) and pos + 3 < len(s) and s[pos + 3] in _DIGITS:
        return s[pos : pos + 4]
    if s.startswith("96", pos):
        return "96"
    return None


def _family(ai: str) -> str:
    return "390n" if ai.startswith("390") else ai


def _valid_value(ai: str, value: str) -> bool:
    if ai == "415":
        return len(value) == 13 and set(value) <= _DIGITS
    if ai == "96":
        return _gs1_date(value) is not None
    if ai == "8020":
        return 1 <= len(value) <= 25 and set(value) <= _REFERENCE_CHARS
    return 1 <= len(value) <= 15 and set(value) <= _DIGITS


def _gs1_date(value: str) -> date | None:
    if len(value) != 8 or not set(value) <= _DIGITS:
        return None
    year = int(value[:4])
    if not 2000 <= year <= 2099:
        return None
    try:
        return date(year, int(value[4:6]), int(value[6:8]))
    except ValueError:
        return None


_FIXED_LENGTH = {"415": 13, "96": 8}
_MAX_LENGTH = {"8020": 25}


def _splits(s: str, pos: int, seen: frozenset[str], strict: bool) -> Iterator[tuple[_Element, ...]]:
    """Every way to read ``s[pos:]`` as a sequence of distinct known elements.

    A variable-length value ends at a separator or at the end of the data;
    when not ``strict`` (the scanner dropped separators) it may also end
    wherever the next element can begin.
    """
    if pos == len(s):
        yield ()
        return
    ai = _ai_at(s, pos)
    if ai is None or _family(ai) in seen:
        return
    seen = seen | {_family(ai)}
    start = pos + len(ai)
    if ai in _FIXED_LENGTH:
        end = start + _FIXED_LENGTH[ai]
        value = s[start:end]
        if not _valid_value(ai, value):
            return
        nxt = end + 1 if s.startswith(GS, end) else end
        for rest in _splits(s, nxt, seen, strict):
            yield (_Element(ai, value), *rest)
        return
    gs_at = s.find(GS, start)
    limit = len(s) if gs_at < 0 else gs_at
    longest = _MAX_LENGTH.get(ai, 15)
    for end in range(start + 1, min(limit, start + longest) + 1):
        value = s[start:end]
        if not _valid_value(ai, value):
            break  # a bad character stays bad in every longer value
        if end == limit:
            nxt = limit + 1 if gs_at >= 0 else limit
        elif strict:
            continue
        else:
            nxt = end
        for rest in _splits(s, nxt, seen, strict):
            yield (_Element(ai, value), *rest)


def _read_parenthesised(s: str) -> list[tuple[_Element, ...]]:
    parts = re.fullmatch(r"(?:\(\d{2,4}\)[^()]*)+", s)
    if parts is None:
        return []
    elements: list[_Element] = []
    for ai, value in re.findall(r"\((\d{2,4})\)([^()]*)", s):
        value = value.replace(GS, "")
        if not (ai in ("415", "8020", "96") or re.fullmatch(r"390\d", ai)) or not _valid_value(ai, value):
            return []
        elements.append(_Element(ai, value))
    families = [_family(e.ai) for e in elements]
    if len(set(families)) != len(families):
        return []
    return [tuple(elements)]


_CANONICAL = ("415", "8020", "390n", "96")


def _rank(
    parse: tuple[_Element, ...], formats: Mapping[str, BarcodeFormat]
) -> tuple[bool, bool, bool, int, bool, int]:
    """Order of preference among complete readings (docs/barcodes.md, "The rule")."""
    by_ai = {_family(e.ai): e.value for e in parse}
    fmt = _gs1_format(by_ai["415"], formats)
    wanted = fmt[1].reference_length if fmt else None
    return (
        fmt is not None,
        wanted is None or len(by_ai["8020"]) == wanted,
        parse[-1].ai == "96",
        len(by_ai.get("390n", "")),
        [f for f in _CANONICAL if f in by_ai] == [_family(e.ai) for e in parse],
        -len(by_ai["8020"]),
    )


def _gs1_format(gln: str, formats: Mapping[str, BarcodeFormat]) -> tuple[str, Gs1Format] | None:
    for biller_id, fmt in formats.items():
        if isinstance(fmt, Gs1Format) and fmt.gln == gln:
            return biller_id, fmt
    return None


def _parse_gs1(s: str, raw: str, formats: Mapping[str, BarcodeFormat]) -> ScannedBill:
    if "(" in s or ")" in s:
        candidates = _read_parenthesised(s)
    else:
        candidates = list(_splits(s, 0, frozenset(), strict=GS in s))
        if not candidates and GS in s:
            # a slip printed without FNC1 after some field, read by a scanner
            # that sends the others: let values end without a separator too
            candidates = list(_splits(s, 0, frozenset(), strict=False))
    candidates = [c for c in candidates if {"415", "8020"} <= {_family(e.ai) for e in c}]
    if not candidates:
        raise DomainError("malformed_barcode", _MSG_MALFORMED, field="barcode")
    best = max(candidates, key=lambda c: _rank(c, formats))
    by_ai = {_family(e.ai): e for e in best}
    gln = by_ai["415"].value
    if gs1_check_digit(gln[:12]) != gln[12]:
        raise DomainError("bad_check_digit", _MSG_CHECK, field="barcode")
    found = _gs1_format(gln, formats)
    if found is None:
        raise DomainError("unknown_biller", _MSG_UNKNOWN, field="barcode")
    biller_id, fmt = found
    if fmt.reference_length is not None and len(by_ai["8020"].value) != fmt.reference_length:
        raise DomainError("malformed_barcode", _MSG_MALFORMED, field="barcode")
    amount_minor = None
    if "390n" in by_ai:
        element = by_ai["390n"]
        amount_minor = _rescale(int(element.value), int(element.ai[3]), fmt.amount_decimals)
    due = _gs1_date(by_ai["96"].value) if "96" in by_ai else None
    return ScannedBill(biller_id, by_ai["8020"].value, amount_minor, due, raw)


def _rescale(value: int, decimals: int, minor_decimals: int) -> int:
    if decimals <= minor_decimals:
        return value * 10 ** (minor_decimals - decimals)
    whole, rest = divmod(value, 10 ** (decimals - minor_decimals))
    if rest:
        raise DomainError(
            "bad_amount",
            "El monto del código de barras tiene más decimales de los que usa la moneda.",
            field="barcode",
        )
    return whole


# --------------------------------------------------------------------------- building


def build_gs1(
    gln: str,
    reference: str,
    amount_minor: int | None,
    decimals: int,
    due_date: date | None,
    *,
    gs: str = GS,
) -> str:
    """The data a scanner sends for a GS1-128 payment slip (without ]C1).

    Elements go in the usual order 415, 8020, 390n, 96 with ``gs`` after each
    variable-length value that is not last; ``gs=""`` gives what a scanner
    that drops FNC1 sends.  The amount is written with ``decimals`` implied
    decimals and no padding.
    """
    if not (len(gln) == 13 and set(gln) <= _DIGITS and gs1_check_digit(gln[:12]) == gln[12]):
        raise DomainError("bad_check_digit", f"El GLN {gln!r} no es válido.", field="gln")
    if not _valid_value("8020", reference):
        raise DomainError(
            "malformed_barcode", "La referencia debe tener de 1 a 25 letras o dígitos.", field="reference"
        )
    if not (isinstance(decimals, int) and 0 <= decimals <= 9):
        raise DomainError("bad_amount", "Los decimales del monto deben estar entre 0 y 9.", field="amount")
    out = "415" + gln + "8020" + reference
    if amount_minor is not None:
        if not (isinstance(amount_minor, int) and 0 <= amount_minor < 10**15):
            raise DomainError("bad_amount", "El monto no cabe en el código de barras.", field="amount")
        out += gs + f"390{decimals}{amount_minor}"
    if due_date is not None:
        if not 2000 <= due_date.year <= 2099:
            raise DomainError("bad_due_date", "La fecha de vencimiento no es válida.", field="due_date")
        out += gs + "96" + due_date.strftime("%Y%m%d")
    return out


def build_fixed(fmt: FixedFormat, reference: str, amount_minor: int | None, due_date: date | None) -> str:
    """A fixed-position code for ``fmt`` with its check digit(s) computed.

    The reference is zero-padded on the left to its field; fields the format
    has but this function does not know are filled with zeros; a missing due
    date is written as zeros.
    """
    digits = ["0"] * fmt.length

    def put(name: str, value: str) -> None:
        f = fmt.field(name)
        assert f is not None
        if len(value) > f.length or not set(value) <= _DIGITS:
            raise DomainError(
                "malformed_barcode", f"El valor {value!r} no cabe en el campo {name!r}.", field=name
            )
        digits[f.start : f.end] = value.rjust(f.length, "0")

    put("company", fmt.company_code)
    put("reference", reference)
    if fmt.field("amount") is not None:
        if amount_minor is None or amount_minor < 0:
            raise DomainError("bad_amount", "Este formato lleva un monto.", field="amount")
        put("amount", str(amount_minor))
    elif amount_minor is not None:
        raise DomainError("bad_amount", "Este formato no lleva monto.", field="amount")
    due_field = fmt.field("due_date")
    if due_field is not None and due_date is not None:
        if not 2000 <= due_date.year <= 2099:
            raise DomainError("bad_due_date", "La fecha de vencimiento no es válida.", field="due_date")
        if fmt.date_format == "YYYYMMDD":
            text = due_date.strftime("%Y%m%d")
        elif fmt.date_format == "YYMMDD":
            text = due_date.strftime("%y%m%d")
        else:
            text = due_date.strftime("%y") + f"{due_date.timetuple().tm_yday:03d}"
        put("due_date", text)
    code = "".join(digits)
    check = fmt.field("check")
    if check is None:
        return code
    return code[: check.start] + fixed_check_digits(fmt, code) + code[check.end :]
