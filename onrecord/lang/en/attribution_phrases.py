"""Phrase rules of English attribution: a speech noun (``noun_cue``), an attitude adjective
(``adjective_cue``), "according to X" (``according_to``) and a poll or study as a sentence
adverbial (``in_evidence``).

Part of :mod:`onrecord.lang.en.attribution` (which describes the rules and re-exports the public names).
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from onrecord.lang.en.attribution_base import (
    AUDIENCE_NOUNS,
    NOT_SOURCES,
    SPEAKER_POS,
    SUBJECT_DEPS,
    Attribution,
    LemmaFn,
    human_subject,
    speech_participle,
)
from onrecord.lang.en.attribution_content import _infinitive, clause_extent, drop_trailing_aside, inner_objects
from onrecord.lang.en.attribution_senses import noun_target_only
from onrecord.lang.en.attribution_sources import find_subject, issuer_of, named_in_np, source_span, usable_source
from onrecord.lang.en.lexicon import Lexicon, load_lexicon
from onrecord.lang.en.spans import (
    doc_text,
    merge_spans,
    np_span,
    overlaps,
    subtree_indices,
    token_range_span,
    tokens_to_spans,
)
from onrecord.model import Span

NOUN_PREPS = ("of", "for", "on", "about", "against", "to", "over")
#: light verbs that make a speech noun their cue ("made the case that", "issued a statement")
LIGHT_VERBS = frozenset({"make", "issue", "give", "offer", "deliver", "voice", "express", "release", "send"})


#: speech nouns whose "for" phrase is what is asked for ("a call for calm", "their support for him")
DEMAND_NOUNS = frozenset({"call", "calls", "demand", "demands", "plea", "appeal", "support", "push", "proposal",
                          "proposals", "praise", "plan", "plans", "vision", "case", "pitch", "hope", "hopes"})


def _audience(noun: Token, prep: Token) -> bool:
    """A "to"/"for" phrase naming who heard the words ("her remarks for the visitors", "a statement
    to reporters"): the audience, not the content."""
    if prep.lower_ not in ("to", "for") or prep.lower_ == "for" and noun.lower_ in DEMAND_NOUNS:
        return False
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objs) and all(g.lower_ in AUDIENCE_NOUNS or human_subject(g, load_lexicon())
                              or g.ent_type_ in ("ORG", "PERSON") for g in objs)


def carries_report(noun: Token, lemma: LemmaFn) -> bool:
    """A noun that is no speech noun itself but carries a report through a speech participle,
    as the object of a verb of issuing ("sent a letter saying …", "released an ad calling …")."""
    if noun.dep_ != "dobj" or lemma(noun.head) not in LIGHT_VERBS:
        return False
    lex = load_lexicon()
    return any(speech_participle(c, noun, lex, lemma) for c in noun.children)


def _by_agent(noun: Token) -> Token | None:
    """The person in a "by" phrase right after a speech noun: "the suggestion by the mayor that
    …", "a decision by the board to …" (the noun's source, as a possessor would be)."""
    by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" and c.i == noun.i + 1), None)
    if by is None:
        return None
    agent = next((g for g in by.children if g.dep_ == "pobj"), None)
    if agent is None or not (agent.pos_ == "PROPN" or human_subject(agent, load_lexicon())):
        return None
    return agent


