"""The fields of a cheque, a card and the payer's identity document, each with its message under it.

The counter screen owns the flow; these widgets only hold what the cashier
types, move the cursor on Enter (the last field emits ``submitted``) and show
a sentence next to the field it concerns.  Typed text becomes a tender through
``app.domain.policy_input`` (``parse_cheque``, ``parse_card``,
``parse_payer_id``): a bad field answers with a :class:`DomainError` naming it.

``parse_lenient`` lets the counter ask the policy about a form that is still
being filled: every field that does not parse yet is replaced by a harmless
stand-in, and the counter drops what the policy says about those stand-ins.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFrame, QGridLayout, QHBoxLayout, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from app.domain.errors import DomainError
from app.domain.payments import CardTender, ChequeTender
from app.domain.policy_input import card_number_in, parse_card, parse_cheque
from ui.widgets import InlineMessage, label

#: the order the cursor follows (Enter moves to the next one)
FIELDS: dict[str, tuple[str, ...]] = {
    "cheque": ("amount", "bank_code", "number", "account_number", "issue_date", "drawer_name", "drawer_id"),
    "card": ("amount", "brand", "last4", "auth_code", "terminal_ref"),
}
CHOICE_FIELDS = frozenset({"bank_code", "brand"})
#: where a violation's field names a tender: ``tenders[2].bank_code``
TENDER_FIELD = re.compile(r"^tenders\[(\d+)\](?:\.(\w+))?$")


def card_refusal() -> str:
    return QCoreApplication.translate(
        "TenderForm", "No escriba números de tarjeta completos: anote solo los últimos 4 dígitos. No se guardó lo escrito.")


class _EnterFilter(QObject):
    """Enter on a combo box moves on, as it does in a line edit."""

    def __init__(self, on_enter: Callable[[QWidget], None], parent: QObject) -> None:
        super().__init__(parent)
        self.on_enter = on_enter

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.on_enter(obj)  # type: ignore[arg-type]
            return True
        return False


class TenderForm(QFrame):
    """One cheque or one card: its fields in two columns, a message under each."""

    submitted = Signal()  # Enter on the last field
    edited = Signal()  # the cashier changed something (the counter asks the policy again)

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName("tenderForm")
        self.with_amount = False
        self.finished: set[str] = set()  # fields the cashier left (their messages may show)
        self.header_error = InlineMessage()
        self.inputs: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, InlineMessage] = {}
        self.cells: dict[str, QWidget] = {}
        captions = self._captions()
        enter = _EnterFilter(self._enter_on, self)
        for name in FIELDS[kind]:
            if name in CHOICE_FIELDS:
                w: QLineEdit | QComboBox = QComboBox()
                # long bank names must not widen the window past 1024 px
                w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                w.setMinimumContentsLength(6)
                w.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
                w.installEventFilter(enter)
                w.currentIndexChanged.connect(lambda _i, n=name: self._changed(n, finished=True))
            else:
                w = QLineEdit()
                w.setMaxLength(80)
                w.returnPressed.connect(lambda n=name: self._enter_on(self.inputs[n]))
                w.textEdited.connect(lambda _t, n=name: self._changed(n, finished=False))
                w.editingFinished.connect(lambda n=name: self._left(n))
            w.setObjectName(f"{kind}_{name}")
            self.inputs[name] = w
            self.errors[name] = InlineMessage()
            cell = QWidget()
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(label(captions[name], "fieldLabel", wrap=True))
            box.addWidget(w)
            box.addWidget(self.errors[name])
            self.cells[name] = cell
        if kind == "card":
            last4 = self.inputs["last4"]
            assert isinstance(last4, QLineEdit)
            last4.setMaxLength(4)  # a full card number never fits in it
            auth = self.inputs["auth_code"]
            assert isinstance(auth, QLineEdit)
            auth.setMaxLength(6)
        self.inputs["amount"].setAlignment(Qt.AlignmentFlag.AlignRight)  # type: ignore[union-attr]
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
        # two equal columns: a message under the right-hand field gets as much room as the left
        self.grid.setColumnMinimumWidth(0, 200)
        self.grid.setColumnMinimumWidth(1, 200)
        top = QVBoxLayout(self)
        top.setContentsMargins(0, 4, 0, 0)
        top.addWidget(self.header_error)
        top.addLayout(self.grid)
        self._lay_out()

    def _captions(self) -> dict[str, str]:
        return {
            "amount": self.tr("Monto"),
            "bank_code": self.tr("Banco"),
            "number": self.tr("N.º de cheque"),
            "account_number": self.tr("Cuenta del cheque"),
            "issue_date": self.tr("Fecha del cheque"),
            "drawer_name": self.tr("Girador (nombre)"),
            "drawer_id": self.tr("Cédula o RNC del girador"),
            "brand": self.tr("Marca"),
            "last4": self.tr("Últimos 4 dígitos"),
            "auth_code": self.tr("Autorización (6)"),
            "terminal_ref": self.tr("Ref. del terminal (opcional)"),
        }

    # --- filling ---------------------------------------------------------------------
    def set_choices(self, name: str, choices: list[tuple[str, str]], placeholder: str) -> None:
        combo = self.inputs[name]
        assert isinstance(combo, QComboBox)
        combo.blockSignals(True)
        combo.clear()
        for code, text in choices:
            combo.addItem(text, code)
        combo.setPlaceholderText(placeholder)
        combo.setCurrentIndex(-1)
        combo.blockSignals(False)

    def reset(self, *, amount: str = "", with_amount: bool = False, today: date | None = None) -> None:
        self.with_amount = with_amount
        for name, w in self.inputs.items():
            if isinstance(w, QComboBox):
                w.blockSignals(True)
                w.setCurrentIndex(-1 if w.count() != 1 else 0)
                w.blockSignals(False)
            else:
                w.clear()
        self.inputs["amount"].setText(amount)  # type: ignore[union-attr]
        if today is not None and "issue_date" in self.inputs:
            self.inputs["issue_date"].setText(today.strftime("%d/%m/%Y"))  # type: ignore[union-attr]
        self.finished = set()
        self.clear_errors()
        self._lay_out()

    def _lay_out(self) -> None:
        for cell in self.cells.values():
            self.grid.removeWidget(cell)
            cell.hide()
        for i, name in enumerate(self.order()):
            self.grid.addWidget(self.cells[name], i // 2, i % 2, Qt.AlignmentFlag.AlignTop)
            self.cells[name].show()

    def order(self) -> tuple[str, ...]:
        return tuple(n for n in FIELDS[self.kind] if n != "amount" or self.with_amount)

    def values(self) -> dict[str, str]:
        out = {}
        for name, w in self.inputs.items():
            out[name] = (w.currentData() or "") if isinstance(w, QComboBox) else w.text()
        return out

    def first_input(self) -> QWidget:
        return self.inputs[self.order()[0]]

    def focus_field(self, name: str | None) -> None:
        w = self.inputs.get(name or "") or self.first_input()
        if name in self.inputs and name not in self.order():
            w = self.first_input()
        w.setFocus()
        if isinstance(w, QLineEdit):
            w.selectAll()

    # --- messages --------------------------------------------------------------------
    def error_label(self, name: str | None) -> InlineMessage:
        if name in self.errors and name in self.order():
            return self.errors[name]
        return self.header_error

    def show_error(self, name: str | None, text: str) -> None:
        self.error_label(name).show_text(text)

    def clear_errors(self) -> None:
        self.header_error.clear_text()
        for e in self.errors.values():
            e.clear_text()

    def refuse_card_number(self, name: str) -> None:
        """A full card number was typed into ``name``: the text goes, the reason stays."""
        w = self.inputs.get(name)
        if isinstance(w, QLineEdit):
            w.clear()
        self.show_error(name, card_refusal())

    # --- keys ------------------------------------------------------------------------
    def _enter_on(self, widget: QWidget) -> None:
        order = self.order()
        name = next((n for n, w in self.inputs.items() if w is widget), None)
        if name is None or name not in order:
            return
        self._left(name)
        i = order.index(name)
        if i + 1 < len(order):
            self.focus_field(order[i + 1])
        else:
            self.submitted.emit()

    def _changed(self, name: str, *, finished: bool) -> None:
        self.errors[name].clear_text()
        if finished:
            self.finished.add(name)
        else:
            self.finished.discard(name)
        self.edited.emit()

    def _left(self, name: str) -> None:
        w = self.inputs[name]
        if isinstance(w, QLineEdit) and card_number_in(w.text()):
            self.refuse_card_number(name)
        self.finished.add(name)
        self.edited.emit()


class PayerIdForm(QFrame):
    """The payer's identity document (anti-money-laundering): type and number."""

    submitted = Signal()
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("payerForm")
        self.caption = label(self.tr("Documento del pagador (obligatorio por el monto en efectivo)"), "fieldLabel", wrap=True)
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("payerType")
        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("payerNumber")
        self.number_edit.setMaxLength(40)
        self.number_edit.setPlaceholderText(self.tr("Número del documento"))
        self.error = InlineMessage()
        row = QHBoxLayout()
        row.addWidget(self.type_combo, 1)
        row.addWidget(self.number_edit, 2)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 4, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.caption)
        box.addLayout(row)
        box.addWidget(self.error)
        self.type_combo.installEventFilter(_EnterFilter(lambda _w: self._focus_number(), self))
        self.type_combo.currentIndexChanged.connect(lambda _i: self._changed())
        self.number_edit.textEdited.connect(lambda _t: self._changed())
        self.number_edit.returnPressed.connect(self._enter)

    def set_types(self, types: tuple[str, ...]) -> None:
        current = self.type_combo.currentData()
        self.type_combo.blockSignals(True)
        self.type_combo.clear()
        labels = {"cedula": self.tr("Cédula"), "pasaporte": self.tr("Pasaporte"), "rnc": self.tr("RNC")}
        for t in types:
            self.type_combo.addItem(labels.get(t, t.upper()), t)
        self.type_combo.setPlaceholderText(self.tr("Tipo de documento"))
        self.type_combo.setCurrentIndex(self.type_combo.findData(current) if current else -1)
        self.type_combo.blockSignals(False)

    def reset(self) -> None:
        self.type_combo.setCurrentIndex(-1)
        self.number_edit.clear()
        self.error.clear_text()

    def values(self) -> dict[str, str]:
        return {"type": self.type_combo.currentData() or "", "number": self.number_edit.text()}

    def filled(self) -> bool:
        v = self.values()
        return bool(v["type"] and v["number"].strip())

    def focus(self) -> None:
        (self.type_combo if self.type_combo.currentIndex() < 0 else self.number_edit).setFocus()
        self.number_edit.selectAll()

    def _focus_number(self) -> None:
        self.number_edit.setFocus()
        self.number_edit.selectAll()

    def _changed(self) -> None:
        self.error.clear_text()
        self.edited.emit()

    def _enter(self) -> None:
        if card_number_in(self.number_edit.text()):
            self.number_edit.clear()
            self.error.show_text(card_refusal())
            return
        self.submitted.emit()


