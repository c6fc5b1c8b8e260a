"""The outlet that publishes an article, named from its metadata (issue 13, points 3 and 5).

An article's :class:`~onrecord.model.Meta` may say where it ran: ``source`` (the outlet's name,
from a JSONL ``source`` field, a text header or an HTML page's site name) and ``url``. From them
:func:`own_outlet` derives the ways the outlet writes its own name:

* the ``source`` string as given ("Die Presse") and without a leading article ("Presse");
* the ``url``'s host without "www." ("derstandard.at") and its stem ("derstandard", matched
  as written in capitals or with an inner capital: "derStandard", "ORF");
* the forms that ``data/outlet_names.txt`` lists for the host or the source name
  ("derstandard.at" → "STANDARD", "derStandard", "der Standard");
* for an outlet the file does not list, also the source without its leading article ("Die
  Lauterbacher Rundschau" → "Lauterbacher Rundschau") and the host stem in title case
  ("semafor.com" → "Semafor"). A listed outlet is found only as its file says: one whose name
  is a common word ("Die Zeit", "Die Welt") by "ZEIT" and "Die Zeit", never by "Zeit".

A word names the outlet when it is one of these forms as written, or a form in capitals
("KURIER" for "Kurier"). The language extractors read the outlet of the article they work on
through :func:`current_own_outlet`, which :func:`using_own_outlet` sets for one extraction:
its mentions are an organisation of kind ``outlet``, never a speaker ("sagte sie dem KURIER",
"told the Courier"), and a source phrase it owns is the writer's own voice ("Wie der KURIER
erfuhr"). An article without such metadata has no own outlet (None), and the extractors fall
back to their static lexicons (German ``own_outlets.txt``), exactly as before.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from importlib import resources
from urllib.parse import urlsplit

from onrecord.model import Meta

__all__ = ["OwnOutlet", "current_own_outlet", "own_outlet", "using_own_outlet"]

#: leading articles that a source name may carry ("Die Presse", "The Guardian")
_ARTICLES = frozenset({"der", "die", "das", "the"})
#: second-level labels under which a country's hosts sit ("bbc.co.uk", "abc.net.au", "orf.gv.at")
_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "ac", "gv", "or", "gov"})

_CURRENT: ContextVar[OwnOutlet | None] = ContextVar("onrecord_own_outlet", default=None)


@dataclass(frozen=True)
class OwnOutlet:
    """The ways an article's own outlet writes its name: ``forms`` (as written, one or several
    words) and ``stems`` (host stems, lower case: "derstandard")."""

    forms: frozenset[str]
    stems: frozenset[str] = frozenset()

    def names_word(self, word: str) -> bool:
        """Whether one word names the outlet: a one-word form as written or in capitals
        ("Kurier", "KURIER"), or a host stem written with a capital ("derStandard", "ORF")."""
        if word in self.forms:
            return True
        folded = word.casefold()
        if word.isupper() and len(word) > 1 and any(f.casefold() == folded for f in self.forms if " " not in f):
            return True
        # a stem counts only written with an inner capital or in capitals ("derStandard", "ORF"):
        # in lower case it is often a common word ("heute" of heute.at, "independent", "time")
        return folded in self.stems and any(c.isupper() for c in word[1:])

    def names(self, words: Sequence[str]) -> bool:
        """Whether the words name the outlet: one word as :meth:`names_word` says, or several
        that are a form as written or in capitals ("Die Presse", "Salzburger Nachrichten")."""
        if len(words) == 1:
            return self.names_word(words[0])
        joined = " ".join(words)
        if joined in self.forms:
            return True
        return joined.isupper() and any(f.upper() == joined for f in self.forms)


def own_outlet(meta: Meta) -> OwnOutlet | None:
    """The outlet the metadata names (see the module), or None when it names none."""
    source = " ".join((meta.source or "").split())
    host = _host(meta.url or "")
    if not source and not host:
        return None
    listed = [*_listed(host), *_listed(source)]
    forms = {source, host, *listed} - {""}
    stem = _stem(host)
    if not listed:
        forms.add(_without_article(source))
        if stem.isalpha() and not source:
            forms.add(stem[:1].upper() + stem[1:])  # "semafor.com" → "Semafor" (no source name given)
    return OwnOutlet(forms=frozenset(f for f in forms if f), stems=frozenset({stem} - {""}))


def current_own_outlet() -> OwnOutlet | None:
    """The own outlet of the article being extracted (None outside :func:`using_own_outlet` or
    for an article without outlet metadata)."""
    return _CURRENT.get()


@contextmanager
def using_own_outlet(outlet: OwnOutlet | None) -> Iterator[None]:
    """Make ``outlet`` the :func:`current_own_outlet` while the block runs."""
    token = _CURRENT.set(outlet)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def _host(url: str) -> str:
    """The host of a web address without "www." ("https://www.diepresse.com/1" → "diepresse.com");
    a bare host ("derstandard.at/story") counts too."""
    url = url.strip()
    if not url:
        return ""
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


def _stem(host: str) -> str:
    """The name part of a host: the label before its public suffix ("derstandard.at" →
    "derstandard", "bbc.co.uk" → "bbc", "apps.derstandard.at" → "derstandard")."""
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2:
        return ""
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL:
        return labels[-3]
    return labels[-2]


def _without_article(name: str) -> str:
    """A source name without its leading article ("Die Presse" → "Presse"), when a capitalised
    name stays; else the empty string."""
    first, _, rest = name.partition(" ")
    return rest if first.casefold() in _ARTICLES and rest[:1].isupper() else ""


def _listed(key: str) -> tuple[str, ...]:
    """The forms ``data/outlet_names.txt`` lists for a host or name (a host's parent domain too:
    "apps.derstandard.at" → "derstandard.at")."""
    table = _table()
    key = key.casefold()
    while key:
        if key in table:
            return table[key]
        _, dot, key = key.partition(".")
        if not dot or "." not in key:
            break
    return ()


@cache
def _table() -> dict[str, tuple[str, ...]]:
    """``data/outlet_names.txt``: host or name (case-folded) → the outlet's forms."""
    raw = resources.files("onrecord.extraction").joinpath("data", "outlet_names.txt").read_text(encoding="utf-8")
    table: dict[str, tuple[str, ...]] = {}
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, _, forms = line.partition("\t")
        table[key.strip().casefold()] = tuple(f.strip() for f in forms.split("|") if f.strip())
    return table
