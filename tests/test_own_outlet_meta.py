"""The outlet that publishes an article comes from its metadata (issue 13, points 3 and 5): its
name as written ("KURIER" for source "Kurier", "STANDARD" for derstandard.at) is an outlet,
never a speaker, and a source phrase it owns is the writer's own voice. Sentences written for
the project."""

from __future__ import annotations

from onrecord.extraction.outlets import current_own_outlet, own_outlet, using_own_outlet
from onrecord.model import Analysis, Article, Meta
from onrecord.pipeline import analyze, analyze_many
from tests.fake_extractor import FakeExtractor

_KURIER = Meta(source="Kurier", url="https://kurier.at/politik/inland/reform/402")


def _outlet(meta: Meta) -> list[str]:
    outlet = own_outlet(meta)
    return [] if outlet is None else sorted(outlet.forms)


def test_no_metadata_names_no_outlet() -> None:
    assert own_outlet(Meta()) is None
    assert own_outlet(Meta(title="Reform", published="2026-12-01")) is None


def test_listed_host_gives_the_outlets_own_forms() -> None:
    forms = _outlet(Meta(url="https://www.derstandard.at/story/3000000/kandidaten"))
    assert {"STANDARD", "derStandard", "der Standard", "derstandard.at"} <= set(forms)
    outlet = own_outlet(Meta(url="https://www.derstandard.at/story/1"))
    assert outlet is not None and outlet.names_word("derStandard") and outlet.names_word("STANDARD")
    assert not outlet.names_word("Standard")  # "ein neuer Standard": the common noun stays one


def test_source_name_with_article_and_its_host() -> None:
    outlet = own_outlet(Meta(source="Die Presse", url="https://www.diepresse.com/6123/x"))
    assert outlet is not None
    assert outlet.names_word("Presse") and outlet.names(["Die", "Presse"]) and outlet.names_word("DiePresse")


def test_general_rule_for_an_unlisted_outlet() -> None:
    outlet = own_outlet(Meta(source="Der Lauterbacher Bote", url="https://lauterbacher-bote.de/a/1"))
    assert outlet is not None
    assert outlet.names(["Lauterbacher", "Bote"]) and outlet.names(["Der", "Lauterbacher", "Bote"])
    assert not outlet.names_word("Lauterbacher")  # one word of a longer name is not the outlet
    semafor = own_outlet(Meta(url="https://www.semafor.com/article/12/05/2026/x"))
    assert semafor is not None and semafor.names_word("Semafor") and semafor.names_word("SEMAFOR")
    assert semafor.names_word("semafor.com") and not semafor.names_word("Semaforen")


def test_capitals_of_a_form_name_the_outlet_but_a_common_word_does_not() -> None:
    kurier = own_outlet(_KURIER)
    assert kurier is not None and kurier.names_word("KURIER") and kurier.names_word("Kurier")
    zeit = own_outlet(Meta(source="Die Zeit", url="https://www.zeit.de/politik/2026-12/x"))
    assert zeit is not None and zeit.names_word("ZEIT") and zeit.names(["Die", "Zeit"])
    assert not zeit.names_word("Zeit")  # "Zeit" is time: the data file lists the outlet without it


def test_a_host_stem_in_lower_case_is_a_common_word_not_the_outlet() -> None:
    heute = own_outlet(Meta(source="Heute", url="https://www.heute.at/s/wien-100"))
    assert heute is not None and heute.names_word("Heute") and heute.names_word("HEUTE")
    assert not heute.names_word("heute")  # "sagte sie heute": the adverb, not the paper
    independent = own_outlet(Meta(source="The Independent", url="https://www.independent.co.uk/news/x"))
    assert independent is not None and independent.names_word("Independent")
    assert not independent.names_word("independent")  # "an independent inquiry"


def test_subdomain_and_two_level_suffix() -> None:
    assert "STANDARD" in _outlet(Meta(url="https://apps.derstandard.at/privacywall/"))
    bbc = own_outlet(Meta(url="https://www.bbc.co.uk/news/world-1"))
    assert bbc is not None and bbc.names_word("BBC")


def test_the_own_outlet_is_set_only_inside_the_block() -> None:
    outlet = own_outlet(_KURIER)
    assert current_own_outlet() is None
    with using_own_outlet(outlet):
        assert current_own_outlet() is outlet
    assert current_own_outlet() is None


