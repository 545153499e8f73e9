"""What a bulk conversion reads and the names it writes: discovery and output naming.

Discovery turns files, folders (searched recursively) and glob patterns into :class:`Input`
records. Each records two paths besides the one it is read from:

- ``rel``, its path below the *root* it was found under (the folder named, the folder part of
  a glob before its first wildcard, or the folder of a file named directly) — output names
  mirror it;
- ``source``, what ``source.path`` of its meetings says: the root folder's own name plus
  ``rel`` (``minutes/2024/march.txt``). It does not depend on the folder the command was run
  from, and keeps the folder a series was filed in, which the reconciler falls back on.

A glob can climb out of its root (``in/*/../../../*.txt``): matches are compared as resolved
paths, and one outside the root gets its bare file name, so no name can point outside the
output folder (:func:`minutes_parser.names.output_name` drops any ``..`` left besides).

Output names mirror ``rel`` (``SRC/a/b.pdf`` -> ``OUT/a/b.json``); when two inputs would
share a name the suffix is kept (``b.pdf.json``), and if that still collides the first 8 hex
digits of the content hash are appended. A document holding several meetings writes
``<name>.<n>.json``; :class:`OutputNames` keeps those from landing on another document's
``<name>.json`` (see there).
"""

from __future__ import annotations

import glob
import itertools
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from ..formats import NOT_DOCUMENT_SUFFIXES
from ..names import display_text, output_name
from ..rules.io import GLOB_MAGIC

__all__ = ["Discovery", "Input", "OutputNames", "discover", "name_inputs", "scan"]

SKIP_SUFFIXES = NOT_DOCUMENT_SUFFIXES
"""Files a folder walk passes over: our own outputs, data, code and images. A README.md
beside an archive is read, and comes out as not minutes."""


@dataclass(frozen=True)
class Input:
    """One document to convert and the output name it was given."""

    path: Path
    rel: str
    """Its path below the root it was found under, POSIX style."""
    name: str = ""
    """Output name below the output folder, without ``.json``."""
    sha256: str = ""
    size: int = 0
    source: str = ""
    """What its meetings' ``source.path`` records: the root's name and ``rel``."""


@dataclass
class Discovery:
    """What :func:`scan` found, and what it passed over."""

    inputs: list[Input] = field(default_factory=list)
    hidden: int = 0
    """Files skipped because their name, or a folder's on the way, starts with a dot."""
    not_documents: int = 0
    """Files skipped by their suffix as not documents (images, data, code, our own outputs)."""
    empty: list[tuple[str, str]] = field(default_factory=list)
    """(source, why) for each folder or glob that yielded no document."""


def _recorded(root: Path, rel: PurePath) -> str:
    """``source.path`` for ``rel`` under ``root``: the root's name as given, made absolute
    lexically (``.`` is the current folder's name; a symlinked root keeps its own name)."""
    name = Path(os.path.abspath(root)).name  # noqa: PTH100 - lexical: resolve() follows links
    return (PurePath(name) / rel).as_posix() if name else rel.as_posix()


def scan(sources: Sequence[Path | str], *, exclude: Path | None = None) -> Discovery:
    """Every input file named by ``sources`` (files, folders searched recursively, globs).

    A path that does not exist and is not a glob is kept, so that it is reported as a failure
    rather than silently dropped. ``exclude`` (the output folder) is never walked into.
    """
    found = Discovery()
    seen: set[Path] = set()
    skip = exclude.resolve() if exclude is not None else None

    def add(path: Path, root: Path, rel: PurePath) -> bool:
        key = path.resolve()
        if key in seen:
            return False
        seen.add(key)
        found.inputs.append(Input(path=path, rel=rel.as_posix(), source=_recorded(root, rel)))
        return True

    def walk(folder: Path) -> int:
        added = 0
        for p in sorted(folder.rglob("*")):
            if skip is not None and p.resolve().is_relative_to(skip):
                continue
            rel = p.relative_to(folder)
            if not p.is_file():
                continue
            if any(part.startswith(".") for part in rel.parts):
                found.hidden += 1
                continue
            if p.suffix.lower() in SKIP_SUFFIXES:
                found.not_documents += 1
                continue
            added += add(p, folder, rel)
        return added

    for given in sources:
        src = Path(given)
        if src.is_dir():
            hidden, others = found.hidden, found.not_documents
            if not walk(src):
                why = "holds no documents"
                skipped = _skipped(found.hidden - hidden, found.not_documents - others)
                if skipped:
                    why += f" ({skipped})"
                found.empty.append((display_text(str(src)), why))
        elif src.exists() or not GLOB_MAGIC.search(str(src)):
            add(src, Path(os.path.abspath(src)).parent, PurePath(src.name))  # noqa: PTH100
        elif not _glob(src, walk, add, found):
            found.empty.append((display_text(str(src)), "matches no file"))
    return found


def _skipped(hidden: int, not_documents: int) -> str:
    """ "2 hidden files skipped, 1 not-a-document file skipped" (empty when none were)."""
    parts = [
        f"{n} {what} file{'s' if n != 1 else ''} skipped"
        for n, what in ((hidden, "hidden"), (not_documents, "not-a-document"))
        if n
    ]
    return ", ".join(parts)


