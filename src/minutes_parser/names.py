"""File names as the outputs need them: text that encodes, components that fit, no escapes.

A file name on POSIX is bytes. ``os.fsdecode`` carries bytes that are not UTF-8 as lone
surrogates (``b"caf\\xe9"`` -> ``"caf\\udce9"``), which open the file fine but cannot be encoded
as UTF-8 — so JSON, ``errors.jsonl`` and the manifest would fail on them. Here:

- :func:`display_text` turns such text into plain UTF-8 for what is written *into* files
  (``"caf\\\\xe9"``: the bytes stay recognisable);
- :func:`output_component` turns one path component into a file name an output can take:
  undecodable bytes as ``%XX``, and a component too long for the file system's ``NAME_MAX``
  cut to a readable prefix plus a hash of the whole, so the same input always gets the same
  name and two long names sharing a prefix never meet;
- :func:`output_name` applies that to a relative POSIX path, dropping ``..`` and empty parts so
  a name can never climb out of the output folder.
"""

from __future__ import annotations

import hashlib

__all__ = ["NAME_MAX", "display_text", "output_component", "output_name"]

NAME_MAX = 255
"""Bytes in one file name on every common file system (ext4, XFS, APFS, NTFS in UTF-16)."""
COMPONENT_BUDGET = 200
"""Bytes an output name component may take: leaves room in ``NAME_MAX`` for what is appended
after it (``~<hash>`` on a collision, ``.<n>`` per meeting, ``.json``)."""
_HASH_CHARS = 10


def display_text(text: str) -> str:
    """``text`` with undecodable file-name bytes shown as ``\\xNN``: always encodable as UTF-8."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that is no escaped byte (from a str path)
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def output_component(part: str) -> str:
    """One component of an output name: encodable, at most ``COMPONENT_BUDGET`` bytes."""
    # %XX rather than \\xNN: a backslash is a separator on Windows and a nuisance in shells.
    safe = "".join(f"%{ord(c) - 0xDC00:02X}" if 0xDC80 <= ord(c) <= 0xDCFF else c for c in part)
    raw = safe.encode("utf-8", "backslashreplace")
    if safe in ("", ".", ".."):
        return "_"
    if len(raw) <= COMPONENT_BUDGET:
        return raw.decode("utf-8")
    digest = hashlib.sha256(raw).hexdigest()[:_HASH_CHARS]
    # Cut on a character boundary: "ignore" drops a multibyte character split by the cut.
    prefix = raw[: COMPONENT_BUDGET - _HASH_CHARS - 1].decode("utf-8", "ignore")
    return f"{prefix}~{digest}"


def output_name(rel: str) -> str:
    """An output name (POSIX, no suffix) for the relative path ``rel``, safe to join to the
    output folder: every component through :func:`output_component`, ``.``/``..``/empty parts
    dropped (they would only ever point outside the folder the name was taken from)."""
    parts = [p for p in rel.split("/") if p not in ("", ".", "..")]
    return "/".join(output_component(p) for p in parts) or "_"
