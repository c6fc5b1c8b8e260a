"""spaCy's attribute ruler, with its effect on a token computed once per kind of token.

Needs: a ``Doc`` tagged and parsed by en_core_web_sm and that pipeline's ``attribute_ruler``
(kept in the pipeline, switched off). Adds: the same POS, MORPH, LEMMA, TAG and DEP values the
attribute ruler sets, about thirty times faster.

The ruler runs a Matcher over every token of every document and spends a sixth of the English
analysis time doing so. Nearly all of its 179 rules look at one token only (its LOWER, TAG,
DEP, IS_SPACE), so their effect is a function of the token's (lower, tag, dep): it is worked out
once, on a one-token document, and cached. The few rules over two tokens ("there is", "gon
na", "let 's", …) are matched by a small Matcher of their own; a token they touch gets all its
matching rules applied in the ruler's own order (later rules win). The result is the ruler's,
token for token.
"""

from __future__ import annotations

import re
from typing import Any, cast

import numpy as np
from spacy.attrs import DEP, LEMMA, LOWER, MORPH, POS, TAG
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs  # type: ignore[import-not-found]

#: the attributes the ruler may set, in the order of the cached rows
SET_ATTRS = [POS, MORPH, LEMMA, TAG, DEP]
Key = tuple[int, int, int]
#: the word standing in for every word no rule names (no rule names it)
OTHER_WORD = "onrecord-any-word"
#: the token attributes the rules may test for the cache to be exact
KNOWN_KEYS = frozenset({"LOWER", "TAG", "DEP", "IS_SPACE"})


def _lower_values(ruler: AttributeRuler) -> tuple[frozenset[str] | None, list[re.Pattern[str]]]:
    """The lower-case forms the single-token rules name, and their LOWER regexes; None for the
    forms when a rule tests something else (then every word is its own cache key)."""
    words: set[str] = set()
    regexes: list[re.Pattern[str]] = []
    rules: list[dict[str, Any]] = list(ruler.patterns)
    for rule in rules:
        for pattern in rule["patterns"]:
            for token in pattern:
                if not set(token) <= KNOWN_KEYS:
                    return None, []
                value = token.get("LOWER")
                if isinstance(value, str):
                    words.add(value)
                elif isinstance(value, dict):
                    if set(value) - {"IN", "REGEX"}:
                        return None, []
                    words.update(value.get("IN", ()))
                    if "REGEX" in value:
                        regexes.append(re.compile(value["REGEX"]))
    if OTHER_WORD in words or any(r.search(OTHER_WORD) for r in regexes):
        return None, []
    return frozenset(words), regexes


def _trigger_words(patterns: list[list[dict[str, Any]]]) -> tuple[frozenset[str], list[re.Pattern[str]]] | None:
    """The lower forms and LOWER regexes of multi-token patterns, if every pattern names one."""
    words: set[str] = set()
    regexes: list[re.Pattern[str]] = []
    for pattern in patterns:
        named = False
        for token in pattern:
            value = token.get("LOWER")
            if isinstance(value, str):
                words.add(value)
                named = True
            elif isinstance(value, dict) and ("IN" in value or "REGEX" in value) and not set(value) - {"IN", "REGEX"}:
                words.update(value.get("IN", ()))  # type: ignore[arg-type]
                if "REGEX" in value:
                    regexes.append(re.compile(str(value["REGEX"])))
                named = True
        if not named:
            return None
    return frozenset(words), regexes


