"""Attribution rules over a dependency parse: cue, content, local source.

Needs: a ``Doc`` with tags, dependencies and sentences (en_core_web_sm, sentences started at
line breaks), the paired quote marks of its text (:mod:`quotemarks`), a lemma function and the
:class:`Lexicon`. Adds: a list of :class:`Attribution` (content spans, cue spans, the local
source mention and its head token, a kind and a confidence).

The conventions follow news attribution corpora such as PolNeAR: the source is the local
mention ("he", "who", "the campaign"); a preposition belongs to the cue ("called for | a
ban"); and attributions do not nest or overlap — a report inside another attribution's content
("he told reporters that she thinks …") is part of that content (:func:`resolve_overlaps`).

Rules, each a small function:

* ``verb_cue`` — a cue verb with its subject (inherited through conj/xcomp/advcl/acl/pcomp, a
  passive's agent, past a dateline, or the name in an apposition) and its clause, infinitive,
  object with what follows it, or prepositional object ("said that…", "called for…",
  "described the dinner as…"); "X is Y, he said"; "As X reported, Y"; a direct quotation in
  the same sentence ("“Why?” Vitter demanded").
* ``noun_cue`` — a speech noun with a possessive source or under a light verb ("her remark
  that…", "made the case that…").
* ``seem_cue`` — "X seemed Y": an impression without a source.
* ``according_to`` — "according to X, …": the clause minus the phrase.
* ``adjective_cue`` — an attitude adjective with a clause: "Officials are confident that …",
  "groups are concerned the law will change" (the copula's or the participle's subject speaks).
* ``according_to`` also takes a source the parser read as a verb ("according to show insiders",
  "According to Rathbun the files were …": a capitalised name alone, else the verb's phrase).
* ``line_sources`` — transcript and headline lines "TRUMP: …", "Sanders: …".
* ``byline_sources`` — a quotation signed after a dash (or a spaced hyphen): "“…” ― Veronica Cruz".
* ``colon_sources`` — a sentence about a person that ends in a colon introduces that person's
  quotation of more than three words, whatever the verb ("Trump went even further: “…”").
* direct quotes are stretched over their marks and continued ("“A,” he said. “B.”", and a
  quotation filling the next paragraph); a quotation right before the attribution of the next
  one belongs to it ("“A,” Roe said, “B.”"); a quotation that is a sentence of its own right after
  a reported clause is a second statement of the same source ("Roe said X. “B.”"). A sentence
  that reaches into the next quotation by its opening mark only does not quote it.
* ``seem_cue`` also takes an impression of a subject whose predicate is a noun, an adjective
  with a clause or "like …" ("The returns seemed a warning that …"): no source.

Subjects: a quantifier speaks ("Many said …", "Most of the senators have said …"; no entity of
its own), and so does the subject of a contracted "has" the parser reads as a passive ("He's
said he …"); "fired back", "shot back" are retorts. A second report of the same source
coordinated with the first one's content ends that content ("called X a hero before explaining
why …"); a concessive clause or a comparison after a comma at the end of a report is the
reporter's (", even as …", ", though …", ", compared with …").

What is no statement: the object or infinitive of a wish, a plan or an act (cue class ``act``:
"wants to attend", "vetoed the bills"), a noun-phrase or gerund object of a non-speech verb
(``np-none``: "supports it", "rejected the plan"), a purpose infinitive after it ("issued
permits to reduce queues"), a quoted term as the whole object; after an object, a sentence
that follows a colon is what was said ("denied the claims: Its boats …"); a relative clause after a
comma at the end of a report is the reporter's aside, not what was said (", which has stood empty");
who is asked or told is no content ("asked him"); "to see" as an infinitive is watching; "it
seems that …" has no source; credits, handles and tallies ("Twitter: @roe") are no transcript lines.

A headline line (no final punctuation) yields an attribution only with a named or human source.
Not sources: data and pictures as subjects of evidence verbs ("Figures show …", unless "Data from
X" or "X's figures" name who issued them, who then speaks), things and events as subjects of
see/offer/want/learn/encourage ("The festival saw …"), a gerund ("Writing in a blog, X dubbed"
takes X), the noun a past participle clause hangs on ("both considered to be …"); the audience
of a speech noun ("remarks for the visitors") is no content; a caption ending in a photo credit
("… Image: Name") is no transcript line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from onrecord.lang.en.lexicon import Lexicon, load_lexicon
from onrecord.lang.en.quotemarks import QuoteSpan
from onrecord.lang.en.spans import (
    doc_text,
    ent_at,
    merge_spans,
    np_span,
    overlaps,
    subtree_indices,
    token_range_span,
    tokens_to_spans,
)
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

_LINE = re.compile(r"^[ \t]*[\"“]?([A-Z][\w.’'\- ]{0,40}?):[ \t]+(\S[^\n]*)$", re.MULTILINE)
#: "Name, Outlet: “…”" — a speaker with the outlet they spoke to or write for, then a quotation
_LINE_OUTLET = re.compile(r"^[ \t]*([A-Z][\w.’'\- ]{0,40}?),[ \t]+[A-Z][\w.&’'\- ]{0,40}?:[ \t]+([“\"][^\n]*)$",
                          re.MULTILINE)
_LINE_ALONE = re.compile(r"^[ \t]*([A-Z][\w.’'\-, ]{0,60}?):[ \t]*\n\s*([“\"‘][^\n]*)$", re.MULTILINE)
#: function words that make a "NAME:" label a heading rather than a name
_HEADING_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "to", "a", "an", "with", "at"})
_LINE_STOP = {"update", "note", "editor’s note", "editor's note", "watch", "related", "photo",
              "source", "read", "read more", "see also", "video", "image", "caption", "credit",
              "contact", "email", "follow", "tags", "share", "also", "warning", "disclaimer",
              "correction", "corrections", "clarification", "editor", "editors", "updated",
              # credits, profile links and teasers: "Contributing: Ann Roe", "Twitter: @roe", "BREAKING: …"
              "contributing", "contributors", "byline", "twitter", "facebook", "instagram", "breaking",
              "exclusive", "boom", "look", "wow", "busted", "bombshell", "leaked", "just leaked", "paid notice"}
#: a caption ending in a credit label ("Crowds at the expo Image: Ann Roe") names a photographer
_CREDIT_WORDS = frozenset({"photo", "image", "caption", "credit", "video", "picture", "photograph", "illustration",
                           "graphic", "photos", "images"})


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


# ---------------------------------------------------------------- subjects and sources


def asked_passive(verb: Token, lemma: str) -> bool:
    """A passive question verb ("Clinton was asked whether …", "When asked if …, he said"):
    its subject is the one asked, and the asker is the "by" agent or nobody named."""
    if lemma not in QUESTION_LEMMAS:
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    # "When asked …", and a sentence-initial "Asked …" the tagger may read as a past tense
    participle = verb.tag_ == "VBN" or verb.tag_ == "VBD" and verb.i == sent_start(verb)
    return verb.dep_ == "advcl" and participle and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def sent_start(tok: Token) -> int:
    """The index of the first non-space token of the token's sentence."""
    return next((t.i for t in tok.sent if not t.is_space), tok.sent.start)


