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

Parses that hide a report: a clause before a cue that closes its sentence after a comma ("Those
who take on debt struggle, even with a job, he said.", "…, said the firm's chief, Ann Roe.") is
what was said even where the parser hung it on the cue as a fragment (not an adverbial clause or a
prepositional phrase: "When the vote ended, she said."); "was quick to point out that …" takes the
copula's subject (not a refusal or an intention: "was reluctant to say", "determined to highlight");
a capitalised subject inside a sentence that the tagger read as a verb ("…, Roeling reminisced …
and said …") is a name.

Second reports and hidden subjects: a report the parser hung on the first report's clause ("He
said A has given X and said B", "She said the bridge would reopen, insisting that …") takes the
first report's source and ends its content (no conjunction is left dangling); "seemed to suggest
that …" is the subject's report, not an impression; a name with its apposition right before a
cue without subject ("At the gala, …, Ann Roe, the club's treasurer, suggested …") speaks.
A clause joined to a content by ", and", ";" or "while" with a subject and a speech or belief verb
of its own ("Most said A, and more than 4 in 10 said B", "… A while Sanders suggests B") is a second
statement of that subject, found even where the parser read the verb as a modifier
(:mod:`~onrecord.lang.en.attribution_second`); a clause before a semicolon is no content of the
verb after it ("46 percent said yes; 26% say …"); a speech verb the parser joined to the reported
clause's verb, with that clause's pronoun as subject, reports for the first source ("Lazar said he
welcomed X and added, “…”"); a report in a relative clause set off by commas inside a content
("… that Pagliano, who invoked his rights, is now …") is a statement of its own, left out of the
content; "according to X" inside a quotation is the quoted source's words, no attribution.

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
who is asked or told is no content ("asked him"); "to see" as an infinitive is watching; the
writer's own impression ("it seems that …", "The mayor appears to have misjudged …") is no statement
(guidelines A, A4), only one with an experiencer ("seems to me", "appears to the committee") or a
subject holding a view ("seems convinced that …") is; a thing or an event is no source of a report
other than speech ("The first rate move threatens …", "Their approaches exposed this rift", "the
falloff, which reveals whether …": ``attribution_sources.thing_reporter``, abstract endings and
``data/thing_nouns.txt``, with the documents and bodies of ``data/speaking_things.txt`` kept); a
quoted term that a relative or participle clause describes is no quotation ("“citizen reporters”
who promote …", "a collection called “…”"); a short "Name: words" line inside an article that is
no transcript turn heads a section ("Roe: Win in a walk."); credits, handles and tallies ("Twitter:
@roe") are no transcript lines; a to-infinitive after "on condition of anonymity" says why the
source is unnamed ("… to discuss the talks"); a view without a holder ("is seen as the
favourite") is no one's statement.

A headline line (no final punctuation; "the U.S." ends a sentence) yields an attribution only with a
named or human source, and only a clause or a quotation as content ("Mayor announces plan to …" is
none). A quotation that closes its sentence (a full stop after the mark, or a line break) is no
quotation of a cue in the next sentence ("… “deeply unattractive”. Councillors rejected the plan.").
Not sources: data and pictures as subjects of evidence verbs ("Figures show …", unless "Data from
X" or "X's figures" name who issued them, who then speaks), things and events as subjects of
see/offer/want/learn/encourage ("The festival saw …"), a gerund ("Writing in a blog, X dubbed"
takes X), the noun a past participle clause hangs on ("both considered to be …"); the audience
of a speech noun ("remarks for the visitors") is no content; a caption ending in a photo credit
("… Image: Name") is no transcript line.

Layout: this module holds the entry point (:func:`find_attributions`) and re-exports the public
names of its parts: :mod:`~onrecord.lang.en.attribution_base` (the record and shared word
classes), :mod:`~onrecord.lang.en.attribution_sources` (subjects and sources),
:mod:`~onrecord.lang.en.attribution_content` (contents), :mod:`~onrecord.lang.en.attribution_verbs`
(verb rules), :mod:`~onrecord.lang.en.attribution_phrases` (noun, adjective, "according to" and
evidence rules), :mod:`~onrecord.lang.en.attribution_lines` (line, colon and byline rules) and
:mod:`~onrecord.lang.en.attribution_merge` (the whole document: stretching, carrying over,
de-duplication and overlaps) and :mod:`~onrecord.lang.en.attribution_second` (second reports
inside a content).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from onrecord.lang.en.attribution_base import (
    ADDRESSEE_LEMMAS,
    ADDRESSEE_TO,
    AUDIENCE_NOUNS,
    CLAUSE_DEPS,
    CLAUSE_ONLY_LEMMAS,
    DETERMINERS,
    HUMAN_PRONOUNS,
    INHERIT_DEPS,
    NEVER_SOURCES,
    NO_OBJECT_LEMMAS,
    NOT_SOURCES,
    OBJECT_DEPS,
    OBJECT_PREPS,
    QUESTION_LEMMAS,
    QUESTION_MARKS,
    QUOTE_STRIP,
    SHORT_QUOTE_WORDS,
    SPEAKER_POS,
    SUBJECT_DEPS,
    Attribution,
    LemmaFn,
    human_subject,
    sent_start,
)
from onrecord.lang.en.attribution_content import (
    ADDRESSEE_PRONOUNS,
    ASIDE_DEPS,
    ASIDE_MARKS,
    ASKING_LEMMAS,
    CONCESSIVE_MARKS,
    EMBEDDED_DEPS,
    MEDIUM_TYPES,
    SPEAK_ON_LEMMAS,
    SPEAKING_TERMS,
    TAIL_DEPS,
    clause_content,
    clause_extent,
    drop_trailing_aside,
    object_tail,
    quotes_in,
)
from onrecord.lang.en.attribution_lines import (
    COLON_BREAKS,
    NOT_SPEAKER_TYPES,
    PLACE_TYPES,
    byline_sources,
    colon_sources,
    line_sources,
)
from onrecord.lang.en.attribution_merge import (
    REPORT_JOINS,
    _stretch,
    carry_over,
    dedupe,
    drop_bare_pronouns,
    drop_own_outlet,
    drop_relays,
    resolve_overlaps,
    split_coordinated_reports,
)
from onrecord.lang.en.attribution_nonstatements import drop_non_statements
from onrecord.lang.en.attribution_phrases import (
    ATTITUDE_POS,
    DEMAND_NOUNS,
    EVIDENCE_NOUNS,
    LIGHT_VERBS,
    NAME_RUN,
    NOUN_PREPS,
    according_to,
    adjective_cue,
    carries_report,
    in_evidence,
    noun_cue,
)
from onrecord.lang.en.attribution_second import adopt_conjunct_sources, cut_relative_reports, split_second_reports
from onrecord.lang.en.attribution_senses import only_signature
from onrecord.lang.en.attribution_sources import (
    CONTRACTED_HAS,
    DASHES,
    ISSUER_TYPES,
    NP_DEPS,
    PERCEIVER_LEMMAS,
    PRO_FORMS,
    QUANTIFIERS,
    SAY_FORMS,
    adjacent_speaker,
    after_dateline,
    agent_of,
    asked_passive,
    find_subject,
    inverted_speaker,
    issuer_of,
    name_before,
    named_in_np,
    not_a_reporter,
    quoted_person,
    skip_dateline,
    source_span,
    usable_source,
)
from onrecord.lang.en.attribution_verbs import (
    CLEAR_CLAUSE_DEPS,
    IMPRESSION_LEMMAS,
    PUT_IT,
    RETORT_VERBS,
    SEEM_PRED_DEPS,
    WATCH_LEMMAS,
    _back,
    _put_it,
    _seems_of_subject,
    asked_cue,
    make_clear,
    seem_cue,
    sourceless_impression,
    verb_cue,
)
from onrecord.lang.en.lexicon import Lexicon
from onrecord.lang.en.quotemarks import QuoteSpan
from onrecord.lang.en.spans import doc_text, overlaps
from onrecord.model import Span

__all__ = [
    "ADDRESSEE_LEMMAS",
    "ADDRESSEE_PRONOUNS",
    "ADDRESSEE_TO",
    "ASIDE_DEPS",
    "ASIDE_MARKS",
    "ASKING_LEMMAS",
    "ATTITUDE_POS",
    "AUDIENCE_NOUNS",
    "Attribution",
    "CLAUSE_DEPS",
    "CLAUSE_ONLY_LEMMAS",
    "CLEAR_CLAUSE_DEPS",
    "COLON_BREAKS",
    "CONCESSIVE_MARKS",
    "CONTRACTED_HAS",
    "DASHES",
    "DEMAND_NOUNS",
    "DETERMINERS",
    "EMBEDDED_DEPS",
    "EVIDENCE_NOUNS",
    "HUMAN_PRONOUNS",
    "IMPRESSION_LEMMAS",
    "INHERIT_DEPS",
    "ISSUER_TYPES",
    "LIGHT_VERBS",
    "LemmaFn",
    "MARKUP",
    "MEDIUM_TYPES",
    "NAME_RUN",
    "NEVER_SOURCES",
    "NOT_SOURCES",
    "NOT_SPEAKER_TYPES",
    "NOUN_PREPS",
    "NO_OBJECT_LEMMAS",
    "NP_DEPS",
    "OBJECT_DEPS",
    "OBJECT_PREPS",
    "PERCEIVER_LEMMAS",
    "PLACE_TYPES",
    "PRO_FORMS",
    "PUT_IT",
    "QUANTIFIERS",
    "QUESTION_LEMMAS",
    "QUESTION_MARKS",
    "QUOTE_STRIP",
    "REPORT_JOINS",
    "RETORT_VERBS",
    "SAY_FORMS",
    "SEEM_PRED_DEPS",
    "SHORT_QUOTE_WORDS",
    "SPEAKER_POS",
    "SPEAKING_TERMS",
    "SPEAK_ON_LEMMAS",
    "SUBJECT_DEPS",
    "TAIL_DEPS",
    "WATCH_LEMMAS",
    "according_to",
    "adjacent_speaker",
    "adjective_cue",
    "after_dateline",
    "agent_of",
    "asked_cue",
    "asked_passive",
    "byline_sources",
    "carry_over",
    "clause_content",
    "clause_extent",
    "colon_sources",
    "dedupe",
    "drop_trailing_aside",
    "find_attributions",
    "find_subject",
    "human_subject",
    "in_evidence",
    "inverted_speaker",
    "issuer_of",
    "line_sources",
    "make_clear",
    "markup_spans",
    "name_before",
    "named_in_np",
    "not_a_reporter",
    "noun_cue",
    "object_tail",
    "quoted_person",
    "quotes_in",
    "drop_bare_pronouns",
    "drop_relays",
    "resolve_overlaps",
    "seem_cue",
    "sent_start",
    "sourceless_impression",
    "skip_dateline",
    "source_span",
    "split_coordinated_reports",
    "usable_source",
    "verb_cue",
]


#: an HTML/XML tag left in the text ('<tweet id="…" author="…">', '</p>')
MARKUP = re.compile(r"</?[A-Za-z][\w:-]*(?:\s+[\w:-]+=\"[^\"\n]*\")*\s*/?>")


def markup_spans(text: str) -> list[Span]:
    """Character spans of markup tags in a text."""
    return [m.span() for m in MARKUP.finditer(text)]


#: cue classes of a verb after "seems to" that make it a report of the subject's own
REPORT_CLASSES = frozenset({"speech", "belief", "reported", "evidence"})


def _seems_to_report(verb: Token, lex: Lexicon, lemma: LemmaFn) -> bool:
    """"He seemed to indicate that …", "Voters appear to prefer …": "seem"/"appear" with a cue
    verb as its infinitive is no impression; the infinitive's report (with the subject as
    source) stands."""
    if lemma(verb) not in IMPRESSION_LEMMAS:
        return False
    for c in verb.children:
        if c.dep_ == "xcomp" and c.i > verb.i and c.pos_ == "VERB":
            classes = lex.cue_classes(lemma(c))
            if classes & REPORT_CLASSES and "act" not in classes:
                return True
    return False


def find_attributions(doc: Doc, quotes: list[QuoteSpan], lex: Lexicon, lemma: LemmaFn) -> list[Attribution]:
    """All attributions of a document (see the module docstring for the rules)."""
    atts: list[Attribution] = []
    quoted = [(q.begin, q.end) for q in quotes if q.closed]

    def in_quote(tok: Token) -> bool:
        return any(b < tok.idx < e for b, e in quoted)

    text = doc_text(doc)
    markup = markup_spans(text)
    for sent in doc.sents:
        for tok in sent:
            if markup and any(b <= tok.idx < e for b, e in markup):
                att = None  # '<tweet author="…" tweet_id="…">' is markup, not words
            elif tok.lower_ == "according":
                # "''… 537 of which are in the Cayman Islands, according to its own website.''": inside
                # a quotation the words are the quoted source's, not the reporter's attribution
                att = None if in_quote(tok) else according_to(tok, sent)
            elif tok.lower_ == "in":
                att = in_evidence(tok, sent, lex, lemma)
            elif tok.pos_ == "NOUN" and (lex.is_cue_noun(tok.lower_) or carries_report(tok, lemma)) \
                    and not in_quote(tok):
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
                    att = seem_cue(tok, lem) or verb_cue(tok, sent, quotes, lex, lem, lemma)
                elif lex.cue_classes(lem) or _put_it(tok, lem):
                    att = verb_cue(tok, sent, quotes, lex, lem, lemma) or (
                        None if _seems_to_report(tok, lex, lemma) else seem_cue(tok, lem))
                elif lem == "make":
                    att = make_clear(tok, sent)
                else:
                    att = None
                if att is not None and sourceless_impression(tok, lem, att):
                    att = None  # "It seems that the plan will fail": the writer's own impression
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
        _stretch(att, quotes, text)
    # a post's signature ("https://t.co/… — Ann Roe (@annroe) June 28, 2016") is no statement
    atts = [a for a in atts if not only_signature(" ".join(text[b:e] for b, e in a.content))]
    atts = carry_over(text, atts, quotes, lex)
    atts = adopt_conjunct_sources(doc, split_second_reports(doc, dedupe(atts), quotes, lex, lemma), lex, lemma)
    atts = cut_relative_reports(doc, atts)
    atts = drop_bare_pronouns(text, split_coordinated_reports(doc, atts))
    # after the overlaps are resolved: a report inside a dropped one stays out with it ("would not
    # say whether he would prefer that …")
    return drop_non_statements(doc, resolve_overlaps(drop_relays(doc, drop_own_outlet(text, atts))), lex, lemma)
