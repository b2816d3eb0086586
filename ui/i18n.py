"""Languages: Qt translation catalogues in resources/i18n/.

Source strings are Spanish, the language of every outlet, so the counter
reads right even where no catalogue was compiled.  ``ventanilla_en.ts``
carries the English translation; ``ventanilla_es.ts`` exists for regional
wording (a country may say «devuelta» where another says «vuelto») and is
complete by construction.

    python -m ui.i18n update    # lupdate: collect strings from ui/ into the .ts files
    python -m ui.i18n compile   # lrelease: .ts -> .qm (what the app loads)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = ROOT / "resources" / "i18n"
UI_SOURCES = Path(__file__).resolve().parent
LANGUAGES = ("es", "en")
DEFAULT_LANGUAGE = "es"
PREFIX = "ventanilla_"


def ts_path(language: str) -> Path:
    return CATALOGUES / f"{PREFIX}{language}.ts"


def qm_path(language: str, directory: Path | None = None) -> Path:
    return (directory or CATALOGUES) / f"{PREFIX}{language}.qm"


def _tool(name: str) -> str | None:
    """The venv's pyside6-<name> (PySide6-Essentials ships lupdate and lrelease)."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    if here.exists():
        return str(here)
    return shutil.which(f"pyside6-{name}") or shutil.which(name)


def install(app: QCoreApplication, language: str, directory: Path | None = None) -> QTranslator | None:
    """Load the compiled catalogue for ``language``; Spanish needs none.

    Returns the installed translator (keep a reference to it), or None when
    the language is the source language or its catalogue was not compiled.
    """
    language = (language or DEFAULT_LANGUAGE).split("_")[0].lower()
    QLocale.setDefault(QLocale(QLocale.Language.Spanish if language == "es" else QLocale.Language.English))
    path = qm_path(language, directory)
    if not path.exists():
        return None
    translator = QTranslator(app)
    if not translator.load(str(path)):
        return None
    app.installTranslator(translator)
    return translator


def compile_catalogues(out_dir: Path | None = None) -> list[Path]:
    lrelease = _tool("lrelease")
    if lrelease is None:
        raise SystemExit("lrelease no está instalado: instale PySide6-Essentials en el entorno.")
    written = []
    for language in LANGUAGES:
        source = ts_path(language)
        if not source.exists():
            continue
        target = qm_path(language, out_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([lrelease, "-silent", str(source), "-qm", str(target)], check=True)
        written.append(target)
    return written


def update_catalogues() -> None:
    lupdate = _tool("lupdate")
    if lupdate is None:
        raise SystemExit("lupdate no está instalado: instale PySide6-Essentials en el entorno.")
    sources = sorted(str(p) for p in UI_SOURCES.glob("*.py"))
    for language in LANGUAGES:
        subprocess.run(
            [lupdate, "-silent", "-no-obsolete", "-source-language", "es", "-target-language", language, *sources,
             "-ts", str(ts_path(language))],
            check=True,
        )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["compile"]:
        for path in compile_catalogues():
            print(f"compilado {path.relative_to(ROOT)}")
        return 0
    if args[:1] == ["update"]:
        update_catalogues()
        return 0
    print("uso: python -m ui.i18n compile|update", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
