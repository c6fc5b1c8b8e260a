"""German roles read after the speakers: rules that only add a role to an entity the article has.

Needs: the PreparedDoc, the final entities (after quotes, speakers and ``about`` are fixed) and
the NER/gazetteer kind of each token. Adds: roles to those entities, nothing else: no entity, no
mention, no change of a speaker's resolution. The rules here were kept out of entity resolution
(:mod:`onrecord.lang.de.entities`) on purpose: a role found there also steers which person a
later role noun or pronoun resolves to, and so the speakers of quotes (a round of such rules
moved the German cross-validation's joint F1, 2026-12-07); read here, they cannot.

* a definite description in the sentence after a person is named, when the phrase follows the
  finite verb of a short fore-field ("Nun wird die Bezirksvorsteherin …"), an opening
  conjunction ("Und der Stürmer brauchte …") or has weak adjectives the role phrase leaves out
  ("Der 22-jährige Mittelfeldspieler wechselt …"): one more role of that person;
* a relative clause after a name that ends with its copula ("X, der seit 2010 Direktor des
  Museums ist,"): :func:`~onrecord.lang.de.role_after.copula_relative_role`;
* a team after "für" right after a player's name ("X für die Quebec Nordiques"):
  :func:`~onrecord.lang.de.role_after.team_after`;
* clubs or employers after "für", "zum", "von", "bei" … in the clause of a person's name or
  pronoun with a word of ``data/club_verbs.txt`` ("Zuletzt spielte X für Wacker Innsbruck", "X
  kehrt zum SK Rapid zurück", "davor war er für den LASK, die Admira und Ried tätig"): their
  organisations (:func:`clubs_in_clause`);
* a role phrase set off by a comma before the name with a place or body phrase after its
  organisation ("Die Verkehrssprecherin der Grünen im Landtag, Maria X"): its role without that
  phrase (:func:`~onrecord.lang.de.role_before.role_before_comma` with a tail);
* an apposition after the whole name a quote's speaker span holds where the entity's mention
  holds less of it ("Susan le Jeune X, britische Botschafterin in Wien", mention "Susan");
* a noun of ``data/late_roles.txt`` (or a compound of one) right before a person's name
  ("Wirtschaftsprüfer Thomas X", "des Medienmoguls X"): its title (:func:`late_role_title`).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from onrecord.lang.de.entity_names import _ARTICLES, demonym
from onrecord.lang.de.lexicon import data_lines, lexicon, word_set
from onrecord.lang.de.memo import token_ends, token_ranges, token_starts
from onrecord.lang.de.role_after import _age_noun, apposition_after, competition, copula_relative_role, team_after
from onrecord.lang.de.role_lexicon import _STOP, COPULAS, clause_end, role_gender
from onrecord.lang.de.roles import (
    MAX_TAIL,
    KindAt,
    RoleMatch,
    is_feminine_role,
    is_role,
    role_before_comma,
    role_head,
    role_phrase,
)
from onrecord.lang.de.tokens import PreparedDoc
from onrecord.model import Entity, Quote, Role

__all__ = ["add_roles"]

#: words after an article and before a role noun that the role phrase leaves out: weak adjectives
#: ("der pfeilschnelle Stürmer", "die 22-jährige Mittelfeldspielerin"), at most this many
MAX_DESCRIPTION_ADJECTIVES = 2
#: the longest fore-field before the finite verb of an inverted description ("Am späten Abend
#: wird die Rektorin …"), in tokens
MAX_FOREFIELD = 4



def add_roles(
    doc: PreparedDoc, entities: list[Entity], kind_at: KindAt, speakers: Sequence[Quote] = ()
) -> list[Entity]:
    """``entities`` with the roles of the rules of this module added (see the module); the
    entities, their ids, names, types and mentions are unchanged. ``speakers``: the quotes, whose
    speaker spans may hold more of a name than the entity's mention there (:func:`_longer_names`)."""
    found: dict[int, list[RoleMatch]] = {}
    longer = _longer_names(doc, entities, speakers)
    for k, entity in enumerate(entities):
        if entity.type != "person" or not _named(entity):
            continue
        for begin, end in [*token_ranges(doc, entity.mentions), *longer.get(k, [])]:
            clubs = clubs_in_clause(doc, begin, end, kind_at)
            if doc.tokens[begin].lower in lexicon().pronouns:
                found.setdefault(k, []).extend(clubs)  # "davor spielte er für …": the entity's pronoun
                continue  # the other rules read roles after a name
            before = _late_role_before(doc, begin, end)
            comma = _role_before_comma_tail(doc, begin, kind_at)
            after = (copula_relative_role(doc, end, kind_at), team_after(doc, end, kind_at))
            for match in (*after, before, comma, *clubs):
                if match is not None and not match.plural:
                    found.setdefault(k, []).append(match)
        for _begin, end in longer.get(k, []):
            match = apposition_after(doc, end, kind_at)
            if match is not None and not match.plural:
                found.setdefault(k, []).append(match)
    persons = _person_mentions(entities)
    for k, match in _descriptions(doc, entities, persons, kind_at):
        found.setdefault(k, []).append(match)
    for k, match in _described_clubs(doc, entities, persons, kind_at):
        found.setdefault(k, []).append(match)
    if not found:
        return entities
    return [_with_roles(doc, e, found[k]) if k in found else e for k, e in enumerate(entities)]


