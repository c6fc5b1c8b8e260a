"""Matching keys for names: folding, exact keys, transliteration keys and surname candidates.

All functions here are pure and deterministic; they only depend on the text and on the
packaged list of surnames written first (``data/surnames_first.tsv``).

* :func:`fold` — the spelling-insensitive form every other key starts from;
* :func:`name_key` — the exact-match key (honorifics dropped for people);
* :func:`translit_key` — a looser key under which German and English transliterations of the
  same (mostly Cyrillic) name collide: *Selenskyj* / *Zelensky*, *Nawalny* / *Navalny*;
* :func:`surname_candidates` — the keys under which a full person name is referred to alone.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from unidecode import unidecode

from onrecord.model import EntityType

# --- folding -------------------------------------------------------------------------------

_DROP = re.compile(r"['.`´]")  # joined: "U.S." -> "us", "O'Brien" -> "obrien"
_SPLIT = re.compile(r"[^0-9a-z&]+")  # hyphens, slashes, commas, brackets ... -> one space


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case-folded ASCII form: diacritics stripped (ü→u, ß→ss, ø→o, é→e via unidecode),
    apostrophes and periods removed (``U.S.`` → ``us``), every other run of punctuation,
    hyphens and whitespace collapsed to one space (``Jae-in`` → ``jae in``)."""
    s = unidecode(text).casefold()
    s = _DROP.sub("", s)
    return _SPLIT.sub(" ", s).strip()


# --- exact keys ----------------------------------------------------------------------------

HONORIFICS = frozenset(
    {
        "dr",
        "prof",
        "professor",
        "hc",
        "herr",
        "herrn",
        "frau",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "sir",
        "dame",
        "mme",
        "mlle",
        "monsieur",
        "madame",
    }
)  # clear forms of address only: titles of office ("President", "Kanzler") are roles, not names
ARTICLES = frozenset({"the", "der", "die", "das", "des", "dem", "den"})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
PARTICLES = frozenset(
    {
        "von",
        "vom",
        "zu",
        "zum",
        "zur",
        "van",
        "de",
        "der",
        "den",
        "del",
        "della",
        "di",
        "da",
        "du",
        "le",
        "la",
        "ten",
        "ter",
        "bin",
        "ibn",
    }
)
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


def _strip_honorifics(tokens: list[str]) -> list[str]:
    """Drop leading forms of address ("Prof. Dr. h.c.", "Herr", "Mrs") while a name remains."""
    i = 0
    while i < len(tokens) - 1 and fold(tokens[i]) in HONORIFICS:
        i += 1
    return tokens[i:]


def person_tokens(name: str) -> list[str]:
    """The words of a person name as written (split on whitespace), without an English
    possessive ("Obama's"), leading honorifics and trailing generational suffixes ("Jr.")."""
    tokens = [t for t in _POSSESSIVE.sub("", name.strip()).split() if fold(t)]
    tokens = _strip_honorifics(tokens)
    while len(tokens) > 1 and fold(tokens[-1]) in SUFFIXES:
        tokens = tokens[:-1]
    return tokens


def name_key(name: str, type: EntityType) -> str:
    """The exact-match key of a name of the given type.

    Persons: folded words without an explicit English possessive (``Obama's``), leading
    honorifics (``Dr.``, ``Herr``, ``Mrs``) and generational suffixes (``Jr.``); a bare German
    genitive ``-s`` (``Merkels``) is *not* stripped here — the index tries that stem only as a
    fallback. Other types: folded, without a leading article when words remain
    (``the White House`` → ``white house``)."""
    if type == "person":
        return " ".join(fold(t) for t in person_tokens(name))
    words = fold(name).split()
    while len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


# --- transliteration keys ------------------------------------------------------------------

_VOWELS = frozenset("aeiou")
# left-to-right, longest first; upper-case letters are internal sound classes:
# C = the "ch" sounds (German tsch/ch, English ch/kh, French tch), S = the "sh" sounds (sch/sh/zh)
_GRAPHEMES: tuple[tuple[str, str], ...] = (
    ("schtsch", "SC"),
    ("shch", "SC"),
    ("tsch", "C"),
    ("tch", "C"),
    ("sch", "S"),
    ("sh", "S"),
    ("zh", "S"),
    ("ch", "C"),
    ("kh", "C"),
    ("ph", "f"),
    ("th", "t"),
    ("ck", "k"),
    ("ts", "s"),
    ("tz", "s"),
    ("x", "ks"),
    ("w", "v"),
    ("z", "s"),
    ("q", "k"),
)


