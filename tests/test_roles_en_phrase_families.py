"""English roles (issue 13, point 2: English roles on fresh text) by phrase grammar
families instead of single words: a title abbreviation right before a name stands on its own
("NSA Director Adm. X"), plural abbreviations and lists opened by a plural title and a dash,
appositions after an age, a residence or a bracket, "now"/"then" before an apposition, the kind of
a body before its name ("consulting firm Brightwater"), a body's name before the role noun after
"who was", role nouns by their ending ("spymaster", "technician") and long appositions cut at "and".
Original sentences."""

from __future__ import annotations

import pytest

from onrecord.lang import get_extractor
from onrecord.lang.en.role_lexicon import is_role_noun, singular
from tests.roles_helpers import Extract
from tests.roles_helpers import _former_roles as _roles


@pytest.fixture(scope="module")
def en() -> Extract:
    return get_extractor("en").extract


def test_title_abbreviation_after_another_title_is_a_second_role(en: Extract) -> None:
    text = "Intelligence chiefs, including NSA Director Adm. Tom Reed, disagreed with the plan."
    roles = _roles(en(text), "Tom Reed")
    assert ("Director", "NSA", None, False) in roles
    assert ("Adm.", None, None, False) in roles


def test_lower_case_words_before_a_title_abbreviation_describe_the_holder(en: Extract) -> None:
    text = "The report angered primary rival Sen. Bob Lund of Iowa on Monday."
    assert _roles(en(text), "Bob Lund") == [("Sen.", None, "Iowa", False)]


def test_plural_title_abbreviation_before_two_names(en: Extract) -> None:
    text = "The bill passed. Sens. Ann Pike of Ohio and Bob Lund of Iowa were the only ones against it."
    result = en(text)
    assert ("Sen.", None, "Ohio", False) in _roles(result, "Ann Pike")
    assert ("Sen.", None, "Iowa", False) in _roles(result, "Bob Lund")


def test_plural_title_and_dash_open_a_list_of_names(en: Extract) -> None:
    text = "The Democratic senators -- Ann Pike of Ohio, Tom Reed of Utah and Bob Lund of Iowa -- voted no."
    result = en(text)
    for name, place in (("Ann Pike", "Ohio"), ("Tom Reed", "Utah"), ("Bob Lund", "Iowa")):
        assert any(title and title.endswith("senator") and p == place for title, _, p, _ in _roles(result, name))


def test_apposition_after_age_and_residence(en: Extract) -> None:
    text = '"We will see," said Mary Fox, 41, of Denver, a nurse at the Lakeview Hospital.'
    assert ("nurse", "Lakeview Hospital", None, False) in _roles(en(text), "Mary Fox")


def test_apposition_after_a_bracket(en: Extract) -> None:
    text = "Rep. Tom Reed (Utah), chairman of the House Budget Committee, wrote the bill."
    assert ("chairman", "House Budget Committee", None, False) in _roles(en(text), "Tom Reed")


def test_then_before_an_apposition_makes_it_former(en: Extract) -> None:
    text = "Ann Pike, then-director of the National Park Service, denied the report."
    assert ("director", "National Park Service", None, True) in _roles(en(text), "Ann Pike")


def test_now_before_an_apposition_and_the_kind_of_a_body(en: Extract) -> None:
    text = '"We knew it," said Ann Pike, now a partner at consulting firm Brightwater.'
    assert ("partner", "Brightwater", None, False) in _roles(en(text), "Ann Pike")


def test_kind_of_a_body_after_a_field(en: Extract) -> None:
    text = ('"Yes," said Ann Pike, director of communications for the security firm Castlegate, '
            "which tracks hackers.")
    assert ("director of communications", "Castlegate", None, False) in _roles(en(text), "Ann Pike")


def test_body_name_before_the_role_after_who_was(en: Extract) -> None:
    text = '"We know," said Ann Pike, who was White House press secretary under President Ford.'
    assert ("press secretary", "White House", None, True) in _roles(en(text), "Ann Pike")


def test_long_apposition_is_cut_at_and(en: Extract) -> None:
    text = ("Tom Reed, co-founder of the Harbor Institute and advocate of a Marshall Plan-type effort "
            "to build new roads, welcomed the plan.")
    assert ("co-founder", "Harbor Institute", None, False) in _roles(en(text), "Tom Reed")


def test_role_nouns_by_their_ending() -> None:
    class Tok:
        def __init__(self, word: str) -> None:
            self.lower_ = word

    for word in ("spymaster", "goalkeepers", "technician", "speechwriter", "salesmen", "videographer"):
        assert is_role_noun(Tok(word)), word  # type: ignore[arg-type]
    for word in ("master", "woman", "human", "maker", "remaster"):
        assert not is_role_noun(Tok(word)), word  # type: ignore[arg-type]
    assert singular("congressmen") == "congressman"
    assert singular("Sens.") == "Sen."


def test_a_title_after_for_before_a_name_is_that_persons(en: Extract) -> None:
    text = '"Wait," said Tom Reed, a spokesman for House Speaker Ann Pike, on Friday.'
    result = en(text)
    assert _roles(result, "Tom Reed") == [("spokesman", None, None, False)]
    assert ("Speaker", "House", None, False) in _roles(result, "Ann Pike")