def _role_before_comma_tail(doc: PreparedDoc, begin: int, kind_at: KindAt) -> RoleMatch | None:
    """A role phrase set off by a comma before the name at token ``begin`` that only a place or body
    phrase after it keeps from ending at the comma ("Die Sprecherin der Grünen im Landtag, Maria X"
    → "Sprecherin", "Grünen"); None where the phrase ends at the comma (entity resolution reads
    that one) or none is there."""
    match = role_before_comma(doc, begin, kind_at, tail=MAX_TAIL)
    if match is None or match.end == begin - 1 or role_before_comma(doc, begin, kind_at) is not None:
        return None
    return match


def _longer_names(
    doc: PreparedDoc, entities: list[Entity], quotes: Sequence[Quote]
) -> dict[int, list[tuple[int, int]]]:
    """Per entity index, the token ranges of the speaker spans of its quotes that start at one of
    its mentions and end after it: the name as the speaker span holds it, where the entity's
    mention lost a part ("Susan le Jeune X" → mention "Susan"); the role rules after a name read
    from its end."""
    at = {e.id: k for k, e in enumerate(entities)}
    out: dict[int, list[tuple[int, int]]] = {}
    for quote in quotes:
        if quote.entity is None or quote.speaker is None or quote.entity not in at:
            continue
        k = at[quote.entity]
        for begin, end in token_ranges(doc, quote.speaker.spans):
            tok = doc.tokens[begin]
            if not tok.text[:1].isupper() or is_role(tok) or tok.lower in _ARTICLES:
                continue
            if any(b == tok.start and e < doc.tokens[end - 1].end for b, e in entities[k].mentions) and (
                (begin, end) not in out.get(k, [])
            ):
                out.setdefault(k, []).append((begin, end))
    return out


#: the least letters before a listed noun in a compound ("Amts|kollege", "Medien|mogul")
MIN_COMPOUND_PREFIX = 3


@cache
def _late_roles() -> tuple[str, ...]:
    """The nouns of ``data/late_roles.txt``, longest first (the longest that fits a word wins,
    whatever the hash seed)."""
    return tuple(sorted(set(data_lines("late_roles.txt")), key=lambda w: (-len(w), w)))


@cache
def _late_role_forms() -> tuple[tuple[str, str, str], ...]:
    """(form, form in lower case, noun) for every noun of :func:`_late_roles` in order, its forms
    longest first: the nominative, genitive "-s"/"-es", a weak noun's "-n" ("Kollegen"), an
    adjectival noun's "-e"/"-en" ("der Beamte", "Beamten")."""
    rows: list[tuple[str, str, str]] = []
    for noun in _late_roles():
        forms = {noun, noun + "s", noun + "es"}
        if noun.endswith("e"):
            forms.add(noun + "n")
        if noun.endswith("er") and noun[:-2].endswith("t"):
            forms.update((noun[:-1], noun[:-1] + "n"))
        rows.extend((form, form.lower(), noun) for form in sorted(forms, key=lambda f: (-len(f), f)))
    return tuple(rows)


