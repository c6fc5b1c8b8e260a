"""German lexicons, loaded once from the data files beside this module."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from onrecord import data_files


def data_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file beside this module (stripped)."""
    return data_files.data_lines("de", name)


@cache
def word_set(name: str) -> frozenset[str]:
    """The entries of a data file of one word a line beside this module, as a set (read once)."""
    return data_files.word_set("de", name)


@cache
def word_endings(name: str) -> tuple[str, ...]:
    """The entries of a data file of word endings beside this module, in file order, as a tuple
    for ``str.endswith`` (read once)."""
    return tuple(data_lines(name))


@cache
def words_and_endings(name: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The words of a data file beside this module and the compound endings it lists as
    ``-ending`` lines (read once)."""
    lines = data_lines(name)
    return frozenset(w for w in lines if not w.startswith("-")), tuple(w[1:] for w in lines if w.startswith("-"))


@dataclass(frozen=True)
class GermanLexicon:
    """Cue lemmas by class, Konjunktiv-II forms, speaker pronouns, group nouns, role nouns, title
    cues, source adverbs ("demnach"), prepositions and time words (the last two mark speaker
    candidates that are no noun phrase of a speaker), and the nouns that make "nach …" a source
    phrase ("nach Angaben der Polizei"), news outlets, documents and abstract nouns (which stand
    where a speaker stands but are none)."""

    cues: dict[str, str]
    konj2: frozenset[str]
    pronouns: dict[str, str]
    groups: frozenset[str]
    roles: frozenset[str]
    titles: frozenset[str]
    source_adverbs: frozenset[str]
    prepositions: frozenset[str]
    time_words: frozenset[str]
    source_nouns: tuple[str, ...]
    outlets: dict[str, str]  # outlet noun → gender (m/f/n/pl), or outlet name → "name"
    documents: frozenset[str]  # documents that "say" something (Aussendung, Bericht, Studie)
    abstract_nouns: frozenset[str]  # never a speaker (Meinung, Frage, Möglichkeit)
    non_names: dict[str, str]  # seasons ("time": no entity), directions ("place": a location)
    #: speech acts without a clause ("forderte …"): lemma → (words one of which must follow, words that rule it out)
    speech_acts: dict[str, tuple[frozenset[str], frozenset[str]]]
    speech_nouns: frozenset[str]  # nouns whose dass-clause is a statement ("der Vorwurf, dass")
    #: capitalised words that open a sentence and hardly stand capitalised inside one ("Der", "Im")
    sentence_openers: frozenset[str] = frozenset()
    #: names whose first two words are such an opener and a noun ("Die Presse", "Die Linke")
    article_names: frozenset[str] = frozenset()
    #: endings of institution nouns whose name goes on with "für" ("Institut für Höhere Studien")
    institution_heads: tuple[str, ...] = ()


@cache
def lexicon() -> GermanLexicon:
    """The German lexicon (cached)."""
    cues: dict[str, str] = {}
    for line in data_lines("cues.txt"):
        lemma, cls = line.split("\t")
        cues.setdefault(lemma, cls)
    pronouns = dict(line.split("\t") for line in data_lines("pronouns.txt"))
    return GermanLexicon(
        cues=cues,
        konj2=frozenset(data_lines("konj2.txt")),
        pronouns=pronouns,
        groups=frozenset(data_lines("groups.txt")),
        roles=frozenset(data_lines("roles.txt")),
        titles=frozenset(data_lines("titles.txt")),
        source_adverbs=frozenset(data_lines("source_adverbs.txt")),
        prepositions=frozenset(data_lines("prepositions.txt")),
        time_words=frozenset(data_lines("time_words.txt")),
        source_nouns=tuple(data_lines("source_nouns.txt")),
        outlets=dict(line.split("\t") for line in data_lines("outlets.txt")),
        documents=frozenset(data_lines("documents.txt")),
        abstract_nouns=frozenset(data_lines("abstract_nouns.txt")),
        non_names=dict(line.split("\t") for line in data_lines("non_names.txt")),
        speech_acts=_speech_acts(),
        speech_nouns=frozenset(data_lines("speech_nouns.txt")),
        sentence_openers=frozenset(data_lines("sentence_openers.txt")),
        article_names=frozenset(data_lines("article_names.txt")),
        institution_heads=tuple(data_lines("institution_heads.txt")),
    )


def _speech_acts() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """``data/speech_acts.txt``: lemma → (needed words, excluding words); a lemma may have several
    lines (alternative needs are joined)."""
    out: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    for line in data_lines("speech_acts.txt"):
        lemma, needs, nots = line.split("\t")
        need = frozenset() if needs == "-" else frozenset(needs.split("|"))
        not_ = frozenset() if nots == "-" else frozenset(nots.split("|"))
        old = out.get(lemma, (frozenset(), frozenset()))
        out[lemma] = (old[0] | need, old[1] | not_)
    return out


def time_word(low: str) -> bool:
    """Whether a lower-case word is a time word (data/time_words.txt) or a weekday written with a
    part of the day (data/day_parts.txt: "samstagabend", "montagnachmittag" — every part is tried,
    "nachmittag" as well as "mittag")."""
    words = lexicon().time_words
    if low in words:
        return True
    return any(low.endswith(part) and low[: -len(part)] in words for part in word_endings("day_parts.txt"))