def agent_of(verb: Token) -> Token | None:
    """The "by" agent of a passive verb."""
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def find_subject(verb: Token, depth: int = 0) -> Token | None:
    """The subject of a cue verb, inherited from the governing verb when it has none.

    "He declined to comment", "she said X and added Y", "…, saying that…" take the subject of
    the verb they hang on; a passive takes its "by" agent; an adjectival "speaking" clause takes
    the noun it modifies.
    """
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not _pro_form(verb, c)] \
        or _perfect_subject(verb)
    if subjects:
        # two subjects: the parser took a word of a quotation before the cue for a second one
        # ("“The more people who read it, …,” Lindqvist said"); the one nearest the verb is its own
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    agent = agent_of(verb)
    if agent is not None:
        return agent
    if depth >= 3:
        return None
    if verb.dep_ == "acl" and verb.head.pos_ in SPEAKER_POS and verb.tag_ != "VBN":
        # "officials speaking on condition of anonymity", not "tweets criticizing X"
        head = verb.head
        return head if head.pos_ == "PRON" or human_subject(head, load_lexicon()) else None
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        # "explained it by saying …", "after meeting him, he said"
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
            return None
        return find_subject(verb.head.head, depth + 1)
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return None
        return find_subject(verb.head, depth + 1)
    return None


#: the contracted "has" the tagger reads as a passive "is" ("He's said he …", "She’s argued that …")
CONTRACTED_HAS = ("'s", "’s")


def _perfect_subject(verb: Token) -> list[Token]:
    """The subject of a perfect tense with a contracted "has" parsed as a passive ("He's said he
    would run": "'s" taken for "is"): a passive subject of a verb with a clause of its own and no
    infinitive ("He's said to be furious" stays a passive)."""
    has = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lower_ in CONTRACTED_HAS]
    if not has:
        return []
    if any(c.dep_ == "xcomp" for c in verb.children) or not any(c.dep_ == "ccomp" for c in verb.children):
        return []
    # the subject hangs on the verb as a passive subject, or on the contraction itself
    return [c for c in verb.children if c.dep_ == "nsubjpass"] \
        or [c for c in has[0].children if c.dep_ in ("nsubj", "nsubjpass")]


def skip_dateline(subject: Token) -> Token:
    """"LONDON (Reuters) - Donald Trump said": the subject is the name after the dateline."""
    if not (subject.is_upper and subject.ent_type_ in ("GPE", "LOC", "")):
        return subject
    dash = next((t for t in subject.subtree if t.i > subject.i and t.text in ("-", "–", "—", "―", "--")), None)
    if dash is None:
        return subject
    names = [t for t in subject.subtree if t.i > dash.i and t.ent_type_ in ("PERSON", "ORG", "NORP")]
    if names:
        ent = ent_at(names[0])
        return ent.root if ent is not None else names[0]
    return subject


DASHES = ("-", "–", "—", "―", "--")
NP_DEPS = ("appos", "conj", "compound", "flat", "nmod")


def after_dateline(subject: Token, verb: Token) -> Token:
    """"WASHINGTON (AP) — A spokesman for X called…": parsed with the place as subject, the
    source is the head of the words between the dash and the verb."""
    if subject.i >= verb.i or not (subject.is_upper or subject.ent_type_ in ("GPE", "LOC")):
        return subject
    doc = verb.doc
    dash = next((t.i for t in doc[subject.i:verb.i] if t.text in DASHES), None)
    if dash is None or dash + 1 >= verb.i:
        return subject
    root = doc[dash + 1:verb.i].root
    return root if root.pos_ in SPEAKER_POS else subject


def named_in_np(subject: Token) -> Token:
    """"The head of the PAC, Mike Murphy," / "contender and neurosurgeon Ben Carson": a common
    noun subject that names its person in an apposition takes the name as source."""
    if subject.pos_ not in ("NOUN", "PROPN") or subject.ent_type_ == "PERSON":
        return subject
    for tok in subject.subtree:
        if tok.ent_type_ != "PERSON" or tok.i == subject.i:
            continue
        node = tok
        while node.i != subject.i and node.dep_ in NP_DEPS:
            node = node.head
        if node.i == subject.i:
            ent = ent_at(tok)
            return ent.root if ent is not None else tok
    return subject


def adjacent_speaker(verb: Token) -> Token | None:
    """A name or pronoun right next to a cue the parser left without subject ("…,” Gowdy added)."""
    doc = verb.doc
    for i in (verb.i - 1, verb.i + 1, verb.i + 2):
        if 0 <= i < len(doc) and doc[i].sent == verb.sent:
            tok = doc[i]
            if tok.pos_ in ("PROPN", "PRON") and tok.lower_ not in NOT_SOURCES or tok.ent_type_ == "PERSON":
                ent = ent_at(tok)
                return ent.root if ent is not None else tok
    return None


#: documents that speak for whoever issued them ("a 2021 study by the RAND Corporation found")
DOCUMENT_NOUNS = frozenset({"study", "report", "survey", "poll", "analysis", "statement", "release", "paper",
                            "letter", "memo", "document", "review", "investigation", "audit", "filing", "assessment",
                            "estimate", "ruling", "order", "notice", "communique", "communiqué", "publication"})
ISSUER_TYPES = ("ORG", "PERSON", "NORP", "GPE")


def issuer_of(tok: Token) -> Token:
    """The issuer of a document source ("a study by RAND", "RAND's study", "a RAND study"),
    else the token itself: the speaker of what the document says is who issued it."""
    if tok.lower_ not in DOCUMENT_NOUNS and tok.lower_.removesuffix("s") not in DOCUMENT_NOUNS \
            and tok.lower_ not in DATA_NOUNS:
        return tok
    candidates = [c for c in tok.children if c.dep_ in ("poss", "compound") and c.ent_type_ in ISSUER_TYPES]
    candidates += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")
                   for g in c.children if g.dep_ == "pobj" and g.ent_type_ in ISSUER_TYPES]
    if not candidates:
        return tok
    ent = ent_at(candidates[0])
    return ent.root if ent is not None else candidates[0]


def quoted_person(verb: Token, lemma: str) -> Token | None:
    """"The paper quoted critics like Ann Roe: “…”": who is quoted speaks the quotation (the
    last person named in the object, else the object)."""
    if lemma != "quote":
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
    if obj is None:
        return None
    persons = [t for t in obj.subtree if t.ent_type_ == "PERSON"]
    if persons:
        ent = ent_at(persons[-1])
        return ent.root if ent is not None else persons[-1]
    return obj


def inverted_speaker(verb: Token) -> Token | None:
    """"“…,” responded the treasurer": after a quotation the speaker may follow the cue, parsed
    as its object."""
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    if prev is None or not (prev.is_punct or prev.text in QUOTE_STRIP):
        return None
    for c in verb.children:
        if c.i > verb.i and c.dep_ in ("dobj", "attr", "nsubj", "npadvmod") and c.pos_ in ("NOUN", "PROPN") \
                and c.ent_type_ not in ("DATE", "TIME") and c.left_edge.i <= verb.i + 3:
            return c
    return None


def _gerund(tok: Token) -> bool:
    """A gerund ("Writing in a blog, …"), also where the tagger took a sentence-initial one for a noun."""
    return tok.tag_ == "VBG" or tok.i == sent_start(tok) and tok.tag_ == "NN" and tok.lower_.endswith("ing") \
        and any(c.dep_ == "prep" for c in tok.children)


def name_before(gerund: Token, verb: Token) -> Token | None:
    """The name between a gerund clause and its verb ("Writing in a blog, Ann Roe said"), else None:
    a gerund is an act, not a source."""
    doc = gerund.doc
    comma = next((t.i for t in doc[gerund.i:verb.i] if t.text == ","), None)
    if comma is None:
        return None
    for tok in doc[comma + 1:verb.i]:
        if tok.ent_type_ in ("PERSON", "ORG", "NORP") or tok.pos_ == "PRON" and tok.lower_ not in NOT_SOURCES:
            ent = ent_at(tok)
            return ent.root if ent is not None else tok
    return None


