"""German entities of an article: names, pronoun and role-noun resolution, types and roles.

Needs: a PreparedDoc, the speaker-like mentions, the chosen speakers and the NER tag of each
token. Adds: entities with their fullest name, all mentions, a type and the roles found in
appositions, relative clauses and role nouns, plus a map from each speaker candidate to its
entity.

Mentions are read in text order (a longer mention before the shorter ones inside it):

1. a pronoun speaker resolves to the last person ("er") or the last person, organisation or
   group ("sie");
2. a mention inside a role already read ("Anna Berger, *Professorin* an der …") belongs to
   the role's holder when it is a speaker;
3. a plural group noun ("Analysten", "Regierungskreise") is an unnamed group; the same noun
   again is the same group;
4. a role phrase without a name ("ein Sprecher des Auswärtigen Amts", "die Ministerin") is
   the last person holding a role with that title, else (for a speaker) an unnamed person
   named by the phrase;
5. a name (the NER tagger's PER/ORG tokens, else the capitalised run) joins the name
   clusters of :class:`NameResolver` (surnames, surname-first names, genitives); it is an
   entity when the NER tagger, the gazetteer or a role vouches for it, or when it speaks:
   capitalised common nouns ("Erhöhung der Ticketpreise") are not entities.

A reporting noun, document or abstract noun ("Angaben der Polizei", "einer Aussendung der
Arbeiterkammer", "Zschäpes Erklärung", "seiner Meinung nach") stands for its owner or issuer,
and without one it is no entity (never a person "Aussendung"). A leading preposition ("Laut
Knoll") is no part of a name; seasons and months are no entities ("Herbst", "Mai Wien" →
Wien), directions are places ("Westen"), "<Land>s Unterstützung" is the country. A dictionary noun
glued before a given name or after a name's genitive is no part of the name ("unter dem Namen
Felix …", "Haiders Tod"), a genitive whose stem the text writes bare is that name ("Apples" →
Apple, with the stem's NER tag), and a one-word "person" that is a declinable dictionary noun
("mit Benzin") is "other".

The parts live beside this module: name runs and entity types in
:mod:`onrecord.lang.de.entity_names`, the resolution state and the resolution of one mention in
:mod:`onrecord.lang.de.entity_mentions`; their public names are importable from here too.
"""

from __future__ import annotations

from pathlib import Path

from onrecord.extraction.names import NameResolver
from onrecord.extraction.outlets import current_own_outlet
from onrecord.lang.de.entity_mentions import (
    SPEAKER_SENTENCES,
    _acronym,
    _article_before,
    _Building,
    _described_person,
    _group,
    _holder,
    _inside,
    _is_group,
    _named,
    _pronoun,
    _pronoun_role,
    _reporting_subject,
    _role_only,
    _State,
    _subject_like,
    _unnamed_role,
)
from onrecord.lang.de.entity_names import (
    _ARTICLES,
    _INDEFINITE,
    _NOT_GENITIVE_NAMES,
    _POSSESSIVES,
    Gazetteer,
    _char_span,
    _gazetteer,
    _head,
    common_noun,
    demonym,
    entity_type,
    is_name,
    kind_at,
    name_core,
    surname_first_name,
    trim_name,
)
from onrecord.lang.de.lexicon import lexicon, word_set, words_and_endings
from onrecord.lang.de.memo import token_starts
from onrecord.lang.de.role_lexicon import name_word
from onrecord.lang.de.roles import (
    KindAt,
    RoleMatch,
    is_role,
    names_role_after,
    nominative,
    role_phrase,
)
from onrecord.lang.de.sources import is_abstract, is_document
from onrecord.lang.de.speakers import Candidate, is_quantifier
from onrecord.lang.de.stance import declined_noun
from onrecord.lang.de.tokens import PreparedDoc, Token
from onrecord.model import Entity, Role
from onrecord.resolve.gazetteer import default_gazetteer

__all__ = [
    "SPEAKER_SENTENCES",
    "Gazetteer",
    "build_entities",
    "common_noun",
    "entity_type",
    "is_name",
    "kind_at",
    "name_core",
    "surname_first_name",
    "trim_name",
]


