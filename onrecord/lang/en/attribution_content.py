"""Contents of English attribution cues: the complements of a cue verb that form what was said,
how far a reported clause reaches, what follows an object, and the reporter's asides that end
the content.

Part of :mod:`onrecord.lang.en.attribution` (which describes the rules and re-exports the public names).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from onrecord.lang.en.attribution_base import (
    ADDRESSEE_LEMMAS,
    ADDRESSEE_TO,
    AUDIENCE_NOUNS,
    CLAUSE_DEPS,
    CLAUSE_ONLY_LEMMAS,
    NO_OBJECT_LEMMAS,
    OBJECT_DEPS,
    OBJECT_PREPS,
    QUESTION_LEMMAS,
    QUESTION_MARKS,
    QUOTE_STRIP,
    SHORT_QUOTE_WORDS,
    _quote_words,
    human_subject,
    speech_participle,
)
from onrecord.lang.en.attribution_sources import _pro_form
from onrecord.lang.en.lexicon import Lexicon, load_lexicon, word_set
from onrecord.lang.en.quotemarks import QuoteSpan
from onrecord.lang.en.spans import doc_text, subtree_indices


def _prep_objects(verb: Token) -> list[Token]:
    """Prepositional phrases that carry reported content ("called for a ban")."""
    return [c for c in verb.children if c.dep_ == "prep" and c.i > verb.i and c.lower_ in OBJECT_PREPS and any(
        g.dep_ in ("pobj", "pcomp") and g.ent_type_ not in ("DATE", "TIME") for g in c.children)]


def clause_content(verb: Token, classes: frozenset[str], lemma: str) -> tuple[list[Token], str]:
    """The complements that form the content of a cue verb, and the content type.

    A clause (ccomp) wins; otherwise objects, infinitives and prepositional objects (the
    preposition itself belongs to the cue: "called for | a ban"). An addressee ("told
    reporters") is no content when an infinitive follows.
    """
    marks = QUESTION_MARKS if lemma in QUESTION_LEMMAS else ("that",)
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS or c.dep_ == "advcl" and c.i > verb.i
               and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)]
    if clauses:
        if any(c.i > verb.i for c in clauses):
            # "About 46 percent said yes; 26% say they are conservative": a clause before a
            # semicolon is a report of its own, not a second content of the verb after it
            clauses = [c for c in clauses if c.i > verb.i or not _semicolon_between(c, verb)]
        return clauses, "clause"
    if lemma in ("seem", "appear") or classes == {"frame"} or lemma in CLAUSE_ONLY_LEMMAS:
        return [], ""
    if "act" in classes or "commit" in classes:
        # "agreed to meet again" (commit), "wants to attend", "plans to hold the contest", "vetoed
        # the bills": a commitment, a plan, a wish or a
        # decision is no statement; only a clause or a quotation reports one
        return [], ""
    if any(c.dep_ == "agent" for c in verb.children):
        # "Sanders was supported by most women": the patient is the content (not what an act
        # is done to: "the plan was rejected by the council")
        patients = [c for c in verb.children if c.dep_ == "nsubjpass" and c.lower_ not in ("who", "which", "that")
                    and not ("np-none" in classes and _noun_phrase(c))]
        if patients:
            return patients, "object"
    objs = [c for c in verb.children if c.dep_ in OBJECT_DEPS and not (lemma in NO_OBJECT_LEMMAS and c.dep_ == "dobj")
            or _pro_form(verb, c)]
    if lemma in ADDRESSEE_LEMMAS:
        objs = [c for c in objs if c.dep_ != "dobj" or not any(x.dep_ == "xcomp" for x in verb.children)]
        # "“Why?” she asked the reporters": who is asked or told is no content
        objs = [c for c in objs if c.dep_ != "dobj" or lemma not in ASKING_LEMMAS or not _addressee(c)]
    objs += [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and _infinitive(c)]
    if on_anonymity(verb):
        objs = [c for c in objs if not anonymity_purpose(c)]
    preps = [g for p in _prep_objects(verb) if not (p.lower_ == "to" and lemma in ADDRESSEE_TO)
             for g in p.children if g.dep_ in ("pobj", "pcomp") and not _speaking_occasion(lemma, p, g)
             and not (lemma in ABOUT_TOPIC_LEMMAS and p.lower_ == "about" and _noun_phrase(g))
             and not (lemma in OF_TOPIC_LEMMAS and p.lower_ == "of" and _noun_phrase(g))
             and not (p.lower_ == "to" and classes & {"speech", "belief"} and _addressee(g))]
    if "np-none" in classes or lemma == "ask" and any(p.lower_ == "for" for p in _prep_objects(verb)):
        # "supported it", "asked for an arms deal", "considered opening the port": the object is
        # what the act is about
        acted_on = any(_noun_phrase(c) or _gerund_object(c) for c in objs if c.dep_ == "dobj")
        # "issued questionnaires to determine status": after the thing acted on, an infinitive
        # says what for (a purpose), not what was said
        objs = [c for c in objs if not _noun_phrase(c) and not _gerund_object(c)
                and not (acted_on and c.dep_ == "advcl")]
        preps = [g for g in preps if not _noun_phrase(g) and not _gerund_object(g)]
    if objs or preps:
        return sorted(objs + preps, key=lambda t: t.i), "object"
    return [], ""


def _semicolon_between(clause: Token, verb: Token) -> bool:
    """Whether a semicolon stands between a clause before a verb and the verb."""
    return any(t.text == ";" for t in verb.doc[clause.right_edge.i + 1:verb.i])


#: verbs of speaking whose "about" phrase names a topic only ("spoke about the injury": guidelines A4)
ABOUT_TOPIC_LEMMAS = frozenset({"speak"})
#: verbs of speaking whose "of" phrase names a topic only ("said of the convention", "spoke of a
#: visit", "speaking of the attacks": guidelines A4); "warned of", "complained of" report content
OF_TOPIC_LEMMAS = frozenset({"say", "speak", "talk"})
#: verbs of speaking whose "on" phrase may name the terms or the medium, not the topic
SPEAK_ON_LEMMAS = frozenset({"speak", "talk", "write", "post", "tweet", "say"})
#: the terms of speaking ("on condition of anonymity", "on his behalf", "on the record")
SPEAKING_TERMS = frozenset({"condition", "conditions", "behalf", "record", "background"})
MEDIUM_TYPES = ("ORG", "PERSON", "GPE", "FAC", "LOC", "DATE", "TIME", "WORK_OF_ART")


def _speaking_occasion(lemma: str, prep: Token, obj: Token) -> bool:
    """"spoke on condition of anonymity", "speaking on CNBC", "talked on Mr. Roe's behalf": the
    terms, the medium or the occasion of speaking, not its topic ("spoke on trade" is one)."""
    if lemma not in SPEAK_ON_LEMMAS or prep.lower_ != "on":
        return False
    return obj.lower_ in SPEAKING_TERMS or obj.ent_type_ in MEDIUM_TYPES


#: nouns of the terms of anonymity ("on condition of anonymity", "on background")
ANONYMITY_TERMS = frozenset({"condition", "conditions", "background"})


def anonymity_purpose(verb: Token) -> bool:
    """A to-infinitive after "on condition of anonymity" ("spoke on condition of anonymity to
    discuss the talks", "…to offer an assessment"): it says why the source stayed unnamed, not
    what was said."""
    return verb.dep_ in ("advcl", "xcomp") and _infinitive(verb) and on_anonymity(verb.head)


def on_anonymity(verb: Token) -> bool:
    """Whether a verb has the terms of anonymity as a phrase ("speaking on condition of anonymity")."""
    return any(p.dep_ == "prep" and p.lower_ == "on" and any(g.lower_ in ANONYMITY_TERMS for g in p.children)
               for p in verb.children)


#: verbs whose object is who is asked or told, not what ("asked him about the fares")
ASKING_LEMMAS = frozenset({"ask", "tell"})
#: pronouns that name who is spoken to ("asked him", "told them")
ADDRESSEE_PRONOUNS = frozenset({"him", "her", "them", "me", "us", "you"})


def _addressee(tok: Token) -> bool:
    """A person or audience spoken to: a pronoun, a person's name, a human or audience noun
    without a clause of its own ("asked him", "told reporters", "asked Ann Roe")."""
    if any(c.dep_ in ("relcl", "acl", "ccomp") for c in tok.children):
        return False
    return tok.lower_ in ADDRESSEE_PRONOUNS or tok.ent_type_ == "PERSON" or tok.lower_ in AUDIENCE_NOUNS \
        or tok.pos_ == "NOUN" and human_subject(tok, load_lexicon())


def _noun_phrase(tok: Token) -> bool:
    """A plain noun phrase (no clause, infinitive, gerund or quotation)."""
    return tok.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and tok.dep_ in ("dobj", "pobj", "attr", "oprd", "nsubjpass") \
        and not any(c.dep_ in ("acl", "relcl", "ccomp") and _infinitive(c) for c in tok.children) \
        and not _long_quote(doc_text(tok.doc)[tok.left_edge.idx:tok.right_edge.idx + len(tok.right_edge.text)])


def _quoted_term(doc: Doc, indices: set[int], quotes: list[QuoteSpan]) -> bool:
    """Whether tokens are nothing but a short quotation (a name or a term: "“online tools”")."""
    if not indices:
        return False
    text = doc_text(doc)
    first, last = doc[min(indices)], doc[max(indices)]
    begin, end = first.idx, last.idx + len(last.text)
    return any(q.begin <= begin and end <= q.end and not text[q.begin:begin].strip(QUOTE_STRIP + " ")
               and not text[end:q.end].strip(QUOTE_STRIP + " .,") and _quote_words(text, q) <= SHORT_QUOTE_WORDS
               for q in quotes)


def _quote_set_off(doc: Doc, verb: Token, comp: Token) -> bool:
    """A quotation set off from its speech verb by a comma or a colon ("the chair says, “Quiet,
    please.”"): a short statement, not a term."""
    begin = comp.left_edge.i
    return verb.i < begin and begin - verb.i <= 4 and any(doc[j].text in (",", ":") for j in range(verb.i + 1, begin))


def _gerund_object(tok: Token) -> bool:
    """A gerund as object ("considered opening the port", "supports building a bridge"): an act."""
    return tok.tag_ == "VBG" and tok.dep_ in ("xcomp", "dobj", "pcomp") \
        and not any(c.dep_ in ("nsubj", "mark", "aux") for c in tok.children)


def _long_quote(text: str) -> bool:
    """Whether a stretch quotes more than a name or a term ("named it “Robogee”" quotes a name)."""
    marks = [i for i, ch in enumerate(text) if ch in QUOTE_STRIP]
    return len(marks) >= 2 and len(text[marks[0] + 1:marks[-1]].split()) > SHORT_QUOTE_WORDS


#: heads of the complements of an inner cue that hold what was said ("refused to discuss | the matter")
INNER_DEPS = frozenset({"dobj", "ccomp"})


def inner_objects(tok: Token) -> tuple[list[Token], list[Token]]:
    """What an inner cue says: its object or clause, else the object of its first preposition
    (the preposition joins the cue: "a story detailing | the reports", "missives about | X")."""
    objs = [c for c in tok.children if c.dep_ in INNER_DEPS and c.i > tok.i]
    if objs:
        return objs, []
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.i > tok.i and c.lower_ in OBJECT_PREPS), None)
    if prep is None:
        return [], []
    return [g for g in prep.children if g.dep_ == "pobj"], [prep]


def inner_cue(comps: list[Token], lex: Lexicon, lemma_of: Callable[[Token], str]) -> tuple[list[Token], list[Token]]:
    """The content and the extra cue words when the object of a cue verb is itself a cue with
    content of its own: a bare speech noun with its complement ("expressed confidence | that …",
    "signaled support for | a database") or a noun with a participle cue ("issued a statement
    saying | …", "published a story detailing | …"). News attribution corpora take the outer verb
    and the inner cue as one cue. Returns ``(comps, [])`` when nothing is inside."""
    if len(comps) != 1:
        return comps, []
    comp = comps[0]
    if comp.dep_ != "dobj" or comp.pos_ != "NOUN":
        return comps, []
    # a bare noun ("expressed confidence", "signaled support") forms a cue with its verb; with a
    # determiner or a possessor ("the idea that …", "his remarks on …") it is what was reported on
    bare = not any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in comp.children)
    for c in comp.children:
        if c.i < comp.i:
            continue
        if speech_participle(c, comp, lex, lemma_of):
            inner, preps = inner_objects(c)
            if inner:
                return inner, [comp, c, *preps]  # "issued a statement saying | …"
        if not bare:
            continue
        if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return [c], [comp]  # "expressed confidence | that …"
        if c.dep_ == "prep" and c.i == comp.i + 1 and c.lower_ in OBJECT_PREPS and lex.is_cue_noun(comp.lower_):
            inner = [g for g in c.children if g.dep_ == "pobj"]
            if inner:
                return inner, [comp, c]  # "signaled support for | …"
    return comps, []