#: data, not sources: "Figures show …", "The results showed …", "Photos showed …" (a poll, a
#: study or a report is a source; the numbers and pictures it contains are not)
DATA_NOUNS = frozenset({"figure", "figures", "result", "results", "data", "number", "numbers", "statistics",
                        "photo", "photos", "photograph", "photographs", "picture", "pictures", "image", "images",
                        "footage", "video", "videos", "graph", "chart", "map"})
#: verbs of perceiving or offering whose subject must be able to perceive or offer: "The finals saw
#: two teams face off", "The outfits offered a cross-section of genres" report nothing
PERCEIVER_LEMMAS = frozenset({"see", "offer", "encourage", "learn", "want"})


#: bodies that act and speak ("the committee wants", "the agency offered")
INSTITUTION_NOUNS = frozenset({"committee", "government", "court", "party", "board", "council", "agency", "company",
                               "department", "ministry", "administration", "campaign", "union", "team", "group",
                               "organization", "organisation", "panel", "commission", "office", "firm", "club",
                               "parliament", "congress", "senate", "house", "state", "country", "nation", "city",
                               "police", "army", "military", "school", "university", "bank", "church", "network",
                               "college", "institution", "hospital", "business", "employer", "airline", "bureau",
                               "authority", "regime", "coalition", "alliance", "federation", "association"})


