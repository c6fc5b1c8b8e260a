"""Sentences opened by their attribution: "Laut X …", "Nach Angaben der X …", "Als Grund nannte X …".

Needs: a PreparedDoc and the tagger's spans. Adds: the rest of such a sentence as an indirect
quote with its cue and source, where the tagger's spans there are broken — a quote that takes
the source phrase in ("Laut einem Sprecher sollen …" tagged as one free indirect quote) or a
speaker span that runs on over the finite verb into the statement — which
:func:`onrecord.lang.de.rules.rule_quotes` leaves alone (it only fills sentences without a
tagged quote).

In quotes-de/train all 55 sentences that open with "Laut" are annotated as quotes (the rest of
the sentence, indirect, the phrase's noun phrase the speaker); the two-fold models left 11 of
them out. The adverb "Demnach" opening a sentence (16 of 19 such sentences are quotes, but the
speaker is annotated now as the adverb, now as the source of the sentence before, now as none)
was tried the same way and lowered fold 1 of the cross-validation, so it is left to the tagger.
:func:`als_attribution` (used by :func:`onrecord.lang.de.rules.rule_quotes`) takes "Als Grund
nannte X …" / "Als Begründung gab X an, …".
"""

from __future__ import annotations

from functools import cache

from onrecord.errors import ModelError
from onrecord.extraction.stance_lexicon import ADJECTIVE_ENDINGS
from onrecord.lang.de.features import cue_class
from onrecord.lang.de.labels import QUOTE_CLASSES, TokenSpan, trim
from onrecord.lang.de.lexicon import GermanLexicon, data_lines, lexicon, word_set
from onrecord.lang.de.rules_phrases import _around, source_end, source_phrase_at
from onrecord.lang.de.tokens import CLAUSE_PUNCT, PreparedDoc, is_quote_mark

#: tokens the statement needs after the source
_MIN_REST = 3


def _finite_verb_like(doc: PreparedDoc, i: int, e: int, lex: GermanLexicon) -> bool:
    """Whether token ``i`` may be the finite verb after a fore-field: a lower-case word that is no
    article, conjunction or preposition (``data/opening_not_verbs.txt``), nor an adjective before
    a noun ("Nach Angaben informierter Kreise")."""
    toks = doc.tokens
    tok = toks[i]
    if not (tok.text.isalpha() and tok.text.islower()) or tok.lower in word_set("opening_not_verbs.txt"):
        return False
    nxt = toks[i + 1] if i + 1 < e else None
    return not (nxt is not None and nxt.text[:1].isupper() and tok.lower.endswith(ADJECTIVE_ENDINGS)
                and cue_class(tok, lex) != "verb")


def _opening_phrase(doc: PreparedDoc, b: int, e: int, lex: GermanLexicon) -> int | None:
    """End of a source phrase that opens the sentence ``[b, e)`` ("Laut X", "Nach Angaben der
    X") and is its whole fore-field (a finite verb follows it), or ``None``. Its first word is the
    cue, the rest the source."""
    toks = doc.tokens
    if toks[b].quoted >= 0 or toks[b].lower == "zufolge":
        return None
    phrase = source_phrase_at(doc, b, (b, e), lex)
    if phrase is None or phrase[1] >= e or not _finite_verb_like(doc, phrase[1], e, lex):
        return None
    return phrase[1]