def _says_as_noun(tok: Token) -> bool:
    """A reporting noun ("Angaben"), a document ("Aussendung") or an abstract noun ("Meinung"),
    which stand for their owner or issuer, never for a person of that name."""
    if is_role(tok):
        return False
    lex = lexicon()
    return lex.cues.get(tok.lemma, lex.cues.get(tok.text)) == "noun" or is_document(tok, lex) or is_abstract(tok, lex)


def _reporting_owner(doc: PreparedDoc, cand: Candidate, head: int) -> Candidate | None:
    """For a reporting noun with a genitive owner ("Angaben der Polizei", "Aussagen der
    Anwältin") the owner, who is the source: a view of the mention from the owner on; a
    bare reporting noun ("Angaben") gives an empty view (no entity)."""
    toks = doc.tokens
    tok = toks[head]
    if not _says_as_noun(tok):
        return None
    prev = toks[head - 1] if head > 0 else None
    if (
        prev is not None and prev.text.endswith("s") and name_word(prev) and prev.lemma[:1].isupper()
        and prev.lower not in _NOT_GENITIVE_NAMES and not _says_as_noun(prev)
    ):
        return Candidate(head - 1, head, cand.source)  # "Zschäpes Erklärung" → Zschäpe
    j = head + 1
    if j < len(toks) and toks[j].lower in ("der", "des", "eines", "einer", "von"):
        j += 1
        while j < len(toks) and toks[j].text.isalpha() and toks[j].text.islower() and toks[j].lower not in _ARTICLES:
            j += 1
        if j < len(toks) and toks[j].text[:1].isupper() and toks[j].sent == tok.sent:
            end = j + 1
            while end < len(toks) and toks[end].text[:1].isupper() and toks[end].sent == tok.sent:
                end += 1
            return Candidate(j, max(end, cand.end), cand.source)
    return Candidate(head, head, cand.source)


def _possessor(doc: PreparedDoc, cand: Candidate, head: int) -> str | None:
    """For a reporting noun after a possessive ("seiner Meinung nach", "nach ihren Angaben")
    the pronoun that stands for its owner ("er", "sie"), else None."""
    toks = doc.tokens
    if not _says_as_noun(toks[head]):
        return None
    j = head - 1
    while j >= 0 and head - j <= 3 and toks[j].text.isalpha() and (
        toks[j].text.islower() or toks[j].lower in _POSSESSIVES
    ):
        if toks[j].lower in _POSSESSIVES:
            return _POSSESSIVES[toks[j].lower]
        j -= 1
    return None


def build_entities(
    doc: PreparedDoc,
    mentions: list[Candidate],
    speakers: set[Candidate],
    gazetteer_path: Path,
    name_type: list[str] | None = None,
    quoted: list[Candidate] | None = None,
) -> tuple[list[Entity], dict[Candidate, str]]:
    """Entities of the document and the entity id of each speaker-like mention (see the
    module docstring for the order of the rules). ``name_type`` gives the NER tag
    (PER/ORG/LOC/OTH or "") of each token; ``quoted`` names inside quotation marks, read after
    all other mentions (no pronoun outside the quotes resolves to them)."""
    gaz = _gazetteer(gazetteer_path)
    lex = lexicon()
    toks = doc.tokens
    types = name_type or [""] * len(toks)
    kinds = kind_at(types, doc, gaz)
    resolver = NameResolver()
    state = _State()
    for cand in sorted(mentions, key=lambda c: (c.begin, -c.end)):
        is_speaker = cand in speakers
        if cand.end - cand.begin == 1 and toks[cand.begin].lower in lex.pronouns:
            _pronoun_role(state, doc, cand, kinds)
            _pronoun(state, toks[cand.begin].lower, _char_span(doc, cand.begin, cand.end), cand, is_speaker)
            continue
        if cand.end - cand.begin == 1 and toks[cand.begin].lower in lex.source_adverbs:
            continue  # "demnach" points to a source without naming it: no entity
        if all(is_quantifier(t.lower) or t.lower == "nicht" for t in toks[cand.begin : cand.end]):
            continue  # "Nicht wenige", "Viele": a group no name gives, no entity
        head = _head(doc, cand)
        if cand.end - 2 == head and toks[head].text.endswith("s") and _says_as_noun(toks[head + 1]):
            head = cand.end - 1  # "Zschäpes Erklärung": the document, after its issuer
        possessor = _possessor(doc, cand, head)
        if possessor is not None:
            _pronoun(state, possessor, _char_span(doc, cand.begin, cand.end), cand, is_speaker, mention=False)
            continue
        owner = _reporting_owner(doc, cand, head)
        for _ in range(3):  # "das Ergebnis der Studie des Instituts" → Institut
            if owner is None or owner.end <= owner.begin:
                break
            inner = _reporting_owner(doc, owner, _head(doc, owner))
            if inner is None:
                break
            owner = inner
        if owner is not None:
            if owner.end > owner.begin:
                _resolve(state, doc, owner, cand, is_speaker, types, kinds, gaz, resolver)
            continue
        _resolve(state, doc, cand, cand, is_speaker, types, kinds, gaz, resolver)
    for cand in sorted(quoted or [], key=lambda c: (c.begin, -c.end)):
        _resolve(state, doc, cand, cand, False, types, kinds, gaz, resolver, quoted=True)
    _compound_mentions(doc, state)
    return _finish(doc, state, gaz)