def _infinitive(tok: Token) -> bool:
    """A to-infinitive ("called for all candidates to lay out…")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def clause_extent(verb: Token, clause: Token, subject: Token | None, sent: SpacySpan) -> set[int]:
    """A reported clause stretched to the sentence edge it points to.

    After the cue ("said that …") it runs to the sentence end, minus coordinated verbs of the
    cue; before the cue ("…, he said") it runs from the sentence start to the attribution.
    """
    if clause.i > verb.i:
        # a cue inside a relative or adverbial clause reports no further than that clause
        # ("the senators, who warned that the deal would fail, | left early")
        end = verb.right_edge.i + 1 if verb.dep_ in EMBEDDED_DEPS else sent.end
        out = set(range(clause.left_edge.i, end))
        if clause.left_edge.i < verb.i:
            # "the fares, which officials said will rise": the relative pronoun opens the clause
            # before the cue; the cue and its subject are no content
            out -= {verb.i} | (subtree_indices(subject) if subject is not None and subject.i < verb.i else set())
            out -= {t.i for t in verb.children if t.dep_ in ("aux", "neg", "advmod") and t.i < verb.i}
        for c in verb.children:
            if c.i > clause.i and (c.dep_ in ("conj", "cc") or c.dep_ == "advcl" and c.i > clause.right_edge.i):
                out -= subtree_indices(c)
        return _without_dangling_cc(verb.doc, out)
    if clause.left_edge.i - sent.start <= 3:
        stop = min(verb.i, subject.left_edge.i) if subject is not None and subject.i < verb.i else verb.i
        stop = max(stop, clause.right_edge.i + 1)
        return set(range(sent.start, stop))
    return subtree_indices(clause)


def _without_dangling_cc(doc: Doc, idx: set[int]) -> set[int]:
    """Content without a conjunction left at the end of a stretch when what it joined was cut
    ("told the council the plan has cost too much and | warned that …")."""
    out = set(idx)
    for i in sorted(idx):
        if doc[i].dep_ == "cc" and i + 1 < len(doc) and i + 1 not in out:
            out.discard(i)
    return out


#: a cue verb in these clauses reports no further than its own subtree
EMBEDDED_DEPS = frozenset({"relcl", "advcl"})

TAIL_DEPS = ("prep", "oprd", "xcomp", "dative")
#: prepositions of the circumstances of a report, not of what was said
CIRCUMSTANCE_PREPS = frozenset({"after", "before", "during", "since", "until", "amid", "despite", "following",
                                "throughout"})


#: prepositions that name the occasion or medium of a report ("in a speech", "on Twitter")
MEDIUM_PREPS = frozenset({"in", "on", "at", "via", "through"})


def _medium_phrase(prep: Token) -> bool:
    """Whether a prepositional phrase names where a report was made ("in an interview with the
    Post", "on Twitter", "in early-morning tweets"; ``data/medium_nouns.txt``)."""
    if prep.lower_ not in MEDIUM_PREPS:
        return False
    return any(g.dep_ == "pobj" and g.lower_ in word_set("medium_nouns.txt") for g in prep.children)


def drop_medium_tail(comps: list[Token], idx: set[int]) -> set[int]:
    """An object's content without a medium phrase the parser hung on the object at its end
    ("condemned the fare rise | in a statement")."""
    if not idx:
        return idx
    for c in comps:
        for p in c.children:
            if p.dep_ == "prep" and p.i > c.i and _medium_phrase(p) and p.right_edge.i >= max(idx):
                idx = idx - subtree_indices(p)
    return idx


def object_tail(verb: Token, comps: list[Token]) -> set[int]:
    """What follows the first object of a reporting verb: "charged X | with filing…",
    "described the dinner | as…", "mocked Rubio | for…" (not times, places of the report or a
    coordinated verb)."""
    first = min(c.i for c in comps)
    out: set[int] = set()
    for c in verb.children:
        if c.i <= first or c.dep_ not in TAIL_DEPS or c.ent_type_ in ("DATE", "TIME"):
            continue
        if c.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC") for g in c.children):
            continue
        if c.dep_ == "prep" and c.lower_ in CIRCUMSTANCE_PREPS:
            continue  # "endorsed Trump | only after deliberating", "praised him | at a rally": when and where
        if c.dep_ == "prep" and _medium_phrase(c):
            continue  # "criticized the law | in a speech", "thanked him | on Twitter": where it was said
        out |= subtree_indices(c)
    return out


def quotes_in(quotes: list[QuoteSpan], begin: int, end: int) -> list[QuoteSpan]:
    """Quotes that lie within [begin, end)."""
    return [q for q in quotes if q.begin >= begin and q.end <= end]


#: what a reporter adds after a comma at the end of a report: a non-restrictive relative clause
#: (", which he called …"), an apposition (", a self-described socialist")
ASIDE_DEPS = frozenset({"relcl"})
ASIDE_MARKS = (",", "-", "–", "—", "--")


#: conjunctions of a concessive clause the reporter adds (", though records show …")
CONCESSIVE_MARKS = frozenset({"though", "although", "whereas"})


def _contrast_aside(tok: Token) -> bool:
    """A concessive clause or a comparison set against the report (", even as talk was brewing",
    ", though records show …", ", compared with 33 percent in May"): the reporter's words."""
    if tok.dep_ == "prep" and tok.lower_ == "compared":
        return True
    if tok.dep_ != "advcl":
        return False
    marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
    even = any(c.dep_ == "advmod" and c.lower_ == "even" and c.i < tok.i for c in tok.children)
    return bool(marks & CONCESSIVE_MARKS) or even and bool(marks & {"as", "though"})


def drop_trailing_aside(doc: Doc, idx: set[int]) -> set[int]:
    """Content without a comma-led relative clause or apposition at its end ("he would quarantine
    people over fears of the virus, which is spread by mosquitoes"): the reporter's words."""
    if not idx:
        return idx
    last = max(i for i in idx if not (doc[i].is_punct or doc[i].is_space)) if any(
        not (doc[i].is_punct or doc[i].is_space) for i in idx) else max(idx)
    for i in sorted(idx):
        tok = doc[i]
        if not (tok.dep_ in ASIDE_DEPS or _contrast_aside(tok)) or tok.head.i not in idx or tok.head.i > tok.i:
            continue
        first = tok.left_edge.i
        if first - 1 not in idx or doc[first - 1].text not in ASIDE_MARKS or tok.right_edge.i < last:
            continue
        if any(doc[j].text in QUOTE_STRIP for j in range(first, tok.right_edge.i + 1)):
            continue
        rest = {j for j in idx if j >= first - 1}
        if len(idx - rest) >= 3:
            return idx - rest
    return idx