def test_pipeline_passes_each_articles_outlet_to_the_extractor() -> None:
    fake = FakeExtractor(language="de")
    articles = [
        Article(id="a", text="„Wir warten“, sagte sie dem KURIER.", language="de", meta=_KURIER),
        Article(id="b", text="„Wir warten“, sagte sie.", language="de"),
    ]
    list(analyze_many(articles, extractor_for=lambda _: fake))
    first, second = fake.outlets
    assert first is not None and first.names_word("KURIER") and second is None
    fake.outlets.clear()
    analyze(articles[0], extractor_for=lambda _: fake, max_chunk_chars=12)  # in pieces: each piece has it
    assert len(fake.outlets) > 1 and all(o is not None and o.names_word("KURIER") for o in fake.outlets)


def _speakers(analysis: Analysis) -> list[str | None]:
    return [q.speaker.text if q.speaker else None for q in analysis.quotes]


def _kinds(analysis: Analysis) -> dict[str, str | None]:
    return {e.name: e.kind for e in analysis.entities}


_DE = (
    "Die Ministerin will die Reform noch vor dem Sommer beschließen. „Wir haben lange genug "
    "gewartet“, sagte sie dem KURIER. Wie der KURIER berichtete, soll das Gesetz im Oktober "
    "in Kraft treten."
)


def test_german_own_outlet_from_metadata_is_never_a_speaker() -> None:
    with_meta = analyze(Article(id="k", text=_DE, language="de", meta=_KURIER))
    assert "KURIER" not in " ".join(s or "" for s in _speakers(with_meta))
    assert _kinds(with_meta).get("KURIER") == "outlet"
    assert any("gewartet" in q.text and q.speaker is not None and q.speaker.text == "sie" for q in with_meta.quotes)
    assert not any("Oktober" in q.text for q in with_meta.quotes)  # the outlet's own report: no statement


def test_german_without_metadata_keeps_the_lexicon_fallback() -> None:
    plain = analyze(Article(id="k", text=_DE, language="de"))
    assert _kinds(plain).get("KURIER") is None  # "KURIER" in capitals is not in outlets.txt
    standard = _DE.replace("KURIER", "STANDARD")
    fallback = analyze(Article(id="s", text=standard, language="de"))
    listed = analyze(Article(id="s", text=standard, language="de", meta=Meta(url="https://www.derstandard.at/story/9")))
    assert fallback.quotes == listed.quotes and fallback.entities == listed.entities


_EN = (
    "The plan is too expensive, Councillor Tom Baines told the Harbour Ledger. The Harbour Ledger "
    "has learned that the vote was delayed."
)


def test_english_own_outlet_from_metadata_is_never_a_speaker() -> None:
    meta = Meta(source="The Harbour Ledger", url="https://harbourledger.example/council")
    with_meta = analyze(Article(id="h", text=_EN, language="en", meta=meta))
    assert _speakers(with_meta) == ["Councillor Tom Baines"]
    assert _kinds(with_meta).get("Harbour Ledger") == "outlet"
    plain = analyze(Article(id="h", text=_EN, language="en"))
    assert "The Harbour Ledger" in _speakers(plain)  # without metadata: an organisation that speaks


def test_german_own_outlet_in_quote_marks_owns_its_information() -> None:
    text = (
        "Der Stadtrat berät am Donnerstag über die neue Halle. Laut Informationen der „Presse“ wird "
        "das Projekt um ein Drittel teurer als geplant."
    )
    meta = Meta(source="Die Presse", url="https://www.diepresse.com/6012345/halle")
    assert analyze(Article(id="p", text=text, language="de", meta=meta)).quotes == []
    # the control: in another outlet's article the same sentence is a quote (of the "Presse")
    other = analyze(Article(id="p", text=text, language="de", meta=_KURIER)).quotes
    assert [q.text for q in other] == ["wird das Projekt um ein Drittel teurer als geplant"]


def test_german_other_outlet_stays_a_source_in_an_article_with_metadata() -> None:
    text = (
        "Die Gemeinde plant einen neuen Radweg entlang der Traun. Laut Informationen des STANDARD "
        "sollen die Bauarbeiten erst im Herbst beginnen, weil die Förderung fehlt."
    )
    quotes = analyze(Article(id="s", text=text, language="de", meta=_KURIER)).quotes
    assert len(quotes) == 1 and quotes[0].speaker is not None and "STANDARD" in quotes[0].speaker.text
