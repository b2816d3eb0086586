"""The desk's pages: windows and a window's detail, exceptions, deposits, returned
cheques, over/short per cashier, and the KPIs.

A page reads its filters on the GUI thread, asks the central on the desk's
worker, and shows the answer, or the failure as one sentence above its table.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QFrame, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from ui.central_office import labels as L
from ui.central_office.charts import BarChart
from ui.central_office.errors import InputError, sentence
from ui.central_office.models import (
    ChecksModel, DepositsModel, ExceptionsModel, HistoryModel, KpiTableModel, OverShortModel, ReturnedChequesModel,
    RowsModel, SettlementsModel, WindowsModel,
)
from ui.widgets import InlineMessage, label, restyle

if TYPE_CHECKING:
    from ui.central_office.window import CentralOfficeWindow


def table_for(model: RowsModel, parent: QWidget | None = None) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    # a text column at the end takes the spare width; an amount at the end stays beside its row
    view.horizontalHeader().setStretchLastSection(model.COLUMNS - 1 not in model.NUMERIC)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setTabKeyNavigation(False)
    model.modelReset.connect(view.resizeColumnsToContents)
    return view


def select_row(view: QTableView, row: int) -> None:
    model = view.model()
    if model is None or not 0 <= row < model.rowCount():
        return
    index = model.index(row, 0)
    view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    view.scrollTo(index)


def current_row(view: QTableView) -> dict[str, Any] | None:
    index = view.currentIndex()
    model = view.model()
    return model.row_at(index.row()) if index.isValid() and isinstance(model, RowsModel) else None


def button(text: str, slot, tip: str = "") -> QPushButton:  # noqa: ANN001
    b = QPushButton(text)
    b.clicked.connect(slot)
    b.setAutoDefault(False)
    if tip:
        b.setToolTip(tip)
    return b


def page_keys(page: QWidget, keys: dict[Qt.Key, Any]) -> None:
    """Keys that act only while the focus is on this page (never from a dialog or another tab)."""
    for key, slot in keys.items():
        shortcut = QShortcut(QKeySequence(key), page)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)


def date_edit(placeholder: str = "dd/mm/aaaa") -> QLineEdit:
    e = QLineEdit()
    e.setPlaceholderText(placeholder)
    e.setMinimumWidth(100)
    e.setMaximumWidth(140)
    return e


class Page(QWidget):
    """A page with its message line, a notice line for what went well, and the desk behind it."""

    title = ""

    def __init__(self, desk: CentralOfficeWindow) -> None:
        super().__init__()
        self.desk = desk
        self.message = InlineMessage()
        self.notice = label("", "notice", wrap=True)
        self.notice.hide()
        self.loaded = False

    def run(self, fn, on_done) -> None:  # noqa: ANN001
        self.message.clear_text()
        self.desk.worker.submit(fn, on_done, self.fail)

    def fail(self, error: BaseException) -> None:
        text = sentence(error)
        self.message.show_text(text)
        self.desk.status_message(text, bad=True)

    def tell(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self.desk.status_message(text)

    def guarded(self, fn) -> bool:  # noqa: ANN001
        """Run a filter reader; a bad field shows its sentence and stops the search."""
        try:
            fn()
            return True
        except InputError as e:
            self.message.show_text(e.message)
            return False

    def refresh(self) -> None:
        raise NotImplementedError

    def shown(self) -> None:
        if not self.loaded:
            self.loaded = True
            self.refresh()


def filter_row(*pairs: tuple[str, QWidget], extra: list[QWidget] | None = None) -> QHBoxLayout:
    row = QHBoxLayout()
    for caption, widget in pairs:
        if isinstance(widget, QLineEdit) and widget.minimumWidth() < 80:
            widget.setMinimumWidth(80)
        row.addWidget(label(caption, "fieldLabel"))
        row.addWidget(widget)
    row.addStretch(1)
    for w in extra or []:
        row.addWidget(w)
    return row


# -- settlement windows ----------------------------------------------------------------


class WindowsPage(Page):
    """Windows and their state: agent, date range, state."""

    def __init__(self, desk: CentralOfficeWindow) -> None:
        super().__init__(desk)
        self.agent = QLineEdit()
        self.agent.setPlaceholderText(self.tr("todos"))
        self.agent.setMaximumWidth(120)
        self.date_from, self.date_to = date_edit(), date_edit()
        self.state = QComboBox()
        self.state.addItem(self.tr("Todos"), "")
        for s in L.WINDOW_STATES:
            self.state.addItem(L.window_state(s), s)
        self.search = button(self.tr("Buscar"), self.refresh)
        for e in (self.agent, self.date_from, self.date_to):
            e.returnPressed.connect(self.refresh)
        self.model = WindowsModel(self)
        self.table = table_for(self.model)
        self.table.activated.connect(lambda _: self.open_selected())
        self.summary = label("", "hint")
        self.open_button = button(self.tr("Abrir (Enter)"), self.open_selected)
        self.close_button = button(self.tr("Cerrar ventanas vencidas…"), self.close_windows,
                                   self.tr("Cierra las ventanas cuyo corte pasó y cuyos turnos enviaron su cierre"))
        self.reconcile_button = button(self.tr("Conciliar…"), self.reconcile)
        self.export_button = button(self.tr("Exportar CSV"), self.export_csv)
        lay = QVBoxLayout(self)
        lay.addLayout(filter_row((self.tr("Agente"), self.agent), (self.tr("Desde"), self.date_from), (self.tr("Hasta"), self.date_to),
                                 (self.tr("Estado"), self.state), extra=[self.search]))
        lay.addWidget(self.message)
        lay.addWidget(self.notice)
        lay.addWidget(self.table, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.summary, 1)
        for b in (self.open_button, self.close_button, self.reconcile_button, self.export_button):
            actions.addWidget(b)
        lay.addLayout(actions)
        self.filters: dict[str, Any] = {}

    def read_filters(self) -> dict[str, Any]:
        return {"agent_id": self.agent.text().strip().upper() or None,
                "date_from": L.read_date(self.date_from.text(), self.tr("Desde")),
                "date_to": L.read_date(self.date_to.text(), self.tr("Hasta")),
                "state": self.state.currentData() or None}

    def refresh(self) -> None:
        if not self.guarded(lambda: self.filters.update(self.read_filters())):
            return
        filters = dict(self.filters)
        self.summary.setText(self.tr("Consultando…"))
        self.run(lambda: self.desk.client.windows(**filters), self.show_rows)

    def show_rows(self, rows: list[dict[str, Any]]) -> None:
        keep = current_row(self.table)
        self.model.set_rows(rows)
        counts = {s: sum(1 for r in rows if r.get("state") == s) for s in L.WINDOW_STATES}
        self.summary.setText(self.tr("{n} ventanas: {open} abiertas, {closed} cerradas, {done} conciliadas").format(
            n=len(rows), open=counts["OPEN"], closed=counts["CLOSED"], done=counts["RECONCILED"]))
        at = self.model.find("id", keep["id"]) if keep else -1
        select_row(self.table, at if at >= 0 else 0)

    def open_selected(self) -> None:
        row = current_row(self.table)
        if row is None:
            self.message.show_text(self.tr("Elija una ventana de la lista."))
            return
        self.desk.open_window(int(row["id"]))

    def close_windows(self) -> None:
        from ui.central_office.dialogs import ActionDialog, Prepared

        client = self.desk.client

        class CloseDialog(ActionDialog):
            def prepare(self) -> Prepared:
                return Prepared(client.close_windows, self.tr(
                    "Cerrar todas las ventanas cuyo corte ya pasó y cuyos turnos enviaron su cierre."))

        dialog = CloseDialog(self.tr("Cerrar ventanas vencidas"), self.desk.worker, self)
        self.desk.open_dialog(dialog, self._closed)
        dialog.go_confirm()

    def _closed(self, answer: dict[str, Any]) -> None:
        closed, waiting = answer.get("closed", []), answer.get("waiting", [])
        self.tell(self.tr("Se cerraron {n} ventanas; {w} esperan (corte no pasado o turnos sin cierre).").format(
            n=len(closed), w=len(waiting)))
        self.refresh()

    def reconcile(self) -> None:
        from ui.central_office.dialogs import ReconcileDialog

        row = current_row(self.table)
        dialog = ReconcileDialog(self.desk.client, self.desk.worker, self,
                                 business_date=self.filters.get("date_from") or (row or {}).get("business_date"))
        self.desk.open_dialog(dialog, self._reconciled)

    def _reconciled(self, answer: dict[str, Any]) -> None:
        self.tell(self.tr("Conciliación: {n} ventanas revisadas, {r} conciliadas, {o} excepciones nuevas, {c} aclaradas.").format(
            n=len(answer.get("windows", {})), r=len(answer.get("reconciled", [])), o=answer.get("exceptions_opened", 0),
            c=answer.get("exceptions_cleared", 0)))
        self.refresh()

    def export_csv(self) -> None:
        if not self.guarded(lambda: self.filters.update(self.read_filters())):
            return
        filters = dict(self.filters)
        self.desk.save("ventanas.csv", lambda: self.desk.client.csv("/windows", **filters), self)


class WindowDetailPage(Page):
    """One window: its checks with figures and differences, its exceptions and deposits."""

    def __init__(self, desk: CentralOfficeWindow) -> None:
        super().__init__(desk)
        self.window_id: int | None = None
        self.detail: dict[str, Any] = {}
        self.heading = label("", "title")
        self.state_badge = label("", "fresh")
        self.facts = label("", "subtitle", wrap=True)
        self.back_button = button(self.tr("← Volver (Esc)"), self.desk.close_window_detail)
        self.refresh_button = button(self.tr("Actualizar (F5)"), self.refresh)
        self.recheck_button = button(self.tr("Volver a revisar…"), self.recheck)
        self.pdf_button = button(self.tr("Guardar PDF de conciliación"), self.save_pdf)
        self.csv_button = button(self.tr("Exportar controles CSV"), self.export_csv)

        self.checks = ChecksModel(self)
        self.checks_table = table_for(self.checks)
        self.checks_table.selectionModel().currentRowChanged.connect(lambda *_: self.show_check())
        self.check_detail = label("", "hint", wrap=True)
        self.check_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.cases = ExceptionsModel(self)
        self.cases_table = table_for(self.cases)
        self.assign_button = button(self.tr("Asignar… (F6)"), self.assign)
        self.resolve_button = button(self.tr("Resolver… (F7)"), self.resolve)
        self.deposits = DepositsModel(self)
        self.deposits_table = table_for(self.deposits)

        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.heading)
        top.addWidget(self.state_badge)
        top.addStretch(1)
        lay.addLayout(top)
        lay.addWidget(self.facts)
        lay.addWidget(self.message)
        lay.addWidget(self.notice)
        split = QSplitter(Qt.Orientation.Vertical)
        checks_box = QWidget()
        cl = QVBoxLayout(checks_box)
        cl.setContentsMargins(0, 0, 0, 0)
        checks_head = QHBoxLayout()
        checks_head.addWidget(label(self.tr("Controles"), "fieldLabel"))
        checks_head.addStretch(1)
        for b in (self.refresh_button, self.recheck_button, self.pdf_button, self.csv_button):
            checks_head.addWidget(b)
        cl.addLayout(checks_head)
        cl.addWidget(self.checks_table, 1)
        cl.addWidget(self.check_detail)
        cases_box = QWidget()
        xl = QVBoxLayout(cases_box)
        xl.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(label(self.tr("Excepciones de esta ventana"), "fieldLabel"))
        head.addStretch(1)
        head.addWidget(self.assign_button)
        head.addWidget(self.resolve_button)
        xl.addLayout(head)
        xl.addWidget(self.cases_table, 1)
        deposits_box = QWidget()
        dl = QVBoxLayout(deposits_box)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(label(self.tr("Depósitos del agente para este día"), "fieldLabel"))
        dl.addWidget(self.deposits_table, 1)
        for w in (checks_box, cases_box, deposits_box):
            split.addWidget(w)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setStretchFactor(2, 1)
        lay.addWidget(split, 1)
        page_keys(self, {Qt.Key.Key_Escape: self.desk.close_window_detail, Qt.Key.Key_F6: self.assign, Qt.Key.Key_F7: self.resolve})

    def load(self, window_id: int) -> None:
        self.window_id = window_id
        self.detail = {}
        self.heading.setText(self.tr("Ventana N° {id}").format(id=window_id))
        self.facts.setText(self.tr("Consultando…"))
        self.checks.set_rows([])
        self.cases.set_rows([])
        self.deposits.set_rows([])
        self.notice.hide()
        self.refresh()

    def refresh(self) -> None:
        if self.window_id is None:
            return
        wid = self.window_id
        self.run(lambda: self.desk.client.window(wid), self.show_detail)

    def show_detail(self, d: dict[str, Any]) -> None:
        if d.get("id") != self.window_id:
            return  # an answer for a window the clerk already left
        self.detail = d
        state = str(d.get("state", ""))
        self.heading.setText(f"{d.get('agent_id', '')} — {d.get('agent_name') or ''} · {L.day(d.get('business_date'))}")
        self.state_badge.setText(L.window_state(state))
        restyle(self.state_badge, {"RECONCILED": "fresh", "OPEN": "stale"}.get(state, "judicial"))
        payments = (d.get("items") or {}).get("payment", {"count": 0, "amount": 0})
        currency = next((c.get("currency") for c in d.get("checks", []) if c.get("currency")), None)
        facts = [self.tr("Cajas: {t}").format(t=", ".join(d.get("terminals") or []) or "—"),
                 self.tr("{n} pagos por {amount}").format(n=payments["count"], amount=L.money(payments["amount"], currency))]
        if d.get("closed_at"):
            facts.append(self.tr("cerrada el {at} (UTC)").format(at=L.day(d["closed_at"])))
        if d.get("reconciled_at"):
            facts.append(self.tr("conciliada el {at} (UTC)").format(at=L.day(d["reconciled_at"])))
        elif d.get("checked_at"):
            facts.append(self.tr("revisada el {at} (UTC)").format(at=L.day(d["checked_at"])))
        self.facts.setText(" · ".join(facts))
        self.checks.set_rows(d.get("checks", []))
        self.cases.set_rows(d.get("exceptions", []))
        self.deposits.set_rows(d.get("deposits", []))
        first_bad = next((i for i, c in enumerate(d.get("checks", [])) if c.get("status") == "fail"), 0)
        select_row(self.checks_table, first_bad)
        select_row(self.cases_table, next((i for i, c in enumerate(d.get("exceptions", [])) if c.get("status") != "resolved"), 0))
        self.show_check()
        self.checks_table.setFocus()

    def show_check(self) -> None:
        row = current_row(self.checks_table)
        if row is None:
            self.check_detail.setText("")
            return
        text = L.check_detail(str(row.get("name")), row.get("detail") or [], row.get("currency"))
        self.check_detail.setText(f"{L.check_name(str(row.get('name')))} — {L.check_question(str(row.get('name')))}"
                                  + (f"\n{text}" if text else ""))

    def assign(self) -> None:
        if self.isVisible():
            self.desk.assign_exception(current_row(self.cases_table), self, self.refresh)

    def resolve(self) -> None:
        if self.isVisible():
            self.desk.resolve_exception(current_row(self.cases_table), self, self.refresh)

    def recheck(self) -> None:
        from ui.central_office.dialogs import ReconcileDialog

        if not self.detail:
            return
        dialog = ReconcileDialog(self.desk.client, self.desk.worker, self, business_date=self.detail.get("business_date"),
                                 agent_id=str(self.detail.get("agent_id") or ""))
        self.desk.open_dialog(dialog, lambda _: self.refresh())

    def _name(self) -> str:
        return f"{self.detail.get('agent_id', 'ventana')}-{self.detail.get('business_date', self.window_id)}"

    def save_pdf(self) -> None:
        if self.window_id is None:
            return
        wid = self.window_id
        self.desk.save(f"conciliacion-{self._name()}.pdf", lambda: self.desk.client.window_report(wid), self)

    def export_csv(self) -> None:
        if self.window_id is None:
            return
        wid = self.window_id
        self.desk.save(f"controles-{self._name()}.csv", lambda: self.desk.client.csv(f"/windows/{wid}"), self)


# -- exceptions --------------------------------------------------------------------------


class ExceptionsPage(Page):
    """The queue, filtered by type and state; a case's item and history beside it."""

    STATUSES = ("unresolved", "open", "assigned", "resolved", "")

    def __init__(self, desk: CentralOfficeWindow) -> None:
        super().__init__(desk)
        self.status = QComboBox()
        captions = {"unresolved": self.tr("Sin resolver"), "open": self.tr("Abiertas"), "assigned": self.tr("Asignadas"),
                    "resolved": self.tr("Resueltas"), "": self.tr("Todas")}
        for s in self.STATUSES:
            self.status.addItem(captions[s], s)
        self.type = QComboBox()
        self.type.setMaximumWidth(180)
        self.type.addItem(self.tr("Todos"), "")
        for t in L.EXCEPTION_TYPES:
            self.type.addItem(L.exception_type(t), t)
        self.agent = QLineEdit()
        self.agent.setPlaceholderText(self.tr("todos"))
        self.agent.setMaximumWidth(110)
        self.day = date_edit()
        self.assignee = QLineEdit()
        self.assignee.setPlaceholderText(self.tr("cualquiera"))
        self.assignee.setMaximumWidth(120)
        for e in (self.agent, self.day, self.assignee):
            e.returnPressed.connect(self.refresh)
        self.status.activated.connect(lambda _: self.refresh())
        self.type.activated.connect(lambda _: self.refresh())
        self.model = ExceptionsModel(self)
        self.table = table_for(self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.load_case())
        self.summary = label("", "hint")
        self.case_title = label("", "fieldLabel", wrap=True)
        self.case_text = label("", "hint", wrap=True)
        self.case_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history = HistoryModel(self)
        self.history_table = table_for(self.history)
        self.assign_button = button(self.tr("Asignar… (F6)"), self.assign)
        self.resolve_button = button(self.tr("Resolver… (F7)"), self.resolve)
        self.window_button = button(self.tr("Ver su ventana"), self.open_window)
        self.export_button = button(self.tr("Exportar CSV"), self.export_csv)
        lay = QVBoxLayout(self)
        lay.addLayout(filter_row((self.tr("Estado"), self.status), (self.tr("Tipo"), self.type), (self.tr("Agente"), self.agent),
                                 (self.tr("Fecha"), self.day), (self.tr("Asignada a"), self.assignee),
                                 extra=[button(self.tr("Buscar"), self.refresh)]))
        lay.addWidget(self.message)
        lay.addWidget(self.notice)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        side = QFrame()
        side.setObjectName("card")
        sl = QVBoxLayout(side)
        sl.addWidget(self.case_title)
        sl.addWidget(self.case_text)
        sl.addWidget(label(self.tr("Historia"), "fieldLabel"))
        sl.addWidget(self.history_table, 1)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay.addWidget(split, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.summary, 1)
        for b in (self.window_button, self.assign_button, self.resolve_button, self.export_button):
            actions.addWidget(b)
        lay.addLayout(actions)
        page_keys(self, {Qt.Key.Key_F6: self.assign, Qt.Key.Key_F7: self.resolve})
        self.filters: dict[str, Any] = {}
        self.case: dict[str, Any] | None = None

    def read_filters(self) -> dict[str, Any]:
        return {"status": self.status.currentData() or None, "type": self.type.currentData() or None,
                "agent_id": self.agent.text().strip().upper() or None,
                "business_date": L.read_date(self.day.text(), self.tr("Fecha")),
                "assigned_to": self.assignee.text().strip() or None}

    def set_filters(self, *, status: str | None = None, type_: str | None = None) -> None:
        if status is not None:
            self.status.setCurrentIndex(max(0, self.status.findData(status)))
        if type_ is not None:
            self.type.setCurrentIndex(max(0, self.type.findData(type_)))

    def refresh(self) -> None:
        if not self.guarded(lambda: self.filters.update(self.read_filters())):
            return
        filters = dict(self.filters)
        self.summary.setText(self.tr("Consultando…"))
        self.run(lambda: self.desk.client.exceptions(**filters), self.show_rows)

    def show_rows(self, rows: list[dict[str, Any]]) -> None:
        keep = current_row(self.table)
        self.model.set_rows(rows)
        open_, assigned = (sum(1 for r in rows if r.get("status") == s) for s in ("open", "assigned"))
        self.summary.setText(self.tr("{n} excepciones: {o} abiertas, {a} asignadas").format(n=len(rows), o=open_, a=assigned))
        at = self.model.find("id", keep["id"]) if keep else -1
        select_row(self.table, at if at >= 0 else 0)
        if not rows:
            self.case = None
            self.case_title.setText(self.tr("No hay excepciones con estos filtros."))
            self.case_text.setText("")
            self.history.set_rows([])

    def load_case(self) -> None:
        row = current_row(self.table)
        if row is None:
            return
        case_id = int(row["id"])
        self.run(lambda: self.desk.client.exception(case_id), self.show_case)

    def show_case(self, case: dict[str, Any]) -> None:
        row = current_row(self.table)
        if row is None or row.get("id") != case.get("id"):
            return
        self.case = case
        self.case_title.setText(f"N° {case.get('id')} · {L.exception_type(str(case.get('type')))} · "
                                f"{L.exception_status(str(case.get('status')))}")
        lines = []
        if case.get("detail"):
            lines.append(str(case["detail"]))
        item = case.get("item") if isinstance(case.get("item"), dict) else None
        if item:
            tenders = ", ".join(f"{L.tender(str(t.get('kind'))).lower()} {L.money(t.get('amount'), item.get('currency'))}"
                                for t in item.get("tenders") or [])
            lines.append(self.tr("Pago {id}\nCuenta {account} ({biller}) · recibo N° {receipt} · caja {terminal}\n{amount}, pagado con "
                                 "{tenders} · {when} (UTC)").format(
                id=item.get("id", ""), account=item.get("account_id", ""), biller=item.get("biller_id", ""),
                receipt=item.get("receipt_no", ""), terminal=item.get("terminal_id", ""),
                amount=L.money(item.get("amount"), item.get("currency")), tenders=tenders or "—",
                when=L.day(item.get("occurred_at"))))
        if case.get("reasons"):
            lines.append(self.tr("Por qué la marcó la central: {r}").format(r="; ".join(L.reason(str(r)) for r in case["reasons"])))
        if case.get("resolution"):
            lines.append(self.tr("Resuelta por {who}: {how}. {reason}").format(
                who=case.get("resolved_by", ""), how=L.resolution(case.get("resolution")), reason=case.get("resolution_reason") or ""))
        self.case_text.setText("\n".join(lines))
        self.history.set_rows(case.get("history", []))

    def assign(self) -> None:
        if self.isVisible():
            self.desk.assign_exception(current_row(self.table), self, self.refresh)

    def resolve(self) -> None:
        if self.isVisible():
            self.desk.resolve_exception(current_row(self.table), self, self.refresh)

    def open_window(self) -> None:
        row = current_row(self.table)
        if row and row.get("window_id"):
            self.desk.open_window(int(row["window_id"]))

    def export_csv(self) -> None:
        if not self.guarded(lambda: self.filters.update(self.read_filters())):
            return
        filters = dict(self.filters)
        self.desk.save("excepciones.csv", lambda: self.desk.client.csv("/exceptions", **filters), self)


