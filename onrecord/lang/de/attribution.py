"""Join tagged quotes with speakers: post-process quote spans, then rank speaker candidates.

Needs: a PreparedDoc and the tagger's spans. Adds: one :class:`Attribution` per quote with
the chosen speaker candidate (or none), the cue nearest to it and a confidence.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from onrecord.lang.de.entity_names import common_noun
from onrecord.lang.de.features import cue_class, is_evidential, is_konj1
from onrecord.lang.de.labels import QUOTE_CLASSES, TokenSpan, trim
from onrecord.lang.de.lexicon import GermanLexicon, lexicon, word_endings
from onrecord.lang.de.memo import per_owner
from onrecord.lang.de.narration import (
    answer_label,
    attribution_only,
    consecutive_clause,
    idiom_mood_only,
    in_idiom,
    in_question_turn,
    is_interview,
    not_speech_phrase_only,
    noun_phrase_only,
    own_outlet_source,
    relative_clause_only,
    stub_only,
    title_in_marks,
)
from onrecord.lang.de.ner import NamedSpan, token_types
from onrecord.lang.de.ranking import SpeakerRanker
from onrecord.lang.de.role_lexicon import is_role
from onrecord.lang.de.rules import (
    CLAUSE_PUNCT,
    PARTICLES,
    cut_relative_source_clauses,
    direct_like,
    first_person,
    lone_demonstrative,
    rule_quotes,
    source_name_tails,
    speech_follows,
    split_at_source_phrases,
    split_at_trailing_attributions,
)
from onrecord.lang.de.rules_continuation import CONTINUATION_GAP, continuation_mood, introduces_source
from onrecord.lang.de.rules_opening import inner_source_quotes, opening_source_quotes
from onrecord.lang.de.rules_phrases import noun_phrase_before
from onrecord.lang.de.sources import (
    is_document,
    junk_source,
    not_a_speaker,
    outlet_gender,
    passive_cue,
    prepositional_source,
)
from onrecord.lang.de.speaker_rules import (
    apposition_name,
    clause_source_phrase,
    clause_subject,
    document_issuer,
    fronted_subject,
    inquiry_target,
    introduces_direct_quote,
    inverted_subject,
    names_nobody,
    opener_before,
    opening_source,
    own_source_phrase,
    passive_agent,
    passive_over_words,
    relative_source,
    source_preposition_np,
    trailing_speaker,
    wondering_or_hoping,
)
from onrecord.lang.de.speakers import (
    Candidate,
    candidates_for_quote,
    count_between,
    mention_candidates,
    pair_features,
    quoted_name_candidates,
)
from onrecord.lang.de.tagger import Tagging
from onrecord.lang.de.tokens import PreparedDoc, Token

MERGE_GAP = 8  # tokens of attribution an indirect quote may be split around
NO_CUE_MIN_PROB = 0.3  # the speaker probability a quote needs without quote marks or cue
#: the speaker probability the mention opening the paragraph before a free indirect quote needs
#: to replace a speaker carried over from further back (:func:`speaker_rules.opener_before`); in
#: 2-fold cross-validation on the training split, such openers under it were numerals, plain
#: nouns and pronouns ("Vier", "Besondere Probleme", "Diese"), those above it mostly names
OPENER_MIN_PROB = 0.1


@dataclass
class Attribution:
    """A quote (one or more token spans of one class), its speaker, cue and confidence."""

    parts: list[TokenSpan]
    speaker: Candidate | None
    cue: TokenSpan | None
    speaker_prob: float
    #: the explicit source a speaker mention that names nobody ("Demnach", "Am Donnerstag") stands
    #: for: the most recent speaker before it that names someone (its entity is the quote's)
    refers_to: Candidate | None = None
    #: kept without cue or confident speaker as speech that continues the statement before it
    continued: bool = False
    #: an answer of a printed interview after its speaker's label ("Poposki: Die Zusammenarbeit hat
    #: sich verbessert …"): the label is the evidence a cue would be
    answer: bool = False

    @property
    def cls(self) -> str:
        return self.parts[0].cls

    @property
    def begin(self) -> int:
        return self.parts[0].begin

    @property
    def end(self) -> int:
        return self.parts[-1].end


def _body_endings() -> tuple[str, ...]:
    """Endings of common nouns for a body of people (``data/body_endings.txt``)."""
    return word_endings("body_endings.txt")


def thing_noun(tok: Token) -> bool:
    """A common noun that names no person or body of people ("Äußerungen", "Verschiebung"; not
    "Abgeordnete", "Behörden", "Studenten", "Staatsanwaltschaft", "Opposition"): what a
    fore-field headed by it names says nothing."""
    lex = lexicon()
    return (
        common_noun(tok) and not is_role(tok) and tok.text not in lex.groups and tok.lemma not in lex.groups
        and not tok.lower.endswith(_body_endings())
    )


def names_someone(doc: PreparedDoc, name_type: list[str], begin: int, end: int) -> bool:
    """Whether a mention names a person or a body of people: a name the NER tagger types PER or
    ORG, a role noun, a group noun or a noun with a body ending ("Staatsanwaltschaft")."""
    lex = lexicon()
    return any(t in ("PER", "ORG") for t in name_type[begin:end]) or any(
        is_role(tok) or tok.text in lex.groups or tok.lemma in lex.groups or tok.lower.endswith(_body_endings())
        for tok in doc.tokens[begin:end] if tok.text[:1].isupper()
    )


def relative_speaker(
    doc: PreparedDoc, parts: list[TokenSpan], mentions: list[Candidate]
) -> tuple[Candidate, Candidate] | None:
    """The relative word that introduces a quote (:func:`relative_source`) as its speaker mention,
    and the mention its antecedent ends with (the last one before the comma in the sentence, or
    the noun phrase right before the comma when no mention ends there) as the source it stands
    for; for "wonach" ("ein Bericht, wonach …"), the antecedent is the speaker mention as well.
    ``None`` without such an introduction or antecedent."""
    found = relative_source(doc, parts[0].begin, lexicon())
    if found is None:
        return None
    pron, comma = found
    sent = doc.tokens[comma].sent
    before = [c for c in mentions if c.end <= comma and doc.tokens[c.begin].sent == sent]
    if not before:
        # "Eine Studie, wonach …": a noun that no name finder took for a mention is the antecedent
        start = noun_phrase_before(doc, comma, doc.sentences[sent][0])
        if start is None:
            return None
        noun = Candidate(start, comma, "crf")
        return (noun if _source_phrase_word(doc, pron) else Candidate(pron, pron + 1, "pron")), noun
    antecedent = max(before, key=lambda c: (c.end, -c.begin))
    if _source_phrase_word(doc, pron):
        return antecedent, antecedent  # "Eine Studie, wonach …": the study is the speaker's mention too
    return Candidate(pron, pron + 1, "pron"), antecedent


def _source_phrase_word(doc: PreparedDoc, i: int) -> bool:
    """Whether token ``i`` is "wonach", the pronominal adverb of a relative source phrase
    (quotes-de/train, first half, marks the antecedent as the speaker of six of its eight "wonach"
    clauses); a relative pronoun ("nach denen", "denen zufolge") is a pronoun, itself the mention
    (GUIDELINES A3; so does quotes-de)."""
    return doc.tokens[i].lower == "wonach"


def continues_direct(doc: PreparedDoc, prev: TokenSpan, nxt: TokenSpan) -> bool:
    """A direct quote running over paragraphs: by German (and English) convention each
    paragraph opens with a quote mark and only the last one closes."""
    last, first = doc.tokens[prev.end - 1], doc.tokens[nxt.begin]
    return (
        prev.cls == nxt.cls == "DQ"
        and first.para == last.para + 1
        and nxt.begin == doc.paragraphs[first.para][0]
        and last.quoted >= 0
        and not doc.quoted[last.quoted].closed
        and first.quoted >= 0
        and first.start == doc.quoted[first.quoted].begin
    )


def _mergeable(first: str, second: str) -> bool:
    """Parts of one quote around an attribution: indirect (or free indirect) speech on both
    sides ("Die Gemeinde müsse sparen, so X, sonst drohe …"), or a direct quote on both sides
    ("„Wir müssen sparen“, so X, „sonst …“")."""
    if first == "DQ" or second == "DQ":
        return first == second
    return first == second or {first, second} == {"IQ", "FQ"}


#: what opens and closes a parenthetical attribution inside a quote (", so X," / "– so X –")
_PARENTHESIS = frozenset({",", "–", "—", "-"})


def _wholly_quoted(doc: PreparedDoc, span: TokenSpan) -> bool:
    """All of a span's words stand inside one pair of quote marks (the tagger may call such a
    part of a direct quote indirect: "„Die Brücke ist sicher“ – so X – „…“")."""
    toks = doc.tokens[span.begin : span.end]
    return bool(toks) and all(t.quoted >= 0 and t.quoted == toks[0].quoted for t in toks if t.text.isalnum())


def _quote_class(doc: PreparedDoc, span: TokenSpan) -> str:
    return "DQ" if span.cls == "IQ" and _wholly_quoted(doc, span) else span.cls


def _adjacent_direct(doc: PreparedDoc, prev: TokenSpan, nxt: TokenSpan, spans: list[TokenSpan]) -> bool:
    """Two quoted segments side by side in one paragraph with nothing between them, and the
    cue only after the second ("„…“ „…“, schrieb X"): one statement of one speaker. The first
    segment has no cue of its own (no tagged cue in its sentence before the second)."""
    lex = lexicon()
    toks = doc.tokens
    if not (_quote_class(doc, prev) == _quote_class(doc, nxt) == "DQ") or prev.end != nxt.begin:
        return False
    if toks[prev.begin].para != toks[nxt.begin].para or toks[prev.end - 1].quoted == toks[nxt.begin].quoted:
        return False
    first_sent = toks[prev.begin].sent
    own = [s for s in spans if s.cls == "CUE" and toks[s.begin].sent == first_sent and s.end <= nxt.begin]
    if own:
        return False
    after = toks[nxt.end : nxt.end + 4]
    return bool(after) and after[0].text == "," and any(cue_class(t, lex) for t in after[1:])


def attribution_tail(doc: PreparedDoc, span: TokenSpan) -> bool:
    """A tagged quote that is only the rest of its attribution: "…, teilte das Seco [am Dienstag
    in einer Aussendung mit]." — it ends in the separable particle of a reporting verb before it
    in the sentence ("teilte … mit"), without quote marks and without a verb in Konjunktiv."""
    lex = lexicon()
    toks = doc.tokens
    if span.cls not in ("IQ", "FQ"):
        return False  # reported speech holds its verb and particle by definition
    words = [t for t in toks[span.begin : span.end] if t.text.isalpha()]
    if not words or words[-1].lower not in PARTICLES or any(t.quoted >= 0 for t in toks[span.begin : span.end]):
        return False
    if any(is_konj1(t) or t.lower in lex.konj2 for t in words):
        return False
    # only circumstances of the speech act: when, where, in what ("am Dienstag in einer Aussendung"),
    # not what it was about ("wies auf wachsende Gefahren hin")
    if not all(t.lower in lex.time_words or is_document(t, lex) or outlet_gender(t, lex) is not None
               or lex.cues.get(t.text) == "noun" for t in words if t.text[:1].isupper()):
        return False
    b = doc.sentences[toks[span.begin].sent][0]
    particle = words[-1].lower
    return any(
        t.text.islower() and particle + t.lemma.lower() in lex.cues for t in toks[b : span.begin]
    )


def group_quotes(doc: PreparedDoc, spans: list[TokenSpan]) -> list[list[TokenSpan]]:
    """Quote spans in order; an indirect quote split around a short attribution in the same
    sentence ("X sei, so Y, Z", "„X“, so Y, „Z“", "„X“ – so Y – „Z“") becomes one quote with
    two parts, and so do a direct quote that runs over paragraphs and two quoted segments side
    by side with one cue after them ("„X“ „Z“, schrieb Y")."""
    lex = lexicon()
    quotes = [t for s in spans if s.cls in QUOTE_CLASSES and (t := trim(doc, s)) is not None
              and not attribution_tail(doc, t)]
    groups: list[list[TokenSpan]] = []
    for q in quotes:
        if groups:
            prev = groups[-1][-1]
            gap = doc.tokens[prev.end : q.begin]
            if (
                _mergeable(_quote_class(doc, prev), _quote_class(doc, q))
                and len(gap) <= MERGE_GAP
                # a direct quote only around a parenthetical attribution ("„…“, so X, „…“"; not
                # "„…“, und fügt hinzu: „…“", two statements)
                and (_quote_class(doc, q) != "DQ"
                     or (len(gap) > 2 and gap[0].text in _PARENTHESIS and gap[-1].text in _PARENTHESIS))
                and doc.tokens[prev.begin].sent == doc.tokens[q.begin].sent
                and any(cue_class(t, lex) for t in gap)
                # "…; nach Behördenangaben …": a source after a clause break that does not close
                # again opens the next statement
                and not (gap and gap[0].text in (",", ";") and gap[-1].text not in _PARENTHESIS)
            ):
                if _quote_class(doc, prev) == "DQ" and prev.cls != "DQ":
                    groups[-1][-1] = prev = TokenSpan("DQ", prev.begin, prev.end)
                # one statement interrupted by its attribution ("…, so X, …"): the kind of its
                # first part (the tagger may call the second part free indirect)
                groups[-1].append(TokenSpan(prev.cls, q.begin, q.end) if q.cls != prev.cls else q)
                continue
            if continues_direct(doc, prev, q) or _adjacent_direct(doc, prev, q, spans):
                groups[-1].append(TokenSpan("DQ", q.begin, q.end))
                if prev.cls != "DQ":
                    groups[-1][-2] = TokenSpan("DQ", prev.begin, prev.end)
                continue
        groups.append([q])
    return groups


def nearest_cue(
    quote: list[TokenSpan], speaker: Candidate | None, cues: list[TokenSpan], doc: PreparedDoc
) -> TokenSpan | None:
    """The tagged cue in the quote's sentences closest to the speaker (or the quote)."""
    sents = {doc.tokens[quote[0].begin].sent, doc.tokens[quote[-1].end - 1].sent}
    if speaker is not None:
        sents.add(doc.tokens[speaker.begin].sent)
    near = [c for c in cues if doc.tokens[c.begin].sent in sents]
    if not near:
        return None
    anchor = speaker.begin if speaker is not None else quote[0].begin
    return min(near, key=lambda c: abs(c.begin - anchor))