@lru_cache(maxsize=8192)
def late_role_title(word: str) -> str | None:
    """The title a word before a name gives when it is a noun of ``data/late_roles.txt`` or a
    compound of one, in the nominative singular ("Medienmoguls" → "Medienmogul",
    "Polizeibeamten" → "Polizeibeamter"), else None."""
    if not word[:1].isupper() or not word.replace("-", "").isalpha():
        return None
    lower = word.lower()
    for form, form_lower, noun in _late_role_forms():
        prefix = word[: len(word) - len(form)]
        if word == form:
            return noun
        if lower.endswith(form_lower) and len(prefix) >= MIN_COMPOUND_PREFIX and prefix.isalpha():
            return prefix + noun.lower()  # (a hyphenated body or "Ex-" before it is left to the role rules)
    return None


def _late_role_before(doc: PreparedDoc, begin: int, end: int) -> RoleMatch | None:
    """The role a noun of ``data/late_roles.txt`` right before the name at tokens ``[begin, end)``
    gives, or at its start when the name finder took it into the name ("Grenzbeamte Josef X");
    none for a noun the role rules of the entities read already."""
    toks = doc.tokens
    at = begin - 1 if begin > 0 and toks[begin - 1].sent == toks[begin].sent else None
    if end - begin >= 2 and (at is None or late_role_title(toks[at].text) is None):
        at = begin  # the noun glued before the name
    if at is None or is_role(toks[at]):
        return None
    title = late_role_title(toks[at].text)
    return None if title is None else RoleMatch(title, None, None, at, at + 1, head=title)


#: the most tokens between a person's name and the preposition of its club
MAX_CLUB_DISTANCE = 6
#: the most words of a club's name
MAX_CLUB_WORDS = 4


@cache
def _league_noun_endings() -> tuple[str, ...]:
    """The noun ends of ``data/league_noun_endings.txt`` ("zum Drittligisten VfR Aalen"), sorted
    (``str.endswith`` takes a tuple)."""
    return tuple(sorted(word_set("league_noun_endings.txt")))


def clubs_in_clause(doc: PreparedDoc, begin: int, end: int, kind_at: KindAt) -> list[RoleMatch]:
    """The clubs or employers of the person named at tokens ``[begin, end)`` that its clause gives
    after a preposition of ``data/club_prepositions.txt``, when a word of ``data/club_verbs.txt`` is
    in the clause and no other person is: "Zuletzt spielte X in der Ersten Liga für Wacker
    Innsbruck", "X kehrt zum SK Rapid zurück", "X kommt vom deutschen Drittligisten VfR Aalen",
    "X wechselt von der SV Ried zum LASK" (both), "davor war er für den LASK, die Admira und Ried
    tätig" (a list of clubs, each one). A club is a run of capitalised words (:func:`_club_at`);
    an empty list for any other phrase."""
    toks = doc.tokens
    lo, hi = _clause(doc, begin, end)
    clubs: list[RoleMatch] = []
    p = end
    limit = min(hi, end + MAX_CLUB_DISTANCE)
    while p < limit:
        if toks[p].lower not in word_set("club_prepositions.txt"):
            p += 1
            continue
        club = _club_at(doc, p + 1, hi, kind_at)
        if club is None:
            p += 1
            continue
        members = [club, *_club_list(doc, club[1], kind_at)]
        clubs.extend(RoleMatch(None, doc.text[toks[b].start : toks[e - 1].end], None, p, e) for b, e in members)
        p = members[-1][1]
        hi = max(hi, _clause(doc, p - 1, p)[1])
        limit = min(hi, p + MAX_CLUB_DISTANCE)
    if not clubs:
        return []
    inside = {k for m in clubs for k in range(m.begin, m.end)}
    if any(kind_at(k) == "PER" and k not in inside for k in (*range(lo, begin), *range(end, hi))):
        return []  # another person in the clause: whose club it is stays open
    if not any(toks[k].lower in word_set("club_verbs.txt") for k in range(lo, hi)):
        return []
    return clubs


