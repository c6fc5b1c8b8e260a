"""German entities on real news sentences: resolution inside the article and entity types."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor
from onrecord.model import Entity

Extract = Callable[[str], ExtractionResult]


@pytest.fixture(scope="module")
def extract() -> Extract:
    return get_extractor("de").extract


def _speaker_entity(result: ExtractionResult, words: str) -> Entity:
    quote = next((q for q in result.quotes if words in q.text), None)
    assert quote is not None, [q.text for q in result.quotes]
    assert quote.entity is not None, f"{quote.text!r} ({quote.speaker}) has no entity"
    return next(e for e in result.entities if e.id == quote.entity)


def _entity(result: ExtractionResult, name: str) -> Entity:
    matches = [e for e in result.entities if e.name == name]
    assert matches, f"no entity {name!r}: {[e.name for e in result.entities]}"
    return matches[0]


def _names(result: ExtractionResult) -> dict[str, str]:
    return {e.name: e.type for e in result.entities}


def test_role_noun_resolves_to_the_holder_of_that_role(extract: Extract) -> None:
    text = (
        "Bundeskanzler Olaf Scholz sagte, Deutschland werde weitere Hilfe leisten. "
        "Der Kanzler fügte hinzu, man sei zu weiteren Gesprächen bereit."
    )
    entity = _speaker_entity(extract(text), "weiteren Gesprächen")
    assert entity.name == "Olaf Scholz" and entity.type == "person"


def test_feminine_role_noun_resolves_to_the_minister(extract: Extract) -> None:
    text = (
        "Die Ministerin Sabine Kraus kündigte am Dienstag Reformen an. "
        "„Wir werden liefern“, sagte die Ministerin."
    )
    assert _speaker_entity(extract(text), "Wir werden liefern").name == "Sabine Kraus"


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ("Südkoreas Präsident Moon Jae-in reiste nach Peking. Moon sagte, er hoffe auf Frieden.",
         "hoffe auf Frieden", "Moon Jae-in"),
        ("Chinas Staatschef Xi Jinping empfing den Gast. Xi sagte, China wolle Stabilität.",
         "wolle Stabilität", "Xi Jinping"),
    ],
)
def test_surname_first_names_resolve(extract: Extract, text: str, words: str, name: str) -> None:
    entity = _speaker_entity(extract(text), words)
    assert entity.name == name and entity.type == "person"


def test_pronoun_after_unnamed_spokesperson(extract: Extract) -> None:
    text = (
        "Ein Sprecher des Auswärtigen Amts bestätigte den Vorfall. "
        "Die Lage sei unübersichtlich, sagte er."
    )
    entity = _speaker_entity(extract(text), "unübersichtlich")
    assert entity.name == "Sprecher des Auswärtigen Amts"


def test_a_demonstrative_speaker_stands_for_the_person_named_last(extract: Extract) -> None:
    # 2-fold CV (issue 13 p3): "… mit dem Anwalt seiner Familie – Rainer W. – sagte dieser, dass …"
    text = (
        "Die Polizei befragte am Morgen den Nachbarn Otto Brenner. "
        "Dieser sagte, er habe in der Nacht zwei Schüsse gehört."
    )
    entity = _speaker_entity(extract(text), "Schüsse gehört")
    assert entity.name == "Otto Brenner"


def test_a_demonstrative_determiner_is_no_mention_of_a_person(extract: Extract) -> None:
    text = "Bürgermeister Karl Brandt eröffnete die Brücke. In dieser Woche sei alles fertig geworden, sagte er."
    entity = _speaker_entity(extract(text), "fertig geworden")
    assert entity.name == "Karl Brandt"
    assert all("dieser" not in text[b:e] for b, e in entity.mentions)


def test_possessive_source_resolves_to_its_owner(extract: Extract) -> None:
    text = (
        "Gewerkschaftschef Frank Werneke kritisierte das Angebot der Arbeitgeber. "
        "Seiner Meinung nach reicht das Angebot nicht aus."
    )
    result = extract(text)
    quote = next((q for q in result.quotes if "reicht das Angebot" in q.text), None)
    if quote is not None and quote.speaker is not None and "Meinung" in quote.speaker.text:
        assert _speaker_entity(result, "reicht das Angebot").name == "Frank Werneke"


@pytest.mark.parametrize("group", ["Analysten", "Regierungskreise", "Diplomaten"])
def test_unnamed_groups_are_groups(extract: Extract, group: str) -> None:
    text = f"{group} sagten am Freitag, die Gespräche seien schwierig."
    entity = _speaker_entity(extract(text), "Gespräche seien schwierig")
    assert entity.type == "group" and entity.roles == []


def test_place_inside_an_organisation_name_stays_a_place(extract: Extract) -> None:
    text = (
        "„Die Debatte zeigt ein grundsätzliches Problem“, sagt Anna Berger, Professorin an der Universität Leipzig. "
        "Leipzig stehe exemplarisch für eine Krise, schrieb die Zeitung."
    )
    names = _names(extract(text))
    assert names.get("Universität Leipzig") == "organization"
    assert names.get("Leipzig") == "location"


def test_common_nouns_are_not_entities(extract: Extract) -> None:
    text = (
        "Der Leipziger Stadtrat hat die geplante Erhöhung der Ticketpreise vertagt. "
        "Die Verkehrsbetriebe rechnen mit einem Defizit von rund 40 Millionen Euro, sagte Oberbürgermeister "
        "Thomas Reinhardt."
    )
    names = _names(extract(text))
    assert not any("Erhöhung" in n or "Millionen" in n for n in names)
    assert names.get("Thomas Reinhardt") == "person"


def test_types_of_people_organisations_and_places(extract: Extract) -> None:
    text = (
        "Die Europäische Zentralbank hält die Zinsen stabil. EZB-Präsidentin Christine Lagarde sagte in "
        "Frankfurt, die Inflation sinke. Auch der BGH äußerte sich: „Das Urteil ist rechtskräftig“, teilte der BGH mit."
    )
    result = extract(text)
    names = _names(result)
    assert names.get("Christine Lagarde") == "person"
    assert names.get("Frankfurt") == "location"
    assert _speaker_entity(result, "rechtskräftig").type == "organization"


def test_apposed_name_after_a_role_phrase(extract: Extract) -> None:
    text = "„Wir sind enttäuscht“, sagte der Geschäftsführer der Abfallentsorgungsfirma, Gerd-Jürgen Bruckschen."
    entity = _speaker_entity(extract(text), "enttäuscht")
    assert entity.name == "Gerd-Jürgen Bruckschen"
    assert [(r.title, r.organization) for r in entity.roles] == [("Geschäftsführer", "Abfallentsorgungsfirma")]


def test_surname_left_untyped_by_the_ner_tagger_stays_in_the_name(extract: Extract) -> None:
    """The NER tagger types "Recep Tayyip" but not "Erdoğan"; the name runs on over it, and the
    later surname refers back to the full name."""
    text = (
        "„Wir werden nicht nachgeben“, sagte Recep Tayyip Erdoğan am Montag in Ankara. "
        "Erdoğan fügte hinzu, man werde weiter verhandeln."
    )
    result = extract(text)
    assert _speaker_entity(result, "nicht nachgeben").name == "Recep Tayyip Erdoğan"
    assert _speaker_entity(result, "weiter verhandeln").name == "Recep Tayyip Erdoğan"


def test_role_inside_an_organisation_run_makes_a_person(extract: Extract) -> None:
    """"Hamburger Osteuropa-Expertin Vogel" comes out of the NER tagger as one organisation;
    the role noun in it makes "Vogel" a person who holds that role (an expert's field stays in
    the title: no organisation "Osteuropa")."""
    result = extract("„Die Lage ist ernst“, sagte die Hamburger Osteuropa-Expertin Vogel.")
    entity = _speaker_entity(result, "Lage ist ernst")
    assert (entity.name, entity.type) == ("Vogel", "person")
    assert [(r.title, r.organization) for r in entity.roles] == [("Osteuropa-Expertin", None)]


# --- issue 13: documents, abstract nouns and non-names ----------------------------------------


def test_a_document_resolves_to_its_issuer(extract: Extract) -> None:
    result = extract("Die Heizkosten seien um ein Drittel gestiegen, heißt es in einer Aussendung der Arbeiterkammer.")
    entity = _speaker_entity(result, "Heizkosten")
    assert entity.name == "Arbeiterkammer" and entity.type == "organization"


def test_a_document_without_issuer_is_no_entity(extract: Extract) -> None:
    result = extract("Die Heizkosten seien stark gestiegen, heißt es in der Aussendung.")
    assert all(q.entity is None for q in result.quotes)
    assert "Aussendung" not in _names(result)


@pytest.mark.parametrize(
    "text",
    [
        "Seiner Meinung nach lassen sich die Kosten halbieren.",
        "Laut Medienberichten wird das neue Stadion im Herbst eröffnet.",
    ],
)
def test_abstract_nouns_seasons_and_source_nouns_are_no_entities(extract: Extract, text: str) -> None:
    names = _names(extract(text))
    assert not any(w in name for name in names for w in ("Meinung", "Medienberichten", "Herbst", "Laut")), names


def test_laut_is_not_part_of_a_name(extract: Extract) -> None:
    result = extract("Laut der Weltgesundheitsorganisation sterben jährlich tausende Menschen im Straßenverkehr.")
    entity = _speaker_entity(result, "Straßenverkehr")
    assert entity.name == "Weltgesundheitsorganisation" and entity.type == "organization"


def test_austrian_month_names_are_no_person(extract: Extract) -> None:
    result = extract("Im Jänner sagte Karin Holzer, die Lage sei ernst. Im Feber widersprach ihr Paul Brandl.")
    names = _names(result)
    assert "Jänner" not in names and "Feber" not in names, names
    assert names.get("Karin Holzer") == "person" and names.get("Paul Brandl") == "person", names


@pytest.mark.parametrize(
    ("text", "glued", "name"),
    [
        # a name run on into the next noun of a verb-second clause
        ("Der Plan löste bei der Stadträtin Martina Ebenhofer Empörung aus.",
         "Martina Ebenhofer Empörung", "Martina Ebenhofer"),
        ("Gestern empfahl Kurt Lindbichler Anwohnern, früh aufzubrechen.",
         "Kurt Lindbichler Anwohnern", "Kurt Lindbichler"),
        # a genitive before its noun: the owner, not a person "<Name>s <Noun>"
        ("Die Zweifel an Hermine Gstöttners Eignung wuchsen im Ausschuss.",
         "Hermine Gstöttners Eignung", "Hermine Gstöttners"),
    ],
)
def test_a_name_does_not_run_on_into_the_next_noun(extract: Extract, text: str, glued: str, name: str) -> None:
    names = _names(extract(text))
    assert glued not in names, names
    assert names.get(name) == "person", names


def test_a_place_genitive_before_a_noun_is_the_place(extract: Extract) -> None:
    names = _names(extract("Kanadas Bürger stimmten ab, Mexikos Wähler auch."))
    assert names.get("Kanadas") == "location" and names.get("Mexikos") == "location", names
    assert not [n for n, t in names.items() if t == "person"], names


def test_known_capitals_are_places_not_persons(extract: Extract) -> None:
    names = _names(extract("Helsinki erklärte am Abend, man prüfe das Angebot. Teheran sagte, es lehne ab."))
    assert names.get("Helsinki") == "location" and names.get("Teheran") == "location", names
    assert not [n for n, t in names.items() if t == "person"], names


def test_east_asian_name_after_a_role_keeps_its_surname(extract: Extract) -> None:
    text = "Der Oppositionsführer Lee Jae-myung erklärte, die Regierung habe versagt. Lee sagte, er trete an."
    entity = _speaker_entity(extract(text), "Regierung habe versagt")
    assert entity.name == "Lee Jae-myung" and entity.type == "person"
    assert _speaker_entity(extract(text), "trete an").name == "Lee Jae-myung"


def test_an_outlet_named_as_addressee_or_source_is_an_outlet(extract: Extract) -> None:
    text = (
        "„Die Kosten steigen“, sagte die Bürgermeisterin der Zeitung Kurier. "
        "Der Kurier berichtete außerdem, dass zwei Schulen schließen."
    )
    result = extract(text)
    outlets = [e for e in result.entities if e.kind == "outlet"]
    assert [(e.name, e.type) for e in outlets] == [("Kurier", "organization")], result.entities
    assert _speaker_entity(result, "Die Kosten steigen").kind is None
    assert _speaker_entity(result, "zwei Schulen").name == "Kurier"


def test_two_surnames_in_a_list_without_a_comma_are_no_one_person(extract: Extract) -> None:
    result = extract("Hans Brenner und Lea Kowalczyk reisten an. Das Abkommen begrüßten Brenner Kowalczyk und Duval "
                     "am Dienstag.")
    names = [e.name for e in result.entities]
    assert "Brenner Kowalczyk" not in names
    assert len(_entity(result, "Hans Brenner").mentions) == 2
    kept = extract("Das Abkommen begrüßten Hans Brenner und Marie Duval am Dienstag.")
    assert {"Hans Brenner", "Marie Duval"} <= {e.name for e in kept.entities}
