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

#: the stored value of a form whose lemma is the form with its first letter in lower case
#: ("Vorerst" → "vorerst"; two thirds of the table): one shared object instead of a string per form
_LOWER_FIRST = "\x00lower-first"


def _lower_first(word: str) -> str:
    return word[:1].lower() + word[1:]


class LemmaTable:
    """form → lemma lookups from a TSV file (``form<TAB>lemma``, only where they differ)."""

    def __init__(self, table: dict[str, str]) -> None:
        self._stored = {form: _compact(form, lemma) for form, lemma in table.items()}

    @property
    def table(self) -> dict[str, str]:
        """The full form → lemma mapping."""
        return {form: self._expand(form, value) for form, value in self._stored.items()}

    @staticmethod
    def _expand(form: str, value: str) -> str:
        return _lower_first(form) if value is _LOWER_FIRST else value

    def get(self, form: str) -> str | None:
        """The stored lemma of ``form``, or None."""
        value = self._stored.get(form)
        if value is _LOWER_FIRST:
            return _lower_first(form)
        return value

    def __call__(self, word: str) -> str:
        stored = self._stored  # :meth:`get`, inlined: one lookup per token
        found = stored.get(word)
        if found is not None:
            return _lower_first(word) if found is _LOWER_FIRST else found
        if word[:1].isupper():
            lower = word.lower()
            low = stored.get(lower)
            if low is _LOWER_FIRST:
                low = _lower_first(lower)
            if low is not None and not low[:1].isupper():
                return low
        return word

    @classmethod
    def load(cls, path: Path) -> LemmaTable:
        table = cls({})
        stored = table._stored
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ModelError(f"{path}: cannot read the lemma table ({exc})") from exc
        lemmas: dict[str, str] = {}  # forms of one lemma share its string (20,700 for 28,600 rows)
        for line in text.splitlines():
            if "\t" in line:
                form, lemma = line.split("\t", 1)
                if lemma != form and lemma == form[:1].lower() + form[1:]:  # _compact, inlined
                    stored[form] = _LOWER_FIRST
                else:
                    stored[form] = lemmas.setdefault(lemma, lemma)
        return table

    def save(self, path: Path) -> None:
        rows = (f"{form}\t{lemma}" for form, lemma in sorted(self.table.items()))
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def _compact(form: str, lemma: str) -> str:
    """What the table stores for ``form``: :data:`_LOWER_FIRST` or the lemma itself."""
    return _LOWER_FIRST if lemma == _lower_first(form) and lemma != form else lemma


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
