"""Attributions that are no statements by their form (cross-genre guidelines A4), dropped at the end.

* a cue word in capitals whose content does not start in capitals ("RUSSIANS SPARED FULL BAN FROM
  OLYMPICS The International Olympic Committee refused …"): the verb of a newsletter's headline
  read with the body text after it, which the headline does not attribute (a headline's own
  words in capitals, "EVEN X'S BOSS THINKS HE'S …", stay, and so does a quotation in marks after
  it: "VOTERS CARE MORE … - Ann Roe: “We found …”" is Ann Roe's);
* a passive cue of ``data/passive_none.txt`` with no one named and an object or infinitive as its
  content ("People were encouraged to submit designs", "was also proposed as another location",
  "The holiday is observed as a day of sacrifice"): what was encouraged, proposed or observed
  told in the reporter's own voice, with no source and no clause of speech. Passives of
  accusing, blaming, telling or expecting stay (an unnamed source's statement: "was accused of
  fraud", "she was told to leave", "is expected to win").
* a cue in a photo caption, the sentence that ends right before an image credit ("X announces
  where the orbiters will be displayed … . Image: NASA."; "NASA tweeted support of him via its
  account Image: Twitter / NASA."): a picture's description in the writer's own voice; a quotation
  in marks stays (a pull quote is annotated like any other occurrence, guidelines C).
* a name, a body or an organisation as the whole object of a ``person-none`` cue ("Weber, who
  advises Kasich", "his firms have advised a business group tied to …", "questioned the
  agency"): a client or an interrogation, not what was said (as a person noun already is in
  :mod:`onrecord.lang.en.attribution_senses`); "advised voters to stay home" and "advised
  caution" stay.
* a negated speech verb with an indirect question ("officials have not said why the team was
  denied visas", "did not say whether it would appeal"): a non-answer, nothing was said
  (guidelines A4; "did not say that …" stays, a denial of a claim);
* a hypothetical source, one indefinite person with a cue under "might", "could" or "may" ("A
  social anthropologist might wonder if …", "a skeptic could argue that …"): the writer's own
  thought put in an imagined mouth ("a spokesman could not confirm that …" and "a spokesman
  would only say that …" stay: a negation or "would" reports a real answer; so do words in
  marks and a person of a body, "a spokesman for X could only quip: “…”").

Part of :mod:`onrecord.lang.en.attribution`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from onrecord.lang.en.attribution_base import Attribution, LemmaFn
from onrecord.lang.en.lexicon import Lexicon, word_set
from onrecord.lang.en.spans import doc_text

#: fewest letters of a cue word in capitals that marks a headline (not an acronym such as "UN")
MIN_CAPS_LETTERS = 3


def _in_capitals(words: str) -> bool:
    """Whether the letters of ``words`` are all capitals, at least :data:`MIN_CAPS_LETTERS` of them."""
    letters = [ch for ch in words if ch.isalpha()]
    return len(letters) >= MIN_CAPS_LETTERS and all(ch.isupper() for ch in letters)


def _headline_cue_on_body(text: str, att: Attribution) -> bool:
    """A cue in capitals ("SPARED") whose content's first words are not ("The International
    Olympic Committee refused …"): a headline's verb read with the body text."""
    if att.kind == "direct" or not att.cue or not att.content:
        return False
    if not _in_capitals(" ".join(text[b:e] for b, e in att.cue)):
        return False
    b, e = att.content[0]
    first = " ".join(text[b:e].split()[:2])
    return not _in_capitals(first)