def _compound_mentions(doc: PreparedDoc, state: _State) -> None:
    """A name written hyphenated at the start of a compound is a mention of its entity ("EU-Staaten"
    → EU, "SPÖ-Chef" → SPÖ, "Faymann-Politik" → Faymann): a one-word name of an organisation or a
    place, or a person's last name, that names one entity only; or an acronym that the resolution
    gazetteer knows as a place or an organisation ("US-Militärs" → US, "UN-Flüchtlingshilfe" → UN),
    which joins the document's entity of that place or organisation ("USA") or becomes one. The
    mention is the name's characters inside the compound."""
    keys: dict[str, set[int]] = {}
    for index, ent in enumerate(state.building):
        parts = ent.name.split()
        if ent.type in ("organization", "location") and len(parts) == 1:
            keys.setdefault(parts[0], set()).add(index)
        elif ent.type == "person" and len(parts) > 1:
            keys.setdefault(parts[-1], set()).add(index)
    for tok in doc.tokens:
        head, hyphen, rest = tok.text.partition("-")
        if not hyphen or not rest[:1].isalpha():
            continue
        span = (tok.start, tok.start + len(head))
        if len(keys.get(head, ())) != 1:
            _known_acronym_mention(state, head, span)
            continue
        ent = state.building[next(iter(keys[head]))]
        if ent.mentions and span not in ent.mentions:
            ent.mentions.append(span)


def _known_acronym_mention(state: _State, head: str, span: tuple[int, int]) -> None:
    """``head`` of a compound at ``span``, an acronym the gazetteer knows as a place or an
    organisation, as a mention of the document's entity that the gazetteer gives the same
    names, or of a new entity."""
    if not _acronym(head):
        return
    entry = default_gazetteer().lookup(head)
    if entry is None or entry.type not in ("location", "organization"):
        return
    same = [b for b in state.building if b.mentions and b.type == entry.type
            and (found := default_gazetteer().lookup(b.name)) is not None and found.names == entry.names]
    if len(same) > 1:
        return
    ent = same[0] if same else _Building(cluster=None, name=head, type=entry.type)
    if not same:
        state.building.append(ent)
    if span not in ent.mentions:
        ent.mentions.append(span)


