"""The policy document: the shipped default, the same document as central serves it, and bad
documents refused with a code and a Spanish sentence naming the key."""

from __future__ import annotations

import json
import tomllib
from importlib import resources

import pytest

from app.domain.errors import DomainError
from app.domain.policy import load_default_policy, load_policy, parse_policy, policy_from_document
from app.domain.policy_document import OVERRIDABLE_CODES, SCOPED_AREAS

HEAD = "format = 1\nversion = 1\n"


def default_text() -> str:
    return resources.files("resources.policy").joinpath("default.toml").read_text("utf-8")


def test_the_default_policy_loads_and_resolves_for_every_biller_and_segment():
    policy = load_default_policy()
    assert policy.version == 1 and policy.currencies == ("DOP", "COP", "MXN", "PEN", "CLP", "USD")
    assert policy.billers == ("LUZ", "PREST", "TEL")
    for biller in policy.billers + ("AGUA", "UNKNOWN"):
        for segment in ("residential", "business"):
            rules = policy.rules_for(biller, segment)
            assert rules.tenders_allowed
    assert policy.rules_for("AGUA", "residential").tenders_allowed == ("cash", "card")
    assert policy.rules_for("AGUA", "business").tenders_allowed == ("cash", "cheque", "card")
    assert policy.rules_for("LUZ", "business").partial_allowed is False
    assert "partial_not_allowed" in policy.rules_for("LUZ", "business").overridable
    assert len(policy.banks) >= 10


def test_the_same_document_as_json_from_central_gives_the_same_rules():
    """central stores the TOML as JSON (times become text); the terminal reads that back."""
    text = default_text().replace('cutoff = "20:00"', "cutoff = 20:00:00")
    as_json = json.loads(json.dumps(tomllib.loads(text), default=lambda v: v.isoformat()))
    from_central = policy_from_document(as_json, version=12)
    from_file = load_default_policy()
    assert from_central.version == 12 and from_central.cutoff == from_file.cutoff
    for biller in ("LUZ", "PREST", "TEL", "AGUA"):
        for segment in ("residential", "business"):
            a, b = from_central.rules_for(biller, segment), from_file.rules_for(biller, segment)
            assert a == b


def test_central_keeps_reading_the_offline_limits_it_knows():
    """docs/central.md: central flags offline payments above [offline] max_payment / max_shift_total."""
    doc = tomllib.loads(default_text())
    assert isinstance(doc["offline"]["max_payment"]["DOP"], int)
    assert isinstance(doc["offline"]["max_shift_total"]["DOP"], int)
    minimal = policy_from_document({"offline": {"max_payment": 500000, "max_shift_total": 2000000}}, version=3)
    assert minimal.version == 3 and minimal.offline.max_payment == 500000


def test_load_policy_reads_a_file(tmp_path):
    path = tmp_path / "policy.toml"
    path.write_text(HEAD + "[cash]\nmax_payment = 100\n", encoding="utf-8")
    assert load_policy(path).rules_for("X", "residential").cash_max_payment == 100


def test_an_unreadable_file_is_a_clear_error(tmp_path):
    with pytest.raises(DomainError) as e:
        load_policy(tmp_path / "missing.toml")
    assert e.value.code == "policy_file_unreadable"
    assert e.value.message.startswith("No se puede leer el archivo de política ")
    bad = tmp_path / "latin1.toml"
    bad.write_bytes(HEAD.encode() + "name = \"Política\"\n".encode("latin-1"))
    with pytest.raises(DomainError) as e:
        load_policy(bad)
    assert (e.value.code, e.value.message) == ("policy_not_utf8", "El archivo de política latin1.toml no está en UTF-8.")
    huge = tmp_path / "huge.toml"
    huge.write_text(HEAD + "#" * 1_000_001, encoding="utf-8")
    with pytest.raises(DomainError) as e:
        load_policy(huge)
    assert e.value.code == "policy_too_large"


