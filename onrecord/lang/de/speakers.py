"""Speaker candidates and the features of a (quote, candidate) pair for the learned ranker.

Needs: a PreparedDoc, the tagger's spans (quotes, cues, speakers). Adds: for each quote, a
list of candidate mentions with sparse features; :mod:`onrecord.lang.de.ranker` scores them.
Candidates are the tagger's speaker spans, runs of proper-noun-like capitalised tokens,
speaker pronouns and unnamed-group nouns within a window of sentences around the quote.
"""

from __future__ import annotations

from dataclasses import dataclass

from onrecord.lang.de.features import cue_class
from onrecord.lang.de.labels import TokenSpan
from onrecord.lang.de.lexicon import GermanLexicon, lexicon, word_set
from onrecord.lang.de.memo import cue_classes, memoised, verb_cue_sentences
from onrecord.lang.de.ner import NamedSpan
from onrecord.lang.de.sources import lowercase_name, trim_speaker
from onrecord.lang.de.speaker_rules import after_particles
from onrecord.lang.de.tokens import PreparedDoc, Token, is_quote_mark

#: English function words inside an organisation's name in German text ("Institute for the Study
#: of War", "Council on Foreign Relations"); "the" only before another joined word
ENGLISH_JOINERS = frozenset({"for", "of", "on", "the", "and"})
#: lowercase particles allowed inside a name ("Ursula von der Leyen", "Ahmad al-Assad")
NAME_PARTICLES = frozenset(
    {"von", "van", "der", "de", "del", "da", "di", "du", "zu", "bin", "al", "el", "la", "le", "ter", "den"}
    | ENGLISH_JOINERS
)
WINDOW_BEFORE = 3  # sentences
WINDOW_AFTER = 1


@dataclass(frozen=True)
class Candidate:
    """A possible speaker mention: tokens ``[begin, end)`` and how it was found."""

    begin: int
    end: int
    source: str  # crf | ner | name | pron | adv | group | role | prev

    def overlaps(self, begin: int, end: int) -> bool:
        return self.begin < end and begin < self.end


def _is_name_token(tok: Token) -> bool:
    """Capitalised content word (its lemma stays capitalised: not an article or a sentence-initial
    verb), or a name written in lower case (:func:`~onrecord.lang.de.sources.lowercase_name`: "eBay",
    "el-Baradei", "ai-Bericht", "t-online.de", "taz")."""
    if tok.text[:1].islower():
        return lowercase_name(tok)
    return (
        tok.text[:1].isupper()
        and tok.lemma[:1].isupper()
        and not is_quote_mark(tok.text)
        and tok.text.isalpha() | ("-" in tok.text)
    )


#: tokens after which a capitalised word may open a sentence or a quotation (so its capital says nothing)
_OPENING = frozenset({":", "(", "[", "–", "—"})


def _mid_sentence_capital(doc: PreparedDoc, i: int) -> bool:
    """A capitalised word inside a sentence (not after a colon or quote mark): German capitalises
    nouns and names there, so it is one even when its lemma is an adjective's or verb's ("Sebastian
    Kurz", "Anna Weiß", whose lemmas the lemma table gives as "kurz" and "wissen")."""
    toks = doc.tokens
    tok = toks[i]
    if i == 0 or toks[i - 1].sent != tok.sent or toks[i - 1].text in _OPENING or is_quote_mark(toks[i - 1].text):
        return False
    return tok.text[:1].isupper() and not is_quote_mark(tok.text) and tok.text.isalpha() | ("-" in tok.text)


def _surnames(doc: PreparedDoc) -> frozenset[str]:
    """Words whose lemma is not capitalised that stand after a name inside a sentence ("Sebastian
    Kurz"): the same word opening a sentence ("Kurz sagte …") is that name, too."""
    toks = doc.tokens
    return memoised(doc, "surnames", lambda: frozenset(  # (the speaker and the quoted candidates ask)
        toks[i].text for i in range(1, len(toks))
        if not toks[i].lemma[:1].isupper() and _mid_sentence_capital(doc, i) and _is_name_token(toks[i - 1])
    ))


def _name_at(doc: PreparedDoc, i: int, surnames: frozenset[str]) -> bool:
    """A word that may open or continue a name candidate."""
    tok = doc.tokens[i]
    return _is_name_token(tok) or _mid_sentence_capital(doc, i) or tok.text in surnames


