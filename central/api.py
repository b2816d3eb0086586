"""The central ledger's HTTP API (PROTOCOL.md), as a FastAPI application.

``create_app(db_url)`` builds it over an already migrated database
(``ventanilla central init`` / ``serve`` migrate).  Handlers read the raw body
themselves: the signature covers its bytes, and a batch's items are judged one
by one rather than refused as a whole.  Every error is JSON
``{"error", "message", ...}``; no input produces a 500.
"""

from __future__ import annotations

import base64
import binascii
import gc
import hmac
import json
import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable, Iterator

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from pydantic import TypeAdapter, ValidationError
from sqlalchemy import select, tuple_
from sqlalchemy.exc import DBAPIError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from central import admin, office
from central.desk_api import desk_router
from central.db import current_revision, make_engine
from central.db import migrate as run_migrations
from central.ingest import BatchRefused, BatchRequest, apply_batch
from central.models import Account, Document, Terminal
from central.schemas import (
    AccountView,
    BatchResponse,
    EnrollRequest,
    EnrollResponse,
    ErrorBody,
    Health,
    PolicyView,
    SnapshotPage,
)
from sync.wire import (
    MAX_BATCH_BYTES,
    MAX_BATCH_ITEMS,
    MAX_CLOCK_SKEW,
    BatchDoc,
    BatchEnvelope,
    batch_digest_from_texts,
    canonical_text,
    check_control,
    loads_strict,
    may_hold_nul,
    parse_rfc3339,
    rfc3339,
    sign_request,
)

API = "/api/v1"
MAX_SMALL_BODY = 64 * 1024
SNAPSHOT_MAX = 5000
SNAPSHOT_DEFAULT = 1000

accounts_t = Account.__table__
documents_t = Document.__table__

Clock = Callable[[], datetime]


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None, **extra: Any):
        super().__init__(message)
        self.status, self.code, self.message, self.headers, self.extra = status, code, message, headers, extra


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": code, "message": message, **extra}, status_code=status, headers=headers)


_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "too_large",
    415: "unsupported_media_type",
}


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class Caller:
    terminal_id: str
    agent_id: str


def _errors(status: int, *codes: str) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": ErrorBody, "description": ", ".join(codes)}}


#: ``ventanilla central serve --workers N`` hands each worker process the database URL here
DB_ENV = "VENTANILLA_CENTRAL_DB"


def app_from_environment() -> FastAPI:
    """The app of one of several worker processes (the parent migrated the database)."""
    tune_gc()
    return create_app(os.environ[DB_ENV])


def tune_gc() -> None:
    """The collector of a server process, set once before it serves.

    What start-up built (modules, the app, SQLAlchemy's caches) is frozen out of
    the collections, and the youngest generation is collected every 50,000 net
    allocations instead of 700.  A 1,000-item batch allocates hundreds of
    thousands of objects (its JSON, rows, results); with the defaults the
    collector walked them over and over and took more than half of a batch's
    write transaction (profiled in-process: 2.3 s of CPU for 10 batches, 1.1 s
    after).  Cycles are still collected, only less often.
    """
    gc.freeze()
    gc.set_threshold(50_000, 20, 10)


