"""Roles on fresh text, organisation first (issue 13, point 2). Families: a city
or region before a sports-team role names the club, not a place ("Leverkusens Tormann",
"Salzburg-Innenverteidiger"; a country stays a place: a national team); a tagged organisation
before "von"/"mit" and a role noun is the holder's employer ("der FC Beispielstadt mit Coach X");
a partitive apposition ("X, einer der Gründer des Vereins Y,"); in English a person's last
name before a title is the holder's principal, no organisation ("Smith spokeswoman X"), and a
plural title before "such as" is the title of its examples. Original sentences."""

from __future__ import annotations

import pytest

from onrecord.lang import get_extractor
from onrecord.lang.de.role_before import club_role
from tests.roles_helpers import Extract
from tests.roles_helpers import _former_roles as _roles


@pytest.fixture(scope="module")
def de() -> Extract:
    return get_extractor("de").extract


@pytest.fixture(scope="module")
def en() -> Extract:
    return get_extractor("en").extract


def test_club_roles_by_their_compound_head() -> None:
    assert club_role("Cheftrainer") and club_role("Co-Trainer") and club_role("Innenverteidiger")
    assert not club_role("Bürgermeister") and not club_role("Schauspieler")


def test_city_genitive_before_a_team_role_names_the_club(de: Extract) -> None:
    text = "Kurz vor der Pause scheiterte Huber an Leverkusens Tormann Jonas Probemann."
    assert ("Tormann", "Leverkusen", None, False) in _roles(de(text), "Jonas Probemann")


def test_city_compound_before_a_team_role_names_the_club(de: Extract) -> None:
    text = "Danach foulte Salzburg-Innenverteidiger Paul Beispielmann den Stürmer."
    assert ("Innenverteidiger", "Salzburg", None, False) in _roles(de(text), "Paul Beispielmann")


def test_country_before_a_team_role_stays_a_place(de: Extract) -> None:
    text = "Dänemarks Trainer Morten Probesen war mit dem Remis zufrieden."
    assert ("Trainer", None, "Dänemark", False) in _roles(de(text), "Morten Probesen")


def test_city_genitive_before_an_office_stays_a_place(de: Extract) -> None:
    text = "Wiens Bürgermeister Karl Beispielhofer eröffnete am Montag die Ausstellung."
    assert ("Bürgermeister", None, "Wien", False) in _roles(de(text), "Karl Beispielhofer")


def test_tagged_organisation_with_von_or_mit_before_the_role(de: Extract) -> None:
    text = ("Der 1. FC Nürnberg von Trainer Peter Probemann siegte knapp, ebenso der VfB Stuttgart "
            "mit Coach Rolf Testhuber.")
    result = de(text)
    assert ("Trainer", "1. FC Nürnberg", None, False) in _roles(result, "Peter Probemann")
    assert ("Coach", "VfB Stuttgart", None, False) in _roles(result, "Rolf Testhuber")


def test_mit_before_an_office_names_no_employer(de: Extract) -> None:
    text = "Ein Treffen der EU mit Kanzler Werner Beispielmayr fand am Montag statt."
    assert ("Kanzler", None, None, False) in _roles(de(text), "Werner Beispielmayr")


def test_partitive_apposition_gives_the_singular_title_and_body(de: Extract) -> None:
    text = "Das sagte Anna Probstmüller, eine der Gründerinnen des Vereins Nachbarschaftshilfe, am Montag."
    assert ("Gründerin", "Verein Nachbarschaftshilfe", None, False) in _roles(de(text), "Anna Probstmüller")


def test_partitive_apposition_stops_before_another_name(de: Extract) -> None:
    text = "Marco Probhaller, einer der Betreuer bei Sturm Graz für Ex-Meister Alexander Testoff, kam zu spät."
    roles = _roles(de(text), "Marco Probhaller")
    assert ("Betreuer", "Sturm Graz", None, False) in roles


def test_last_name_of_a_person_before_a_title_is_no_organisation(en: Extract) -> None:
    text = '"He voted against every bill," Tom Sample, a Kessler spokesman, said of Jim Kessler.'
    assert ("spokesman", None, None, False) in _roles(en(text), "Tom Sample")


def test_company_before_a_title_stays_an_organisation(en: Extract) -> None:
    text = "Facebook spokeswoman Ann Tester said the site was down for an hour."
    assert ("spokeswoman", "Facebook", None, False) in _roles(en(text), "Ann Tester")


def test_plural_title_before_such_as_is_the_title_of_its_examples(en: Extract) -> None:
    text = "Voters like candidates such as Tom Probert and Bill Testing this year."
    result = en(text)
    names = {e.name for e in result.entities}
    holder = "Tom Probert" if "Tom Probert" in names else next(n for n in names if "Probert" in n)
    assert ("candidate", None, None, False) in _roles(result, holder)


