"""A compact German lemma table, so that run time needs no full dictionary.

simplemma's German dictionary (1.1 million forms) takes 1.5–2 s to load, most of a start-up
budget of 3 s. Training therefore writes a table with just what the extractor uses: the lemma
of every word form seen in the training texts, every form of the cue lexicon's lemmas, every
Konjunktiv-I form (stem + e) of the dictionary and the capitalised form of every lower-case
lemma (sentence-initial "Vorerst" → "vorerst", as simplemma has it in training). At run time
a form missing from the table is its own lemma (after one retry in lower case for
sentence-initial words).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from onrecord.errors import ModelError


class LemmaTable:
    """form → lemma lookups from a TSV file (``form<TAB>lemma``, only where they differ)."""

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table

    def __call__(self, word: str) -> str:
        found = self.table.get(word)
        if found is not None:
            return found
        if word[:1].isupper():
            low = self.table.get(word.lower())
            if low is not None and not low[:1].isupper():
                return low
        return word

    @classmethod
    def load(cls, path: Path) -> LemmaTable:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise ModelError(f"{path}: cannot read the lemma table ({exc})") from exc
        return cls(dict(line.split("\t", 1) for line in lines if "\t" in line))

    def save(self, path: Path) -> None:
        rows = (f"{form}\t{lemma}" for form, lemma in sorted(self.table.items()))
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def build_lemma_table(words: Iterable[str], cue_lemmas: Iterable[str]) -> LemmaTable:
    """The table for a training vocabulary (uses simplemma's full dictionary)."""
    import simplemma
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    table: dict[str, str] = {}
    for word in set(words):
        if word[:1].isalpha():
            lemma = simplemma.lemmatize(word, lang="de")
            if lemma != word:
                table[word] = lemma
    cues = set(cue_lemmas)
    dictionary = DefaultDictionaryFactory().get_dictionary("de")
    for form in dictionary:
        lemma = dictionary[form]
        konj1 = form.islower() and lemma.endswith("en") and form == lemma[:-1]
        if (lemma in cues or konj1) and form != lemma:
            table.setdefault(form, lemma)
    for lemma in set(dictionary.values()):
        # a lower-case word at the start of a sentence ("Vorerst", "Egal") keeps its
        # lower-case lemma, as in training: without it the word would pass for a name
        capital = lemma[:1].upper() + lemma[1:]
        if lemma[:1].islower() and lemma.isalpha() and capital not in dictionary:
            table.setdefault(capital, lemma)
    return LemmaTable(table)