def institution_joiner(doc: PreparedDoc, j: int, lex: GermanLexicon) -> bool:
    """Whether token ``j`` is the "für" inside an institution's name: after an institution noun
    and before a capitalised word of the same sentence ("Institut für Höhere Studien",
    "Bundesamt für Verfassungsschutz"; not "Professorin für Politik")."""
    toks = doc.tokens
    return (
        toks[j].lower == "für" and 0 < j < len(toks) - 1
        and toks[j - 1].text[:1].isupper() and toks[j - 1].lower.endswith(lex.institution_heads)
        and toks[j + 1].sent == toks[j].sent and toks[j + 1].text[:1].isupper() and toks[j + 1].text.isalpha()
    )


def mention_candidates(doc: PreparedDoc, speaker_spans: list[TokenSpan], names: list[NamedSpan]) -> list[Candidate]:
    """All speaker-like mentions of the document, deduplicated by token span."""
    lex = lexicon()
    toks = doc.tokens
    out: dict[tuple[int, int], Candidate] = {}
    for sp in speaker_spans:
        b, e = trim_speaker(doc, sp.begin, sp.end, lex)  # "die Ärztin zum STANDARD" → "die Ärztin"
        out[(b, e)] = Candidate(b, e, "crf")
    for name in names:
        if name.type in ("PER", "ORG") and toks[name.begin].quoted < 0:
            b, e = trim_speaker(doc, name.begin, name.end, lex)
            out.setdefault((b, e), Candidate(b, e, "ner"))
    i = 0
    n = len(toks)
    surnames = _surnames(doc)
    while i < n:
        tok = toks[i]
        if tok.lower in lex.pronouns and tok.quoted < 0:
            out.setdefault((i, i + 1), Candidate(i, i + 1, "pron"))
            i += 1
            continue
        if tok.lower in lex.source_adverbs and tok.quoted < 0:
            out.setdefault((i, i + 1), Candidate(i, i + 1, "adv"))
            i += 1
            continue
        if _name_at(doc, i, surnames) and tok.quoted < 0:
            j = _run_end(doc, i, surnames, lex)
            source = "group" if tok.text in lex.groups else "role" if tok.text in lex.roles else "name"
            b, e = trim_speaker(doc, i, j, lex)
            out.setdefault((b, e), Candidate(b, e, source))
            i = j
            continue
        i += 1
    for b, e in quantifier_subjects(doc, lex):
        out.setdefault((b, e), Candidate(b, e, "group"))
    for b, e in quoted_source_titles(doc, lex):
        out.setdefault((b, e), Candidate(b, e, "name"))
    return sorted(out.values(), key=lambda c: (c.begin, c.end))


#: the most words of a title in quote marks that may name a source ("„Süddeutsche Zeitung“")
MAX_TITLE_WORDS = 4
#: an article before a quoted title ("die „Zeit“")
_TITLE_ARTICLES = frozenset({"der", "die", "das", "den", "dem"})
#: what may stand right before a title that opens a reporting clause: a clause edge, "wie", "laut"
_TITLE_OPENERS = frozenset({",", ":", ";", "(", "–", "wie", "laut"})


def quoted_source_titles(doc: PreparedDoc, lex: GermanLexicon) -> list[tuple[int, int]]:
    """Names written in quote marks where a source stands (newspapers, websites and groups:
    "Die „Süddeutsche Zeitung“ hatte berichtet, …", "…, schrieb „Die Zeit“"), which
    :func:`mention_candidates` otherwise leaves out with every quoted word: a closed stretch of
    one to four words inside one sentence that opens its clause (after at most an article) right
    before a reporting verb or an auxiliary ("Wie „heise online“ berichtet"), or, its first word
    capitalised, stands right after a reporting verb (over at most an article). Token spans from
    mark to mark."""
    toks = doc.tokens
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        q = toks[i].quoted
        if q < 0 or not is_quote_mark(toks[i].text):
            i += 1
            continue
        j = i + 1
        while j < len(toks) and toks[j].quoted == q:
            j += 1
        inner = toks[i + 1 : j - 1]
        if (
            doc.quoted[q].closed and is_quote_mark(toks[j - 1].text) and 1 <= len(inner) <= MAX_TITLE_WORDS
            and all(t.sent == toks[i].sent and t.text.replace("-", "").replace(".", "").isalnum() for t in inner)
            and (_title_opens_clause(doc, i, j, lex) or (inner[0].text[:1].isupper() and _title_after_cue(doc, i, lex)))
        ):
            out.append((i, j))
        i = j
    return out