def test_counsel_to_a_persons_campaign(en: Extract) -> None:
    text = "Bob Lund, a tax expert and general counsel to Democrat Ann Pike's presidential campaign, sued."
    roles = _roles(en(text), "Bob Lund")
    assert any(org == "Ann Pike's presidential campaign" for _, org, _, _ in roles)
    assert ("general counsel", "Ann Pike's presidential campaign", None, False) in roles
    assert ("tax expert", None, None, False) in roles  # a profession and a role at a body: two roles


def test_a_persons_possessive_is_no_organisation(en: Extract) -> None:
    text = '"No," said Tom Reed, Ann Pike\'s chief economic adviser, on Friday.'
    assert _roles(en(text), "Tom Reed") == [("chief economic adviser", None, None, False)]


def test_author_of_a_work_has_no_organisation(en: Extract) -> None:
    text = '"Slim," says Tom Reed, co-author of Three Men in a Boat, a study of rowing.'
    assert _roles(en(text), "Tom Reed") == [("co-author", None, None, False)]


def test_from_a_place_is_where_the_holder_comes_from(en: Extract) -> None:
    text = '"Yes," said Tom Reed, a physician from Boston.'
    assert _roles(en(text), "Tom Reed") == [("physician", None, None, False)]


def test_words_that_describe_the_holder_leave_the_title(en: Extract) -> None:
    result = en("Tom Reed, the globe-trotting secretary general of the Harbor League, spoke on Friday. "
                "Marshals included teen transgender activist Ann Pike.")
    assert ("secretary general", "Harbor League", None, False) in _roles(result, "Tom Reed")
    assert ("transgender activist", None, None, False) in _roles(result, "Ann Pike")


def test_and_later_opens_a_second_past_role(en: Extract) -> None:
    text = '"It was hard," said Tom Reed, who was Ann Pike\'s chief campaign strategist and later senior adviser.'
    roles = _roles(en(text), "Tom Reed")
    assert ("senior adviser", None, None, True) in roles
    assert ("chief campaign strategist", None, None, True) in roles


def test_role_before_named(en: Extract) -> None:
    text = "The story drew the interest of a famous New York City entrepreneur named Bob Lund."
    assert ("entrepreneur", None, "New York City", False) in _roles(en(text), "Bob Lund")


def test_lower_case_of_phrase_in_a_title_before_a_comma(en: Extract) -> None:
    text = "Staff alerted the governor's chief of staff, Tom Reed, to the request."
    assert any(title == "chief of staff" for title, _, _, _ in _roles(en(text), "Tom Reed"))


def test_a_body_named_by_its_kind(en: Extract) -> None:
    text = '"I want growth," says Mary Fox, 32, of Denver, an account executive for a tech firm that sells storage.'
    assert ("account executive", "tech firm", None, False) in _roles(en(text), "Mary Fox")


def test_a_role_after_term_or_time_as(en: Extract) -> None:
    result = en("Tom Reed's term as U.N. chief expires later this year. "
                "The critic said Ann Pike, whose time as secretary of state was short, was wrong.")
    assert ("chief", "U.N.", None, False) in _roles(result, "Tom Reed")
    assert ("secretary of state", None, None, True) in _roles(result, "Ann Pike")


def test_top_stays_in_the_title(en: Extract) -> None:
    text = '"No," said Tom Reed, a top adviser to the mayor.'
    assert ("top adviser", None, None, False) in _roles(en(text), "Tom Reed")


def test_a_place_that_opens_a_body_name_belongs_to_it(en: Extract) -> None:
    text = '"Stop," said a U.S. District Court judge.'
    result = en(text)
    assert any(("judge", "U.S. District Court", None, False) in e_roles for e_roles in (
        [(r.title, r.organization, r.place, r.former) for r in e.roles] for e in result.entities
    ))


def test_role_before_a_comma_after_a_possessive_pronoun(en: Extract) -> None:
    text = "In the campaign, the general and his future secretary of State, Tom Reed, criticized the plan."
    assert ("secretary of State", None, None, False) in _roles(en(text), "Tom Reed")


def test_entities_by_last_word_list_every_tagged_entity_once() -> None:
    """The per-doc index behind the principal-surname test ("Cruz spokeswoman …") holds what a
    walk over ``doc.ents`` gives: each entity's label and token range under its last word."""
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    from onrecord.lang.en.role_phrases import _ents_by_last_word

    words = "Senator Ana Cruz met Cruz Holdings and a Cruz aide in Elm City".split()
    doc = Doc(Vocab(), words=words)
    doc.ents = [Span(doc, 1, 3, "PERSON"), Span(doc, 4, 6, "ORG"), Span(doc, 11, 13, "GPE")]
    want: dict[str, list[tuple[str, int, int]]] = {}
    for ent in doc.ents:
        want.setdefault(ent[-1].text, []).append((ent.label_, ent.start, ent.end))
    assert _ents_by_last_word(doc) == want == {
        "Cruz": [("PERSON", 1, 3)], "Holdings": [("ORG", 4, 6)], "City": [("GPE", 11, 13)]
    }
    assert _ents_by_last_word(doc) is _ents_by_last_word(doc)