@dataclass
class SpanSets:
    """The tagger's spans split by role, plus the speaker-like mentions of the document."""

    spans: list[TokenSpan]
    crf_speakers: list[TokenSpan]
    cues: list[TokenSpan]
    mentions: list[Candidate]
    speaker_prob: list[float]
    name_type: list[str]  # per token: PER/ORG/LOC/OTH from the NER tagger, "" outside names
    rule_speakers: list[TokenSpan]  # sources that a rule (not the tagger) found
    rule_sources: list[TokenSpan]  # any speaker span in or after the sentence of a rule quote
    quoted_mentions: list[Candidate] = field(default_factory=list)  # names inside quotation marks

    @classmethod
    def of(cls, doc: PreparedDoc, tagging: Tagging, names: list[NamedSpan] | None = None) -> SpanSets:
        # a quote that is only the "Das" of "Das berichtete Y." is none: a rule finds its statement;
        # nor is a cue inside a mood idiom ("gang und gäbe")
        spans = [
            s for s in tagging.spans
            if not lone_demonstrative(doc, s) and not (s.cls == "CUE" and in_idiom(doc, s))
        ]
        # "nach Angaben der Beobachtungsstelle für Menschenrechte …": the name's complement is the source's
        spans = source_name_tails(doc, spans)
        # "Eine Studie, wonach | jedes dritte Kind betroffen ist |, sorgt für …": the clause ends at the main verb
        spans = cut_relative_source_clauses(doc, spans, lexicon())
        # "…; nach Behördenangaben …": a second source inside a tagged quote starts a quote of its own
        spans, split = split_at_source_phrases(doc, spans)
        # "…, sagt sie zum STANDARD." inside a tagged quote ends it, with a source of its own
        spans, trailing = split_at_trailing_attributions(doc, spans)
        # "Laut einem Sprecher sollen …" tagged as one quote with its source, "Demnach …" untagged
        spans, opening = opening_source_quotes(doc, spans)
        spans = sorted([*spans, *opening], key=lambda s: (s.begin, s.end))
        # "… gibt es laut dem Bericht | eine hohe Dunkelziffer |": the sentence around the phrase
        spans, inner = inner_source_quotes(doc, spans)
        extra = [*split, *trailing, *inner]
        extra += rule_quotes(doc, sorted([*spans, *inner], key=lambda s: (s.begin, s.end)) if inner else spans)
        if extra:
            spans = sorted([*spans, *extra], key=lambda s: (s.begin, s.end))
        speakers = [s for s in spans if s.cls == "SPK"]
        cues = [s for s in spans if s.cls == "CUE"]
        name_type = token_types(doc, names or [])
        mentions = mention_candidates(doc, speakers, names or [])
        rule_speakers = [s for s in extra if s.cls == "SPK"]
        ruled = {doc.tokens[s.begin].sent + k for s in extra if s.cls in QUOTE_CLASSES for k in (0, 1)}
        ruled |= {doc.tokens[s.begin].sent for s in rule_speakers}  # a source the tagger's quote lacks
        rule_sources = [s for s in speakers if doc.tokens[s.begin].sent in ruled]
        return cls(
            spans, speakers, cues, mentions, tagging.speaker_prob, name_type, rule_speakers, rule_sources,
            quoted_name_candidates(doc, names or []),
        )