def create_app(db_url: str, *, clock: Clock | None = None, migrate: bool = False) -> FastAPI:
    """The API over ``db_url``; ``migrate=True`` first brings the schema up to date.

    An unmigrated database is refused here (RuntimeError) rather than answered
    with 503s later; an unreachable one is not: the service starts and answers
    503 until the database is back.
    """
    engine = make_engine(db_url)
    if migrate:
        run_migrations(engine)
    try:
        revision = current_revision(engine)
    except OperationalError:
        revision = "unknown"
    if revision is None:
        engine.dispose()
        raise RuntimeError(f"{db_url}: no central schema; run `ventanilla central init --db URL` first")
    now = clock or _utcnow
    inflight: set[str] = set()
    inflight_lock = threading.Lock()

    app = FastAPI(
        title="Ventanilla central ledger",
        version="1",
        description="Terminal ↔ central ledger protocol, version 1 (PROTOCOL.md).",
        openapi_url="/openapi.json",
        redoc_url=None,
    )
    app.state.engine = engine
    app.state.clock = now

    # -- errors ----------------------------------------------------------------

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.headers, **exc.extra)

    @app.exception_handler(office.OfficeError)
    async def _office_error(_: Request, exc: office.OfficeError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, f"http_{exc.status_code}")
        message = exc.detail if isinstance(exc.detail, str) else code
        return error_response(exc.status_code, code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        loc = ".".join(str(p) for p in first.get("loc", ()))
        return error_response(400, "invalid_request", f"{loc}: {first.get('msg', 'invalid')}")

    @app.exception_handler(OperationalError)
    async def _db_down(_: Request, exc: OperationalError) -> JSONResponse:
        return error_response(
            503, "database_unavailable", "The ledger database is busy or unreachable; retry.", {"Retry-After": "5"}
        )

    @app.exception_handler(DBAPIError)
    async def _db_error(_: Request, exc: DBAPIError) -> JSONResponse:
        return error_response(503, "database_error", "The ledger database refused the operation; retry.", {"Retry-After": "5"})

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        return error_response(500, "internal_error", "Unexpected server error; it has been logged.")

    # -- helpers ---------------------------------------------------------------

    async def read_body(request: Request, limit: int) -> bytes:
        length = request.headers.get("content-length", "")
        if length.isascii() and length.isdigit() and int(length) > limit:
            raise ApiError(413, "too_large", f"The body is over {limit} bytes.")
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise ApiError(413, "too_large", f"The body is over {limit} bytes.")
            chunks.append(chunk)
        return b"".join(chunks)

    def path_with_query(request: Request) -> str:
        raw = request.scope.get("raw_path")
        path = raw.decode("latin-1") if raw else request.url.path
        query = request.scope.get("query_string", b"")
        return f"{path}?{query.decode('latin-1')}" if query else path

    def authenticate(request: Request, body: bytes) -> Caller:
        headers = request.headers
        terminal_id = headers.get("x-terminal-id", "")
        timestamp = headers.get("x-timestamp", "")
        signature = headers.get("x-signature", "")
        if not (terminal_id and timestamp and signature):
            raise ApiError(401, "missing_signature", "X-Terminal-Id, X-Timestamp and X-Signature are required.")
        row = None
        if len(terminal_id) <= 64:
            with engine.connect() as conn:
                row = conn.execute(
                    select(Terminal.agent_id, Terminal.secret, Terminal.disabled).where(
                        Terminal.terminal_id == terminal_id
                    )
                ).first()
        if row is None or row.secret is None:
            raise ApiError(401, "unknown_terminal", "This terminal is not enrolled.")
        expected = sign_request(row.secret, request.method, path_with_query(request), timestamp, body)
        if not hmac.compare_digest(expected.encode("ascii"), signature.strip().lower().encode("latin-1", "replace")):
            raise ApiError(401, "bad_signature", "The request signature does not verify.")
        if row.disabled:
            raise ApiError(403, "terminal_disabled", "This terminal is disabled.")
        server_now = now()
        try:
            sent = parse_rfc3339(timestamp)
        except (ValueError, TypeError, OverflowError):
            raise ApiError(401, "bad_timestamp", "X-Timestamp is not an RFC 3339 UTC time.", server_time=rfc3339(server_now)) from None
        if abs(sent - server_now) > MAX_CLOCK_SKEW:
            raise ApiError(
                401,
                "clock_skew",
                "X-Timestamp is more than 15 minutes from the server's clock; correct the offset and retry.",
                server_time=rfc3339(server_now),
            )
        return Caller(terminal_id, row.agent_id)

    @contextmanager
    def in_flight(batch_id: str) -> Iterator[None]:
        with inflight_lock:
            if batch_id in inflight:
                raise ApiError(409, "batch_in_progress", "This batch is being processed right now; retry later.")
            inflight.add(batch_id)
        try:
            yield
        finally:
            with inflight_lock:
                inflight.discard(batch_id)

    # -- endpoints -------------------------------------------------------------

    @app.get(f"{API}/health", response_model=Health, tags=["service"])
    def health() -> dict[str, str]:
        """Liveness without authentication."""
        return {"status": "ok", "server_time": rfc3339(now())}

    @app.post(
        f"{API}/terminals/enroll",
        status_code=201,
        response_model=EnrollResponse,
        tags=["terminals"],
        openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EnrollRequest"}}}}},
        responses={**_errors(400, "malformed_json", "invalid_request"), **_errors(401, "invalid_enrollment_code"), **_errors(409, "enrollment_code_used")},
    )
    async def enroll(request: Request) -> JSONResponse:
        """Trade a one-time enrolment code for the terminal's id and secret."""
        body = await read_body(request, MAX_SMALL_BODY)
        try:
            parsed = EnrollRequest.model_validate(loads_strict(body))
        except (ValueError, RecursionError) as e:
            detail = e.errors(include_url=False)[0]["msg"] if isinstance(e, ValidationError) else "not JSON"
            raise ApiError(400, "invalid_request", f"Expected {{\"enrollment_code\", \"name\"}}: {detail}") from None
        server_now = now()
        try:
            done = await run_in_threadpool(admin.enroll, engine, parsed.enrollment_code, parsed.name, server_now)
        except admin.AdminError as e:
            status = {"enrollment_code_used": 409, "terminal_disabled": 403}.get(e.code, 401)
            raise ApiError(status, e.code, e.message) from None
        return JSONResponse(
            {"terminal_id": done.terminal_id, "agent_id": done.agent_id, "secret": done.secret, "server_time": rfc3339(server_now)},
            status_code=201,
        )

    @app.post(
        f"{API}/batches",
        response_model=BatchResponse,
        tags=["batches"],
        openapi_extra={
            "parameters": [{"name": "Idempotency-Key", "in": "header", "required": True, "schema": {"type": "string"}, "description": "the batch_id"}],
            "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BatchDoc"}}}},
        },
        responses={
            **_errors(400, "missing_idempotency_key", "malformed_json", "malformed_envelope", "idempotency_key_mismatch"),
            **_errors(401, "missing_signature", "bad_signature", "unknown_terminal", "clock_skew"),
            **_errors(403, "foreign_terminal", "terminal_disabled"),
            **_errors(409, "batch_in_progress"),
            **_errors(413, "too_large", "too_many_items"),
            **_errors(422, "control_mismatch", "batch_id_reused"),
        },
    )
    async def post_batch(request: Request) -> JSONResponse:
        """Record a batch of items; each item gets its own result (PROTOCOL.md, "Sending a batch")."""
        body = await read_body(request, MAX_BATCH_BYTES)
        return await run_in_threadpool(_post_batch, request, body)

    def _post_batch(request: Request, body: bytes) -> JSONResponse:
        caller = authenticate(request, body)
        key = request.headers.get("idempotency-key", "").strip()
        if not key:
            raise ApiError(400, "missing_idempotency_key", "Send the batch_id in the Idempotency-Key header.")
        try:
            doc = loads_strict(body)
        except (ValueError, RecursionError):
            raise ApiError(400, "malformed_json", "The body is not JSON (UTF-8).") from None
        if not isinstance(doc, dict):
            raise ApiError(400, "malformed_envelope", "The body is a JSON object with batch_id, terminal_id, sent_at, items, control.")
        items = doc.get("items")
        if isinstance(items, list) and len(items) > MAX_BATCH_ITEMS:
            raise ApiError(413, "too_many_items", f"At most {MAX_BATCH_ITEMS} items per batch.")
        try:
            envelope = BatchEnvelope.model_validate(doc)
        except ValidationError as e:
            first = e.errors(include_url=False)[0]
            loc = ".".join(str(p) for p in first["loc"])
            raise ApiError(400, "malformed_envelope", f"{loc}: {first['msg']}" if loc else first["msg"]) from None
        for n, item in enumerate(envelope.items):
            if not isinstance(item.get("id"), str) or not item["id"]:
                raise ApiError(400, "malformed_envelope", f"items.{n}.id: every item needs a string id")
        if key != envelope.batch_id:
            raise ApiError(400, "idempotency_key_mismatch", "Idempotency-Key must equal the body's batch_id.")
        if envelope.terminal_id != caller.terminal_id or any(
            isinstance(it.get("terminal_id"), str) and it["terminal_id"] != caller.terminal_id for it in envelope.items
        ):
            raise ApiError(403, "foreign_terminal", "A terminal may only send its own items.")
        wrong = check_control(envelope.items, envelope.control)
        if wrong:
            raise ApiError(422, "control_mismatch", "The control totals do not match the items.", fields=wrong)
        # each item's canonical JSON, once: the batch digest, the item's hash and its stored body
        texts = [canonical_text(it) for it in envelope.items]
        request_ = BatchRequest(
            terminal_id=caller.terminal_id,
            agent_id=caller.agent_id,
            batch_id=envelope.batch_id,
            digest=batch_digest_from_texts(doc, texts),
            sent_at=parse_rfc3339(envelope.sent_at),
            items=envelope.items,
            texts=texts,
            nul_possible=may_hold_nul(body),
        )
        with in_flight(envelope.batch_id):
            try:
                answer = apply_batch(engine, request_, now())
            except BatchRefused as e:
                raise ApiError(e.status, e.code, e.message, **e.extra) from None
        return JSONResponse(answer)

    def _document_view(d: Any) -> dict[str, Any]:
        return {
            "document_id": d.document_id,
            "kind": d.kind,
            "issue_date": d.issue_date.isoformat(),
            "due_date": d.due_date.isoformat(),
            "amount": d.amount,
            "paid": d.paid,
            "open_amount": max(d.amount - d.paid, 0),
            "currency": d.currency,
        }

    def _account_views(conn: Any, rows: list[Any], as_of: str) -> list[dict[str, Any]]:
        ids = [r.account_id for r in rows]
        docs: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
        for start in range(0, len(ids), 900):
            for d in conn.execute(
                select(documents_t)
                .where(documents_t.c.account_id.in_(ids[start : start + 900]), documents_t.c.amount > documents_t.c.paid)
                .order_by(documents_t.c.due_date, documents_t.c.issue_date, documents_t.c.document_id)
            ):
                docs[d.account_id].append(_document_view(d))
        return [
            {
                "account_id": r.account_id,
                "biller_id": r.biller_id,
                "name": r.name,
                "national_id": r.national_id,
                "segment": r.segment,
                "status": r.status,
                "currency": r.currency,
                "balance": r.balance,
                "credit": r.credit,
                "as_of": as_of,
                "documents": docs[r.account_id],
            }
            for r in rows
        ]

    @app.get(
        f"{API}/accounts/{{account_id}}",
        response_model=AccountView,
        tags=["accounts"],
        responses={**_errors(401, "bad_signature"), **_errors(404, "unknown_account")},
    )
    async def get_account(account_id: str, request: Request) -> JSONResponse:
        """Fresh balance and open documents, for the online lookup at the counter."""
        body = await read_body(request, MAX_SMALL_BODY)
        return await run_in_threadpool(_get_account, request, body, account_id)

    def _get_account(request: Request, body: bytes, account_id: str) -> JSONResponse:
        authenticate(request, body)
        as_of = rfc3339(now())
        with engine.connect() as conn:
            row = conn.execute(select(accounts_t).where(accounts_t.c.account_id == account_id[:64])).first()
            if row is None or len(account_id) > 64:
                raise ApiError(404, "unknown_account", "Central does not know this account.")
            return JSONResponse(_account_views(conn, [row], as_of)[0])

    @app.get(
        f"{API}/snapshot/accounts",
        response_model=SnapshotPage,
        tags=["accounts"],
        responses={**_errors(400, "invalid_cursor", "invalid_limit"), **_errors(401, "bad_signature")},
    )
    async def snapshot(request: Request, cursor: str = "", limit: str = str(SNAPSHOT_DEFAULT)) -> JSONResponse:
        """Accounts changed since ``cursor`` (empty: from the beginning), oldest change first."""
        body = await read_body(request, MAX_SMALL_BODY)
        return await run_in_threadpool(_snapshot, request, body, cursor, limit)

    def _snapshot(request: Request, body: bytes, cursor: str, limit_text: str) -> JSONResponse:
        authenticate(request, body)
        if not (limit_text.isascii() and limit_text.isdigit()) or not 1 <= int(limit_text) <= SNAPSHOT_MAX:
            raise ApiError(400, "invalid_limit", f"limit is a whole number from 1 to {SNAPSHOT_MAX}.")
        limit = int(limit_text)
        position = decode_cursor(cursor)
        as_of = rfc3339(now())
        with engine.connect() as conn:
            rows = conn.execute(
                select(accounts_t)
                .where(tuple_(accounts_t.c.change_seq, accounts_t.c.account_id) > tuple_(*position))
                .order_by(accounts_t.c.change_seq, accounts_t.c.account_id)
                .limit(limit)
            ).all()
            views = _account_views(conn, list(rows), as_of)
        next_cursor = encode_cursor(rows[-1].change_seq, rows[-1].account_id) if rows else (cursor or encode_cursor(*position))
        return JSONResponse({"accounts": views, "next_cursor": next_cursor, "has_more": len(rows) == limit})

    @app.get(f"{API}/policy", response_model=PolicyView, tags=["policy"], responses=_errors(401, "bad_signature"))
    async def policy(request: Request) -> JSONResponse:
        """The policy document in force for the caller's agent."""
        body = await read_body(request, MAX_SMALL_BODY)
        return await run_in_threadpool(_policy, request, body)

    def _policy(request: Request, body: bytes) -> JSONResponse:
        caller = authenticate(request, body)
        version, document, created = admin.current_policy(engine, caller.agent_id)
        return JSONResponse(
            {
                "agent_id": caller.agent_id,
                "version": version,
                "policy": document,
                "updated_at": rfc3339(created) if created else None,
            }
        )

    @app.get(f"{API}/terminals/me", tags=["terminals"], responses=_errors(401, "bad_signature"))
    async def terminal_me(request: Request) -> JSONResponse:
        """What central holds of the caller's chain: a terminal restored from a backup
        fast-forwards its seq, chain head and receipt number to these before it takes
        another payment (docs/protocol-notes.md)."""
        body = await read_body(request, MAX_SMALL_BODY)
        return await run_in_threadpool(_terminal_me, request, body)

    def _terminal_me(request: Request, body: bytes) -> JSONResponse:
        caller = authenticate(request, body)
        from sqlalchemy import func

        from central.models import Item

        with engine.connect() as conn:
            row = conn.execute(
                select(Terminal.last_seq, Terminal.chain_head, Terminal.contiguous_seq).where(
                    Terminal.terminal_id == caller.terminal_id
                )
            ).one()
            receipt = conn.execute(
                select(func.max(Item.receipt_no)).where(Item.terminal_id == caller.terminal_id)
            ).scalar()
        return JSONResponse(
            {
                "terminal_id": caller.terminal_id,
                "last_seq": row.last_seq,
                "chain_head": row.chain_head,
                "contiguous_seq": row.contiguous_seq,
                "last_receipt_no": receipt or 0,
                "server_time": rfc3339(now()),
            }
        )

    @app.get(f"{API}/returned-cheques", tags=["cheques"], responses=_errors(401, "bad_signature"))
    async def returned_cheques(request: Request) -> JSONResponse:
        """The drawers of cheques the bank returned, network-wide (docs/protocol-notes.md)."""
        body = await read_body(request, MAX_SMALL_BODY)
        return await run_in_threadpool(_returned_cheques, request, body)

    def _returned_cheques(request: Request, body: bytes) -> JSONResponse:
        authenticate(request, body)
        as_of = rfc3339(now())
        cheques = office.returned_cheque_list(engine)
        drawers = sorted({c["drawer_id"] for c in cheques if c["drawer_id"]})
        return JSONResponse(
            {
                "as_of": as_of,
                "drawer_ids": drawers,
                "cheques": [
                    {k: c[k] for k in ("drawer_id", "drawer_name", "bank_code", "number", "amount", "currency", "returned_on")}
                    for c in cheques
                ],
            }
        )

    app.include_router(desk_router(engine, now))

    # -- the OpenAPI document --------------------------------------------------

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for name, model in (("BatchDoc", BatchDoc), ("EnrollRequest", EnrollRequest)):
            doc = TypeAdapter(model).json_schema(ref_template="#/components/schemas/{model}")
            components.update(doc.pop("$defs", {}))
            components[name] = doc
        schema["components"]["securitySchemes"] = {
            "TerminalSignature": {
                "type": "apiKey",
                "in": "header",
                "name": "X-Signature",
                "description": "hex(HMAC-SHA256(secret, METHOD\\nPATH_WITH_QUERY\\nX-Timestamp\\nhex(SHA256(body)))) "
                "with X-Terminal-Id and X-Timestamp",
            }
        }
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def encode_cursor(change_seq: int, account_id: str) -> str:
    raw = json.dumps([change_seq, account_id], separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> tuple[int, str]:
    if not cursor:
        return (-1, "")
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        change_seq, account_id = json.loads(raw)
        if isinstance(change_seq, bool) or not isinstance(change_seq, int) or not isinstance(account_id, str):
            raise ValueError
        if not -1 <= change_seq < 2**62:
            raise ValueError
        return change_seq, account_id
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError, RecursionError):
        raise ApiError(400, "invalid_cursor", "The cursor is not one this service handed out.") from None
