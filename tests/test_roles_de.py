"""German roles on real news sentences: appositions, relative clauses, role nouns, unnamed speakers."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor
from onrecord.model import Entity, Role

Extract = Callable[[str], ExtractionResult]


@pytest.fixture(scope="module")
def extract() -> Extract:
    return get_extractor("de").extract


def _entity(result: ExtractionResult, name: str) -> Entity:
    matches = [e for e in result.entities if e.name == name]
    assert matches, f"no entity {name!r}: {[e.name for e in result.entities]}"
    return matches[0]


def _roles(entity: Entity) -> list[tuple[str | None, str | None, str | None]]:
    return [(r.title, r.organization, r.place) for r in entity.roles]


def _only_role(entity: Entity) -> Role:
    assert len(entity.roles) == 1, _roles(entity)
    return entity.roles[0]


def test_apposition_with_organisation_and_place(extract: Extract) -> None:
    text = (
        "Anna Berger, Professorin für Politikwissenschaft an der Universität Bonn in Bonn, sagte, "
        "die Regierung müsse jetzt handeln."
    )
    result = extract(text)
    role = _only_role(_entity(result, "Anna Berger"))
    assert (role.title, role.organization, role.place) == (
        "Professorin für Politikwissenschaft", "Universität Bonn", "Bonn",
    )
    assert text[role.spans[0][0] : role.spans[0][1]].startswith("Professorin für")


def test_apposition_with_indefinite_article_and_adjective(extract: Extract) -> None:
    result = extract("Klaus Meier, ein früherer Oberst der Bundeswehr, warnte vor einer Eskalation.")
    # GUIDELINES B: "früherer" marks a former role and is no part of the title
    assert _roles(_entity(result, "Klaus Meier")) == [("Oberst", "Bundeswehr", None)]


def test_apposition_with_genitive_organisation_is_normalised(extract: Extract) -> None:
    result = extract(
        "Peter Schmidt, der Chef des Instituts für Weltwirtschaft, erklärte, die Konjunktur werde sich erholen."
    )
    assert _roles(_entity(result, "Peter Schmidt")) == [("Chef", "Institut für Weltwirtschaft", None)]


def test_relative_clause_names_a_role(extract: Extract) -> None:
    result = extract(
        "Jana Wolf, die das Referat Energie im Wirtschaftsministerium leitet, sagte, die Preise würden sinken."
    )
    assert _roles(_entity(result, "Jana Wolf")) == [("Leiterin des Referats Energie", "Wirtschaftsministerium", None)]


def test_relative_clause_object_is_the_organisation(extract: Extract) -> None:
    result = extract("Markus Roth, der den Konzern seit 2019 leitet, kündigte Stellenstreichungen an.")
    assert _roles(_entity(result, "Markus Roth")) == [("Leiter", "Konzern", None)]


def test_roles_accumulate_from_before_and_after_the_name(extract: Extract) -> None:
    text = (
        "Bundeskanzler Olaf Scholz, der frühere Bürgermeister von Hamburg, sagte, Deutschland "
        "werde weitere Hilfe leisten."
    )
    scholz = _entity(extract(text), "Olaf Scholz")
    assert ("Bundeskanzler", None, None) in _roles(scholz)
    assert ("Bürgermeister", None, "Hamburg") in _roles(scholz)


def test_role_noun_before_the_name(extract: Extract) -> None:
    result = extract("„Wir stehen an der Seite der Ukraine“, sagte Außenministerin Anna Müller am Montag in Berlin.")
    assert _roles(_entity(result, "Anna Müller")) == [("Außenministerin", None, None)]


def test_party_compound_before_the_name(extract: Extract) -> None:
    result = extract("Der SPD-Politiker Lars Klingbeil kritisierte die Pläne. „Das ist unsozial“, sagte Klingbeil.")
    assert _roles(_entity(result, "Lars Klingbeil")) == [("Politiker", "SPD", None)]


def test_field_of_an_expert_is_no_organisation(extract: Extract) -> None:
    result = extract(
        "Die Osteuropa-Expertin Susanne Vogel warnte vor einer Eskalation. „Die Lage ist ernst“, sagte Vogel. "
        "Die SPD-Expertin Anna Berg widersprach. „Das ist übertrieben“, sagte Berg."
    )
    assert _roles(_entity(result, "Susanne Vogel")) == [("Osteuropa-Expertin", None, None)]
    assert _roles(_entity(result, "Anna Berg")) == [("Expertin", "SPD", None)]


def test_country_genitive_before_the_role_is_its_place(extract: Extract) -> None:
    result = extract("Südkoreas Präsident Moon Jae-in reiste nach Peking. Moon sagte, er hoffe auf Frieden.")
    assert _roles(_entity(result, "Moon Jae-in")) == [("Präsident", None, "Südkorea")]


def test_unnamed_spokesperson_is_a_person_with_a_role(extract: Extract) -> None:
    result = extract("Ein Sprecher des Auswärtigen Amts sagte, man beobachte die Lage in der Region genau.")
    quote = next(q for q in result.quotes if "beobachte die Lage" in q.text)
    entity = next(e for e in result.entities if e.id == quote.entity)
    assert entity.type == "person"
    assert entity.name == "Sprecher des Auswärtigen Amts"
    assert _roles(entity) == [("Sprecher", "Auswärtiges Amt", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Anna Berger, 45, sagte, sie sei von dem Ergebnis überrascht.",
        "Anna Berger, die am Montag in Dresden sprach, sagte, sie sei von dem Ergebnis überrascht.",
    ],
)
def test_appositions_without_a_role_give_none(extract: Extract, text: str) -> None:
    assert _entity(extract(text), "Anna Berger").roles == []


# --- issue 13: roles on news from any outlet ---------------------------------------------------


def test_role_before_the_name_set_off_by_a_comma(extract: Extract) -> None:
    result = extract("Am Dienstag traf die deutsche Botschafterin in Polen, Anna Beispiel, den Bürgermeister.")
    # the place the role phrase names wins over the nationality adjective
    assert ("Botschafterin", None, "Polen") in _roles(_entity(result, "Anna Beispiel"))


def test_nested_genitive_chain_is_one_organisation(extract: Extract) -> None:
    text = (
        "Der Angriff sei vorbereitet gewesen, sagte Jens Kramer, "
        "Leiter des Lagezentrums des Verteidigungsministeriums."
    )
    roles = _roles(_entity(extract(text), "Jens Kramer"))
    # GUIDELINES B: a genitive chain is kept whole as one organisation name
    assert ("Leiter", "Lagezentrum des Verteidigungsministeriums", None) in roles


def test_english_organisation_name_keeps_its_function_words(extract: Extract) -> None:
    result = extract("Die Front bewege sich kaum, schreibt das Institute for the Study of War in seinem Lagebild.")
    quote = result.quotes[0]
    entity = next(e for e in result.entities if e.id == quote.entity)
    assert entity.name == "Institute for the Study of War" and entity.type == "organization"


def test_an_unnamed_spokesperson_is_named_by_the_role_without_its_article(extract: Extract) -> None:
    result = extract("Ein Abkommen sei nicht in Sicht, sagte ein Sprecher des Auswärtigen Amts.")
    quote = result.quotes[0]
    entity = next(e for e in result.entities if e.id == quote.entity)
    assert entity.name == "Sprecher des Auswärtigen Amts"
    assert ("Sprecher", "Auswärtiges Amt", None) in _roles(entity)


def test_a_document_after_the_role_is_no_place(extract: Extract) -> None:
    result = extract("Das verdränge Konkurrenten, schreibt der Professor für Verwaltungsrecht in einem Gutachten.")
    entity = next(e for e in result.entities if e.id == result.quotes[0].entity)
    assert "Gutachten" not in entity.name
    assert all(r.place != "Gutachten" for r in entity.roles)


# --- issue 13, point 2: role families on news from any outlet --------------------------------


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Die Forderung des bayerischen Innenministers Max Vorbild stieß auf Kritik.",
         "Max Vorbild", ("Innenminister", None, "Bayern")),
        ("Der Grazer Stadtrat Paul Beispiel lehnte den Antrag ab.", "Paul Beispiel", ("Stadtrat", None, "Graz")),
        ("Kärntens Landesrätin Lea Muster kündigte Hilfen an.", "Lea Muster",
         ("Landesrätin", None, "Kärnten")),
        ("Gestern traf US-Außenministerin Jane Example in Wien ein.", "Jane Example",
         ("Außenministerin", None, "USA")),
    ],
)
def test_place_adjectives_and_genitives_give_the_place(
    extract: Extract, text: str, name: str, role: tuple[str, None, str]
) -> None:
    assert role in _roles(_entity(extract(text), name))


def test_role_nouns_are_given_in_the_nominative_singular(extract: Extract) -> None:
    result = extract(
        "Die Partei folgte ihrem zurückgetretenen Präsidenten Otto Probe. "
        "Der Vorsitzende des Landesverbandes der Deutschen Musterindustrie, Karl Test, widersprach."
    )
    assert _roles(_entity(result, "Otto Probe")) == [("Präsident", None, None)]
    assert _roles(_entity(result, "Karl Test")) == [
        ("Vorsitzender", "Landesverband der Deutschen Musterindustrie", None)
    ]


def test_former_prefix_and_descriptive_adjectives_leave_the_title(extract: Extract) -> None:
    result = extract(
        "Der Prozess gegen Alt-Bürgermeister Fritz Alt begann. Die zuständige Kommissarin Eva Neu schwieg."
    )
    assert _roles(_entity(result, "Fritz Alt")) == [("Bürgermeister", None, None)]
    assert _roles(_entity(result, "Eva Neu")) == [("Kommissarin", None, None)]


def test_coordinated_roles_before_a_name(extract: Extract) -> None:
    result = extract(
        "Vizekanzler und ÖVP-Chef Hans Muster widersprach. Der Linzer Jurist und Datenschutzexperte "
        "Emil Probe sagte, das Gesetz sei unklar."
    )
    assert sorted(_roles(_entity(result, "Hans Muster")), key=str) == [("Chef", "ÖVP", None),
                                                                       ("Vizekanzler", None, None)]
    assert _roles(_entity(result, "Emil Probe")) == [("Jurist und Datenschutzexperte", None, "Linz")]


def test_party_in_brackets_and_von_organisation_after_the_name(extract: Extract) -> None:
    result = extract(
        "Der Welser Stadtrat Max Rot (FPÖ) stimmte zu. Das sei zu früh, sagte Anna Grün von der "
        "Gewerkschaft GPA-djp."
    )
    assert _roles(_entity(result, "Max Rot")) == [("Stadtrat", "FPÖ", "Wels")]
    assert (None, "GPA-djp", None) in _roles(_entity(result, "Anna Grün"))


def test_party_in_brackets_without_role_noun_is_the_organisation(extract: Extract) -> None:
    result = extract(
        "In der Stichwahl trat Hermine Dorfner (FPÖ) gegen Kurt Wallner (SPÖ) an. Im Halbfinale "
        "schlug Lena Kovac (AUT) die Titelverteidigerin. Das Bundesamt für Statistik (BfS) meldete Zahlen."
    )
    assert _roles(_entity(result, "Hermine Dorfner")) == [(None, "FPÖ", None)]
    assert _roles(_entity(result, "Kurt Wallner")) == [(None, "SPÖ", None)]
    assert _roles(_entity(result, "Lena Kovac")) == []  # a country code, no party
    assert all(not e.roles for e in result.entities if e.name.startswith("Bundesamt"))  # an acronym, no member


def test_von_organisation_ending_in_its_seat(extract: Extract) -> None:
    result = extract(
        "Die Werte seien bedenklich, sagte Petra Lindner von der Universität Wien."
    )
    assert _roles(_entity(result, "Petra Lindner")) == [(None, "Universität Wien", None)]


@pytest.mark.parametrize(
    ("text", "name", "triple"),
    [
        ("Das Springen gewann die deutsche Meisterin Clara Vogt vor zwei Norwegerinnen.",
         "Clara Vogt", ("Meisterin", None, "Deutschland")),
        ("Am Abend las der Lyriker Jonas Feld aus seinem neuen Band.", "Jonas Feld", ("Lyriker", None, None)),
        ("Die Äbtissin Maria Hollerer öffnete das Kloster für Besucher.", "Maria Hollerer", ("Äbtissin", None, None)),
        ("Die Preisträgerin Hanna Berlinger bedankte sich bei der Jury.", "Hanna Berlinger",
         ("Preisträgerin", None, None)),
    ],
)
def test_occupational_and_achievement_nouns_before_the_name(
    extract: Extract, text: str, name: str, triple: tuple[str | None, str | None, str | None]
) -> None:
    assert triple in _roles(_entity(extract(text), name))


def test_party_after_fuer_a_name_is_the_organisation(extract: Extract) -> None:
    result = extract(
        "Im Wahlkampf treten Rudolf Hoberger für die SPÖ und Andreas Kohl für die ÖVP an. Das Gericht "
        "forderte drei Jahre Haft für den Ex-Politiker."
    )
    assert _roles(_entity(result, "Rudolf Hoberger")) == [(None, "SPÖ", None)]
    assert _roles(_entity(result, "Andreas Kohl")) == [(None, "ÖVP", None)]
    assert all(r.organization != "Ex-Politiker" for e in result.entities for r in e.roles)


def test_definite_speaker_phrase_two_sentences_after_the_name(extract: Extract) -> None:
    result = extract(
        "„Die Lage ist ernst“, sagte Kurt Lindner am Montag. Im Lager fehle es an Wasser. Viele Menschen "
        "seien krank, so der UN-Mitarbeiter."
    )
    assert ("Mitarbeiter", "UN", None) in _roles(_entity(result, "Kurt Lindner"))


def test_national_branch_of_a_body_is_an_organisation_not_a_place(extract: Extract) -> None:
    result = extract(
        "Das sei falsch, sagte Alexandra Steiner, Obfrau von Attac-Österreich, am Montag. Zustimmung kam "
        "von Peter Klein, Ministerpräsident von Baden-Württemberg."
    )
    assert _roles(_entity(result, "Alexandra Steiner")) == [("Obfrau", "Attac-Österreich", None)]
    assert _roles(_entity(result, "Peter Klein")) == [("Ministerpräsident", None, "Baden-Württemberg")]


def test_field_genitive_stays_in_the_title_and_bracketed_acronym_before_the_comma(extract: Extract) -> None:
    result = extract(
        "Der Generalsekretär der Musterkammer (MK), Jakob Beispiel, warnte. Clara Test, Professorin für "
        "Geschichte der Neuzeit an der Universität Graz, widersprach."
    )
    assert _roles(_entity(result, "Jakob Beispiel")) == [("Generalsekretär", "Musterkammer", None)]
    assert not any(e.name.startswith("Generalsekretär") for e in result.entities)
    assert _roles(_entity(result, "Clara Test")) == [
        ("Professorin für Geschichte der Neuzeit", "Universität Graz", None)
    ]


def test_role_stated_in_the_next_sentence(extract: Extract) -> None:
    result = extract(
        "Am Nachmittag meldete sich Otto Beispiel zu Wort. Der steirische SPÖ-Chef schrieb in einer "
        "Aussendung, die Lage sei ernst."
    )
    assert ("Chef", "SPÖ", "Steiermark") in _roles(_entity(result, "Otto Beispiel"))


def test_english_organisation_names_inside_german_text(extract: Extract) -> None:
    result = extract(
        "Laut Jane Probe, Professorin für Politik an der Queen's University in Belfast, ist das Abkommen "
        "gefährdet. Der Experte Tom Muster vom Council on Foreign Relations warnte vor Eile."
    )
    assert _roles(_entity(result, "Jane Probe")) == [("Professorin für Politik", "Queen's University", "Belfast")]
    assert _roles(_entity(result, "Tom Muster")) == [("Experte", "Council on Foreign Relations", None)]


def test_von_place_and_the_kind_noun_before_a_name(extract: Extract) -> None:
    result = extract(
        "Carlos Ejemplo, der Gouverneur von Tabasco, bat um Hilfe. Da war der Betreiber des Kaufhauses "
        "Muster-Galerie, Otto Test, schon abgereist. Die Premiere in der Schweiz war ausverkauft."
    )
    assert _roles(_entity(result, "Carlos Ejemplo")) == [("Gouverneur", None, "Tabasco")]
    assert _roles(_entity(result, "Otto Test")) == [("Betreiber", "Muster-Galerie", None)]
    assert not any(r.title == "Premier" for e in result.entities for r in e.roles)


def test_former_roles_are_marked_and_the_title_keeps_only_the_role(extract: Extract) -> None:
    result = extract(
        "Der frühere Landesrat Kurt Stiegler warnte vor dem Projekt. Ex-Bürgermeisterin Petra Lindner "
        "widersprach ihm. Jonas Falk, ehemaliger Sprecher des Umweltministeriums, schwieg dazu. "
        "Bürgermeister Rolf Hansen lud alle ein."
    )
    stiegler = _only_role(_entity(result, "Kurt Stiegler"))
    assert (stiegler.title, stiegler.former) == ("Landesrat", True)
    lindner = _only_role(_entity(result, "Petra Lindner"))
    assert (lindner.title, lindner.former) == ("Bürgermeisterin", True)
    falk = _only_role(_entity(result, "Jonas Falk"))
    assert (falk.title, falk.organization, falk.former) == ("Sprecher", "Umweltministerium", True)
    assert _only_role(_entity(result, "Rolf Hansen")).former is False


# --------------------------------------------------------------------------- general patterns (2026-12-06)


def test_a_plural_title_is_shared_by_a_list_of_names(extract: Extract) -> None:
    result = extract("Das Verfahren wurde von den Soziologen Martin Kerber, Lena Fuchs und Paul Brandl entwickelt.")
    for name in ("Martin Kerber", "Lena Fuchs", "Paul Brandl"):
        assert _roles(_entity(result, name)) == [("Soziologe", None, None)]


def test_a_singular_title_before_a_name_and_its_apposition_is_not_shared(extract: Extract) -> None:
    result = extract("Der Nachfolger des Airbus-Chefs Karl Streit, Louis Gall, kündigte Kürzungen an.")
    assert _roles(_entity(result, "Karl Streit")) == [("Chef", "Airbus", None)]
    assert _roles(_entity(result, "Louis Gall")) == []


def test_a_copula_states_the_role_of_the_name(extract: Extract) -> None:
    result = extract("Anna Berg ist seit 2012 Professorin für Ethik an der Universität Graz. Karl Huber ist müde.")
    assert _roles(_entity(result, "Anna Berg")) == [("Professorin für Ethik", "Universität Graz", None)]
    assert _roles(_entity(result, "Karl Huber")) == []
    result = extract("Seit Ackermann 2002 Vorstandsvorsitzender der Deutschen Bank wurde, sank der Kurs.")
    assert _roles(_entity(result, "Ackermann")) == [("Vorstandsvorsitzender", "Deutsche Bank", None)]
    assert [e.name for e in result.entities if e.roles] == ["Ackermann"]  # the role phrase is no one else


def test_a_participle_of_leaving_office_marks_the_role_former(extract: Extract) -> None:
    result = extract("Der Verband entscheidet über die Nachfolge seines zurückgetretenen Präsidenten Sepp Bart.")
    role = _only_role(_entity(result, "Sepp Bart"))
    assert (role.title, role.former) == ("Präsident", True)


def test_coordinated_titles_with_modifiers_are_both_kept(extract: Extract) -> None:
    result = extract("Das weiß auch die Unternehmerin und ehemalige Wiener Abgeordnete Sira Ekin.")
    roles = [(r.title, r.organization, r.place, r.former) for r in _entity(result, "Sira Ekin").roles]
    assert roles == [("Unternehmerin", None, None, False), ("Abgeordnete", None, "Wien", True)]


def test_a_plural_role_phrase_names_a_group_not_a_holder(extract: Extract) -> None:
    result = extract("Die EU-Innenminister beraten am Montag, sagte ein Sprecher des Innenministeriums.")
    assert [(e.name, _roles(e)) for e in result.entities if e.roles] == [
        ("Sprecher des Innenministeriums", [("Sprecher", "Innenministerium", None)])
    ]
    result = extract("Journalisten aus Fernost sagten, es sei schön. Die Vorsitzende der Partei sagte, es gehe voran.")
    assert [(e.name, _roles(e)) for e in result.entities if e.roles] == [
        ("Vorsitzende der Partei", [("Vorsitzende", "Partei", None)])
    ]


def test_inflected_compounds_of_listed_role_nouns(extract: Extract) -> None:
    result = extract("Entwickelt wurde das von den Politikwissenschaftern Michael Laver, Ken Benoit und John Garry.")
    for name in ("Michael Laver", "Ken Benoit", "John Garry"):
        assert _roles(_entity(result, name)) == [("Politikwissenschafter", None, None)]
    result = extract("Die Rede des Oberbürgermeisters Karl Bauer war lang.")
    assert _roles(_entity(result, "Karl Bauer")) == [("Oberbürgermeister", None, None)]


def test_an_age_and_determiners_are_no_role_words(extract: Extract) -> None:
    result = extract("Anna Berg, 45, Professorin für Ethik an der Universität Graz, sagte, es sei gut.")
    assert _roles(_entity(result, "Anna Berg")) == [("Professorin für Ethik", "Universität Graz", None)]
    result = extract("Die Außenminister Athens und Ankaras haben eine Kooperation vereinbart, sagte Eva Kern.")
    assert [e.name for e in result.entities if e.roles] == []


def test_a_role_with_als_in_the_clause_a_name_opens(extract: Extract) -> None:
    result = extract("Villach – Greg Hulst folgt dem entlassenen Finnen Hannu Järvi als Cheftrainer des VSV nach.")
    assert _roles(_entity(result, "Greg Hulst")) == [("Cheftrainer", "VSV", None)]
    result = extract("Stigwald arbeitete unter anderem als Manager für die Bee Gees.")
    assert _roles(_entity(result, "Stigwald")) == [("Manager", "Bee Gees", None)]


def test_an_adverb_may_open_an_apposition(extract: Extract) -> None:
    result = extract("Das sagt Andreas Brenner, ehemals langjähriger Direktor der Tirol Werbung.")
    role = _only_role(_entity(result, "Andreas Brenner"))
    assert (role.title, role.organization, role.former) == ("Direktor", "Tirol Werbung", True)
    result = extract("Rand Paule, ebenfalls ein potenzieller Präsidentschaftskandidat, ist dagegen.")
    assert _roles(_entity(result, "Rand Paule")) == [("Präsidentschaftskandidat", None, None)]


def test_a_bare_role_noun_with_a_plural_verb_is_a_group(extract: Extract) -> None:
    result = extract(
        "Vertreter der Stadtwerke hatten erklärt, die Leitung sei dicht. Laut Sprecher des Amts ist alles gut."
    )
    assert [(e.name, _roles(e)) for e in result.entities if e.roles] == [
        ("Sprecher des Amts", [("Sprecher", "Amt", None)])
    ]


def test_an_english_organisation_name_is_not_inflected(extract: Extract) -> None:
    result = extract("Ben Carr, Analyst des Institute of International Finance, warnte davor.")
    assert _roles(_entity(result, "Ben Carr")) == [("Analyst", "Institute of International Finance", None)]


def test_a_second_role_joined_by_und_in_the_apposition(extract: Extract) -> None:
    text = ("Die Lage sei ernst, sagte Paolo Venti, Ex-Finanzminister und Mitglied der Regionalpartei Lega Ovest. "
            "Tom Reed, ein Senator aus Ohio und Oberst außer Dienst, widersprach.")
    result = extract(text)
    paolo = [(r.title, r.organization, r.former) for r in _entity(result, "Paolo Venti").roles]
    assert ("Finanzminister", None, True) in paolo and ("Mitglied", "Lega Ovest", False) in paolo
    tom = [(r.title, r.place, r.former) for r in _entity(result, "Tom Reed").roles]
    assert ("Senator", "Ohio", False) in tom and ("Oberst", None, True) in tom


def test_a_genitive_organisation_ends_before_the_holder(extract: Extract) -> None:
    text = "Die Mauer sei ein Fehler, sagte die Präsidentin des Verbands Giulia Marchetti am Sonntag."
    assert _roles(_entity(extract(text), "Giulia Marchetti")) == [("Präsidentin", "Verband", None)]


def test_two_roles_before_the_name_with_a_genitive_body(extract: Extract) -> None:
    text = "Das sei absurd, kommentierte der Vizepräsident des Senats und Liga-Spitzenpolitiker Marco Bellini."
    roles = _roles(_entity(extract(text), "Marco Bellini"))
    assert ("Vizepräsident", "Senat", None) in roles and ("Spitzenpolitiker", "Liga", None) in roles


def test_a_field_after_fuer_with_article_stays_in_the_title(extract: Extract) -> None:
    text = "Das vereinbarte der Generaldirektor für die öffentliche Sicherheit, Karl Brenner, mit dem Heer."
    assert _roles(_entity(extract(text), "Karl Brenner")) == [("Generaldirektor für die öffentliche Sicherheit",
                                                                None, None)]


def test_an_english_title_and_organisation_in_german_text(extract: Extract) -> None:
    text = ("Ruth Kagan, Senior Adviser am Center for Naval and Maritime Studies, sagte, das Abkommen sei riskant. "
            "Ben Hart von Citizens Energy Watch widersprach.")
    result = extract(text)
    kagan = [("Senior Adviser", "Center for Naval and Maritime Studies", None)]
    assert _roles(_entity(result, "Ruth Kagan")) == kagan
    assert _roles(_entity(result, "Ben Hart")) == [(None, "Citizens Energy Watch", None)]
    cut = extract("Eva Stone, Fellow am Institute for Security and International Affairs (ISIA), sagte, "
                  "das sei riskant.")
    assert "Institute for Security and International Affairs" in [e.name for e in cut.entities]


def test_an_unnamed_ambassador_keeps_the_day_out_of_the_role(extract: Extract) -> None:
    text = "Das Abkommen sei ein Fehler, sagte der Botschafter in Südkorea am Montag."
    result = extract(text)
    holders = [e for e in result.entities if e.roles]
    assert [(e.type, _roles(e)) for e in holders] == [("person", [("Botschafter", None, "Südkorea")])]
    assert all(e.name != "Südkorea" for e in holders)


def test_an_english_corps_keeps_its_s_and_a_star_compound_is_a_title(extract: Extract) -> None:
    text = ("Das sei falsch, sagte General Paul Hanley, Kommandant des US-Marine-Corps. Der Sohn des ehemaligen "
            "Skistars Hans Brugger wurde gefunden. In der Champions League spielt Real.")
    result = extract(text)
    assert ("Skistar", None, None) in _roles(_entity(result, "Hans Brugger"))
    assert ("Kommandant", "US-Marine-Corps", None) in _roles(_entity(result, "Paul Hanley"))
    assert not any(r.title == "Champion" for e in result.entities for r in e.roles)


def test_a_given_name_the_tagger_left_out_and_a_role_before_the_comma(extract: Extract) -> None:
    text = "Der Botschafter in Bern, Sergej Netschajew, reist ab. Das sagte der Leiter für die Planung, Jan Ross."
    result = extract(text)
    assert _roles(_entity(result, "Sergej Netschajew")) == [("Botschafter", None, "Bern")]
    assert _roles(_entity(result, "Jan Ross")) == [("Leiter für die Planung", None, None)]


def test_a_hyphenated_name_before_a_role_is_written_with_spaces(extract: Extract) -> None:
    text = "Die Konjunktur ziehe an, sagte Erste-Group-Ökonom Lukas Brandl am Montag."
    assert _roles(_entity(extract(text), "Lukas Brandl")) == [("Ökonom", "Erste Group", None)]


def test_a_plural_title_with_die_is_shared_by_two_names_with_particles(extract: Extract) -> None:
    result = extract(
        "Das bestätigten die Gründer Lena Hofer und Paul Wendt am Freitag. Er nimmt die "
        "Trainerassistenten Jan van't Hof und Rob Meijer mit nach Amsterdam."
    )
    for name, title in (("Lena Hofer", "Gründer"), ("Paul Wendt", "Gründer"), ("Rob Meijer", "Trainerassistent")):
        assert (title, None, None) in _roles(_entity(result, name)), name


def test_a_list_after_a_comma_is_no_apposition(extract: Extract) -> None:
    result = extract(
        "Die Landesregierung, Bischof Anton Weber und der Nuntius Karl Brandl nahmen teil. "
        "Bundesregierung, Bundespräsident und Parteichefs verurteilten die Tat."
    )
    assert _roles(_entity(result, "Anton Weber")) == [("Bischof", None, None)]
    holders = {e.name for e in result.entities if e.roles}
    assert not holders & {"Landesregierung", "Bundesregierung"}, holders


def test_a_time_phrase_between_copula_and_role(extract: Extract) -> None:
    result = extract("Jonas Brandt wird in der kommenden Saison der neue Trainer des Sportvereins.")
    assert ("Trainer", "Sportverein", None) in _roles(_entity(result, "Jonas Brandt"))


def test_a_definite_role_phrase_describes_the_person_just_named_or_of_the_same_body(extract: Extract) -> None:
    result = extract(
        "Wien – Sonja Hammer, die neue Vorsitzende der Rektorenkonferenz, fordert mehr Geld. Das werde "
        "notwendig sein, sagt die Rektorin der Technischen Universität. UN-Generalsekretär Ban Ki-moon "
        "sprach vor dem Parlament. Er traf Bundespräsident Heinz Fischer. Die Lage sei ernst, betonte "
        "der UN-Chef."
    )
    assert ("Rektorin", "Technische Universität", None) in _roles(_entity(result, "Sonja Hammer"))
    assert ("Chef", "UN", None) in _roles(_entity(result, "Ban Ki-moon"))
    assert not [e.name for e in result.entities if e.name.startswith(("Rektorin", "UN-Chef"))]


def test_role_and_kinship_nouns_are_no_part_of_a_name_and_a_title_list_with_commas(extract: Extract) -> None:
    result = extract(
        "Damit würde er mit seinem Coach Boris Becker gleichziehen. Freigelassen wurde der katholische "
        "Priester, Blogger und Dissident Nguyen Van Ly."
    )
    assert _roles(_entity(result, "Boris Becker")) == [("Coach", None, None)]
    assert _roles(_entity(result, "Nguyen Van Ly")) == [("Priester, Blogger und Dissident", None, None)]


def test_kinship_noun_is_cut_from_a_tagged_name(extract: Extract) -> None:
    result = extract("Sein älterer Bruder Witali Klitschko ist Bürgermeister von Kiew.")
    assert "Witali Klitschko" in [e.name for e in result.entities]


def test_a_korean_name_keeps_a_last_syllable_that_looks_like_a_preposition(extract: Extract) -> None:
    result = extract(
        "Am Montag traf Präsident Moon Jae In den Premier. Das Treffen mit Olaf Scholz. In Berlin blieb es ruhig."
    )
    names = [e.name for e in result.entities]
    assert "Moon Jae In" in names and "Olaf Scholz" in names, names
