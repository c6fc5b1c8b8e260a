"""A place or organisation of the resolution gazetteer that the name tagger missed inside a
quote's words is a mention for ``about`` (ABOUT-GUIDELINES, 1): of the article's entity with the
same gazetteer names, else of a new entity. Not inside a hyphenated compound, not a common noun
("Bahn"), not under another mention or the speaker. Sentences written for these tests; each
failed before the rule (no entity, so no ``about``)."""

from __future__ import annotations

import re
from functools import cache, partial

from onrecord.extraction.known_names import _matches, add_known_names
from onrecord.lang.de.common_words import CommonWords
from onrecord.lang.de.ner import COMMON_WORDS_FILE
from onrecord.lang.de.stance import declined_noun
from onrecord.lang.de.train import MODEL_DIR
from onrecord.model import Entity, Mention, Quote
from onrecord.resolve.gazetteer import default_gazetteer


@cache
def _words() -> CommonWords:
    return CommonWords.load(MODEL_DIR / COMMON_WORDS_FILE)


def _quote(text: str, words: str, speaker: str) -> Quote:
    b, s = text.index(words), text.index(speaker)
    return Quote(
        id="q1",
        kind="indirect",
        text=words,
        spans=[(b, b + len(words))],
        speaker=Mention(text=speaker, spans=[(s, s + len(speaker))]),
        confidence=0.9,
    )


def _added(text: str, words: str, speaker: str, entities: list[Entity], german: bool = True) -> dict[str, list[str]]:
    common = partial(declined_noun, _words()) if german else None
    out = add_known_names(text, [_quote(text, words, speaker)], entities, common)
    return {e.name: [text[b:e2] for b, e2 in e.mentions] for e in out}


def test_a_missed_country_becomes_an_entity() -> None:
    text = "Der Minister sagte, unter den Verletzten seien zwei Ärzte aus Moldau gewesen."
    got = _added(text, "unter den Verletzten seien zwei Ärzte aus Moldau gewesen", "Der Minister", [])
    assert got == {"Moldau": ["Moldau"]}


def test_a_missed_chamber_after_an_article() -> None:
    text = "Die Vorsitzende kündigte an, die Partei werde den Bundesrat anrufen."
    got = _added(text, "die Partei werde den Bundesrat anrufen", "Die Vorsitzende", [])
    assert got == {"Bundesrat": ["Bundesrat"]}


def test_a_missed_name_joins_the_entity_with_the_same_gazetteer_names() -> None:
    text = "Mexiko protestiert. Der Botschafter sagte, Mexico werde nicht zahlen."
    mexiko = Entity(id="e1", name="Mexiko", type="location", mentions=[(0, 6)])
    got = _added(text, "Mexico werde nicht zahlen", "Der Botschafter", [mexiko])
    assert got == {"Mexiko": ["Mexiko", "Mexico"]}


def test_a_name_in_capitals() -> None:
    text = 'He wore a cap that says "MAKE MEXICO GREAT AGAIN", a reporter wrote.'
    got = _added(text, '"MAKE MEXICO GREAT AGAIN"', "a reporter", [], german=False)
    assert got == {"MEXICO": ["MEXICO"]}


def test_no_name_inside_a_compound_nor_a_common_noun_nor_under_a_mention() -> None:
    text = "Der Sprecher sagte, die Bahn zahle 80 Millionen US-Dollar an die Deutsche Bundesbank."
    bank = Entity(
        id="e1", name="Deutsche Bundesbank", type="organization", mentions=[(text.index("Deutsche"), len(text) - 1)]
    )
    got = _added(text, "die Bahn zahle 80 Millionen US-Dollar an die Deutsche Bundesbank", "Der Sprecher", [bank])
    assert got == {"Deutsche Bundesbank": ["Deutsche Bundesbank"]}


def test_no_name_outside_the_quote_nor_in_the_speaker() -> None:
    text = "Das Weiße Haus in Washington teilte mit, die Gespräche gingen weiter."
    got = _added(text, "die Gespräche gingen weiter", "Das Weiße Haus in Washington", [], german=True)
    assert got == {}


def test_the_alias_scan_finds_what_one_longest_first_alternation_finds() -> None:
    """The scan looks aliases up by their first three characters (speed); inside any range of the
    text it must find what a single regular expression of all aliases, longest first, finds: the
    same alias, or the shorter one where the end test rejects the longer (each alias as it stands,
    glued to a word, in a compound, before a dot, cut by the range's edges)."""
    aliases: set[str] = set()
    for entry in default_gazetteer():
        for name in entry.names:
            if len(name) >= 3 and name[:1].isupper():
                aliases.add(name)
                if len(name) >= 4 and name[1:2].islower():
                    aliases.add(name.upper())
    ordered = sorted(aliases, key=lambda f: (-len(f), f))
    reference = re.compile(r"(?<![\w\-/.])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w\-/]|\.\w)")
    pieces = [f"{a} sagt, {a}-Leute, {a}s Plan, {a}.de und ({a}). {a[:-1]} {a} {a}" for a in ordered[::5]]
    text = " Die Rede war kurz; ".join(pieces)
    ranges = [(0, len(text)), *((b, b + 61) for b in range(0, len(text), 97)), *((b, b + 5) for b in range(3, 4000, 7))]
    for begin, end in ranges:
        want = [(m.start(), m.end()) for m in reference.finditer(text, begin, end)]
        assert list(_matches(text, begin, end)) == want, (begin, end)
    assert [(m.start(), m.end()) for m in reference.finditer(text)]
