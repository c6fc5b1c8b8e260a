"""Cross-validation of the speaker ranker on stored taggings (onrecord/lang/de/ranker_cv.py)."""

from __future__ import annotations

from onrecord.evaluation.gold import GoldDoc, GoldQuote
from onrecord.lang.de.labels import decode, gold_labels
from onrecord.lang.de.linear import LinearModel, fit_linear
from onrecord.lang.de.ranker_cv import (
    FoldTagged,
    StoredDoc,
    _tagging_json,
    _tagging_of,
    doc_samples,
    ranker_cross_validate,
    score_through_folds,
    view_samples,
)
from onrecord.lang.de.tagger import Tagging
from onrecord.lang.de.tokens import prepare
from onrecord.lang.de.train import ranker_samples

#: (text, [(quote, speaker)]) — invented articles, each quote and speaker a substring of the text
ARTICLES = [
    (
        "Die Ministerin Anna Berger sagte am Montag: „Wir bauen neue Schulen.“ Der Bürgermeister Karl "
        "Huber widersprach ihr. Er sagte, dass das Geld dafür fehle.",
        [("„Wir bauen neue Schulen.“", "Anna Berger"), ("dass das Geld dafür fehle", "Er")],
    ),
    (
        "Der Trainer Paul Wagner erklärte nach dem Spiel, seine Mannschaft sei müde gewesen. „Wir hatten "
        "keine Kraft mehr“, sagte der Kapitän Tom Richter.",
        [("seine Mannschaft sei müde gewesen", "Paul Wagner"), ("„Wir hatten keine Kraft mehr“", "Tom Richter")],
    ),
    (
        "Die Forscherin Lena Graf warnte vor steigenden Pegeln. Das Wasser werde im Frühjahr kommen, sagte "
        "sie. Der Landrat Otto Brandt versprach neue Dämme.",
        [("Das Wasser werde im Frühjahr kommen", "sie")],
    ),
    (
        "„Die Preise steigen weiter“, sagte die Händlerin Maria Vogt. Der Verband teilte mit, der Umsatz "
        "sei im Herbst gesunken.",
        [("„Die Preise steigen weiter“", "Maria Vogt"), ("der Umsatz sei im Herbst gesunken", "Der Verband")],
    ),
]


def _gold(k: int, text: str, pairs: list[tuple[str, str]]) -> GoldDoc:
    quotes = []
    for quote, speaker in pairs:
        qb = text.index(quote)
        sb = text.index(speaker)
        quotes.append(GoldQuote(spans=[(qb, qb + len(quote))], speaker=[(sb, sb + len(speaker))], kind=None))
    return GoldDoc(id=str(k), text=text, quotes=quotes, language="de")


def _gold_tagging(gold: GoldDoc) -> Tagging:
    """A perfect tagger's output: the gold spans, speaker probability 1 on the gold speakers."""
    doc = prepare(gold.text)
    labels = gold_labels(doc, gold.quotes)
    return Tagging(decode(labels), [float(x.endswith("SPK")) for x in labels])


def _stored() -> list[StoredDoc]:
    out = []
    for k, (text, pairs) in enumerate(ARTICLES):
        gold = _gold(k, text, pairs)
        tagging = _gold_tagging(gold)
        out.append(StoredDoc(gold, prepare(text), [tagging, tagging], [], prepare(text), tagging, []))
    return out


def test_tagging_round_trips_through_json() -> None:
    tagging = _gold_tagging(_gold(0, *ARTICLES[0]))
    assert tagging.spans
    back = _tagging_of(_tagging_json(tagging))  # type: ignore[arg-type]
    assert back.spans == tagging.spans and back.speaker_prob == tagging.speaker_prob


def test_ranker_cross_validation_scores_each_half_once() -> None:
    docs = _stored()
    samples = doc_samples(docs)
    assert all(sum(y) > 0 for _, y in samples)  # every article has a candidate that is a gold speaker
    fitted: list[int] = []

    def fit(xs: list[list[str]], ys: list[int]) -> LinearModel:
        fitted.append(len(ys))
        return fit_linear(xs, ys, c=1.0)

    reports = ranker_cross_validate(docs, samples, fit)
    assert list(reports) == ["fold 1/2", "fold 2/2", "all"]
    one, two, pooled = reports.values()
    assert one.documents + two.documents == pooled.documents == 4
    # each fold's ranker learns from the other half's samples of both stored taggings
    assert fitted == [sum(len(samples[i][1]) for i in (0, 1)), sum(len(samples[i][1]) for i in (2, 3))]
    assert pooled.score.quote.n_gold == 7
    assert pooled.score.quote.f1 > 0.5  # the tagging is the gold one
    assert 0.0 < pooled.score.joint.f1 <= pooled.score.quote.f1


def test_view_samples_are_ordered_as_fit_models_collects_them() -> None:
    docs = _stored()
    docs[1].views[1] = Tagging([], [0.0] * len(docs[1].doc.tokens))  # the second view differs
    per_doc = doc_samples(docs)
    xs, ys = view_samples(docs)
    # the first tagging of every article, then the second; the same samples as per article
    first = [x for d in docs for x in ranker_samples(d.doc, d.gold, d.views[0], d.names)[0]]
    assert xs[: len(first)] == first
    assert sorted(map(tuple, xs)) == sorted(tuple(x) for s, _ in per_doc for x in s)
    assert sum(ys) == sum(sum(y) for _, y in per_doc)
    assert view_samples([]) == ([], [])


def test_other_articles_are_scored_by_each_folds_ranker_on_that_folds_tagging() -> None:
    docs = _stored()
    samples = doc_samples(docs)
    golds = [_gold(k, text, pairs) for k, (text, pairs) in enumerate(ARTICLES[:2])]
    # fold 1 tags the other articles perfectly, fold 2 finds nothing in them
    others = [FoldTagged(g, prepare(g.text), [_gold_tagging(g), Tagging([], [])], []) for g in golds]
    fitted: list[int] = []

    def fit(xs: list[list[str]], ys: list[int]) -> LinearModel:
        fitted.append(len(ys))
        return fit_linear(xs, ys, c=1.0)

    reports = score_through_folds(docs, samples, fit, others)
    assert list(reports) == ["fold 1/2", "fold 2/2"]
    assert fitted == [sum(len(samples[i][1]) for i in (0, 1)), sum(len(samples[i][1]) for i in (2, 3))]
    one, two = reports.values()
    assert one.documents == two.documents == 2 and one.score.quote.n_gold == two.score.quote.n_gold == 4
    assert one.score.quote.f1 > 0.5 and one.score.joint.f1 > 0.0
    # fold 2's empty tagging leaves only what the rules find alone ("Er sagte, dass …", "erklärte …,
    # seine Mannschaft sei müde gewesen")
    assert two.score.quote.f1 < one.score.quote.f1 and two.score.quote.n_pred < one.score.quote.n_pred