BAD = [
    ("not TOML", HEAD + "[cash\n", "policy_not_toml", "El documento de política no es TOML válido (línea 3, columna 6)."),
    ("a date that does not exist", HEAD + "name = 2025-02-30\n", "policy_not_toml",
     "El documento de política no es TOML válido (línea 3, columna 8)."),
    ("a newer format", "format = 2\nversion = 1\n", "policy_format_unsupported",
     "La política usa el formato 2 y esta caja entiende el formato 1: actualice la aplicación."),
    ("format as text", "format = \"1\"\nversion = 1\n", "policy_bad_value",
     "La política no es válida: «format» debe ser un número entero."),
    ("no version", "format = 1\n", "policy_missing_key", "La política no es válida: falta «version»."),
    ("negative version", "format = 1\nversion = -1\n", "policy_bad_value",
     "La política no es válida: «version» debe ser un número entero no negativo."),
    ("a misspelt key", HEAD + "[cash]\nmax_paymnet = 100\n", "policy_unknown_key",
     "La política no es válida: la clave «cash.max_paymnet» no existe (¿un error de escritura?)."),
    ("an unknown section", HEAD + "[cheques]\nmax_amount = 100\n", "policy_unknown_key",
     "La política no es válida: la clave «cheques» no existe (¿un error de escritura?)."),
    ("an amount with decimals", HEAD + "[cash]\nmax_payment = 1500.50\n", "policy_bad_value",
     "La política no es válida: «cash.max_payment» debe ser un entero en unidades menores (centavos), nunca con "
     "decimales: 5000000 son 50.000,00."),
    ("an amount in letters", HEAD + "[cheque]\nmax_amount = \"cincuenta mil\"\n", "policy_bad_value",
     "La política no es válida: «cheque.max_amount» debe ser un monto entero en unidades menores (centavos), false o "
     "una tabla por moneda."),
    ("a negative amount", HEAD + "[card]\nmin_amount = -100\n", "policy_bad_value",
     "La política no es válida: «card.min_amount» no puede ser negativo."),
    ("a huge amount", HEAD + "[card]\nmax_amount = 99999999999999999\n", "policy_bad_value",
     "La política no es válida: «card.max_amount» es demasiado grande."),
    ("a currency that does not exist", HEAD + "[cash]\nmax_payment = { XXX = 100 }\n", "policy_bad_value",
     "La política no es válida: «cash.max_payment.XXX» no es una moneda configurada."),
    ("a table missing a declared currency", "format = 1\nversion = 1\ncurrencies = [\"DOP\", \"COP\"]\n"
     "[cash]\nmax_payment = { DOP = 100 }\n", "policy_bad_value",
     "La política no es válida: «cash.max_payment» no da un valor para COP (la política declara esas monedas)."),
    ("an unknown declared currency", HEAD + "currencies = [\"DOP\", \"EUR\"]\n", "policy_bad_value",
     "La política no es válida: «currencies» nombra la moneda «EUR», que no está configurada."),
    ("a cut-off at 25:00", HEAD + "[business_day]\ncutoff = \"25:00\"\n", "policy_bad_value",
     "La política no es válida: «business_day.cutoff» debe ser una hora HH:MM (por ejemplo \"20:00\"), no '25:00'."),
    ("a cut-off in words", HEAD + "[business_day]\ncutoff = \"8pm\"\n", "policy_bad_value",
     "La política no es válida: «business_day.cutoff» debe ser una hora HH:MM (por ejemplo \"20:00\"), no '8pm'."),
    ("days as text", HEAD + "[cheque]\nstale_days = \"180\"\n", "policy_bad_value",
     "La política no es válida: «cheque.stale_days» debe ser un número entero entre 0 y 3.650 (o false: sin límite)."),
    ("a tender that does not exist", HEAD + "[tenders]\nallowed = [\"cash\", \"bitcoin\"]\n", "policy_bad_value",
     "La política no es válida: «tenders.allowed» debe ser una lista con algunos de: cash, cheque, card."),
    ("a rule no supervisor may override", HEAD + "[cheque]\noverridable = [\"cheque_duplicate\"]\n",
     "policy_rule_not_overridable",
     "La política no es válida: «cheque.overridable» nombra «cheque_duplicate», que no es una regla de «cheque» que un "
     "supervisor pueda autorizar (se admiten: cheque_above_max, cheque_postdated, cheque_stale, "
     "cheque_drawer_returned)."),
    ("a rule of another area", HEAD + "[card]\noverridable = [\"cash_above_max\"]\n", "policy_rule_not_overridable",
     "La política no es válida: «card.overridable» nombra «cash_above_max», que no es una regla de «card» que un "
     "supervisor pueda autorizar (se admiten: card_below_min, card_above_max)."),
    ("a bank code in lower case", HEAD + "[banks.popular]\nname = \"Popular\"\ncheque_number_length = 8\n",
     "policy_bad_value", "La política no es válida: «banks.popular» no es un código de banco válido (mayúsculas y "
                         "cifras)."),
    ("a cheque number of 3 digits", HEAD + "[banks.BHD]\nname = \"BHD\"\ncheque_number_length = 3\n", "policy_bad_value",
     "La política no es válida: «banks.BHD.cheque_number_length» debe ser un número de dígitos entre 4 y 12."),
    ("a band giving the cashier more", HEAD + "[[discount.bands]]\nmin_days = 90\ncashier_percent = 20\n"
     "supervisor_percent = 10\n", "policy_bad_value",
     "La política no es válida: «discount.bands[0]» da al cajero más descuento que al supervisor."),
    ("a percent above 100", HEAD + "[[discount.bands]]\nmin_days = 90\ncashier_percent = 5\nsupervisor_percent = 150\n",
     "policy_bad_value", "La política no es válida: «discount.bands[0].supervisor_percent» no puede pasar de 100."),
    ("a percent in letters", HEAD + "[[discount.bands]]\nmin_days = 90\ncashier_percent = \"diez\"\n"
     "supervisor_percent = 10\n", "policy_bad_value",
     "La política no es válida: «discount.bands[0].cashier_percent» debe ser un porcentaje entre 0 y 100, no 'diez'."),
    ("a percent as a TOML decimal", HEAD + "[[discount.bands]]\nmin_days = 90\ncashier_percent = 2.5\n"
     "supervisor_percent = 10\n", "policy_bad_value",
     "La política no es válida: «discount.bands[0].cashier_percent» debe ser un entero o un texto como \"12.5\" (nunca "
     "un decimal TOML)."),
    ("two bands with the same days", HEAD + "[[discount.bands]]\nmin_days = 90\ncashier_percent = 5\n"
     "supervisor_percent = 10\n[[discount.bands]]\nmin_days = 90\ncashier_percent = 5\nsupervisor_percent = 10\n",
     "policy_bad_value", "La política no es válida: «discount.bands» repite un tramo con los mismos días."),
    ("a biller code with spaces", HEAD + "[biller.\"MI EMPRESA\".cash]\nmax_payment = 1\n", "policy_bad_value",
     "La política no es válida: «biller.MI EMPRESA» no es un código de empresa válido (letras, cifras, - y _)."),
    ("a segment that does not exist", HEAD + "[segment.vip.cash]\nmax_payment = 1\n", "policy_unknown_key",
     "La política no es válida: la clave «segment.vip» no existe (¿un error de escritura?)."),
    ("offline limits per biller", HEAD + "[biller.LUZ.offline]\nmax_payment = 1\n", "policy_unknown_key",
     "La política no es válida: la clave «biller.LUZ.offline» no existe (¿un error de escritura?)."),
    ("a cashier as approver", HEAD + "[overrides]\napprover_roles = [\"cashier\"]\n", "policy_bad_value",
     "La política no es válida: «overrides.approver_roles» debe ser una lista con algunos de: supervisor, admin, "
     "central."),
    ("a section that is a value", HEAD + "cash = 5\n", "policy_bad_value",
     "La política no es válida: «cash» debe ser una tabla ([sección])."),
    ("a yes/no as text", HEAD + "[partial]\nallowed = \"no\"\n", "policy_bad_value",
     "La política no es válida: «partial.allowed» debe ser true o false."),
]


