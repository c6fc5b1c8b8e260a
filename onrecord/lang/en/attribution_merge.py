"""The whole document: direct quotations stretched over their marks and carried over to the
attribution before them, continued statements, and the de-duplication, splitting and overlap
resolution of all attributions found.

Part of :mod:`onrecord.lang.en.attribution` (which describes the rules and re-exports the public names).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from onrecord.extraction.outlets import OwnOutlet, current_own_outlet
from onrecord.lang.en.attribution_base import (
    SHORT_QUOTE_WORDS,
    Attribution,
    _only_punct,
    _quote_words,
    comma_participle,
)
from onrecord.lang.en.lexicon import Lexicon
from onrecord.lang.en.quotemarks import DOUBLE_MARKS, QuoteSpan, title_like
from onrecord.lang.en.spans import doc_text, merge_spans, overlaps
from onrecord.model import Span


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


#: words after which a quotation is their object, a title or a name ("a co-author of “…”",
#: "a film called “…”"), not more of a quote
TITLE_LEADS = frozenset({"of", "in", "on", "for", "from", "about", "called", "titled", "named", "dubbed"})


def _leads_into(text: str, begin: int, att: Attribution) -> bool:
    """Whether the words after the last source or cue mark before ``begin`` lead into the
    quotation there; not when they end in a word that takes it as its object ("said Roe, the
    author of “Harbour Lights”": a title)."""
    marks = [m[1] for m in ([att.source] if att.source else []) + att.cue if m[1] <= begin]
    if not marks:
        return True
    words = text[max(marks):begin].split()
    return not words or words[-1].lower() not in TITLE_LEADS


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
        if _between_is_attribution(text, last_end, q.begin, last) and _leads_into(text, q.begin, last) \
                or "\n" not in gap and not gap.strip(" \t.,;:—–-"):
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
    if att.kind != "direct" and title_like(q.inner(text)):
        return False  # "On “The Morning Show,” she said she wanted …": a title before a report
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
    """Whether a span starts inside one of ``spans``."""
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
    return verb.dep_ == "conj" or verb.dep_ == "pcomp" and verb.head.lower_ in ("by", "before", "after") \
        or _participle_report(verb)


def _participle_report(verb: Token) -> bool:
    """", insisting that …", ", adding that …": a participle set off by a comma is a report of its own."""
    return comma_participle(verb) and verb.head.i < verb.i


def _has_double_mark(stretch: str) -> bool:
    """Whether a stretch holds a double quotation mark (also ``''`` or two backticks): a content
    without one quotes nothing."""
    return any(ch in DOUBLE_MARKS for ch in stretch) or "''" in stretch or "``" in stretch


def _cue_start(doc: Doc, att: Attribution) -> int:
    """Where a coordinated report begins: its cue, or the auxiliaries, the negation and the
    adverbs before its verb ("… but | did not suggest …", "… and | specifically mentioned …")."""
    verb_i = att.extra.get("verb")
    start = att.cue[0][0]
    if isinstance(verb_i, int):
        verb = doc[verb_i]
        start = min([start] + [c.idx for c in verb.children if c.dep_ in ("aux", "neg") and c.i < verb.i])
    return start


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
        cut = min(_cue_start(doc, b) for b in inner)
        head = text[begin:cut]
        words = head.rstrip(" \t,;:—–-").split(" ")
        while words and words[-1].lower().strip(",;:—–-") in REPORT_JOINS | {""}:
            words.pop()
        stop = begin + len(" ".join(words).rstrip(" \t,;:—–-"))
        kept = [(b, min(e, stop)) for b, e in a.content if b < stop]
        if kept and stop - begin >= 3:
            a.content = kept
            if a.kind == "mixed" and not any(_has_double_mark(text[b:e]) for b, e in kept):
                a.kind = "indirect"  # the quotation went to the second report
    return atts


#: cues by which an outlet or a document passes on what it learned ("according to the Courier",
#: "the Courier reported")
RELAY_CUES = ("according to", "report", "reported", "reports", "reporting")
#: the share of a relay's content that a named source's own report must cover to replace it
RELAY_COVER = 0.7


def _covered(inner: Attribution, begin: int, end: int) -> int:
    """Characters of [begin, end) inside an attribution's content, cue or source."""
    spans = inner.content + inner.cue + ([inner.source] if inner.source else [])
    return sum(max(0, min(e, end) - max(b, begin)) for b, e in merge_spans(spans))


#: pronouns that name the original source as well as a name does ("…, he said, the Courier reported")
NAMING_PRONOUNS = frozenset({"he", "she", "they"})


def _named_report(doc: Doc, att: Attribution) -> bool:
    """Whether an attribution is a named source's own report: a name or a personal pronoun as
    its source, and a clause or a quotation as its content (not a reported act: "will propose
    spending …, according to an official" stays the official's)."""
    if att.source is None or att.source_token is None or not att.cue or att.kind == "reported":
        return False
    tok = doc[att.source_token]
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG") or tok.lower_ in NAMING_PRONOUNS


def drop_relays(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """"Palmer said the harbour would reopen, according to the Courier", "“…,” Walker said, the
    Courier reported": an outlet or a document that only relays a named source's report is no
    speaker; the source inside it is (cross-genre guidelines C). A relay whose content is mostly
    another attribution with a named source and its own cue is dropped; resolve_overlaps would
    otherwise keep the outer one."""
    text = doc_text(doc)
    drop: set[int] = set()
    for k, a in enumerate(atts):
        if not a.cue or not a.content or text[a.cue[0][0]:a.cue[-1][1]].lower() not in RELAY_CUES:
            continue
        begin, end = a.content[0][0], a.content[-1][1]
        size = sum(e - b for b, e in a.content)
        if any(b is not a and b.source is not None and begin <= b.source[0] < end and begin <= b.cue[0][0] < end
               and _named_report(doc, b) and _covered(b, begin, end) >= RELAY_COVER * size for b in atts):
            drop.add(k)
    return [a for k, a in enumerate(atts) if k not in drop]


#: words before an outlet's name that are no part of it ("the Courier", "the Courier's")
_OUTLET_LEADS = frozenset({"the"})


def _names_own_outlet(words: list[str], outlet: OwnOutlet) -> bool:
    """Whether a source's words are the article's own outlet, after a leading "the" and
    without a possessive "'s" ("the Harbour Ledger", "Semafor's")."""
    words = [w.removesuffix("'s").removesuffix("’s") for w in words]
    if words and words[0].lower() in _OUTLET_LEADS and len(words) > 1:
        words = words[1:]
    return bool(words) and (outlet.names(words) or outlet.names(["The", *words]))


def drop_own_outlet(text: str, atts: list[Attribution]) -> list[Attribution]:
    """"The Harbour Ledger has learned that …", "Semafor reported last week that …" in an article
    of that outlet (:func:`~onrecord.extraction.outlets.current_own_outlet`, from the article's
    metadata): the outlet reporting itself is the writer's own voice, no speaker and no statement
    (GUIDELINES.md A4). Without outlet metadata nothing is dropped."""
    outlet = current_own_outlet()
    if outlet is None:
        return atts
    return [a for a in atts if a.source is None or not _names_own_outlet(text[slice(*a.source)].split(), outlet)]


#: words that alone are no content: a relative or demonstrative pronoun left as the whole object
#: ("the alt-right — which she denounced", "a view that Roe understands", "argued that:")
BARE_CONTENT = frozenset({"which", "that", "what", "who", "whom"})


def drop_bare_pronouns(text: str, atts: list[Attribution]) -> list[Attribution]:
    """Attributions whose whole content is one pronoun say nothing an analyst could read."""
    return [a for a in atts if "".join(text[b:e] for b, e in a.content).strip(" ,.:;").lower() not in BARE_CONTENT]


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