def not_a_reporter(subject: Token, lemma: str, classes: frozenset[str], lex: Lexicon) -> bool:
    """Whether a subject cannot be the source of this cue: data as the subject of an evidence verb,
    or a thing or event as the subject of a verb of perceiving or wanting (a common noun that
    names no person, group, organisation or document)."""
    low = subject.lower_
    if "evidence" in classes and low in DATA_NOUNS and subject.ent_type_ == "":
        # unless the data come from a named source ("Data from the census show …", "the auditors' figures")
        if any(c.dep_ == "poss" for c in subject.children):
            return False
        return not any(g.ent_type_ or g.lower_.removesuffix("s") in DOCUMENT_NOUNS | INSTITUTION_NOUNS
                       or g.pos_ == "PROPN"
                       for c in subject.children if c.dep_ == "prep" and c.lower_ in ("from", "of", "by")
                       for g in c.subtree)
    if lemma not in PERCEIVER_LEMMAS or subject.pos_ not in ("NOUN", "NUM") \
            or subject.ent_type_ not in ("", "CARDINAL"):
        return False
    if low.removesuffix("s") in DOCUMENT_NOUNS or low in DOCUMENT_NOUNS or low.removesuffix("s") in INSTITUTION_NOUNS \
            or human_subject(subject, lex):
        return False
    head = next((g for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"), None)  # "hundreds of vendors"
    return not (head is not None and human_subject(head, lex))


def usable_source(tok: Token | None) -> bool:
    """Whether a subject can be a source (not "it", "there", an expletive or a clause)."""
    if tok is None:
        return False
    if tok.lower_ in NOT_SOURCES and tok.dep_ != "nsubj" or tok.lower_ in NEVER_SOURCES:
        return False
    if tok.lower_ == "it" and (tok.head.i + 1 < len(tok.doc) and tok.doc[tok.head.i + 1].lower_ == "that"
                               or any(c.dep_ in ("ccomp", "xcomp") and c.i > tok.head.i for c in tok.head.children)
                               and any(c.dep_ in ("auxpass", "acomp") for c in tok.head.children)):
        return False  # "it is expected that …", "it seems …"
    if tok.lower_ in ("that", "which"):
        return tok.head.dep_ == "relcl"
    if tok.lower_ in QUANTIFIERS and tok.dep_ == "nsubj":
        return True  # "Many said …", "Most of the senators have said …"
    return tok.pos_ in SPEAKER_POS or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")


#: quantifiers that stand for people as a subject ("Many said …", "Most of the senators have said …")
QUANTIFIERS = frozenset({"many", "most", "few", "several", "some", "all", "both", "half", "none", "others",
                         "each", "either", "neither"})


def source_span(tok: Token) -> Span:
    """The local source mention: its noun phrase up to the head."""
    if tok.pos_ == "PRON":
        return tok.idx, tok.idx + len(tok.text)
    return np_span(tok)


# ---------------------------------------------------------------- contents


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
        return clauses, "clause"
    if lemma in ("seem", "appear") or classes == {"frame"} or lemma in CLAUSE_ONLY_LEMMAS:
        return [], ""
    if "act" in classes:
        # "wants to attend", "plans to hold the contest", "vetoed the bills": a plan, a wish or a
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
    preps = [g for p in _prep_objects(verb) if not (p.lower_ == "to" and lemma in ADDRESSEE_TO)
             for g in p.children if g.dep_ in ("pobj", "pcomp") and not _speaking_occasion(lemma, p, g)]
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


#: verbs of speaking whose "on" phrase may name the terms or the medium, not the topic
SPEAK_ON_LEMMAS = frozenset({"speak", "talk"})
#: the terms of speaking ("on condition of anonymity", "on his behalf", "on the record")
SPEAKING_TERMS = frozenset({"condition", "conditions", "behalf", "record", "background"})
MEDIUM_TYPES = ("ORG", "PERSON", "GPE", "FAC", "LOC", "DATE", "TIME", "WORK_OF_ART")


def _speaking_occasion(lemma: str, prep: Token, obj: Token) -> bool:
    """"spoke on condition of anonymity", "speaking on CNBC", "talked on Mr. Roe's behalf": the
    terms, the medium or the occasion of speaking, not its topic ("spoke on trade" is one)."""
    if lemma not in SPEAK_ON_LEMMAS or prep.lower_ != "on":
        return False
    return obj.lower_ in SPEAKING_TERMS or obj.ent_type_ in MEDIUM_TYPES


#: words that stand for a whole answer or statement after "say" ("said yes", "say the same", "said so")
PRO_FORMS = frozenset({"yes", "no", "so", "same"})
SAY_FORMS = frozenset({"say", "says", "said", "saying"})


def _pro_form(verb: Token, tok: Token) -> bool:
    """"26 percent said the same", "he said no": a word right after "say" that stands for what was
    said (the parser makes it a subject, an interjection or an adverb)."""
    return tok.lower_ in PRO_FORMS and tok.i > verb.i and verb.lower_ in SAY_FORMS and tok.i - verb.i <= 2 \
        and tok.dep_ in ("nsubj", "intj", "advmod", "dobj")


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


#: a quotation of at most this many words may be a name or a term ("“Hope”", "“online tools”")
SHORT_QUOTE_WORDS = 3


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
        return out
    if clause.left_edge.i - sent.start <= 3:
        stop = min(verb.i, subject.left_edge.i) if subject is not None and subject.i < verb.i else verb.i
        stop = max(stop, clause.right_edge.i + 1)
        return set(range(sent.start, stop))
    return subtree_indices(clause)


#: a cue verb in these clauses reports no further than its own subtree
EMBEDDED_DEPS = frozenset({"relcl", "advcl"})

TAIL_DEPS = ("prep", "oprd", "xcomp", "dative")


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
        out |= subtree_indices(c)
    return out


def quotes_in(quotes: list[QuoteSpan], begin: int, end: int) -> list[QuoteSpan]:
    """Quotes that lie within [begin, end)."""
    return [q for q in quotes if q.begin >= begin and q.end <= end]


def _attribution_tokens(verb: Token, subject: Token | None) -> set[int]:
    """Tokens of an attribution clause: the cue, its subject, auxiliaries and adverbials."""
    out = {verb.i}
    if subject is not None and subject.head.i == verb.i:
        out |= {t.i for t in subject.subtree}
    for c in verb.children:
        if c.dep_ in ("aux", "auxpass", "neg", "advmod", "prt", "punct", "npadvmod", "dative", "prep",
                      "dobj", "agent", "cc"):
            out |= {t.i for t in c.subtree}
    return out


PUT_IT = frozenset({"frame"})


def _put_it(verb: Token, lemma: str) -> bool:
    """"As X put it, …" / "X put it this way:"."""
    return lemma == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children)


def _headline(sent: SpacySpan) -> bool:
    """A line of its own without final punctuation (a headline or a caption)."""
    text = doc_text(sent.doc)
    last = _last_word(sent)
    if last.text in (".", "!", "?", ":", ";") or last.text in QUOTE_STRIP:
        return False
    end = last.idx + len(last.text)
    return text[end:end + 1] in ("\n", "") and (sent.start == 0 or "\n" in sent.doc[sent.start - 1].text)


def _country_says(verb: Token, subject: Token) -> bool:
    """"Trade talks stall, US says": a country (its government) as the source of a headline."""
    return subject.ent_type_ == "GPE" and _parenthetical(verb, subject)


def _after_colon(text: str, end: int, sent_end: int) -> Span | None:
    """The rest of the sentence (and paragraph) after a colon right at ``end``, when it opens a
    sentence (a capital or a quotation mark, at least three words), else None (a list: "three
    things: …")."""
    colon = end
    while colon < len(text) and text[colon] in " \t":
        colon += 1
    if colon >= len(text) or text[colon] != ":":
        return None
    para_end = text.find("\n", colon)
    para_end = len(text) if para_end < 0 else para_end
    begin, stop = colon + 1, min(para_end, sent_end)
    while begin < stop and text[begin].isspace():
        begin += 1
    while stop > begin and text[stop - 1].isspace():
        stop -= 1
    rest = text[begin:stop]
    if len(rest.split()) < 3 or not (rest[0].isupper() or rest[0] in QUOTE_STRIP):
        return None
    return begin, stop


def _only_punct(gap: str) -> bool:
    """Whether a stretch holds nothing but spaces and punctuation (and is short)."""
    return len(gap) <= 3 and all(not ch.isalnum() for ch in gap)


def _parenthetical(verb: Token, subject: Token | None) -> bool:
    """Whether a cue set off by punctuation follows its content (", he said", "” she added")."""
    first = verb.i
    if subject is not None and subject.i < verb.i:
        first = min(first, subject.left_edge.i)
    prev = verb.doc[first - 1] if first > 0 else None
    return prev is not None and (prev.is_punct or prev.text in QUOTE_STRIP)


def _as_clause(verb: Token) -> bool:
    """"As X said, …": an adverbial clause introduced by "as"."""
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _last_word(sent: SpacySpan) -> Token:
    """The last token of a sentence that is not whitespace."""
    for tok in reversed(sent):
        if not tok.is_space:
            return tok
    return sent[-1]


#: verbs of seeing that report a view, but as a to-infinitive only an act of watching
WATCH_LEMMAS = frozenset({"see"})

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


def verb_cue(verb: Token, sent: SpacySpan, quotes: list[QuoteSpan], lex: Lexicon, lemma: str) -> Attribution | None:
    """A cue verb with its source and content (see the module docstring)."""
    classes = lex.cue_classes(lemma) or (PUT_IT if _put_it(verb, lemma) else frozenset())
    if not classes or verb.pos_ not in ("VERB", "AUX") and not (verb.tag_.startswith("VB")):
        return None
    doc = verb.doc
    if lemma in WATCH_LEMMAS and _infinitive(verb):
        return None  # "went to see the band play", "waited to see what would happen": watching, not reporting
    asked = asked_cue(verb, sent, quotes) if asked_passive(verb, lemma) else None
    if asked is not None:
        return asked
    subject = find_subject(verb)
    if subject is not None and subject.ent_type_ in ("DATE", "TIME"):
        subject = adjacent_speaker(verb)  # "Warren said Saturday" parsed with the date as subject
    if subject is not None and _gerund(subject) and subject.i < verb.i:
        subject = name_before(subject, verb)  # "Writing in a blog, Ann Roe dubbed …" parsed with "Writing"
    if subject is not None and not_a_reporter(subject, lemma, classes, lex):
        return None
    if subject is not None:
        subject = named_in_np(after_dateline(skip_dateline(subject), verb))
    elif verb.dep_ in ("ROOT", "parataxis", "ccomp"):
        subject = adjacent_speaker(verb) or inverted_speaker(verb)
    if verb.dep_ == "amod" or (subject is None and verb.dep_ not in ("ROOT", "parataxis", "ccomp")):
        return None
    impression = lemma in IMPRESSION_LEMMAS and subject is not None and subject.lower_ == "it"
    if subject is not None and not usable_source(subject) and not impression:
        return None
    if _headline(sent) and not (subject is not None and (subject.pos_ == "PRON" or human_subject(subject, lex)
                                                         or _country_says(verb, subject))):
        return None  # a headline needs a named (or human) source: not "Council delays vote on …"
    comps, ctype = clause_content(verb, classes, lemma)
    if ctype == "object" and not _object_reporter(verb, subject):
        comps, ctype = [], ""  # "They were denied visas": the object is no one's statement
    content_idx: set[int] = set()
    for c in comps:
        content_idx |= clause_extent(verb, c, subject, sent) if ctype == "clause" else subtree_indices(c)
    if ctype == "object":
        if len(comps) == 1 and _quoted_term(doc, subtree_indices(comps[0]), quotes) \
                and not _quote_set_off(doc, verb, comps[0]):
            return None  # "recommended “online translation tools”": a term in marks, no statement
        content_idx |= object_tail(verb, comps)
    if subject is None and content_idx:
        # "Trump is not expected to attend": without an agent the patient belongs to the content
        for c in verb.children:
            if c.dep_ == "nsubjpass" and c.lower_ not in ("it", "there", "who", "which", "that"):
                content_idx |= subtree_indices(c)
    if verb.dep_ == "ccomp" and not content_idx and verb.i > verb.head.i and classes & {"speech", "belief"} \
            and _parenthetical(verb, subject):
        # "X is Y, he said" parsed with the main clause as head (not "Manafort said he agreed")
        content_idx = subtree_indices(verb.head, exclude=[verb]) & set(range(sent.start, verb.i))
        ctype = "clause"
    if verb.dep_ == "advcl" and not content_idx and _as_clause(verb) and classes & {"speech", "belief", "frame"}:
        # "As X reported, Y" / "Y, as X put it"
        content_idx = subtree_indices(verb.head, exclude=[verb]) & set(range(sent.start, sent.end))
        ctype = "clause"
    if verb.dep_ == "parataxis" and not content_idx and classes & {"speech", "belief"}:
        content_idx = subtree_indices(verb.head, exclude=[verb]) & set(range(sent.start, sent.end))
        ctype = "clause"
    if ctype in ("clause", "object"):
        content_idx = drop_trailing_aside(doc, content_idx)
    content = tokens_to_spans(doc, content_idx)
    kind: QuoteKind = "reported" if ctype == "object" else "indirect"
    confidence = 0.8 if ctype == "clause" else 0.6
    if not content and "act" not in classes:
        # no complement: a direct quote in the same sentence (before or after the cue); for
        # verbs other than speech verbs ("“Why?” Vitter demanded") it must be adjacent
        spans_q = [(q.begin, q.end) for q in quotes]
        att_idx = {i for i in _attribution_tokens(verb, subject)
                   if i == verb.i or not any(b <= doc[i].idx < e for b, e in spans_q)}
        att_begin, att_end = token_range_span(doc, min(att_idx), max(att_idx))
        text = doc_text(doc)
        near = [q for q in quotes if q.begin < sent.end_char and q.end > sent.start_char
                and not overlaps((q.begin, q.end), (att_begin, att_end))]
        if not near and all(t.i in att_idx or t.is_punct or t.is_space for t in sent):
            # "“… proof?” | Vitter demanded." (the sentence is split inside the quotation)
            near = [q for q in quotes if q.end <= att_begin and _only_punct(text[q.end:att_begin])]
        if not classes & {"speech", "frame"} or "np-none" in classes:
            near = [q for q in near if _only_punct(text[q.end:att_begin]) or _only_punct(text[att_end:q.begin])]
        # a short quotation next to no cue is a name or a term ("named their robot “Robogee”")
        near = [q for q in near if _quote_words(text, q) > SHORT_QUOTE_WORDS
                or q.end <= att_begin and _only_punct(text[q.end:att_begin])]
        if near:
            content = [p for q in near for p in q.parts]
            kind, confidence, ctype = "direct", 0.85, "quote"
            subject = quoted_person(verb, lemma) or subject
    if ctype == "object" and content:
        spelled = _after_colon(doc_text(doc), content[-1][1], sent.end_char)
        if spelled is not None:
            # "denied these allegations: She was never forced …": what follows the colon is
            # what was said
            content = [spelled]
            kind = "direct" if doc_text(doc)[spelled[0]] in QUOTE_STRIP else "indirect"
    last = _last_word(sent)
    if content and last.text == ":" and last.i > sent.start and content[-1][1] >= doc[last.i - 1].idx:
        after = [q for q in quotes if q.begin >= sent.end_char and doc_text(doc)[sent.end_char:q.begin].strip() == ""]
        if after:
            content = content + list(after[0].parts)
    elif not content and last.text == ":":
        after = [q for q in quotes if q.begin >= last.idx and doc_text(doc)[last.idx + 1:q.begin].strip() == ""]
        if after:
            content = list(after[0].parts)
            kind, confidence, ctype = "direct", 0.8, "quote"
    if not content:
        return None
    if subject is None:
        src, src_tok = None, None
        if verb.dep_ not in ("ROOT",):
            return None
    elif impression:
        src, src_tok = None, None  # "It seems that …": an impression without a source
    else:
        src, src_tok = source_span(subject), issuer_of(subject).i
        if any(overlaps(src, c) for c in content):
            return None
    cue = [token_range_span(doc, verb.i, verb.i)]
    cue += [token_range_span(doc, c.i, c.i) for c in verb.children if c.dep_ == "prt"
            or c.dep_ == "prep" and any(g.head.i == c.i for g in comps)]
    return Attribution(content=merge_spans(content), cue=merge_spans(cue), source=src, source_token=src_tok,
                       kind=kind, confidence=confidence, rule=f"verb:{ctype}", extra={"verb": verb.i})


#: verbs of an impression: "it seems", "it appears" name no source
IMPRESSION_LEMMAS = frozenset({"seem", "appear"})


#: verbs that with "back" answer an attack in words ("fired back", "shot back", "hit back")
RETORT_VERBS = frozenset({"fire", "shoot", "hit", "strike", "snap"})


def _back(verb: Token) -> bool:
    """Whether a verb has "back" as its particle or adverb ("fired back")."""
    return any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in verb.children)