# --------------------------------------------------------------------------------------
# typed text → tenders
# --------------------------------------------------------------------------------------


@dataclass
class Lenient:
    """A form read while it is still being filled."""

    tender: ChequeTender | CardTender | None
    errors: dict[str, DomainError] = field(default_factory=dict)  # field → why it does not parse yet

    @property
    def stand_ins(self) -> set[str]:
        return set(self.errors)


def parse_strict(kind: str, values: Mapping[str, str], currency: str, locale: str) -> ChequeTender | CardTender:
    return (parse_cheque if kind == "cheque" else parse_card)(values, currency, locale)


def parse_lenient(kind: str, values: Mapping[str, str], currency: str, locale: str,
                  stand_in: Mapping[str, str]) -> Lenient:
    """Parse the form; each field that does not parse is replaced by ``stand_in[field]`` and noted."""
    vals = dict(values)
    errors: dict[str, DomainError] = {}
    for _ in range(len(vals) + 1):
        try:
            return Lenient(parse_strict(kind, vals, currency, locale), errors)
        except DomainError as e:
            name = e.field or ""
            if name not in vals or name in errors or name not in stand_in:
                return Lenient(None, {**errors, name: e})
            errors[name] = e
            vals[name] = stand_in[name]
    return Lenient(None, errors)