def _title_opens_clause(doc: PreparedDoc, i: int, j: int, lex: GermanLexicon) -> bool:
    toks = doc.tokens
    if j >= len(toks) or toks[j].sent != toks[i].sent:
        return False
    verb = cue_class(toks[j], lex) == "verb" and toks[j].text.islower()
    if not verb and toks[j].lower not in word_set("perfect_auxiliaries.txt"):  # "„Die Zeit“ hatte berichtet"
        return False
    lead = i - 1 if i > 0 and toks[i - 1].lower in _TITLE_ARTICLES and toks[i - 1].sent == toks[i].sent else i
    return lead == doc.sentences[toks[i].sent][0] or toks[lead - 1].lower in _TITLE_OPENERS


def _title_after_cue(doc: PreparedDoc, i: int, lex: GermanLexicon) -> bool:
    toks = doc.tokens
    k = i - 1
    if k > 0 and toks[k].lower in _TITLE_ARTICLES:
        k -= 1
    return k >= 0 and toks[k].sent == toks[i].sent and toks[k].text.islower() and cue_class(toks[k], lex) == "verb"


def _quantifiers() -> frozenset[str]:
    return word_set("quantifier_subjects.txt")


def is_quantifier(word: str) -> bool:
    """Whether the lower-case ``word`` is one of the quantifiers of :func:`quantifier_subjects`."""
    return word in _quantifiers()


def quantifier_subjects(doc: PreparedDoc, lex: GermanLexicon) -> list[tuple[int, int]]:
    """Indefinite quantifiers as the subject right before a reporting verb ("Viele sagen, …",
    "Nicht wenige bezeichnen …"; ``data/quantifier_subjects.txt``), with a "nicht" before them:
    a group of speakers that no name or noun gives."""
    toks = doc.tokens
    out: list[tuple[int, int]] = []
    for i, tok in enumerate(toks[:-1]):
        if not is_quantifier(tok.lower) or tok.quoted >= 0 or toks[i + 1].sent != tok.sent:
            continue
        if cue_class(toks[i + 1], lex) != "verb":
            continue
        b = i - 1 if i > 0 and toks[i - 1].lower == "nicht" and toks[i - 1].sent == tok.sent else i
        if b == doc.sentences[tok.sent][0] or toks[b - 1].text in (",", ":", ";", "–"):
            out.append((b, i + 1))
    return out


def _run_end(doc: PreparedDoc, i: int, surnames: frozenset[str], lex: GermanLexicon) -> int:
    """The end of the capitalised run that token ``i`` opens: name words, with particles and
    English function words between them, inside one sentence."""
    toks = doc.tokens
    n = len(toks)
    j = i + 1
    while j < n and toks[j].sent == toks[i].sent and (
        _name_at(doc, j, surnames)
        or (toks[j - 1].lower in ENGLISH_JOINERS and toks[j].text[:1].isupper() and toks[j].text.isalpha())
        or (toks[j].lower in NAME_PARTICLES and j + 1 < n and _is_name_token(toks[j + 1]))
        or (toks[j].lower in ENGLISH_JOINERS and j + 1 < n and toks[j + 1].text[:1].isupper())
        or (toks[j].lower in ENGLISH_JOINERS and j + 2 < n and toks[j + 1].lower == "the"
            and toks[j + 2].text[:1].isupper())
        or institution_joiner(doc, j, lex)
    ):
        j += 1
    return j


def quoted_name_candidates(doc: PreparedDoc, names: list[NamedSpan]) -> list[Candidate]:
    """Names inside quotation marks, which :func:`mention_candidates` leaves out (no speaker
    stands there): the NER tagger's names and the capitalised runs, for the article's entities
    (what a quote talks about: "meine Wohnung in Berlin")."""
    lex = lexicon()
    toks = doc.tokens
    out: dict[tuple[int, int], Candidate] = {}
    for name in names:
        if toks[name.begin].quoted >= 0:
            b, e = trim_speaker(doc, name.begin, name.end, lex)
            if e > b:
                out.setdefault((b, e), Candidate(b, e, "quoted"))
    surnames = _surnames(doc)
    i = 0
    while i < len(toks):
        if toks[i].quoted >= 0 and toks[i].lower not in lex.pronouns and _name_at(doc, i, surnames):
            j = _run_end(doc, i, surnames, lex)
            b, e = trim_speaker(doc, i, j, lex)
            if e > b:
                out.setdefault((b, e), Candidate(b, e, "quoted"))
            i = j
            continue
        i += 1
    return sorted(out.values(), key=lambda c: (c.begin, c.end))


