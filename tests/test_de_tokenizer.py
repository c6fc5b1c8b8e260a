"""The pure-Python German tokenizer gives spaCy's tokens, and German runs without importing spaCy."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from onrecord.lang.de.tokenizer import RuleTokenizer, german_rules, german_tokenizer

#: written for these tests: abbreviations, ordinals, URLs, e-mail, dates, quote marks of every
#: kind, brackets, slashes, dashes, ellipses, emoticons, tabs, several spaces and line breaks
TEXTS = [
    "„Wir fangen heute an“, sagte die Bürgermeisterin am Montag in Leipzig.",
    "Dr. Meier (SPD) sagte z.B. am 3. Okt. 2025 um 14.30 Uhr: »Das geht so nicht!«",
    "Siehe https://www.example.org/pfad?x=1&y=2 bzw. info@example.de – u.a. auch www.test.de.",
    "Die Ausgaben stiegen um 12,5 % auf 3.400 Euro/Jahr; d.h. pro Kopf ca. 280 €.",
    "Er rief: ‚Nein…‘ – und ging.  Danach:\n\nNeuer Absatz\tmit Tab … und S-Bahn-Ticket.",
    "Ministerpräsident/-innen, Bund-Länder-Gipfel, 2:1-Sieg, 100-m-Lauf :) <3",
    "Hr. Müller, Str. 5, Nr. 7a; Inh.: Fa. Schulz & Co. KG, Tel. 030/123 45-6.",
    "\"Hallo\", sagte er.'Gut', antwortete sie.(Klar.)[Ja.]{Nein.}",
    "Usw. usf. etc. pp. Jan. Feb. Mrz. Abs. 3 S. 2 Nr. 1 GG i.V.m. § 5",
    "  \n Text mit Leerraum am Anfang und Ende \n\n",
]


def test_bundled_tokenizer_splits_like_spacy() -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("de")
    ours = german_tokenizer()
    for text in TEXTS:
        assert ours(text) == [(t.idx, t.text) for t in nlp.make_doc(text)], text


def test_random_mixtures_of_special_cases_and_punctuation_split_like_spacy() -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("de")
    ours = german_tokenizer()
    rng = random.Random(16)
    pieces = [*german_rules().specials, *"aXß.,;:!?-–()[]\"'„“‚‘»«…/%&+0 \n", "http://a.de/b", "U.S.A."]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        assert ours(text) == [(t.idx, t.text) for t in nlp.make_doc(text)], repr(text)


def test_bundled_rules_are_those_of_the_installed_spacy() -> None:
    """After a spaCy upgrade that changes German tokenization, regenerate the rules file."""
    spacy = pytest.importorskip("spacy")
    from onrecord.lang.de.tokenizer import export_rules

    live = export_rules(spacy.blank("de").tokenizer)
    bundled = german_rules()
    assert (live.prefix, live.suffix, live.infix, live.url, live.token_match, live.specials) == (
        bundled.prefix, bundled.suffix, bundled.infix, bundled.url, bundled.token_match, bundled.specials
    )  # fmt: skip


def test_special_cases_apply_over_the_token_sequence() -> None:
    """A special case split by the affix rules is restored by matching its tokens ("(z.B.)")."""
    rules = german_rules()
    tokenizer = RuleTokenizer(rules)
    assert [text for _, text in tokenizer("(z.B.)")] == ["(", "z.B.", ")"]
    assert [text for _, text in tokenizer("Nr. 3")] == ["Nr.", "3"]


_NO_SPACY = """
import sys
from onrecord.lang import get_extractor
extractor = get_extractor("de")
result = extractor.extract("„Wir fangen heute an“, sagte die Bürgermeisterin am Montag in Leipzig.")
assert result.quotes, result
loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("spacy", "thinc"))
print(loaded)
"""


def test_german_extraction_does_not_import_spacy() -> None:
    root = Path(__file__).resolve().parents[1]
    env = os.environ | {"PYTHONPATH": os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", _NO_SPACY], capture_output=True, text=True, timeout=180, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_no_letter_or_digit_is_ever_an_infix_and_no_url_lacks_a_dot() -> None:
    """What lets a word of letters and digits skip the infix and URL patterns (:meth:`_core`)."""
    import re

    rules = german_rules()
    infix, url = re.compile(rules.infix), re.compile(str(rules.url))
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char.isalnum():
            for context in (char, f"a{char}a", f"0{char}0", f"ä{char}ä", char * 3):
                assert infix.search(context) is None, hex(code)
    rng = random.Random(5)
    for _ in range(3000):
        word = "".join(rng.choice("abcXYZ09äé:/@-_+~#?%&=") for _ in range(rng.randint(1, 20)))
        assert url.match(word) is None, word
    assert url.match("www.example.org") is not None  # the pattern is the URL pattern


def test_a_text_of_plain_words_does_not_compile_the_infix_and_url_patterns() -> None:
    tokenizer = RuleTokenizer(german_rules())
    assert [text for _, text in tokenizer("Wir fangen heute an, sagte sie.")] == [
        "Wir", "fangen", "heute", "an", ",", "sagte", "sie", "."
    ]  # fmt: skip
    assert tokenizer._infix is None and tokenizer._url is None
    assert [text for _, text in tokenizer("S-Bahn 2-3")] == ["S-Bahn", "2", "-", "3"]
    assert tokenizer._infix is not None
