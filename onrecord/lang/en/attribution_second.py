"""Second reports inside a content: a clause joined to what was said that has a subject and a
reporting verb of its own ("Most said A, and more than 4 in 10 said B", "… A; 26% say B",
"… A while Sanders suggests B") is a second statement, not part of the first one. News attribution
corpora annotate both side by side; the parser often hangs the second verb inside the first
content (as a conjunct, or even as a modifier: "4 in 10 said" read as an adjective).

Part of :mod:`onrecord.lang.en.attribution` (which describes the rules and re-exports the public names).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from onrecord.lang.en.attribution_base import Attribution, LemmaFn
from onrecord.lang.en.lexicon import Lexicon, word_set
from onrecord.lang.en.quotemarks import DOUBLE_MARKS, QuoteSpan
from onrecord.lang.en.spans import doc_text, token_range_span, tokens_to_spans
from onrecord.model import QuoteKind

#: words that open a clause of its own after a comma or a semicolon (", and 46 percent said …")
CLAUSE_JOINS = word_set("clause_joins.txt")
#: words that open a contrasting clause without a comma ("… A while 22 percent said B")
BARE_JOINS = word_set("bare_joins.txt")
#: marks that end a clause before a second report ("… A; 26% say B")
CLAUSE_MARKS = frozenset({";", ",", "—", "–", "--"})
#: parts of speech of a subject phrase between the join and its verb ("more than 4 in 10",
#: "Republican Donald Trump", "doctors and medical experts", "the vast majority")
SUBJECT_POS = frozenset({"DET", "NUM", "ADJ", "NOUN", "PROPN", "PRON", "ADP", "ADV", "CCONJ", "SYM", "PART"})
#: heads a subject phrase needs ("26%", "voters", "Trump", "they")
SUBJECT_HEADS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
#: words that open a relative or a subordinate clause, not a subject ("which", "who")
NOT_SUBJECT_WORDS = word_set("not_subject_words.txt")
#: the longest subject phrase taken (tokens)
MAX_SUBJECT = 8
#: cue classes of a verb joined to a reported clause that report for the first source ("and
#: added", "and called on", "but downplayed"); not a belief, a wish or an act ("and thought",
#: "and will see what happens")
CONJUNCT_CLASSES = frozenset({"speech", "reported"})
NO_CONJUNCT_CLASSES = frozenset({"act", "belief", "np-none", "as-only", "commit"})
#: the fewest words the first content keeps when a second report is cut off
MIN_KEPT_WORDS = 3
#: finite verb tags ("said", "says", "say"); a past participle counts after "has"/"have"/"had"
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
#: the auxiliaries of a perfect ("has said")
_PERFECT_AUX = frozenset({"has", "have", "had"})
#: adverbs between a subject and its verb ("they also said", "he now says")
_VERB_ADVERBS = frozenset({"also", "now"})
#: cue classes of a second report's verb (a wish, a plan or an act is none: "would rather see")
REPORT_CLASSES = frozenset({"speech", "belief"})


def _finite(verb: Token) -> bool:
    """A finite verb form ("said", "say", "has said"; not "saying" or "to say")."""
    if verb.tag_ in FINITE_TAGS:
        return True
    return verb.tag_ == "VBN" and verb.i > 0 and verb.doc[verb.i - 1].lower_ in _PERFECT_AUX


def _report_verb(verb: Token, lex: Lexicon, lemma: LemmaFn) -> bool:
    """A finite speech or belief verb ("said", "say", "suggests", "believe"), not a wish or an act."""
    if verb.pos_ not in ("VERB", "AUX") or not _finite(verb):
        return False
    classes = lex.cue_classes(lemma(verb))
    return bool(classes & REPORT_CLASSES) and "act" not in classes


def _subject_start(doc: Doc, verb: Token, floor: int) -> int | None:
    """The first token of a subject phrase that stands between a clause join and the verb
    (", and | more than 4 in 10 | said"), or None when the words before the verb are no such
    phrase. Tokens before ``floor`` are not looked at."""
    i = verb.i - 1
    if i > 0 and doc[i].lower_ in _PERFECT_AUX:
        i -= 1
    if i >= 0 and doc[i].lower_ in _VERB_ADVERBS:
        i -= 1  # "and voters also say"
    last = i
    first = None
    for j in range(last, max(floor, last - MAX_SUBJECT + 1) - 1, -1):
        if doc[j].pos_ not in SUBJECT_POS or doc[j].is_space:
            return None
        if _join_before(doc, j, floor):
            first = j
            break
    if first is None:
        return None
    words = [doc[j] for j in range(first, last + 1)]
    if words[0].lower_ in NOT_SUBJECT_WORDS or words[0].pos_ in ("CCONJ", "ADP") and words[0].lower_ != "about":
        return None
    if any(w.lower_ in NOT_SUBJECT_WORDS for w in words) or not any(w.pos_ in SUBJECT_HEADS for w in words):
        return None
    if any(w.pos_ == "PRON" and w.dep_ != "poss" for w in words[1:]):
        return None  # "classified information he shared": a relative clause, no subject
    return first


def _join_before(doc: Doc, first: int, floor: int) -> bool:
    """Whether a clause join ends right before token ``first``: "; ", ", and ", ", but ",
    " while ", "— and "."""
    prev = first - 1
    if prev < floor:
        return False
    if doc[prev].text in (";",):
        return True
    if doc[prev].lower_ in BARE_JOINS:
        return True
    if doc[prev].lower_ in CLAUSE_JOINS:
        return prev - 1 >= floor and doc[prev - 1].text in CLAUSE_MARKS
    return False


def _join_start(doc: Doc, first: int) -> int:
    """The first token of the join before a subject phrase (the comma of ", and")."""
    i = first - 1
    if doc[i].lower_ in CLAUSE_JOINS and i > 0 and doc[i - 1].text in CLAUSE_MARKS:
        i -= 1
    return i


def _in_quote(quotes: list[QuoteSpan], tok: Token) -> bool:
    return any(q.closed and q.begin < tok.idx < q.end for q in quotes)


def _second_report(doc: Doc, a: Attribution, quotes: list[QuoteSpan], lex: Lexicon,
                   lemma: LemmaFn) -> tuple[int, Token] | None:
    """The first second report inside an attribution's content: the index of the first token of
    its join and its verb."""
    begin, end = a.content[0][0], a.content[-1][1]
    after = max([a.cue[-1][1]] if a.cue else [begin])
    span = doc.char_span(begin, end, alignment_mode="expand")
    if span is None:
        return None
    for tok in span:
        if tok.idx <= after or tok.idx < begin or not _report_verb(tok, lex, lemma) or _in_quote(quotes, tok):
            continue
        floor = max(span.start, next((t.i for t in span if t.idx > after), span.end))
        first = _subject_start(doc, tok, floor)
        if first is None:
            continue
        if doc[first - 1].lower_ in BARE_JOINS and doc[first - 2].text not in CLAUSE_MARKS \
                and not any(c.dep_ == "ccomp" for c in tok.children):
            continue  # "… on hold while the court considered the matter": a time, no second report
        return _join_start(doc, first), tok
    return None


def _new_report(doc: Doc, a: Attribution, verb: Token, join: int, end: int) -> Attribution | None:
    """The second report as an attribution of its own: the subject phrase speaks, the verb is
    the cue, the rest of the first content is what was said."""
    first = join + 1
    if doc[first].lower_ in CLAUSE_JOINS:
        first += 1
    last = verb.i - 1
    while last > first and (doc[last].lower_ in _PERFECT_AUX or doc[last].lower_ in _VERB_ADVERBS):
        last -= 1
    rest = [t.i for t in doc[verb.i + 1:] if t.idx < end]
    content = tokens_to_spans(doc, rest)
    if not content:
        return None
    heads = [t for t in doc[first:last + 1] if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == verb.i]
    head = heads[0] if heads else next(t for t in reversed(doc[first:last + 1]) if t.pos_ in SUBJECT_HEADS)
    text = doc_text(doc)
    kind: QuoteKind = "mixed" if any(ch in DOUBLE_MARKS for b, e in content for ch in text[b:e]) else "indirect"
    return Attribution(content=content, cue=[token_range_span(doc, verb.i, verb.i)],
                       source=token_range_span(doc, first, last), source_token=head.i, kind=kind,
                       confidence=0.7, rule="second_report", extra={"verb": verb.i})


def split_second_reports(doc: Doc, atts: list[Attribution], quotes: list[QuoteSpan], lex: Lexicon,
                         lemma: LemmaFn) -> list[Attribution]:
    """End each content where a second report with a subject of its own begins, and add that
    report when no rule found it (see the module docstring)."""
    cues = {c[0] for a in atts for c in a.cue}
    out = list(atts)
    for a in atts:
        if not a.content or not a.cue or a.kind == "direct":
            continue
        found = _second_report(doc, a, quotes, lex, lemma)
        if found is None:
            continue
        join, verb = found
        stop = doc[join].idx
        kept = [(b, min(e, stop)) for b, e in a.content if b < stop]
        kept = [(b, e) for b, e in kept if doc_text(doc)[b:e].strip(" ,;—–-")]
        if not kept or len([t for t in doc.char_span(kept[0][0], kept[-1][1], alignment_mode="expand") or []
                if t.is_alpha and t.lower_ != "that"]) < MIN_KEPT_WORDS:
            continue  # "that while he fears …": nothing of the first report would be left
        end = a.content[-1][1]
        text = doc_text(doc)
        a.content = [(b, b + len(text[b:e].rstrip(" ,;—–-"))) for b, e in kept]
        if a.kind == "mixed" and not any(ch in DOUBLE_MARKS for b, e in a.content for ch in text[b:e]):
            a.kind = "indirect"  # the quotation went to the second report
        if verb.idx not in cues:
            second = _new_report(doc, a, verb, join, end)
            if second is not None:
                out.append(second)
                cues.add(verb.idx)
    return out


#: personal pronouns that may stand for the source of the first report ("Lazar said he …")
PERSON_PRONOUNS = word_set("person_pronouns.txt")


def _same_person(source: Token, pronoun: Token) -> bool:
    """Whether a personal pronoun of a reported clause can stand for the first report's source:
    the same pronoun, "he"/"she"/"they" for a name or a singular noun, "they"/"we" for a plural
    noun ("Police said he posed a threat": "he" is someone else)."""
    word = pronoun.lower_
    if pronoun.pos_ != "PRON" or word not in PERSON_PRONOUNS:
        return False
    if source.pos_ == "PRON":
        return source.lower_ == word
    if source.tag_ in ("NNS", "NNPS"):
        return word in ("they", "we")
    return word in ("he", "she", "they")


def _pronoun_conjunct(doc: Doc, a: Attribution, b: Attribution, lex: Lexicon, lemma: LemmaFn) -> bool:
    """Whether ``b`` is a speech verb the parser joined to the verb of ``a``'s reported clause,
    with that clause's pronoun as its inherited subject ("Lazar said he welcomed extradition and
    added, “…”", "He said that he would offer a prayer but did not suggest …")."""
    outer, inner = a.extra.get("verb"), b.extra.get("verb")
    if not isinstance(outer, int) or not isinstance(inner, int) or b.source_token is None:
        return False
    verb, subject = doc[inner], doc[b.source_token]
    if verb.dep_ != "conj" or a.source_token is None or not _same_person(doc[a.source_token], subject):
        return False
    head = verb.head
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head  # "he'd sit Putin down and tell him … and tells the crowd …"
    if head.dep_ != "ccomp" or head.head.i != outer or subject.head.i != head.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    finite = verb.tag_ in FINITE_TAGS or any(c.dep_ == "aux" and c.lower_ != "to" for c in verb.children)
    classes = lex.cue_classes(lemma(verb))
    return finite and bool(classes & CONJUNCT_CLASSES) and not classes & NO_CONJUNCT_CLASSES