def _club_at(doc: PreparedDoc, j: int, hi: int, kind_at: KindAt, listed: bool = False) -> tuple[int, int] | None:
    """The token range of a club's name that opens at ``j`` (after its preposition), before ``hi``:
    an article, lower-case adjectives and a league noun ("vom deutschen Drittligisten") may come
    first. The name is a run of at most :data:`MAX_CLUB_WORDS` capitalised words the tagger marks
    as an organisation; after a league noun any capitalised run ("zum Zweitligisten Holstein
    Kiel"), after an article one with an organisation's word in it ("für den Wolfsberger AC"), and
    in a list after a club (``listed``) any ("die Admira und Sturm"). None for any other phrase,
    and for a competition ("für den Davis Cup")."""
    toks = doc.tokens
    article = j < hi and toks[j].lower in _ARTICLES or j > 0 and toks[j - 1].lower in ("zum", "vom", "beim")
    j += j < hi and toks[j].lower in _ARTICLES
    leagues = _league_noun_endings()
    league = False
    while j < hi and (toks[j].text.islower() and toks[j].text.isalpha() or toks[j].lower.endswith(leagues)):
        league = league or toks[j].lower.endswith(leagues)
        j += 1  # "vom deutschen Drittligisten"
    e = j
    while e < hi and e - j < MAX_CLUB_WORDS and _club_word(toks[e].text) and not is_role(toks[e]):
        e += 1
    if e == j or e < hi and toks[e].text[:1].isupper():
        return None  # a longer run, or a role noun after it: no club's name
    while e > j and not kind_at(e - 1) and not (league or listed):
        e -= 1  # "für den Wolfsberger AC": the name ends with a word the tagger marks
    if e == j or competition(toks[e - 1].text):
        return None
    kinds = [kind_at(k) for k in range(j, e)]
    if all(k == "ORG" for k in kinds) or league or article and "ORG" in kinds or listed:
        return j, e
    return None


def _club_word(word: str) -> bool:
    """A capitalised word of a club's name ("Blau-Weiß", "AC") or an abbreviation in it ("St.")."""
    return word[:1].isupper() and (word.replace("-", "").isalnum() or word in ("St.", "St"))


def _club_list(doc: PreparedDoc, end: int, kind_at: KindAt) -> list[tuple[int, int]]:
    """The clubs listed after a club that ends at token ``end``: ", [article] Name" while a comma,
    "und", "sowie" or "oder" goes on, and "und/sowie/oder [article] Name" at the end ("für den
    LASK, die Admira und Ried")."""
    toks = doc.tokens
    out: list[tuple[int, int]] = []
    sent_end = doc.sentences[toks[end - 1].sent][1]
    joiners = word_set("list_joiners.txt")
    while end < sent_end and toks[end].lower in joiners:
        last = toks[end].lower != ","
        club = _club_at(doc, end + 1, sent_end, kind_at, listed=True)
        if club is None:
            break
        after = toks[club[1]].lower if club[1] < sent_end else ""
        if not last and after not in joiners:
            break  # ", Müller dagegen": a new clause, no list
        out.append(club)
        end = club[1]
        if last:
            break
    return out


def _clause(doc: PreparedDoc, begin: int, end: int) -> tuple[int, int]:
    """The token range of the clause around tokens ``[begin, end)``: to the punctuation before
    and after it in its sentence."""
    toks = doc.tokens
    s_begin = doc.sentences[toks[begin].sent][0]
    lo = begin
    while lo > s_begin and toks[lo - 1].text not in _STOP:
        lo -= 1
    return lo, clause_end(toks, end, toks[begin].sent)


def _named(entity: Entity) -> bool:
    """Whether a person entity has a name (not one made from an unnamed role phrase, "Sprecher
    des Ministeriums")."""
    first = entity.name.split()[0] if entity.name.split() else ""
    return first[:1].isupper() and role_head(first) is None


def _with_roles(doc: PreparedDoc, entity: Entity, matches: list[RoleMatch]) -> Entity:
    """``entity`` with each new role that it lacks (a bare title it already has with more detail
    is left out, as :func:`onrecord.lang.de.entities._dedupe_roles` does)."""
    roles = list(entity.roles)
    for m in matches:
        key = (m.title, m.organization, m.place, m.former)
        if any((r.title, r.organization, r.place, r.former) == key for r in roles):
            continue
        if m.organization is None and m.place is None and any(
            r.title == m.title and (r.organization or r.place) for r in roles
        ):
            continue
        span = (doc.tokens[m.begin].start, doc.tokens[m.end - 1].end)
        roles.append(Role(title=m.title, organization=m.organization, place=m.place, spans=[span], former=m.former))
    return entity.model_copy(update={"roles": roles})


