"""Shared parts of the English attribution rules: the :class:`Attribution` record, the word
classes the rules share, and small tests on tokens and quotations.

Part of :mod:`onrecord.lang.en.attribution` (which describes the rules and re-exports the public names).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Token

from onrecord.lang.en.lexicon import Lexicon
from onrecord.lang.en.quotemarks import QuoteSpan
from onrecord.model import QuoteKind, Span

LemmaFn = Callable[[Token], str]
QUOTE_STRIP = "\"“”‘’'`"

SUBJECT_DEPS = ("nsubj", "csubj")
INHERIT_DEPS = ("conj", "xcomp", "advcl", "acl", "pcomp", "relcl_none")
CLAUSE_DEPS = ("ccomp",)
OBJECT_DEPS = ("dobj", "xcomp", "oprd", "attr")
OBJECT_PREPS = ("for", "on", "against", "about", "of", "to", "as", "over")
ADDRESSEE_LEMMAS = ("tell", "ask", "inform", "remind", "assure", "urge", "warn", "thank")
#: speech verbs whose object is not what was said ("added a line", "posted a video")
NO_OBJECT_LEMMAS = frozenset({"add", "continue", "maintain", "post", "write", "tell", "inform", "assure"})
#: verbs that report only a clause or a quotation, never an object ("continued to rise", "found himself")
CLAUSE_ONLY_LEMMAS = frozenset({"continue", "find", "assume", "figure", "presume", "suppose", "guess", "know"})
#: verbs whose content may be an indirect question ("asked whether …", "asked Trump if …")
QUESTION_LEMMAS = frozenset({"ask", "wonder", "question", "inquire"})
QUESTION_MARKS = ("that", "if", "whether")
#: verbs of speaking whose "to" phrase is the addressee ("spoke to reporters")
ADDRESSEE_TO = frozenset({"speak", "talk", "say", "add", "write", "tweet", "post", "explain", "complain",
                          "tell", "announce", "mention", "report", "describe", "confide", "admit"})
DETERMINERS = ("the", "a", "an", "this", "that", "these", "those")
SPEAKER_POS = ("PROPN", "NOUN", "PRON", "NUM")
NEVER_SOURCES = ("there", "what", "anyone", "anybody")
NOT_SOURCES = ("it", "there", "this", "that", "what", "which", "i", "we", "you", "me", "us")


@dataclass
class Attribution:
    """One attribution found by a rule (character spans into the doc text)."""

    content: list[Span]
    cue: list[Span]
    source: Span | None
    source_token: int | None
    kind: QuoteKind
    confidence: float
    rule: str
    extra: dict[str, object] = field(default_factory=dict)


def sent_start(tok: Token) -> int:
    """The index of the first non-space token of the token's sentence."""
    return next((t.i for t in tok.sent if not t.is_space), tok.sent.start)


#: a quotation of at most this many words may be a name or a term ("“Hope”", "“online tools”")
SHORT_QUOTE_WORDS = 3


def _only_punct(gap: str) -> bool:
    """Whether a stretch holds nothing but spaces and punctuation (and is short)."""
    return len(gap) <= 3 and all(not ch.isalnum() for ch in gap)


#: marks that end a sentence: a quotation before one and a clause after it do not touch
SENTENCE_ENDS = frozenset(".!?")


def _adjoins(gap: str) -> bool:
    """Whether a quotation and an attribution clause touch across ``gap``: only punctuation, on
    one line, and no sentence end between them ("“Why?” Vitter demanded", not "… “deeply
    unattractive”. Councillors rejected the plan.")."""
    return _only_punct(gap) and "\n" not in gap and not SENTENCE_ENDS & set(gap)


HUMAN_PRONOUNS = frozenset({"he", "she", "they", "who"})


def human_subject(tok: Token, lex: Lexicon) -> bool:
    """A subject that names a person, an organisation or a group of people."""
    if tok.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    low = tok.lower_
    return low in HUMAN_PRONOUNS or low in lex.group_nouns or low in lex.person_nouns


#: who listens: "remarks for attendees", "told reporters"
AUDIENCE_NOUNS = frozenset({"attendees", "visitors", "reporters", "journalists", "audience", "audiences", "guests",
                            "readers", "viewers", "listeners", "crowd", "crowds", "fans", "students", "press",
                            "media", "congregation", "parishioners", "graduates", "troops"})


def speech_participle(tok: Token, noun: Token, lex: Lexicon, lemma: LemmaFn) -> bool:
    """A present participle after a noun that says what the noun says: a participle clause
    (``acl``, ``VBG``) right of the noun whose verb is a speech cue of ``data/cues.txt`` ("a
    statement saying …", "a letter claiming …"; not "a plan costing …", nor "a letter calling
    for …": "call" reports, it is no speech verb)."""
    return tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.i > noun.i and "speech" in lex.cue_classes(lemma(tok))


def comma_participle(verb: Token) -> bool:
    """A present participle set off by a comma (", insisting that …", ", adding that …"): the
    parser hangs it on the verb before it as an adverbial clause, but it is a report of its own."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ","


def _quote_words(text: str, q: QuoteSpan) -> int:
    """The number of words inside a quotation's marks."""
    return len(q.inner(text).split())