def adopt_conjunct_sources(doc: Doc, atts: list[Attribution], lex: Lexicon, lemma: LemmaFn) -> list[Attribution]:
    """Give a speech verb joined to a reported clause's verb the first report's source (see
    :func:`_pronoun_conjunct`); :func:`~onrecord.lang.en.attribution_merge.split_coordinated_reports`
    then ends the first content before it."""
    for a in atts:
        if a.source is None or not a.content or a.kind == "direct":
            continue
        for b in atts:
            if b is not a and b.source != a.source and _pronoun_conjunct(doc, a, b, lex, lemma):
                b.source, b.source_token = a.source, a.source_token
    return atts


#: relative pronouns that open a reporter's aside about a name ("Pagliano, who invoked …, is")
ASIDE_PRONOUNS = frozenset({"who", "which"})


def _relative_aside(doc: Doc, b: Attribution) -> tuple[int, int] | None:
    """The characters of a relative clause set off by commas on both sides whose verb is the cue
    of ``b`` ("…, who invoked his Fifth Amendment rights before a panel, …"), commas included."""
    verb_i = b.extra.get("verb")
    if not isinstance(verb_i, int) or b.source_token is None or doc[b.source_token].lower_ not in ASIDE_PRONOUNS:
        return None
    verb = doc[verb_i]
    if verb.dep_ != "relcl":
        return None
    first, last = verb.left_edge.i, verb.right_edge.i
    if first < 1 or last + 1 >= len(doc) or doc[first - 1].text != "," or doc[last + 1].text != ",":
        return None
    return doc[first - 1].idx, doc[last + 1].idx + 1