def quote_candidates(
    doc: PreparedDoc, parts: list[TokenSpan], sets: SpanSets, prev_speaker: Candidate | None
) -> Iterator[tuple[Candidate, list[str]]]:
    """(candidate, features) for every speaker candidate of one quote; the previous quote's
    speaker is always a candidate (free indirect speech carries it over)."""
    lex = lexicon()
    whole = TokenSpan(parts[0].cls, parts[0].begin, parts[-1].end)
    cands = candidates_for_quote(doc, whole, sets.mentions)
    prev_text = candidate_text(doc, prev_speaker) if prev_speaker is not None else None
    own_cue = nearest_cue(parts, None, sets.cues, doc)
    quote_cue = _cue_lemma(doc, own_cue)
    known = {(c.begin, c.end) for c in cands}
    if prev_speaker is not None and (prev_speaker.begin, prev_speaker.end) not in known:
        cands.append(Candidate(prev_speaker.begin, prev_speaker.end, "prev"))
    rejected = _rejected_spans(doc, sets)
    first_sent, last_sent = doc.tokens[whole.begin].sent, doc.tokens[whole.end - 1].sent
    # a reporting verb that opens the quote's sentence before its words ("Daraufhin forderte sie alle auf, …")
    cued = own_cue is not None and own_cue.begin < whole.begin and doc.tokens[own_cue.begin].sent == first_sent
    for cand in cands:
        span = (cand.begin, cand.end)
        nobody = rejected.get(span)
        if nobody is None:  # (the same mention is a candidate of several quotes: tested once)
            nobody = rejected[span] = not_a_speaker(doc, cand.begin, cand.end, lex) or names_nobody(
                doc, cand.begin, cand.end, lex, sets.name_type
            )
        if nobody:
            continue  # an addressee ("zum STANDARD"), the expletive "es", "der Meinung"
        if parts[0].cls == "DQ" and any(cand.begin < p.end and p.begin < cand.end for p in parts):
            continue  # a direct quote does not name its own speaker
        cand_sent = doc.tokens[cand.begin].sent
        if (cand_sent > last_sent or (cued and cand_sent < first_sent)) and clause_source_phrase(
            doc, cand.begin, cand.end, lex
        ):
            # the source of its own clause: not of the sentence before ("… verhandelt. Die USA haben
            # nach eigenen Angaben …"), nor of a later one with a reporting verb of its own ("Laut
            # Kurier wurde sie ausgesperrt. Daraufhin forderte sie alle auf, …")
            continue
        between = count_between(whole, cand, cands)
        spk_prob = max(sets.speaker_prob[cand.begin : cand.end], default=0.0)
        ner = sorted({t for t in sets.name_type[cand.begin : cand.end] if t})
        feats = pair_features(
            doc, whole, cand, sets.crf_speakers, sets.cues, between, prev_text, lex, spk_prob, ner, quote_cue
        )
        if any(r.begin < cand.end and cand.begin < r.end for r in sets.rule_speakers):
            feats.append("rule_spk")  # the source of a construction ("Laut Polizei", "Dies gab X bekannt")
            feats.append(f"rule_spk_kind={whole.cls}")
        if prev_speaker is not None and cand.begin == prev_speaker.begin and cand.end == prev_speaker.end:
            feats.append("is_prev")
            feats.append(f"is_prev_kind={whole.cls}")
            gap = doc.tokens[whole.begin].sent - doc.tokens[cand.begin].sent
            feats.append(f"is_prev_gap={min(max(gap, -1), 4)}")
        yield cand, feats