def test_name_the_tagger_reads_as_a_person_after_a_body_kind_noun(de: Extract) -> None:
    text = "Die Mieten steigen weiter, sagt Eva Probst, Leiterin der Maklerfirma Victoria Partners."
    assert ("Leiterin", "Victoria Partners", None, False) in _roles(de(text), "Eva Probst")


def test_kind_noun_before_a_tagged_company_name_is_dropped(de: Extract) -> None:
    text = "Das bestätigte Maria Probstner, Sprecherin des Konzerns Siemens, am Montag."
    assert ("Sprecherin", "Siemens", None, False) in _roles(de(text), "Maria Probstner")


def test_body_with_its_kind_noun_inside_one_tagged_name_stays_whole(de: Extract) -> None:
    text = "Das sagt Klaus Probstinger, Sprecher der Bank Austria, am Dienstag."
    assert ("Sprecher", "Bank Austria", None, False) in _roles(de(text), "Klaus Probstinger")


def test_at_the_head_of_a_body_gives_its_organisation(de: Extract) -> None:
    text = ("Jana Probdoch, Tochter des Gründers, soll im Frühjahr an der Spitze des Betriebsrats stehen. "
            "Lewis Testhamer liegt weiter an der Spitze der Tabelle.")
    result = de(text)
    assert (None, "Betriebsrat", None, False) in _roles(result, "Jana Probdoch")
    assert _roles(result, "Lewis Testhamer") == []


def test_compound_of_a_nominalised_adjective_in_the_masculine(de: Extract) -> None:
    text = "Sie traf sich gestern mit dem Nationalratsabgeordneten Gernot Probmann."
    assert ("Nationalratsabgeordneter", None, None, False) in _roles(de(text), "Gernot Probmann")


def test_referee_in_a_match_report_line(de: Extract) -> None:
    text = "Probstadt – Testdorf 1:1 (1:0), Stadion Probstadt, 8.000 Zuschauer, SR Probhofer."
    assert ("SR", None, None, False) in _roles(de(text), "Probhofer")


def test_last_name_tagged_as_a_person_elsewhere_is_no_organisation(en: Extract) -> None:
    text = ('Kessler voted against it. Kessler said so on Monday. "He is wrong," Michael Tester, '
            "a Kessler spokesman, said in a statement.")
    assert ("spokesman", None, None, False) in _roles(en(text), "Michael Tester")


def test_french_elided_particle_inside_a_body_name(en: Extract) -> None:
    text = "Marc Probert, the president of the Chamber of Commerce of Val d'Oise, said the plan was sound."
    roles = _roles(en(text), "Marc Probert")
    assert ("president", "Chamber of Commerce of Val d'Oise", None, False) in roles


def test_body_headed_by_a_person_under_or_with_at_the_top(de: Extract) -> None:
    text = ("Nächste Woche soll ein Beirat unter der Leitung der Ökonomin Sabine Probschläger seine Arbeit "
            "aufnehmen. Später legte eine Arbeitsgruppe mit Petra Probnic an der Spitze ihren Bericht vor.")
    result = de(text)
    assert ("Ökonomin", "Beirat", None, False) in _roles(result, "Sabine Probschläger")
    assert (None, "Arbeitsgruppe", None, False) in _roles(result, "Petra Probnic")


def test_body_before_an_earlier_and_a_later_head(de: Extract) -> None:
    text = "Sie meint, das Finanzministerium, damals unter Michael Probegger, habe zu spät reagiert."
    assert (None, "Finanzministerium", None, False) in _roles(de(text), "Michael Probegger")


def test_team_under_a_coach_names_no_body(de: Extract) -> None:
    text = "Die Mannschaft spielte unter Trainer Hans Probstner deutlich besser."
    assert _roles(de(text), "Hans Probstner") == [("Trainer", None, None, False)]


def test_sports_positions_are_role_nouns(de: Extract) -> None:
    text = "Im Tor stand Keeper Thomas Probkraft, der zum ersten Mal seit Monaten spielte."
    assert ("Keeper", None, None, False) in _roles(de(text), "Thomas Probkraft")


def test_plural_title_before_included_is_the_title_of_its_examples(en: Extract) -> None:
    text = "The panel members included Tom Probert and Bill Tester, the report said."
    assert ("panel member", None, None, False) in _roles(en(text), "Tom Probert")


def test_possessive_of_a_person_named_elsewhere_is_no_body(en: Extract) -> None:
    text = "Michael Bloomberg spoke on Monday. Bloomberg's pollster, Doug Tester, says his man has the money."
    assert _roles(en(text), "Doug Tester") == [("pollster", None, None, False)]


def test_field_acronym_before_a_title_stays_in_the_title(en: Extract) -> None:
    result = en('"It works," says Scott Tester, an IT professional from Denver. LGBTQ activist Sam Probert agreed.')
    assert _roles(result, "Scott Tester") == [("IT professional", None, None, False)]
    assert _roles(result, "Sam Probert") == [("LGBTQ activist", None, None, False)]