def opening_source_quotes(doc: PreparedDoc, spans: list[TokenSpan]) -> tuple[list[TokenSpan], list[TokenSpan]]:
    """The tagger's spans without those that a sentence opened by its source replaces, and the
    replacing spans (the statement as an indirect quote, its cue and its source). They join the
    tagger's spans, not the rule spans of :class:`onrecord.lang.de.attribution.SpanSets`: a rule
    source is also a fallback speaker of the sentence before it ("… . Das berichtete Y."), which
    an opening source never is. A sentence is left alone when a tagged quote there already starts
    after the source phrase, when a quote or speaker span reaches over its edges, or when the
    statement holds quote marks."""
    lex = lexicon()
    toks = doc.tokens
    drop: set[TokenSpan] = set()
    extra: list[TokenSpan] = []
    for b, e in doc.sentences:
        src_e = _opening_phrase(doc, b, e, lex)
        if src_e is None:
            continue
        cue, src_b = b, b + 1
        rest_b = max(cue + 1, src_e)
        rest = trim(doc, TokenSpan("IQ", rest_b, e))
        if rest is None or rest.end - rest.begin < _MIN_REST:
            continue
        if any(t.quoted >= 0 or is_quote_mark(t.text) for t in toks[rest.begin : rest.end]):
            continue
        inside = [s for s in spans if s.begin < e and b < s.end]
        if any(s.begin < b or s.end > e for s in inside):
            continue  # a span over the sentence's edges: not this sentence's alone
        quotes = [s for s in inside if s.cls in QUOTE_CLASSES]
        # the broken cases: a quote that takes the source phrase in, a speaker over the verb
        swallowing = [s for s in quotes if s.begin <= cue]
        speakers_over = [s for s in inside if s.cls == "SPK" and s.begin < rest_b < s.end]
        if quotes and not swallowing and not speakers_over:
            continue  # the tagger's statement stands
        if not quotes and not speakers_over:
            continue  # rule_quotes finds the statement of a source phrase, as before
        drop.update(quotes)
        drop.update(speakers_over)
        extra.append(rest)
        if not any(s.cls == "CUE" and s.begin <= cue < s.end for s in inside):
            extra.append(TokenSpan("CUE", cue, cue + 1))
        if src_e > src_b and not any(s.cls == "SPK" and s.begin < src_e and src_b < s.end and s not in drop
                                     for s in inside):
            extra.append(TokenSpan("SPK", src_b, src_e))
    return [s for s in spans if s not in drop], extra


#: the classes of data/als_openings.txt (see its header)
_ALS_CLASSES = ("verb", "participle", "particle_verb", "passive", "not")


@cache
def _als_words() -> dict[str, frozenset[str]]:
    """The words of a sentence opened by "Als" and a noun, by class: data/als_openings.txt."""
    found: dict[str, set[str]] = {cls: set() for cls in _ALS_CLASSES}
    for line in data_lines("als_openings.txt"):
        form, cls = line.split("\t")
        if cls not in found:
            raise ModelError(f"onrecord/lang/de/data/als_openings.txt: {form!r} has an unknown class {cls!r}")
        found[cls].add(form)
    return {cls: frozenset(forms) for cls, forms in found.items()}


@cache
def _als_any_verb() -> frozenset[str]:
    """Every verb form that may carry the statement (the active ones are taken, see :func:`als_attribution`)."""
    words = _als_words()
    return words["verb"] | words["particle_verb"] | words["participle"]


def als_attribution(
    doc: PreparedDoc, b: int, e: int, lex: GermanLexicon
) -> tuple[TokenSpan, int, int, int] | None:
    """(statement, cue token, source begin, source end) of a sentence ``[b, e)`` that opens with
    "Als" and a noun and gives what someone named or stated as it ("Als Grund nannte die Behörde
    fehlende Ersatzteile.", "Als Begründung gaben die Ärzte an, der Patient sei zu
    schwach."): the statement is the clause after the comma that follows the verb, else the whole
    sentence (reported speech); the source is the noun phrase right after the verb. In
    quotes-de/train 17 of 21 sentences that open with "Als", a noun and such a verb are annotated
    as quotes; the passive ones ("Als Ursache wurde … angegeben") were tried too and lowered
    fold 2 of the cross-validation (their source stands sentences before), so only the active
    ones are taken. ``None`` when the sentence is not of this kind."""
    toks = doc.tokens
    words = _als_words()
    if toks[b].text != "Als" or toks[b].quoted >= 0 or b + 2 >= e:
        return None
    if not (toks[b + 1].text[:1].isupper() and toks[b + 1].text.isalpha()) or toks[b + 1].text in words["not"]:
        return None
    if any(t.quoted >= 0 or is_quote_mark(t.text) for t in toks[b:e]):
        return None
    verb = next((k for k in range(b + 2, e) if toks[k].lower in _als_any_verb()), None)
    if verb is None:
        return None
    close = verb
    if toks[verb].lower in words["particle_verb"]:
        close = next((k for k in range(verb + 1, e) if toks[k].lower == "an" and (
            k + 1 >= e or toks[k + 1].text in (",", ".", "!", "?"))), -1)
        if close < 0:
            return None
    if any(toks[k].lower in words["passive"] for k in range(b + 2, verb)) or toks[verb].lower in words["participle"]:
        return None  # passive: the source stands in the text before, where no rule looks
    src_b = verb + 1
    src_e = source_end(doc, src_b, e, lex, 2)
    if src_e is None:
        return None
    if close + 1 < e and toks[close + 1].text == ",":
        statement = trim(doc, TokenSpan("IQ", close + 2, e))
    else:
        statement = trim(doc, TokenSpan("RQ", b, e))
    if statement is None or statement.end - statement.begin < _MIN_REST:
        return None
    return statement, verb, src_b, src_e


