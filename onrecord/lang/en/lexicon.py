"""The English word lists, read once from ``onrecord/lang/en/data/*.txt``.

Needs: nothing. Adds: a :class:`Lexicon` with cue lemmas and their classes, group and person
nouns, first-name gender hints, given names of many languages and honorifics. Lines starting with ``#`` are comments.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from onrecord import data_files


def data_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file."""
    return data_files.data_lines("en", name)


@cache
def word_set(name: str) -> frozenset[str]:
    """The entries of a data file of one word a line, as a set (read once)."""
    return data_files.word_set("en", name)


NOUN_CLASS = frozenset({"noun"})


@dataclass(frozen=True)
class Lexicon:
    """Word lists the English rules consult."""

    cues: dict[str, frozenset[str]]
    group_nouns: frozenset[str]
    person_nouns: frozenset[str]
    female: frozenset[str]
    male: frozenset[str]
    honorifics: frozenset[str]
    #: every known given name: the gendered lists plus names from other languages ("olaf")
    given: frozenset[str] = frozenset()
    #: adjectives of an attitude that report a clause ("are confident that …")
    attitude_adjectives: frozenset[str] = frozenset()

    def cue_classes(self, lemma: str) -> frozenset[str]:
        """Classes of a cue verb lemma (empty when it is no cue verb)."""
        return self.cues.get(lemma, frozenset()) - NOUN_CLASS

    def is_cue_noun(self, word: str) -> bool:
        """Whether a noun form is a speech or attitude noun ("remark", "call")."""
        return "noun" in self.cues.get(word, frozenset())


@cache
def load_lexicon() -> Lexicon:
    """Read every data file once per process."""
    cues: dict[str, set[str]] = {}
    for line in data_lines("cues.txt"):
        lemma, _, cls = line.partition(" ")
        cues.setdefault(lemma, set()).add(cls.strip() or "speech")
    female = frozenset(w.lower() for w in [*data_lines("female_names.txt"), *data_lines("census_female_names.txt")])
    male = frozenset(w.lower() for w in [*data_lines("male_names.txt"), *data_lines("census_male_names.txt")])
    return Lexicon(
        cues={k: frozenset(v) for k, v in cues.items()},
        group_nouns=frozenset(w.lower() for w in data_lines("group_nouns.txt")),
        person_nouns=frozenset(w.lower() for w in data_lines("person_nouns.txt")),
        female=female,
        male=male,
        honorifics=frozenset(w.lower() for w in data_lines("honorifics.txt")),
        given=female | male | frozenset(data_lines("intl_given_names.txt")),
        attitude_adjectives=frozenset(w.lower() for w in data_lines("attitude_adjectives.txt")),
    )