def _seems_of_subject(verb: Token) -> bool:
    """"X seems Y" with a predicate of its own (not "it seems that …", "seemed to say that …")."""
    return any(c.dep_ in ("oprd", "acomp", "dobj") or c.dep_ == "prep" and c.lower_ == "like"
               for c in verb.children if c.i > verb.i)


def asked_cue(verb: Token, sent: SpacySpan, quotes: list[QuoteSpan]) -> Attribution | None:
    """The question put to someone: its content is the question clause ("was asked whether …",
    "When asked if …"), the request ("Asked by X to respond …"), the topic ("When asked about
    her vote") or the quotation that follows; its source is the asker when named. None when it
    has no content (the general rules then apply)."""
    doc = verb.doc
    clauses = [c for c in verb.children if c.i > verb.i and (
        c.dep_ in ("ccomp", "xcomp") or c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in QUESTION_MARKS
                                                                    for m in c.children))]
    about = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "about" and c.i > verb.i]
    topics = [g for p in about for g in p.children if g.dep_ in ("pobj", "pcomp")]
    parts = clauses or topics
    content = tokens_to_spans(doc, set().union(*(subtree_indices(c) for c in parts))) if parts else []
    kind: QuoteKind = "indirect" if any(c.dep_ != "xcomp" for c in clauses) else "reported"
    if not content:
        if verb.dep_ == "advcl":  # "Asked, Clinton said “…”": the quotation answers
            return None
        after = [q for q in quotes if sent.start_char <= q.begin < sent.end_char and q.begin > verb.idx]
        if not after:
            return None
        content, kind = list(after[0].parts), "direct"
    agent = agent_of(verb)
    src = source_span(agent) if agent is not None and usable_source(agent) else None
    cue = [token_range_span(doc, c.i, c.i) for c in verb.children if c.dep_ == "auxpass"]
    cue.append(token_range_span(doc, verb.i, verb.i))
    if not clauses and about:
        cue.append(token_range_span(doc, about[0].i, about[0].i))
    return Attribution(content=merge_spans(content), cue=merge_spans(cue), source=src,
                       source_token=agent.i if src is not None and agent is not None else None,
                       kind=kind, confidence=0.7, rule="verb:asked")


def make_clear(verb: Token, sent: SpacySpan) -> Attribution | None:
    """"X made (it) clear (that) Y": a statement by X whose content is the clause Y (the parser
    hangs Y on "made" or on "clear")."""
    doc = verb.doc
    clear = next((doc[i] for i in range(verb.i + 1, min(verb.i + 4, sent.end)) if doc[i].lower_ == "clear"), None)
    if clear is None or not verb.i <= clear.head.i <= verb.i + 3:
        return None
    clause = next((c for c in (*clear.children, *verb.children) if c.i > clear.i and c.dep_ in CLEAR_CLAUSE_DEPS
                   and any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)), None)
    subject = find_subject(verb)
    if clause is None or subject is None or not usable_source(subject):
        return None
    content = tokens_to_spans(doc, set(range(clause.left_edge.i, sent.end)))
    cue = [token_range_span(doc, verb.i, clear.i)]
    return Attribution(content=merge_spans(content), cue=cue, source=source_span(subject), source_token=subject.i,
                       kind="indirect", confidence=0.7, rule="make-clear")


CLEAR_CLAUSE_DEPS = frozenset({"ccomp", "csubj", "advcl"})

HUMAN_PRONOUNS = frozenset({"he", "she", "they", "who"})


def _object_reporter(verb: Token, subject: Token | None) -> bool:
    """Whether a cue with an object (no clause) has someone who reports: not a passive without
    agent that keeps an object ("they were denied visas", "he was shown a yellow card")."""
    if subject is not None:
        return True
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    return not (passive and any(c.dep_ in ("dobj", "dative") for c in verb.children))


def human_subject(tok: Token, lex: Lexicon) -> bool:
    """A subject that names a person, an organisation or a group of people."""
    if tok.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    low = tok.lower_
    return low in HUMAN_PRONOUNS or low in lex.group_nouns or low in lex.person_nouns


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