def test_acronym_of_a_body_before_a_title_stays_the_body(en: Extract) -> None:
    text = "NASA administrator Bill Tester said the launch was delayed."
    assert _roles(en(text), "Bill Tester") == [("administrator", "NASA", None, False)]


def test_abbreviated_origin_before_a_role_in_a_calendar_list(de: Extract) -> None:
    text = ("Geburtstage: Karl Probmann, dt. Maler (1801-1870) Eva Probst, ital. Bildhauerin (1950- ) "
            "Lara Testova, US-Sängerin (1943-1990) (APA, 1.2.2015)")
    result = de(text)
    assert _roles(result, "Karl Probmann") == [("Maler", None, None, False)]
    assert _roles(result, "Eva Probst") == [("Bildhauerin", None, None, False)]
    assert _roles(result, "Lara Testova") == [("Sängerin", None, "USA", False)]


def test_sport_or_field_prefix_of_a_hyphenated_role_stays_in_the_title(de: Extract) -> None:
    result = de("Das bestätigte Eishockey-Stürmer Max Probst, bevor Politik-Analytikerin Ina Testler widersprach.")
    assert _roles(result, "Max Probst") == [("Eishockey-Stürmer", None, None, False)]
    assert _roles(result, "Ina Testler") == [("Politik-Analytikerin", None, None, False)]


def test_party_prefix_of_a_hyphenated_role_stays_the_organisation(de: Extract) -> None:
    text = "Das bestätigte SPD-Politiker Max Probst am Montag."
    assert _roles(de(text), "Max Probst") == [("Politiker", "SPD", None, False)]


def test_possessive_of_a_local_government_names_the_body(en: Extract) -> None:
    result = en("Mary Probert, the city's finance director, said the budget was tight. "
                "The county's health officer, Tom Tester, said cases rose.")
    assert _roles(result, "Mary Probert") == [("finance director", "city", None, False)]
    assert _roles(result, "Tom Tester") == [("health officer", "county", None, False)]


def test_number_of_a_body_at_the_end_of_a_sentence(de: Extract) -> None:
    result = de("Die Dächer seien begrünt worden, sagt Karl Probak von der MA 48. Auch die Schulen machen mit.")
    assert _roles(result, "Karl Probak") == [(None, "MA 48", None, False)]


def test_ordinal_after_a_body_is_no_part_of_its_name(de: Extract) -> None:
    result = de("Das sagt Eva Probak vom FC Beispielstadt 3. Liga-Spieler haben es schwer.")
    assert all(org is None or "3" not in org for _, org, _, _ in _roles(result, "Eva Probak"))


def test_body_in_brackets_after_a_person(de: Extract) -> None:
    result = de("Im Fernsehen sprach Karl Probst (Universität Graz) am häufigsten, "
                "gefolgt von Professorin Ina Testler (Institut für Höhere Studien).")
    assert _roles(result, "Karl Probst") == [(None, "Universität Graz", None, False)]
    assert _roles(result, "Ina Testler") == [("Professorin", "Institut für Höhere Studien", None, False)]


def test_place_or_age_in_brackets_names_no_body(de: Extract) -> None:
    result = de("Das sagt Karl Probst (55, Graz) heute. Auch Eva Testler (Wien) stimmt zu.")
    assert _roles(result, "Karl Probst") == []
    assert _roles(result, "Eva Testler") == []


def test_body_that_signs_or_presents_a_person(de: Extract) -> None:
    result = de("Beispieldorf – Der SCR Beispieldorf hat Mittelstürmer Karl Probst verpflichtet. "
                "Der FC Beispielstadt hat Jonas Testler als neuen Trainer vorgestellt.")
    assert _roles(result, "Karl Probst") == [("Mittelstürmer", "SCR Beispieldorf", None, False)]
    assert _roles(result, "Jonas Testler") == [("Trainer", "FC Beispielstadt", None, False)]


def test_person_who_presents_something_gets_no_body(de: Extract) -> None:
    result = de("Am Montag hat Karl Probst den Plan vorgestellt. Die Wähler haben Eva Testler gewählt.")
    assert _roles(result, "Karl Probst") == []
    assert _roles(result, "Eva Testler") == []


def test_abbreviated_rank_with_its_branch_before_a_name(en: Extract) -> None:
    result = en("Army Col. Tom Tester opened the hearing. Later Sgt. Bill Probert said it was over.")
    assert ("Col.", "Army", None, False) in _roles(result, "Tom Tester")
    assert ("Sgt.", None, None, False) in _roles(result, "Bill Probert")


def test_two_rank_abbreviations_are_one_title(en: Extract) -> None:
    result = en("Lt. Col. Tom Tester said it was over. NSA Director Adm. Bill Probert agreed.")
    assert _roles(result, "Tom Tester") == [("Lt. Col.", None, None, False)]
    assert ("Director", "NSA", None, False) in _roles(result, "Bill Probert")
