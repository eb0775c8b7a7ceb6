"""Every error code raised anywhere has words in Korean and in English (domain/messages.py)."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string
from pathlib import Path

import onestop_desk
from onestop_desk.domain import messages
from onestop_desk.domain.errors import (
    ConflictError,
    DomainError,
    FieldError,
    NotFoundError,
    ValidationError,
)
from onestop_desk.domain.security.errors import SecurityError
from onestop_desk.domain.security.passwords import PasswordProblem
from onestop_desk.reports.errors import DocumentError

SRC = Path(onestop_desk.__file__).parent
DOTTED = re.compile(r"^[a-z_]+(\.[a-z_]+)+$")
# Where codes are raised: everything below the UI (the UI only shows them).
SCANNED = ("domain", "services", "db", "reports", "cli")


def _subclasses(base: type) -> set[type]:
    found = set()
    for sub in base.__subclasses__():
        found |= {sub, *_subclasses(sub)}
    return found


def _class_codes() -> set[str]:
    for layer in SCANNED:
        package = importlib.import_module(f"onestop_desk.{layer}")
        for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            if ".migrations" not in info.name and not info.name.endswith("__main__"):
                importlib.import_module(info.name)
    classes = {DomainError, SecurityError, DocumentError}
    for base in tuple(classes):
        classes |= _subclasses(base)
    return {str(cls.code) for cls in classes if cls is not ValidationError}


def _literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def _source_codes() -> dict[str, str]:
    """Codes written as literals: FieldError(field, CODE), XxxError("a.b", …), code="a.b",
    ``code = "a.b"`` and ``return "a.b"`` in the functions that classify errors."""
    found: dict[str, str] = {}
    for layer in SCANNED:
        for path in (SRC / layer).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            where = str(path.relative_to(SRC))
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and _call_name(node).endswith("Error"):
                    name = _call_name(node)
                    args = node.args
                    if name == "FieldError" and len(args) > 1:
                        code = _literal(args[1])
                    elif name == "CliError" and args:
                        code = _literal(args[0])
                    else:
                        code = _literal(args[0]) if args else None
                        code = code if code and DOTTED.match(code) else None
                    if code:
                        found[code] = where
                    for keyword in node.keywords:
                        if keyword.arg == "code" and _literal(keyword.value):
                            found[str(_literal(keyword.value))] = where
                elif isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == "code" for t in node.targets
                ):
                    if (code := _literal(node.value)) and DOTTED.match(code):
                        found[code] = where
                elif isinstance(node, ast.FunctionDef) and "error" in node.name:
                    for inner in ast.walk(node):
                        code = _literal(inner.value) if isinstance(inner, ast.Return) else None
                        if code and DOTTED.match(code):
                            found[code] = where
    return found


def test_the_scan_finds_codes_of_every_kind():
    codes = _source_codes()
    # One of each way a code is written, so a broken scan cannot pass by finding nothing.
    for expected in ("in_future", "backup.disk_full", "export.device_gone", "purge.confirm"):
        assert expected in codes
    assert {"auth.locked", "store.too_new", "security.wrong_secret"} <= _class_codes()


def test_every_raised_code_has_korean_and_english_words():
    codes = {code: "error class" for code in _class_codes()}
    codes.update(_source_codes())
    codes.update({p.value: "PasswordProblem" for p in PasswordProblem})
    missing = sorted(
        f"{code} ({where})" for code, where in codes.items() if code not in messages.MESSAGES
    )
    assert missing == []


def test_every_entry_is_complete_in_both_languages():
    entries = {**messages.MESSAGES, **{"/".join(k): v for k, v in messages.FIELD_MESSAGES.items()}}
    for code, (ko, en) in entries.items():
        assert ko.strip() and en.strip(), code
        assert re.search("[가-힣]", ko), code
        assert not re.search("[가-힣]", en), code
        fields = {f for _, f, _, _ in string.Formatter().parse(ko) if f}
        assert fields == {f for _, f, _, _ in string.Formatter().parse(en) if f}, code


def test_variant_codes_of_errors_have_words():
    conflicts = ["username taken", "last administrator", "cannot disable yourself"]
    for phrase in conflicts:
        code = messages.error_code(ConflictError(phrase))
        assert code != "conflict" and code in messages.MESSAGES
    assert messages.error_code(NotFoundError("x", number="R2026-000001")) == (
        "not_found.document_number"
    )
    assert messages.error_code(RuntimeError("boom")) == "internal"


def test_lookup_falls_back_from_field_to_code_to_family_to_general():
    assert messages.words("invalid", "user.username") != messages.words("invalid")
    assert messages.words("backup.something_new") == messages.MESSAGES["backup"]
    assert messages.words("never.heard_of") == messages.GENERAL


def test_text_fills_params_and_picks_the_language():
    error = ValidationError([FieldError("person.name", "too_long", {"max": 100})])
    assert messages.error_text(error) == "100자 이내로 줄여 주세요."
    assert messages.error_text(error, messages.Language.EN) == "Please shorten to 100 characters."
    # A missing param leaves a gap, never a KeyError in the middle of an error report.
    assert "{" not in messages.text("not_found.document_number", messages.Language.EN)
