"""Senses of English cue verbs in which their object is no statement (cross-genre guidelines A4).

A cue verb with a noun-phrase or infinitive object reports a statement in most uses ("confirmed
the report", "saw the remark as a dig"), but not in these:

* cue class ``as-only`` (see, view, regard): an object is a view only with an ``as`` phrase
  ("saw the program as a threat"); otherwise seeing is experiencing ("have seen their incomes
  rise", "who see incomes rising": a non-finite clause). A finite clause still is a view ("sees
  that …", "saw they were wrong").
* cue class ``person-none`` (confirm): a person as the whole object is who was confirmed in an
  office, not what was said ("the Senate confirmed a judge", "confirming judges").
* cue class ``tally-none`` (claim): a count of votes, seats or lives, or a prize, as the whole
  object is won or taken ("claiming 41 percent of the vote", "the storm claimed six lives",
  "claimed the title"); words in ``data/tally_nouns.txt``.
* a particle or preposition that gives the verb another sense ("weigh him down", "weighs on
  investors", "called off the strike"): words in ``data/cue_particles_none.txt``.
* ``declined to comment``, ``refused to elaborate``: refusing to speak, with nothing said (an
  infinitive speech verb without an object or a clause of its own); an object or an infinitive
  of a refusal is never a statement either ("declined a question about …", "declined to
  speculate on a backup plan", "refused to say whether …": guidelines, "wouldn't say when …"),
  nor is a speech verb in its infinitive (:func:`refused_speech`); a clause still is, and so is
  a refused act ("declined to sign the bill", reported as before).
* an imperative that opens a sentence ("Call it a fetish."): the writer's own words.
* a question put by no one named ("Asked if he was ever bullied, …", "When asked why …"): an
  interview question, not a statement (guidelines A4); a named asker's question stays, and so
  does a question quoted word for word ("X was asked, “Would you …?”").
* content that is nothing but links, handles, markup and a date (the signature of an embedded
  post: "https://t.co/… — Ann Roe (@annroe) June 28, 2016</tweet>").
* a speech noun whose only content is a name, a pronoun or a date after its preposition ("his
  attacks on Mr. Roe", "her criticisms of him", "his view of NATO", "remarks on Saturday"): whom
  or when it was about, not what was said.

Part of :mod:`onrecord.lang.en.attribution`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from spacy.tokens import Token

from onrecord.lang.en.attribution_base import Attribution
from onrecord.lang.en.attribution_content import _infinitive
from onrecord.lang.en.lexicon import Lexicon, data_lines, load_lexicon, word_set

#: verbs that refuse what their infinitive names ("declined to comment")
REFUSAL_LEMMAS = frozenset({"decline", "refuse"})


def refused_speech(verb: Token, lemma_of: Callable[[Token], str] | None = None) -> bool:
    """A speech verb in the infinitive of a refusal ("declined to comment on the suit", "refused to
    say whether …"): nothing was said."""
    if verb.dep_ != "xcomp":
        return False
    head = verb.head
    return (lemma_of(head) if lemma_of is not None else head.lemma_) in REFUSAL_LEMMAS


def _has_as(verb: Token, comps: list[Token]) -> bool:
    """An ``as`` phrase on the verb or on one of its objects ("saw it as", "saw the remark as")."""
    heads = [verb, *comps]
    return any(c.dep_ == "prep" and c.lower_ == "as" for h in heads for c in h.children) \
        or any(c.dep_ == "oprd" for c in verb.children)


def _person(tok: Token, lex: Lexicon) -> bool:
    """A person named or described: a name, a pronoun, or a person noun ("a judge", "68 nominees",
    "a judge that Republicans like": a relative clause still describes the person)."""
    if any(c.dep_ in ("acl", "ccomp") for c in tok.children):
        return False
    return tok.ent_type_ == "PERSON" or tok.lower_ in ("him", "her", "them") \
        or tok.pos_ in ("NOUN", "PROPN") and _person_noun(tok.lower_, lex)


def _person_noun(low: str, lex: Lexicon) -> bool:
    """A person noun of the lexicon, or its plural in ``-s`` ("judge", "nominees")."""
    return low in lex.person_nouns or (low[:-1] if low.endswith("s") else low) in lex.person_nouns


@cache
def _particles_none() -> frozenset[tuple[str, str]]:
    pairs = (line.split() for line in data_lines("cue_particles_none.txt"))
    return frozenset((p[0], p[1]) for p in pairs if len(p) == 2)


def particle_sense(verb: Token, lemma: str) -> bool:
    """Whether a cue verb's particle, or a preposition right after it, makes it no cue ("weigh
    him down", "weighs on investors", "called off the strike"; ``data/cue_particles_none.txt``)."""
    none = _particles_none()
    return any((lemma, c.lower_) in none for c in verb.children
               if c.dep_ == "prt" or c.dep_ == "prep" and c.i == verb.i + 1)


def _tally(tok: Token) -> bool:
    """A count of votes, seats or lives, or a prize, as an object ("41 percent of the vote", "two
    seats", "six lives", "the title"): what a ``tally-none`` cue wins or takes, not what was said."""
    if tok.dep_ not in ("dobj", "pobj") or any(c.dep_ in ("relcl", "acl", "ccomp") for c in tok.children):
        return False
    return tok.lower_ in word_set("tally_nouns.txt") or tok.like_num or tok.text == "%"


def _refused_speech_or_thing(tok: Token, lex: Lexicon) -> bool:
    """What a refusal refuses when nothing was said: an infinitive speech or thinking verb, with
    or without its own object ("to comment", "to elaborate on his plans", "to say whether …"), or
    a thing ("declined a question about …", "declined comment"); not an act ("to sign the bill")."""
    if tok.dep_ == "dobj" and tok.pos_ in ("NOUN", "PROPN", "PRON"):
        return True
    return tok.pos_ == "VERB" and _infinitive(tok) and bool(lex.cue_classes(tok.lower_) & {"speech", "belief"})


def _imperative(verb: Token, subject: Token | None) -> bool:
    """A bare verb opening its sentence without a subject ("Call it a fetish.")."""
    if subject is not None or verb.tag_ != "VB" or verb.dep_ != "ROOT":
        return False
    first = next((t for t in verb.sent if not (t.is_punct or t.is_space)), None)
    return first is not None and first.i == verb.i


#: tags of a finite verb or auxiliary: "sees that incomes rise", "saw they were wrong"
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _finite(clause: Token) -> bool:
    """A finite clause or one opened by a complementiser ("incomes rising", "the rate fall" are not)."""
    return clause.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass", "mark") and (c.tag_ in FINITE_TAGS
                                                                                     or c.dep_ == "mark")
                                             for c in clause.children)