def _rejected_spans(doc: PreparedDoc, sets: SpanSets) -> dict[tuple[int, int], bool]:
    """Per candidate span of the document: whether :func:`not_a_speaker` or :func:`names_nobody`
    rules it out (filled as the quotes ask; both depend on the document, the lexicon and
    ``sets.name_type`` alone). Kept in the document's memo with the span sets it was made for."""
    return per_owner(doc, "rejected_spans", sets, dict)


def _cue_lemma(doc: PreparedDoc, cue: TokenSpan | None) -> str | None:
    """The lemma of the reporting word of a tagged cue ("teilte … mit" → "teilen")."""
    if cue is None:
        return None
    lex = lexicon()
    toks = doc.tokens[cue.begin : cue.end]
    word = next((t for t in toks if cue_class(t, lex)), toks[0])
    return word.lemma.lower()


def candidate_text(doc: PreparedDoc, cand: Candidate) -> str:
    return " ".join(t.text for t in doc.tokens[cand.begin : cand.end])


#: clause edges past a parenthesis of the speaker ("das Staatssekretariat (Seco) am Dienstag … mit")
_CLAUSE_EDGE_NO_BRACKETS = CLAUSE_PUNCT - {"(", ")"}


def cut_attribution(doc: PreparedDoc, parts: list[TokenSpan], speaker: Candidate) -> list[TokenSpan]:
    """Remove an embedded attribution (", so Reinhardt,", ", sagte sie,") from a quote.

    The attribution is the comma-delimited clause around the speaker; it is cut only when it
    holds a cue word, so the quote's words never include who said them (reported speech,
    whose span is the whole sentence by definition, is left alone)."""
    lex = lexicon()
    toks = doc.tokens
    out: list[TokenSpan] = []
    for part in parts:
        if part.cls == "RQ" or not (part.begin < speaker.begin and speaker.end < part.end):
            out.append(part)
            continue
        lo = speaker.begin
        while lo > part.begin and toks[lo - 1].text not in CLAUSE_PUNCT:
            lo -= 1
        hi = speaker.end
        # the attribution runs on over a parenthesis of the speaker ("das Staatssekretariat (Seco) am
        # Dienstag … mit") to the next clause edge
        sent = toks[speaker.begin].sent
        while hi < part.end and toks[hi].text not in _CLAUSE_EDGE_NO_BRACKETS and toks[hi].sent == sent:
            hi += 1
        if not any(cue_class(t, lex) for t in toks[lo:hi]) or lo <= part.begin + 1:
            out.append(part)
            continue
        # speech with its cue in the sentence is indirect, not free indirect
        cls = "IQ" if part.cls == "FQ" else part.cls
        left = trim(doc, TokenSpan(cls, part.begin, lo))
        right = trim(doc, TokenSpan(cls, hi, part.end))
        out.extend(p for p in (left, right) if p is not None)
    return out or parts