def cut_relative_reports(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """A report in a relative clause set off by commas inside another report's content ("the
    campaign is pleased that Pagliano, who invoked his rights before a panel, is now cooperating")
    is the reporter's aside about a name and a statement of its own: the first content leaves
    it out, and both stand."""
    for a in atts:
        if not a.content or a.kind == "direct":
            continue
        begin, end = a.content[0][0], a.content[-1][1]
        for b in atts:
            if b is a or not b.cue or not begin < b.cue[0][0] < end:
                continue
            if doc_text(doc)[b.content[0][0]:b.content[0][0] + 3].lower() == "to ":
                continue  # "…, who asked the police to show them the video, …": a request, not a report
            aside = _relative_aside(doc, b)
            if aside is None or not (begin < aside[0] and aside[1] < end):
                continue
            content = [(x, min(y, aside[0])) for x, y in a.content if x < aside[0]]
            content += [(max(x, aside[1]), y) for x, y in a.content if y > aside[1]]
            a.content = [(x, y) for x, y in content if doc_text(doc)[x:y].strip(" ,")]
            a.content = [_trimmed(doc_text(doc), x, y) for x, y in a.content]
    return atts


def _trimmed(text: str, begin: int, end: int) -> tuple[int, int]:
    """A span without the spaces at its edges."""
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    return begin, end