def _descriptions(
    doc: PreparedDoc, entities: list[Entity], persons: _PersonMentions, kind_at: KindAt
) -> Iterator[tuple[int, RoleMatch]]:
    """(entity index, role) of each definite description of a person named in the sentence before
    (``persons``: :func:`_person_mentions` of ``entities``)."""
    toks = doc.tokens
    by_start, by_end = token_starts(doc), token_ends(doc)
    # what resolution read already: roles, and mentions of whole tokens (not the body's name at the
    # start of a compound: "der ADAC-Experte" is free, its "ADAC" a mention of the club)
    taken = [s for e in entities for r in e.roles for s in r.spans] + [
        s for e in entities for s in e.mentions if s[0] in by_start and s[1] in by_end
    ]
    for sent in range(1, len(doc.sentences)):
        for article in _description_articles(doc, sent):
            phrase = _description(doc, article, kind_at)
            if phrase is None:
                continue
            span = (toks[article].start, toks[phrase.end - 1].end)
            if any(b < span[1] and span[0] < e for b, e in taken):
                continue  # resolved or given a role before (a speaker "Der Jurist", a name after it)
            k = _named_before(doc, persons, sent, span[0])
            if k is not None and _named(entities[k]) and not _gender_clash(entities[k], phrase):
                yield k, phrase


class _PersonMentions(NamedTuple):
    """Every mention of a person in a document, in text order: its start offset and its entity's
    index (two lists of the same length; the offsets to search with :mod:`bisect`)."""

    starts: list[int]
    entities: list[int]


def _person_mentions(entities: list[Entity]) -> _PersonMentions:
    """Every mention of a person, in text order (computed once per document)."""
    found = sorted((s[0], k) for k, e in enumerate(entities) if e.type == "person" for s in e.mentions)
    return _PersonMentions([start for start, _ in found], [k for _, k in found])


def _named_before(doc: PreparedDoc, persons: _PersonMentions, sent: int, start: int) -> int | None:
    """The entity index of the last person ``persons`` (:func:`_person_mentions`) names in the
    sentence before ``sent``, when no person is named after it before the offset ``start``; else None."""
    toks = doc.tokens
    starts = persons.starts
    at = bisect.bisect_left(starts, toks[doc.sentences[sent][0]].start) - 1
    if at < 0 or starts[at] < toks[doc.sentences[sent - 1][0]].start:
        return None  # no one named in the sentence before
    if bisect.bisect_left(starts, start) != at + 1:
        return None  # someone named since, before ``start``
    return persons.entities[at]


def _described_clubs(
    doc: PreparedDoc, entities: list[Entity], persons: _PersonMentions, kind_at: KindAt
) -> Iterator[tuple[int, RoleMatch]]:
    """(entity index, club) of each club in the clause of a definite description by origin or age
    (no role noun: "Der gebürtige Bosnier … spielte zuletzt für den Klub X", "Der 22-Jährige
    wechselt zum LASK") of a person named in the sentence before (:func:`clubs_in_clause`)."""
    toks = doc.tokens
    taken = [s for e in entities for s in e.mentions]
    for sent in range(1, len(doc.sentences)):
        for article in _description_articles(doc, sent):
            end = _origin_description_end(doc, article)
            if end is None:
                continue
            span = (toks[article].start, toks[end - 1].end)
            if any(b < span[1] and span[0] < e for b, e in taken):
                continue  # a mention: its clubs are read with the entity's
            k = _named_before(doc, persons, sent, span[0])
            if k is None or not _named(entities[k]):
                continue
            for club in clubs_in_clause(doc, article, end, kind_at):
                yield k, club


def _origin_description_end(doc: PreparedDoc, article: int) -> int | None:
    """The end of a definite description by origin or age at ``article``: "der"/"die", at most
    :data:`MAX_DESCRIPTION_ADJECTIVES` weak adjectives and a demonym ("der gebürtige Bosnier") or
    an age noun ("die 22-Jährige"); else None."""
    toks = doc.tokens
    r = _description_head(doc, article)
    if r is None or not (demonym(toks[r].text) or _age_noun(toks[r])):
        return None
    return _attribute_end(doc, r + 1)


def _description_head(doc: PreparedDoc, article: int) -> int | None:
    """The word after the article "der"/"die" at ``article`` and at most
    :data:`MAX_DESCRIPTION_ADJECTIVES` weak adjectives ("der gebürtige Bosnier", "die neue
    Rektorin"): the head noun of a definite description, to be checked by the caller; None when the
    article is another or the sentence ends before it."""
    toks = doc.tokens
    if toks[article].lower not in ("der", "die"):
        return None
    r = article + 1
    while r < len(toks) and r - article <= MAX_DESCRIPTION_ADJECTIVES and _weak_adjective(toks[r].text):
        r += 1
    if r >= len(toks) or toks[r].sent != toks[article].sent:
        return None
    return r


