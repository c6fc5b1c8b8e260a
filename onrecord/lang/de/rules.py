"""Rule quotes: indirect speech the tagger left out, in sentences where it tagged no quote.

Three constructions mark a sentence as someone's statement whatever its verb mood, so the
token tagger, which leans on Konjunktiv and on reporting verbs before a clause, misses some
of them:

* a **source phrase**: "Laut Polizei wurden zwei Menschen verletzt", "Heute wurden nach
  israelischen Armeeangaben 40 Ziele angegriffen", "Der Behörde zufolge …". "laut" and
  "zufolge" open one with any noun phrase; "nach" and "gemäß" only with a source noun
  (``data/source_nouns.txt``: Angaben, Einschätzung, Aussage, …), since "nach" alone is
  mostly time or place. In ``quotes-de/train``, 217 of 226 "nach" + source noun phrases are
  annotated as the cue of a quote, and the quote is the rest of the sentence (around the
  phrase when it stands inside the sentence).
* a **trailing attribution**: "Am schlimmsten hat es den Distrikt getroffen, sagte
  Provinzgouverneur Thirayuth Iamtrakul." / "…, so der UN-Mitarbeiter." — a sentence whose
  last comma is followed by a reporting verb (or "so") and a short noun phrase or pronoun
  only; in ``quotes-de/train`` the clause before the comma is a quote in 31 of 33 such
  sentences without quote marks.
* a **pronoun attribution**: "Der Italiener Trapattoni wird neuer Trainer. Dies gab die
  Vereinsführung bekannt." — the pronoun stands for the sentence before, which is the
  statement (the corpus annotates it up to and including the pronoun; the quote here is the
  sentence alone). In ``quotes-de/train`` 34 of 39
  such sentence pairs within a paragraph are annotated so, and the tagger found none of them.

* **reported speech** (issue 13): a speech act without a clause ("Die Gewerkschaft forderte
  eine Untersuchung.", "kündigte … an", "bezeichnete … als"; ``data/speech_acts.txt``) makes
  the whole sentence a reported quote of its subject; a zu-infinitive after a speech verb ("gab
  an, … bezahlt zu haben", "bestand darauf, …") and a dass-clause after a speech noun ("der
  Vorwurf, dass …"; ``data/speech_nouns.txt``, without Möglichkeit or Voraussetzung) are
  indirect quotes. In ``quotes-de/train`` only about half the sentences of the speech-act
  pattern are annotated (the annotation skips many "X forderte Y"), the infinitives 56 of 67.
  A speech act in the passive is one too when its agent is named ("Von der Opposition wurde
  der Plan als Fehler kritisiert.", "wird vom Wetterdienst als hoch eingestuft"); without an
  agent it is mostly the reporter's account ("Mit dem Eintreffen wird gerechnet") and left out.
* **clauses after a reporting word** (issue 13 item 7): a dass-clause after a reporting verb (also
  "gab … bekannt, dass", "wurde bekannt, dass"), a Konjunktiv I clause without "dass" ("hatte
  erklärt, er sei unschuldig"), and a relative source phrase after a noun (", wonach …", ", nach
  denen …", ", denen zufolge …"), each running to the end of the sentence.

Each function is pure: token indices in, token spans out. The source's noun phrase becomes a
speaker span, as if the tagger had tagged it; the ranker still chooses among all candidates,
knowing which one a rule found (it is trained on the rule quotes too).

The constructions live beside this module: noun phrases, source phrases and trailing, pronoun,
opinion and "wie" attributions in :mod:`onrecord.lang.de.rules_phrases`; continuations, direct
speech without quote marks, interview answers and colons in
:mod:`onrecord.lang.de.rules_continuation`; speech acts, infinitives and speech nouns in
:mod:`onrecord.lang.de.rules_speech_acts`. :func:`rule_quotes` joins them; every public name is
importable from here too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from onrecord.lang.de.labels import QUOTE_CLASSES, TokenSpan, trim
from onrecord.lang.de.lexicon import GermanLexicon, lexicon
from onrecord.lang.de.narration import is_interview
from onrecord.lang.de.rules_continuation import (
    FIRST_PERSON,
    colon_attribution,
    colon_remainder,
    continuation_quote,
    cue_starts_in,
    direct_continuation,
    direct_like,
    first_person,
    interview_answer,
    particle_verb,
    speech_follows,
    speech_mood,
)
from onrecord.lang.de.rules_opening import als_attribution
from onrecord.lang.de.rules_phrases import (
    _MIN_QUOTE,
    PARTICLES,
    _around,
    leading_wie_attribution,
    lone_demonstrative,
    noun_phrase_end,
    opinion_attribution,
    pronoun_attribution,
    source_circumstances,
    source_name_tails,
    source_phrase_at,
    trailing_attribution,
    trailing_source,
    wie_attribution,
)
from onrecord.lang.de.rules_speech_acts import (
    _speech_subject,
    _subject_end,
    cut_relative_source_clauses,
    dass_attribution,
    infinitive_attribution,
    konjunktiv_attribution,
    passive_speech_act,
    predicate_term,
    relative_source_clause_end,
    speech_act_attribution,
    speech_noun_attribution,
    speech_noun_source,
    wonach_attribution,
)
from onrecord.lang.de.tokens import CLAUSE_PUNCT, PreparedDoc

__all__ = [
    "CLAUSE_PUNCT",
    "FIRST_PERSON",
    "PARTICLES",
    "colon_attribution",
    "colon_remainder",
    "continuation_quote",
    "cut_relative_source_clauses",
    "cue_starts_in",
    "direct_continuation",
    "direct_like",
    "first_person",
    "infinitive_attribution",
    "interview_answer",
    "lone_demonstrative",
    "noun_phrase_end",
    "opinion_attribution",
    "particle_verb",
    "predicate_term",
    "pronoun_attribution",
    "rule_quotes",
    "source_circumstances",
    "source_name_tails",
    "source_phrase_at",
    "speech_act_attribution",
    "speech_follows",
    "speech_mood",
    "speech_noun_attribution",
    "speech_noun_source",
    "split_at_source_phrases",
    "split_at_trailing_attributions",
    "trailing_attribution",
    "trailing_source",
    "wie_attribution",
]


def rule_quotes(doc: PreparedDoc, spans: list[TokenSpan]) -> list[TokenSpan]:
    """Indirect quotes (with their cues and sources) for sentences without any tagged quote.

    A source phrase found by the lexicon, or a source preposition the tagger tagged as a cue
    together with the speaker tagged beside it, makes the rest of the sentence a quote; else a
    trailing attribution makes the clause before it one; else a "Dies <reporting verb>"
    sentence makes the sentence before it one. Cue and speaker spans are added where the
    tagger tagged none."""
    lex = lexicon()
    toks = doc.tokens
    quoted = {
        toks[i].sent for sp in spans if sp.cls in QUOTE_CLASSES and not lone_demonstrative(doc, sp)
        for i in range(sp.begin, sp.end)
    }
    cue_starts = {sp.begin for sp in spans if sp.cls == "CUE"}
    # the tagger's cues and speakers by sentence (each under every sentence it touches), so that
    # a long article is not scanned once per sentence
    by_sent: dict[int, list[TokenSpan]] = defaultdict(list)
    for sp in spans:
        if sp.cls in ("CUE", "SPK"):
            for s in range(toks[sp.begin].sent, toks[sp.end - 1].sent + 1):
                by_sent[s].append(sp)
    out: list[TokenSpan] = []
    answered: set[int] = set()  # sentences of an interview answer made one quote below
    interview = is_interview(doc)

    for s_idx, (b, e) in enumerate(doc.sentences):
        if s_idx in quoted and s_idx not in answered:
            out.extend(_cueless_trailing_source(doc, b, e, spans, by_sent.get(s_idx, []), cue_starts, lex))
            rest = colon_remainder(doc, b, e, spans)
            if rest is not None:
                out.append(rest)
        if s_idx in quoted or s_idx in answered:
            continue
        local = by_sent.get(s_idx, [])
        answer = interview_answer(doc, s_idx, quoted) if interview else None
        if answer is not None:
            (lab_b, lab_e), end = answer
            kept = trim(doc, TokenSpan("DQ", lab_e + 1, end))
            if kept is not None:
                answered |= {toks[i].sent for i in range(b, end)}
                out.append(kept)
                out.extend(_cue_and_source(local, cue_starts, lab_e, lab_b, lab_e))
                continue
        phrase = next((p for i in range(b, e) if (p := source_phrase_at(doc, i, (b, e), lex)) is not None), None)
        # the tagger's own source cue (the lower-cased word, not cue_class(): the lemma of a
        # sentence-initial "Laut" is the noun) with the speaker it tagged beside it
        cue = next(
            (c for c in local if c.cls == "CUE" and b <= c.begin < e and lex.cues.get(toks[c.begin].lower) == "prep"),
            None,
        )
        if cue is not None:
            near = [sp for sp in local if sp.cls == "SPK" and b <= sp.begin < e
                    and (cue.end <= sp.begin <= cue.end + 1 or cue.begin - 1 <= sp.end <= cue.begin)]
            lo = min([cue.begin] + [sp.begin for sp in near])
            hi = max([cue.end] + [sp.end for sp in near])
            if phrase is not None and phrase[0] < hi and lo < phrase[1]:
                lo, hi = min(lo, phrase[0]), max(hi, phrase[1])
            phrase = (lo, hi)
        if phrase is not None:
            lo, hi = phrase
            parts = _around(doc, b, e, lo, hi)
            if parts:
                out.extend(parts)
                prep = next((i for i in range(lo, hi) if lex.cues.get(toks[i].lower) == "prep"), lo)
                source = (lo, prep) if prep + 1 == hi else (prep + 1, hi)
                out.extend(_cue_and_source(local, cue_starts, prep, *source))
            continue
        opinion = opinion_attribution(doc, b, e, lex)
        if opinion is not None:
            src_b, src_e, noun, q_b = opinion
            kept = trim(doc, TokenSpan("IQ", q_b, e))
            if kept is not None and kept.end - kept.begin >= _MIN_QUOTE:
                out.append(kept)
                out.extend(_cue_and_source(local, cue_starts, noun, src_b, src_e))
                continue
        colon = colon_attribution(doc, b, e, lex, cue_starts_in(local, b, e))
        if colon is not None:
            cue_at, q_b = colon
            kept = trim(doc, TokenSpan("DQ", q_b, e))  # direct speech whose marks were stripped
            if kept is not None:
                out.append(kept)
                src = _speech_subject(doc, b, e, cue_at, lex)
                s_end = _subject_end(doc, b, cue_at, lex)
                if src is None and s_end is not None and toks[s_end].text.islower():
                    src = (b, s_end)  # "Der Bub kommt aus Luhansk und erzählt: …"
                if toks[cue_at].lower == "so":  # ", so Grundnig: …"
                    np = noun_phrase_end(doc, cue_at + 1, q_b - 1)
                    src = (cue_at + 1, np[1]) if np is not None else None
                out.extend(_cue_and_source(local, cue_starts, cue_at, *(src or (cue_at, cue_at))))
                continue
        comma = trailing_attribution(doc, b, e, lex)
        if comma is not None:
            verb = comma + 1
            kept = trim(doc, TokenSpan("IQ", b, comma)) if comma - b >= _MIN_QUOTE else None
            if kept is not None:
                out.append(kept)
                out.extend(_cue_and_source(local, cue_starts, verb, *trailing_source(doc, verb, e, lex)))
            continue
        wie = wie_attribution(doc, b, e, lex)
        if wie is not None:
            comma, verb, src_e = wie
            kept = trim(doc, TokenSpan("IQ", b, comma))
            if kept is not None:
                out.append(kept)
                out.extend(_cue_and_source(local, cue_starts, verb, comma + 2, src_e))
                continue
        als = als_attribution(doc, b, e, lex)
        if als is not None:
            out.extend(_statement_cue_and_source(local, cue_starts, *als))
            continue
        leading = leading_wie_attribution(doc, b, e, lex)
        if leading is not None:
            verb, src_b, src_e, q_b = leading
            kept = trim(doc, TokenSpan("IQ", q_b, e))
            if kept is not None:
                out.append(kept)
                out.extend(_cue_and_source(local, cue_starts, verb, src_b, src_e))
                continue
        clause = _clause_to_end(doc, b, e, lex)
        if clause is not None:
            out.extend(_statement_cue_and_source(local, cue_starts, *clause))
            continue
        act = speech_act_attribution(doc, b, e, lex)
        if act is not None:
            term = predicate_term(doc, act[2], e, lex)
            kept = term if term is not None else trim(doc, TokenSpan("RQ", b, e))
            if kept is not None:
                out.append(kept)
                out.extend(_cue_and_source(local, cue_starts, act[2], act[0], act[1]))
            continue
        passive = passive_speech_act(doc, b, e, lex)
        if passive is not None:
            kept = trim(doc, TokenSpan("RQ", b, e))
            if kept is not None:
                out.append(kept)
                out.extend(_cue_and_source(local, cue_starts, *passive))
            continue
        verb_at = pronoun_attribution(doc, b, e, lex)
        agent = passive_speech_act(doc, b, e, lex, pronoun=True) if verb_at is None else None
        if agent is not None:
            verb_at = agent[0]  # "Das wurde vom Presseamt bekannt gegeben.": its agent is the source
        if verb_at is None:
            # no attribution of its own: a sentence that continues a statement, unless the tagger
            # tagged a cue in it
            if not any(sp.cls == "CUE" and b <= sp.begin < e for sp in local):
                said = quoted | {toks[sp.begin].sent for sp in out if sp.cls in QUOTE_CLASSES}
                cont = continuation_quote(doc, s_idx, said, lex)
                if cont is None:
                    cont = direct_continuation(doc, s_idx, [*spans, *out], lex)
                if cont is not None:
                    out.append(cont)
            continue
        if s_idx > 0 and s_idx - 1 not in quoted:
            pb = doc.sentences[s_idx - 1][0]
            # same paragraph: a headline or dateline line above is nobody's statement
            if b - pb >= _MIN_QUOTE and toks[pb].para == toks[b].para and not any(t.quoted >= 0 for t in toks[pb:b]):
                # the statement is the sentence before (the corpus also marks the pronoun "Dies";
                # a reader wants the sentence alone, and the pronoun is a few characters)
                kept = trim(doc, TokenSpan("IQ", pb, b))
                if kept is None:
                    continue
                out.append(kept)
                if agent is not None:
                    source = agent[1:]
                else:
                    np = noun_phrase_end(doc, verb_at + 1, e)  # no noun phrase: no source span
                    source = (verb_at + 1, np[1] if np is not None else verb_at + 1)
                out.extend(_cue_and_source(local, cue_starts, verb_at, *source))
        elif s_idx > 0 and toks[doc.sentences[s_idx - 1][0]].para == toks[b].para and agent is None:
            # the tagger found the statement before ("Die Mieten würden steigen. Das ist die Ansicht
            # von X."): the source of this sentence is its speaker, as a rule source (it may have
            # tagged "die Ansicht von X" as one, which names no one the ranker trusts)
            np = noun_phrase_end(doc, verb_at + 1, e)
            if np is not None:
                begin = np[0] if toks[verb_at + 1].lower in ("von", "vom") else verb_at + 1
                out.append(TokenSpan("SPK", begin, np[1]))
                if verb_at not in cue_starts:
                    out.append(TokenSpan("CUE", verb_at, verb_at + 1))
    return out


def _cueless_trailing_source(
    doc: PreparedDoc, b: int, e: int, spans: list[TokenSpan], local: list[TokenSpan], cue_starts: set[int],
    lex: GermanLexicon,
) -> list[TokenSpan]:
    """The cue and source of a trailing attribution (", sagt Andreas Braun, ehemals Direktor …")
    in a sentence where the tagger tagged a quote before it but no cue: without them the quote
    fails the evidence bar of :func:`onrecord.lang.de.attribution.attested`."""
    toks = doc.tokens
    if any(sp.cls == "CUE" and b <= sp.begin < e for sp in local):
        return []
    comma = trailing_attribution(doc, b, e, lex)
    if comma is None or not any(
        sp.cls in QUOTE_CLASSES and b <= sp.begin < comma and comma - 1 <= sp.end - 1 <= comma + 1 for sp in spans
    ):
        return []
    if toks[comma + 1].lower == "so":
        return []  # the tagger reads ", so X" itself
    return _cue_and_source(local, cue_starts, comma + 1, *trailing_source(doc, comma + 1, e, lex))


def _clause_to_end(doc: PreparedDoc, b: int, e: int, lex: GermanLexicon) -> tuple[TokenSpan, int, int, int] | None:
    """The indirect quote of sentence ``[b, e)`` in a clause that runs from a cue to the sentence's
    end: after a speech verb with a zu-infinitive (:func:`infinitive_attribution`), else after a
    speech noun with ", dass" (:func:`speech_noun_attribution`). Returns the trimmed quote (at
    least ``_MIN_QUOTE`` tokens), the cue, and the first and last token of its source (the cue's
    own position twice where none is found); ``None`` where neither reading gives a quote."""
    readings: tuple[
        tuple[
            Callable[[PreparedDoc, int, int, GermanLexicon], tuple[int, int] | None],
            Callable[[int], tuple[int, int] | None],
        ],
        ...,
    ] = (
        (infinitive_attribution, lambda verb: _speech_subject(doc, b, e, verb, lex)),
        (speech_noun_attribution, lambda noun: speech_noun_source(doc, noun, b, e, lex)),
        (dass_attribution, lambda verb: _speech_subject(doc, b, e, verb, lex)),
        (konjunktiv_attribution, lambda verb: _speech_subject(doc, b, e, verb, lex)),
        (wonach_attribution, lambda _wonach: None),  # the antecedent, found by relative_source
    )
    for attribution, source_of in readings:
        found = attribution(doc, b, e, lex)
        if found is None:
            continue
        cue, q_b = found
        q_e = relative_source_clause_end(doc, q_b, e, lex) if attribution is wonach_attribution else e
        kept = trim(doc, TokenSpan("IQ", q_b, q_e))
        if kept is not None and kept.end - kept.begin >= _MIN_QUOTE:
            src_b, src_e = source_of(cue) or (cue, cue)
            return kept, cue, src_b, src_e
    return None


def _statement_cue_and_source(
    local: list[TokenSpan], cue_starts: set[int], statement: TokenSpan, cue: int, begin: int, end: int
) -> list[TokenSpan]:
    """The statement, then its cue and source as :func:`_cue_and_source` gives them."""
    return [statement, *_cue_and_source(local, cue_starts, cue, begin, end)]


def _cue_and_source(
    local: list[TokenSpan], cue_starts: set[int], cue: int, begin: int, end: int
) -> list[TokenSpan]:
    """The one-word cue span, unless the tagger tagged a cue there, and the source's noun phrase
    ``[begin, end)`` as a speaker span, unless it is empty or the tagger tagged a speaker on it."""
    out = [] if cue in cue_starts else [TokenSpan("CUE", cue, cue + 1)]
    if end > begin and not any(sp.cls == "SPK" and sp.begin < end and begin < sp.end for sp in local):
        out.append(TokenSpan("SPK", begin, end))
    return out


def split_at_source_phrases(doc: PreparedDoc, spans: list[TokenSpan]) -> tuple[list[TokenSpan], list[TokenSpan]]:
    """Tagged quotes that run over a second source phrase after a comma or semicolon ("Die Tat sei
    gegen den Rektor gerichtet; nach Behördenangaben stecke keine Terrortat dahinter.") split
    there: the words after the phrase are that source's statement. Returns the spans with such
    quotes split, and the cue and source spans of the new quotes (as rule spans)."""
    lex = lexicon()
    toks = doc.tokens
    out: list[TokenSpan] = []
    extra: list[TokenSpan] = []
    for sp in spans:
        cut = None
        if sp.cls in ("IQ", "FQ"):
            for i in range(sp.begin + _MIN_QUOTE, sp.end - _MIN_QUOTE):
                if toks[i - 1].text not in (",", ";") or toks[i].quoted >= 0:
                    continue
                b, e = doc.sentences[toks[i].sent]
                phrase = source_phrase_at(doc, i, (b, e), lex)
                if phrase is not None and phrase[0] == i and phrase[1] + _MIN_QUOTE <= sp.end:
                    cut = phrase
                    break
        if cut is None:
            out.append(sp)
            continue
        first = trim(doc, TokenSpan(sp.cls, sp.begin, cut[0]))
        second = trim(doc, TokenSpan("IQ", cut[1], sp.end))
        out.extend(p for p in (first, second) if p is not None)
        extra.append(TokenSpan("CUE", cut[0], cut[0] + 1))
        extra.append(TokenSpan("SPK", cut[0] + 1, cut[1]))
    return out, extra


def split_at_trailing_attributions(doc: PreparedDoc, spans: list[TokenSpan]) -> tuple[list[TokenSpan], list[TokenSpan]]:
    """Tagged indirect quotes that swallowed the trailing attribution of their sentence ("… dort
    gibt es Strukturen, sagt sie zum STANDARD.") end before it, and the attribution's cue and
    source become rule spans (unless the tagger tagged a cue in the sentence, which
    :func:`onrecord.lang.de.attribution.cut_attribution` cuts out with its speaker). What the quote
    held after the sentence stays a part of its own. Returns the spans and the new cue and source
    spans."""
    lex = lexicon()
    toks = doc.tokens
    out: list[TokenSpan] = []
    extra: list[TokenSpan] = []
    cue_sents = {toks[sp.begin].sent for sp in spans if sp.cls == "CUE"}
    for sp in spans:
        cut = None
        if sp.cls in ("IQ", "FQ"):
            for s_idx in range(toks[sp.begin].sent, toks[sp.end - 1].sent + 1):
                b, e = doc.sentences[s_idx]
                if s_idx in cue_sents or e > sp.end + 1:
                    continue
                comma = trailing_attribution(doc, b, e, lex)
                if comma is not None and sp.begin + _MIN_QUOTE <= comma and toks[comma + 1].lower != "so":
                    cut = (comma, e)
                    break
        if cut is None:
            out.append(sp)
            continue
        comma, e = cut
        first = trim(doc, TokenSpan(sp.cls, sp.begin, comma))
        rest = trim(doc, TokenSpan(sp.cls, e, sp.end)) if e < sp.end else None
        out.extend(p for p in (first, rest) if p is not None)
        extra.append(TokenSpan("CUE", comma + 1, comma + 2))
        src = trailing_source(doc, comma + 1, e, lex)
        if src[1] > src[0]:
            extra.append(TokenSpan("SPK", *src))
    return out, extra
