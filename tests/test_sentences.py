"""Sentence splitting inside a block: the abbreviations and initials minutes are full of."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minutes_parser.extract.sentences import sentence_spans


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cllr. Smith agreed to write. The Board noted it.",
            ["Cllr. Smith agreed to write.", "The Board noted it."],
        ),
        (
            "Adopted Resolution No. 2023-48 as presented. Motion carried 5-0.",
            ["Adopted Resolution No. 2023-48 as presented.", "Motion carried 5-0."],
        ),
        ("J. Smith and Dr. A. Jones were present.", ["J. Smith and Dr. A. Jones were present."]),
        (
            "Approx. 40 residents, e.g. Mr Lee, attended.",
            ["Approx. 40 residents, e.g. Mr Lee, attended."],
        ),
        # A sentence may end with a title that is a whole word.
        (
            "The Chair thanked the board members. Board Member Lee will attend.",
            ["The Chair thanked the board members.", "Board Member Lee will attend."],
        ),
        (
            "Carried by voice vote – 5. [Absent: Councilmember Vella.] Next item?  Yes!",
            ["Carried by voice vote – 5.", "[Absent: Councilmember Vella.]", "Next item?", "Yes!"],
        ),
        # A lower-case word after the stop continues the sentence.
        ("It ended at 9 p.m. and all left. ok.", ["It ended at 9 p.m. and all left. ok."]),
        ("  padded.  Text  ", ["padded.", "Text"]),
        ("", []),
        ("   ", []),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@given(st.text(alphabet=st.sampled_from(list("Ab. ?!\n'”)(e1")), max_size=60))
def test_spans_are_ordered_stripped_and_cover_every_word(text: str) -> None:
    spans = sentence_spans(text)
    previous_end = 0
    for s, e in spans:
        assert previous_end <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        assert not text[previous_end:s].strip()  # nothing is skipped between sentences
        previous_end = e
    assert not text[previous_end:].strip()


def test_a_bullet_run_into_a_paragraph_opens_a_sentence() -> None:
    # ../shared/realworld/docs/horsley-np-working-group-2014-10-19.pdf: a table cell "3. AC
    # advised the group … • There is a common pattern … • It was agree that Billsden, …"
    text = "AC advised the group. • There is a common pattern • It was agreed that we go on"
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "AC advised the group.",
        "There is a common pattern",
        "It was agreed that we go on",
    ]
    word = "Fish•chips"
    assert [word[s:e] for s, e in sentence_spans(word)] == [word]


def test_a_line_its_writer_ended_ends_a_sentence() -> None:
    # milburn-pc-2018-11-06.pdf (corpus/real): "… Councillors resolved to donate £65" then,
    # on the next line, "A letter from Great North Air Ambulance had been received …".
    text = "Councillors resolved to donate £65\nA letter from Great North Air Ambulance."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Councillors resolved to donate £65",
        "A letter from Great North Air Ambulance.",
    ]
    # A line that ends with a comma, or goes on in lower case, goes on with its sentence.
    text = "The Clerk was asked to write to,\nJohn Smith about the\nbins."
    assert len(sentence_spans(text)) == 1