_DETERMINERS = frozenset({
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
    "sein", "seine", "seinen", "seinem", "seiner", "ihr", "ihre", "ihren", "ihrem", "ihrer",
})


def np_start(doc: PreparedDoc, begin: int) -> tuple[int, str]:
    """Where the noun phrase ending in the candidate starts, and its article or possessive
    (which marks case: "den"/"dem" cannot open a subject), or "none"."""
    j = begin - 1
    steps = 0
    while j >= 0 and steps < 4 and doc.tokens[j].sent == doc.tokens[begin].sent:
        low = doc.tokens[j].lower
        if low in _DETERMINERS:
            return j, low
        if not doc.tokens[j].text[:1].islower() or not doc.tokens[j].text.isalpha():
            break
        j -= 1
        steps += 1
    return begin, "none"


def _bucket(d: int) -> str:
    for limit in (0, 1, 2, 3, 5, 8, 12, 20, 35, 60):
        if d <= limit:
            return str(limit)
    return "far"


def pair_features(
    doc: PreparedDoc,
    quote: TokenSpan,
    cand: Candidate,
    crf_speakers: list[TokenSpan],
    cue_spans: list[TokenSpan],
    between_candidates: int,
    prev_speaker_text: str | None,
    lex: GermanLexicon,
    speaker_prob: float = 0.0,
    ner_types: list[str] | None = None,
    quote_cue: str | None = None,
) -> list[str]:
    """Sparse features of one (quote, candidate) pair."""
    toks = doc.tokens
    cues = cue_classes(doc, lex)
    q_sent = toks[quote.begin].sent
    c_sent = toks[cand.begin].sent
    kind = quote.cls
    if cand.end <= quote.begin:
        direction, dist = "L", quote.begin - cand.end
    elif cand.begin >= quote.end:
        direction, dist = "R", cand.begin - quote.end
    else:
        direction, dist = "IN", 0
    sdiff = max(-4, min(2, c_sent - q_sent))
    ctext = " ".join(t.text for t in toks[cand.begin : cand.end])
    head = toks[cand.end - 1]
    f = [
        "bias",
        f"dir={direction}",
        f"dist={_bucket(dist)}",
        f"dir_dist={direction}{_bucket(dist)}",
        f"sdiff={sdiff}",
        f"src={cand.source}",
        f"kind={kind}",
        f"kind_dir={kind}{direction}",
        f"kind_sdiff={kind}{sdiff}",
        f"src_dir={cand.source}{direction}",
        f"src_sdiff={cand.source}{sdiff}",
        f"between={min(between_candidates, 4)}",
        f"dir_between={direction}{min(between_candidates, 4)}",
        f"len={min(cand.end - cand.begin, 4)}",
    ]
    f.append("head=" + head.lemma.lower())
    if quote_cue is not None:
        f.append(f"qcue_dir={quote_cue}{direction}")
        f.append(f"qcue_sdiff={quote_cue}{sdiff}")
    pdiff = max(-2, min(1, toks[cand.begin].para - toks[quote.begin].para))
    f.append(f"pdiff={pdiff}")
    f.append(f"pdiff_kind={pdiff}{kind}")
    person_words = memoised(doc, ("person_words", quote.begin, quote.end), lambda: _person_words(doc, quote))
    for t in ner_types or ["none"]:
        f.extend(f"qword_ner={w}{t}" for w in sorted(person_words))
        f.append("ner=" + t)
        f.append(f"ner_dir={t}{direction}")
        f.append(f"ner_sdiff={t}{sdiff}")
    np_begin, det = np_start(doc, cand.begin)
    f.append("det=" + det)
    f.append(f"det_dir={det}{direction}")
    pb = next(str(x) for x in (0.9, 0.7, 0.5, 0.3, 0.15, 0.05, 0.01, 0.0) if speaker_prob >= x)
    f.append("spkp=" + pb)
    f.append(f"spkp_sdiff={pb}{sdiff}")
    f.append(f"spkp_dir={pb}{direction}")
    if direction == "IN":
        f.append(f"in_pos={_bucket(cand.begin - quote.begin)}")
        f.append(f"in_pos_kind={kind}{_bucket(cand.begin - quote.begin)}")
    if cand.source == "pron":
        f.append("pron=" + head.lower)
        f.append(f"pron_sdiff={head.lower}{sdiff}")
    first = toks[cand.begin]
    if cand.end - cand.begin > 1 and first.lower in lex.prepositions:
        # "Über Steve Fossett", "Gegenüber NDR Info": a prepositional phrase ("Laut Polizei" is one too)
        f.append("first_prep")
        f.append("first_prep=" + first.lower)
    if any(t.lower in lex.time_words for t in toks[cand.begin : cand.end]):
        f.append("has_date")  # "Mitte Mai in New York", "Donnerstag"
    if head.text in lex.groups:
        f.append("grp")
    if head.text in lex.roles or head.lemma in lex.roles:
        f.append("role")
    if any(s.begin < cand.end and cand.begin < s.end for s in crf_speakers):
        f.append("crf_spk")
        f.append(f"crf_spk_sdiff={sdiff}")
        f.append(f"crf_spk_dir={direction}")
    lead = after_particles(doc, cand.begin)  # "warnte auch Fabius": the cue stands right before
    prev_tok = toks[lead - 1] if lead > 0 else None
    next_tok = toks[cand.end] if cand.end < len(toks) else None
    if prev_tok is not None:
        pc = cues[lead - 1]
        if pc:
            f.append("prev_cue=" + pc)
        f.append("prev_w=" + prev_tok.lower)
        if prev_tok.sent != toks[cand.begin].sent:
            f.append("sent_initial")
    if np_begin < cand.begin and np_begin > 0:
        npc = cues[np_begin - 1]
        if npc:
            f.append("np_prev_cue=" + npc)
    if next_tok is not None:
        nc = cues[cand.end]
        if nc:
            f.append("next_cue=" + nc)
        f.append("next_w=" + next_tok.lower)
    b, e = doc.sentences[c_sent]
    if verb_cue_sentences(doc, lex)[c_sent]:
        f.append("cand_sent_cue")
        if np_begin == b:  # the first phrase of a sentence with a reporting verb: its subject, mostly
            f.append(f"subj_cue_sdiff={sdiff}")
            f.append(f"subj_cue_kind={kind}{sdiff}")
    lo, hi = (cand.end, quote.begin) if direction == "L" else (quote.end, cand.begin)
    if direction != "IN" and any(c.begin >= lo and c.end <= hi for c in cue_spans):
        f.append("cue_between")
    if any(s.begin < cand.end and cand.begin < s.end for s in cue_spans):
        f.append("is_cue")
    for s in cue_spans:
        if s.end in (cand.begin, lead) or (s.end == cand.begin - 1 and toks[s.end].text in ",:"):
            f.append("crf_cue_before")
            f.append(f"crf_cue_before_sdiff={sdiff}")
        elif s.end == np_begin:  # "sagte der frühere Minister X"
            f.append("crf_cue_before_np")
            f.append(f"crf_cue_before_np_sdiff={sdiff}")
        if s.begin == cand.end or s.begin == cand.end + 1:
            f.append("crf_cue_after")
            f.append(f"crf_cue_after_sdiff={sdiff}")
    if prev_speaker_text is not None and (ctext == prev_speaker_text or head.text in prev_speaker_text.split()):
        f.append("prev_speaker")
        f.append(f"prev_speaker_kind={kind}")
    if toks[cand.begin].quoted >= 0:
        f.append("in_quotemarks")
    return f


def _person_words(doc: PreparedDoc, quote: TokenSpan) -> set[str]:
    return {t.lower for t in doc.tokens[quote.begin : quote.end] if t.lower in ("ich", "wir", "mein", "unser")}


def candidates_for_quote(doc: PreparedDoc, quote: TokenSpan, mentions: list[Candidate]) -> list[Candidate]:
    """Mentions within the sentence window of the quote (reported speech contains its speaker)."""
    q_sent = doc.tokens[quote.begin].sent
    q_sent_end = doc.tokens[quote.end - 1].sent
    lo = q_sent - WINDOW_BEFORE
    hi = q_sent_end + WINDOW_AFTER
    return [c for c in mentions if lo <= doc.tokens[c.begin].sent <= hi]


def count_between(quote: TokenSpan, cand: Candidate, cands: list[Candidate]) -> int:
    """How many other candidates stand between the candidate and the quote."""
    if cand.end <= quote.begin:
        return sum(1 for c in cands if c.begin >= cand.end and c.end <= quote.begin)
    return sum(1 for c in cands if c.begin >= quote.end and c.end <= cand.begin)