def noun_cue(noun: Token, sent: SpacySpan, lemma: LemmaFn) -> Attribution | None:
    """"Her remark that …", "Sanders’ call for …", "Clinton's answer was that …": a speech
    noun with a possessive source and a clause, an infinitive, a prepositional object or a
    predicate as content."""
    source = next((c for c in noun.children if c.dep_ == "poss"), None)
    cue_extra: list[Token] = []
    if source is None and noun.dep_ == "dobj" and lemma(noun.head) in LIGHT_VERBS:
        # "Obama will make the case that …", "she issued a statement calling for …"
        source = find_subject(noun.head)
        cue_extra.append(noun.head)
    if source is None:
        source = _by_agent(noun)  # "the suggestion by the mayor that …"
    if source is None or source.pos_ not in SPEAKER_POS or not usable_source(source):
        return None
    doc = noun.doc
    comps: list[Token] = []
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp") and c.i > noun.i and (_infinitive(c) or any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children)):
            comps.append(c)
        elif speech_participle(c, noun, load_lexicon(), lemma):
            # "issued a statement saying …": the participle says what the statement says
            inner, preps = inner_objects(c)
            comps.extend(inner)
            cue_extra.extend([c, *preps] if inner else [])
        elif c.dep_ == "prep" and c.lower_ in NOUN_PREPS and c.i == noun.i + 1 and not _audience(noun, c):
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                comps.extend(objs)
                cue_extra.append(c)
    head = noun.head
    if not comps and cue_extra:
        comps = [c for c in head.children if c.dep_ in ("ccomp", "advcl") and c.i > noun.i]
    if not comps and noun.dep_ == "nsubj" and head.lower_ in ("is", "was", "'s", "’s"):
        comps = [c for c in head.children if c.dep_ in ("attr", "ccomp") and c.i > head.i]
        cue_extra = [head] if comps else []
    if not comps or noun_target_only(comps):
        return None  # "his attacks on Mr. Roe": whom it was about, not what was said
    content_idx: set[int] = set()
    for c in comps:
        content_idx |= subtree_indices(c)
    content = tokens_to_spans(doc, content_idx & set(range(sent.start, sent.end)))
    src = source_span(source)
    if not content or any(overlaps(src, c) for c in content):
        return None
    cue = merge_spans([token_range_span(doc, t.i, t.i) for t in [noun, *cue_extra]])
    return Attribution(content=merge_spans(content), cue=cue, source=src, source_token=source.i,
                       kind="indirect", confidence=0.55, rule="noun")


ATTITUDE_POS = ("ADJ", "VERB")


def _attitude_subject(adj: Token) -> Token | None:
    """The holder of an attitude: the subject of the copula ("Officials are worried …") or of the
    passive participle ("groups are concerned …", "who are mystified …")."""
    if adj.dep_ == "acomp" and adj.head.pos_ == "AUX":
        subjects = [c for c in adj.head.children if c.dep_ in SUBJECT_DEPS]
        return subjects[0] if subjects else None
    if adj.pos_ == "VERB":
        subjects = [c for c in adj.children if c.dep_ in ("nsubjpass", "nsubj")]
        return subjects[0] if subjects else None
    return None


def adjective_cue(adj: Token, sent: SpacySpan, lex: Lexicon) -> Attribution | None:
    """"Officials are confident that the dam will hold": an attitude adjective with a clause
    reports the subject's view (the clause is the content, the copula and adjective the cue)."""
    if adj.lower_ not in lex.attitude_adjectives or adj.pos_ not in ATTITUDE_POS:
        return None
    owners = [adj] if adj.pos_ == "VERB" else [adj, adj.head] if adj.dep_ == "acomp" else [adj]
    clauses = [c for o in owners for c in o.children if c.dep_ == "ccomp" and c.i > adj.i]
    subject = _attitude_subject(adj)
    if not clauses or subject is None or subject.i > adj.i or not usable_source(subject) \
            or subject.lower_ in NOT_SOURCES:
        return None
    subject = named_in_np(subject)
    doc = adj.doc
    content = tokens_to_spans(doc, drop_trailing_aside(doc, clause_extent(adj, clauses[0], subject, sent)))
    if not content:
        return None
    aux = [c.i for c in (adj.head if adj.dep_ == "acomp" else adj).children
           if c.dep_ in ("auxpass", "aux", "neg") and c.i < adj.i] + ([adj.head.i] if adj.dep_ == "acomp" else [])
    cue = [token_range_span(doc, min(aux + [adj.i]), adj.i)]
    src = source_span(subject)
    if any(overlaps(src, c) for c in content):
        return None
    return Attribution(content=merge_spans(content), cue=cue, source=src, source_token=issuer_of(subject).i,
                       kind="indirect", confidence=0.7, rule="adjective", extra={"verb": adj.i})