def _resolve(
    state: _State, doc: PreparedDoc, view: Candidate, cand: Candidate, is_speaker: bool, types: list[str],
    kinds: KindAt, gaz: Gazetteer, resolver: NameResolver, quoted: bool = False,
) -> None:
    """Resolve one non-pronoun mention (read as ``view``, recorded for ``cand``): rules 2–5;
    ``quoted``: a name inside quotation marks (:func:`_named`)."""
    toks = doc.tokens
    head = _head(doc, view)
    role_only = _role_only(doc, view, head, kinds)
    span = _char_span(doc, view.begin, view.end)
    holder = _inside(state.roles, view)
    if holder is not None and (is_speaker or role_only):
        if is_speaker:
            state.seen(holder, span, cand)
        return
    person = _demonym_person(state, doc, view, head) if is_speaker else None
    if person is not None:
        state.seen(person, span, cand)  # "…, meinte der Wiener": the person named just before
        return
    if _is_group(doc, head):
        if is_speaker:
            _group(state, doc, view, cand, head, kinds)
        return
    phrase = role_phrase(doc, view.begin, view.end, kinds) if is_speaker or role_only else None
    if phrase is not None and names_role_after(doc, phrase.end, kinds):
        return  # "Der Vertreter der EU im Rat, der dänische Diplomat X": X's role, read with X
    if phrase is not None and is_speaker:
        _unnamed_role(state, doc, cand, phrase)
        return
    if role_only:
        target = _holder(state, toks[head].text) if _article_before(doc, head) not in _INDEFINITE else None
        if target is not None:
            state.seen(target, span, None)
        elif phrase is not None and (phrase.organization or phrase.place) and _subject_like(doc, phrase.begin) and (
            _reporting_subject(doc, phrase)
        ):
            _unnamed_role(state, doc, None, phrase)  # "Ein Sprecher des Amts bestätigte …"
        elif phrase is not None:
            described = _described_person(state, doc, phrase)
            if described is not None:  # "… Gerald Toifl. Der Jurist holte …": one more role of Toifl
                described.roles.append(phrase)
                state.roles.append((phrase.begin, phrase.end, described))
                state.seen(described, span, None)
        return
    owner = _inside(state.names, view)
    if owner is not None:
        state.seen(owner, span, cand if is_speaker else None, mention=False)
        return
    inner = _role_of_named(doc, view) if not quoted and _subject_like(doc, view.begin) else None
    if inner is not None:
        # "Ein Sprecher der EU-Kommissarin Viviane Reding erklärte …": the speaker is the unnamed
        # spokesman (title only: a person as employer gives no organisation), the name his employer's
        # (the phrase up to the name: the name is the employer's mention, not the spokesman's)
        outer = RoleMatch(nominative([toks[view.begin + 1]], toks[view.begin].lower), None, None, view.begin,
                          inner, toks[view.begin + 1].text)
        _unnamed_role(state, doc, cand if is_speaker else None, outer)
        view = Candidate(view.begin + 3, view.end, view.source)
        cand, is_speaker = view, False
    _named(state, doc, view, cand, types, kinds, gaz, resolver, is_speaker, quoted)


#: words that join a role noun to the person whose role it serves ("ein Sprecher von Minister X")
_OF_PERSON = frozenset({"von", "der", "des"})


def _role_of_named(doc: PreparedDoc, view: Candidate) -> int | None:
    """Where the name begins in "<Ein|Der> <role noun> <von|der|des> <role> <Name>" (the role of
    someone serving a named person: "Ein Sprecher von Verkehrsminister Winfried Hermann"), else None."""
    toks = doc.tokens
    b = view.begin
    if view.end - b < 4 or toks[b].lower not in ("ein", "eine", "der", "die"):
        return None
    if not is_role(toks[b + 1]) or toks[b + 1].text.endswith("n") and toks[b].lower == "die" \
            or toks[b + 2].lower not in _OF_PERSON:
        return None  # (a plural "die Sprechern" is no one person)
    for k in range(b + 3, min(b + 6, view.end - 1)):
        if is_role(toks[k]) and not is_role(toks[k + 1]) and toks[k + 1].text[:1].isupper():
            return k + 1  # the person has a role of its own before the name ("der Kommissarin Viviane Reding")
        if not toks[k].text[:1].isupper():
            return None
    return None  # "Der Präsident des Verbands Max Muster": the name is the holder's own


