"""The admin's settings screen: outlet, terminal, region, printer and display, policy, central.

Keys
    Enter          next field (a combo box never opens on Enter); on the last, the «Guardar» button;
                   in the enrolment code, when one is typed, it asks central (as F6)
    Ctrl+S         save: every value is checked, a wrong one is shown under its field and nothing is written
    F5             print the test page on the printer typed here (off the GUI thread)
    F6             enrol this terminal with the code central gave (off the GUI thread)
    Esc            back (a second Esc when there are unsaved changes)

What the screen changes is written to settings.toml by
``app.services.settings_service.SettingsService`` (atomically, with an audit
entry); the running counter keeps the settings it read at start-up, so the
changes apply when Ventanilla starts again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.amounts import LOCALES
from app.domain.errors import DomainError
from app.domain.users import User
from app.services.settings_service import Enrolled, EnrolmentState, SavedSettings, SettingsRefused, settings_values
from ui.context import Services
from ui.errors import describe
from ui.widgets import InlineMessage, label, restyle
from ui.workers import Worker

CURRENCIES = ("DOP", "COP", "MXN", "PEN", "CLP", "PYG", "GTQ", "HNL", "BOB", "ARS", "USD")
TIMEZONES = (
    "America/Santo_Domingo", "America/Bogota", "America/Mexico_City", "America/Lima", "America/Santiago",
    "America/Asuncion", "America/Guatemala", "America/Tegucigalpa", "America/La_Paz",
    "America/Argentina/Buenos_Aires", "America/New_York",
)
PROFILES = ("80mm", "58mm", "80mm-42")
# the form's field that names the enrolment code (not a setting: it is spent at central)
CODE = "enrolment_code"


class _EnterMovesOn(QObject):
    """Enter in a field (a combo box too) moves to the next one instead of opening or inserting."""

    def __init__(self, on_enter: Callable[[QWidget], None], parent: QObject) -> None:
        super().__init__(parent)
        self.on_enter = on_enter

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.on_enter(obj)  # type: ignore[arg-type]
            return True
        return False


class _FieldMessage(InlineMessage):
    """An InlineMessage that keeps all its lines: a form row does not ask a wrapped label for its height."""

    def show_text(self, text: str) -> None:
        super().show_text(text)
        self._fit()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self.width() > 0 and self.text():
            self.setMinimumHeight(self.heightForWidth(self.width()))


@dataclass(frozen=True)
class PrinterTestResult:
    ok: bool
    text: str


def _section(text: str) -> QWidget:
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 4, 0, 0)
    lay.setSpacing(2)
    title = label(text, "subtitle")
    font = QFont(title.font())
    font.setBold(True)
    title.setFont(font)
    rule = QFrame()
    rule.setFrameShape(QFrame.Shape.HLine)
    rule.setStyleSheet("color: #0b4f9c;")
    lay.addWidget(title)
    lay.addWidget(rule)
    return box


class SettingsScreen(QWidget):
    back = Signal()
    saved = Signal(object)  # SavedSettings
    enrolled = Signal(object)  # Enrolled
    printer_tested = Signal(object)  # PrinterTestResult

    def __init__(
        self,
        services: Services,
        worker: Worker,
        settings_service: Any,
        *,
        enrol_remote: Callable[[str, str, str], Any] | None = None,
        test_printer: Callable[[str, str, float], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # the device checks and the test page need printing/: import it here, once, on the GUI thread
        # (an import on a worker thread holds Python's import lock and crawls while the GUI runs)
        import printing.display  # noqa: F401
        import printing.profiles  # noqa: F401
        import printing.testpage  # noqa: F401
        import printing.urls  # noqa: F401

        self.services, self.worker, self.service = services, worker, settings_service
        self.enrol_remote = enrol_remote
        self.test_printer = test_printer
        self.user: User | None = None
        self.loaded: dict[str, str] = {}
        self.busy: set[str] = set()
        self._esc_armed = False
        self._check_generation = 0
        self.left_fields: set[str] = set()  # fields the admin left: their messages may show before saving

        self.title = label(self.tr("Ajustes de la caja"), "title")
        self.hint = label(
            self.tr("Enter: campo siguiente · Ctrl+S guarda · F5 prueba la impresora · F6 da de alta la caja · Esc vuelve"),
            "hint", wrap=True)
        self.restart_note = label(self.tr("Lo que se guarda aquí se aplica al reiniciar Ventanilla."), "hint", wrap=True)
        self.file_problem = InlineMessage()

        self.inputs: dict[str, QLineEdit | QComboBox] = {}
        self.cells: dict[str, QWidget] = {}
        self.errors: dict[str, InlineMessage] = {}
        self.order: list[str] = []
        self._enter = _EnterMovesOn(self._enter_on, self)

        # --- left column: the outlet, this terminal, the region -------------------------
        left = QVBoxLayout()
        left.setSpacing(2)
        form = self._form(left)
        form.addRow(_section(self.tr("Estafeta y caja")))
        self._line(form, "outlet.name", self.tr("Estafeta"), max_length=120)
        self._line(form, "outlet.agent_id", self.tr("Código del agente"), max_length=32)
        self._line(form, "outlet.agent_name", self.tr("Nombre del agente"), max_length=120)
        self._line(form, "outlet.address", self.tr("Dirección"), max_length=120)
        self._line(form, "terminal_name", self.tr("Nombre de la caja"), max_length=40)
        self._line(form, "receipt_footer", self.tr("Pie del recibo"), max_length=200)
        form.addRow(_section(self.tr("Moneda, región e idioma")))
        self._combo(form, "currency", self.tr("Moneda"), [(c, c) for c in CURRENCIES], editable=True)
        self._combo(form, "locale", self.tr("Formato regional"), [(self._locale_text(k), k) for k in LOCALES])
        self._combo(form, "timezone", self.tr("Zona horaria"), [(z, z) for z in TIMEZONES], editable=True)
        self._combo(form, "language", self.tr("Idioma"), [(self.tr("Español"), "es"), (self.tr("English (inglés)"), "en")])
        self.language_note = label(self.tr("El idioma cambia al reiniciar Ventanilla."), "hint", wrap=True)
        self.cells["language"].layout().addWidget(self.language_note)
        left.addStretch(1)

        # --- right column: devices, policy, central ---------------------------------------
        right = QVBoxLayout()
        right.setSpacing(2)
        form = self._form(right)
        form.addRow(_section(self.tr("Impresora y visor")))
        self._line(form, "printer", self.tr("Impresora"), max_length=200,
                   placeholder="tcp://192.168.1.50:9100")
        self.test_button = QPushButton(self.tr("Probar (F5)"))
        self.test_button.setToolTip(self.tr("Imprime la página de prueba en la impresora y el papel de arriba"))
        self.test_button.setAutoDefault(True)
        self.test_button.clicked.connect(self.test_print)
        self._combo(form, "printer_profile", self.tr("Papel"),
                    [(self.tr("80 mm"), "80mm"), (self.tr("58 mm"), "58mm"), (self.tr("80 mm, 42 col."), "80mm-42")], beside=self.test_button)
        self.test_result = _FieldMessage()
        self.cells["printer_profile"].layout().addWidget(self.test_result)
        self._line(form, "display", self.tr("Visor del cliente"), max_length=200,
                   placeholder=self.tr("vacío: sin visor; serial:///dev/ttyUSB1"))
        form.addRow(_section(self.tr("Cobro")))
        self._line(form, "policy_file", self.tr("Política"), max_length=400,
                   placeholder=self.tr("vacío: la política por defecto"))
        self.policy_info = label("", "hint", wrap=True)
        self.cells["policy_file"].layout().addWidget(self.policy_info)
        self._line(form, "cutoff", self.tr("Hora de corte"), max_length=5, placeholder=self.tr("HH:MM, p. ej. 18:00"))
        self._line(form, "cash_rounding", self.tr("Redondeo"), max_length=8,
                   placeholder=self.tr("vacío: sin redondeo"))
        form.addRow(_section(self.tr("Central")))
        self._line(form, "central_url", self.tr("Dirección"), max_length=200,
                   placeholder="https://central.example.com")
        self.enrol_state = label("", "hint", wrap=True)
        self.cells["central_url"].layout().addWidget(self.enrol_state)
        self.enrol_button = QPushButton(self.tr("Dar de alta (F6)"))
        self.enrol_button.setAutoDefault(True)
        self.enrol_button.clicked.connect(self.enrol)
        self._line(form, CODE, self.tr("Código de alta"), max_length=64, beside=self.enrol_button)
        right.addStretch(1)

        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        body = QWidget()
        body.setObjectName("settingsBody")
        body.setLayout(columns)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(body)
        self.scroll.setStyleSheet("QScrollArea, QWidget#settingsBody { background: white; }")

        self.save_button = QPushButton(self.tr("Guardar (Ctrl+S)"))
        self.save_button.setAutoDefault(True)
        self.save_button.clicked.connect(self.save)
        self.back_button = QPushButton(self.tr("Volver (Esc)"))
        self.back_button.setAutoDefault(True)
        self.back_button.clicked.connect(self.leave)
        self.message = InlineMessage()
        bottom = QHBoxLayout()
        bottom.addWidget(self.restart_note, 8)
        bottom.addWidget(self.message, 8)
        bottom.addStretch(1)
        bottom.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bottom.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 8, 16, 8)
        outer.addWidget(self.title)
        outer.addWidget(self.hint)
        outer.addWidget(self.file_problem)
        outer.addWidget(self.scroll, 1)
        outer.addLayout(bottom)

        previous = None
        for key in self.order:
            w = self.inputs[key]
            if previous is not None:
                QWidget.setTabOrder(previous, w)
            previous = w
            if key == "printer_profile":
                QWidget.setTabOrder(w, self.test_button)
                previous = self.test_button
            if key == CODE:
                QWidget.setTabOrder(w, self.enrol_button)
                previous = self.enrol_button
        QWidget.setTabOrder(previous, self.back_button)
        QWidget.setTabOrder(self.back_button, self.save_button)

        for key, slot in ((QKeySequence.StandardKey.Save, self.save), (Qt.Key.Key_F5, self.test_print),
                          (Qt.Key.Key_F6, self.enrol), (Qt.Key.Key_Escape, self.leave)):
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)

    # --- building ---------------------------------------------------------------------
    def _form(self, column: QVBoxLayout) -> QFormLayout:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(4)
        column.addLayout(form)
        return form

    def _cell(self, form: QFormLayout, key: str, caption: str, w: QWidget, beside: QWidget | None = None) -> None:
        w.setObjectName(f"setting_{key.replace('.', '_')}")
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        if beside is None:
            box.addWidget(w)
        else:
            row = QHBoxLayout()
            row.setSpacing(6)
            row.addWidget(w, 1)
            row.addWidget(beside)
            box.addLayout(row)
        self.errors[key] = _FieldMessage()
        box.addWidget(self.errors[key])
        self.cells[key] = cell
        self.inputs[key] = w  # type: ignore[assignment]
        self.order.append(key)
        caption_label = label(caption, "fieldLabel")
        caption_label.setContentsMargins(0, 7, 0, 0)  # level with the text in the field beside it
        caption_label.setBuddy(w)
        form.addRow(caption_label, cell)

    def _line(self, form: QFormLayout, key: str, caption: str, *, max_length: int, placeholder: str = "",
              beside: QWidget | None = None) -> QLineEdit:
        w = QLineEdit()
        w.setMinimumWidth(120)
        w.setMaxLength(max_length)
        if placeholder:
            w.setPlaceholderText(placeholder)
        w.installEventFilter(self._enter)
        w.textEdited.connect(lambda _t, k=key: self._edited(k))
        w.editingFinished.connect(lambda k=key: self._left(k))
        self._cell(form, key, caption, w, beside)
        return w

    def _combo(self, form: QFormLayout, key: str, caption: str, items: list[tuple[str, str]], *,
               editable: bool = False, beside: QWidget | None = None) -> QComboBox:
        w = QComboBox()
        w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        w.setMinimumContentsLength(8)
        for text, data in items:
            w.addItem(text, data)
        w.setEditable(editable)
        w.installEventFilter(self._enter)
        if editable:
            w.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            w.lineEdit().installEventFilter(self._enter)
            w.lineEdit().textEdited.connect(lambda _t, k=key: self._edited(k))
            w.lineEdit().editingFinished.connect(lambda k=key: self._left(k))
        w.activated.connect(lambda _i, k=key: (self._edited(k), self._left(k)))
        self._cell(form, key, caption, w, beside)
        return w

    def _locale_text(self, locale: str) -> str:
        fmt = LOCALES[locale]
        sample = f"1{fmt.group_sep}500{fmt.decimal_sep}50"
        return self.tr("{locale}  ({sample})").format(locale=locale, sample=sample)

    # --- values ------------------------------------------------------------------------
    def values(self) -> dict[str, str]:
        """The form as the service takes it (the enrolment code is not a setting)."""
        out = {}
        for key, w in self.inputs.items():
            if key == CODE:
                continue
            if isinstance(w, QComboBox):
                out[key] = w.currentText().strip() if w.isEditable() else str(w.currentData() or "")
            else:
                out[key] = w.text().strip()
        return out

    def set_value(self, key: str, value: str) -> None:
        w = self.inputs[key]
        if isinstance(w, QComboBox):
            i = w.findData(value)
            if i < 0 and w.isEditable():
                w.setEditText(value)
            elif i < 0:
                w.addItem(value, value)
                w.setCurrentIndex(w.count() - 1)
            else:
                w.setCurrentIndex(i)
        else:
            w.setText(value)
            w.setCursorPosition(0)  # a long address shows its beginning

    @property
    def dirty(self) -> bool:
        return bool(self.loaded) and self.values() != self.loaded

    # --- showing -----------------------------------------------------------------------
    def start(self, user: User) -> None:
        self.user = user
        self._esc_armed = False
        self.left_fields = set()
        self.clear_errors()
        self.say("")
        self.test_result.clear_text()
        self.file_problem.clear_text()
        try:
            current = self.service.current()
        except DomainError as e:  # a broken file: show what is wrong; saving replaces it
            from app.settings import Settings

            current = Settings()
            self.file_problem.show_text(
                self.tr("El archivo de ajustes no se puede leer ({problem}). Se muestran los valores por defecto; "
                        "al guardar se reemplaza.").format(problem=e.message))
        values = settings_values(current)
        for key, value in values.items():
            self.set_value(key, value)
        self.inputs[CODE].setText("")  # type: ignore[union-attr]
        self.loaded = self.values()
        self._check_policy()
        self.refresh_enrolment()
        self.focus_field(self.order[0])

    def focus_field(self, key: str) -> None:
        w = self.inputs.get(key)
        if w is None:
            return
        w.setFocus()
        self.scroll.ensureWidgetVisible(self.cells[key], 10, 40)
        if isinstance(w, QLineEdit):
            w.selectAll()
        elif w.isEditable():
            w.lineEdit().selectAll()

    def clear_errors(self) -> None:
        for e in self.errors.values():
            e.clear_text()

    def show_problems(self, problems: dict[str, str], only: set[str] | None = None) -> None:
        for key, e in self.errors.items():
            if key == CODE or (only is not None and key not in only):
                continue
            e.show_text(problems.get(key, ""))

    def say(self, text: str, style: str = "inlineError") -> None:
        """The line beside the buttons: a result or a refusal; when empty, the note on when changes apply."""
        restyle(self.message, style)
        self.message.show_text(text)
        self.restart_note.setVisible(not text)

    # --- keys ---------------------------------------------------------------------------
    def _enter_on(self, widget: QWidget) -> None:
        key = next((k for k, w in self.inputs.items() if w is widget or (isinstance(w, QComboBox) and w.lineEdit() is widget)), None)
        if key is None:
            return
        if key == CODE and self.inputs[CODE].text().strip():  # type: ignore[union-attr]
            self.enrol()  # Enter with a code typed asks central; an empty code is passed by
            return
        i = self.order.index(key)
        following = self.order[i + 1:]
        if following:
            self.focus_field(following[0])
        else:
            self.save_button.setFocus()

    def _edited(self, key: str) -> None:
        self._esc_armed = False
        self.errors[key].clear_text()
        if key in ("printer", "printer_profile"):
            self.test_result.clear_text()

    def _left(self, key: str) -> None:
        if key == CODE or self.user is None:
            return
        self.left_fields.add(key)
        if key == "policy_file":
            self._check_policy()
        self._check_left()

    def _check_left(self) -> None:
        """Check the whole form on the worker; show only the messages of fields already left."""
        self._check_generation += 1
        generation, values, service = self._check_generation, self.values(), self.service

        def done(_settings) -> None:
            if generation == self._check_generation:
                self.show_problems({}, only=set(self.left_fields))

        def failed(error: BaseException) -> None:
            if generation != self._check_generation:
                return
            if isinstance(error, SettingsRefused):
                self.show_problems(error.problems, only=set(self.left_fields))

        self.worker.submit(lambda: service.validate(values), done, failed)

    def leave(self) -> None:
        if self.busy:
            self.say(self.tr("Espere a que termine la operación en curso."), "notice")
            return
        if self.dirty and not self._esc_armed:
            self._esc_armed = True
            self.say(self.tr("Hay cambios sin guardar: Ctrl+S los guarda; Esc otra vez sale sin guardarlos."), "notice")
            return
        self._esc_armed = False
        self.back.emit()

    # --- saving --------------------------------------------------------------------------
    def save(self) -> None:
        if "save" in self.busy or self.user is None:
            return
        self._esc_armed = False
        values, service, by = self.values(), self.service, self.user.user_id
        self.busy.add("save")
        self.save_button.setEnabled(False)
        self.say("")
        self.worker.submit(lambda: service.save(values, by=by), self._saved, self._save_failed)

    def _saved(self, result: SavedSettings) -> None:
        self.busy.discard("save")
        self.save_button.setEnabled(True)
        self._check_generation += 1  # a check still running must not put old messages back
        self.clear_errors()
        self.loaded = self.values()
        if result.changes:
            n = len(result.changes)
            if n == 1:
                text = self.tr("Ajustes guardados (1 cambio). Se aplican al reiniciar Ventanilla.")
            else:
                text = self.tr("Ajustes guardados ({n} cambios). Se aplican al reiniciar Ventanilla.").format(n=n)
        else:
            text = self.tr("No había cambios que guardar.")
        self.say(text, "notice")
        self.saved.emit(result)

    def _save_failed(self, error: BaseException) -> None:
        self.busy.discard("save")
        self.save_button.setEnabled(True)
        self._check_generation += 1
        if isinstance(error, SettingsRefused):
            self.left_fields |= set(error.problems)
            self.show_problems(error.problems)
            self.say(self.tr("No se guardó nada: corrija lo marcado en rojo."), "inlineError")
            first = next((k for k in self.order if k in error.problems), None)
            if first:
                self.focus_field(first)
            return
        shown = describe(error)
        if shown.field in self.errors:
            self.errors[shown.field].show_text(shown.text)
        self.say(self.tr("No se guardó nada: {reason}").format(reason=shown.text), "inlineError")

    # --- the policy file ---------------------------------------------------------------------
    def _check_policy(self) -> None:
        path = self.values()["policy_file"]
        service = self.service

        def load():
            if path:
                return service.check_policy(path)
            from app.domain.policy import load_default_policy

            return load_default_policy()

        def done(policy) -> None:
            if self.values()["policy_file"] != path:
                return
            if path:
                text = self.tr("Política «{name}», versión {version}.")
            else:
                text = self.tr("Sin archivo: «{name}», versión {version}.")
            self.policy_info.setText(text.format(name=policy.name, version=policy.version))
            self.errors["policy_file"].clear_text()

        def failed(error: BaseException) -> None:
            if self.values()["policy_file"] != path:
                return
            self.policy_info.setText("")
            self.errors["policy_file"].show_text(describe(error).text)

        self.worker.submit(load, done, failed)

    # --- printer test ----------------------------------------------------------------------
    def test_print(self) -> None:
        if "printer" in self.busy:
            return
        values = self.values()
        url, profile = values["printer"], values["printer_profile"]
        self.test_result.clear_text()
        if not url:
            self.errors["printer"].show_text(self.tr("Escriba la dirección de la impresora, p. ej. tcp://192.168.1.50:9100."))
            self.focus_field("printer")
            return
        test = self.test_printer
        if test is None:
            from printing.testpage import print_test_page as test
        self.busy.add("printer")
        self.test_button.setEnabled(False)
        self.test_result.show_text(self.tr("Imprimiendo la página de prueba…"))
        restyle(self.test_result, "notice")
        self.worker.submit(lambda: test(url, profile, 5.0), lambda _r: self._tested(url, profile, None),
                           lambda e: self._tested(url, profile, e))

    def _tested(self, url: str, profile: str, error: BaseException | None) -> None:
        self.busy.discard("printer")
        self.test_button.setEnabled(True)
        if error is None:
            result = PrinterTestResult(True, self.tr("Página de prueba impresa (papel {profile}).").format(profile=profile))
            restyle(self.test_result, "notice")
        else:
            shown = describe(error)
            result = PrinterTestResult(False, shown.text)
            restyle(self.test_result, "inlineError")
        self.test_result.show_text(result.text)
        self.printer_tested.emit(result)

    # --- enrolment ----------------------------------------------------------------------------
    def refresh_enrolment(self) -> None:
        service = self.service
        self.worker.submit(service.enrolment_state, self._show_enrolment, lambda _e: self.enrol_state.setText(""))

    def _show_enrolment(self, state: EnrolmentState) -> None:
        if state.enrolled:
            text = self.tr("Esta caja es {terminal}, dada de alta en {url}.").format(terminal=state.terminal_id, url=state.central_url)
        elif state.items:
            text = self.tr("Esta caja ({terminal}) no tiene alta y ya registró operaciones: no se puede dar de alta "
                           "con estos datos.").format(terminal=state.terminal_id)
        else:
            text = self.tr("Sin alta en una central (caja {terminal}).").format(terminal=state.terminal_id)
        self.enrol_state.setText(text)

    def enrol(self) -> None:
        if "enrol" in self.busy or self.user is None:
            return
        values = self.values()
        code = self.inputs[CODE].text()  # type: ignore[union-attr]
        url, name, by = values["central_url"], values["terminal_name"], self.user.user_id
        remote = self.enrol_remote
        if remote is None:
            from sync.client import enroll as remote
        service = self.service
        self.errors[CODE].clear_text()
        self.errors["central_url"].clear_text()
        self.say(self.tr("Pidiendo el alta a la central…"), "notice")
        self.busy.add("enrol")
        self.enrol_button.setEnabled(False)
        self.worker.submit(lambda: service.enrol(url, code, name, by=by, remote=remote), self._enrolled, self._enrol_failed)

    def _enrolled(self, result: Enrolled) -> None:
        self.busy.discard("enrol")
        self.enrol_button.setEnabled(True)
        self.inputs[CODE].setText("")  # type: ignore[union-attr]
        if self.values()["central_url"].rstrip("/") != self.loaded.get("central_url", "").rstrip("/"):
            text = self.tr("Caja dada de alta: {terminal} (agente {agent}). Guarde (Ctrl+S) para conservar la dirección; "
                           "el envío empieza al reiniciar Ventanilla.")
        else:
            text = self.tr("Caja dada de alta: {terminal} (agente {agent}). El envío a la central empieza al reiniciar "
                           "Ventanilla.")
        self.say(text.format(terminal=result.terminal_id, agent=result.agent_id), "notice")
        self.refresh_enrolment()
        self.enrolled.emit(result)

    def _enrol_failed(self, error: BaseException) -> None:
        self.busy.discard("enrol")
        self.enrol_button.setEnabled(True)
        self.say("")
        shown = describe(error)
        text = shown.text
        if shown.code in ("central_unavailable",):
            text = self.tr("No hubo respuesta de la central: revise la dirección y la conexión, y vuelva a intentar.")
        where = "central_url" if shown.field == "central_url" else CODE
        self.errors[where].show_text(text)
        self.focus_field(where)