def umlaut_digraphs(word: str) -> str:
    """German umlauts written out: ae→a, oe→o, ue→u (``Mueller`` = ``Müller`` = ``Muller``)."""
    return word.replace("ae", "a").replace("oe", "o").replace("ue", "u")


_GRAPHEME_RE = re.compile("|".join(re.escape(src) for src, _ in _GRAPHEMES))  # alternatives longest first
_GRAPHEME_MAP = dict(_GRAPHEMES)


def consonant_graphemes(word: str) -> str:
    """Map the spellings of one sound to one symbol: tsch/tch/ch/kh → C (Tschaikowski /
    Tchaikovsky, Chodorkowski / Khodorkovsky), sch/sh/zh → S (Schoigu / Shoigu, Prigoschin /
    Prigozhin), schtsch/shch → SC, w→v (Lawrow / Lavrov), z/ts/tz→s (Selenskyj / Zelensky,
    Jelzin / Yeltsin), x→ks, ph→f, th→t, ck→k, q→k (left to right, longest spelling first)."""
    return _GRAPHEME_RE.sub(lambda m: _GRAPHEME_MAP[m.group(0)], word)


def soft_c(word: str) -> str:
    """A remaining c is s before e/i/y and k elsewhere (Marcel → marsel, Carl → karl)."""
    return re.sub(r"c(?=[eiy])", "s", word).replace("c", "k")


def glides(word: str) -> str:
    """j and y between two vowels are the glide y (Sergejewitsch / Sergeyevich, Maja / Maya,
    Meyer stays apart from Meier); elsewhere they are i (Jurij / Yuri, Nawalny / Navalny, the
    endings -yj/-ij/-iy/-yy/-y/-i of Selenskyj / Zelenskiy / Zelenskyy)."""
    chars = list(word)
    for i, ch in enumerate(chars):
        if ch in "jy":
            between = 0 < i < len(chars) - 1 and word[i - 1] in _VOWELS and word[i + 1] in _VOWELS
            chars[i] = "y" if between else "i"
    return "".join(chars).replace("iy", "i")  # Yuliya / Julija / Yulia


def vowel_runs(word: str) -> str:
    """German ie is i (Kiew / Kiev / Kyiv, Dmitrij / Dmitriy); ov is also the ending -ev after a
    hushing consonant (Gorbatschow / Gorbachev, Chruschtschow / Khrushchev)."""
    word = word.replace("ie", "i")
    return re.sub(r"([CS])ev$", r"\1ov", word)


def collapse_doubles(word: str) -> str:
    """A letter written twice is one (Zelenskyy, Saporischschja, Tscherkassy → one s)."""
    return re.sub(r"(.)\1+", r"\1", word)


@lru_cache(maxsize=1 << 16)
def translit_word(word: str) -> str:
    """The transliteration key of one folded word: the rules above, in order."""
    for rule in (umlaut_digraphs, consonant_graphemes, soft_c, glides, vowel_runs, collapse_doubles):
        word = rule(word)
    return word


def translit_key(name: str) -> str:
    """A loose phonetic key for person (and place) names across German and English
    transliterations. Vowels other than the glides stay distinct, so Merkel ≠ Markel and
    Müller ≠ Miller (different surnames, not spellings of one) while Müller = Mueller."""
    words = fold(" ".join(person_tokens(name))).split()
    return " ".join(translit_word(w) for w in words)


# --- surnames ------------------------------------------------------------------------------

_PINYIN_INITIALS = (
    "",
    "b",
    "p",
    "m",
    "f",
    "d",
    "t",
    "n",
    "l",
    "g",
    "k",
    "h",
    "j",
    "q",
    "x",
    "zh",
    "ch",
    "sh",
    "r",
    "z",
    "c",
    "s",
    "y",
    "w",
)
_PINYIN_FINALS = (
    "a",
    "o",
    "e",
    "i",
    "u",
    "ai",
    "ei",
    "ao",
    "ou",
    "an",
    "en",
    "ang",
    "eng",
    "ong",
    "er",
    "ia",
    "ie",
    "iao",
    "iu",
    "ian",
    "in",
    "iang",
    "ing",
    "iong",
    "ua",
    "uo",
    "uai",
    "ui",
    "uan",
    "un",
    "uang",
    "ue",
)
PINYIN_SYLLABLES = frozenset(i + f for i in _PINYIN_INITIALS for f in _PINYIN_FINALS)