def _finish(doc: PreparedDoc, state: _State, gaz: Gazetteer) -> tuple[list[Entity], dict[Candidate, str]]:
    entities: list[Entity] = []
    ids: dict[int, str] = {}
    for b in sorted(state.building, key=lambda x: min(x.mentions) if x.mentions else (0, 0)):
        if not b.mentions:
            continue
        eid = f"e{len(entities) + 1}"
        ids[id(b)] = eid
        kind = "group" if b.type in ("organization", "other") and generic_body(b.name) or _common_noun(doc, b, gaz) \
            else "other" if _dictionary_person(doc, b, gaz) else b.type
        roles = b.roles if kind != "group" else [r for r in b.roles if r.organization or r.place]
        # "Kapitän des Aufsteigers Frosinone": a role in a body is its holder's, never the body's own
        roles = [r for r in roles if r.organization != b.name]
        entities.append(
            Entity(id=eid, name=b.name, type=kind, mentions=sorted(set(b.mentions)), roles=_dedupe_roles(doc, roles),
                   kind=b.kind)
        )
    return entities, {cand: ids[id(b)] for cand, b in state.of_mention.items() if id(b) in ids}


def _common_noun(doc: PreparedDoc, b: _Building, gaz: Gazetteer) -> bool:
    """Whether an entity typed "other" is one word that the article writes as a common noun,
    after an article ("der Hersteller", "die Frau", "das griechische Staatsfernsehen") in one
    of its mentions: it names no one in particular, so it stays in its article (a group) and is
    never linked to the same noun of other articles. A named outlet ("der Spiegel") stays.
    A "person" of one word is such a noun too when it is no given name, never appears in a
    longer name, and one of its mentions follows an article ("der 26-jährige Mann") or is a
    common noun ("Aktivisten" → "Aktivist", "Bekanntheit")."""
    if b.type not in ("other", "person") or " " in b.name or not b.name[:1].isupper() or _outlet_name(b.name) or any(
        c.isupper() and b.name[k - 1] != "-" for k, c in enumerate(b.name[1:], 1)
    ):
        return False  # (an acronym or a name in capitals, "die AfD", "die LHStv", is a name)
    starts = token_starts(doc)
    heads = [k for k in (starts.get(m[0]) for m in b.mentions) if k is not None and doc.tokens[k].text == b.name]
    if b.type == "other":
        return any(_article_before(doc, k) != "" for k in heads)
    if b.name in gaz.first_names or _in_longer_name(doc, b):
        return False
    return any(_noun_after_article(doc, k) or common_noun(doc.tokens[k]) for k in heads)


def _in_longer_name(doc: PreparedDoc, b: _Building) -> bool:
    """Whether a one-word name stands after the first word of one of its mentions ("Fink" in
    "Anna Fink"): it is part of a longer name in the article."""
    return any(b.name in doc.text[s:e].split()[1:] for s, e in b.mentions)


def _dictionary_person(doc: PreparedDoc, b: _Building, gaz: Gazetteer) -> bool:
    """Whether a "person" named by one word is a common noun of the German dictionary that names no
    one ("mit Benzin übergossen", "eine Ware"): the dictionary knows a plural or dative form of it
    (:func:`~onrecord.lang.de.stance.declined_noun`; famous names it holds have none: "Marx",
    "Goethe"); it has no role, is no given name, no name the gazetteer saw as a person's, no part
    of a longer name in the article and stands in no list of names. Such an entity is "other".
    (Surnames that are nouns, "Fink", "Kaiser": a person the article names in full is a longer
    name, and the surname alone resolves to it.)"""
    if b.type != "person" or b.roles or b.cluster is None or " " in b.name or not gaz.dictionary_noun(b.name):
        return False
    if gaz.common is None or not declined_noun(gaz.common, b.name):
        return False
    return not _in_longer_name(doc, b) and not _listed_with_names(doc, b, gaz)


