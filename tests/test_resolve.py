"""Cross-article entity resolution: keys, gazetteer and index, with real names."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources

import pytest

from onrecord.model import EntityType
from onrecord.resolve import (
    Candidate,
    EntityIndex,
    Gazetteer,
    GazetteerEntry,
    Match,
    canonical_id,
    default_gazetteer,
    fold,
    is_surname_only,
    merged,
    name_key,
    surname_candidates,
    translit_key,
)
from onrecord.resolve.gazetteer import country_names, file_entries, parse_lines
from onrecord.resolve.keys import (
    collapse_doubles,
    consonant_graphemes,
    glides,
    is_pinyin,
    soft_c,
    umlaut_digraphs,
    vowel_runs,
)


def see(index: EntityIndex, name: str, type: EntityType = "person", language: str | None = None) -> Match:
    """What a caller does per mention: match, and index the entity when it is new."""
    m = index.match(name, type, language)
    if m.rule == "new":
        index.add(Candidate(m.entity_id, name, type))
    return m


# --- keys ----------------------------------------------------------------------------------


def test_fold_strips_diacritics_case_and_punctuation() -> None:
    assert fold("Müller") == fold("MULLER") == "muller"
    assert fold("Straße") == "strasse"
    assert fold("Søren  Kierkegaard") == "soren kierkegaard"
    assert fold("Moon Jae-in") == "moon jae in"
    assert fold("U.S.") == "us"
    assert fold("O'Brien") == "obrien"
    assert fold("Washington, D.C.") == "washington dc"


def test_name_key_drops_honorifics_but_not_genitive_s() -> None:
    assert name_key("Prof. Dr. Karl Lauterbach", "person") == "karl lauterbach"
    assert name_key("Frau Merkel", "person") == "merkel"
    assert name_key("Mrs Thatcher", "person") == "thatcher"
    assert name_key("Obama's", "person") == "obama"
    assert name_key("Merkels", "person") == "merkels"  # not stripped blindly
    assert name_key("President Biden", "person") == "president biden"  # an office is not an honorific
    assert name_key("Herr", "person") == "herr"  # never empty
    assert name_key("the White House", "organization") == "white house"
    assert name_key("McDonald's", "organization") == "mcdonalds"


@pytest.mark.parametrize(
    "a, b",
    [
        ("Selenskyj", "Zelensky"),
        ("Selenskyj", "Zelenskyy"),
        ("Selenski", "Zelenskiy"),
        ("Selenskij", "Zelensky"),
        ("Wolodymyr Selenskyj", "Volodymyr Zelensky"),
        ("Alexej Nawalny", "Alexei Navalny"),
        ("Nawalny", "Navalny"),
        ("Tschaikowski", "Tchaikovsky"),
        ("Chodorkowski", "Khodorkovsky"),
        ("Sergej Lawrow", "Sergey Lavrov"),
        ("Schoigu", "Shoigu"),
        ("Jewgeni Prigoschin", "Yevgeny Prigozhin"),
        ("Gorbatschow", "Gorbachev"),
        ("Chruschtschow", "Khrushchev"),
        ("Jelzin", "Yeltsin"),
        ("Julija Timoschenko", "Yulia Tymoshenko"),
        ("Dmitri Peskow", "Dmitry Peskov"),
        ("Kiew", "Kyiv"),
        ("Kiev", "Kyjiw"),
        ("Charkiw", "Kharkiv"),
        ("Saporischschja", "Zaporizhzhia"),
        ("Müller", "Mueller"),
    ],
)
def test_transliteration_variants_collide(a: str, b: str) -> None:
    assert translit_key(a) == translit_key(b)


@pytest.mark.parametrize(
    "a, b",
    [("Merkel", "Markel"), ("Müller", "Miller"), ("Meier", "Meyer"), ("Kim Jong-un", "Kim Jong-il"),
     ("Olaf Scholz", "Olaf Schulz"), ("Marcel", "Markel")],
)
def test_different_names_stay_apart(a: str, b: str) -> None:
    assert translit_key(a) != translit_key(b)


def test_transliteration_rules_one_by_one() -> None:
    assert umlaut_digraphs("mueller") == "muller"
    assert consonant_graphemes("tschaikowski") == "Caikovski"
    assert consonant_graphemes("khodorkovsky") == "Codorkovsky"
    assert consonant_graphemes("zelensky") == "selensky"
    assert soft_c("marcel") == "marsel" and soft_c("carl") == "karl"
    assert glides("selenskyj") == "selenskii" and glides("meyer") == "meyer"
    assert vowel_runs("kiev") == "kiv" and vowel_runs("gorbaCev") == "gorbaCov"
    assert collapse_doubles("zelenskii") == "zelenski"


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Olaf Scholz", ("scholz",)),
        ("Prof. Dr. Karl Lauterbach", ("lauterbach",)),
        ("Xi Jinping", ("xi",)),
        ("Li Qiang", ("li",)),
        ("Moon Jae-in", ("moon",)),
        ("Kim Jong-un", ("kim",)),
        ("Kim Jong Un", ("kim",)),
        ("Shinzo Abe", ("abe",)),
        ("Abe Shinzo", ("abe", "shinzo")),  # ambiguous order: both
        ("Lee Anderson", ("lee", "anderson")),
        ("Ursula von der Leyen", ("von der leyen",)),
        ("Karl-Theodor zu Guttenberg", ("zu guttenberg", "guttenberg")),
        ("Annegret Kramp-Karrenbauer", ("kramp karrenbauer",)),
        ("Bashar al-Assad", ("al assad", "assad")),
        ("Martin Luther King Jr.", ("king",)),
        ("Al Gore", ("gore",)),
        ("Scholz", ("scholz",)),
        ("", ()),
    ],
)
def test_surname_candidates(name: str, expected: tuple[str, ...]) -> None:
    assert surname_candidates(name) == expected


def test_surname_only_and_pinyin() -> None:
    assert is_surname_only("Scholz") and is_surname_only("von der Leyen") and is_surname_only("Herr Scholz")
    assert not is_surname_only("Olaf Scholz") and not is_surname_only("Al Gore")
    assert is_pinyin("jinping") and is_pinyin("keqiang")
    assert not is_pinyin("anderson") and not is_pinyin("wilde")


# --- gazetteer -----------------------------------------------------------------------------


def test_data_files_have_a_header_with_the_licence() -> None:
    data = resources.files("onrecord.resolve").joinpath("data")
    for name in ("countries.tsv", "places.tsv", "organizations.tsv", "surnames_first.tsv"):
        head = data.joinpath(name).read_text("utf-8").splitlines()[:3]
        assert head[0].startswith("#") and any("Apache-2.0" in line for line in head), name


def test_gazetteer_covers_all_un_members() -> None:
    countries = [e for e in default_gazetteer() if e.type == "location" and e.canonical == "Germany"]
    assert countries and "Deutschland" in countries[0].aliases
    text = resources.files("onrecord.resolve").joinpath("data/countries.tsv").read_text("utf-8")
    assert len(parse_lines(text.splitlines(), "location")) == 193 + 4  # + Palestine, Vatican, Kosovo, Taiwan


@pytest.mark.parametrize(
    "names, canonical, type",
    [
        (["Peking", "Beijing"], "Beijing", "location"),
        (["Moskau", "Moscow", "Moskaus"], "Moscow", "location"),
        (["Kiew", "Kyjiw", "Kyiv", "Kiev"], "Kyiv", "location"),
        (["Deutschland", "Germany", "Deutschlands", "Bundesrepublik Deutschland"], "Germany", "location"),
        (["Vereinigte Staaten", "USA", "U.S.", "United States", "Amerika", "den Vereinigten Staaten", "den USA"],
         "United States", "location"),
        (["Großbritannien", "Vereinigtes Königreich", "UK", "Britain"], "United Kingdom", "location"),
        (["Südkorea", "South Korea", "Republik Korea"], "South Korea", "location"),
        (["Den Haag", "The Hague"], "The Hague", "location"),
        (["Köln", "Cologne"], "Cologne", "location"),
        (["EU", "Europäische Union", "der Europäischen Union", "European Union"], "European Union", "organization"),
        (["Nato", "NATO"], "NATO", "organization"),
        (["UN", "UNO", "Vereinte Nationen"], "United Nations", "organization"),
        (["IWF", "IMF"], "International Monetary Fund", "organization"),
        (["Weißes Haus", "White House", "des Weißen Hauses"], "White House", "organization"),
        (["Kreml", "des Kremls", "Kremlin"], "Kremlin", "organization"),
        (["Auswärtiges Amt", "German Foreign Office"], "German Foreign Office", "organization"),
    ],
)
def test_gazetteer_lookup(names: list[str], canonical: str, type: EntityType) -> None:
    g = default_gazetteer()
    for n in names:
        entry = g.lookup(n, type)
        assert entry is not None and entry.canonical == canonical and entry.type == type, n


def test_gazetteer_types_and_non_entities() -> None:
    g = default_gazetteer()
    assert g.lookup("Deutschland", "person") is None
    assert g.lookup("EU", "location") is None
    assert g.lookup("Hamas", "group") is not None  # a group is an organisation
    assert g.lookup("Moskau", "other") is not None
    assert g.lookup("deutsch") is None and g.lookup("German") is None and g.lookup("Russen") is None  # demonyms
    assert g.lookup("Olaf Scholz") is None and g.lookup("") is None


def test_gazetteer_rejects_an_alias_of_two_entries() -> None:
    lines = ["# test", "Georgia\tGeorgien", "Georgia (US state)\tGeorgien"]
    with pytest.raises(ValueError):
        Gazetteer(parse_lines(lines, "location"))
    Gazetteer([GazetteerEntry("Washington", "location"), GazetteerEntry("Washington", "organization")])


# --- index ---------------------------------------------------------------------------------


def test_canonical_id_is_deterministic_and_follows_the_gazetteer() -> None:
    a = canonical_id("Olaf Scholz", "person")
    assert a == canonical_id("olaf  scholz", "person") == canonical_id("Herr Olaf Scholz", "person")
    assert a.startswith("E") and len(a) == 17
    assert canonical_id("Peking", "location") == canonical_id("Beijing", "location")
    assert canonical_id("EU", "organization") == canonical_id("Europäische Union", "group")
    assert canonical_id("Olaf Scholz", "person") != canonical_id("Olaf Scholz", "organization")
    code = "from onrecord.resolve import canonical_id; print(canonical_id('Olaf Scholz', 'person'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == a


def test_exact_and_new() -> None:
    ix = EntityIndex()
    first = see(ix, "Olaf Scholz")
    assert first == Match(canonical_id("Olaf Scholz", "person"), "new", 1.0)
    again = ix.match("Dr. Olaf Scholz", "person")
    assert again.entity_id == first.entity_id and again.rule == "exact"
    assert ix.match("Olaf Schulz", "person").rule == "new"


def test_gazetteer_rule_unites_languages_whichever_comes_first() -> None:
    ix = EntityIndex()
    moskau = see(ix, "Moskau", "location")
    assert moskau.rule == "new"
    assert ix.match("Moscow", "location") == Match(moskau.entity_id, "gazetteer", 0.97)
    ix2 = EntityIndex()
    beijing = see(ix2, "Beijing", "location")
    assert ix2.match("Peking", "location").entity_id == beijing.entity_id
    assert beijing.entity_id == canonical_id("Peking", "location")
    eu = see(ix, "Europäische Union", "organization")
    assert ix.match("EU", "group").entity_id == eu.entity_id
    assert ix.match("EU", "location").rule == "new"  # not a place


def test_alias_rule_and_merge() -> None:
    ix = EntityIndex()
    a = see(ix, "Robert Habeck")
    b = see(ix, "Wirtschaftsminister Habeck")  # a mention the extractor failed to clean
    assert a.entity_id != b.entity_id
    result = ix.merge(a.entity_id, b.entity_id)
    assert "Wirtschaftsminister Habeck" in result.aliases and b.entity_id not in ix
    assert ix.match("Wirtschaftsminister Habeck", "person") == Match(a.entity_id, "alias", 0.97)


def test_split_takes_names_away() -> None:
    ix = EntityIndex()
    ix.add(Candidate("E1", "Thomas Müller", "person", ("Müller", "Thomas Müller (SPD)")))
    old, new = ix.split("E1", "Thomas Müller (SPD)")
    assert old.aliases == ("Müller",) and new.name == "Thomas Müller (SPD)" and new.entity_id != "E1"
    assert ix.match("Thomas Müller (SPD)", "person").entity_id == new.entity_id
    assert ix.match("Thomas Müller", "person").entity_id == "E1"
    cid = canonical_id("Thomas Müller", "person")
    ix.add(Candidate(cid, "Thomas Müller", "person"))
    _, twin = ix.split(cid, "Thomas Müller")  # the same name: a salted, still deterministic id
    assert twin.entity_id != cid and len({twin.entity_id, cid, "E1"}) == 3
    assert ix.split(cid, "Thomas Müller")[1].entity_id not in (twin.entity_id, cid)
    assert merged(Candidate("A", "x", "other"), Candidate("B", "y", "person")).type == "person"


def test_surname_rule_western_and_surname_first() -> None:
    ix = EntityIndex()
    scholz, xi, moon, vdl = (see(ix, n) for n in ("Olaf Scholz", "Xi Jinping", "Moon Jae-in", "Ursula von der Leyen"))
    assert ix.match("Scholz", "person") == Match(scholz.entity_id, "surname", 0.85)
    assert ix.match("Herr Scholz", "person").entity_id == scholz.entity_id
    assert ix.match("Xi", "person").entity_id == xi.entity_id
    assert ix.match("Moon", "person").entity_id == moon.entity_id
    assert ix.match("von der Leyen", "person").entity_id == vdl.entity_id
    for other in ("Olaf", "Jinping", "Jae-in", "Leyen"):
        assert ix.match(other, "person").rule == "new", other
    assert ix.match("Scholz", "organization").rule == "new"  # a person only for a person


def test_ambiguous_surname_does_not_match() -> None:
    ix = EntityIndex()
    see(ix, "Anna Müller")
    see(ix, "Peter Müller")
    m = ix.match("Müller", "person")
    assert m == Match(canonical_id("Müller", "person"), "new", 1.0)
    kim_un, kim_il = see(ix, "Kim Jong-un"), see(ix, "Kim Jong-il")
    assert kim_un.entity_id != kim_il.entity_id and kim_il.rule == "new"
    assert ix.match("Kim", "person").rule == "new"


def test_merkel_is_not_markel() -> None:
    ix = EntityIndex()
    merkel = see(ix, "Angela Merkel")
    assert ix.match("Markel", "person").rule == "new"
    assert ix.match("Merkel", "person").entity_id == merkel.entity_id


def test_genitive_is_tried_only_as_a_fallback() -> None:
    ix = EntityIndex()
    merkel = see(ix, "Angela Merkel")
    m = ix.match("Merkels", "person", "de")
    assert m.entity_id == merkel.entity_id and m.rule == "surname" and m.score < 0.85
    assert ix.match("Merkels", "person", "en").rule == "new"
    assert ix.match("Angela Merkels", "person").entity_id == merkel.entity_id
    klaus = see(ix, "Klaus")  # a name ending in s stays itself
    assert ix.match("Klaus", "person").entity_id == klaus.entity_id


def test_transliteration_rule() -> None:
    ix = EntityIndex()
    z = see(ix, "Volodymyr Zelensky")
    m = ix.match("Wolodymyr Selenskyj", "person")
    assert m.entity_id == z.entity_id and m.rule == "transliteration" and 0.6 < m.score < 0.9
    for bare in ("Selenskyj", "Zelenskyy", "Selenskij"):
        assert ix.match(bare, "person").entity_id == z.entity_id, bare
    assert ix.match("Wladimir Selenskyj", "person").rule == "new"  # another given name
    see(ix, "Oleksandr Zelensky")  # a namesake makes the bare surname ambiguous
    assert ix.match("Selenskyj", "person").rule == "new"
    charkiw = see(ix, "Charkiw", "location")
    assert ix.match("Kharkiv", "location").entity_id == charkiw.entity_id  # listed in the gazetteer
    cherkasy = see(ix, "Tscherkassy", "location")  # not listed: by transliteration
    m = ix.match("Cherkasy", "location")
    assert m.entity_id == cherkasy.entity_id and m.rule == "transliteration"


def test_type_compatibility() -> None:
    ix = EntityIndex()
    place = see(ix, "Washington", "location")
    person = ix.match("Washington", "person")
    assert person.rule == "new" and person.entity_id != place.entity_id
    hamas = see(ix, "Hamas", "organization")
    assert ix.match("Hamas", "group").entity_id == hamas.entity_id
    assert ix.match("Hamas", "other").entity_id == hamas.entity_id
    thing = see(ix, "Nord Stream", "other")
    assert ix.match("Nord Stream", "organization").entity_id == thing.entity_id
    assert ix.match("Nord Stream", "location").entity_id == thing.entity_id


def test_absorbed_by() -> None:
    ix = EntityIndex()
    scholz, moon, sel = see(ix, "Scholz"), see(ix, "Moon"), see(ix, "Selenskyj")
    full = ix.match("Olaf Scholz", "person")
    assert full.rule == "new" and full.entity_id != scholz.entity_id
    assert ix.absorbed_by("Olaf Scholz", "person") == [scholz.entity_id]
    assert ix.absorbed_by("Moon Jae-in", "person") == [moon.entity_id]
    assert ix.absorbed_by("Volodymyr Zelensky", "person") == [sel.entity_id]
    assert ix.absorbed_by("Scholz", "person") == [] and ix.absorbed_by("Olaf Scholz", "organization") == []
    see(ix, "Müller")
    see(ix, "Anna Müller")
    assert ix.absorbed_by("Anna Müller", "person") != []  # the only owner
    assert ix.absorbed_by("Peter Müller", "person") == []  # not the only owner


def test_ties_are_broken_by_entity_id() -> None:
    ix = EntityIndex()
    ix.add(Candidate("E2", "Thomas Müller", "person"))
    ix.add(Candidate("E1", "Thomas Müller", "person"))
    assert ix.match("Thomas Müller", "person") == Match("E1", "exact", 1.0)


def test_remove_then_rematch() -> None:
    ix = EntityIndex()
    scholz = see(ix, "Olaf Scholz")
    assert ix.match("Scholz", "person").rule == "surname"
    ix.remove(scholz.entity_id)
    ix.remove("unknown")
    assert len(ix) == 0 and ix.match("Scholz", "person").rule == "new"
    assert ix.match("Olaf Scholz", "person") == scholz  # new again, with the same id
    ix.add(Candidate(scholz.entity_id, "Olaf Scholz", "person"))
    ix.add(Candidate(scholz.entity_id, "Olaf Scholz", "person"))  # re-adding replaces
    assert len(ix) == 1 and ix.match("Scholz", "person").entity_id == scholz.entity_id


def test_many_entities() -> None:
    ix = EntityIndex()
    ix.add_all(Candidate(f"E{i:05d}", f"Anna Name{i}mann", "person") for i in range(20000))
    assert len(ix) == 20000
    assert ix.match("Name12345mann", "person") == Match("E12345", "surname", 0.85)


def test_display_name_is_the_gazetteer_canonical_name() -> None:
    from onrecord.resolve import display_name

    moscow = canonical_id("Moskau", "location")
    assert display_name(moscow, "Moskau", "location") == "Moscow"
    # a name not in the gazetteer, or an entity that is not the gazetteer entry, keeps its name
    assert display_name(canonical_id("Katrin Vogel", "person"), "Katrin Vogel", "person") == "Katrin Vogel"
    assert display_name("Eanother", "Moskau", "location") == "Moskau"


def test_country_names_come_from_the_gazetteers_one_loader() -> None:
    names = country_names()
    assert {"Denmark", "Dänemark", "Österreich", "Republik Österreich"} <= names
    assert "Wien" not in names and "Vienna" not in names  # a place, no country
    loaded = {e.canonical for e in default_gazetteer() if e.type == "location"}
    assert {e.canonical for e in file_entries("countries.tsv")} <= loaded


def test_club_role_countries_add_the_home_nations() -> None:
    from onrecord.lang.de.role_before import _countries

    assert {"Dänemark", "Schottland", "Wales"} <= _countries()
    assert "Salzburg" not in _countries()