# -- deposits and card settlements ------------------------------------------------------


class DepositsPage(Page):
    def __init__(self, desk: CentralOfficeWindow) -> None:
        super().__init__(desk)
        self.status = QComboBox()
        for caption, value in ((self.tr("Todos"), ""), (self.tr("Sin identificar"), "unmatched"), (self.tr("Declarados"), "declared"),
                               (self.tr("Confirmados"), "confirmed"), (self.tr("Conciliados"), "matched"),
                               (self.tr("Asignados"), "assigned")):
            self.status.addItem(caption, value)
        self.status.activated.connect(lambda _: self.refresh())
        self.agent = QLineEdit()
        self.agent.setPlaceholderText(self.tr("todos"))
        self.agent.setMaximumWidth(110)
        self.day = date_edit()
        for e in (self.agent, self.day):
            e.returnPressed.connect(self.refresh)
        self.model = DepositsModel(self)
        self.table = table_for(self.model)
        self.settlements = SettlementsModel(self)
        self.settlements_table = table_for(self.settlements)
        self.only_unmatched = QCheckBox(self.tr("Solo líneas sin pago"))
        self.only_unmatched.toggled.connect(lambda _: self.refresh())
        self.add_button = button(self.tr("Registrar depósito…"), self.add_deposit)
        self.statement_button = button(self.tr("Importar extracto bancario…"), lambda: self.import_file("statement"))
        self.assign_button = button(self.tr("Asignar depósito…"), self.assign_deposit)
        self.export_button = button(self.tr("Exportar CSV"), self.export_csv)
        self.card_button = button(self.tr("Importar liquidación de tarjetas…"), lambda: self.import_file("settlement"))
        self.card_export = button(self.tr("Exportar CSV"), self.export_settlements)
        lay = QVBoxLayout(self)
        lay.addLayout(filter_row((self.tr("Estado"), self.status), (self.tr("Agente"), self.agent), (self.tr("Fecha de negocio"), self.day),
                                 extra=[button(self.tr("Buscar"), self.refresh)]))
        lay.addWidget(self.message)
        lay.addWidget(self.notice)
        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(label(self.tr("Depósitos"), "fieldLabel"))
        tl.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        for b in (self.add_button, self.statement_button, self.assign_button, self.export_button):
            row.addWidget(b)
        tl.addLayout(row)
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(label(self.tr("Liquidaciones de tarjetas"), "fieldLabel"))
        bl.addWidget(self.settlements_table, 1)
        row2 = QHBoxLayout()
        row2.addWidget(self.only_unmatched)
        row2.addStretch(1)
        row2.addWidget(self.card_button)
        row2.addWidget(self.card_export)
        bl.addLayout(row2)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay.addWidget(split, 1)
        self.filters: dict[str, Any] = {}

    def read_filters(self) -> dict[str, Any]:
        return {"status": self.status.currentData() or None, "agent_id": self.agent.text().strip().upper() or None,
                "business_date": L.read_date(self.day.text(), self.tr("Fecha de negocio"))}

    def refresh(self) -> None:
        if not self.guarded(lambda: self.filters.update(self.read_filters())):
            return
        f = dict(self.filters)
        unmatched = self.only_unmatched.isChecked()

        def fetch() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
            deposits = self.desk.client.deposits(**f)
            lines = self.desk.client.card_settlements(agent_id=f["agent_id"], business_date=f["business_date"], unmatched=unmatched)
            return deposits, lines

        self.run(fetch, self.show_rows)

    def show_rows(self, answer: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
        deposits, lines = answer
        self.model.set_rows(deposits)
        self.settlements.set_rows(lines)
        at = next((i for i, d in enumerate(deposits) if d.get("status") == "unmatched"), 0)
        select_row(self.table, at)

    def add_deposit(self) -> None:
        from ui.central_office.dialogs import DepositDialog

        dialog = DepositDialog(self.desk.client, self.desk.worker, self, agent_id=self.filters.get("agent_id") or "",
                               business_date=self.filters.get("business_date"))
        self.desk.open_dialog(dialog, lambda new_id: (self.tell(self.tr("Depósito N° {id} registrado.").format(id=new_id)),
                                                      self.refresh()))

    def assign_deposit(self) -> None:
        from ui.central_office.dialogs import AssignDepositDialog

        row = current_row(self.table)
        if row is None or row.get("status") != "unmatched":
            self.message.show_text(self.tr("Elija un depósito «Sin identificar» para asignarlo."))
            return
        dialog = AssignDepositDialog(row, self.desk.client, self.desk.worker, self)
        self.desk.open_dialog(dialog, lambda _: (self.tell(self.tr("Depósito N° {id} asignado.").format(id=row["id"])),
                                                 self.refresh()))

    def import_file(self, kind: str) -> None:
        from ui.central_office.dialogs import ImportDialog

        caption = self.tr("Extracto bancario (CSV)") if kind == "statement" else self.tr("Liquidación de tarjetas (CSV)")
        path = self.desk.choose_file(caption, self.tr("Archivos CSV (*.csv *.txt);;Todos los archivos (*)"))
        if not path:
            return
        dialog = ImportDialog(kind, path, self.desk.client, self.desk.worker, self)
        self.desk.open_dialog(dialog, self._imported)
        if kind != "statement":
            dialog.go_confirm()

    def _imported(self, result: Any) -> None:
        words = {"matched": self.tr("conciliadas por referencia"), "confirmed": self.tr("confirmaron un depósito declarado"),
                 "unmatched": self.tr("sin identificar"), "already_imported": self.tr("ya estaban importadas")}
        parts = [f"{n} {words.get(k, k)}" for k, n in sorted(result.counts.items())]
        self.tell(self.tr("Archivo importado: {rows} líneas; {what}.").format(rows=result.rows, what=", ".join(parts) or "—"))
        self.refresh()

    def export_csv(self) -> None:
        if not self.guarded(lambda: self.filters.update(self.read_filters())):
            return
        f = dict(self.filters)
        self.desk.save("depositos.csv", lambda: self.desk.client.csv("/deposits", **f), self)

    def export_settlements(self) -> None:
        f = dict(self.filters)
        unmatched = "true" if self.only_unmatched.isChecked() else None
        self.desk.save("liquidaciones-tarjetas.csv", lambda: self.desk.client.csv(
            "/card-settlements", agent_id=f.get("agent_id"), business_date=f.get("business_date"), unmatched=unmatched), self)


# -- returned cheques ---------------------------------------------------------------------


class ChequesPage(Page):
    def __init__(self, desk: CentralOfficeWindow) -> None:
        super().__init__(desk)
        self.model = ReturnedChequesModel(self)
        self.table = table_for(self.model)
        self.mark_button = button(self.tr("Marcar cheque devuelto…"), self.mark)
        self.export_button = button(self.tr("Exportar CSV"), self.export_csv)
        lay = QVBoxLayout(self)
        lay.addWidget(label(self.tr("Cheques devueltos: sus giradores están en la lista que reciben las cajas."), "subtitle", wrap=True))
        lay.addWidget(self.message)
        lay.addWidget(self.notice)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.mark_button)
        row.addWidget(self.export_button)
        lay.addLayout(row)

    def refresh(self) -> None:
        self.run(self.desk.client.returned_cheques, self.model.set_rows)

    def mark(self) -> None:
        from ui.central_office.dialogs import ReturnedChequeDialog

        dialog = ReturnedChequeDialog(self.desk.client, self.desk.worker, self)
        self.desk.open_dialog(dialog, self._marked)

    def _marked(self, done: dict[str, Any]) -> None:
        self.tell(self.tr("Cheque marcado devuelto: la cuenta {account} vuelve a deberlo y el girador {drawer} entra en la lista "
                          "de las cajas.").format(account=done.get("account_id", ""), drawer=done.get("drawer_id", "")))
        self.run(self.desk.client.returned_cheques, self._after_mark)

    def _after_mark(self, rows: list[dict[str, Any]]) -> None:
        self.model.set_rows(rows)
        last = rows[-1] if rows else {}
        self.tell(self.tr("Cheque N° {n} marcado devuelto: {amount} vuelven a la cuenta {account}; el girador {drawer} entra en la "
                          "lista de las cajas.").format(n=last.get("number", ""), amount=L.money(last.get("amount"), last.get("currency")),
                                                        account=last.get("account_id", ""), drawer=last.get("drawer_id", "")))
        select_row(self.table, len(rows) - 1)

    def export_csv(self) -> None:
        self.desk.save("cheques-devueltos.csv", lambda: self.desk.client.csv("/returned-cheques"), self)