#: the most lower-case adjectives of a prepositional attribute after a description
MAX_ATTRIBUTE_ADJECTIVES = 2


def _attribute_end(doc: PreparedDoc, j: int) -> int:
    """The end of a prepositional attribute "mit"/"aus" + lower-case adjectives + one noun at ``j``
    ("der gebürtige Bosnier mit österreichischer Staatsbürgerschaft"), else ``j``."""
    toks = doc.tokens
    if j >= len(toks) or toks[j].lower not in ("mit", "aus"):
        return j
    k = j + 1
    while k < len(toks) and k - j <= MAX_ATTRIBUTE_ADJECTIVES and toks[k].text.isalpha() and toks[k].text.islower():
        k += 1
    if k < len(toks) and toks[k].sent == toks[j].sent and toks[k].text[:1].isupper() and toks[k].text.isalpha():
        return k + 1
    return j


def _description_articles(doc: PreparedDoc, sent: int) -> Iterator[int]:
    """Where a definite description may open the subject of sentence ``sent``: its first token,
    the token after an opening conjunction, or the token after a finite verb of a short fore-field."""
    toks = doc.tokens
    begin, end = doc.sentences[sent]
    if toks[begin].lower in word_set("opening_conjunctions.txt") and begin + 1 < end:
        yield begin + 1
        return
    yield begin
    for article in range(begin + 2, min(end, begin + MAX_FOREFIELD + 2)):
        if _inverted_subject(doc, begin, article):
            yield article
            return


def _inverted_subject(doc: PreparedDoc, begin: int, article: int) -> bool:
    """Whether token ``article`` ("der"/"die") follows the finite verb of a main clause right after
    a short fore-field from ``begin`` ("Nun wird die Bezirksvorsteherin …", "Am Montag erhielt der
    Stürmer …"): a lower-case word that is no article, preposition, pronoun or conjunction, after
    words without punctuation."""
    toks = doc.tokens
    if toks[article].lower not in ("der", "die"):
        return False
    verb = toks[article - 1]
    lex = lexicon()
    no_verb = word_set("no_verb_words.txt")
    if not (verb.text.isalpha() and verb.text.islower()) or verb.lower in no_verb or verb.lower in lex.pronouns:
        return False
    if verb.lower in lex.prepositions or verb.lower in _ARTICLES:
        return False
    return all(t.text.replace("-", "").isalnum() for t in toks[begin : article - 1]) and toks[begin].quoted < 0


def _description(doc: PreparedDoc, article: int, kind_at: KindAt) -> RoleMatch | None:
    """The singular role phrase of a definite description opened by "der"/"die" at ``article``,
    with at most :data:`MAX_DESCRIPTION_ADJECTIVES` weak adjectives before its noun, when the
    article agrees with the noun's gender and a lower-case word goes on after it (no list of roles,
    no name: "Freigelassen wurde der Priester, Blogger und Dissident X")."""
    toks = doc.tokens
    r = _description_head(doc, article)
    if r is None or not is_role(toks[r]):
        return None
    phrase = role_phrase(doc, r, r + 1, kind_at)
    if phrase is None or phrase.plural or phrase.title is None or not article <= phrase.begin <= r:
        return None
    after = toks[phrase.end] if phrase.end < len(toks) else None
    if after is None or after.sent != toks[article].sent or not (after.text.isalpha() and after.text.islower()):
        return None
    if after.lower in word_set("no_verb_words.txt"):
        return None
    sent_end = doc.sentences[after.sent][1]
    if after.lower in COPULAS and any(kind_at(k) == "PER" for k in range(phrase.end + 1, sent_end)):
        return None  # "Der letzte Premierminister … war der Sozialist X": the predicate names whom it describes
    if is_feminine_role(phrase.head or "") != (toks[article].lower == "die"):
        return None
    return phrase


def _weak_adjective(word: str) -> bool:
    """A lower-case word in "-e" after a definite article ("pfeilschnelle", "22-jährige")."""
    return word == word.lower() and word.endswith("e") and word.replace("-", "").isalnum()


def _gender_clash(person: Entity, phrase: RoleMatch) -> bool:
    """Whether a role phrase's noun ("Rektorin") and the person's role nouns differ in gender."""
    want = role_gender(phrase.head)
    heads = (r.title.split()[-1] for r in person.roles if r.title)
    return want is not None and any(role_gender(h) not in (None, want) for h in heads)