#: who listens: "remarks for attendees", "told reporters"
AUDIENCE_NOUNS = frozenset({"attendees", "visitors", "reporters", "journalists", "audience", "audiences", "guests",
                            "readers", "viewers", "listeners", "crowd", "crowds", "fans", "students", "press",
                            "media", "congregation", "parishioners", "graduates", "troops"})


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
    if source is None or source.pos_ not in SPEAKER_POS or not usable_source(source):
        return None
    doc = noun.doc
    comps: list[Token] = []
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp") and c.i > noun.i and (_infinitive(c) or any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children)):
            comps.append(c)
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
    if not comps:
        return None
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


#: what "seems" or "appears" to be: "seemed willing", "seemed to know", "appeared a mistake"
SEEM_PRED_DEPS = frozenset({"xcomp", "oprd", "acomp", "attr"})


def seem_cue(verb: Token, lemma: str) -> Attribution | None:
    """"The speaker seemed closer to an endorsement": an impression without a source; the
    content is the subject and what it seems to be."""
    if lemma not in ("seem", "appear") or verb.dep_ not in ("ROOT", "conj"):
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "expl")]
    deps = SEEM_PRED_DEPS | {"dobj"} if lemma == "seem" else SEEM_PRED_DEPS
    preds = [c for c in verb.children if c.i > verb.i and (c.dep_ in deps or c.dep_ == "prep" and c.lower_ == "like")]
    if not subjects or not preds:
        return None
    if subjects[0].lower_ in ("it", "there", "this", "that") and not any(c.dep_ in ("xcomp", "attr", "prep", "dobj")
                                                                          for c in preds):
        return None  # "it seems that …" is the clause's (see verb_cue); "it seemed like a task" is an impression
    # "He seems content that the deal …": the clause belongs to the predicate
    preds += [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and any(p.dep_ == "oprd" for p in preds)]
    idx: set[int] = set()
    for c in subjects + preds:
        idx |= subtree_indices(c)
    doc = verb.doc
    content = tokens_to_spans(doc, idx)
    if not content:
        return None
    return Attribution(content=merge_spans(content), cue=[token_range_span(doc, verb.i, verb.i)], source=None,
                       source_token=None, kind="indirect", confidence=0.5, rule="seem")


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


def _name_like(name: str) -> bool:
    """Every word capitalised (or a short particle such as "de", "van")."""
    words = name.split()
    return bool(words) and all(w[0].isupper() or w in ("de", "van", "von", "der", "al", "bin") for w in words)


PLACE_TYPES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})


def line_sources(doc: Doc) -> list[Attribution]:
    """Transcript and headline lines "NAME: words" (the name has at most five words)."""
    out: list[Attribution] = []
    text = doc_text(doc)
    matches = list(_LINE.finditer(text)) + list(_LINE_ALONE.finditer(text)) + list(_LINE_OUTLET.finditer(text))
    for m in matches:
        name = m.group(1).strip()
        name = re.split(r",\s*", name)[0] if m.re is _LINE_ALONE else name
        if len(name) == 1:
            continue  # "Q:" / "A:" mark turns of an interview, not who speaks
        if any(w.lower() in _HEADING_WORDS for w in name.split()):
            continue  # a heading ("STAT OF THE WEEK:", "The Bottom Line:"), not a name
        if name.lower() in _LINE_STOP or name.split()[-1].lower() in _CREDIT_WORDS or len(name.split()) > 5 \
                or not _name_like(name):
            continue
        if re.search(r"\d", name) or not re.search(r"[^\W\d_]{2}", m.group(2)) or m.group(2).startswith("@"):
            continue  # a tally ("Clinton: 1,769") or a handle ("Twitter: @roe") is no statement
        end = m.end(2)
        while end > m.start(2) and text[end - 1] in " .\t":
            end -= 1
        name_begin = m.start(1)
        span = doc.char_span(name_begin, name_begin + len(name), alignment_mode="expand")
        if span is not None and len(span) and all(t.ent_type_ in PLACE_TYPES for t in span):
            continue  # a list under a place heading ("Iowa: Tim Albrecht, Brad Anderson, …")
        head = span.root.i if span is not None and len(span) else None
        colon = text.index(":", m.end(1))
        out.append(Attribution(content=[(m.start(2), end)], cue=[(colon, colon + 1)],
                               source=(name_begin, name_begin + len(name)), source_token=head,
                               kind="direct", confidence=0.6, rule="line"))
    return out


#: at most this many paragraph breaks between a colon and the quotation it introduces
COLON_BREAKS = 2


def _colon_quote(text: str, colon: int, quotes: list[QuoteSpan]) -> QuoteSpan | None:
    """The closed quotation of more than three words that opens right after a colon (on the same
    line or in the next paragraph)."""
    for q in quotes:
        if q.begin > colon:
            gap = text[colon + 1:q.begin]
            if gap.strip() or gap.count("\n") > COLON_BREAKS or not q.closed \
                    or _quote_words(text, q) <= SHORT_QUOTE_WORDS:
                return None
            return q
    return None