@pytest.mark.parametrize("name, text, code, message", BAD, ids=[b[0] for b in BAD])
def test_a_bad_document_is_refused_with_a_code_and_a_spanish_sentence(name, text, code, message):
    with pytest.raises(DomainError) as e:
        parse_policy(text)
    assert (e.value.code, e.value.message) == (code, message)


def test_false_means_no_limit_and_zero_rounding_means_none():
    p = parse_policy(HEAD + "[cash]\nmax_payment = false\nrounding_step = 0\n[cheque]\nstale_days = false\n")
    rules = p.rules_for(None, "residential")
    assert rules.cash_max_payment is None and rules.cash_rounding_step is None and rules.cheque_stale_days is None


def test_a_central_version_wins_over_the_documents_own():
    assert parse_policy(HEAD, version=9).version == 9
    assert policy_from_document({"format": 1}, version=0).version == 0


def test_a_document_that_is_not_a_table_or_text_is_refused():
    with pytest.raises(DomainError) as e:
        policy_from_document(["format", 1])  # type: ignore[arg-type]
    assert e.value.code == "policy_bad_value"
    with pytest.raises(DomainError) as e:
        parse_policy(b"format = 1")  # type: ignore[arg-type]
    assert e.value.code == "policy_not_toml"


def test_every_overridable_code_belongs_to_a_known_area():
    assert set(OVERRIDABLE_CODES) == set(SCOPED_AREAS) | {"offline"}