def _inner_phrase(
    doc: PreparedDoc, b: int, e: int, inside: list[TokenSpan], lex: GermanLexicon
) -> tuple[int, int] | None:
    """Token range of a source phrase inside the sentence ``[b, e)``, not at its start ("… gibt es
    aber laut dem Bericht …", "… wurden nach Angaben der Polizei …"): one the lexicon finds
    (:func:`source_phrase_at`), widened over a source preposition the tagger tagged as a cue and
    the speaker it tagged right beside it; else None."""
    toks = doc.tokens
    for i in range(b + 1, e - 1):
        if toks[i].quoted >= 0 or lex.cues.get(toks[i].lower) != "prep":
            continue
        phrase = source_phrase_at(doc, i, (b, e), lex)
        lo, hi = phrase if phrase is not None else (i, i + 1)
        if any(s.cls == "CUE" and s.begin == i for s in inside):
            for s in inside:
                if s.cls == "SPK" and (i + 1 <= s.begin <= i + 2 or i - 1 <= s.end <= i):
                    lo, hi = min(lo, s.begin), max(hi, s.end)
        elif phrase is None:
            continue
        return (lo, hi) if hi - lo > 1 else None
    return None


def inner_source_quotes(doc: PreparedDoc, spans: list[TokenSpan]) -> tuple[list[TokenSpan], list[TokenSpan]]:
    """The tagger's spans without the partial quotes of a sentence whose source phrase stands
    inside it, and the sentence around the phrase as the indirect quote instead, with the cue and
    source where the tagger tagged none. The tagger often takes only the words after the phrase
    ("Bei Gewaltverbrechen gibt es aber laut dem Bericht | eine hohe Dunkelziffer |"); quotes-de
    annotates the whole sentence as the source's statement. Only a sentence whose tagged quotes
    are indirect or free indirect, lie inside it and outside the phrase, whose only cue is the
    phrase's preposition, and that holds no quoted speech."""
    lex = lexicon()
    toks = doc.tokens
    drop: set[TokenSpan] = set()
    extra: list[TokenSpan] = []
    for b, e in doc.sentences:
        inside = [s for s in spans if s.begin < e and b < s.end]
        quotes = [s for s in inside if s.cls in QUOTE_CLASSES]
        if not quotes or any(s.cls not in ("IQ", "FQ") or s.begin < b or s.end > e for s in quotes):
            continue
        if any(t.quoted >= 0 or is_quote_mark(t.text) for t in toks[b:e]):
            continue
        phrase = _inner_phrase(doc, b, e, inside, lex)
        if phrase is None:
            continue
        lo, hi = phrase
        if any(t.text in CLAUSE_PUNCT for t in toks[b:lo]):
            continue  # "…, da nach Angaben der X …": the phrase belongs to a clause of its own
        if any(s.begin < hi and lo < s.end for s in quotes):
            continue  # a quote over the phrase: the tagger read the sentence otherwise
        if any(s.cls == "CUE" and not (lo <= s.begin < hi) for s in inside):
            continue  # another cue: the quote may be its clause
        if any(s.cls == "SPK" and not (lo <= s.begin and s.end <= hi) for s in inside):
            continue
        parts = [TokenSpan(quotes[0].cls, p.begin, p.end) for p in _around(doc, b, e, lo, hi)]
        covered = {i for p in parts for i in range(p.begin, p.end)}
        if not parts or not all(i in covered for s in quotes for i in range(s.begin, s.end)):
            continue
        if sum(p.end - p.begin for p in parts) <= sum(s.end - s.begin for s in quotes):
            continue  # the tagger's quotes already cover the sentence
        drop.update(quotes)
        extra.extend(parts)
        if not any(s.cls == "CUE" for s in inside):
            prep = next(i for i in range(lo, hi) if lex.cues.get(toks[i].lower) == "prep")
            extra.append(TokenSpan("CUE", prep, prep + 1))
            src = (lo, prep) if prep + 1 == hi else (prep + 1, hi)
            if src[1] > src[0] and not any(s.cls == "SPK" for s in inside):
                extra.append(TokenSpan("SPK", *src))
    return [s for s in spans if s not in drop], extra
