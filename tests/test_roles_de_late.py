"""German roles read after the speakers (issue 13, point 2; :mod:`onrecord.lang.de.role_additions`):
a definite description of the person named in the sentence before, a relative clause ending with
its copula, a team after "für". They add role fields only: quotes, speakers and entities stay as
they are. Original sentences."""

from __future__ import annotations

import pytest

from onrecord.lang import get_extractor
from onrecord.lang.de.role_additions import add_roles
from onrecord.lang.de.tokens import prepare
from onrecord.model import Entity, Mention, Quote
from tests.roles_helpers import Extract, _roles


@pytest.fixture(scope="module")
def de() -> Extract:
    return get_extractor("de").extract


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Seit Wochen verhandelt Sabine Lechner mit dem Land. Morgen stellt die Kulturstadträtin den Plan vor.",
         "Sabine Lechner", "Kulturstadträtin"),
        ("Drei Tore schoss Markus Pichler im Herbst. Und der Angreifer will noch mehr.",
         "Markus Pichler", "Angreifer"),
        ("Nach Graz wechselt Markus Pichler im Sommer. Der 27-jährige Angreifer unterschrieb bis 2021.",
         "Markus Pichler", "Angreifer"),
    ],
)
def test_description_in_the_next_sentence(de: Extract, text: str, name: str, title: str) -> None:
    assert any(t == title for t, _, _ in _roles(de(text), name))


def test_no_description_when_someone_else_is_named_first(de: Extract) -> None:
    text = "Drei Tore schoss Markus Pichler im Herbst. Für Ernst Haas bleibt der Angreifer trotzdem zweite Wahl."
    assert all(t != "Angreifer" for t, _, _ in _roles(de(text), "Markus Pichler"))


def test_relative_clause_ending_with_its_copula(de: Extract) -> None:
    text = "Das Konzert leitete Gerda Moser, die seit 2011 Kapellmeisterin der Stadtkapelle ist, mit Schwung."
    assert ("Kapellmeisterin", "Stadtkapelle", None) in _roles(de(text), "Gerda Moser")


def test_no_role_from_a_relative_clause_with_an_adjective(de: Extract) -> None:
    text = "Das Konzert leitete Gerda Moser, die mit der Stadtkapelle zufrieden war, mit Schwung."
    assert _roles(de(text), "Gerda Moser") == []


def test_team_after_fuer(de: Extract) -> None:
    text = "Zwei Jahre lang stürmte Jari Lehtonen für die Vienna Capitals, dann kehrte er heim."
    assert any(o == "Vienna Capitals" for _, o, _ in _roles(de(text), "Jari Lehtonen"))


def test_quotes_and_entities_stay_as_they_are(de: Extract) -> None:
    text = ("Drei Tore schoss Markus Pichler im Herbst. Und der Angreifer will noch mehr. "
            "„Wir greifen an“, sagte der Angreifer am Sonntag.")
    result = de(text)
    doc = prepare(text)
    plain = [e.model_copy(update={"roles": []}) for e in result.entities]
    added = add_roles(doc, plain, lambda _: "")
    assert [(e.id, e.name, e.type, e.mentions) for e in added] == [(e.id, e.name, e.type, e.mentions) for e in plain]


def test_add_roles_leaves_an_entity_without_a_name_alone() -> None:
    text = "Drei Tore schoss der Sprecher im Herbst. Und der Angreifer will noch mehr."
    doc = prepare(text)
    unnamed = Entity(id="e1", name="Sprecher", type="person", mentions=[(17, 29)])
    assert add_roles(doc, [unnamed], lambda _: "") == [unnamed]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Die Bilanz prüfte Wirtschaftsprüferin Helga Steiner aus Linz.", "Helga Steiner", "Wirtschaftsprüferin"),
        ("Das Blatt gehört zum Reich des Zeitungsmoguls Anton Berghofer.", "Anton Berghofer", "Zeitungsmogul"),
    ],
)
def test_late_role_noun_before_a_name(de: Extract, text: str, name: str, title: str) -> None:
    assert any(t == title for t, _, _ in _roles(de(text), name))


def test_late_role_noun_the_name_finder_took_into_the_name(de: Extract) -> None:
    result = de("Am Bahnhof kontrollierte der Grenzbeamte Josef Lindner die Papiere.")
    lindner = next(e for e in result.entities if e.name.endswith("Josef Lindner"))
    assert [r.title for r in lindner.roles] == ["Grenzbeamter"]


def test_late_role_title_forms() -> None:
    from onrecord.lang.de.role_additions import late_role_title

    assert late_role_title("Zeitungsmoguls") == "Zeitungsmogul"
    assert late_role_title("Grenzbeamten") == "Grenzbeamter"
    assert late_role_title("Erfindern") is None  # a dative plural: no one person
    assert late_role_title("Ex-Spion") is None  # left to the role rules (former, body)


def test_no_description_when_a_copula_names_its_holder() -> None:
    text = "Im Wahlkampf warb Hans Ebner für seine Liste. Der letzte Bürgermeister der Gemeinde war Karl Pointner."
    doc = prepare(text)
    ebner = Entity(id="e1", name="Hans Ebner", type="person", mentions=[(18, 28)])
    pointner = text.index("Karl")
    tags = {t.i: "PER" for t in doc.tokens if t.start >= pointner and t.text[:1].isupper()}
    assert add_roles(doc, [ebner], lambda i: tags.get(i, "")) == [ebner]
    described = text.replace("war Karl Pointner", "war lange im Amt")
    assert add_roles(prepare(described), [ebner], lambda _: "")[0].roles[0].title == "Bürgermeister"