def _glob(
    pattern: Path,
    walk: Callable[[Path], int],
    add: Callable[[Path, Path, PurePath], bool],
    found: Discovery,
) -> int:
    """Add the matches of one glob pattern; how many were added."""
    base = _glob_base(str(pattern))
    real_base = base.resolve()
    added = 0
    for match in sorted(Path(m) for m in glob.glob(str(pattern), recursive=True)):  # noqa: PTH207 - absolute patterns too
        if match.is_dir():
            added += walk(match)
        elif match.suffix.lower() in SKIP_SUFFIXES:
            found.not_documents += 1
        else:
            # Resolved, not lexical: "in/sub/../../x.txt" is below "in" only on paper.
            real = match.resolve()
            if real.is_relative_to(real_base):
                added += add(match, base, real.relative_to(real_base))
            else:  # outside the root: flattened to its file name
                added += add(match, real.parent, PurePath(match.name))
    return added


def discover(sources: Sequence[Path | str], *, exclude: Path | None = None) -> list[Input]:
    """The inputs of :func:`scan` alone."""
    return scan(sources, exclude=exclude).inputs


def _glob_base(pattern: str) -> Path:
    """The folder part of a glob before its first wildcard: ``a/b/**/*.pdf`` -> ``a/b``."""
    literal = list(itertools.takewhile(lambda p: not GLOB_MAGIC.search(p), Path(pattern).parts))
    return Path(*literal) if literal else Path()


def name_inputs(inputs: list[Input]) -> list[Input]:
    """Give each input its output name, keeping names unique (see the module docstring)."""

    def stem(rel: str) -> str:
        return rel.rsplit(".", 1)[0] if "." in rel.rsplit("/", 1)[-1] else rel

    def pick(candidates: Sequence[Input], names: Callable[[Input], str]) -> dict[str, list[Input]]:
        groups: dict[str, list[Input]] = {}
        for item in candidates:
            groups.setdefault(names(item), []).append(item)
        return groups

    named: list[Input] = []
    for name, group in pick(inputs, lambda i: stem(i.rel)).items():
        if len(group) == 1:
            named.append(_with(group[0], name))
            continue
        for full, same in pick(group, lambda i: i.rel).items():
            if len(same) == 1:
                named.append(_with(same[0], full))
                continue
            by_hash: dict[str, Input] = {}
            for item in same:  # identical copies under the same name: convert one
                by_hash.setdefault(item.sha256, item)
            for digest, item in by_hash.items():
                named.append(_with(item, f"{full}~{digest[:8]}"))
    taken: set[str] = set()
    for n, item in enumerate(named):  # "b.pdf" kept whole can meet the stem of "b.pdf.txt"
        if item.name in taken:
            named[n] = _with(item, f"{item.name}~{item.sha256[:8]}")
        taken.add(named[n].name)
    return sorted(named, key=lambda i: i.name)


def _with(item: Input, name: str) -> Input:
    # Made safe here, after the collision checks above compared the names as found: a long
    # or undecodable name becomes one that fits the file system, and never climbs out.
    return Input(item.path, item.rel, output_name(name), item.sha256, item.size, item.source)


def output_files(name: str, count: int) -> list[str]:
    """``name.json`` for a single meeting, ``name.1.json`` ... for several."""
    if count == 1:
        return [f"{name}.json"]
    return [f"{name}.{k}.json" for k in range(1, count + 1)]


class OutputNames:
    """Every document's output names, fixed before any is written and whatever order the
    documents finish in.

    Only a document's meeting count is unknown until it is parsed, and the only way two
    documents' files can meet is one's numbered file landing on the other's own name:
    ``m.txt`` holding three meetings (``m.1.json`` ...) beside ``m.1.txt`` (``m.1.json``).
    Every input's own name is therefore reserved up front; a numbered file that would take
    one gets the first 8 hex digits of its document's content hash (``m.1~3f9a0c1d.json``).
    The rule depends only on the set of inputs, so reruns and any worker count agree.
    """

    def __init__(self, inputs: Iterable[Input]) -> None:
        self.reserved = {item.name for item in inputs}

    def files(self, item: Input, count: int) -> list[str]:
        """The files of ``item`` when it holds ``count`` meetings."""
        if count == 1:
            return [f"{item.name}.json"]
        files = []
        for k in range(1, count + 1):
            stem = f"{item.name}.{k}"
            width = 8
            while stem in self.reserved and width <= len(item.sha256):
                stem = f"{item.name}.{k}~{item.sha256[:width]}"
                width += 8
            files.append(f"{stem}.json")
        return files

    def renamed(self, item: Input, files: Sequence[str]) -> list[tuple[str, str]]:
        """(wanted, given) for each of ``files`` moved off another document's name."""
        plain = output_files(item.name, len(files))
        return [(a, b) for a, b in zip(plain, files, strict=True) if a != b]

    def owned_by_another(self, item: Input, file: str) -> bool:
        """Whether ``file`` (left over from ``item``'s previous conversion) is now another
        document's own name, so must not be deleted as stale."""
        return file.removesuffix(".json") in self.reserved - {item.name}
