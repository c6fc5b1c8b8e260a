"""Speakers that a rule hid: a one-word name that stands right after a role noun somewhere in the text ("von Papst
Franziskus", tagged as no name) is a person wherever it stands alone, so a later "er" reaches it;
a noun phrase after an adverb that opens with a preposition ("vor allem Mozilla") may be the
speaker. Sentences written for the project."""

from __future__ import annotations

from onrecord.lang import get_extractor


def test_pronoun_reaches_a_titled_one_word_name() -> None:
    text = (
        "Während des Besuchs von Papst Franziskus in Chile sind mehrere Aktivisten festgenommen "
        "worden. In seiner Predigt rief Franziskus dazu auf, den Armen zu helfen. Die Kirche dürfe "
        "niemanden ausschließen, sagte er vor Tausenden Menschen."
    )
    result = get_extractor("de").extract(text)
    types = {e.name: e.type for e in result.entities}
    assert types.get("Franziskus") == "person"
    names = {e.id: e.name for e in result.entities}
    by_speaker = {q.speaker.text: names.get(q.entity or "") for q in result.quotes if q.speaker}
    assert by_speaker.get("er") == "Franziskus"


def test_speaker_after_an_adverb_opening_with_a_preposition() -> None:
    text = (
        "Der neue Tarif stößt auf Widerstand. Dabei hatte sich vor allem die Arbeiterkammer "
        "lautstark darüber beschwert, dass die Preise für Familien kaum noch leistbar seien."
    )
    result = get_extractor("de").extract(text)
    assert [q.speaker.text if q.speaker else None for q in result.quotes] == ["Arbeiterkammer"]
