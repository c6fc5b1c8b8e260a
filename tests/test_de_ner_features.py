"""Features of the German NER tagger, its word classes and the held-out measure (original sentences)."""

from __future__ import annotations

from pathlib import Path

from onrecord.lang.de.common_words import INFLECTED, KNOWN, CommonWords
from onrecord.lang.de.ner_bench import span_counts
from onrecord.lang.de.ner_features import NerFeaturizer, dictionary_features, long_shape
from onrecord.lang.de.wordclasses import WordClasses, build_word_classes, bundled_gnad_rows

SENTENCE = "Der SPÖ-Chef Arno Keldermann besuchte am Dienstag Villach".split()


def test_long_shape_collapses_runs() -> None:
    assert long_shape("ÖVP-Chef") == "X-Xx"
    assert long_shape("Keldermann") == "Xx"
    assert long_shape("G7-Gipfel") == "Xd-Xx"


def test_acronym_compound_and_mid_sentence_capital() -> None:
    feats = NerFeaturizer(extras=("acronym", "capmid"))(SENTENCE)
    assert "acr-compound" in feats[1] and "acr-head=chef" in feats[1]
    assert "capmid" in feats[2] and "capmid" not in feats[0] and "first" in feats[0]
    assert "acr-compound" not in feats[2]


def test_word_classes_of_the_word_and_its_neighbours() -> None:
    classes = WordClasses({"Dienstag": ("3", "17"), "besuchte": ("5", "40")})
    feats = NerFeaturizer(classes, extras=("classes", "nbclasses"))(SENTENCE)
    assert "c0=3" in feats[6] and "c1=17" in feats[6]
    assert "c=none" in feats[3]  # Keldermann: no class
    assert "1c0=5" in feats[3] and "-1c1=40" in feats[5]
    assert NerFeaturizer(classes, extras=("classes",))(SENTENCE) == NerFeaturizer(classes, extras=("classes",))(
        SENTENCE
    )


def test_word_classes_fall_back_to_lower_case_and_round_trip(tmp_path: Path) -> None:
    classes = WordClasses({"heute": ("1", "2")})
    assert classes.get("Heute") == ("1", "2") and classes.get("Keldermann") == ()
    classes.save(tmp_path / "wc.tsv")
    assert WordClasses.load(tmp_path / "wc.tsv").table == classes.table


def _toy_corpus() -> list[list[str]]:
    towns = ["Villach", "Kassel", "Lüneburg", "Gmunden"]
    people = ["Keldermann", "Ostrowski", "Kalbach", "Wollstadt"]
    out = []
    for k in range(12):
        town, person = towns[k % 4], people[(k * 3) % 4]
        out.append(["Am", "Morgen", "fuhr", person, "nach", town, "."])
        out.append(["In", town, "sprach", person, "lange", "."])
        out.append(["Dann", "lobte", person, "die", "Stadt", town, "."])
    return out


def test_word_classes_are_deterministic_and_group_like_words() -> None:
    first = build_word_classes(_toy_corpus(), sizes=(2, 4), min_count=3, contexts=20, dimensions=4)
    again = build_word_classes(_toy_corpus(), sizes=(2, 4), min_count=3, contexts=20, dimensions=4)
    assert first.table == again.table
    assert first.get("Villach") == first.get("Kassel")
    assert first.get("Keldermann") == first.get("Ostrowski")
    assert first.get("Villach")[1] != first.get("Keldermann")[1]


def test_span_counts_are_exact_and_typed() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    pred = [["B-PER", "O", "O", "B-LOC"]]
    counts = span_counts(gold, pred)
    assert (counts["all"].p_credit, counts["all"].n_pred, counts["all"].n_gold) == (1, 2, 2)
    assert counts["PER"].p_credit == 0 and counts["LOC"].f1 == 1.0 and counts["all"].recall == 0.5


def test_bundled_rows_are_read_from_every_set(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": "bench-de:gnad-7"}\n{"id": "news-en:x"}\n', encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": "bench-de:gnad-12"}\n', encoding="utf-8")
    assert bundled_gnad_rows(tmp_path) == frozenset({7, 12})


def test_common_words_status_round_trip(tmp_path: Path) -> None:
    words = CommonWords.from_forms({"Haus": "Haus", "Häusern": "Haus", "leise": "leise", "leiser": "leise"})
    words.save(tmp_path / "cw.bin")
    loaded = CommonWords.load(tmp_path / "cw.bin")
    assert loaded("Haus") == KNOWN and loaded("Häusern") == INFLECTED and loaded("leiser") == INFLECTED
    assert loaded("Keldermann") is None


def test_dictionary_features_mark_unknown_capitalised_words() -> None:
    words = CommonWords.from_forms({"Haus": "Haus", "Häusern": "Haus", "leise": "leise"})
    assert dictionary_features("Keldermann", words) == ["d=none"]
    assert dictionary_features("Häusern", words) == ["d=inflected"]
    assert dictionary_features("Leise", words) == ["d=lower"]  # sentence-initial adverb


def test_unlabelled_rows_start_at_the_reserved_row_and_skip_bundled_ones() -> None:
    from onrecord.lang.de.wordclasses import UNLABELLED_GNAD_FIRST_ROW, unlabelled_gnad_rows

    first = UNLABELLED_GNAD_FIRST_ROW
    rows = unlabelled_gnad_rows(first + 4, frozenset({first + 1, 3}))
    assert rows == [first, first + 2, first + 3]


def test_no_bundled_evaluation_document_fed_the_shipped_word_classes() -> None:
    """New evaluation documents must come from 10kGNAD rows the classes never read (rows before
    UNLABELLED_GNAD_FIRST_ROW): a held-back text must not be part of a model's training text."""
    import onrecord.lang.de as lang_de
    from onrecord.evaluation.gold import BUNDLED
    from onrecord.lang.de.wordclasses import UNLABELLED_GNAD_FIRST_ROW, WORDCLASS_ROWS_FILE

    path = Path(lang_de.__file__).parent / "models" / WORDCLASS_ROWS_FILE
    used = {int(line) for line in path.read_text(encoding="utf-8").split()}
    assert used and min(used) >= UNLABELLED_GNAD_FIRST_ROW
    assert not used & bundled_gnad_rows(BUNDLED)