def is_pinyin(word: str) -> bool:
    """Whether a folded word splits into (a superset of) Mandarin pinyin syllables
    ("jinping" = jin+ping, "keqiang" = ke+qiang); Western given names mostly do not."""
    ok = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        ok[end] = any(ok[start] and word[start:end] in PINYIN_SYLLABLES for start in range(max(0, end - 6), end))
    return bool(word) and ok[-1]


@lru_cache(maxsize=1)
def surnames_first() -> dict[str, frozenset[str]]:
    """Folded surnames commonly written first (Chinese "zh", Korean "ko", Japanese "ja"),
    from ``data/surnames_first.tsv``, each with the languages it is listed for."""
    table: dict[str, set[str]] = {}
    text = resources.files("onrecord.resolve").joinpath("data/surnames_first.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            surname, lang = (line.split("\t") + [""])[:2]
            table.setdefault(fold(surname), set()).add(lang.strip())
    return {k: frozenset(v) for k, v in table.items()}


def _is_korean_given(token: str) -> bool:
    """A hyphenated given name of short syllables: Jae-in, Jong-un, Ki-moon, Ing-wen."""
    parts = token.split("-")
    return len(parts) == 2 and all(1 <= len(fold(p)) <= 6 for p in parts)


def _particle_start(words: list[str]) -> int | None:
    """The index where a surname with particles begins ("von der Leyen", "de Gaulle")."""
    for i in range(1, len(words) - 1):
        if all(w in PARTICLES for w in words[i:-1]):
            return i
    return None


def is_surname_only(name: str) -> bool:
    """Whether a person name is a bare surname: one word, or a surname with its particles
    ("von der Leyen", "Le Pen", "al-Assad")."""
    words = [fold(t) for t in person_tokens(name)]
    return len(words) == 1 or (len(words) > 1 and all(w in PARTICLES for w in words[:-1]))


def genitive_stem(name: str) -> str | None:
    """The name without a German genitive -s, when it may be one ("Merkels" → "Merkel"): its
    last word has five letters or more and ends in -s but not -ss; else None."""
    words = name.split()
    last = words[-1] if words else ""
    if len(last) >= 5 and last.endswith("s") and not last.endswith("ss"):
        return " ".join([*words[:-1], last[:-1]])
    return None


def _arabic_article(key: str) -> list[str]:
    """ "al assad" may also be written "assad"."""
    head, _, rest = key.partition(" ")
    return [rest] if head in {"al", "el", "as", "ad", "an", "ar", "at"} and rest else []


def surname_candidates(name: str) -> tuple[str, ...]:
    """Folded keys under which a full person name can be referred to alone, preferred first.

    * Western names: the last word ("Olaf Scholz" → ``scholz``; "Annegret Kramp-Karrenbauer"
      → ``kramp karrenbauer``), with its particles ("Ursula von der Leyen" → ``von der leyen``;
      a single ``von``/``zu`` also allows the bare word: "zu Guttenberg", "Guttenberg") and
      without an Arabic article ("Bashar al-Assad" → ``al assad``, ``assad``);
    * surname first (first word listed in ``surnames_first.tsv``): the first word alone when the
      given name is a hyphenated Korean/Taiwanese one ("Moon Jae-in"), Mandarin pinyin after a
      Chinese surname ("Xi Jinping") or two or more short syllables ("Kim Jong Un");
      otherwise ambiguous ("Abe Shinzo", "Kim Wilde"): both, the first word first.

    A bare surname yields itself. Returns ``()`` for an empty name."""
    tokens = person_tokens(name)
    words = [fold(t) for t in tokens]
    if not words:
        return ()
    if is_surname_only(name):
        key = " ".join(words)
        return (key, *_arabic_article(key))
    out: list[str] = []
    langs = surnames_first().get(words[0])
    if langs:
        given = tokens[1:]
        certain = (
            (len(given) == 1 and _is_korean_given(given[0]))
            or ("zh" in langs and len(given) == 1 and is_pinyin(words[1]))
            or (len(given) >= 2 and all(len(fold(g)) <= 5 for g in given))
        )
        out.append(words[0])
        if certain:
            return tuple(out)
    start = _particle_start(words)
    if start is not None:
        out.append(" ".join(words[start:]))
        if words[start:-1] in (["von"], ["zu"]):
            out.append(words[-1])
    else:
        out.append(words[-1])
        out.extend(_arabic_article(words[-1]))
    return tuple(dict.fromkeys(out))