def according_to(tok: Token, sent: SpacySpan) -> Attribution | None:
    """"according to X, Y" / "Y, according to X": X is the source, Y the content."""
    if tok.lower_ != "according" or tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].lower_ != "to":
        return None
    doc = tok.doc
    to = doc[tok.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
    if not objs:
        misread = _verb_read_source(to)
        if misread is None:
            return None
        source, src, phrase = misread
        phrase |= {tok.i, to.i}
    else:
        source = objs[0]
        src = np_span(source)
        named = [o for o in objs[1:] if o.ent_type_ in ("PERSON", "ORG") and o.left_edge.i == source.i + 1]
        if named:
            # "according to curator Ann Roe" parsed as two objects: the name is the source
            source = named[0]
            src = (src[0], np_span(source)[1])
        phrase = subtree_indices(tok) | subtree_indices(to) | {tok.i, to.i}
    content_idx = set(range(sent.start, sent.end)) - phrase
    content = tokens_to_spans(doc, content_idx)
    content = [c for c in content if len(doc_text(doc)[c[0]:c[1]].split()) >= 2 or len(content) == 1]
    if not content:
        return None
    return Attribution(content=merge_spans(content), cue=[token_range_span(doc, tok.i, to.i)],
                       source=src, source_token=issuer_of(source).i, kind="indirect",
                       confidence=0.9, rule="according")


#: most words of a name the parser read as a verb after "according to"
NAME_RUN = 4


def _verb_read_source(to: Token) -> tuple[Token, Span, set[int]] | None:
    """The source of "according to X" where the parser read X as a verb ("according to show
    insiders", "According to Rathbun the property was …"): its head token, span and tokens.

    A capitalised name right after "to" with more words after it is the source alone (the rest
    is the content); otherwise the verb's whole phrase is, headed by its last noun.
    """
    comps = [c for c in to.children if c.dep_ == "pcomp"]
    if not comps:
        return None
    comp = comps[0]
    doc = to.doc
    run: list[Token] = []
    for t in doc[to.i + 1:min(len(doc), to.i + 1 + NAME_RUN)]:
        if not t.is_title or t.is_punct:
            break
        run.append(t)
    if run and run[-1].i < comp.right_edge.i and not doc[run[-1].i + 1].is_punct:
        return run[-1], token_range_span(doc, run[0].i, run[-1].i), {t.i for t in run}
    phrase = subtree_indices(comp)
    nouns = [doc[i] for i in sorted(phrase) if doc[i].pos_ in ("NOUN", "PROPN")]
    if not nouns:
        return None
    return nouns[-1], token_range_span(doc, comp.left_edge.i, comp.right_edge.i), phrase


#: documents that report findings: "In the latest CNN poll, he fell to 10 percent"
EVIDENCE_NOUNS = frozenset({"poll", "survey", "study", "report", "analysis", "average", "census", "tally"})


def in_evidence(tok: Token, sent: SpacySpan, lex: Lexicon, lemma: LemmaFn) -> Attribution | None:
    """"In a CBS News poll, X leads": a poll or study set as a sentence adverbial is the source of
    the rest of the sentence (unless its verb is a cue of its own: "In a poll, voters said …")."""
    if tok.lower_ != "in" or tok.dep_ != "prep" or tok.head.dep_ != "ROOT":
        return None
    objs = [c for c in tok.children if c.dep_ == "pobj" and lemma(c).lower() in EVIDENCE_NOUNS]
    if not objs or lex.cue_classes(lemma(tok.head)):
        return None
    doc = tok.doc
    content_idx = set(range(sent.start, sent.end)) - subtree_indices(tok)
    content = [c for c in tokens_to_spans(doc, content_idx) if len(doc_text(doc)[c[0]:c[1]].split()) >= 2]
    if not content:
        return None
    return Attribution(content=merge_spans(content), cue=[token_range_span(doc, tok.i, tok.i)],
                       source=np_span(objs[0]), source_token=objs[0].i, kind="indirect",
                       confidence=0.6, rule="in-evidence")
