"""The German speed-ups (per-document memos, cached word features) give exactly what the uncached
computations give. The references below are the computations as they were before the caches."""

from __future__ import annotations

from functools import cache

import pytest

from onrecord.lang.de.features import cue_class, doc_features, is_konj1
from onrecord.lang.de.lemmas import LemmaTable
from onrecord.lang.de.lexicon import lexicon
from onrecord.lang.de.memo import cue_classes, konj1_flags, token_ends, token_ranges, token_starts, verb_cue_sentences
from onrecord.lang.de.narration import _idioms, idiom_tokens
from onrecord.lang.de.ner import sentence_features
from onrecord.lang.de.tokens import PreparedDoc, prepare
from onrecord.lang.de.train import LEMMA_FILE, MODEL_DIR

TEXTS = [
    "Dass Zusagen gebrochen werden, sei gang und gäbe, sagte die Sprecherin des Vereins am Dienstag. "
    "Sie wolle den Umbau durchsetzen, koste es, was es wolle, es sei denn, der Rat lehne ab.",
    "„Wir bauen die Brücke bis Ende März“, versprach Bürgermeister Jens Kalbach. Der Stadtrat bestand "
    "darauf, die Kosten offenzulegen. Gott sei Dank habe niemand geklagt, hieß es im Rathaus.",
    "Im Sommer soll die Firma Gelder veruntreut haben. Stimmen wurden laut, die eine Prüfung fordern. "
    "Die Anwältin Mira Ostrowski erklärte dazu, ihre Mandantin sei unschuldig.",
]


@cache
def _lemmas() -> LemmaTable:
    return LemmaTable.load(MODEL_DIR / LEMMA_FILE)


def _doc(text: str) -> PreparedDoc:
    return prepare(text, _lemmas())


def _idiom_tokens_uncached(doc: PreparedDoc, begin: int, end: int) -> set[int]:
    toks = doc.tokens
    words = [i for i in range(begin, end) if toks[i].text[:1].isalnum()]
    out: set[int] = set()
    for k in range(len(words)):
        for idiom in _idioms():
            if k + len(idiom) <= len(words) and all(toks[words[k + m]].lower == w for m, w in enumerate(idiom)):
                out.update(words[k : k + len(idiom)])
    return out


@pytest.mark.parametrize("text", TEXTS)
def test_idiom_tokens_equal_the_uncached_search_on_every_stretch(text: str) -> None:
    doc = _doc(text)
    n = len(doc.tokens)
    stretches = [*doc.sentences, (0, n), *((b, e) for b in range(0, n, 3) for e in range(b, n + 1, 4))]
    for begin, end in stretches:
        assert idiom_tokens(doc, begin, end) == _idiom_tokens_uncached(doc, begin, end)
    assert idiom_tokens(doc, 0, n)  # the texts hold idioms, so the comparison is not vacuous


@pytest.mark.parametrize("text", TEXTS)
def test_cue_classes_and_verb_sentences_equal_per_token_lookups(text: str) -> None:
    doc = _doc(text)
    lex = lexicon()
    classes = [cue_class(t, lex) for t in doc.tokens]
    assert cue_classes(doc, lex) == classes
    assert cue_classes(doc, lex) is cue_classes(doc, lex)  # computed once per document
    expected = [any(classes[i] == "verb" for i in range(b, e)) for b, e in doc.sentences]
    assert verb_cue_sentences(doc, lex) == expected
    assert any(expected)


@pytest.mark.parametrize("text", TEXTS)
def test_konj1_flags_equal_per_token_tests(text: str) -> None:
    doc = _doc(text)
    flags = [is_konj1(t) for t in doc.tokens]
    assert konj1_flags(doc) == flags
    assert konj1_flags(doc) is konj1_flags(doc)
    assert any(flags)


@pytest.mark.parametrize("text", TEXTS)
def test_token_ranges_are_the_tokens_of_spans_on_token_boundaries(text: str) -> None:
    doc = _doc(text)
    toks = doc.tokens
    assert token_starts(doc) == {t.start: t.i for t in toks}
    assert token_ends(doc) == {t.end: t.i + 1 for t in toks}
    assert token_starts(doc) is token_starts(doc)
    spans = [(toks[1].start, toks[3].end), (toks[1].start + 1, toks[3].end), (toks[2].start, toks[2].end - 1)]
    assert list(token_ranges(doc, spans)) == [(1, 4)]  # a span cut inside a token has no range


