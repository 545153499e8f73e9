"""Sentences and titles: abbreviations a full stop follows mid-sentence, the lower-case
words a title may hold, and the sentence-splitting patterns."""

from __future__ import annotations

from typing import Final

from ._patterns import pattern, words

#: Lower-case words a title or a body's name can hold ("Update on the Old Mill Site",
#: "Council of the Isles of Scilly"); any other lower-case word means a sentence has begun.
TITLE_LINK_WORDS: Final[frozenset[str]] = words(
    "&, a, an, and, as, at, by, de, du, for, from, in, into, la, of, on, or, the, to, upon, with"
)

#: Words a full stop follows without ending the sentence (lower case, without the final dot):
#: "Cllr. Smith", "Resolution No. 15576", "approx. 40 residents". Besides these,
#: single letters ("J. Smith") and dotted forms ("e.g.", "U.S.") are told by shape. Titles
#: that are whole words ("Mayor", "Members") are not here: a sentence can end with them.
SENTENCE_ABBREVIATIONS: Final[frozenset[str]] = words(
    """
    al, apr, approx, aug, ave, cf, cllr, cllrs, co, corp, dc, dci, dec, dept, di, dr, ds, est,
    etc, feb, fig, fr, fri, govt, hon, insp, inc, jan, jr, jul, jun, ltd, mar, min, mins, mon,
    mr, mrs, ms, mx, no, nos, nov, oct, op, para, paras, pc, pg, pp, prof, ps, ref, rep, rev,
    revd, sat, sen, sep, sept, sgt, sr, st, sun, supt, thu, thurs, tue, tues, vol, vs, wed
    """
)

SENTENCE_STOP = pattern(
    "text.sentence_stop",
    r"[.!?…]+[\"'”’)\]]*(?=\s+[^\sa-z])"
    # A line its writer ended, the next opening in capitals: "… resolved to donate £65" / "A
    # letter from Great North Air Ambulance …" (a break kept in the block is one).
    r"|(?<=[^\s,;:(&–—-])(?=\n[A-Z])",
)
#: A bullet inside a block: a list the layout ran together ("… for Horsley • It was agreed
#: that …" in a table cell of horsley-np-working-group-2014-10-19.pdf) ends a sentence.
INLINE_BULLET = pattern("text.inline_bullet", r"[•●▪◦■‣⁃∙][ \t]*")
LAST_WORD = pattern("text.last_word", r"[^\s(\[{\"'“‘]*$")
DOTTED = pattern(
    "text.dotted", r"(?:[^\W\d_]\.)+[^\W\d_]"
)  # "e.g", "U.S", "a.m" before the last dot

#: Nothing but dashes, colons, stops and spaces.
PUNCTUATION_ONLY = pattern("text.punctuation_only", r"[-–—:.\s]*")

#: The feminine ending of French inclusive writing, set off by points or brackets, before a
#: plural "s": "Présent.es", "Excusé·e·s", "Invité(e)s".
INCLUSIVE_ENDING: Final[str] = r"(?:[.·•‧]e[.·•‧]?|\(e\))"

#: A run of whitespace, collapsed to one space.
WHITESPACE_RUN = pattern("text.whitespace_run", r"\s+")

#: Letters OCR reads one for the other (printed, then read): "ATTENDING" as "ATIENDING",
#: "Apologies" as "Apologles". Only these make a label one letter off a heading; "Presenter"
#: is one letter from "presentes" and is not a misreading of it.
OCR_CONFUSIONS: Final[frozenset[tuple[str, str]]] = frozenset(
    (pair[i], pair[1 - i])
    for pair in ("ti", "il", "lt", "ec", "ao", "uv", "hb", "ft")
    for i in (0, 1)
)