# -- over / short per cashier -------------------------------------------------------------


class OverShortPage(Page):
    def __init__(self, desk: CentralOfficeWindow) -> None:
        super().__init__(desk)
        self.date_from, self.date_to = date_edit(), date_edit()
        self.agent = QLineEdit()
        self.agent.setPlaceholderText(self.tr("todos"))
        self.agent.setMaximumWidth(110)
        self.cashier = QLineEdit()
        self.cashier.setPlaceholderText(self.tr("todos"))
        self.cashier.setMaximumWidth(120)
        for e in (self.date_from, self.date_to, self.agent, self.cashier):
            e.returnPressed.connect(self.refresh)
        self.model = OverShortModel(self)
        self.table = table_for(self.model)
        lay = QVBoxLayout(self)
        lay.addLayout(filter_row((self.tr("Desde"), self.date_from), (self.tr("Hasta"), self.date_to), (self.tr("Agente"), self.agent),
                                 (self.tr("Cajero"), self.cashier), extra=[button(self.tr("Buscar"), self.refresh)]))
        lay.addWidget(self.message)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(label(self.tr("De los cierres de turno: lo que contó cada cajero contra lo esperado, y lo que la oficina le cargó."),
                            "hint", wrap=True), 1)
        row.addWidget(button(self.tr("Exportar CSV"), self.export_csv))
        lay.addLayout(row)
        self.filters: dict[str, Any] = {}

    def read_filters(self) -> dict[str, Any]:
        return {"date_from": L.read_date(self.date_from.text(), self.tr("Desde")),
                "date_to": L.read_date(self.date_to.text(), self.tr("Hasta")),
                "agent_id": self.agent.text().strip().upper() or None, "cashier_id": self.cashier.text().strip() or None}

    def refresh(self) -> None:
        if not self.guarded(lambda: self.filters.update(self.read_filters())):
            return
        f = dict(self.filters)
        self.run(lambda: self.desk.client.over_short(**f), self.model.set_rows)

    def export_csv(self) -> None:
        if not self.guarded(lambda: self.filters.update(self.read_filters())):
            return
        f = dict(self.filters)
        self.desk.save("sobrantes-faltantes.csv", lambda: self.desk.client.csv("/over-short", **f), self)