def test_a_lower_case_name_word_needs_an_upper_case_letter_inside() -> None:
    """``_is_name_token`` decides lower-case words by ``islower`` first (speed); the answer is the
    letter-by-letter one: "eBay", "el-Baradei" and a title-case letter inside are name words."""
    from onrecord.lang.de.speakers import _is_name_token
    from onrecord.lang.de.tokens import Token

    def reference(text: str) -> bool:
        return any(c.isupper() for c in text[1:]) and text.replace("-", "").isalpha()

    for text in ("eBay", "el-Baradei", "iPhone", "ai-Bericht", "der", "x", "e-", "eǅx", "a1B", "über", "uÄ"):
        tok = Token(i=0, text=text, start=0, end=len(text), lemma=text)
        assert _is_name_token(tok) == reference(text), text
    assert _is_name_token(Token(i=0, text="eBay", start=0, end=4, lemma="eBay"))


def test_memos_belong_to_their_document() -> None:
    first, second = _doc(TEXTS[0]), _doc(TEXTS[1])
    lex = lexicon()
    assert cue_classes(first, lex) == [cue_class(t, lex) for t in first.tokens]
    assert cue_classes(second, lex) == [cue_class(t, lex) for t in second.tokens]
    assert idiom_tokens(second, 0, len(second.tokens)) == _idiom_tokens_uncached(second, 0, len(second.tokens))


@pytest.mark.parametrize("text", TEXTS)
def test_token_lower_is_the_lower_cased_text(text: str) -> None:
    assert all(t.lower == t.text.lower() for t in _doc(text).tokens)


def _shape(word: str) -> str:
    first = word[0]
    if first.isdigit():
        return "d"
    if not first.isalpha():
        return "p"
    if word.isupper() and len(word) > 1:
        return "A"
    return "X" if first.isupper() else "x"


def _ner_features_uncached(words: list[str]) -> list[list[str]]:
    def own(word: str) -> list[str]:
        low = word.lower()
        return [
            "w=" + low,
            "sh=" + _shape(word),
            "s3=" + low[-3:],
            "s4=" + low[-4:],
            "p2=" + low[:2],
            "len=" + str(min(len(word), 10)),
            *(["hy"] if "-" in word else []),
        ]

    out: list[list[str]] = []
    for i in range(len(words)):
        f = own(words[i])
        if i == 0:
            f.append("first")
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < len(words):
                f.append(f"{off}w={words[j].lower()}")
                if off in (-1, 1):
                    f.append(f"{off}sh={_shape(words[j])}")
                    f.append(f"{off}s3={words[j][-3:].lower()}")
        out.append(f)
    return out


@pytest.mark.parametrize("text", TEXTS)
def test_ner_features_equal_the_uncached_ones(text: str) -> None:
    doc = _doc(text)
    for b, e in doc.sentences:
        words = [t.text for t in doc.tokens[b:e]]
        assert sentence_features(words) == _ner_features_uncached(words)
        assert sentence_features(words) == _ner_features_uncached(words)  # again, from the cache


@pytest.mark.parametrize("text", TEXTS)
def test_tagger_features_equal_the_uncached_token_features(text: str) -> None:
    doc = _doc(text)
    lex = lexicon()
    feats = doc_features(doc)
    classes = [cue_class(t, lex) for t in doc.tokens]
    for i, t in enumerate(doc.tokens):
        b, e = doc.sentences[t.sent]
        low = t.lower
        w = low if len(low) < 25 else low[-8:]
        own = ["w=" + w, "sh=" + _shape(t.text), "s3=" + low[-3:], "s2=" + low[-2:], "p3=" + low[:3]]
        if classes[i]:
            own += ["cue=" + str(classes[i]), "cl=" + t.lemma.lower()]
        if is_konj1(t):
            own.append("k1")
        assert feats[i][: len(own)] == own
        # the reporting-verb window tests (bcue/acue), by the scan they replace
        before = any(classes[j] == "verb" for j in range(i + 1, min(e, i + 25)))
        after = any(classes[j] == "verb" for j in range(max(b, i - 25), i))
        assert ("bcue" in feats[i]) == before
        assert ("acue" in feats[i]) == after
    assert any("bcue" in f for f in feats) and any("acue" in f for f in feats)


def test_rejected_candidate_spans_belong_to_their_span_sets() -> None:
    """The per-document table of ruled-out candidate spans is kept with the span sets it was made
    for: the same sets find it again, other sets (another tagging) get a fresh one."""
    from onrecord.lang.de.attribution import SpanSets, _rejected_spans

    doc = _doc(TEXTS[0])
    first = SpanSets([], [], [], [], [], [""] * len(doc.tokens), [], [])
    second = SpanSets([], [], [], [], [], [""] * len(doc.tokens), [], [])
    table = _rejected_spans(doc, first)
    table[(0, 1)] = True
    assert _rejected_spans(doc, first) is table
    assert _rejected_spans(doc, second) == {}
    assert _rejected_spans(_doc(TEXTS[0]), first) == {}
