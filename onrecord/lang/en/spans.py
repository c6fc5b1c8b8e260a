"""Small helpers that turn spaCy tokens into character spans (pure functions).

Needs: a parsed ``Doc``. Adds: nothing; used by the rule modules.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from onrecord.lang.en.lexicon import word_set
from onrecord.model import Span

QUOTE_CHARS = "\"“”‘’„«»'"


def token_range_span(doc: Doc, first: int, last: int) -> Span:
    """Characters from token ``first`` to token ``last`` (inclusive)."""
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _is_edge_junk(tok: Token) -> bool:
    """Punctuation that does not belong at a span edge (quote marks do)."""
    return (tok.is_punct and tok.text.strip(QUOTE_CHARS + "`") != "") or tok.is_space


def tokens_to_spans(doc: Doc, indices: Iterable[int]) -> list[Span]:
    """Contiguous runs of the given token indices as character spans, edge punctuation trimmed."""
    idx = sorted(set(indices))
    runs: list[tuple[int, int]] = []
    for i in idx:
        if runs and i == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    spans: list[Span] = []
    for first, last in runs:
        while first <= last and _is_edge_junk(doc[first]):
            first += 1
        while last >= first and _is_edge_junk(doc[last]):
            last -= 1
        if first <= last and not all(doc[i].is_punct or doc[i].is_space for i in range(first, last + 1)):
            spans.append(token_range_span(doc, first, last))
    return spans


def subtree_indices(tok: Token, exclude: Iterable[Token] = ()) -> set[int]:
    """Token indices of ``tok``'s subtree, without the subtrees of ``exclude``."""
    out = {t.i for t in tok.subtree}
    for ex in exclude:
        out -= {t.i for t in ex.subtree}
    return out


#: dependencies of a sentence adverbial the parser may hang on a subject noun ("Moreover, any
#: company", "For instance, Sen. Roe", "Meanwhile, the board")
ADVERBIAL_DEPS = frozenset({"advmod", "npadvmod", "prep"})


def _after_sentence_adverbials(tok: Token) -> int:
    """The first token of a head's noun phrase once the sentence adverbials before it are cut
    off: a left child of ``advmod``/``npadvmod``/``prep`` that opens the phrase and ends at a
    comma belongs to the sentence, not to the noun phrase ("Moreover, | any company")."""
    doc = tok.doc
    first = tok.left_edge.i
    for child in tok.lefts:
        comma = child.right_edge.i + 1
        if child.left_edge.i == first and child.dep_ in ADVERBIAL_DEPS and comma < tok.i and doc[comma].text == ",":
            first = comma + 1
    return first


def np_span(tok: Token) -> Span:
    """The noun phrase of a head: from its left edge to the head itself (no relative clauses, no
    sentence adverbial before it: :func:`_after_sentence_adverbials`)."""
    doc = tok.doc
    first = _after_sentence_adverbials(tok)
    while first < tok.i and _is_edge_junk(doc[first]) or (first < tok.i and doc[first].text in QUOTE_CHARS):
        first += 1
    last = tok.i
    # keep flat name parts to the right ("Moon Jae - in") and a possessive-free head
    while last + 1 < len(doc) and doc[last + 1].head.i == tok.i and doc[last + 1].dep_ in ("flat", "compound"):
        last += 1
    return token_range_span(doc, first, last)


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Sorted union of spans (touching or overlapping spans merge)."""
    out: list[Span] = []
    for b, e in sorted(spans):
        if out and b <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((b, e))
    return out


def overlaps(a: Span, b: Span) -> bool:
    """Whether two spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


def name_particles() -> frozenset[str]:
    """Name particles ("Ursula von der Leyen", "Vincent van Gogh", "Osama bin Laden"):
    ``data/name_particles.txt``."""
    return word_set("name_particles.txt")


def join_particle_names(ents: tuple[SpacySpan, ...]) -> tuple[SpacySpan, ...]:
    """Rejoin a person's name the small model split at a lower-case particle: "Ursula von der"
    (PERSON) + "Leyen" (GPE), or "Ursula" + "von der" + "Leyen", become one PERSON span."""
    out: list[SpacySpan] = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == "PERSON" and ent[0].is_title and len(ent) <= 2:
            gap = ent.doc[prev.end : ent.start]
            # particles between the two spans, or at the end of the person's span
            joins = all(_is_particle(t) for t in gap) if len(gap) else len(prev) > 1 and _is_particle(prev[-1])
            if joins:
                out[-1] = SpacySpan(ent.doc, prev.start, ent.end, label="PERSON")
                continue
        out.append(ent)
    return tuple(out)


def _is_particle(tok: Token) -> bool:
    return tok.is_lower and tok.lower_ in name_particles()


def doc_ents(doc: Doc) -> tuple[SpacySpan, ...]:
    """The named entities of a doc, computed once (``doc.ents`` walks the whole doc), with
    person names split at a particle rejoined (:func:`join_particle_names`)."""
    cached = doc.user_data.get("onrecord_ents")
    if cached is None:
        cached = join_particle_names(tuple(doc.ents))
        doc.user_data["onrecord_ents"] = cached
        doc.user_data["onrecord_ent_at"] = {i: e for e in cached for i in range(e.start, e.end)}
    return cached  # type: ignore[no-any-return]


def ent_at(tok: Token) -> SpacySpan | None:
    """The named entity a token belongs to, if any."""
    doc_ents(tok.doc)
    found: SpacySpan | None = tok.doc.user_data["onrecord_ent_at"].get(tok.i)
    return found


def with_text(doc: Doc, text: str) -> Doc:
    """Make ``text`` (of the doc's length) the text every rule and offset reads: the doc may have
    been parsed from a copy with normalised quote marks (:func:`~onrecord.lang.en.quotemarks.for_parser`)."""
    parsed_len = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0  # without joining every token
    if len(text) != parsed_len:
        raise ValueError("the original text must have the parsed text's length")
    doc.user_data["onrecord_text"] = text
    return doc


def doc_text(doc: Doc) -> str:
    """The text of a doc, built once (``doc.text`` joins every token on each call)."""
    cached = doc.user_data.get("onrecord_text")
    if cached is None:
        cached = doc.text
        doc.user_data["onrecord_text"] = cached
    return cached  # type: ignore[no-any-return]