def _listed_with_names(doc: PreparedDoc, b: _Building, gaz: Gazetteer) -> bool:
    """Whether a mention of ``b`` stands in a list beside a capitalised word that is no common noun
    and no word of the dictionary ("Che, Mao, Marx und …"): a surname among names, whatever else
    the word means ("Benzin, Diesel und Öl" is a list of nouns)."""
    starts = token_starts(doc)
    toks = doc.tokens
    joiners = word_set("list_joiners.txt")
    for s, _ in b.mentions:
        k = starts.get(s)
        if k is None:
            continue
        for joiner, other in ((k - 1, k - 2), (k + 1, k + 2)):
            if 0 <= other < len(toks) and toks[joiner].lower in joiners and toks[other].sent == toks[k].sent \
                    and name_word(toks[other]) and not common_noun(toks[other]) \
                    and not gaz.dictionary_noun(toks[other].text):
                return True
    return False


def _noun_after_article(doc: PreparedDoc, k: int) -> bool:
    """Whether token ``k`` follows an article with no preposition between ("der einzig verfügbare
    Mann"; not "die in Piräeus", where the article belongs to another noun)."""
    if _article_before(doc, k) == "":
        return False
    j = k - 1
    while j >= 0 and doc.tokens[j].lower not in _ARTICLES:
        if doc.tokens[j].lower in lexicon().prepositions:
            return False
        j -= 1
    return True


def _outlet_name(word: str) -> bool:
    """Whether ``word`` is an outlet's name in ``data/outlets.txt`` ("Spiegel", "STANDARD") or the
    name of the article's own outlet (:func:`~onrecord.extraction.outlets.current_own_outlet`)."""
    own = current_own_outlet()
    return lexicon().outlets.get(word) == "name" or (own is not None and own.names_word(word))


def _demonym_person(state: _State, doc: PreparedDoc, view: Candidate, head: int) -> _Building | None:
    """For a speaker that is only "der"/"die" and a demonym ("sagte der Wiener", "die
    Tirolerin"), when the article agrees with the noun's gender: the one person named in the
    nearest of the four sentences before that names any (its own sentence holds the words
    quoted, which may name others). Two persons there, or none: no one."""
    toks = doc.tokens
    word = toks[head].text
    if view.end != head + 1 or head == 0 or not demonym(word):
        return None
    article = toks[head - 1].lower
    if article not in ("der", "die") or word != "Deutsche" and (article == "die") != word.endswith("in"):
        return None
    sent = toks[head].sent
    for k in range(sent - 1, max(-1, sent - 1 - _DEMONYM_BACK), -1):
        lo, hi = toks[doc.sentences[k][0]].start, toks[doc.sentences[k][1] - 1].end
        named = [b for b in state.building if b.type == "person" and b.cluster is not None
                 and any(lo <= m[0] < hi for m in b.mentions)]
        if named:
            return named[0] if len(named) == 1 else None
    return None


#: sentences before a demonym speaker in which the person it describes may be named
_DEMONYM_BACK = 4


def generic_body(name: str) -> bool:
    """Whether an entity's whole name is a common noun for a kind of body that names no
    particular one ("Regierung", "Innenministerium", "Staatsanwaltschaft", "Nutzer"): such an
    entity is an unnamed group of its article, never linked to the same noun elsewhere."""
    words, endings = words_and_endings("generic_bodies.txt")
    if " " in name or not name[:1].isupper():
        return False
    if name in words:
        return True
    last = name.rsplit("-", 1)[-1].lower()
    return any(last.endswith(x) and len(last) - len(x) >= 3 for x in endings) or (
        "-" in name and name.rsplit("-", 1)[-1] in words
    )


def _dedupe_roles(doc: PreparedDoc, roles: list[RoleMatch]) -> list[Role]:
    """One role per (title, organisation, place); a bare title already given with more
    detail ("Professorin" beside "Professorin für …, Universität Leipzig") is dropped."""
    seen: set[tuple[str | None, str | None, str | None, bool]] = set()
    out: list[Role] = []
    detailed = {r.title for r in roles if r.organization or r.place}
    for r in roles:
        key = (r.title, r.organization, r.place, r.former)
        if key in seen or (r.organization is None and r.place is None and r.title in detailed):
            continue
        seen.add(key)
        span = _char_span(doc, r.begin, r.end)
        out.append(Role(title=r.title, organization=r.organization, place=r.place, spans=[span], former=r.former))
    return out