#: words a reported statement needs after its speaker's colon to be cut there
_MIN_AFTER_COLON = 3
#: words that may stand before the speaker in such a sentence ("Und sie versichert: …")
_MAX_BEFORE_SPEAKER = 2


def colon_statement(doc: PreparedDoc, parts: list[TokenSpan], speaker: Candidate) -> list[TokenSpan]:
    """Reported speech over a whole sentence whose speaker introduces the words with a colon
    ("Die Ministerin lobte das Team und betonte: Wir sind noch lange nicht fertig."): the
    statement is what follows the colon; the clause before it (speaker, cue, circumstances, the
    people it names) is the attribution. The speaker opens the sentence (at most two words before
    it), a reporting word stands between it and the colon, and no other clause mark does (not
    "Dass …, weist X zurück: …", nor "X, schreibt Y, bewegt sich …: …")."""
    lex = lexicon()
    toks = doc.tokens
    out: list[TokenSpan] = []
    for part in parts:
        colon = None
        if part.cls == "RQ" and part.begin <= speaker.begin <= part.begin + _MAX_BEFORE_SPEAKER \
                and speaker.end < part.end:
            sent = toks[speaker.begin].sent
            # the first clause mark after the speaker: a colon, not the comma of a parenthetical
            # attribution ("Cruz, schreibt das Magazin, bewegt sich …: …")
            colon = next(
                (k for k in range(speaker.end, part.end)
                 if toks[k].text in CLAUSE_PUNCT and toks[k].quoted < 0 and toks[k].sent == sent),
                None,
            )
            if colon is not None and (
                toks[colon].text != ":" or not any(cue_class(t, lex) for t in toks[speaker.end : colon])
            ):
                colon = None  # no colon, or no reporting word between speaker and colon
        kept = None
        if colon is not None and part.end - colon - 1 >= _MIN_AFTER_COLON:
            kept = trim(doc, TokenSpan(part.cls, colon + 1, part.end))
        out.append(kept or part)
    return out


def drop_cue_clause(doc: PreparedDoc, parts: list[TokenSpan], cue: TokenSpan) -> list[TokenSpan]:
    """A part that runs up to the cue, with the next part after the cue's comma, is the clause
    that carries the cue, not what was said ("X hatte das Gedicht … präsentiert und vorher
    ausdrücklich | darauf hingewiesen |, dass …"): it is dropped, unless its mood marks it as
    speech (Konjunktiv: "Man brauche nicht | glauben |, dass …") or the cue is no verb.
    ``quotes-de/train`` has no quote whose part ends right before its cue and goes on after a
    comma behind it."""
    lex = lexicon()
    toks = doc.tokens
    if len(parts) < 2 or not any(cue_class(t, lex) == "verb" for t in toks[cue.begin : cue.end]):
        return parts
    kept = [
        p for p, nxt in zip(parts, parts[1:], strict=False)
        if not (p.end == cue.begin and cue.end < nxt.begin and toks[cue.end].text == ","
                and all(t.text in CLAUSE_PUNCT for t in toks[cue.end : nxt.begin])
                and not any(is_konj1(t) or t.lower in lex.konj2 for t in toks[p.begin : p.end]))
    ]
    return [*kept, parts[-1]]


def reported_sentences(doc: PreparedDoc, part: TokenSpan) -> TokenSpan:
    """A free indirect quote over several sentences without the leading and trailing sentences
    that are plain narration: free indirect speech is marked by mood (Konjunktiv I or II,
    reportative "soll") or quote marks, so an indicative sentence at its edge ("Es geht
    um 556.000 Euro.") is the reporter's. Sentences inside keep the span whole."""
    lex = lexicon()
    toks = doc.tokens
    first, last = toks[part.begin].sent, toks[part.end - 1].sent
    if part.cls != "FQ" or first == last:
        return part
    marked = []
    for s_idx in range(first, last + 1):
        b, e = doc.sentences[s_idx]
        words = toks[max(b, part.begin) : min(e, part.end)]
        marked.append(any(
            is_konj1(t) or t.lower in lex.konj2 or t.quoted >= 0 or t.lower in ("soll", "sollen") for t in words
        ) or is_evidential(words))
    if not any(marked):
        return part
    lo = first + marked.index(True)
    hi = last - marked[::-1].index(True)
    begin = max(part.begin, doc.sentences[lo][0])
    end = min(part.end, doc.sentences[hi][1])
    return TokenSpan(part.cls, begin, end)