#: entity types of a name that is no one who speaks
NOT_SPEAKER_TYPES = frozenset({"WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "LANGUAGE"}) | PLACE_TYPES


def _person_like(tok: Token, lex: Lexicon) -> bool:
    """A subject that names a person, a group or an organisation, or a name that is no place or
    thing ("Governor Ilves" when the tagger gives the name no type)."""
    if human_subject(tok, lex):
        return True
    return tok.pos_ == "PROPN" and tok.is_title and tok.ent_type_ not in NOT_SPEAKER_TYPES


def colon_sources(doc: Doc, quotes: list[QuoteSpan], lex: Lexicon) -> list[Attribution]:
    """"Trump went even further: “If he loses, it's over.”", "Clinton released the following
    statement:¶“…”": a sentence about a person that ends in a colon introduces that person's
    quotation, whatever its verb (the main verb's subject must name a person, a group or an
    organisation, or be a personal pronoun)."""
    out: list[Attribution] = []
    text = doc_text(doc)
    for colon in doc:
        if colon.text != ":" or colon.i == colon.sent.start or any(q.begin < colon.idx < q.end for q in quotes):
            continue
        q = _colon_quote(text, colon.idx, quotes)
        root = colon.head if colon.head.pos_ in ("VERB", "AUX") and colon.head.i < colon.i else colon.sent.root
        if q is None or root.pos_ not in ("VERB", "AUX") or root.i > colon.i:
            continue
        subjects = [c for c in root.children if c.dep_ in SUBJECT_DEPS]
        if not subjects or not _person_like(subjects[0], lex) or not usable_source(subjects[0]) \
                or subjects[0].lower_ in NOT_SOURCES:
            continue
        subject = named_in_np(subjects[0])
        out.append(Attribution(content=list(q.parts), cue=[token_range_span(doc, root.i, root.i)],
                               source=source_span(subject), source_token=issuer_of(subject).i, kind="direct",
                               confidence=0.6, rule="colon", extra={"verb": root.i}))
    return out


#: a dash, or a hyphen with space on both sides standing for one ("“…” - Ann Roe")
_BYLINE = re.compile(r"[ \t\u00a0]*([―—–]|--|(?<=[ \t\u00a0])-(?=[ \t\u00a0]))"
                     r"[ \t\u00a0]*([A-Z][\w.’'\- ]{1,60}?)[ \t\u00a0.]*(?=\n|$)")


def byline_sources(doc: Doc, quotes: list[QuoteSpan]) -> list[Attribution]:
    """A quotation signed after a dash: "“…” ― Veronica Cruz" (the name ends the line)."""
    out: list[Attribution] = []
    text = doc_text(doc)
    for q in quotes:
        m = _BYLINE.match(text, q.end)
        if m is None:
            continue
        name = m.group(2).strip()
        if len(name.split()) > 5 or not _name_like(name) or re.search(r"\d", name):
            continue
        begin = m.start(2)
        span = doc.char_span(begin, begin + len(name), alignment_mode="expand")
        head = span.root.i if span is not None and len(span) else None
        out.append(Attribution(content=list(q.parts), cue=[(m.start(1), m.end(1))],
                               source=(begin, begin + len(name)), source_token=head,
                               kind="direct", confidence=0.85, rule="byline"))
    return out


# ---------------------------------------------------------------- the whole document


def _quote_words(text: str, q: QuoteSpan) -> int:
    return len(q.inner(text).split())


def _mark_only(text: str, content: list[Span], q: QuoteSpan) -> bool:
    """Whether content reaches into a quotation by its opening mark only: a sentence that
    ends where the next quotation opens (‘… a businessperson. " As a way …’) does not
    quote it."""
    inside = "".join(text[max(b, q.begin):min(e, q.end)] for b, e in content)
    return bool(inside) and not any(ch.isalnum() for ch in inside) and q.begin >= min(b for b, _ in content)


def _cut_mark(text: str, content: list[Span], q: QuoteSpan) -> list[Span]:
    """Content without the part from a quotation's opening mark on (and the space before it)."""
    out: list[Span] = []
    for b, e in content:
        e = min(e, q.begin)
        while e > b and text[e - 1].isspace():
            e -= 1
        if e > b:
            out.append((b, e))
    return out


def _stretch(att: Attribution, quotes: list[QuoteSpan], text: str) -> None:
    """Extend content over the whole of any quotation it overlaps; set direct/mixed kinds."""
    blocked = [s for s in ([att.source] if att.source else []) + att.cue]
    content = list(att.content)
    touched: list[QuoteSpan] = []
    for q in quotes:
        if any(overlaps((q.begin, q.end), c) for c in content) and not any(
                overlaps((q.begin, q.end), b) for b in blocked):
            if _mark_only(text, content, q):
                content = _cut_mark(text, content, q) or content
                continue
            content.extend(q.parts)
            touched.append(q)
    att.content = merge_spans(content)
    if touched:
        inside = sum(e - b for q in touched for b, e in q.parts)
        total = sum(e - b for b, e in att.content)
        if inside >= total - 3:
            att.kind = "direct"
            att.confidence = max(att.confidence, 0.85)
        elif att.kind in ("indirect", "reported"):
            att.kind = "mixed"


def _between_is_attribution(text: str, end: int, begin: int, att: Attribution) -> bool:
    """Whether only the attribution clause (and punctuation) lies between two quotes."""
    gap = text[end:begin]
    if "\n" in gap.strip(" \t"):
        return False
    marks = ([att.source] if att.source else []) + att.cue
    inside = [m for m in marks if end <= m[0] and m[1] <= begin]
    return bool(inside) and len(gap.split()) <= 50


def _next_paragraph(text: str, last: Attribution, q: QuoteSpan) -> bool:
    """A quotation that fills the paragraph right after the one of a direct quote, with
    nothing but the attribution in between ("“A,” he said.¶“B.”")."""
    last_end = max(e for _, e in last.content)
    gap = text[last_end:q.begin]
    if gap.count("\n") == 0 or "\n" in gap.strip() or any(ch in gap for ch in "“\"”"):
        return False
    marks = ([last.source] if last.source else []) + last.cue
    if gap.strip(" \t\n.,") and not any(last_end <= m[0] and m[1] <= q.begin for m in marks):
        return False
    para_end = text.find("\n", q.end)
    return not text[q.end:len(text) if para_end < 0 else para_end].strip()


def carry_over(text: str, atts: list[Attribution], quotes: list[QuoteSpan], lex: Lexicon) -> list[Attribution]:
    """Direct quotes no rule claimed: join them to the nearest preceding direct attribution.

    "“A,” he said. “B.”" adds B to the same quote, and so does a quotation of more than three
    words that fills the next paragraph; any other unclaimed quotation (a title, a scare
    quote, a quote of someone unknown) stays unattributed.
    """
    claimed = [c for a in atts for c in a.content]
    ordered = sorted(atts, key=lambda a: min(b for b, _ in a.content))
    for q in quotes:
        if any(overlaps((q.begin, q.end), c) for c in claimed):
            continue
        prev = [a for a in ordered if a.source is not None and max(e for _, e in a.content) <= q.begin
                and (a.kind in ("direct", "mixed"))]
        if _joins_next(text, q, ordered):
            claimed.extend(q.parts)
            continue
        if not prev:
            continue
        last = max(prev, key=lambda a: max(e for _, e in a.content))
        last_end = max(e for _, e in last.content)
        gap = text[last_end:q.begin]
        if _between_is_attribution(text, last_end, q.begin, last) or "\n" not in gap and not gap.strip(" \t.,;:—–-"):
            last.content = merge_spans(last.content + list(q.parts))
            continue
        if _quote_words(text, q) > 3 and _next_paragraph(text, last, q):
            last.content = merge_spans(last.content + list(q.parts))
    return _continued_reports(text, atts, quotes)


def _ends_sentence(text: str, q: QuoteSpan) -> bool:
    """A quotation that is a sentence of its own (ends in . ? ! or closes the paragraph), not a title
    at the start of the reporter's next sentence ("“The Long Road” opens on Friday")."""
    if q.inner(text).rstrip(" '’\"”").endswith((".", "?", "!", "…")):
        return True
    line_end = text.find("\n", q.end)
    return not text[q.end:len(text) if line_end < 0 else line_end].strip(" .")


def _continued_reports(text: str, atts: list[Attribution], quotes: list[QuoteSpan]) -> list[Attribution]:
    """"Roe said the plan was dead. “We start again.”": a quotation of more than three words that
    follows a reported clause with nothing but its full stop in between (same paragraph) and
    that no rule claimed is a statement of its own by the same source; returns ``atts`` with
    these statements added."""
    # a cue inside another attribution's content ("said X continued as a passion") claims
    # nothing: resolve_overlaps drops it
    outer = [a for a in atts if not _nested(a, atts)]
    outer_ids = {id(a) for a in outer}
    claimed = [c for a in outer for c in a.content]
    out: list[Attribution] = []
    for q in quotes:
        if not q.closed or _quote_words(text, q) <= SHORT_QUOTE_WORDS \
                or any(overlaps((q.begin, q.end), c) for c in claimed):
            continue
        before = [a for a in atts if max(e for _, e in a.content) <= q.begin]
        if not before:
            continue
        last = max(before, key=lambda a: max(e for _, e in a.content))
        gap = text[max(e for _, e in last.content):q.begin]
        if last.kind != "indirect" or last.source is None or "\n" in gap or gap.strip(" \t") not in (".", "") \
                or not _ends_sentence(text, q):
            continue
        out.append(Attribution(content=list(q.parts), cue=list(last.cue), source=last.source,
                               source_token=last.source_token, kind="direct", confidence=0.7,
                               rule="continued", extra=dict(last.extra)))
    taken = [c for a in out for c in a.content]
    # the nested attributions that held one of these quotations give it up
    return [a for a in atts if id(a) in outer_ids or not all(_inside(c, taken) for c in a.content)] + out


def _joins_next(text: str, q: QuoteSpan, ordered: list[Attribution]) -> bool:
    """"“A,” Roe said, “B.”": a quotation right before the attribution of the next direct quote is
    part of the same statement; joins it there and says whether it did."""
    after = [a for a in ordered if a.source is not None and a.cue and min(b for b, _ in a.content) >= q.end
             and a.kind in ("direct", "mixed")]
    if not after:
        return False
    att = after[0]
    first_mark = min(att.cue[0][0], att.source[0]) if att.source is not None else att.cue[0][0]
    if not _between_is_attribution(text, q.end, min(b for b, _ in att.content), att) \
            or not _only_punct(text[q.end:first_mark].strip()):
        return False
    att.content = merge_spans(list(q.parts) + att.content)
    return True


def _nested(att: Attribution, atts: list[Attribution]) -> bool:
    """Whether the cue of ``att`` lies inside another attribution's content."""
    return any(_inside(m, o.content) for m in att.cue for o in atts if o is not att)


def dedupe(atts: list[Attribution]) -> list[Attribution]:
    """Drop attributions whose content repeats another one's (keep the more confident; of equally
    confident ones, one whose cue is not inside another report: "… continued as a passion. “A,”
    Roe said" keeps Roe's)."""
    best: dict[tuple[Span, ...], Attribution] = {}
    for a in atts:
        key = tuple(a.content)
        if key not in best or a.confidence > best[key].confidence or (
                a.confidence == best[key].confidence and _nested(best[key], atts) and not _nested(a, atts)):
            best[key] = a
    return sorted(best.values(), key=lambda a: (a.content[0][0], a.content[0][1]))


def _inside(span: Span, spans: list[Span]) -> bool:
    return any(b <= span[0] < e for b, e in spans)


#: words that join a second report to the first ("said A and promised B", "called X a hero
#: before explaining why", "dismissed it by pointing out that …")
REPORT_JOINS = frozenset({"and", "but", "before", "after", "by", "while", "then", "also", "yet", "as", "later",
                          "even", "when", "again"})


def _coordinated_cue(doc: Doc, att: Attribution) -> bool:
    """Whether an attribution's cue verb is coordinated with another verb ("and said that …") or
    a gerund after "by"/"before"/"after" ("… by pointing out that …"), not the complement of one
    ("urged him not to recommend …")."""
    verb_i = att.extra.get("verb")
    if not isinstance(verb_i, int):
        return False
    verb = doc[verb_i]
    return verb.dep_ == "conj" or verb.dep_ == "pcomp" and verb.head.lower_ in ("by", "before", "after")


def split_coordinated_reports(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """"She said A and then said B", "called X a hero before explaining why": a second report of
    the same source, coordinated with the first one's content, ends that content (news attribution
    corpora annotate both, side by side; a report of someone else inside the content, "he said
    she thinks …", and a complement, "urged him not to recommend …", stay part of it)."""
    text = doc_text(doc)
    for a in atts:
        if a.source is None or not a.content or a.kind == "direct":
            continue
        begin, end = a.content[0][0], a.content[-1][1]
        inner = [b for b in atts if b is not a and b.source == a.source and b.cue
                 and begin < b.cue[0][0] < end and min(x for x, _ in b.content) >= b.cue[0][0]
                 and _coordinated_cue(doc, b)]
        if not inner:
            continue
        cut = min(b.cue[0][0] for b in inner)
        head = text[begin:cut]
        words = head.rstrip(" \t,;:—–-").split(" ")
        while words and words[-1].lower().strip(",;:—–-") in REPORT_JOINS | {""}:
            words.pop()
        stop = begin + len(" ".join(words).rstrip(" \t,;:—–-"))
        kept = [(b, min(e, stop)) for b, e in a.content if b < stop]
        if kept and stop - begin >= 3:
            a.content = kept
    return atts


def resolve_overlaps(atts: list[Attribution]) -> list[Attribution]:
    """Keep a set of attributions whose contents neither overlap nor nest.

    News attribution corpora annotate the outermost attribution only: a reported clause inside
    another attribution's content ("he told reporters that he thinks X") is part of that content,
    not a quote of its own. Attributions nested in fewer others win, then the more confident,
    then the longer.
    """
    def depth(a: Attribution) -> int:
        marks = a.cue or ([a.source] if a.source else [])
        return sum(1 for o in atts if o is not a and marks and _inside(marks[0], o.content))

    def size(a: Attribution) -> int:
        return sum(e - b for b, e in a.content)

    kept: list[Attribution] = []
    for a in sorted(atts, key=lambda a: (depth(a), -a.confidence, -size(a))):
        marks = a.cue + ([a.source] if a.source else [])
        if any(overlaps(c, k) for c in a.content for o in kept for k in o.content):
            continue
        if any(_inside(m, o.content) for m in marks for o in kept):
            continue
        kept.append(a)
    return sorted(kept, key=lambda a: (a.content[0][0], a.content[0][1]))


#: an HTML/XML tag left in the text ('<tweet id="…" author="…">', '</p>')
MARKUP = re.compile(r"</?[A-Za-z][\w:-]*(?:\s+[\w:-]+=\"[^\"\n]*\")*\s*/?>")


def markup_spans(text: str) -> list[Span]:
    """Character spans of markup tags in a text."""
    return [m.span() for m in MARKUP.finditer(text)]


def find_attributions(doc: Doc, quotes: list[QuoteSpan], lex: Lexicon, lemma: LemmaFn) -> list[Attribution]:
    """All attributions of a document (see the module docstring for the rules)."""
    atts: list[Attribution] = []
    quoted = [(q.begin, q.end) for q in quotes if q.closed]

    def in_quote(tok: Token) -> bool:
        return any(b < tok.idx < e for b, e in quoted)

    markup = markup_spans(doc_text(doc))
    for sent in doc.sents:
        for tok in sent:
            if markup and any(b <= tok.idx < e for b, e in markup):
                att = None  # '<tweet author="…" tweet_id="…">' is markup, not words
            elif tok.lower_ == "according":
                att = according_to(tok, sent)
            elif tok.lower_ == "in":
                att = in_evidence(tok, sent, lex, lemma)
            elif tok.pos_ == "NOUN" and lex.is_cue_noun(tok.lower_) and not in_quote(tok):
                att = noun_cue(tok, sent, lemma)
            elif tok.lower_ in lex.attitude_adjectives and not in_quote(tok):
                att = adjective_cue(tok, sent, lex)
            elif tok.pos_ in ("VERB", "AUX") and tok.lower_ not in ("is", "was", "be", "are", "were", "been") \
                    and not in_quote(tok):
                lem = lemma(tok)
                if lem in RETORT_VERBS and _back(tok):
                    lem = "retort"  # "fired back", "shot back": a retort
                if lem in IMPRESSION_LEMMAS and _seems_of_subject(tok):
                    # "He seems content that …", "The returns seemed a reminder": an impression of
                    # the subject, without a source
                    att = seem_cue(tok, lem) or verb_cue(tok, sent, quotes, lex, lem)
                elif lex.cue_classes(lem) or _put_it(tok, lem):
                    att = verb_cue(tok, sent, quotes, lex, lem) or seem_cue(tok, lem)
                elif lem == "make":
                    att = make_clear(tok, sent)
                else:
                    att = None
            else:
                att = None
            if att is not None:
                atts.append(att)
    atts.extend(line_sources(doc))
    atts.extend(byline_sources(doc, quotes))
    claimed = [c for a in atts for c in a.content]
    atts.extend(a for a in colon_sources(doc, quotes, lex) if not any(overlaps(c, k) for c in a.content
                                                                     for k in claimed))
    for att in atts:
        _stretch(att, quotes, doc_text(doc))
    atts = carry_over(doc_text(doc), atts, quotes, lex)
    return resolve_overlaps(split_coordinated_reports(doc, dedupe(atts)))
