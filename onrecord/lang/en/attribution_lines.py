"""Line rules of English attribution, over the text rather than one parsed clause: transcript and
headline lines "NAME: …" and "NAME on TOPIC: …" (``line_sources``), a sentence about a person that ends in a colon
before a quotation (``colon_sources``) and a quotation signed after a dash (``byline_sources``).

Part of :mod:`onrecord.lang.en.attribution` (which describes the rules and re-exports the public names).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from onrecord.lang.en.attribution_base import (
    NOT_SOURCES,
    SHORT_QUOTE_WORDS,
    SUBJECT_DEPS,
    Attribution,
    _quote_words,
    human_subject,
)
from onrecord.lang.en.attribution_sources import issuer_of, named_in_np, source_span, usable_source
from onrecord.lang.en.lexicon import Lexicon
from onrecord.lang.en.quotemarks import QuoteSpan
from onrecord.lang.en.spans import doc_text, token_range_span

_LINE = re.compile(r"^[ \t]*[\"“]?([A-Z][\w.’'\- ]{0,40}?):[ \t]+(\S[^\n]*)$", re.MULTILINE)
#: "Name, Outlet: “…”" — a speaker with the outlet they spoke to or write for, then a quotation
_LINE_OUTLET = re.compile(r"^[ \t]*([A-Z][\w.’'\- ]{0,40}?),[ \t]+[A-Z][\w.&’'\- ]{0,40}?:[ \t]+([“\"][^\n]*)$",
                          re.MULTILINE)
#: "Name on Topic: words", "Name to Audience: words" — a headline naming a speaker, what or whom
#: the words are about or for, then the words
_LINE_TOPIC = re.compile(r"^[ \t]*([A-Z][\w.’'\- ]{0,40}?)[ \t]+(?:[Oo]n|[Tt]o|[Aa]t)[ \t]+"
                         r"[^\n:]{1,80}?:[ \t]+(\S[^\n]*)$", re.MULTILINE)
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


def _name_like(name: str) -> bool:
    """Every word capitalised (or a short particle such as "de", "van")."""
    words = name.split()
    return bool(words) and all(w[0].isupper() or w in ("de", "van", "von", "der", "al", "bin") for w in words)


PLACE_TYPES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})


#: at most this many words after "NAME:" make a line a section heading when it stands alone
HEADING_WORDS_MAX = 6
#: words of a heading's own that make it speech, not a heading ("Roe: I will run")
_SPEAKER_WORDS = re.compile(r"\b(?:I|I'm|I’m|I'll|I’ll|I've|I’ve|me|my|we|we're|we’re|us|our|you|your)\b",
                            re.IGNORECASE)


def section_heading(text: str, name_begin: int, content: str, next_begin: int) -> bool:
    """Whether a short "NAME: words" line inside an article heads a section about that person
    ("Roe: Win in a walk." over a paragraph on what Roe needs), not their words: it is not the
    article's first line (its headline), has at most :data:`HEADING_WORDS_MAX` words, no quotation
    mark and no first or second person, and neither the line before nor the line after is another
    speaker's turn (as in a transcript: "ROE: Why not debate?" / "DOE: Not now.")."""
    before = text[:name_begin].strip()
    if not before or len(content.split()) > HEADING_WORDS_MAX:
        return False
    if any(ch in content for ch in "\"“”‘’'") or _SPEAKER_WORDS.search(content):
        return False
    previous_line = before.rsplit("\n", 1)[-1]
    next_line = text[next_begin:].lstrip().split("\n", 1)[0]
    return not _LINE.match(previous_line.strip()) and not _LINE.match(next_line)


def line_sources(doc: Doc) -> list[Attribution]:
    """Transcript and headline lines "NAME: words" (the name has at most five words)."""
    out: list[Attribution] = []
    text = doc_text(doc)
    matches = list(_LINE.finditer(text)) + list(_LINE_ALONE.finditer(text)) + list(_LINE_OUTLET.finditer(text)) \
        + list(_LINE_TOPIC.finditer(text))
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
        if m.re is _LINE and section_heading(text, name_begin, text[m.start(2):end], m.end(2)):
            continue  # "Roe: Win in a walk." over a paragraph about Roe: a section heading
        span = doc.char_span(name_begin, name_begin + len(name), alignment_mode="expand")
        if span is not None and len(span) and all(t.ent_type_ in PLACE_TYPES for t in span):
            continue  # a list under a place heading ("Iowa: Tim Albrecht, Brad Anderson, …")
        if m.re is _LINE_TOPIC and not (span is not None and len(span) and all(
                t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP") for t in span)):
            continue  # "Welcome to Iowa: …" names no speaker
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
