"""Leaner German model files in memory (branch speed): same lookups, less memory per entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.errors import ModelError
from onrecord.lang.de.common_words import INFLECTED, KNOWN, CommonWords
from onrecord.lang.de.features import shape
from onrecord.lang.de.lemmas import LemmaTable
from onrecord.lang.de.linear import LinearModel, share_weights
from onrecord.lang.de.ner_features import NerFeaturizer, _word_features
from onrecord.lang.de.wordclasses import WordClasses


def _reference_features(featurizer: NerFeaturizer, words: list[str]) -> list[list[str]]:
    """The ±2 window as it was written before the per-word cache held the neighbour parts."""
    classes = [featurizer.classes.get(w) if featurizer.classes is not None else () for w in words]
    out: list[list[str]] = []
    for i, word in enumerate(words):
        info = featurizer._info(word)  # (n, k, capitalised, n own features, 2 × k beside)
        f = list(info[3 : 3 + info[0]])
        if i == 0:
            f.append("first")
        elif "capmid" in featurizer.extras and word[:1].isupper():
            f.append("capmid")
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < len(words):
                f.append(f"{off}w={words[j].lower()}")
                if off in (-1, 1):
                    f.append(f"{off}sh={shape(words[j])}")
                    f.append(f"{off}s3={words[j][-3:].lower()}")
                    if "nbclasses" in featurizer.extras and classes[j]:
                        f.append(f"{off}c0={classes[j][0]}")
                        f.append(f"{off}c1={classes[j][-1]}")
        out.append(f)
    return out


def test_cached_neighbour_features_match_the_plain_window() -> None:
    classes = WordClasses({"Bürgermeisterin": ("3", "41"), "sagte": ("7", "90"), "Lüneburg": ("5", "12")})
    common = CommonWords.from_forms({"sagte": "sagen", "in": "in", "Stadt": "Stadt"})
    extras = ("classes", "nbclasses", "capmid", "acronym", "shape2", "dict")
    featurizer = NerFeaturizer(classes, extras, common)
    for words in (
        ["Die", "Bürgermeisterin", "von", "Lüneburg", "sagte", "am", "Montag", ":"],
        ["SPD-Chefin", "sagte", "in", "der", "Stadt", "İstanbul", "nichts", "."],
        ["Lüneburg"],
        ["Ja", "!"],
    ):
        assert featurizer(words) == _reference_features(featurizer, words)
        assert featurizer(words) == _reference_features(featurizer, words)  # from the cache
    plain = NerFeaturizer()
    words = ["Der", "Kanzler", "sagte", "es", "."]
    assert plain(words) == _reference_features(plain, words)


def test_cached_features_share_the_common_strings() -> None:
    featurizer = NerFeaturizer(None, ("capmid",))
    a, b = featurizer(["Brot", "Bahn"])
    assert a[0] == "w=brot" and b[0] == "w=bahn"
    assert _word_features("Brot")[1] == "sh=X"
    assert a[1] is b[1]  # the one "sh=X" string
    info = featurizer._info("Brot")
    assert len(info) == 3 + info[0] + 2 * info[1]  # one flat tuple per word


def test_common_words_load_reads_what_save_wrote(tmp_path: Path) -> None:
    words = CommonWords.from_forms({"Haus": "Haus", "Häuser": "Haus", "gehen": "gehen", "ging": "gehen"})
    path = tmp_path / "cw.bin"
    words.save(path)
    back = CommonWords.load(path)
    assert back.known == words.known and back.inflected == words.inflected
    assert [back(w) for w in ("Haus", "Häuser", "ging", "Zschrumpf")] == [KNOWN, INFLECTED, INFLECTED, None]
    empty = CommonWords.from_forms({})
    empty.save(path)
    assert CommonWords.load(path)("Haus") is None


def test_common_words_load_rejects_damaged_files(tmp_path: Path) -> None:
    path = tmp_path / "cw.bin"
    CommonWords.from_forms({"Haus": "Haus", "Häuser": "Haus"}).save(path)
    raw = path.read_bytes()
    for damaged in (raw[:-1], raw[:2], b"", b"\xff\x00\x00\x00" + raw[4:]):
        path.write_bytes(damaged)
        with pytest.raises(ModelError):
            CommonWords.load(path)


def test_lemma_table_stores_lower_first_lemmas_once(tmp_path: Path) -> None:
    table = {"Vorerst": "vorerst", "Häuser": "Haus", "ging": "gehen", "ÄRGER": "äRGER", "Ab": "ab"}
    lemmas = LemmaTable(table)
    assert lemmas.table == table
    assert [lemmas(w) for w in ("Vorerst", "Häuser", "ging", "ÄRGER", "Ab", "Unbekannt")] == [
        "vorerst",
        "Haus",
        "gehen",
        "äRGER",
        "ab",
        "Unbekannt",
    ]
    assert lemmas.get("vorerst") is None
    path = tmp_path / "lemmas.tsv"
    lemmas.save(path)
    assert LemmaTable.load(path).table == table


def test_shared_weights_keep_every_value() -> None:
    weights = {"a": 0.25, "b": float("0.25"), "c": -0.0, "d": 0.0, "e": 1, "f": 1.0, "g": -1.5}
    floats: dict[float, float] = {}
    shared = share_weights(dict(weights), floats)
    assert shared == weights and list(shared) == list(weights)
    assert shared["a"] is shared["b"]
    assert type(shared["e"]) is int and type(shared["f"]) is float
    assert str(shared["c"]) == "-0.0"
    model = LinearModel.from_json({"weights": {"x": 0.25}, "intercept": 0.0, "threshold": 0.1}, floats)
    assert model.weights["x"] is shared["a"]


def test_word_classes_share_equal_class_tuples(tmp_path: Path) -> None:
    path = tmp_path / "classes.tsv"
    WordClasses({"Bonn": ("5", "12"), "Trier": ("5", "12"), "sagte": ("7", "90")}).save(path)
    loaded = WordClasses.load(path)
    assert loaded.get("Bonn") == ("5", "12") and loaded.get("bonn") == ()
    assert loaded.get("Bonn") is loaded.get("Trier")
