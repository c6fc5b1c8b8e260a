"""spaCy's German rule tokenizer, re-implemented in pure Python so German needs no spaCy.

Importing spaCy costs 0.7-1.2 s of CPU, the larger half of German start-up, and German used
it only for ``spacy.blank("de").make_doc``: token boundaries. This module applies the same
rules (prefix, suffix and infix patterns, the URL pattern and the 417 special cases of
spaCy 3.8's German, exported to ``data/tokenizer-rules.json`` by :func:`export_rules`) with the
same algorithm as spaCy's ``Tokenizer.__call__`` (``spacy/tokenizer.pyx``): whitespace chunks,
affixes stripped outside-in with the special-case checks in between, infixes, and the final
special-case matching over the token sequence with the longest-first, no-overlap filter.
The tokens, offsets included, are the same as spaCy's (checked over all bench-de texts and by
``tests/test_de_tokenizer.py`` against spaCy where it is installed).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

#: the rules file beside this module (written by :func:`export_rules`)
RULES_FILE = "tokenizer-rules.json"
_NEVER = re.compile("a^")
#: chunk tokenizations remembered (spaCy caches the same way; news vocabulary repeats)
_CACHE_LIMIT = 200_000


@dataclass(frozen=True)
class TokenizerRules:
    """The data of a spaCy rule tokenizer: patterns and special cases (chunk -> token texts)."""

    prefix: str
    suffix: str
    infix: str
    url: str | None
    token_match: str | None
    specials: dict[str, tuple[str, ...]]
    spacy_version: str = ""
    #: the special cases spaCy also matches over the token sequence, as the tokens the affix
    #: rules split them into (derived from the rest by :func:`matched_specials`)
    matched: tuple[tuple[str, ...], ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "spacy_version": self.spacy_version,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "infix": self.infix,
            "url": self.url,
            "token_match": self.token_match,
            "specials": {key: list(value) for key, value in sorted(self.specials.items())},
            "matched": [list(words) for words in self.matched],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TokenizerRules:
        return cls(
            prefix=data["prefix"], suffix=data["suffix"], infix=data["infix"], url=data["url"],
            token_match=data["token_match"], spacy_version=data.get("spacy_version", ""),
            specials={key: tuple(value) for key, value in data["specials"].items()},
            matched=tuple(tuple(words) for words in data.get("matched", ())),
        )  # fmt: skip


def export_rules(tokenizer: Any) -> TokenizerRules:
    """The rules of a live ``spacy.tokenizer.Tokenizer`` (e.g. ``spacy.blank("de").tokenizer``)."""
    import spacy
    from spacy.symbols import ORTH

    def pattern(bound: Any) -> str | None:
        return None if bound is None else str(bound.__self__.pattern)

    specials = {
        chunk: tuple(str(part.get(ORTH, part.get("ORTH", ""))) for part in parts)
        for chunk, parts in tokenizer.rules.items()
    }
    rules = TokenizerRules(
        prefix=str(pattern(tokenizer.prefix_search)), suffix=str(pattern(tokenizer.suffix_search)),
        infix=str(pattern(tokenizer.infix_finditer)), url=pattern(tokenizer.url_match),
        token_match=pattern(tokenizer.token_match), specials=specials, spacy_version=spacy.__version__,
    )  # fmt: skip
    return replace(rules, matched=matched_specials(rules))


def matched_specials(rules: TokenizerRules) -> tuple[tuple[str, ...], ...]:
    """The special cases that spaCy matches over the token sequence (``add_special_case`` with
    ``faster_heuristics``: those the affix rules would split, or with a space), each as the
    tokens the affix rules alone split it into, in sorted order of the cases."""
    bare = RuleTokenizer(replace(rules, specials={}))
    out: list[tuple[str, ...]] = []
    for chunk in sorted(rules.specials):
        if bare._find_prefix(chunk) or bare._find_suffix(chunk) or bare._infix_matches(chunk) or " " in chunk:
            out.append(tuple(text for _, text in bare._tokenize_text(chunk, False)))
    return tuple(out)


@cache
def german_rules() -> TokenizerRules:
    """The bundled German rules."""
    raw = resources.files("onrecord.lang.de").joinpath("data", RULES_FILE).read_text(encoding="utf-8")
    return TokenizerRules.from_json(json.loads(raw))


class RuleTokenizer:
    """Splits a text into ``(offset, text)`` tokens exactly as spaCy's ``Tokenizer`` with these rules.

    Whitespace other than a single space between chunks becomes tokens of its own, as in spaCy.
    """

    def __init__(self, rules: TokenizerRules) -> None:
        self._prefix = re.compile(rules.prefix).search
        self._suffix = re.compile(rules.suffix).search
        # the infix and URL patterns (0.1 s of the 0.15 s it takes to compile all four) are
        # compiled on first use: a word of letters and digits only never needs them (see
        # :meth:`_core`), and a short text may have no other word
        self._infix_pattern, self._url_pattern = rules.infix, rules.url
        self._infix: Any = None
        self._url: Any = None
        self._token_match = (re.compile(rules.token_match) if rules.token_match is not None else _NEVER).match
        self._specials = rules.specials
        self._cache: dict[str, tuple[str, ...]] = {}
        self._trie: dict[str, Any] = {}
        for words in rules.matched:
            self._add_pattern(words)

    def _infix_matches(self, string: str) -> list[re.Match[str]]:
        if self._infix is None:
            self._infix = re.compile(self._infix_pattern).finditer
        return list(self._infix(string))

    def _url_match(self, string: str) -> bool:
        if self._url is None:
            self._url = (re.compile(self._url_pattern) if self._url_pattern is not None else _NEVER).match
        return self._url(string) is not None

    # ------------------------------------------------------------------ the algorithm

    def __call__(self, text: str) -> list[tuple[int, str]]:
        """All tokens of ``text`` (whitespace tokens included) as (character offset, text)."""
        tokens = self._tokenize_text(text, True)
        return self._apply_special_matches(text, tokens) if self._trie else tokens

    def _tokenize_text(self, text: str, specials: bool) -> list[tuple[int, str]]:
        out: list[tuple[int, str]] = []
        if not text:
            return out
        start = 0
        in_ws = text[0].isspace()
        for i, char in enumerate(text):
            if char.isspace() != in_ws:
                if start < i:
                    self._chunk(text[start:i], start, specials, out)
                start = i + 1 if char == " " else i
                in_ws = not in_ws
        if start < len(text):
            self._chunk(text[start:], start, specials, out)
        return out

    def _chunk(self, chunk: str, offset: int, specials: bool, out: list[tuple[int, str]]) -> None:
        parts = self._specials.get(chunk) if specials else None
        if parts is None:
            parts = self._cache.get(chunk) if specials else None
            if parts is None:
                parts = self._split(chunk, specials)
                if specials and len(self._cache) < _CACHE_LIMIT:
                    self._cache[chunk] = parts
        for part in parts:
            out.append((offset, part))
            offset += len(part)

    def _find_prefix(self, string: str) -> int:
        match = self._prefix(string)
        return match.end() - match.start() if match is not None else 0

    def _find_suffix(self, string: str) -> int:
        match = self._suffix(string)
        return match.end() - match.start() if match is not None else 0

    def _split(self, string: str, specials: bool) -> tuple[str, ...]:
        """One whitespace-free chunk: ``_split_affixes`` then ``_attach_tokens`` of spaCy."""
        prefixes: list[str] = []
        suffixes: list[str] = []
        last_size = -1
        while string and len(string) != last_size:
            if self._token_match(string):
                break
            if specials and string in self._specials:
                break
            last_size = len(string)
            pre_len = self._find_prefix(string)
            if pre_len:
                prefix, minus_pre = string[:pre_len], string[pre_len:]
                if minus_pre and specials and minus_pre in self._specials:
                    string = minus_pre
                    prefixes.append(prefix)
                    break
            suf_len = self._find_suffix(string[pre_len:])
            if suf_len:
                suffix, minus_suf = string[-suf_len:], string[:-suf_len]
                if minus_suf and specials and minus_suf in self._specials:
                    string = minus_suf
                    suffixes.append(suffix)
                    break
            if pre_len and suf_len and pre_len + suf_len <= len(string):
                string = string[pre_len:-suf_len]
                prefixes.append(prefix)
                suffixes.append(suffix)
            elif pre_len:
                string = minus_pre
                prefixes.append(prefix)
            elif suf_len:
                string = minus_suf
                suffixes.append(suffix)
        return (*prefixes, *self._core(string, specials), *reversed(suffixes))

    def _core(self, string: str, specials: bool) -> tuple[str, ...]:
        if not string:
            return ()
        if specials and string in self._specials:
            return self._specials[string]
        if self._token_match(string):
            return (string,)
        if string.isalnum():
            # no infix alternative consumes a letter or digit and a URL has a dot, so a word of
            # letters and digits stays whole (tests check both for every code point)
            return (string,)
        if self._url_match(string):
            return (string,)
        matches = self._infix_matches(string)
        if not matches:
            return (string,)
        parts: list[str] = []
        start = 0
        for match in matches:
            infix_start, infix_end = match.start(), match.end()
            if infix_start == 0:
                continue
            if infix_start != start:
                parts.append(string[start:infix_start])
            if infix_start != infix_end:
                parts.append(string[infix_start:infix_end])
            start = infix_end
        if string[start:]:
            parts.append(string[start:])
        return tuple(parts)

    # ------------------------------------------------------------------ special cases over tokens

    def _add_pattern(self, words: tuple[str, ...]) -> None:
        node = self._trie
        for word in words:
            node = node.setdefault(word, {})
        node[""] = True  # terminal (no token text is empty)

    def _apply_special_matches(self, text: str, tokens: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """spaCy's ``_apply_special_cases``: PhraseMatcher matches of the special cases, the
        longest first (the earlier of equal length), each kept unless its first or last token
        is taken; a match whose text is a special case becomes that case's tokens."""
        matches: list[tuple[int, int]] = []
        n = len(tokens)
        for start in range(n):
            node = self._trie.get(tokens[start][1])
            end = start + 1
            while node is not None:
                if "" in node:
                    matches.append((start, end))
                if end >= n:
                    break
                node = node.get(tokens[end][1])
                end += 1
        if not matches:
            return tokens
        matches.sort(key=lambda m: (m[1] - m[0], -m[0]))
        seen: set[int] = set()
        kept: list[tuple[int, int]] = []
        for start, end in reversed(matches):
            if start not in seen and end - 1 not in seen:
                kept.append((start, end))
            seen.update(range(start, end))
        out: list[tuple[int, str]] = []
        i = 0
        for start, end in sorted(kept):
            out.extend(tokens[i:start])
            first, last = tokens[start], tokens[end - 1]
            parts = self._specials.get(text[first[0] : last[0] + len(last[1])])
            if parts is None:
                out.extend(tokens[start:end])
            else:
                offset = first[0]
                for part in parts:
                    out.append((offset, part))
                    offset += len(part)
            i = end
        out.extend(tokens[i:])
        return out


@cache
def german_tokenizer() -> RuleTokenizer:
    """The German tokenizer (built once per process)."""
    return RuleTokenizer(german_rules())