def _cue_token(doc: Doc, att: Attribution) -> Token | None:
    """The first token of the attribution's cue."""
    if not att.cue:
        return None
    span = doc.char_span(att.cue[0][0], att.cue[0][1], alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _agentless_passive(tok: Token, lemma: LemmaFn) -> bool:
    """A passive verb of ``data/passive_none.txt`` with no ``by`` agent ("were encouraged to")."""
    if tok.tag_ != "VBN" or lemma(tok) not in word_set("passive_none.txt"):
        return False
    return any(c.dep_ == "auxpass" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children)


def _sourceless_passive(doc: Doc, att: Attribution, lemma: LemmaFn) -> bool:
    """A reported object or infinitive under an agentless passive cue, with no source."""
    if att.source is not None or att.kind != "reported":
        return False
    tok = _cue_token(doc, att)
    return tok is not None and _agentless_passive(tok, lemma)


#: an image credit after a caption ("Image: NASA.", "Image: Twitter / NASA.")
_CREDIT = re.compile(r"(?:[.!?]\s+|\s+)(?:Image|Photo|Picture)\s*:\s")
#: the end of a sentence on the same line (a caption ends at its credit or not at all)
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def _in_caption(text: str, att: Attribution) -> bool:
    """A non-direct attribution whose cue's sentence ends at an image credit."""
    if att.kind == "direct" or not att.cue:
        return False
    end = att.cue[-1][1]
    stop = _SENTENCE_END.search(text, end)
    limit = stop.end() if stop is not None else len(text)
    credit = _CREDIT.search(text, end, limit + 8)
    return credit is not None and credit.start() <= limit


#: entity types of a name that a ``person-none`` cue takes as its client, not as what was said
_CLIENT_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _client(root: Token) -> bool:
    """A name or a body as a noun phrase's head ("Kasich", "the Ukrainian government", "a business group")."""
    if any(c.dep_ in ("ccomp", "xcomp") or c.dep_ == "acl" and c.tag_ == "VB" for c in root.children):
        return False
    return root.pos_ == "PROPN" or root.ent_type_ in _CLIENT_TYPES \
        or root.pos_ == "NOUN" and root.lower_ in word_set("institution_nouns.txt")


def _client_object(doc: Doc, att: Attribution, lex: Lexicon, lemma: LemmaFn) -> bool:
    """A reported name or body as the whole object of a ``person-none`` cue ("advises Kasich")."""
    if att.kind != "reported" or len(att.content) != 1:
        return False
    tok = _cue_token(doc, att)
    if tok is None or "person-none" not in lex.cue_classes(lemma(tok)):
        return False
    span = doc.char_span(att.content[0][0], att.content[0][1], alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.dep_ in ("dobj", "pobj") and _client(span.root)




def _negated(tok: Token) -> bool:
    """A verb with a negation of its own ("have not said", "did n't say", "never said")."""
    return any(c.dep_ == "neg" for c in tok.children)


def _unanswered_question(doc: Doc, att: Attribution, text: str) -> bool:
    """An indirect question under a negated cue verb ("have not said why …")."""
    if att.kind != "indirect" or not att.content:
        return False
    tok = _cue_token(doc, att)
    if tok is None or tok.pos_ not in ("VERB", "AUX") or not _negated(tok):
        return False
    b, e = att.content[0]
    first = text[b:e].split()[:1]
    return bool(first) and first[0].lower() in word_set("question_words.txt")




def _hypothetical_source(doc: Doc, att: Attribution) -> bool:
    """A cue under a modal of possibility whose subject is one indefinite person ("A critic might argue")."""
    if att.kind == "direct":
        return False  # words in marks were said ("a spokesman for X could only quip: “…”")
    tok = _cue_token(doc, att)
    if tok is None or _negated(tok):
        return False
    if not any(c.dep_ == "aux" and c.lower_ in word_set("hypothetical_modals.txt") for c in tok.children):
        return False
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    return len(subjects) == 1 and subjects[0].pos_ == "NOUN" and subjects[0].tag_ == "NN" \
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subjects[0].children) \
        and not any(c.dep_ == "prep" for c in subjects[0].children)


def drop_non_statements(doc: Doc, atts: list[Attribution], lex: Lexicon, lemma: LemmaFn) -> list[Attribution]:
    """The attributions less the six kinds of non-statement of the module docstring: a headline
    cue in capitals read with the body after it, a sourceless passive report, a cue in a photo
    caption, a name or body as the whole object of a ``person-none`` cue, an indirect question
    under a negated cue verb, and an imagined speaker."""
    text = doc_text(doc)
    return [a for a in atts if not (_headline_cue_on_body(text, a) or _sourceless_passive(doc, a, lemma)
                                    or _in_caption(text, a)
                                    or _client_object(doc, a, lex, lemma)
                                    or _unanswered_question(doc, a, text)
                                    or _hypothetical_source(doc, a))]