def attribute(doc: PreparedDoc, sets: SpanSets, ranker: SpeakerRanker) -> list[Attribution]:
    """Choose a speaker for every quote, left to right (the previous speaker is a feature)."""
    out: list[Attribution] = []
    prev: Candidate | None = None  # the previous quote's speaker (a ranker feature)
    explicit: Candidate | None = None  # the most recent speaker that names someone (not "Demnach")
    interview = is_interview(doc)  # answers of a printed interview are the interviewee's
    mention_spans = [(c.begin, c.end) for c in sets.mentions]
    lex = lexicon()
    for parts in group_quotes(doc, sets.spans):
        parts = [reported_sentences(doc, p) for p in parts]
        pairs = list(quote_candidates(doc, parts, sets, prev))
        spans = [(c.begin, c.end) for c, _ in pairs]
        scores = ranker.scores([feats for _, feats in pairs])
        best = max(((p, cand) for p, (cand, _) in zip(scores, pairs, strict=True)), key=lambda x: x[0], default=None)
        speaker = best[1] if best and best[0] >= ranker.threshold else None
        # a free indirect quote counts only with the attribution right after it ("…, betonte Lang.")
        inner = parts[-1].begin if parts[0].cls in ("IQ", "DQ") else parts[-1].end
        after = None if parts[0].cls == "RQ" else trailing_speaker(doc, inner, parts[-1].end, spans, lex)
        if after is not None and pairs[after][0] is not speaker:
            # "…, warnte auch Fabius.": the subject after the reporting verb that follows the quote
            speaker = pairs[after][0]
            best = (scores[after], speaker)
        inverted = (
            None if speaker is None else inverted_subject(doc, (speaker.begin, speaker.end), spans, lex, thing_noun)
        )
        if inverted is not None and pairs[inverted][0] is not speaker:
            # "Der Partei schlug er vor, …": the fore-field is no subject, the one after the verb is
            speaker = pairs[inverted][0]
            best = (scores[inverted], speaker)
        fronted = (
            None if speaker is None or inverted is not None
            else fronted_subject(
                doc, (speaker.begin, speaker.end), spans, lex, lambda b, e: names_someone(doc, sets.name_type, b, e)
            )
        )
        if fronted is not None:
            # "Oskar Lafontaine schreibt der Linkspartei den Verdienst zu": the object after the
            # verb is no speaker, the subject before it is
            speaker = pairs[fronted][0]
            best = (max(scores[fronted], best[0] if best else 0.0), speaker)
        agent = passive_agent(doc, doc.tokens[parts[0].begin].sent, spans, lex)
        if agent is not None and pairs[agent][0] is not speaker and (
            speaker is None or doc.tokens[speaker.begin].sent != doc.tokens[parts[0].begin].sent
            or speaker.end <= pairs[agent][0].begin
        ):
            # "Die Forderungen wurden von Minister X als unrealistisch bezeichnet": the agent spoke,
            # not the subject before it nor a speaker carried over (the ranker's confidence that
            # someone speaks here stays the evidence for the quote)
            speaker = pairs[agent][0]
            best = (max(scores[agent], best[0] if best else 0.0), speaker)
        own = opening_source(doc, parts[0].begin, spans, lex)
        if own and parts[0].cls != "DQ" and (
            speaker is None or doc.tokens[speaker.begin].sent != doc.tokens[parts[0].begin].sent
        ):
            # "Nach den Worten des Ministers sei …": the source the sentence opens with, not one carried over
            best = max(((scores[i], pairs[i][0]) for i in own), key=lambda x: x[0])
            speaker = best[1]
        if speaker is None and best is not None:
            # a rule's source ("Das berichtete Y.", "Laut Y") where the ranker is unsure of all
            q_sents = range(doc.tokens[parts[0].begin].sent, doc.tokens[parts[-1].end - 1].sent + 2)
            ruled = [
                (p, c) for p, (c, _) in zip(scores, pairs, strict=True)
                if doc.tokens[c.begin].sent in q_sents
                and (any(r.begin < c.end and c.begin < r.end for r in sets.rule_sources)
                     or source_preposition_np(doc, c.begin, c.end) or document_issuer(doc, c.begin, c.end))
            ]
            if ruled:
                best = max(ruled, key=lambda x: x[0])
                speaker = best[1]
            elif parts[0].cls == "DQ" and introduces_direct_quote(doc, parts[0].begin, best[1].begin):
                # a direct quote has a speaker in quotes-de (none of the 13 the 2-fold models left
                # without one is unattributed): the best candidate of its own sentence, or of the
                # sentence before that a colon ends ("… mit den Worten: „…“")
                speaker = best[1]
        if parts[0].cls == "FQ" and speaker is not None:
            opener = opener_before(doc, parts[0].begin, (speaker.begin, speaker.end), spans)
            if opener is not None and scores[opener] >= OPENER_MIN_PROB:
                # "⏎⏎Bürgermeister Karl Brenner eröffnete die Sitzung. Man habe …": the source opening
                # the paragraph, not a speaker carried over from an earlier statement (the
                # ranker's confidence stays the evidence that the quote is speech at all)
                speaker = pairs[opener][0]
        asked = None if speaker is None else inquiry_target(doc, (speaker.begin, speaker.end), spans)
        if asked is not None:
            # "Laut einer STANDARD-Nachfrage beim Bürgermeister …": the one asked, not the inquiry
            speaker = pairs[asked][0]
            best = (scores[asked], speaker)
        refers_to: Candidate | None = None
        label = answer_label(doc, parts[0].begin) if interview else None
        if label is not None:
            # an interview answer is the interviewee's, whoever the ranker prefers ("STANDARD")
            speaker = next(
                (c for c, _ in pairs if (c.begin, c.end) == label),
                next((c for c in sets.mentions if (c.begin, c.end) == label), Candidate(*label, "name")),
            )
            explicit = speaker
        elif speaker is not None and own_source_phrase(doc, speaker.begin, speaker.end, lex):
            # "Beate Z. ist nach eigenen Angaben …": the phrase stays the mention, its source is the subject
            subject = clause_subject(doc, (speaker.begin, speaker.end), spans, lex)
            refers_to = pairs[subject][0] if subject is not None else explicit
            explicit = refers_to or explicit
        elif speaker is not None and junk_source(doc, speaker.begin, speaker.end):
            named = (
                _named_in_sentence(doc, parts, pairs, scores, ranker.threshold)
                if doc.tokens[speaker.begin].lower in lex.time_words else None
            )
            if named is not None:
                speaker = explicit = named  # "X erklärte Mitte Mai, dass …": the subject, not the time
            elif parts[0].cls == "FQ" and explicit is not None:
                speaker = explicit  # free indirect speech carries the most recent explicit source
            else:
                refers_to = explicit  # "Demnach soll …": the mention stays, its source is the last one named
        elif speaker is not None:
            name = apposition_name(doc, speaker.begin, speaker.end, mention_spans, sets.name_type)
            if name is not None:
                speaker = sets.mentions[name]  # "Generalinspekteur der Geheimdienste, Charles McCullough"
            explicit = speaker
        relative = relative_speaker(doc, parts, sets.mentions) if parts[0].cls in ("IQ", "FQ") else None
        if relative is not None:
            # "Ägypten, das vorschlug, …", "Studien, nach denen …": the relative word is the
            # mention, its antecedent the source
            speaker, refers_to = relative
            explicit = refers_to
        if speaker is not None:
            prev = speaker
            parts = colon_statement(doc, cut_attribution(doc, parts, speaker), speaker)
        cue = nearest_cue(parts, speaker, sets.cues, doc)
        if cue is not None:
            parts = drop_cue_clause(doc, parts, cue)
        if (
            speaker is not None and cue is not None
            and (passive_cue(doc, cue.begin, cue.end) or (
                passive_over_words(doc, cue.begin, cue.end)
                # "In einer Stellungnahme des Ministeriums … wird … begründet": the document's issuer
                and not document_issuer(doc, speaker.begin, speaker.end)
                and not any(is_document(t) for t in doc.tokens[speaker.begin : speaker.end])
            ))
            and not prepositional_source(doc, speaker.begin)
            and not any(r.begin < speaker.end and speaker.begin < r.end for r in sets.rule_speakers)
        ):
            # "Ihm wird vorgeworfen, …", "Es wird angenommen, …": nobody is named as the speaker
            speaker = None
        att = Attribution(
            parts=parts, speaker=speaker, cue=cue, speaker_prob=best[0] if best else 0.0,
            refers_to=refers_to if speaker is not None else None,
        )
        if not attested(att) and out and continues_statement(doc, att, out[-1]):
            # speech that goes on after a statement in Konjunktiv I ("Vorgängermodelle seien fast
            # genauso gut."): the speaker of that statement, or else the most recent named source
            # (the ranker was unsure of all)
            att.speaker = out[-1].speaker or explicit
            att.refers_to = out[-1].refers_to if out[-1].speaker is not None else None
            prev = att.speaker or prev
            att.continued = True
        elif not attested(att) and (intro := introduced_speaker(doc, att, pairs, scores, sets.cues, lex)) is not None:
            # "Die Regierung warnt vor weiteren Überschwemmungen. Die Dämme seien überlastet.":
            # the source the sentence before shows speaking
            att.speaker, att.speaker_prob = intro
            explicit = prev = att.speaker
            att.continued = True
        elif out and carries_speaker(doc, att, out[-1]):
            # "X sagte, … Die Streiks würden bis Freitag dauern.": free indirect speech is the
            # statement's, not a mention the ranker liked inside it or further back
            att.speaker, att.refers_to = out[-1].speaker, out[-1].refers_to
            prev = att.speaker or prev
        att.answer = label is not None
        if (attested(att) or att.continued or att.answer) and not narration(doc, att):
            out.append(att)
    return out