# -- KPIs -----------------------------------------------------------------------------------


class KpiPage(Page):
    """Collection indicators of a period: figures, four charts, and any of the tables.

    Every amount is of one currency (central never adds different ones): the
    period's only one, or, when it has several, the one chosen in «Moneda» (the
    one with the most payments until the clerk picks another).
    """

    def __init__(self, desk: CentralOfficeWindow) -> None:
        super().__init__(desk)
        self.kpis: dict[str, Any] | None = None
        #: the currency the clerk picked; None lets the central choose (the period's main one)
        self.chosen_currency: str | None = None
        self._filling_currencies = False
        self.date_from, self.date_to = date_edit(), date_edit()
        today = date.today()
        self.date_from.setText(L.day((today - timedelta(days=29)).isoformat()))
        self.date_to.setText(L.day(today.isoformat()))
        self.agent = QLineEdit()
        self.agent.setPlaceholderText(self.tr("todos"))
        self.agent.setMaximumWidth(110)
        self.biller = QLineEdit()
        self.biller.setPlaceholderText(self.tr("todas"))
        self.biller.setMaximumWidth(110)
        for e in (self.date_from, self.date_to, self.agent, self.biller):
            e.returnPressed.connect(self.refresh)
        self.figures: dict[str, QLabel] = {}
        grid = QGridLayout()
        captions = [("payments", self.tr("Pagos")), ("collected", self.tr("Recaudado")), ("average", self.tr("Ticket promedio")),
                    ("peak", self.tr("Hora pico")), ("offline", self.tr("Sin conexión")), ("flagged", self.tr("Marcados")),
                    ("lag", self.tr("Demora de envío p50 / p95")), ("returned", self.tr("Cheques devueltos")),
                    ("kp", self.tr("Promesas cumplidas (KP)"))]
        for i, (key, caption) in enumerate(captions):
            box = QFrame()
            box.setObjectName("card")
            bl = QVBoxLayout(box)
            bl.setContentsMargins(8, 4, 8, 4)
            bl.addWidget(label(caption, "hint"))
            value = label("—", "fieldLabel")
            bl.addWidget(value)
            self.figures[key] = value
            grid.addWidget(box, i // 5, i % 5)
        self.by_day = BarChart(self.tr("Recaudado por día"))
        self.by_hour = BarChart(self.tr("Pagos por hora del día"))
        self.by_tender = BarChart(self.tr("Recaudado por medio de pago"))
        self.ageing = BarChart(self.tr("Antigüedad de lo cobrado"))
        charts = QWidget()
        cg = QGridLayout(charts)
        cg.setContentsMargins(0, 0, 0, 0)
        for i, chart in enumerate((self.by_day, self.by_hour, self.by_tender, self.ageing)):
            cg.addWidget(chart, i // 2, i % 2)
        self.table_model = KpiTableModel(self)
        self.section = QComboBox()
        for s in KpiTableModel.SECTIONS:
            self.section.addItem(self.table_model.section_title(s), s)
        self.section.currentIndexChanged.connect(lambda _: self.table_model.set_section(self.kpis, self.section.currentData()))
        self.table = table_for(self.table_model)
        table_box = QWidget()
        tl = QVBoxLayout(table_box)
        tl.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(label(self.tr("Tabla"), "fieldLabel"))
        head.addWidget(self.section, 1)
        tl.addLayout(head)
        tl.addWidget(self.table, 1)
        self.table_csv_button = button(self.tr("Exportar esta tabla CSV"), self.export_csv)
        tl.addWidget(self.table_csv_button)
        self.pdf_button = button(self.tr("Guardar informe PDF"), self.save_pdf)
        # shown only when the period has payments in more than one currency
        self.currency = QComboBox()
        self.currency.setMinimumWidth(160)
        self.currency.currentIndexChanged.connect(self.currency_changed)
        self.currency_box = QWidget()
        cl = QHBoxLayout(self.currency_box)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(label(self.tr("Moneda"), "fieldLabel"))
        cl.addWidget(self.currency)
        cl.addWidget(label(self.tr("Hay pagos en varias monedas: cada cifra es de la moneda elegida, nunca se suman."), "hint",
                           wrap=True), 1)
        self.currency_box.hide()
        lay = QVBoxLayout(self)
        lay.addLayout(filter_row((self.tr("Desde"), self.date_from), (self.tr("Hasta"), self.date_to), (self.tr("Agente"), self.agent),
                                 (self.tr("Empresa"), self.biller), extra=[button(self.tr("Calcular"), self.refresh), self.pdf_button]))
        lay.addWidget(self.message)
        lay.addWidget(self.notice)
        lay.addWidget(self.currency_box)
        lay.addLayout(grid)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(charts)
        split.addWidget(table_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay.addWidget(split, 1)
        self.period: dict[str, Any] = {}

    def read_filters(self) -> dict[str, Any]:
        return {"date_from": L.read_date(self.date_from.text(), self.tr("Desde"), required=True),
                "date_to": L.read_date(self.date_to.text(), self.tr("Hasta"), required=True),
                "agent_id": self.agent.text().strip().upper() or None, "biller_id": self.biller.text().strip().upper() or None}

    def refresh(self) -> None:
        if not self.guarded(lambda: self.period.update(self.read_filters())):
            return
        p, cur = dict(self.period), self.chosen_currency
        self.run(lambda: self.desk.client.kpis(p["date_from"], p["date_to"], agent_id=p["agent_id"], biller_id=p["biller_id"],
                                               currency=cur),
                 self.show_kpis)

    def currency_changed(self, _index: int) -> None:
        if self._filling_currencies:
            return
        self.chosen_currency = self.currency.currentData()
        self.refresh()

    def shown_currency(self) -> str | None:
        """The currency of the figures on screen (what the exports ask for too)."""
        return (self.kpis or {}).get("currency") or self.chosen_currency

    def show_currencies(self, current: str | None, listed: list[dict[str, Any]]) -> None:
        """The selector, with each currency and its payments, when there is more than one to choose from."""
        choices = [(str(c.get("currency")), int(c.get("payments") or 0)) for c in listed if c.get("currency")]
        if current and current not in [code for code, _ in choices]:
            choices.append((current, 0))  # asked for, and without payments in this period: still there to switch back from
        self._filling_currencies = True
        try:
            self.currency.clear()
            for code, n in sorted(choices):
                self.currency.addItem(self.tr("{code} · {n} pago").format(code=code, n=n) if n == 1 else
                                      self.tr("{code} · {n} pagos").format(code=code, n=f"{n:,}"), code)
            self.currency.setCurrentIndex(max(self.currency.findData(current), 0))
        finally:
            self._filling_currencies = False
        self.currency_box.setVisible(len(choices) > 1)

    def show_kpis(self, k: dict[str, Any]) -> None:
        self.kpis = k
        cur = k.get("currency")
        self.show_currencies(cur, k.get("currencies") or [])

        def pct(v: Any) -> str:
            return "—" if v is None else f"{float(v):.1f} %"

        def secs(v: Any) -> str:
            if v is None:
                return "—"
            v = float(v)
            return f"{v:.0f} s" if v < 120 else (f"{v / 60:.0f} min" if v < 7200 else f"{v / 3600:.1f} h")

        lag = k.get("sync_lag_s") or {}
        promises = k.get("promises") or {}
        returned = k.get("returned_cheques") or {}
        peak = k.get("peak_hour")
        self.figures["payments"].setText(f"{k.get('payments', 0):,}")
        self.figures["collected"].setText(L.money(k.get("collected", 0), cur))
        self.figures["average"].setText(L.money(k.get("average_ticket", 0), cur))
        self.figures["peak"].setText("—" if peak is None else f"{int(peak):02d}:00–{int(peak):02d}:59")
        self.figures["offline"].setText(pct(k.get("offline_share")))
        self.figures["flagged"].setText(pct(k.get("flagged_rate")))
        self.figures["lag"].setText(f"{secs(lag.get('p50'))} / {secs(lag.get('p95'))}")
        self.figures["returned"].setText(f"{returned.get('count', 0)} · {L.money(returned.get('amount', 0), cur)}")
        self.figures["kp"].setText(self.tr("{pct} ({kept} de {due})").format(
            pct=pct(promises.get("kp_percent")), kept=promises.get("kept", 0), due=promises.get("kept", 0) + promises.get("broken", 0)))

        def short_money(v: float) -> str:
            return L.whole_money(v, cur)

        nothing = self.tr("Sin pagos en el período")
        days = L.every_day(k.get("by_day") or [], (k.get("period") or {}).get("date_from"), (k.get("period") or {}).get("date_to"))
        self.by_day.set_data([L.day(d["date"])[:5] for d in days], [d["amount"] for d in days], value_text=short_money,
                             empty_text=nothing)
        hours = k.get("by_hour") or []
        self.by_hour.set_data([f"{h['hour']:02d}" for h in hours], [h["count"] for h in hours],
                              value_text=lambda v: f"{v:,.0f}", highlight=peak, empty_text=nothing)
        tenders = k.get("by_tender") or []
        self.by_tender.set_data([L.tender(t["tender"]) for t in tenders], [t["amount"] for t in tenders], value_text=short_money,
                                empty_text=nothing)
        ageing = k.get("ageing") or []
        self.ageing.set_data([L.ageing_bucket(a["bucket"]) for a in ageing], [a["amount"] for a in ageing], value_text=short_money,
                             empty_text=nothing)
        self.table_model.set_section(k, self.section.currentData())

    def export_csv(self) -> None:
        if not self.guarded(lambda: self.period.update(self.read_filters())):
            return
        p, section, cur = dict(self.period), self.section.currentData(), self.shown_currency()
        suffix = f"-{cur}" if cur else ""
        self.desk.save(f"indicadores-{section}-{p['date_from']}-{p['date_to']}{suffix}.csv",
                       lambda: self.desk.client.csv("/kpis", section=section, currency=cur, **p), self)

    def save_pdf(self) -> None:
        if not self.guarded(lambda: self.period.update(self.read_filters())):
            return
        p, cur = dict(self.period), self.shown_currency()
        suffix = f"-{cur}" if cur else ""
        self.desk.save(f"indicadores-{p['date_from']}-{p['date_to']}{suffix}.pdf",
                       lambda: self.desk.client.kpi_report(p["date_from"], p["date_to"], agent_id=p["agent_id"],
                                                           biller_id=p["biller_id"], currency=cur), self)
