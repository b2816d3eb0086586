"""The wire schema of PROTOCOL.md, shared by the terminal and the central service.

Everything a byte on the wire must satisfy lives here, once:

* the item format (re-exported from :mod:`app.domain.protocol`: canonical JSON,
  the hash chain, UUIDv7, RFC 3339 times, the payment arithmetic);
* request signing (the exact string PROTOCOL.md signs);
* the batch envelope and each item type, as strict pydantic models, and the
  checks that turn a bad item into a ``rejected`` reason code.

Central imports terminal code only through this module (DESIGN.md: "central/
shares no code with the terminal but the wire schema in sync/").  It uses the
standard library and pydantic only: no HTTP client is imported here.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Annotated, Any, Final, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    ValidationError,
)

from app.domain.money import minor_units
from app.domain.protocol import (
    ITEM_TYPES,
    PROTOCOL_VERSION,
    TENDER_KINDS,
    ZERO_HASH,
    canonical_json,
    item_hash,
    parse_rfc3339,
    payment_numbers_problem,
    rfc3339,
    seal,
    uuid7,
    verify_chain,
)

__all__ = [
    "ITEM_TYPES",
    "PROTOCOL_VERSION",
    "TENDER_KINDS",
    "ZERO_HASH",
    "canonical_json",
    "item_hash",
    "parse_rfc3339",
    "payment_numbers_problem",
    "rfc3339",
    "seal",
    "uuid7",
    "verify_chain",
    "minor_units",
    "MAX_BATCH_ITEMS",
    "MAX_BATCH_BYTES",
    "MAX_CLOCK_SKEW",
    "MAX_MINOR",
    "SIGNATURE_HEADERS",
    "signing_string",
    "sign_request",
    "signed_headers",
    "decode_secret",
    "body_sha256",
    "ItemProblem",
    "item_problem",
    "check_control",
    "BatchEnvelope",
    "Control",
    "ItemModel",
    "batch_body_digest",
    "batch_digest_from_texts",
    "canonical_text",
    "may_hold_nul",
    "loads_strict",
    "UUID_RE",
]

# -- limits --------------------------------------------------------------------

MAX_BATCH_ITEMS: Final = 1000
MAX_BATCH_BYTES: Final = 2 * 1024 * 1024
MAX_CLOCK_SKEW: Final = timedelta(minutes=15)
#: the largest amount in minor units anywhere on the wire: far above any bill,
#: well inside a signed 64-bit column.
MAX_MINOR: Final = 10**15
MAX_SEQ: Final = 2**62

# -- signing -------------------------------------------------------------------

SIGNATURE_HEADERS: Final = ("X-Terminal-Id", "X-Timestamp", "X-Signature")


def decode_secret(secret: str | bytes) -> bytes:
    """The HMAC key: the 32 bytes the base64 ``secret`` of the enrolment answer encodes."""
    if isinstance(secret, bytes):
        return secret
    return base64.b64decode(secret.encode("ascii"), validate=True)


def body_sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def signing_string(method: str, path_with_query: str, timestamp: str, body: bytes) -> bytes:
    """METHOD \\n PATH_WITH_QUERY \\n X-Timestamp \\n hex(SHA256(body))."""
    return "\n".join((method.upper(), path_with_query, timestamp, body_sha256(body))).encode("utf-8")


def sign_request(secret: str | bytes, method: str, path_with_query: str, timestamp: str, body: bytes) -> str:
    key = decode_secret(secret)
    return hmac.new(key, signing_string(method, path_with_query, timestamp, body), hashlib.sha256).hexdigest()


def signed_headers(
    terminal_id: str,
    secret: str | bytes,
    method: str,
    path_with_query: str,
    body: bytes = b"",
    now: datetime | None = None,
) -> dict[str, str]:
    """The three headers of a signed request; ``now`` is the corrected terminal clock."""
    timestamp = rfc3339(now or datetime.now(timezone.utc))
    return {
        "X-Terminal-Id": terminal_id,
        "X-Timestamp": timestamp,
        "X-Signature": sign_request(secret, method, path_with_query, timestamp, body),
    }


# -- JSON ----------------------------------------------------------------------


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def loads_strict(body: bytes | str) -> Any:
    """``json.loads`` that refuses what JSON does not allow but Python's parser accepts.

    NaN and Infinity, and lone UTF-16 surrogates (``"\\ud800"``), which no
    UTF-8 text can hold: both raise ``ValueError``.
    """
    if isinstance(body, bytes):
        text = body.decode("utf-8")  # UTF-8 only, not UTF-16/32; refuses encoded surrogates
        # Decoded UTF-8 holds no surrogate, so one can only come from a JSON escape
        # \uD800-\uDFFF (hex digits in either case); without one there is nothing to look for.
        suspect = _SURROGATE_ESCAPE.search(body) is not None
    else:
        text, suspect = body, True
    value = json.loads(text, parse_constant=_refuse_constant)
    if suspect:
        try:
            json.dumps(value, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("the JSON holds a lone surrogate, which is not text") from None
    return value


#: a JSON escape of a UTF-16 surrogate (``\ud800`` .. ``\udfff``, any case); a superset is
#: harmless (``\\ud800``, an escaped backslash, only costs the full check)
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89abcdefABCDEF]")


def may_hold_nul(body: bytes) -> bool:
    """Whether a JSON text can decode to a string holding NUL: only a ``\\u0000`` escape makes one
    (the parser refuses a raw control character inside a string)."""
    return b"\\u0000" in body


def canonical_text(value: Any) -> str:
    """``json.dumps`` as canonical JSON writes it, without the float check (for values already
    validated, or to compare and keep anything that came off the wire)."""
    return _canonical_dumps(value)


_canonical_dumps = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode


# -- field types ---------------------------------------------------------------

UUID_RE = _UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_HEX64_RE = re.compile(r"^[0-9a-f]{64}$")
_DIGITS_RE = re.compile(r"^[0-9]+$")


def _rfc3339_text(value: str) -> str:
    if "T" not in value and "t" not in value:
        raise ValueError("expected an RFC 3339 date-time such as 2026-11-22T14:03:07Z")
    try:
        parse_rfc3339(value)
    except (ValueError, OverflowError):
        raise ValueError("expected an RFC 3339 date-time with an offset, such as 2026-11-22T14:03:07Z") from None
    return value


def _iso_date_text(value: str) -> str:
    if len(value) != 10:
        raise ValueError("expected a date as YYYY-MM-DD")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise ValueError("expected a date as YYYY-MM-DD") from None
    return value


def _denomination_keys(value: dict[str, int]) -> dict[str, int]:
    for key in value:
        if not _DIGITS_RE.match(key) or len(key) > 12:
            raise ValueError("denomination keys are amounts in minor units written as digits")
    return value


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


_PAN_RE = re.compile(r"(?:\d[ -]?){13,19}")


def _no_card_number(value: str) -> str:
    for match in _PAN_RE.finditer(value):
        digits = re.sub(r"[ -]", "", match.group())
        if 13 <= len(digits) <= 19 and _luhn_ok(digits):
            raise ValueError("looks like a full card number; only the last 4 digits may travel")
    return value


Str = Annotated[str, StringConstraints(max_length=200)]
NonEmptyStr = Annotated[str, StringConstraints(min_length=1, max_length=200)]
LongStr = Annotated[str, StringConstraints(max_length=1000)]
UUIDStr = Annotated[str, StringConstraints(pattern=_UUID_RE.pattern)]
Hex64 = Annotated[str, StringConstraints(pattern=_HEX64_RE.pattern)]
Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Timestamp = Annotated[str, StringConstraints(max_length=40), AfterValidator(_rfc3339_text)]
IsoDate = Annotated[str, AfterValidator(_iso_date_text)]
Amount = Annotated[int, Field(ge=0, le=MAX_MINOR)]
PositiveAmount = Annotated[int, Field(ge=1, le=MAX_MINOR)]
#: payment amounts are range-checked only: their signs are judged by
#: ``payment_numbers_problem``, which names the precise reason.
AnyAmount = Annotated[int, Field(ge=-MAX_MINOR, le=MAX_MINOR)]
SignedAmount = Annotated[int, Field(ge=-MAX_MINOR, le=MAX_MINOR)]
Count = Annotated[int, Field(ge=0, le=10**9)]
Seq = Annotated[int, Field(ge=1, le=MAX_SEQ)]
Denominations = Annotated[dict[str, Count], AfterValidator(_denomination_keys)]
CardText = Annotated[str, StringConstraints(max_length=100), AfterValidator(_no_card_number)]
#: free text a person typed (void and override reasons): never a full card number
ReasonText = Annotated[str, StringConstraints(max_length=1000), AfterValidator(_no_card_number)]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


# -- tenders -------------------------------------------------------------------


class CashTender(_Strict):
    kind: Literal["cash"]
    amount: AnyAmount
    received: AnyAmount
    change: AnyAmount


class ChequeTender(_Strict):
    kind: Literal["cheque"]
    amount: AnyAmount
    bank_code: Str
    number: Str
    account_number: Str
    issue_date: IsoDate
    drawer_name: Str
    drawer_id: Str


class CardTender(_Strict):
    kind: Literal["card"]
    amount: AnyAmount
    brand: CardText
    last4: Annotated[str, StringConstraints(pattern=r"^[0-9]{4}$")]
    auth_code: CardText
    terminal_ref: CardText


Tender = Annotated[Union[CashTender, ChequeTender, CardTender], Field(discriminator="kind")]


class Allocation(_Strict):
    document_id: NonEmptyStr
    amount: AnyAmount


class Override(_Strict):
    rule: NonEmptyStr
    approver_id: Str | None
    reason: ReasonText


class PayerId(_Strict):
    type: NonEmptyStr
    number: NonEmptyStr


class CountTotal(_Strict):
    count: Count
    total: SignedAmount


# -- items ---------------------------------------------------------------------


class _ItemBase(_Strict):
    id: UUIDStr
    terminal_id: NonEmptyStr
    seq: Seq
    occurred_at: Timestamp
    business_date: IsoDate
    shift_id: NonEmptyStr
    cashier_id: NonEmptyStr
    prev_hash: Hex64
    hash: Hex64


class ShiftOpenItem(_ItemBase):
    type: Literal["shift_open"]
    currency: Currency
    opening_float: Amount
    opening_denominations: Denominations


class PaymentItem(_ItemBase):
    type: Literal["payment"]
    receipt_no: Seq
    account_id: NonEmptyStr
    biller_id: Str
    currency: Currency
    amount: AnyAmount
    discount: AnyAmount
    allocations: Annotated[list[Allocation], Field(max_length=500)]
    tenders: Annotated[list[Tender], Field(max_length=50)]
    balance_before: SignedAmount | None
    balance_as_of: Timestamp | None
    offline: bool
    overrides: Annotated[list[Override], Field(max_length=50)]
    payer_id: PayerId | None = None


class VoidItem(_ItemBase):
    type: Literal["void"]
    voids: UUIDStr
    currency: Currency
    amount: PositiveAmount
    reason: ReasonText
    approver_id: Str | None


class CashMovementItem(_ItemBase):
    type: Literal["cash_movement"]
    kind: Literal["drop", "float_in"]
    currency: Currency
    amount: PositiveAmount
    approver_id: Str | None


class ShiftCloseItem(_ItemBase):
    type: Literal["shift_close"]
    currency: Currency
    seq_from: Seq
    seq_to: Seq
    receipt_from: Seq | None
    receipt_to: Seq | None
    counts: dict[Literal["cash", "cheque", "card"], CountTotal]
    voids: CountTotal
    counted_denominations: Denominations
    expected: dict[Literal["cash", "cheque", "card"], SignedAmount]
    counted: dict[Literal["cash", "cheque", "card"], SignedAmount]
    over_short: dict[Literal["cash", "cheque", "card"], SignedAmount]
    approver_id: Str | None
    last_hash: Hex64


ItemModel = Annotated[
    Union[ShiftOpenItem, PaymentItem, VoidItem, CashMovementItem, ShiftCloseItem],
    Field(discriminator="type"),
]
_item_adapter: TypeAdapter[Any] = TypeAdapter(ItemModel)


# -- the batch envelope --------------------------------------------------------


class Control(_Strict):
    count: Count
    amount_total: Annotated[int, Field(ge=-MAX_MINOR * MAX_BATCH_ITEMS, le=MAX_MINOR * MAX_BATCH_ITEMS)]
    first_seq: Seq
    last_seq: Seq


class BatchEnvelope(_Strict):
    """``POST /api/v1/batches``: items are checked one by one, each gets its own result."""

    batch_id: UUIDStr
    terminal_id: NonEmptyStr
    sent_at: Timestamp
    items: Annotated[list[dict[str, Any]], Field(min_length=1, max_length=MAX_BATCH_ITEMS)]
    control: Control


class BatchDoc(BatchEnvelope):
    """The same envelope with its items typed: published in the OpenAPI document."""

    items: Annotated[list[ItemModel], Field(min_length=1, max_length=MAX_BATCH_ITEMS)]  # type: ignore[assignment]


def batch_body_digest(envelope: dict[str, Any]) -> str:
    """What "the same batch" means: the envelope without ``sent_at``, canonically.

    A terminal that retries a batch may stamp a new ``sent_at``; every other
    byte of meaning must be the same.
    """
    body = {k: v for k, v in envelope.items() if k != "sent_at"}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_ENVELOPE_KEYS: Final = frozenset(("batch_id", "terminal_id", "sent_at", "items", "control"))


def batch_digest_from_texts(envelope: dict[str, Any], item_texts: list[str]) -> str:
    """:func:`batch_body_digest`, reusing each item's :func:`canonical_text` (same bytes hashed).

    ``item_texts[n]`` must be ``canonical_text(envelope["items"][n])``.  Canonical JSON of a list is
    its elements' canonical JSON joined by ``,``, so only the envelope's few other keys are encoded.
    """
    if set(envelope) != _ENVELOPE_KEYS:
        return batch_body_digest(envelope)
    text = "".join(
        (
            '{"batch_id":',
            _canonical_dumps(envelope["batch_id"]),
            ',"control":',
            _canonical_dumps(envelope["control"]),
            ',"items":[',
            ",".join(item_texts),
            '],"terminal_id":',
            _canonical_dumps(envelope["terminal_id"]),
            "}",
        )
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_control(items: list[dict[str, Any]], control: Control) -> list[str]:
    """The ``control`` fields that do not match the items (empty when all match)."""
    seqs = [i.get("seq") for i in items]
    int_seqs = [s for s in seqs if isinstance(s, int) and not isinstance(s, bool)]
    total = sum(
        i["amount"]
        for i in items
        if i.get("type") == "payment" and isinstance(i.get("amount"), int) and not isinstance(i.get("amount"), bool)
    )
    wrong = []
    if control.count != len(items):
        wrong.append("count")
    if control.amount_total != total:
        wrong.append("amount_total")
    if int_seqs and control.first_seq != min(int_seqs):
        wrong.append("first_seq")
    if int_seqs and control.last_seq != max(int_seqs):
        wrong.append("last_seq")
    return wrong


# -- item checks ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ItemProblem:
    """Why an item is ``rejected``: a reason code and, for schema failures, a detail."""

    reason: str
    detail: str = ""


def _describe(error: ValidationError) -> str:
    first = error.errors(include_url=False)[0]
    loc = ".".join(str(p) for p in first["loc"])
    return f"{loc}: {first['msg']}" if loc else first["msg"]


def validate_item(item: Any) -> BaseModel:
    """The typed item; raises :class:`pydantic.ValidationError` when the schema fails."""
    return _item_adapter.validate_python(item)


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


def _hash_of_text(item: dict[str, Any], text: str) -> str:
    """:func:`item_hash` of a validated item from its canonical JSON ``text`` (with ``hash``).

    Keys are sorted and ``id`` (always present) sorts after ``hash``, so the text holds
    ``"hash":"<hex>",`` once, at the top level (a string value writes its quotes as ``\\"``;
    no nested object of the schema has a ``hash`` key): without it the text is the canonical
    JSON the hash covers.
    """
    marker = '"hash":"' + item["hash"] + '",'
    at = text.find(marker)
    if at < 0 or text.find(marker, at + 1) >= 0:
        return item_hash(item, item["prev_hash"])
    body = text[:at] + text[at + len(marker):]
    return hashlib.sha256((item["prev_hash"] + body).encode("utf-8")).hexdigest()


def item_problem(item: Any, *, text: str | None = None, nul_possible: bool = True) -> ItemProblem | None:
    """Everything that can be judged from the item alone.

    In order: the schema (``schema_invalid``), the item's own hash
    (``broken_chain``), the payment arithmetic (``payment_numbers_problem``
    reasons).  The chain *links* (``prev_hash`` against the previous item) and
    ``seq`` conflicts need the receiver's state and are judged there.

    ``text``, when given, is ``canonical_text(item)`` (reused for the hash);
    ``nul_possible=False`` says the JSON the item came from has no ``\\u0000``
    escape (:func:`may_hold_nul`), so no string in it can hold NUL.
    """
    try:
        model = validate_item(item)
    except ValidationError as e:
        return ItemProblem("schema_invalid", _describe(e))
    if nul_possible and _has_nul(item):  # no text field holds a NUL (PostgreSQL text cannot store one)
        return ItemProblem("schema_invalid", "a text field holds a NUL character")
    # the strict schema holds no float anywhere, so the canonical text needs no float check
    expected = item_hash(item, item["prev_hash"]) if text is None else _hash_of_text(item, text)
    if item["hash"] != expected:
        return ItemProblem("broken_chain", "hash does not match the item's content")
    if model.type == "payment":  # type: ignore[attr-defined]
        reason = payment_numbers_problem(item)
        if reason:
            return ItemProblem(reason)
    if model.type == "shift_close":  # type: ignore[attr-defined]
        if item["last_hash"] != item["prev_hash"]:
            return ItemProblem("broken_chain", "last_hash differs from prev_hash")
        if item["seq_from"] > item["seq_to"]:
            return ItemProblem("schema_invalid", "seq_from is after seq_to")
    return None
