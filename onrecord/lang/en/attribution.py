"""Attribution rules over a dependency parse: cue, content, local source.

Needs: a ``Doc`` with tags, dependencies and sentences (en_core_web_sm), the paired quote
marks of its text (:mod:`quotemarks`), a lemma function and the :class:`Lexicon`.
Adds: a list of :class:`Attribution` (content spans, cue spans, the local source mention and
its head token, a kind and a confidence). Nested attributions are kept: a reported clause
inside another quote is a quote of its own.

Rules, each a small function:

* ``verb_cue`` — a cue verb with its subject (inherited through conj/xcomp/advcl/acl) and its
  clause, infinitive, object or prepositional object ("said that…", "called for…").
* ``parataxis`` — "X is Y, he said": the main clause minus the attribution.
* ``according_to`` — "according to X, …": the clause minus the phrase.
* ``line_source`` — transcript and headline lines "TRUMP: …", "Sanders: …".
* direct quotes are stretched over their marks and carried over ("“A,” he said. “B.”").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from onrecord.lang.en.lexicon import Lexicon
from onrecord.lang.en.quotemarks import QuoteSpan
from onrecord.lang.en.spans import (
    doc_ents,
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
GENERIC = False
QUOTE_STRIP = "\"“”‘’'`"

SUBJECT_DEPS = ("nsubj", "csubj")
INHERIT_DEPS = ("conj", "xcomp", "advcl", "acl", "pcomp", "relcl_none")
CLAUSE_DEPS = ("ccomp",)
OBJECT_DEPS = ("dobj", "xcomp", "oprd", "attr")
OBJECT_PREPS = ("for", "on", "against", "about", "of", "to", "as", "over")
ADDRESSEE_LEMMAS = ("tell", "ask", "inform", "remind", "assure", "urge", "warn", "thank")
DETERMINERS = ("the", "a", "an", "this", "that", "these", "those")
SPEAKER_POS = ("PROPN", "NOUN", "PRON", "NUM")
NEVER_SOURCES = ("it", "there", "this", "what", "you", "anyone", "everyone", "someone", "anybody",
                 "everybody", "nobody", "somebody", "one")
NOT_SOURCES = ("it", "there", "this", "that", "what", "which", "i", "we", "you", "me", "us")

_LINE = re.compile(r"^[ \t]*([A-Z][\w.’'\- ]{0,40}?):[ \t]+(\S[^\n]*)$", re.MULTILINE)
_LINE_ALONE = re.compile(r"^[ \t]*([A-Z][\w.’'\-, ]{0,60}?):[ \t]*\n\s*([“\"‘][^\n]*)$", re.MULTILINE)
_LINE_STOP = {"update", "note", "editor’s note", "editor's note", "watch", "related", "photo",
              "source", "read", "read more", "see also", "video", "image", "caption", "credit",
              "contact", "email", "follow", "tags", "share", "also", "warning", "disclaimer"}


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


def find_subject(verb: Token, depth: int = 0) -> Token | None:
    """The subject of a cue verb, inherited from the governing verb when it has none.

    "He declined to comment", "she said X and added Y", "…, saying that…" take the subject of
    the verb they hang on; a passive takes its "by" agent; an adjectival "speaking" clause takes
    the noun it modifies.
    """
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    if depth >= 3:
        return None
    if verb.dep_ == "acl" and verb.head.pos_ in SPEAKER_POS:
        return verb.head
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return None
        return find_subject(verb.head, depth + 1)
    return None


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


def usable_source(tok: Token | None) -> bool:
    """Whether a subject can be a source (not "it", "there", an expletive or a clause)."""
    if tok is None:
        return False
    if tok.lower_ in NOT_SOURCES and tok.dep_ != "nsubj" or tok.lower_ in NEVER_SOURCES:
        return False
    if tok.lower_ in ("that", "which"):
        head = tok.head.head if tok.head.dep_ == "relcl" else None
        return head is not None and head.ent_type_ in ("ORG", "PERSON", "NORP")
    return tok.pos_ in SPEAKER_POS or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")


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
    """The complements that form the content of a cue verb, and the content type."""
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS]
    if clauses:
        return clauses, "clause"
    if lemma in ("seem", "appear"):
        return [], ""
    if classes & {"reported", "evidence"} or lemma in ("ask", "write", "announce", "confirm", "deny",
                                                         "predict", "promise", "vow", "pledge",
                                                         "reveal", "suggest", "describe", "express",
                                                         "acknowledge", "admit", "tweet", "post"):
        objs = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
        if lemma in ADDRESSEE_LEMMAS:
            objs = [c for c in objs if c.dep_ != "dobj" or not any(x.dep_ == "xcomp" for x in verb.children)]
        if lemma in ("call", "name", "label", "brand", "dub") and any(c.dep_ == "oprd" for c in objs):
            return objs, "object"
        preps = _prep_objects(verb)
        if objs or preps:
            return objs + preps, "object"
    return [], ""


def clause_extent(verb: Token, clause: Token, subject: Token | None, sent: SpacySpan) -> set[int]:
    """A reported clause stretched to the sentence edge it points to.

    After the cue ("said that …") it runs to the sentence end, minus coordinated verbs of the
    cue; before the cue ("…, he said") it runs from the sentence start to the attribution.
    """
    if clause.i > verb.i:
        out = set(range(clause.left_edge.i, sent.end))
        for c in verb.children:
            if c.i > clause.i and c.dep_ in ("conj", "cc"):
                out -= subtree_indices(c)
        return out
    if clause.left_edge.i - sent.start <= 3:
        stop = min(verb.i, subject.left_edge.i) if subject is not None and subject.i < verb.i else verb.i
        stop = max(stop, clause.right_edge.i + 1)
        return set(range(sent.start, stop))
    return subtree_indices(clause)


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


def verb_cue(verb: Token, sent: SpacySpan, quotes: list[QuoteSpan], lex: Lexicon, lemma: str) -> Attribution | None:
    """A cue verb with its source and content (see the module docstring)."""
    classes = lex.cue_classes(lemma)
    if not classes or verb.pos_ not in ("VERB", "AUX") and not (verb.tag_.startswith("VB")):
        return None
    doc = verb.doc
    subject = find_subject(verb)
    if subject is not None:
        subject = skip_dateline(subject)
    elif verb.dep_ in ("ROOT", "parataxis", "ccomp"):
        subject = adjacent_speaker(verb)
    if verb.dep_ == "amod" or (subject is None and verb.dep_ not in ("ROOT", "parataxis", "ccomp")):
        return None
    if subject is not None and not usable_source(subject):
        return None
    comps, ctype = clause_content(verb, classes, lemma)
    content_idx: set[int] = set()
    for c in comps:
        content_idx |= clause_extent(verb, c, subject, sent) if ctype == "clause" else subtree_indices(c)
    if verb.dep_ == "ccomp" and not content_idx and verb.i > verb.head.i and classes & {"speech", "belief"}:
        # "X is Y, he said" parsed with the main clause as head
        content_idx = subtree_indices(verb.head, exclude=[verb]) & set(range(sent.start, verb.i))
        ctype = "clause"
    if verb.dep_ == "parataxis" and not content_idx and classes & {"speech", "belief"}:
        content_idx = subtree_indices(verb.head, exclude=[verb]) & set(range(sent.start, sent.end))
        ctype = "clause"
    content = tokens_to_spans(doc, content_idx)
    kind: QuoteKind = "reported" if ctype == "object" else "indirect"
    confidence = 0.8 if ctype == "clause" else 0.6
    if not content and classes & {"speech"}:
        # no complement: a direct quote in the same sentence (before or after the cue)
        att_idx = _attribution_tokens(verb, subject)
        att_begin, att_end = token_range_span(doc, min(att_idx), max(att_idx))
        near = [q for q in quotes if q.begin < sent.end_char and q.end > sent.start_char
                and not overlaps((q.begin, q.end), (att_begin, att_end))]
        if near:
            content = [p for q in near for p in q.parts]
            kind, confidence, ctype = "direct", 0.85, "quote"
    if content and sent[-1].text == ":" and content[-1][1] >= sent[-2].idx:
        after = [q for q in quotes if q.begin >= sent.end_char and doc_text(doc)[sent.end_char:q.begin].strip() == ""]
        if after:
            content = content + list(after[0].parts)
    elif not content and sent[-1].text == ":":
        after = [q for q in quotes if q.begin >= sent[-1].idx and doc_text(doc)[sent[-1].idx + 1:q.begin].strip() == ""]
        if after:
            content = list(after[0].parts)
            kind, confidence, ctype = "direct", 0.8, "quote"
    if not content:
        return None
    if subject is None:
        src, src_tok = None, None
        if verb.dep_ not in ("ROOT",):
            return None
    else:
        src, src_tok = source_span(subject), subject.i
        if any(overlaps(src, c) for c in content):
            return None
    cue = [token_range_span(doc, verb.i, verb.i)]
    cue += [token_range_span(doc, c.i, c.i) for c in verb.children if c.dep_ == "prt"]
    return Attribution(content=merge_spans(content), cue=merge_spans(cue), source=src, source_token=src_tok,
                       kind=kind, confidence=confidence, rule=f"verb:{ctype}", extra={"verb": verb.i})


LIGHT_VERBS = frozenset({"be", "have", "do", "get", "go", "come", "become", "take", "give", "make", "let",
                         "put", "keep", "leave", "begin", "start", "try", "use", "help", "need", "run",
                         "win", "lose", "play", "live", "die", "spend", "pay", "hold", "meet", "serve",
                         "move", "set", "turn", "remain", "stay", "follow", "happen", "include", "involve"})
HUMAN_PRONOUNS = frozenset({"he", "she", "they", "who"})


def human_subject(tok: Token, lex: Lexicon) -> bool:
    """A subject that names a person, an organisation or a group of people."""
    if tok.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    low = tok.lower_
    return low in HUMAN_PRONOUNS or low in lex.group_nouns or low in lex.person_nouns


def generic_verb(verb: Token, sent: SpacySpan, lex: Lexicon, lemma: str) -> Attribution | None:
    """Any other verb of a person or group with an object: a stance or act reported ("X
    slammed Y", "X unveiled a plan"). Low confidence: the gold standard counts many of these."""
    if lemma in LIGHT_VERBS or verb.dep_ in ("amod", "aux", "auxpass"):
        return None
    if verb.dep_ not in ("ROOT", "conj") or (verb.dep_ == "conj" and verb.head.dep_ != "ROOT"):
        return None
    subject = find_subject(verb)
    if subject is None or not (subject.ent_type_ in ("PERSON", "ORG") or subject.lower_ in ("he", "she")):
        return None
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    objs = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp")] + _prep_objects(verb)
    if not objs:
        return None
    doc = verb.doc
    content_idx: set[int] = set()
    for c in objs:
        content_idx |= subtree_indices(c)
    content = tokens_to_spans(doc, content_idx)
    src = source_span(subject)
    if not content or any(overlaps(src, c) for c in content) or _title_like(doc, content):
        return None
    return Attribution(content=merge_spans(content), cue=[token_range_span(doc, verb.i, verb.i)], source=src,
                       source_token=subject.i, kind="reported", confidence=0.3, rule="generic")


def _title_like(doc: Doc, content: list[Span]) -> bool:
    """Content that is only a name or a short quoted title ("reads The New York Times")."""
    if len(content) != 1:
        return False
    begin, end = content[0]
    span = doc.char_span(begin, end, alignment_mode="expand")
    if span is None or len(span) <= 1:
        return True
    stripped = doc_text(doc)[begin:end].strip(QUOTE_STRIP)
    if doc_text(doc)[begin] in QUOTE_STRIP and len(stripped.split()) <= 3:
        return True
    return any(e.start <= span.start and span.end <= e.end for e in doc_ents(doc))


def according_to(tok: Token, sent: SpacySpan) -> Attribution | None:
    """"according to X, Y" / "Y, according to X": X is the source, Y the content."""
    if tok.lower_ != "according" or tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].lower_ != "to":
        return None
    doc = tok.doc
    to = doc[tok.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
    if not objs:
        return None
    source = objs[0]
    phrase = subtree_indices(tok) | subtree_indices(to) | {tok.i, to.i}
    content_idx = set(range(sent.start, sent.end)) - phrase
    content = tokens_to_spans(doc, content_idx)
    content = [c for c in content if len(doc_text(doc)[c[0]:c[1]].split()) >= 2 or len(content) == 1]
    if not content:
        return None
    return Attribution(content=merge_spans(content), cue=[token_range_span(doc, tok.i, to.i)],
                       source=np_span(source), source_token=source.i, kind="indirect",
                       confidence=0.8, rule="according")


def _name_like(name: str) -> bool:
    """Every word capitalised (or a short particle such as "de", "van")."""
    words = name.split()
    return bool(words) and all(w[0].isupper() or w in ("de", "van", "von", "der", "al", "bin") for w in words)


def line_sources(doc: Doc) -> list[Attribution]:
    """Transcript and headline lines "NAME: words" (the name has at most five words)."""
    out: list[Attribution] = []
    text = doc_text(doc)
    matches = list(_LINE.finditer(text)) + list(_LINE_ALONE.finditer(text))
    for m in matches:
        name = m.group(1).strip()
        name = re.split(r",\s*", name)[0] if m.re is _LINE_ALONE else name
        if name.lower() in _LINE_STOP or len(name.split()) > 5 or not _name_like(name):
            continue
        if re.search(r"\d", name):
            continue
        end = m.end(2)
        while end > m.start(2) and text[end - 1] in " .\t":
            end -= 1
        name_begin = m.start(1)
        span = doc.char_span(name_begin, name_begin + len(name), alignment_mode="expand")
        head = span.root.i if span is not None and len(span) else None
        out.append(Attribution(content=[(m.start(2), end)], cue=[(m.end(1), m.end(1) + 1)],
                               source=(name_begin, name_begin + len(name)), source_token=head,
                               kind="direct", confidence=0.6, rule="line"))
    return out


# ---------------------------------------------------------------- the whole document


def _quote_words(text: str, q: QuoteSpan) -> int:
    return len(q.inner(text).split())


def _stretch(att: Attribution, quotes: list[QuoteSpan]) -> None:
    """Extend content over the whole of any quotation it overlaps; set direct/mixed kinds."""
    blocked = [s for s in ([att.source] if att.source else []) + att.cue]
    content = list(att.content)
    touched: list[QuoteSpan] = []
    for q in quotes:
        if any(overlaps((q.begin, q.end), c) for c in content) and not any(
                overlaps((q.begin, q.end), b) for b in blocked):
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
    return bool(inside) and len(gap.split()) <= 12


def carry_over(text: str, atts: list[Attribution], quotes: list[QuoteSpan], lex: Lexicon) -> list[Attribution]:
    """Direct quotes no rule claimed: join them to the nearest preceding attribution.

    "“A,” he said. “B.”" adds B to the same quote; a quotation that opens the next paragraph
    becomes a quote of the same speaker; a short quotation (three words or fewer) with no
    attribution is a title or scare quote and is dropped.
    """
    claimed = [c for a in atts for c in a.content]
    new: list[Attribution] = []
    ordered = sorted(atts, key=lambda a: min(b for b, _ in a.content))
    for q in quotes:
        if any(overlaps((q.begin, q.end), c) for c in claimed):
            continue
        prev = [a for a in ordered if a.source is not None and max(e for _, e in a.content) <= q.begin
                and (a.kind in ("direct", "mixed"))]
        if not prev:
            continue
        last = max(prev, key=lambda a: max(e for _, e in a.content))
        last_end = max(e for _, e in last.content)
        if _between_is_attribution(text, last_end, q.begin, last):
            last.content = merge_spans(last.content + list(q.parts))
            continue
        if _quote_words(text, q) <= 3 or q.begin - last_end > 400:
            continue
        new.append(Attribution(content=list(q.parts), cue=[], source=last.source,
                               source_token=last.source_token, kind="direct", confidence=0.5,
                               rule="carry"))
    return atts + new


def dedupe(atts: list[Attribution]) -> list[Attribution]:
    """Drop attributions whose content repeats another one's (keep the more confident)."""
    best: dict[tuple[Span, ...], Attribution] = {}
    for a in atts:
        key = tuple(a.content)
        if key not in best or a.confidence > best[key].confidence:
            best[key] = a
    return sorted(best.values(), key=lambda a: (a.content[0][0], a.content[0][1]))


def _inside(span: Span, spans: list[Span]) -> bool:
    return any(b <= span[0] < e for b, e in spans)


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
    for a in sorted(atts, key=lambda a: (a.rule == "generic", depth(a), -a.confidence, -size(a))):
        marks = a.cue + ([a.source] if a.source else [])
        if any(overlaps(c, k) for c in a.content for o in kept for k in o.content):
            continue
        if any(_inside(m, o.content) for m in marks for o in kept):
            continue
        kept.append(a)
    return sorted(kept, key=lambda a: (a.content[0][0], a.content[0][1]))


def find_attributions(doc: Doc, quotes: list[QuoteSpan], lex: Lexicon, lemma: LemmaFn) -> list[Attribution]:
    """All attributions of a document (see the module docstring for the rules)."""
    atts: list[Attribution] = []
    quoted = [(q.begin, q.end) for q in quotes if q.closed]

    def in_quote(tok: Token) -> bool:
        return any(b < tok.idx < e for b, e in quoted)

    for sent in doc.sents:
        for tok in sent:
            if tok.lower_ == "according":
                att = according_to(tok, sent)
            elif tok.pos_ in ("VERB", "AUX") and tok.lower_ not in ("is", "was", "be", "are", "were", "been") \
                    and not in_quote(tok):
                lem = lemma(tok)
                if lex.cue_classes(lem):
                    att = verb_cue(tok, sent, quotes, lex, lem)
                elif GENERIC and tok.pos_ == "VERB":
                    att = generic_verb(tok, sent, lex, lem)
                else:
                    att = None
            else:
                att = None
            if att is not None:
                atts.append(att)
    atts.extend(line_sources(doc))
    for att in atts:
        _stretch(att, quotes)
    atts = carry_over(doc_text(doc), atts, quotes, lex)
    return resolve_overlaps(dedupe(atts))