def introduced_speaker(
    doc: PreparedDoc,
    att: Attribution,
    pairs: list[tuple[Candidate, list[str]]],
    scores: list[float],
    cues: list[TokenSpan],
    lex: GermanLexicon,
) -> tuple[Candidate, float] | None:
    """The speaker (and the ranker's score of it) of an indirect or free indirect quote without
    cue that opens the sentence after one showing a source speak without a quote of its own
    (:func:`onrecord.lang.de.rules_continuation.introduces_source`, same paragraph) and is speech by
    its mood in every sentence (Konjunktiv I, or a Konjunktiv II in a main clause:
    :func:`onrecord.lang.de.rules_continuation.continuation_mood`): the candidate that opens
    that sentence (its subject; the longest) and names someone. ``None`` otherwise."""
    if att.cls not in ("IQ", "FQ") or att.cue is not None:
        return None
    toks = doc.tokens
    first = toks[att.begin].sent
    if first == 0 or att.begin > doc.sentences[first][0] + 1:
        return None
    before = first - 1
    if toks[doc.sentences[before][0]].para != toks[att.begin].para:
        return None
    if not introduces_source(doc, before, {c.begin for c in cues}, lex):
        return None
    for s_idx in range(first, toks[att.end - 1].sent + 1):
        b, e = doc.sentences[s_idx]
        spans = [(max(b, p.begin), min(e, p.end)) for p in att.parts if max(b, p.begin) < min(e, p.end)]
        if spans and not any(continuation_mood(doc, lo, hi, 1) for lo, hi in spans):
            return None
    opening = [
        (score, cand) for score, (cand, _) in zip(scores, pairs, strict=True)
        if cand.begin == doc.sentences[before][0] and not junk_source(doc, cand.begin, cand.end)
    ]
    if not opening:
        return None
    score, cand = max(opening, key=lambda x: (x[1].end, x[0]))
    return cand, score


#: how a candidate that names its source was found: the tagger's named entities, the name finder
_NAMED_SOURCES = frozenset({"ner", "name"})


def carries_speaker(doc: PreparedDoc, att: Attribution, last: Attribution) -> bool:
    """Whether a free indirect quote without a cue in its sentences takes the speaker of the
    statement ``last`` before it, which ends at most two sentences earlier (in the same or the
    previous paragraph): the most recent explicit source carries, unless the speaker chosen for
    the quote is a newer one, named in a sentence between the two (it resets), or is that
    speaker already, or is a name the tagger or the name finder found (source ``ner`` or
    ``name``) outside the quote: a named source the text gives the quote ("Uwe Dieter Grebe"),
    whose statement before may have a common noun for speaker ("die Branche"). A speaker inside
    the quote, or further back than the statement, is a mention the ranker liked, not who goes
    on talking."""
    toks = doc.tokens
    if att.cls != "FQ" or last.speaker is None or last.cls == "DQ":
        return False
    first, last_sent = toks[att.begin].sent, toks[last.end - 1].sent
    if not 0 < first - last_sent <= CONTINUATION_GAP or toks[att.begin].para - toks[last.end - 1].para > 1:
        return False
    if att.cue is not None and first <= toks[att.cue.begin].sent <= toks[att.end - 1].sent:
        return False
    speaker = att.speaker
    if speaker is None:
        return False
    if (speaker.begin, speaker.end) == (last.speaker.begin, last.speaker.end):
        return False
    if speaker.source in _NAMED_SOURCES and not att.begin <= speaker.begin < att.end:
        return False
    return not last_sent < toks[speaker.begin].sent < first