def clause_is_no_statement(classes: frozenset[str], comps: list[Token]) -> bool:
    """Whether the clause content of a cue verb is no statement: a non-finite clause after a verb of
    seeing ("have seen their jobless rate fall", "who see incomes rising") is experience."""
    return "as-only" in classes and bool(comps) and not any(_finite(c) for c in comps)


def object_is_no_statement(verb: Token, lemma: str, classes: frozenset[str], comps: list[Token],
                           subject: Token | None, lex: Lexicon) -> bool:
    """Whether the object content of a cue verb is no statement in this use (see the module docstring)."""
    if not comps:
        return False
    if "as-only" in classes and not _has_as(verb, comps):
        return True
    if "person-none" in classes and all(_person(c, lex) for c in comps):
        return True
    objects = [c for c in comps if c.dep_ == "dobj"]
    if "tally-none" in classes and objects and all(_tally(c) for c in objects):
        return True  # ("claiming 41 percent of the vote to Wells' 33 percent": the rival is no content)
    if lemma in REFUSAL_LEMMAS and all(_refused_speech_or_thing(c, lex) for c in comps):
        return True
    return _imperative(verb, subject)


#: entity types of a bare name or time after a speech noun ("attacks on Roe", "remarks on Monday")
TARGET_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "DATE", "TIME"})
#: pronouns that name whom a speech noun is about ("attacks on him")
TARGET_PRONOUNS = frozenset({"him", "her", "them", "it", "us", "me", "you"})


def _group_of_people(tok: Token) -> bool:
    """A plural noun for people ("women", "voters", "immigrants"): a person or group noun."""
    lex = load_lexicon()
    low = tok.lower_
    return tok.pos_ == "NOUN" and tok.tag_ == "NNS" and (low in lex.group_nouns or _person_noun(low, lex)
                                                         or low in ("women", "men", "people", "children"))


def _bare_target(tok: Token) -> bool:
    """A prepositional object that is only a pronoun, a name, a date or a plural noun for people
    (nothing said about it)."""
    if tok.dep_ != "pobj":
        return False
    if tok.lower_ in TARGET_PRONOUNS:
        return True
    words = [t for t in tok.subtree if not (t.is_punct or t.is_space)]
    if _group_of_people(tok) and all(t.i == tok.i or t.dep_ in ("det", "amod", "poss") and t.i < tok.i for t in words):
        return True  # "the party's appeal to women", "her attacks on young voters"
    return tok.ent_type_ in TARGET_TYPES and all(t.ent_type_ == tok.ent_type_ or t.dep_ in ("det", "compound")
                                                 and t.pos_ != "NOUN" for t in words)


def noun_target_only(comps: list[Token]) -> bool:
    """Whether a speech noun's content names only whom or when it was about ("attacks on him")."""
    return bool(comps) and all(_bare_target(c) for c in comps)


#: marks that open a quotation: a question quoted word for word is the asker's statement
_QUOTE_OPENERS = frozenset("\"“‘'«»„")


def unnamed_question(att: Attribution, text: str = "") -> bool:
    """A question clause put by no one named ("Asked if he was ever bullied, the candidate said no").
    Not a question quoted word for word ("X was asked, “If you had known …, would you …?”"): the
    words of the interview, a statement of the stance set (round 12)."""
    if att.source is not None or att.kind != "indirect":
        return False
    begin = att.content[0][0] if att.content else 0
    before = text[max(0, begin - 2) : begin + 1]  # the content may start at its quote mark or after it
    return not any(ch in _QUOTE_OPENERS for ch in before)


#: links, handles, markup tags, dates and dashes: what a post's signature is made of
_SIGNATURE = re.compile(r"https?://\S+|@\w+|</?[A-Za-z][^>]*>|\b(?:January|February|March|April|May|June|July|August"
                        r"|September|October|November|December)\b|\d+|[^\w\s]")


def only_signature(text: str) -> bool:
    """Whether content holds nothing but links, handles, markup, dates and at most three other
    words (a name): an embedded post's signature, not a statement."""
    words = _SIGNATURE.sub(" ", text).split()
    return bool(re.search(r"https?://|</?[A-Za-z][^>]*>", text)) and len(words) <= 3