def test_club_in_the_clause_of_a_players_name(de: Extract) -> None:
    text = "Drei Jahre lang spielte Milan Horvat für den SV Ried, im Sommer wechselt er nach Linz."
    assert (None, "SV Ried", None) in _roles(de(text), "Milan Horvat")


def test_clubs_listed_after_the_players_pronoun(de: Extract) -> None:
    text = ("Der Verteidiger Paul Kranzler wurde 1990 in Graz geboren. Zuletzt spielte Kranzler in der "
            "Zweiten Liga für Blau-Weiß Linz, davor war er in der Bundesliga für den Wolfsberger AC, die Admira "
            "und Ried tätig.")
    orgs = {o for _, o, _ in _roles(de(text), "Paul Kranzler")}
    assert {"Blau-Weiß Linz", "Wolfsberger AC", "Admira", "Ried"} <= orgs


def test_both_clubs_of_a_move(de: Extract) -> None:
    text = "Im Winter wechselt Jonas Hufnagl von der SV Ried zum deutschen Zweitligisten Holstein Kiel."
    orgs = {o for _, o, _ in _roles(de(text), "Jonas Hufnagl")}
    assert {"SV Ried", "Holstein Kiel"} <= orgs


def test_club_after_the_noun_of_a_move(de: Extract) -> None:
    text = "Der Wechsel von Jonas Hufnagl zum deutschen Zweitligisten Holstein Kiel ist seit Montag fix."
    assert (None, "Holstein Kiel", None) in _roles(de(text), "Jonas Hufnagl")


def test_club_list_ends_with_the_clause(de: Extract) -> None:
    text = "Drei Jahre lang spielte Milan Horvat für den SV Ried und den LASK, Peter Gruber dagegen blieb in Linz."
    assert [o for _, o, _ in _roles(de(text), "Milan Horvat")] == ["SV Ried", "LASK"]


def test_role_before_the_comma_with_a_body_phrase_after_it(de: Extract) -> None:
    text = "Die Verkehrssprecherin der SPÖ-Fraktion im Wiener Landtag, Maria Huber, kritisierte den Plan."
    assert ("Verkehrssprecherin", "SPÖ-Fraktion", None) in _roles(de(text), "Maria Huber")


def test_no_club_from_a_competition(de: Extract) -> None:
    text = "Neben ihm spielen auch Tobias Egger und Lukas Moser für den Davis Cup in Portugal."
    assert all(o != "Davis Cup" for _, o, _ in _roles(de(text), "Lukas Moser"))


def test_description_with_a_body_compound(de: Extract) -> None:
    text = ("Das dauert, sagte Petra Aigner vom ÖAMTC. "
            "Prinzipiell kann die ÖAMTC-Juristin dem Vorschlag etwas abgewinnen.")
    assert ("Juristin", "ÖAMTC", None) in _roles(de(text), "Petra Aigner")


def test_copula_relative_clause_after_a_duration_in_words(de: Extract) -> None:
    text = "Im Finale stand Lea Gruber, die drei Jahre zuvor Staatsmeisterin geworden war."
    assert any(t == "Staatsmeisterin" for t, _, _ in _roles(de(text), "Lea Gruber"))


def test_apposition_after_the_name_the_speaker_span_holds() -> None:
    text = "„Wir bleiben“, sagte Anna de Vries, Botschafterin in Bern. Sie sprach lange."
    doc = prepare(text)
    start = text.index("Anna")
    anna = Entity(id="e1", name="Anna", type="person", mentions=[(start, start + 4)])
    quote = Quote(id="q1", kind="direct", text="„Wir bleiben“", spans=[(0, 13)], confidence=0.9, entity="e1",
                  speaker=Mention(text="Anna de Vries", spans=[(start, start + 13)]))
    assert add_roles(doc, [anna], lambda _: "") == [anna]
    roles = add_roles(doc, [anna], lambda _: "", [quote])[0].roles
    assert [(r.title, r.place) for r in roles] == [("Botschafterin", "Bern")]


@pytest.mark.parametrize(
    ("text", "name", "title", "former"),
    [
        ("Beim Festakt sprach Anton Leitner, der 30 Jahre Organist der Stadtpfarrkirche war, über die Orgel.",
         "Anton Leitner", "Organist", True),
        ("Die Rede hielt Vera Lang, die bis 2019 Direktorin des Gymnasiums gewesen ist, vor vollem Saal.",
         "Vera Lang", "Direktorin", True),
        ("Das Konzert leitete Gerda Moser, die seit 2011 Kapellmeisterin der Stadtkapelle ist, mit Schwung.",
         "Gerda Moser", "Kapellmeisterin", False),
        ("Im Finale stand Lea Gruber, die drei Jahre zuvor Staatsmeisterin geworden war.",
         "Lea Gruber", "Staatsmeisterin", False),
    ],
)
def test_copula_relative_clause_in_the_past_gives_a_former_role(
    de: Extract, text: str, name: str, title: str, former: bool
) -> None:
    entity = next(e for e in de(text).entities if e.name == name)
    assert [r.former for r in entity.roles if r.title == title] == [former]
