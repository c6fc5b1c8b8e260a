"""Words and lexicon of the stance stage (:mod:`onrecord.extraction.stance`).

A :class:`StanceLexicon` holds a language's word lists (loaded by :func:`load_lexicon` from the
data files under ``onrecord/lang/<lang>/data/``); :func:`words_in` and :func:`sentence_starts`
cut a text into the :class:`Word` objects and sentences the rules compare; :func:`_is_head` and
:func:`_is_document` tell role, group and document nouns, inflected or not. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import get_args

from onrecord.data_files import data_lines
from onrecord.errors import ModelError
from onrecord.model import Stance

__all__ = [
    "ADJECTIVE_ENDINGS",
    "WORD_CLASSES",
    "LemmaFn",
    "StanceLexicon",
    "Word",
    "load_lexicon",
    "sentence_starts",
    "words_in",
]


LemmaFn = Callable[[str], str]


def _title_pattern(languages: Iterable[str]) -> str:
    """A regex of a title written short before a name, with its period ("Mr.", "Prof."), not
    inside a word or after another period: the titles of ``data/title_abbreviations.txt`` of each
    language, in file order, each once."""
    titles = dict.fromkeys(t for lang in languages for t in data_lines(lang, "title_abbreviations.txt"))
    return r"(?<![\w.])(?:" + "|".join(re.escape(t) for t in titles) + r")\."


#: a title written short before a name ("Mr. Trump", "Sen. Cruz", "Dr. Weber", "Prof. Berger"):
#: its period ends no sentence nor clause (both lists in both languages: a German article may
#: quote "Sen. Cruz"; "Jr." and "No." can end a sentence)
_TITLE = _title_pattern(("en", "de"))
#: letters with periods ("U.S.", "U.N.", "a.m.", "z.B."): one word, its last period no clause mark
_INITIALS = r"(?<![\w.])(?:[^\W\d_]\.){2,}"
#: a title or initials (above), a number with inner separators ("600.000", "0,5", "14:30": one
#: word, so that its "." or "," is never taken for a clause mark), a word (with inner
#: hyphens/apostrophes), English "n't" split off, a clitic written apart from its word ("I 'll",
#: tokenised text), or one punctuation mark
_WORD = re.compile(rf"{_TITLE}|{_INITIALS}|\d+(?:[.,:]\d+)+|\w+(?:[-'’]\w+)*|['’](?:ll|re|ve)\b|[^\w\s]")
_TITLE_AT_END = re.compile(_TITLE + "$")
_INITIALS_AT_END = re.compile(_INITIALS + "$")
_NEXT_WORD = re.compile(r"\s+(\w)")
_CLITICS = ("n't", "n’t", "'ll", "’ll")
#: a sentence ends at ., ! or ? (and closing quote marks) before white space, or at a line break
_SENT_END = re.compile(r"[.!?…][\"“”»«’')]*\s+|\n+")
_CLAUSE_END = frozenset({",", ";", ":", ".", "!", "?"})
_QUOTE_MARKS = frozenset("\"“”„»«‘’‚‹›'")
_SENT_START = _QUOTE_MARKS | {".", "!", "?", ":", "(", "–", "-"}
#: dashes that, standing alone, end a clause ("werde … belassen – und …")
_DASHES = frozenset({"–", "—", "-"})


#: the word classes of ``stance_words.txt``
WORD_CLASSES = (
    "hedge", "konj2", "future", "future_infinitive", "backshift", "claim", "denial", "demand",
    "negation", "refusal", "rejection", "refused_speech", "idiom",
    "question", "infinitive_first", "infinitive_last", "first_person", "determiner",
    "neutral_direct", "coordinator", "claim_frame", "belief", "reportative", "perfect_auxiliary", "subordinator",
    "subject", "fear", "document", "issuer", "own",
    "conditional", "named_group", "indefinite", "definite", "pronoun", "third_person", "non_name",
    "relative", "preposition", "not_hedge", "not_demand", "auxiliary", "generic", "interrogative",
    "do_support", "source_preposition", "imperative", "demonstrative",
    "confidence", "copula", "not_future", "institution", "article", "abstract", "complementizer", "fused_article",
    "genitive_preposition",
    "not_knowing", "infinitive_marker", "finite_auxiliary", "clause_object", "zero_complement",
    "future_demand", "modal_infinitive", "request", "hedge_aside", "cited_document", "introductory", "impersonal",
    "referring_adverb", "interjection", "indefinite_pronoun", "contact_adverb",
    "source_opening", "source_closing", "currency", "person_place", "np_opener", "finite_copula",
    "question_frame", "denial_frame", "claim_modal", "accusation", "postposition", "title_small",
    "possibility_modal", "effect_verb", "fear_object", "reflexive",
    "perfect_modal", "counterfactual_auxiliary", "participle", "participle_ending", "proposing",
    "passive_auxiliary", "future_forced", "endurance",
    "modal_noun_marker", "counterfactual_have", "poll_share",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Word:
    """One word of the text with its character offsets (and its lower-case form)."""

    text: str
    start: int
    end: int
    lower: str


@dataclass(frozen=True)
class StanceLexicon:
    """A language's word lists for stance and anonymity (lower case).

    ``words`` maps each class of :data:`WORD_CLASSES` to its forms; a form of several words
    ("stimmt nicht", "not rule out") matches consecutive words.
    """

    cues: dict[str, tuple[Stance, Stance | None]]  # cue lemma → stance, stance with an infinitive
    particle_cues: dict[tuple[str, str], tuple[Stance, Stance | None]]  # (verb lemma, particle) → …
    words: dict[str, frozenset[str]]
    anonymous: tuple[re.Pattern[str], ...]  # explicit withholding ("on condition of anonymity")
    unnamed_heads: frozenset[str]  # nouns naming a role or a group without a name
    unnamed_suffixes: tuple[str, ...] = ()  # compound heads ("Ministeriumssprecher")
    #: a concealed source ("sources", "aus Kreisen"): anonymous unless the speaker is named by name
    concealed: tuple[re.Pattern[str], ...] = ()
    case_marks_names: bool = False  # only names are upper case inside a sentence (English, not German)
    #: the future of reported speech is backshifted only under a past cue ("said he would", not
    #: "says the system would allow": a conditional there; English, not German)
    backshift_needs_past: bool = False
    #: "17. November", "2. Liga": a period right after a number of one or two digits marks an
    #: ordinal, not the end of a sentence or clause (German, not English: "… in 1999. The")
    ordinal_period: bool = False
    #: a complement clause puts its verb last ("…, dass die Betriebe Aufträge erwarten"; German,
    #: not English): the verb that ends the clause is the content's own verb
    verb_final_complement: bool = False

    def of(self, cls: str) -> frozenset[str]:
        return self.words.get(cls, frozenset())

    @cached_property
    def anonymous_any(self) -> re.Pattern[str]:
        """All anonymity patterns, withholding and concealed sources, as one (one pass over a text)."""
        return re.compile("|".join(f"(?:{p.pattern})" for p in (*self.anonymous, *self.concealed)), re.IGNORECASE)

    @cached_property
    def withheld_any(self) -> re.Pattern[str]:
        """The patterns of explicit withholding only ("on condition of anonymity"), as one."""
        return re.compile("|".join(f"(?:{p.pattern})" for p in self.anonymous), re.IGNORECASE)

    @cached_property
    def future_forms_reported(self) -> frozenset[str]:
        """Future markers of reported speech that need no infinitive, backshifted ones included."""
        return self.of("future") | self.of("backshift")

    @cached_property
    def auxiliaries(self) -> frozenset[str]:
        """Modal, future and negation words: after a subject they stand between it and any stance verb."""
        names = ("future", "future_infinitive", "backshift", "konj2", "hedge", "demand", "reportative", "negation")
        return frozenset().union(*(self.of(n) for n in names))

    @cached_property
    def modals(self) -> frozenset[str]:
        """Modal and future words: hedges, futures, Konjunktiv II and demands ("might", "will", "müsste")."""
        return self.of("hedge") | self.of("future") | self.of("konj2") | self.of("demand")

    def particle_cue(self, lemma: str, particles: Iterable[str]) -> tuple[Stance, Stance | None] | None:
        """The entry of a verb lemma with the first of ``particles`` (lower case) that makes a
        stance cue with it ("gehen" + "aus", "call" + "for"), or None; a neutral entry (asserted)
        wins over the others: its particle makes another verb ("sieht in Phase 1 vor": vorsehen)."""
        entries = [e for p in particles if (e := self.particle_cues.get((lemma, p))) is not None]
        return next((e for e in entries if e[0] == "asserted"), entries[0] if entries else None)

    @cached_property
    def cue_lemmas(self) -> frozenset[str]:
        """Every verb lemma that names a stance (with or without a particle)."""
        return frozenset(self.cues) | frozenset(v for v, _ in self.particle_cues)


def words_in(text: str, begin: int, end: int) -> list[Word]:
    """The words of ``text[begin:end]`` with offsets into ``text``."""
    found: list[Word] = []
    for m in _WORD.finditer(text, begin, end):
        word, start, end_ = m.group(), m.start(), m.end()
        low = word.lower()
        if len(low) > 3 and low.endswith(_CLITICS):  # "didn't" → "did" "n't", "we'll" → "we" "'ll"
            found.append(Word(word[:-3], start, end_ - 3, low[:-3]))
            found.append(Word(word[-3:], end_ - 3, end_, low[-3:].replace("’", "'")))
        else:
            found.append(Word(word, start, end_, low.replace("’", "'") if low[:1] == "’" else low))
    return found


def sentence_starts(text: str) -> list[int]:
    """Offsets at which sentences begin (0 first); the period of a title ("Mr. Trump") or of
    initials before a lower-case word ("the U.S. economy") begins none."""
    return [0, *(m.end() for m in _SENT_END.finditer(text) if not _abbreviation_period(text, m.start()))]


def _abbreviation_period(text: str, at: int) -> bool:
    """Whether the "." at ``at`` ends no sentence: it closes a title ("Mr. Trump"), or initials
    before a lower-case word ("the U.S. economy"; before a capital, "in the U.S. The …", it may)."""
    head = text[max(0, at - 12) : at + 1]
    if _TITLE_AT_END.search(head):
        return True
    following = _NEXT_WORD.match(text, at + 1)
    return bool(_INITIALS_AT_END.search(head)) and following is not None and following.group(1).islower()


def _inflected(low: str, lex: StanceLexicon) -> tuple[str, ...]:
    """``low`` and its forms without a case or plural ending (German "kritikern" → kritiker,
    "bürgermeisters" → bürgermeister; English only the plural "reports" → report)."""
    forms = [low]
    for ending in ("s",) if lex.case_marks_names else ("n", "s", "en", "es"):
        if low.endswith(ending) and len(low) - len(ending) >= 4:
            forms.append(low[: -len(ending)])
    return tuple(forms)


def _is_head(low: str, lex: StanceLexicon) -> bool:
    """A role or group noun, inflected or not ("Kritikern", "Bürgermeisters")."""
    return any(
        form in lex.unnamed_heads or (len(form) > 6 and form.endswith(lex.unnamed_suffixes))
        for form in _inflected(low, lex)
    )


def _is_document(low: str, lex: StanceLexicon) -> bool:
    """A noun of a document or a source of information ("Angaben", "Bericht", "Umfragen", "polls",
    "estimates"), inflected or not, also as the head of a hyphenated compound ("EU-Dokument")."""
    return any(form in lex.of("document") for form in _inflected(low.rsplit("-", 1)[-1], lex))


#: endings of German attributive adjectives ("eine große Bank"); the German rules
#: (:mod:`onrecord.lang.de.rules_phrases`, :mod:`onrecord.lang.de.rules_opening`,
#: :func:`onrecord.lang.de.speaker_rules.field_end`) use them too
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


def _as_stance(value: str) -> Stance:
    if value not in get_args(Stance):
        raise ValueError(f"not a stance: {value!r}")
    return value  # type: ignore[return-value]


def load_lexicon(
    lines: Callable[[str], list[str]], extra_heads: Iterable[str] = (), case_marks_names: bool = False
) -> StanceLexicon:
    """A :class:`StanceLexicon` from a language's data files (``lines(name)`` gives a file's
    non-empty, non-comment lines):

    - ``stance_cues.txt``: ``LEMMA[ PARTICLE]<TAB>STANCE[|STANCE WITH AN INFINITIVE]``;
    - ``stance_words.txt``: ``FORM<TAB>CLASS`` (classes: :data:`WORD_CLASSES`);
    - ``anonymous.txt``: one regular expression a line (case-insensitive) of explicit withholding;
    - ``concealed.txt``: the same, of a concealed source ("sources", "aus Kreisen");
    - ``unnamed.txt``: role and group nouns, ``-suffix`` for compound heads.

    ``extra_heads`` adds the language's own role and group nouns; ``case_marks_names`` says that
    inside a sentence only names are upper case (English)."""
    cues: dict[str, tuple[Stance, Stance | None]] = {}
    particles: dict[tuple[str, str], tuple[Stance, Stance | None]] = {}
    for line in lines("stance_cues.txt"):
        head, cls = line.split("\t")
        plain, _, inf = cls.strip().partition("|")
        entry = (_as_stance(plain), _as_stance(inf) if inf else None)
        parts = head.strip().lower().split()
        if len(parts) == 2:
            particles[(parts[0], parts[1])] = entry
        else:
            cues[parts[0]] = entry
    classes: dict[str, set[str]] = {}
    for line in lines("stance_words.txt"):
        form, cls = line.split("\t")
        if cls.strip() not in WORD_CLASSES:
            raise ModelError(f"stance_words.txt: {form!r} has an unknown class {cls.strip()!r}")
        classes.setdefault(cls.strip(), set()).add(" ".join(form.lower().split()))
    heads = [w.strip() for w in lines("unnamed.txt")]
    plain_heads = [h for h in heads if not h.startswith("-")] + sorted(extra_heads)
    return StanceLexicon(
        cues=cues,
        particle_cues=particles,
        words={k: frozenset(v) for k, v in sorted(classes.items())},
        anonymous=tuple(re.compile(p, re.IGNORECASE) for p in lines("anonymous.txt")),
        concealed=tuple(re.compile(p, re.IGNORECASE) for p in lines("concealed.txt")),
        unnamed_heads=frozenset(h.lower() for h in plain_heads),
        unnamed_suffixes=tuple(sorted(h[1:].lower() for h in heads if h.startswith("-"))),
        case_marks_names=case_marks_names,
    )
