"""The central office desk's HTTP API, under ``/admin/v1``.

Authenticated with an admin bearer token (``Authorization: Bearer <token>``,
created by ``ventanilla central add-admin-token``), never the terminal HMAC.
Every answer is JSON (or CSV / PDF when asked); every error is JSON
``{"error", "message"}``: the code is the contract, the message a Spanish
sentence for the office.  Amounts are integer minor units.  Any listing
answers CSV with ``?format=csv``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Callable, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Engine

from central import kpis as kpi_module
from central import office, reports, windows
from central.office import OfficeError

PREFIX = "/admin/v1"
MAX_UPLOAD = 20 * 1024 * 1024
TOO_LARGE = f"El archivo pasa de {MAX_UPLOAD // (1024 * 1024)} MB: divídalo e impórtelo por partes."

#: row ids are SQL BIGINTs: anything larger is a 400, never an overflow (and never a 500)
MAX_ROW_ID = 2**63 - 1
RowId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class DepositIn(Strict):
    agent_id: str = Field(min_length=1, max_length=64)
    business_date: str
    bank: str = Field(min_length=1, max_length=64)
    reference: str = Field(min_length=1, max_length=100)
    amount: int = Field(gt=0, lt=10**15, description="minor units")
    currency: str = Field(min_length=3, max_length=3)
    tender: Literal["cash", "cheque"] = "cash"


class AssignDepositIn(Strict):
    agent_id: str = Field(min_length=1, max_length=64)
    business_date: str
    reason: str = Field(min_length=1, max_length=1000)
    tender: Literal["cash", "cheque"] | None = None


class AssignIn(Strict):
    assignee: str = Field(min_length=1, max_length=100)


class ResolveIn(Strict):
    action: Literal["approve", "adjust", "reverse"]
    reason: str = Field(min_length=1, max_length=1000)
    amount: int | None = Field(None, gt=-(10**15), lt=10**15)
    cashier_id: str | None = Field(None, max_length=200)


class ReturnedChequeIn(Strict):
    payment_id: str = Field(min_length=1, max_length=36)
    number: str | None = Field(None, max_length=200)
    reason: str = Field(min_length=1, max_length=1000)
    returned_on: str | None = None


class ReconcileIn(Strict):
    business_date: str | None = None
    agent_id: str | None = Field(None, max_length=64)


def desk_router(engine: Engine, clock: Callable[[], datetime]) -> APIRouter:
    router = APIRouter(prefix=PREFIX, tags=["central office"])

    def actor(request: Request) -> str:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        has_token = scheme.lower() == "bearer" and bool(token.strip())
        name = office.admin_of_token(engine, token.strip()) if has_token else None
        if name is not None:
            return name
        if request.headers.get("x-terminal-id") or request.headers.get("x-signature"):
            # a terminal's credential (its signature, or its secret as a bearer token) never opens the office's door
            raise OfficeError("terminal_not_allowed", "Las terminales no pueden usar la API de la oficina central.", 403)
        if not has_token:
            raise OfficeError("admin_token_required", "Falta la clave de acceso de la oficina central: envíela como "
                                                      "«Authorization: Bearer <clave>» (la da add-admin-token).", 401)
        raise OfficeError("bad_admin_token", "La clave de acceso no existe o fue revocada; pida una nueva al administrador.", 401)

    Actor = Depends(actor)

    def listing(rows: list[dict[str, Any]], fmt: str | None, name: str, key: str = "rows") -> Response:
        if fmt == "csv":
            return Response(office.to_csv(rows), media_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
        if fmt not in (None, "", "json"):
            raise OfficeError("bad_format", "El formato es json o csv.")
        return JSONResponse({key: rows, "count": len(rows)})

    def pdf(data: bytes, name: str) -> Response:
        return Response(data, media_type="application/pdf", headers={"Content-Disposition": f'inline; filename="{name}.pdf"'})

    async def upload(request: Request) -> bytes:
        length = request.headers.get("content-length", "")
        if length.isascii() and length.isdigit() and int(length) > MAX_UPLOAD:
            raise OfficeError("too_large", TOO_LARGE, 413)
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_UPLOAD:
                raise OfficeError("too_large", TOO_LARGE, 413)
            chunks.append(chunk)
        return b"".join(chunks)

    def import_answer(report: office.ImportReport) -> JSONResponse:
        body = {"file": report.path, "rows": report.rows, "applied": report.applied, "counts": dict(report.counts),
                "errors": [{"line": line, "message": message} for line, message in report.errors]}
        if not report.applied:
            n = len(report.errors)
            said = "1 línea con errores" if n == 1 else f"{n} líneas con errores"
            return JSONResponse({"error": "bad_file", "message": f"El archivo tiene {said}; no se aplicó nada.", **body},
                                status_code=422)
        return JSONResponse(body)

    # -- windows ---------------------------------------------------------------------

    @router.get("/windows")
    def get_windows(
        who: str = Actor, state: str | None = None, agent_id: str | None = None, date_from: str | None = None,
        date_to: str | None = None, limit: int = Query(1000, ge=1, le=10000), offset: int = Query(0, ge=0, le=MAX_ROW_ID),
        format: str | None = None,
    ) -> Response:
        """Windows and their state, newest date first; each with its checks' statuses."""
        rows = office.list_windows(engine, state=state, agent_id=agent_id, date_from=date_from, date_to=date_to, limit=limit, offset=offset)
        return listing(rows, format, "windows", "windows")

    @router.get("/windows/{window_id}")
    def get_window(window_id: RowId, who: str = Actor, format: str | None = None) -> Response:
        """A window with its checks (figures and differences), exceptions and deposits."""
        detail = office.window_detail(engine, window_id)
        if format == "csv":
            return listing([{k: v for k, v in c.items()} for c in detail["checks"]], "csv", f"window-{window_id}-checks")
        return JSONResponse(detail)

    @router.get("/windows/{window_id}/report.pdf")
    def get_window_pdf(window_id: RowId, who: str = Actor) -> Response:
        detail = office.window_detail(engine, window_id)
        return pdf(reports.window_report(detail, clock()), f"reconciliation-{detail['agent_id']}-{detail['business_date']}")

    @router.post("/windows/close")
    def post_close(who: str = Actor) -> JSONResponse:
        """Close every window whose cut-off passed and whose shifts all sent their manifest."""
        report = windows.close_windows(engine, clock(), actor=who)
        return JSONResponse({"closed": [{"agent_id": a, "business_date": d} for a, d in report.closed],
                             "waiting": [{"agent_id": a, "business_date": d, "why": w} for a, d, w in report.waiting]})

    @router.post("/reconcile")
    def post_reconcile(body: ReconcileIn | None = None, who: str = Actor) -> JSONResponse:
        """Close what can close, then run the checks on closed windows (all, a date, an agent)."""
        body = body or ReconcileIn()
        if body.business_date:
            office.check_date(body.business_date)
        report = windows.reconcile(engine, clock(), business_date=body.business_date, agent_id=body.agent_id, actor=who)
        return JSONResponse({"windows": {str(k): v for k, v in report.windows.items()},
                             "reconciled": [{"agent_id": a, "business_date": d} for a, d in report.reconciled],
                             "exceptions_opened": report.exceptions_opened, "exceptions_cleared": report.exceptions_cleared})

    # -- exceptions ------------------------------------------------------------------

    @router.get("/exceptions")
    def get_exceptions(
        who: str = Actor, status: str | None = None, type: str | None = None, agent_id: str | None = None,
        assigned_to: str | None = None, window_id: Annotated[int | None, Query(ge=1, le=MAX_ROW_ID)] = None, business_date: str | None = None,
        limit: int = Query(1000, ge=1, le=10000), offset: int = Query(0, ge=0, le=MAX_ROW_ID), format: str | None = None,
    ) -> Response:
        """The exceptions queue (``status=unresolved`` for open and assigned)."""
        rows = office.list_exceptions(engine, status=status, type_=type, agent_id=agent_id, assigned_to=assigned_to,
                                      window_id=window_id, business_date=business_date, limit=limit, offset=offset)
        return listing(rows, format, "exceptions", "exceptions")

    @router.get("/exceptions/{exception_id}")
    def get_exception(exception_id: RowId, who: str = Actor) -> JSONResponse:
        return JSONResponse(office.exception_detail(engine, exception_id))

    @router.post("/exceptions/{exception_id}/assign")
    def post_assign(exception_id: RowId, body: AssignIn, who: str = Actor) -> JSONResponse:
        office.assign_exception(engine, exception_id, body.assignee, actor=who, now=clock())
        return JSONResponse(office.exception_detail(engine, exception_id))

    @router.post("/exceptions/{exception_id}/resolve")
    def post_resolve(exception_id: RowId, body: ResolveIn, who: str = Actor) -> JSONResponse:
        """approve; adjust (to the cashier's over/short account); reverse (a flagged payment)."""
        now = clock()
        done = office.resolve_exception(engine, exception_id, body.action, body.reason, actor=who, amount=body.amount,
                                        cashier_id=body.cashier_id, now=now)
        if done["window_id"] is not None:
            windows.reconcile(engine, now, window_id=done["window_id"], actor=who, close_first=False)
        return JSONResponse(office.exception_detail(engine, exception_id))

    # -- deposits and files ----------------------------------------------------------

    @router.get("/deposits")
    def get_deposits(who: str = Actor, status: str | None = None, agent_id: str | None = None, business_date: str | None = None,
                     limit: int = Query(1000, ge=1, le=10000), offset: int = Query(0, ge=0, le=MAX_ROW_ID), format: str | None = None) -> Response:
        rows = office.list_deposits(engine, status=status, agent_id=agent_id, business_date=business_date, limit=limit, offset=offset)
        return listing(rows, format, "deposits", "deposits")

    @router.post("/deposits", status_code=201)
    def post_deposit(body: DepositIn, who: str = Actor) -> JSONResponse:
        deposit_id = office.add_deposit(engine, actor=who, now=clock(), **body.model_dump())
        return JSONResponse({"id": deposit_id}, status_code=201)

    @router.post("/deposits/{deposit_id}/assign")
    def post_assign_deposit(deposit_id: RowId, body: AssignDepositIn, who: str = Actor) -> JSONResponse:
        office.assign_deposit(engine, deposit_id, agent_id=body.agent_id, business_date=body.business_date, reason=body.reason,
                              tender=body.tender, actor=who, now=clock())
        return JSONResponse({"id": deposit_id, "status": "assigned"})

    @router.post("/bank-statements", openapi_extra={"requestBody": {"content": {"text/csv": {"schema": {"type": "string"}}}}})
    async def post_statement(request: Request, bank: str = "", name: str = "statement", who: str = Actor) -> JSONResponse:
        """A bank statement CSV: date,reference,amount,currency[,bank,tender,description]."""
        data = await upload(request)
        report = await run_in_threadpool(office.import_bank_statement, engine, data, bank=bank, actor=who, name=name[:60], now=clock())
        return import_answer(report)

    @router.post("/card-settlements", openapi_extra={"requestBody": {"content": {"text/csv": {"schema": {"type": "string"}}}}})
    async def post_settlement(request: Request, name: str = "settlement", who: str = Actor) -> JSONResponse:
        """An acquirer settlement CSV: settled_on,auth_code,last4,brand,amount,currency[,terminal_ref,agent_id,business_date]."""
        data = await upload(request)
        report = await run_in_threadpool(office.import_card_settlement, engine, data, actor=who, name=name[:60], now=clock())
        return import_answer(report)

    @router.get("/card-settlements")
    def get_settlements(who: str = Actor, agent_id: str | None = None, business_date: str | None = None, unmatched: bool = False,
                        limit: int = Query(1000, ge=1, le=10000), offset: int = Query(0, ge=0, le=MAX_ROW_ID), format: str | None = None) -> Response:
        rows = office.list_card_settlements(engine, agent_id=agent_id, business_date=business_date, unmatched=unmatched, limit=limit, offset=offset)
        return listing(rows, format, "card-settlements", "settlements")

    @router.post("/promises", openapi_extra={"requestBody": {"content": {"text/csv": {"schema": {"type": "string"}}}}})
    async def post_promises(request: Request, name: str = "promises", who: str = Actor) -> JSONResponse:
        """Promises to pay CSV: account_id,promise_date,amount[,currency,promised_on]."""
        data = await upload(request)
        report = await run_in_threadpool(office.import_promises, engine, data, actor=who, name=name[:60], now=clock())
        return import_answer(report)

    # -- returned cheques ------------------------------------------------------------

    @router.get("/returned-cheques")
    def get_returned(who: str = Actor, format: str | None = None) -> Response:
        return listing(office.returned_cheque_list(engine), format, "returned-cheques", "returned_cheques")

    @router.post("/returned-cheques", status_code=201)
    def post_returned(body: ReturnedChequeIn, who: str = Actor) -> JSONResponse:
        """Mark a cheque returned: its payment is reversed and its drawer goes on the terminals' list."""
        if body.returned_on:
            office.check_date(body.returned_on, "returned_on")
        done = office.mark_cheque_returned(engine, payment_id=body.payment_id, number=body.number, reason=body.reason,
                                           returned_on=body.returned_on, actor=who, now=clock())
        return JSONResponse(done, status_code=201)

    # -- KPIs, over/short, audit -----------------------------------------------------

    @router.get("/kpis")
    def get_kpis(date_from: str, date_to: str, who: str = Actor, agent_id: str | None = None, biller_id: str | None = None,
                 currency: str | None = None, section: str | None = None, format: str | None = None) -> Response:
        """Collection KPIs for a period in one currency (``currency``; by default the period's only one, or the one with
        the most payments); ``currencies`` lists them all.  ``section`` + ``format=csv`` exports one of its tables."""
        result = kpi_module.compute(engine, date_from, date_to, agent_id=agent_id, biller_id=biller_id, currency=currency,
                                    now=clock())
        if section or format == "csv":
            name = f"kpi-{section or 'by_day'}" + (f"-{result['currency']}" if result["currency"] else "")
            return listing(kpi_module.section_rows(result, section or "by_day"), format, name)
        return JSONResponse(result)

    @router.get("/kpis/report.pdf")
    def get_kpi_pdf(date_from: str, date_to: str, who: str = Actor, agent_id: str | None = None, biller_id: str | None = None,
                    currency: str | None = None) -> Response:
        """The KPI period report, in one currency (chosen as for ``/kpis``); its title says which."""
        result = kpi_module.compute(engine, date_from, date_to, agent_id=agent_id, biller_id=biller_id, currency=currency,
                                    now=clock())
        name = f"kpis-{date_from}-{date_to}" + (f"-{result['currency']}" if result["currency"] else "")
        return pdf(reports.kpi_report(result, clock()), name)

    @router.get("/over-short")
    def get_over_short(who: str = Actor, date_from: str | None = None, date_to: str | None = None, agent_id: str | None = None,
                       cashier_id: str | None = None, format: str | None = None) -> Response:
        """Over / short per cashier over time, and what the office charged to each."""
        rows = office.over_short_by_cashier(engine, date_from=date_from, date_to=date_to, agent_id=agent_id, cashier_id=cashier_id)
        return listing(rows, format, "over-short", "cashiers")

    @router.get("/audit")
    def get_audit(who: str = Actor, subject: str | None = None, limit: int = Query(1000, ge=1, le=10000),
                  offset: int = Query(0, ge=0, le=MAX_ROW_ID), format: str | None = None) -> Response:
        return listing(office.audit_log(engine, subject=subject, limit=limit, offset=offset), format, "audit", "audit")

    return router
