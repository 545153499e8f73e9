"""Guards that keep the house in order (#18): patterns live in rules/, modules stay small.

The lists of exceptions may only shrink: a file leaves its list when its patterns move into
``rules/<domain>.py`` (through ``rules._patterns.pattern``) or when it is split.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from fnmatch import fnmatch
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "minutes_parser"

#: Modules that may still compile their own patterns: none. Keep it so.
OWN_PATTERNS_ALLOWED: tuple[str, ...] = ()

#: ``re`` functions that take a pattern as their first argument (and compile it behind the
#: caller's back, in ``re``'s cache).
PATTERN_FUNCTIONS = frozenset(
    {"search", "match", "fullmatch", "sub", "split", "findall", "finditer"}
)
#: Modules that may still call those with a literal pattern: none. Keep it so.
INLINE_PATTERNS_ALLOWED: tuple[str, ...] = ()

MAX_LINES = 500
#: Modules allowed past MAX_LINES, each with why. Empty today: keep it so.
LONG_MODULES_ALLOWED: dict[str, str] = {}


def _modules() -> list[tuple[str, Path]]:
    return sorted((p.relative_to(SRC).as_posix(), p) for p in SRC.rglob("*.py"))


def _re_calls(path: Path, functions: frozenset[str], *, literal_only: bool = False) -> list[int]:
    """Lines calling ``re.<function>`` (or ``regex.``) for one of ``functions``; with
    ``literal_only``, only calls whose first argument is a pattern written in the call (a
    string or f-string literal)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in functions
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id in {"re", "regex"}
        and (not literal_only or (node.args and _is_literal(node.args[0])))
    ]


def _is_literal(arg: ast.expr) -> bool:
    return (isinstance(arg, ast.Constant) and isinstance(arg.value, str)) or isinstance(
        arg, ast.JoinedStr
    )


def _compile_calls(path: Path) -> list[int]:
    return _re_calls(path, frozenset({"compile"}))


def _inline_pattern_calls(path: Path) -> list[int]:
    """Lines calling ``re.search(r"…", …)`` and the like with a pattern written in the call:
    a rule without an id, outside ``rules/``."""
    return _re_calls(path, PATTERN_FUNCTIONS, literal_only=True)


def _offenders(
    calls: Callable[[Path], list[int]], allowed: tuple[str, ...]
) -> dict[str, list[int]]:
    """Modules outside ``rules/`` (and not in ``allowed``) with such calls, and their lines."""
    return {
        name: lines
        for name, path in _modules()
        if not name.startswith("rules/")
        and not any(fnmatch(name, a) for a in allowed)
        and (lines := calls(path))
    }


def test_patterns_are_compiled_only_in_rules() -> None:
    offenders = _offenders(_compile_calls, OWN_PATTERNS_ALLOWED)
    assert not offenders, (
        f"re.compile outside rules/ (declare it in rules/<domain>.py with "
        f"rules._patterns.pattern): {offenders}"
    )


def test_the_guard_sees_a_compile_call(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("import re\n\n_X = [re.compile(p) for p in ('a', 'b')]\n")
    assert _compile_calls(module) == [3]


def test_no_inline_patterns_outside_rules() -> None:
    offenders = _offenders(_inline_pattern_calls, INLINE_PATTERNS_ALLOWED)
    assert not offenders, (
        f"re.<function>(literal pattern, …) outside rules/ (declare it in rules/<domain>.py "
        f"with rules._patterns.pattern and call the compiled pattern): {offenders}"
    )


def test_the_guard_sees_an_inline_pattern(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "import re\n\n"
        "def f(s: str, n: str, p: re.Pattern[str]) -> object:\n"
        "    a = re.sub(r'\\s+', ' ', s, flags=re.I)\n"
        "    b = re.search(rf'\\b{re.escape(n)}\\b', s)\n"
        "    c = re.split(p, s)\n"  # a compiled pattern passed in: not a literal
        "    d = p.search(s)\n"
        "    return a, b, c, d, re.escape(s)\n"
    )
    assert _inline_pattern_calls(module) == [4, 5]


def test_rules_compile_only_through_the_registry() -> None:
    direct = {
        name: lines
        for name, path in _modules()
        if name.startswith("rules/")
        and name != "rules/_patterns.py"
        and (lines := _compile_calls(path))
    }
    assert not direct, f"compile rules through rules._patterns.pattern: {direct}"


def test_no_module_is_longer_than_the_limit() -> None:
    long = {
        name: n
        for name, path in _modules()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
        and name not in LONG_MODULES_ALLOWED
    }
    assert not long, f"modules over {MAX_LINES} lines (split them by concern): {long}"


def test_the_exception_lists_only_shrink() -> None:
    """An exception for a module that is short again, or gone, is removed from the list."""
    sizes = {name: len(p.read_text(encoding="utf-8").splitlines()) for name, p in _modules()}
    stale = [n for n in LONG_MODULES_ALLOWED if sizes.get(n, 0) <= MAX_LINES]
    assert not stale, f"no longer long, drop from LONG_MODULES_ALLOWED: {stale}"