class CachedAttributeRuler:
    """Applies an :class:`AttributeRuler`'s rules from a cache keyed by (lower, tag, dep)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.vocab = ruler.vocab
        self.multi = Matcher(self.vocab)
        multi_patterns: list[list[dict[str, Any]]] = []
        rules: list[dict[str, Any]] = list(ruler.patterns)
        for rule_id, rule in enumerate(rules):
            longer = [pattern for pattern in rule["patterns"] if len(pattern) > 1]
            if longer:
                self.multi.add(str(rule_id), longer)
                multi_patterns.extend(longer)
        self._width = max((len(pattern) for pattern in multi_patterns), default=1)
        #: lower forms that can take part in a multi-token rule (None: look everywhere)
        self._triggers = _trigger_words(multi_patterns)
        self._is_trigger: dict[int, bool] = {}
        self._rows: dict[Key, tuple[int, int, int, int, int]] = {}
        self._lowers, self._regexes = _lower_values(ruler)
        #: LOWER hash -> the LOWER hash that stands for it in the cache key
        self._stand_in: dict[int, int] = {}
        self._other = self.vocab.strings.add(OTHER_WORD)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        keys = doc.to_array([LOWER, TAG, DEP]).tolist()
        # the multi-token rules match on the tokens as the parser left them
        touched: dict[int, set[int]] = {}
        for match_id, start, end in self._multi_matches(doc, keys):
            rule_id = int(self.vocab.strings[match_id])
            touched.setdefault(doc[start:end][self.ruler.indices[rule_id]].i, set()).add(rule_id)
        stand_in = self._stand_in
        for key in keys:
            lower = stand_in.get(key[0])
            if lower is None:
                lower = stand_in[key[0]] = self._stand_in_for(key[0])
            key[0] = lower
        rows = self._rows
        values = []
        for key in keys:
            row = rows.get(key := tuple(key))  # type: ignore[arg-type]
            if row is None:
                row = rows[key] = self._single(key)  # type: ignore[arg-type]
            values.append(row)
        doc.from_array(SET_ATTRS, cast(Any, np.array(values, dtype="uint64")))
        for i, rule_ids in sorted(touched.items()):
            self._apply_all(doc, i, tuple(keys[i]), rule_ids)  # type: ignore[arg-type]
        return doc

    def _multi_matches(self, doc: Doc, keys: list[list[int]]) -> list[tuple[int, int, int]]:
        """The multi-token rule matches of a document: the Matcher runs only around the words
        that can take part in one (a few in a hundred tokens)."""
        if self._triggers is None:
            return list(self.multi(doc, allow_missing=True))
        words, regexes = self._triggers
        is_trigger = self._is_trigger
        found: set[tuple[int, int, int]] = set()
        for i, key in enumerate(keys):
            hit = is_trigger.get(key[0])
            if hit is None:
                text = self.vocab.strings[key[0]]
                hit = is_trigger[key[0]] = text in words or any(r.search(text) for r in regexes)
            if hit:
                begin = max(0, i - self._width + 1)
                window = doc[begin : i + self._width]
                found.update((m, begin + s, begin + e) for m, s, e in self.multi(window, allow_missing=True))
        return sorted(found, key=lambda m: (m[1], m[2], m[0]))

    def _stand_in_for(self, lower: int) -> int:
        """The word a token's cache key holds: its own lower form if a rule names it (or it is
        whitespace), else one neutral word for all others."""
        text = self.vocab.strings[lower]
        if self._lowers is None or text in self._lowers or text.isspace() or any(r.search(text) for r in self._regexes):
            return lower
        return self._other

    def _mini(self, key: Key) -> Doc:
        """A one-token document holding a token of this (lower, tag, dep)."""
        lower, tag, dep = key
        mini = Doc(self.vocab, words=[self.vocab.strings[lower]])
        token = mini[0]
        token.tag, token.dep = tag, dep
        return mini

    def _single(self, key: Key) -> tuple[int, int, int, int, int]:
        """What the one-token rules do to a token of this kind."""
        mini = self.ruler(self._mini(key))
        row = mini.to_array(SET_ATTRS)[0]
        return int(row[0]), int(row[1]), int(row[2]), int(row[3]), int(row[4])

    def _apply_all(self, doc: Doc, i: int, key: Key, multi_rules: set[int]) -> None:
        """A token hit by a multi-token rule: all its rules again, in the ruler's order."""
        rule_ids = {match[0] for match in self.ruler.match(self._mini(key))} | multi_rules
        token = doc[i]
        # the token as the parser left it, then every matching rule in order (later ones win)
        token.pos, token.lemma, token.tag, token.dep = 0, 0, key[1], key[2]
        token.set_morph(None)  # type: ignore[attr-defined]
        for rule_id in sorted(rule_ids):
            set_token_attrs(token, self.ruler.attrs[rule_id])
