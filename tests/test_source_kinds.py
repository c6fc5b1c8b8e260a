"""Source kinds (issue 18): from role titles, organisations, entity type and anonymity — never
from a person's name. The role strings are written for these tests."""

from __future__ import annotations

import pytest

from onrecord.errors import DataError
from onrecord.statements.sources import SOURCE_KINDS, kind_of_words, lexicon, parse_lexicon, source_kind


@pytest.mark.parametrize(
    ("titles", "organizations", "entity_type", "name", "anonymity", "language", "expected"),
    [
        (["stellvertretende Bundesinnenministerin"], [], "person", "Petra Kalb", "named", "de", "government"),
        (["Sprecher"], ["Landespolizeidirektion Tirol"], "person", "Timo Raab", "named", "de", "government"),
        (["Präsident"], ["Handelskammer Bremen"], "person", "Ole Dierks", "named", "de", "business"),
        (["Präsident"], ["Chamber of Commerce of Ohio"], "person", "Dan Holt", "named", "en", "business"),
        (["Fraktionschef"], ["Die Grünen"], "person", "Leon Bähr", "named", "de", "politician"),
        (["Volkswirtin"], ["Institut für Wirtschaftsforschung Halle"], "person", "Ina Moll", "named", "de", "expert"),
        (["Vorstandsvorsitzender"], ["Nordwerk AG"], "person", "Kai Sund", "named", "de", "business"),
        (
            ["Landesvorsitzende"],
            ["Gewerkschaft Erziehung und Wissenschaft"],
            "person",
            "Eva Rühl",
            "named",
            "de",
            "civil_society",
        ),  # fmt: skip
        (["Korrespondentin"], [], "person", "Mia Lenz", "named", "de", "journalist"),
        (["Anwohnerin"], [], "person", "Rita Saß", "named", "de", "citizen"),
        (["chief executive officer"], ["Harbor Lines"], "person", "Nick Vale", "named", "en", "business"),
        (["state senator"], [], "person", "Ann Cole", "named", "en", "politician"),
        (["professor of economics"], ["Lakeside University"], "person", "Tim Roe", "named", "en", "expert"),
        ([], [], "group", "Augenzeugen", "unnamed", "de", "citizen"),
        ([], [], "group", "Kreise", "unnamed", "de", "unnamed_group"),
        ([], [], "group", "residents", "unnamed", "en", "citizen"),
        ([], [], "organization", "Umweltministerium", "named", "de", "government"),
        ([], [], "location", "Norwegen", "named", "de", "government"),
        (["Beamter"], ["Innenministerium"], "person", None, "anonymous", "de", "anonymous"),
        ([], [], None, None, "unnamed", "en", "unnamed_group"),
        ([], [], "person", "Minister Müller", "named", "de", "other"),  # a person's name is never read
    ],
)
def test_source_kind_of_original_roles(
    titles: list[str], organizations: list[str], entity_type: str | None, name: str | None, anonymity: str,
    language: str, expected: str,
) -> None:  # fmt: skip
    assert source_kind(titles, organizations, entity_type, name, anonymity, language) == expected


def test_the_longest_pattern_wins_whatever_the_order_of_the_roles() -> None:
    patterns = lexicon("de")
    one = kind_of_words(["Sprecher", "Wirtschaftsverband Holz"], patterns)
    other = kind_of_words(["Wirtschaftsverband Holz", "Sprecher"], patterns)
    assert one == other == "business"  # *wirtschaftsverband beats *verband (civil society)


def test_compound_heads_match_only_at_the_end() -> None:
    patterns = parse_lexicon(["[government]", "*minister", "[business]", "bank*"], "test")
    assert kind_of_words(["Finanzminister"], patterns) == "government"
    assert kind_of_words(["Ministerpräsident"], patterns) is None
    assert kind_of_words(["Bankvorstand"], patterns) == "business"
    assert kind_of_words(["Zentralbank"], patterns) is None


def test_a_language_without_lexicon_uses_english_and_every_kind_is_listed() -> None:
    assert lexicon("fr") == lexicon("en")
    assert {p.kind for p in lexicon("de")} == {p.kind for p in lexicon("en")} == set(SOURCE_KINDS) - {
        "unnamed_group", "anonymous", "other",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["*minister"], "before the first"),
        (["[weather]", "rain"], "unknown source kind"),
        (["[expert]", "*a b"], "bad"),
    ],
)
def test_a_broken_lexicon_is_a_data_error(lines: list[str], message: str) -> None:
    with pytest.raises(DataError, match=message):
        parse_lexicon(lines, "test")
