"""Features that weigh the speaker carried over from the previous quote against the sources
around a quote (speakers.carry_features)."""

from __future__ import annotations

from onrecord.lang.de.labels import TokenSpan
from onrecord.lang.de.lexicon import lexicon
from onrecord.lang.de.speakers import Candidate, carry_features
from onrecord.lang.de.tokens import PreparedDoc, prepare


def _span(doc: PreparedDoc, text: str, words: str, cls: str = "SPK", nth: int = 0) -> TokenSpan:
    """The token span of the ``nth`` occurrence of ``words`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    end = start + len(words)
    toks = [t.i for t in doc.tokens if t.start >= start and t.end <= end]
    return TokenSpan(cls, toks[0], toks[-1] + 1)


def _cand(span: TokenSpan, source: str = "name") -> Candidate:
    return Candidate(span.begin, span.end, source)


def _features(text: str, quote: str, prev: str | None, others: list[str], sources: list[str]) -> dict[str, list[str]]:
    doc = prepare(text)
    q = _span(doc, text, quote, "FQ")
    cands = [_cand(_span(doc, text, w)) for w in others]
    prev_cand = _cand(_span(doc, text, prev)) if prev is not None else None
    if prev_cand is not None and prev_cand not in cands:
        cands.append(prev_cand)
    spans = [_span(doc, text, w) for w in sources]
    out = carry_features(doc, q, cands, prev_cand, spans, lexicon())
    return {" ".join(t.text for t in doc.tokens[c.begin : c.end]): f for c, f in zip(cands, out, strict=True)}


def test_previous_speaker_behind_a_paragraph_opened_by_narration() -> None:
    text = (
        "Die Bürgermeisterin Anna Keller sagte am Montag, die Brücke werde im Herbst saniert.\n\n"
        "Der Gemeinderat tagte am Abend im Rathaus. Man habe keine Einwände gegen den Plan."
    )
    feats = _features(text, "Man habe keine Einwände gegen den Plan.", "Anna Keller", ["Gemeinderat"], ["Anna Keller"])
    assert "is_prev_para=narr" in feats["Anna Keller"]
    assert "is_prev_nocue" not in feats["Anna Keller"]  # "sagte" stands in its sentence
    assert not any(f.startswith("is_prev") for f in feats["Gemeinderat"])


def test_previous_speaker_in_the_same_paragraph_or_opening_the_next() -> None:
    text = (
        "Der Förster Jonas Lind berichtete von trockenen Wäldern. Die Buchen litten besonders.\n\n"
        "Viele Bäume würden den Sommer nicht überstehen."
    )
    same = _features(text, "Die Buchen litten besonders.", "Jonas Lind", [], ["Jonas Lind"])
    assert "is_prev_para=same" in same["Jonas Lind"]
    opened = _features(text, "Viele Bäume würden den Sommer nicht überstehen.", "Jonas Lind", [], ["Jonas Lind"])
    assert "is_prev_para=open" in opened["Jonas Lind"]


def test_a_previous_speaker_that_names_nobody_or_has_no_cue_is_weak() -> None:
    text = (
        "Demnach steigen die Mieten weiter. Die Vermieterin Erika Sommer fuhr nach Hause. "
        "Die Nachfrage sei ungebrochen."
    )
    junk = _features(text, "Die Nachfrage sei ungebrochen.", "Demnach", [], [])
    assert "is_prev_junk" in junk["Demnach"]
    narrated = _features(text, "Die Nachfrage sei ungebrochen.", "Erika Sommer", [], [])
    assert "is_prev_nocue" in narrated["Erika Sommer"]
    assert "is_prev_junk" not in narrated["Erika Sommer"]


def test_a_later_source_makes_the_previous_speaker_stale() -> None:
    text = (
        "Die Ärztin Clara Roth warnte vor der Grippe. Der Apotheker Felix Brandt erklärte, die Impfstoffe "
        "reichten aus. Die Lager seien gut gefüllt."
    )
    sources = ["Clara Roth", "Felix Brandt"]
    feats = _features(text, "Die Lager seien gut gefüllt.", "Clara Roth", ["Felix Brandt"], sources)
    assert "is_prev_stale" in feats["Clara Roth"]
    assert "last_src" in feats["Felix Brandt"] and "last_src" not in feats["Clara Roth"]


def test_a_source_in_the_quotes_own_sentence_rivals_the_previous_speaker() -> None:
    text = (
        "Der Trainer Max Vogel lobte seine Spieler. Die Fans hätten, so der Kapitän Ben Stark, "
        "die Mannschaft getragen. Die Fans hätten auch das Team von Ben Stark getragen."
    )
    quote = "Die Fans hätten, so der Kapitän Ben Stark, die Mannschaft getragen."
    tagged = _features(text, quote, "Max Vogel", ["Ben Stark"], ["Max Vogel", "Ben Stark"])
    assert "is_prev_rival" in tagged["Max Vogel"]  # a speaker span in the quote's sentence
    untagged = _features(text, quote, "Max Vogel", ["Kapitän Ben Stark"], ["Max Vogel"])
    assert "is_prev_rival" in untagged["Max Vogel"]  # "so der Kapitän Ben Stark"
    doc = prepare(text)
    other = _span(doc, text, "Die Fans hätten auch das Team von Ben Stark getragen.", "FQ")
    prev = _cand(_span(doc, text, "Max Vogel"))
    owner = _cand(_span(doc, text, "Ben Stark", nth=1))
    feats = carry_features(doc, other, [prev, owner], prev, [_span(doc, text, "Max Vogel")], lexicon())
    assert "is_prev_rival" not in feats[0]  # "von Ben Stark" is no source


def test_another_mention_of_the_most_recent_source_name() -> None:
    text = "Die Sängerin Hanna Weiß sagte die Tournee ab. Sie sei erschöpft, so Weiß, und brauche Ruhe."
    doc = prepare(text)
    quote = _span(doc, text, "Sie sei erschöpft, so Weiß, und brauche Ruhe.", "FQ")
    full = _span(doc, text, "Hanna Weiß")
    surname = _span(doc, text, "Weiß", nth=1)
    feats = carry_features(doc, quote, [_cand(full), _cand(surname)], None, [full], lexicon())
    assert "last_src" in feats[0]
    assert "last_src_same" in feats[1] and "last_src" not in feats[1]
