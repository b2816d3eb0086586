"""Dependencies point inward (DESIGN.md): app/ knows no Qt, device or network library."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN_IN_APP = {"PySide6", "escpos", "serial", "requests", "reportlab", "ui", "printing", "sync", "central", "ventanilla"}
DOMAIN_MAY_IMPORT = {"app"}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def python_files(folder: str) -> list[Path]:
    return sorted(p for p in (ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("path", python_files("app"), ids=lambda p: str(p.relative_to(ROOT)))
def test_app_imports_no_outer_layer(path):
    assert imports_of(path) & FORBIDDEN_IN_APP == set()


@pytest.mark.parametrize("path", python_files("app/domain"), ids=lambda p: str(p.relative_to(ROOT)))
def test_domain_imports_only_the_standard_library(path):
    import sys

    third_party = {m for m in imports_of(path) if m not in sys.stdlib_module_names and m not in DOMAIN_MAY_IMPORT}
    assert third_party == set()
    assert {m for m in imports_of(path) if m == "app"} <= {"app"}
    text = path.read_text(encoding="utf-8")
    assert "app.services" not in text and "app.storage" not in text


@pytest.mark.parametrize("path", python_files("central"), ids=lambda p: str(p.relative_to(ROOT)))
def test_central_shares_only_the_wire_schema_with_the_terminal(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            top = node.module.split(".")[0]
            if top in {"app", "ui", "printing", "ventanilla"} or (top == "sync" and node.module != "sync.wire"):
                pytest.fail(f"{path.name} imports {node.module}: central may use sync.wire only")


def test_forbidden_imports_are_really_detected(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtWidgets import QWidget\nimport serial\n")
    assert imports_of(bad) & FORBIDDEN_IN_APP == {"PySide6", "serial"}