def continues_statement(doc: PreparedDoc, att: Attribution, last: Attribution) -> bool:
    """An indirect or free indirect quote without cue or confident speaker that is speech by its
    mood: every sentence of it holds a verb in Konjunktiv I ("sei", "gelte", "habe") outside a
    mood idiom, or, in the sentence right after the statement, a Konjunktiv II in a main clause
    (:func:`onrecord.lang.de.rules_continuation.continuation_mood`; a reportative "soll" is not
    enough: "Am Freitag sollen 100 Personen eine Station angegriffen haben" is as often the
    reporter's own account);
    and it begins at most two sentences after the statement before it (in the same or the next
    paragraph). German news marks the statements it passes on so; a narrating sentence in
    Konjunktiv I is rare."""
    if att.cls not in ("IQ", "FQ") or att.cue is not None:
        return False
    toks = doc.tokens
    first = toks[att.begin]
    gap = first.sent - toks[last.end - 1].sent
    if not 0 < gap <= CONTINUATION_GAP or first.para - toks[last.end - 1].para > 1:
        return False
    if first.para > toks[last.end - 1].para and toks[doc.sentences[first.sent - 1][0]].para == first.para:
        return False  # a new paragraph that opens with narration ("Die Polizei bittet um Hinweise.")
    if any(t.quoted >= 0 for p in att.parts for t in toks[p.begin : p.end]):
        return False
    if gap == 1 and att.cls == "FQ" and all(first_person(doc, p.begin, p.end) for p in att.parts) and (
        any(direct_like(doc, p) for p in last.parts) or speech_follows(doc, toks[att.end - 1].sent)
    ):
        return True  # direct speech printed without quote marks goes on in the first person
    for s_idx in range(first.sent, toks[att.end - 1].sent + 1):
        b, e = doc.sentences[s_idx]
        spans = [(max(b, p.begin), min(e, p.end)) for p in att.parts if max(b, p.begin) < min(e, p.end)]
        if spans and not any(continuation_mood(doc, lo, hi, s_idx - toks[last.end - 1].sent) for lo, hi in spans):
            return False
    return True


def _named_in_sentence(
    doc: PreparedDoc,
    parts: list[TokenSpan],
    pairs: list[tuple[Candidate, list[str]]],
    scores: list[float],
    threshold: float,
) -> Candidate | None:
    """The best candidate that names someone (not a time phrase, an adverb or an abstract noun)
    in the sentence where the quote starts, when the ranker rates it above its bar."""
    sent = doc.tokens[parts[0].begin].sent
    named = [
        (p, c) for p, (c, _) in zip(scores, pairs, strict=True)
        if p >= threshold and doc.tokens[c.begin].sent == sent and not junk_source(doc, c.begin, c.end)
    ]
    return max(named, key=lambda x: x[0])[1] if named else None


def narration(doc: PreparedDoc, att: Attribution) -> bool:
    """Whether a quote is the reporter's narration (see :mod:`onrecord.lang.de.narration`):

    * any quote in an interviewer's turn of a printed interview ("Frage: …");
    * a quote that only a phrase reporting no speech marks ("schrieb Geschichte", "nennt sich");
    * a direct quote without a cue that is a sentence mentioning a short title or term;
    * a quote that is its own attribution (", berichtet X von …");
    * an indirect or free indirect quote that is a noun phrase alone ("Der Präsident des
      Parlaments, Martin Schulz"); without a cue, a relative clause or a clause of result
      ("so …, dass") alone; or, without a cue in its own sentences, marked as speech only by a
      mood idiom ("und sei es nur …"; a cue in the sentence before is the previous statement's).
    """
    if in_question_turn(doc, att.begin):
        return True  # "Frage: … Dann kann ja niemand behaupten, dass …?" is the interviewer's
    if not_speech_phrase_only(doc, att.parts, att.cue):
        return True  # "Damit schrieb sie Geschichte: …", "Dieser nennt sich X."
    if att.speaker is not None and att.cls != "DQ" and own_outlet_source(doc, att.speaker.begin, att.speaker.end):
        return True  # "Laut Informationen des STANDARD war …": the writer's own voice
    if att.cls == "DQ":
        # a sentence that mentions a title or term in quote marks ("am neuen „Tag der Heimat“")
        return att.cue is None and title_in_marks(doc, att.parts)
    if att.speaker is not None and attribution_only(doc, att.parts[0], att.speaker.begin):
        return True  # "…, berichtet Heimleiterin Anna Roth von einem Vorfall"
    if stub_only(doc, att.parts):
        return True  # "hatte", "Es sei": a stub of a clause names no statement
    if att.cls not in ("IQ", "FQ"):
        return False
    if att.cls == "IQ" and wondering_or_hoping(doc, att.begin):
        return True  # "… fragten sich, warum …", "Man kann nur hoffen, dass …"
    if att.cue is None and att.cls == "IQ" and (
        relative_clause_only(doc, att.parts) or consecutive_clause(doc, att.parts)
    ):
        return True  # "…, die 1998 umbenannt wurde", "so viele …, dass …": no speech without a cue
    sents = range(doc.tokens[att.begin].sent, doc.tokens[att.end - 1].sent + 1)
    own_cue = att.cue is not None and doc.tokens[att.cue.begin].sent in sents
    return noun_phrase_only(doc, att.parts) or (not own_cue and idiom_mood_only(doc, att.parts))


def attested(att: Attribution) -> bool:
    """Whether a quote has evidence of being someone's statement: quote marks (a direct
    quote), a reporting cue in its sentences, or else a speaker the ranker is fairly sure of
    (probability at least ``NO_CUE_MIN_PROB``).

    Without quote marks and cue, a tagged span is often narration. In 2-fold cross-validation
    on the training split, such indirect, free indirect and reported quotes were 0.34 precise
    by quote characters and 0.04 with the speaker when the ranker found no speaker (91 of 2,382
    predictions), and 0.15 with the speaker at a probability under 0.3 (182 more), against
    0.90 and 0.78 for indirect quotes with a cue and a speaker. Dropping both raised joint F1
    from 0.528 to 0.547 and moved quote F1 from 0.703 to 0.700; a bar of 0.5 gave joint 0.553
    but quote 0.692."""
    return att.cls == "DQ" or att.cue is not None or (att.speaker is not None and att.speaker_prob >= NO_CUE_MIN_PROB)
