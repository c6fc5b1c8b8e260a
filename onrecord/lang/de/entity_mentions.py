"""Resolution state and the mentions it resolves: pronouns, groups, role phrases and names.

Part of :mod:`onrecord.lang.de.entities`. :class:`_State` holds what resolution has read so far in
one document (the entities being built, the last person and organisation, the token ranges of
names and roles); the functions here resolve one mention against it: a pronoun to the last
person or collective (:func:`_pronoun`), a plural group noun (:func:`_group`), a role phrase
without a name to its holder or an unnamed person (:func:`_unnamed_role`), and a name to its
cluster (:func:`_named`, with the gazetteer checks that tell a name from a capitalised noun).

The sets of function words in this module (contractions of a preposition and the article) are
closed grammatical classes and stay beside the rule that reads them: each rule picks its own
members of a class on purpose, and the open word lists (nouns, verbs, names) are data files
under ``data/``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from onrecord.extraction.names import NameCluster, NameResolver
from onrecord.extraction.outlets import current_own_outlet
from onrecord.lang.de.entity_names import (
    _ARTICLES,
    _INDEFINITE,
    _OBLIQUE,
    _POSSESSIVES,
    _PREPOSITIONS,
    Gazetteer,
    _char_span,
    _known_place,
    entity_type,
    given_name_genitive,
    is_name,
    name_core,
    surname_first_name,
    trim_name,
    written_stem,
)
from onrecord.lang.de.lexicon import lexicon, time_word, word_set
from onrecord.lang.de.memo import memoised
from onrecord.lang.de.role_bodies import described_body_names, possessive_organisation
from onrecord.lang.de.role_lexicon import _NOMINATIVE_ARTICLES, name_word, role_gender
from onrecord.lang.de.roles import (
    KindAt,
    RoleMatch,
    affiliations_after,
    age_copula_subject,
    apposition_after,
    coordinated_after,
    coordinated_before,
    is_feminine_role,
    is_role,
    nominative,
    one_coordinated_title,
    organisation_in_name,
    pronoun_predicate,
    role_before,
    role_before_copula,
    role_before_role,
    role_phrase,
)
from onrecord.lang.de.sources import outlet_gender
from onrecord.lang.de.speakers import Candidate
from onrecord.lang.de.tokens import PreparedDoc, Token
from onrecord.model import EntityKind, EntityType

__all__ = [
    "SPEAKER_SENTENCES",
]


@dataclass
class _Building:
    cluster: NameCluster | None
    name: str
    type: EntityType
    mentions: list[tuple[int, int]] = field(default_factory=list)
    roles: list[RoleMatch] = field(default_factory=list)
    kind: EntityKind | None = None


@dataclass
class _State:
    """What resolution has read so far in one document."""

    building: list[_Building] = field(default_factory=list)
    by_cluster: dict[int, _Building] = field(default_factory=dict)
    of_mention: dict[Candidate, _Building] = field(default_factory=dict)
    last_seen: dict[int, int] = field(default_factory=dict)
    last_person: _Building | None = None
    last_collective: _Building | None = None  # organisation or group
    names: list[tuple[int, int, _Building]] = field(default_factory=list)  # token ranges of names
    roles: list[tuple[int, int, _Building]] = field(default_factory=list)  # token ranges of roles
    groups: dict[str, _Building] = field(default_factory=dict)

    def new(self, cluster: NameCluster | None, name: str, etype: EntityType) -> _Building:
        b = _Building(cluster, name, etype)
        self.building.append(b)
        if cluster is not None:
            self.by_cluster[id(cluster)] = b
        return b

    def seen(self, ent: _Building, span: tuple[int, int], cand: Candidate | None, mention: bool = True) -> None:
        """Record a mention of ``ent`` (and, for a candidate, that it resolves to ``ent``)."""
        if mention:
            ent.mentions.append(span)
        if cand is not None:
            self.of_mention[cand] = ent
        self.last_seen[id(ent)] = span[0]
        if ent.type == "person":
            self.last_person = ent
        elif ent.type in ("organization", "group"):
            self.last_collective = ent


def _inside(ranges: list[tuple[int, int, _Building]], cand: Candidate) -> _Building | None:
    for b, e, ent in reversed(ranges):
        if b <= cand.begin and cand.end <= e:
            return ent
    return None


def _article_before(doc: PreparedDoc, i: int) -> str:
    """The article right before token ``i`` (skipping adjectives), lower-cased, else ""."""
    j = i - 1
    while j >= 0 and i - j <= 4 and doc.tokens[j].text.isalpha() and doc.tokens[j].text[:1].islower():
        if doc.tokens[j].lower in _ARTICLES:
            return doc.tokens[j].lower
        j -= 1
    if j >= 0 and doc.tokens[j].lower in _ARTICLES:  # sentence-initial "Der", "Ein"
        return doc.tokens[j].lower
    return ""


def _role_only(doc: PreparedDoc, cand: Candidate, head: int, kinds: KindAt) -> bool:
    """A role noun or role phrase with no name in the mention ("der Sprecher", "ein Sprecher
    des Auswärtigen Amts"; not "Sprecher Steffen Hebestreit", not "Der Geschäftsführer der
    Firma, Gerd-Jürgen Bruckschen")."""
    if not is_role(doc.tokens[head]):
        return False
    if any(surname_first_name(doc, i, cand.end) for i in range(head + 1, cand.end - 1)):
        return False  # "Oppositionsführer Lee Jae-myung": a name follows the role
    return head + 1 >= cand.end or role_phrase(doc, cand.begin, cand.end, kinds) is not None


def _is_group(doc: PreparedDoc, head: int) -> bool:
    """A plural group noun: listed, and not after a singular article ("ein Sprecher")."""
    tok = doc.tokens[head]
    if tok.text not in lexicon().groups:
        return False
    article = _article_before(doc, head)
    return not (is_role(tok) and (article in _INDEFINITE or article in ("der", "dem", "des")))


def _case_forms(noun: str) -> tuple[str, ...]:
    """A role noun without the ending of an oblique case, beside the noun as written: the
    genitive "-s" ("des Außenministers" → "außenminister") and the "-n"/"-en" of the weak and
    adjectival nouns ("dem Präsidenten" → "präsident", "des Vorsitzenden" → "vorsitzende")."""
    forms = [noun]
    if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 4:
        forms.append(noun[:-1])
    if noun.endswith("en") and len(noun) > 5:
        forms.extend((noun[:-1], noun[:-2]))
    return tuple(forms)


def _holder(
    state: _State, role_word: str, organization: str | None = None, place: str | None = None
) -> _Building | None:
    """The most recent person holding a role whose noun ends in ``role_word`` ("die
    Ministerin" → "Außenministerin Anna Müller"); for a phrase that names an ``organization``
    ("Coach der Red Bull Juniors"), one holding that role in that organisation (the coach of
    another club is someone else); likewise for a ``place`` ("des österreichischen
    Außenministers" is not the Polish one)."""
    wants = _case_forms(role_word.lower())
    holders = [
        b for b in state.building
        if b.type == "person" and any(
            r.head and any(h.endswith(w) for h in _case_forms(r.head.lower()) for w in wants)
            and (organization is None or r.organization == organization)
            and (place is None or r.place == place)
            for r in b.roles
        )
    ]
    return max(holders, key=lambda b: state.last_seen.get(id(b), -1), default=None)


def _name_surface(doc: PreparedDoc, start: int, end: int, etype: EntityType, gaz: Gazetteer) -> str:
    """The name as written, without the -s of a one-word or personal name's genitive whose stem
    the text writes too ("Apples Musikdienst" beside "Apple" → "Apple"), or for an organisation
    after an oblique article its nominative ("des Instituts für Weltwirtschaft" → "Institut für
    Weltwirtschaft")."""
    toks = doc.tokens
    text = doc.text[toks[start].start : toks[end - 1].end]
    if (end - start == 1 or etype == "person") and written_stem(doc, end - 1, gaz):
        return text[:-1]  # (not "Nordwesten Chinas": the genitive of a longer name is no name's end)
    if end - start == 1 and etype == "person" and start > 0 and toks[start - 1].text in word_set(
        "given_name_titles.txt"
    ) and given_name_genitive(toks[start], gaz):
        return text[:-1]  # "Prinz Eugens" → Eugen
    if etype != "organization" or start == 0:
        return text
    article = toks[start - 1].lower
    if article == "der" and start >= 2 and toks[start - 2].lower in _PREPOSITIONS:
        return nominative(toks[start:end], "der")
    if article in _OBLIQUE:
        return nominative(toks[start:end], article)
    return text


def _feminine(person: _Building) -> bool:
    """Whether a person is known to be a woman by a role noun ("die Dissidentin Anna Berg")."""
    return any(r.head and not r.head.endswith("e") and is_feminine_role(r.head) for r in person.roles)


def _last_man(state: _State) -> _Building | None:
    """The person "er" refers to: the person named last, or when she is known to be a woman
    ("…, sagte die Dissidentin Anna Berg. … sagte er"), the last one not known to be one."""
    last = state.last_person
    if last is None or not _feminine(last):
        return last
    others = [b for b in state.building if b.type == "person" and not _feminine(b) and id(b) in state.last_seen]
    return max(others, key=lambda b: state.last_seen[id(b)], default=None)


#: demonstratives that stand for the one named last: the personal pronoun of their gender
_DEMONSTRATIVES = {"dieser": "er", "jener": "er", "diese": "sie"}


def _pronoun(
    state: _State, head: str, span: tuple[int, int], cand: Candidate, is_speaker: bool, mention: bool = True
) -> None:
    """Resolve a pronoun speaker (``mention``: the span itself refers to the entity); a
    demonstrative stands for the one named last as the personal pronoun of its gender does
    ("… mit dem Anwalt Rainer W. – sagte dieser, …": Rainer W.)."""
    if head in _DEMONSTRATIVES:
        if not is_speaker:
            return  # "in dieser Woche": a determiner mostly, no mention of anyone
        head = _DEMONSTRATIVES[head]
    target: _Building | None = None
    if head == "er":
        target = _last_man(state)
    elif head == "sie":
        options = [b for b in (state.last_person, state.last_collective) if b is not None]
        target = max(options, key=lambda b: state.last_seen.get(id(b), -1), default=None)
    if is_speaker and target is not None:
        if mention:
            target.mentions.append(span)
        state.of_mention[cand] = target
    elif head == "er" and mention and target is not None:
        target.mentions.append(span)  # "er" of no statement: a mention of the last person ("Er starb am …")


def _pronoun_role(state: _State, doc: PreparedDoc, cand: Candidate, kinds: KindAt) -> None:
    """A role stated with a copula for "er"/"sie" ("Er ist seit 2010 Chef der Nordbank", "Zuvor war
    sie Sprecherin des Vereins"): one more role of the person named last, when that person was
    named in this or the sentence before, no organisation came after it ("sie" then may be the
    organisation) and the role noun agrees with the pronoun ("sie" → "Sprecherin"). Read before
    the pronoun itself is resolved, so that the distance is the one to the name."""
    toks = doc.tokens
    word = toks[cand.begin].lower
    if cand.end - cand.begin != 1 or word not in ("er", "sie"):
        return
    match = pronoun_predicate(doc, cand.begin, cand.end, kinds)
    person = state.last_person
    if match is None or match.plural or match.title is None or person is None or person.cluster is None:
        return
    if is_feminine_role(match.head or "") != (word == "sie") or _gender_clash(person, match):
        return
    seen = state.last_seen.get(id(person), -1)
    collective = state.last_collective
    if collective is not None and state.last_seen.get(id(collective), -1) > seen:
        return
    sent = toks[cand.begin].sent
    if seen < toks[doc.sentences[max(0, sent - 1)][0]].start:
        return
    person.roles.append(match)
    state.roles.append((match.begin, match.end, person))


def _place_description(state: _State, doc: PreparedDoc, view: Candidate, kinds: KindAt) -> bool:
    """A role after a place in the genitive that opens its sentence as its subject ("Norwegens
    Teamchef hat den Stürmer nominiert"), right after a sentence that named a person: a definite
    description of that person, one more role of it (title, place). True when read so."""
    toks = doc.tokens
    b, r = view.begin, view.begin + 1
    if view.end != b + 2 or r + 1 >= len(toks) or doc.sentences[toks[b].sent][0] != b or not is_role(toks[r]):
        return False
    verb = toks[r + 1]
    if verb.sent != toks[r].sent or not (verb.text.isalpha() and verb.text.islower()) or verb.lower in _ARTICLES or (
        verb.lower in ("und", "oder", "sowie") or verb.lower.endswith("en")
    ):
        return False  # a finite verb in the singular must follow: the phrase is the subject of one person
    match = role_before(doc, r + 1, kinds)
    if match is None or match.begin != b or match.end != r + 1 or match.place is None or match.plural:
        return False
    person = _named_just_before(state, doc, b)
    if person is None or _gender_clash(person, match):
        return False
    person.roles.append(match)
    state.roles.append((match.begin, match.end, person))
    state.seen(person, _char_span(doc, b, r + 1), None)
    return True


def _group(state: _State, doc: PreparedDoc, view: Candidate, cand: Candidate, head: int, kinds: KindAt) -> None:
    """An unnamed group ("Analysten"); the same noun again is the same group."""
    key = doc.tokens[head].text
    span = _char_span(doc, view.begin, view.end)
    target = state.groups.get(key)
    if target is None:
        target = state.groups[key] = state.new(None, doc.text[span[0] : span[1]], "group")
        phrase = role_phrase(doc, head, head + 1, kinds)
        if phrase is not None and not phrase.plural and (phrase.organization or phrase.place):
            target.roles.append(phrase)
    state.seen(target, span, cand)


def _named_just_before(state: _State, doc: PreparedDoc, begin: int) -> _Building | None:
    """The person named in the sentence before a definite role phrase that opens its sentence:
    "… hieß dieser Mario Kunasek. Der steirische FPÖ-Chef titelte …" (a role stated in the
    next sentence for the same person)."""
    toks = doc.tokens
    sent = toks[begin].sent
    sent_begin = doc.sentences[sent][0]
    person = state.last_person
    if person is None or person.cluster is None or sent == 0 or begin - sent_begin > 2:
        return None
    if any(t.text[:1].isupper() and t.text.isalpha() and t.lower not in _ARTICLES
           for t in toks[sent_begin:begin] if t.i != sent_begin):
        return None
    previous = toks[doc.sentences[sent - 1][0]].start
    return person if state.last_seen.get(id(person), -1) >= previous else None


def _same_body_holder(state: _State, phrase: RoleMatch) -> _Building | None:
    """The most recent named person who holds a role in the organisation a definite role phrase
    names ("UN-Generalsekretär Ban …" for "der UN-Chef"): the phrase describes that person."""
    if phrase.organization is None:
        return None
    holders = [b for b in state.building if b.type == "person" and b.cluster is not None
               and any(r.organization == phrase.organization for r in b.roles)]
    return max(holders, key=lambda b: state.last_seen.get(id(b), -1), default=None)


def _gender_clash(person: _Building, phrase: RoleMatch) -> bool:
    """Whether a role phrase's noun ("Rektorin") and the person's known role nouns differ in gender."""
    want = role_gender(phrase.head)
    return want is not None and any(role_gender(r.head) not in (None, want) for r in person.roles)


#: how many sentences back the person a definite speaker phrase describes may be named last
#: ("…, so Lanzer. <sentence>. <sentence>, so der UN-Mitarbeiter": the quote runs on)
SPEAKER_SENTENCES = 2


def _speaker_just_named(state: _State, doc: PreparedDoc, phrase: RoleMatch) -> _Building | None:
    """For a definite role phrase that is a speaker after its cue ("…, sagt die Rektorin der
    Universität", "…, so der UN-Mitarbeiter"), the person named last, in this or one of the
    two sentences before: the phrase names that person's role."""
    toks = doc.tokens
    sent = toks[phrase.begin].sent
    person = state.last_person
    if person is None or person.cluster is None or _gender_clash(person, phrase):
        return None
    since = toks[doc.sentences[max(0, sent - SPEAKER_SENTENCES)][0]].start
    return person if state.last_seen.get(id(person), -1) >= since else None


def _after_cue(doc: PreparedDoc, begin: int) -> bool:
    """Whether a phrase follows a reporting verb or "so" after a comma ("…, sagt die Rektorin")."""
    toks = doc.tokens
    if begin < 2 or toks[begin - 2].text != ",":
        return False
    cue = toks[begin - 1]
    return cue.lower == "so" or _is_cue_verb(cue)


def _is_cue_verb(tok: Token) -> bool:
    """Whether a token is a reporting verb of the cue lexicon (by lemma, else by form)."""
    cues = lexicon().cues
    return cues.get(tok.lemma, cues.get(tok.lower)) == "verb"


def _subject_like(doc: PreparedDoc, begin: int) -> bool:
    """Whether an unnamed role phrase can be the subject of its clause, and so a holder the text
    reports on ("Ein Sprecher des Amts bestätigte …"): not after a preposition ("auf eine
    israelische Soldatin"), not in the genitive or dative ("nach den Worten des Außenministers",
    "dem Staatspräsidenten von Vietnam") — such a phrase mentions a role, it names no holder."""
    toks = doc.tokens
    first = toks[begin]
    if first.lower in _ARTICLES and first.lower not in _NOMINATIVE_ARTICLES:
        return False
    if begin > 0 and (toks[begin - 1].lower in lexicon().prepositions or toks[begin - 1].lower in _ARTICLES):
        return False
    return True


def _reporting_subject(doc: PreparedDoc, phrase: RoleMatch) -> bool:
    """Whether an unnamed role phrase is the subject of a reporting verb right after or before
    it ("Ein Sprecher des Amts bestätigte …", "…, bestätigte ein Sprecher des Amts"): a source,
    which the roles set records; an unnamed holder who only acts ("ein UN-Soldat wurde
    getötet") is a mention of a role, no one the set records (GUIDELINES B)."""
    toks = doc.tokens
    after = [t for t in toks[phrase.end : phrase.end + 2] if t.sent == toks[phrase.begin].sent]
    before = toks[phrase.begin - 1] if phrase.begin > 0 else None
    return any(_is_cue_verb(t) for t in after) or (
        before is not None and (_is_cue_verb(before) or before.lower == "so")
    )


def _described_person(state: _State, doc: PreparedDoc, phrase: RoleMatch) -> _Building | None:
    """For a definite singular role phrase without a name that opens its sentence as its subject
    ("Der Jurist holte …", "Der Titelverteidiger musste …"), the person named in the sentence
    before, or one that opens the clause after a colon, the person named before the colon in
    the same sentence: the phrase is a definite description of that person, one more role of it."""
    toks = doc.tokens
    first = toks[phrase.begin]
    if phrase.plural:
        return None
    if first.lower not in ("der", "die"):
        return _age_described(state, doc, phrase)  # "Der 45-Jährige ist seit 2010 Chef der …"
    if phrase.begin > 0 and toks[phrase.begin - 1].text == ":" and toks[phrase.begin - 1].sent == first.sent:
        person = state.last_person  # "… eine Rede von Generalmajor X: Der Vize-Generalstabschef hatte …"
        if person is None or person.cluster is None or _gender_clash(person, phrase):
            return None
        since = toks[doc.sentences[first.sent][0]].start
        return person if state.last_seen.get(id(person), -1) >= since else None
    if doc.sentences[first.sent][0] != phrase.begin:
        return None  # "Freigelassen wurde der katholische Priester, Blogger …": not a description
    if not _subject_like(doc, phrase.begin):
        return None
    person = _describable(_named_just_before(state, doc, phrase.begin), phrase)
    if person is None or _gender_clash(person, phrase):
        return None
    return person


def _describable(person: _Building | None, phrase: RoleMatch) -> _Building | None:
    """``person`` unless a definite role phrase without a name cannot describe that person
    (named just before it) and so names someone else: a body's spokesperson of
    ``data/spokesperson_nouns.txt`` ("Der Sprecher des Unternehmens sagte …" after "Der Konzern
    von Peter X …"; a holder of that role named before was found by :func:`_holder`). A role
    in another body than those of the person's roles is no such sign: the text names one body
    in several ways ("PiS", "Partei Recht und Gerechtigkeit"; "UN", "UN-Flüchtlingshilfswerk")."""
    if person is None or phrase.head in word_set("spokesperson_nouns.txt"):
        return None
    return person


def _age_described(state: _State, doc: PreparedDoc, phrase: RoleMatch) -> _Building | None:
    """For a singular role phrase after a copula whose subject is an age noun ("Der 45-Jährige ist
    seit 2010 Chef der Nordbank"), the person named last, in this or the sentence before, when
    the article agrees with the role noun's gender ("die 45-Jährige" → "Chefin")."""
    article = age_copula_subject(doc, phrase.begin)
    person = state.last_person
    if article is None or phrase.plural or person is None or person.cluster is None:
        return None
    if is_feminine_role(phrase.head or "") != (article == "die") or _gender_clash(person, phrase):
        return None
    toks = doc.tokens
    since = toks[doc.sentences[max(0, toks[phrase.begin].sent - 1)][0]].start
    return person if state.last_seen.get(id(person), -1) >= since else None


def _unnamed_role(state: _State, doc: PreparedDoc, cand: Candidate | None, phrase: RoleMatch) -> None:
    """A role phrase without a name: its earlier holder, else a new person named by it."""
    article = doc.tokens[phrase.begin].lower
    target = (
        _holder(state, phrase.head or "", phrase.organization, phrase.place) if article not in _INDEFINITE else None
    )
    span = _char_span(doc, phrase.begin, phrase.end)
    described = False
    if target is None and article in ("der", "die") and not phrase.plural:
        target = _same_body_holder(state, phrase) or _describable(_named_just_before(state, doc, phrase.begin), phrase)
        if target is None and (cand is not None or _after_cue(doc, phrase.begin)):
            target = _describable(_speaker_just_named(state, doc, phrase), phrase)
        described = target is not None and any(r.head != phrase.head for r in target.roles)
    if target is None:
        # named by the phrase without its article, so that "ein Sprecher des Auswärtigen Amts" and
        # "der Sprecher des Auswärtigen Amts" are one unnamed holder of that role
        name_from = phrase.begin + 1 if article in _ARTICLES and phrase.end - phrase.begin > 1 else phrase.begin
        target = state.new(None, doc.text[doc.tokens[name_from].start : span[1]],
                           "group" if _plural_holders(doc, phrase) else "person")
    if not phrase.plural and (phrase.organization or phrase.place or not target.roles or described):
        target.roles.append(phrase)  # a plural phrase names a group of holders: no one's role
    state.roles.append((phrase.begin, phrase.end, target))
    state.seen(target, span, cand)


def _plural_holders(doc: PreparedDoc, phrase: RoleMatch) -> bool:
    """Whether a role phrase read as plural names a group of holders by a declined plural noun
    ("den Kritikern", "die FPÖ-Abgeordneten": its lemma is another form, it ends in -n); the
    plural reading alone also takes singular phrases ("die Kammer-Obfrau")."""
    if not phrase.plural or not phrase.head:
        return False
    heads = [t for t in doc.tokens[phrase.begin : phrase.end] if t.text.endswith(phrase.head)]
    return any(t.text.endswith("n") and t.lemma != t.text for t in heads)


def _named(
    state: _State, doc: PreparedDoc, view: Candidate, cand: Candidate, types: list[str], kinds: KindAt,
    gaz: Gazetteer, resolver: NameResolver, is_speaker: bool, quoted: bool = False,
) -> None:
    """A name: joins its name cluster, with the roles before and after it. A name inside
    quotation marks (``quoted``) needs the NER tagger, a given name or a known place to vouch
    for it: the words of a quote hold many capitalised nouns ("Mann", "Reich") and no speaker."""
    toks = doc.tokens
    lex = lexicon()
    if not is_speaker and not quoted and _place_description(state, doc, view, kinds):
        return
    start, end, prefix_role = name_core(doc, view, types, kinds)
    start, end = trim_name(doc, start, end, types, gaz)
    end = _syllable_tail(doc, start, end, types)
    while end - start > 1 and (toks[start].lower in lex.time_words or lex.non_names.get(toks[start].text) == "time"):
        start += 1  # "Mai Wien": a month glued to a city
    while end - start > 1 and time_word(toks[end - 1].lower):
        end -= 1  # "Vizekanzler Reinhold Mitterlehner Montagmittag": the time is no part of the name
    start, end = _unglued(state, doc, start, end, gaz)
    if end - start == 1 and _source_noun(toks[start].text, lex.source_nouns):
        return  # "Ministeriumsangaben", "Spiegel-Informationen", "Erkenntnissen": what a source gave, no one
    if end - start == 2 and toks[start].text.endswith("s") and kinds(start) == "LOC" and name_word(toks[start + 1]):
        if types[start + 1] != "PER" and toks[start + 1].text not in gaz.first_names:
            end = start + 1  # "Deutschlands Unterstützung": the place, not a person
    outlet = _outlet_name(doc, start, end)
    if outlet is not None:
        start = outlet  # "der Zeitung Kurier" → Kurier, an outlet
    words = [t.text for t in toks[start:end]]
    if all(w.lower() in lex.time_words or lex.non_names.get(w) == "time" for w in words):
        return  # "Herbst", "Mai": no entity
    if all(lex.non_names.get(w) == "place" for w in words):
        types = [*types[:start], *(["LOC"] * (end - start)), *types[end:]]  # "Westen": a place
    ner = {t for t in types[start:end] if t}
    if end - start == 1:
        ner = _stem_tags(doc, start, types, gaz) or ner  # "Apples" tagged PER, "Apple" ORG elsewhere: ORG
    appos = apposition_after(doc, end, kinds)
    second = coordinated_after(doc, appos, kinds)
    joined = one_coordinated_title(appos, second)
    if joined is not None:
        appos, second = joined, None  # "X, ein Rechtsanwalt und Menschenrechtler": one title
    subject = role_before_copula(doc, start, kinds) if prefix_role is None else None  # "der Kandidat ist X"
    roles = [r for r in (role_before_role(doc, prefix_role, kinds), coordinated_before(doc, prefix_role, kinds),
                         prefix_role, subject, appos, second) if r is not None]
    named = organisation_in_name(doc, start, end, gaz.first_names) if "PER" in ner else None
    roles = affiliations_after(doc, end, roles, kinds, named)
    roles = described_body_names(doc, possessive_organisation(doc, roles, kinds), kinds)
    if not is_speaker and end - start == 1 and "PER" not in ner and gaz.dictionary_noun(words[0]):
        if not _known_surname(state, words):
            roles = [r for r in roles if not _bogus_role(doc, r, start, end, gaz)]
    if not is_name(words, gaz, ner, bool(roles)) and not is_speaker and not _known_surname(state, words):
        return
    if quoted and not (ner & {"PER", "ORG", "LOC"} or words[0] in gaz.first_names or _known_place(" ".join(words))):
        return
    if not is_speaker and not roles and outlet is None and _gazetteer_noun(doc, start, end, ner, gaz):
        return
    if not is_speaker and roles == [prefix_role] and _noun_after_role(doc, start, end, ner, gaz):
        return  # (a role after the word, "X arbeitete als Manager", vouches for a name)
    titled = end - start == 1 and "PER" not in ner and _titled_elsewhere(doc, toks[start].text)
    etype: EntityType = "organization" if outlet is not None else entity_type(words, gaz, bool(roles) or titled, ner)
    if etype == "person" and not roles and _inside(state.roles, view) is not None:
        # a name inside a role ("ein Sprecher des Auswärtigen Amts") is its organisation or place
        etype = "location" if "LOC" in ner else "organization"
    name_span = _char_span(doc, start, end)
    cluster = resolver.add(name_span, _name_surface(doc, start, end, etype, gaz), etype)
    ent = state.by_cluster.get(id(cluster))
    if ent is None:
        ent = state.new(cluster, cluster.name, etype)
    ent.name = cluster.name
    if roles and ent.type not in ("person", "organization"):
        ent.type = "person"
    if ent.type == "location" and etype == "person" and "PER" in ner and len(words) > 1 and words[0] in gaz.first_names:
        ent.type = "person"  # "Rosberg" tagged as a place, then "Nico Rosberg": a person's surname
    if outlet is not None:
        ent.type, ent.kind = "organization", "outlet"
    ent.roles.extend(roles)
    state.names.append((start, end, ent))
    state.roles.extend((r.begin, r.end, ent) for r in roles)
    state.seen(ent, name_span, cand if is_speaker or cand.begin == view.begin else None)


def _titled_elsewhere(doc: PreparedDoc, word: str) -> bool:
    """Whether a one-word name stands right after a role noun somewhere in the text ("von Papst
    Franziskus", where the tagger tagged no name): "Franziskus" alone elsewhere is that person,
    not an "other" name that a pronoun cannot reach."""
    at = memoised(doc, "entity_mentions.titled", lambda: frozenset(
        t.text for k, t in enumerate(doc.tokens[1:], 1)
        if t.text[:1].isupper() and doc.tokens[k - 1].sent == t.sent and doc.tokens[k - 1].text[:1].isupper()
        and is_role(doc.tokens[k - 1])
    ))
    return word in at


def _stem_tags(doc: PreparedDoc, k: int, types: list[str], gaz: Gazetteer) -> set[str]:
    """For a one-word genitive name ("Apples", "Merkels"), the one NER tag that every tagged
    token of its stem carries elsewhere in the text ("Apple" → ORG), else an empty set: the
    tagger reads a genitive before a noun as a person's name more often than the bare name."""
    if not written_stem(doc, k, gaz):
        return set()
    stem = doc.tokens[k].text[:-1]
    tags = {types[j] for j, t in enumerate(doc.tokens) if t.text == stem and types[j]}
    return tags if len(tags) == 1 else set()


def _unglued(state: _State, doc: PreparedDoc, start: int, end: int, gaz: Gazetteer) -> tuple[int, int]:
    """A name run without a word glued to the surname of a person the text named in full
    before: a noun before it that is no given name ("In welcher Form Aslan …" after "Ednan
    Aslan"), or that surname after another full name ("… Erwin Pröll Mitterlehner angeschrien"
    after "Reinhold Mitterlehner"): the run names that person, or the other one."""
    if end - start < 2:
        return start, end  # one word: nothing glued to cut
    toks = doc.tokens
    full: dict[str, list[str]] = {}
    for b in state.building:
        parts = b.name.split()
        if b.type == "person" and b.cluster is not None and len(parts) > 1:
            full.setdefault(parts[-1], parts)
    first, last = toks[start].text, toks[end - 1].text
    if end - start == 2 and last in full and first != full[last][0] and _glued_noun(first, gaz):
        return start + 1, end
    if end - start >= 3 and last in full and toks[start].text in gaz.first_names and (
        _glued_noun(toks[end - 2].text, gaz) and toks[end - 2].text not in full[last]
    ):
        return start, end - 1
    return start, end


#: tokens that close an apposition after its role ("Fink, der Trainer, sagte", "…, der Trainer.")
_APPOSITION_CLOSERS = frozenset({",", ".", ";", ":", "!", "?", ")", "–", "—", "-"})


def _bogus_role(doc: PreparedDoc, role: RoleMatch, start: int, end: int, gaz: Gazetteer) -> bool:
    """Whether ``role`` cannot make the one-word dictionary noun ``[start, end)`` a person (the
    caller asks only for such a word that no tagger reads as a person's name): a role before it
    across a comma, an item of the same list ("Lehrer, Eltern und Gewerkschaften"); a role
    before it whose title is no dictionary noun ("Optimaler Start": an adjective); a role after
    it that runs on into its clause instead of closing ("für neuen Zündstoff, die Höchstrichter
    kippten …": the subject of the next clause, no apposition)."""
    toks = doc.tokens
    if role.end <= start:
        title = (role.title or "").split()
        return any(t.text == "," for t in toks[role.end : start]) or not (title and gaz.dictionary_noun(title[-1]))
    if role.begin >= end:
        after = role.end
        closed = after >= len(toks) or toks[after].sent != toks[end - 1].sent
        return not closed and toks[after].text not in _APPOSITION_CLOSERS
    return False


def _source_noun(word: str, source_nouns: tuple[str, ...]) -> bool:
    """A noun for what a source gave, or its compound ("Angaben", "Konzern-Angaben",
    "Medieninformationen", "Erkenntnissen"; ``data/source_nouns.txt``), which names no one."""
    low = word.lower()
    # (``endswith`` over the whole tuple first: most words end in no source noun at all)
    return word[:1].isupper() and low.endswith(source_nouns) and word.replace("-", "").isalpha() and any(
        low == x or (low.endswith(x) and (low[-len(x) - 1] == "-" or len(low) - len(x) >= 3)) for x in source_nouns
    )


def _glued_noun(word: str, gaz: Gazetteer) -> bool:
    """A capitalised word that may be a noun glued before a surname: no given name, no
    acronym, no particle."""
    return word.isalpha() and word[:1].isupper() and word[1:].islower() and word not in gaz.first_names


def _known_surname(state: _State, words: list[str]) -> bool:
    """A lone word that is the last name of a person the text named in full before ("Thorsten
    Fink … Fink kehrt zurück"): a later mention of that person, whatever the word also means as
    a noun ("Fink", "Kurz") and whether or not the NER tagger saw it."""
    if len(words) != 1:
        return False
    word = words[0]
    for b in state.building:
        # (the substring test first: a name's last word is in it; most names do not hold the word)
        if b.type == "person" and b.cluster is not None and word in b.name:
            parts = b.name.split()
            if len(parts) > 1 and parts[-1] == word:
                return True
    return False


#: contractions of a preposition and the definite article ("im Radio", "vom Band")
_CONTRACTIONS = frozenset({"im", "am", "vom", "zum", "zur", "beim", "ins", "ans", "aufs", "übers", "unterm"})


def _gazetteer_noun(doc: PreparedDoc, start: int, end: int, ner: set[str], gaz: Gazetteer) -> bool:
    """A common noun that only the word gazetteer vouches for, as a part of organisations or
    places it saw ("Dach", "Zeit", "Radio", "Armee"): one word, untyped by the NER tagger, no
    given name, known place or acronym, written after an article, a contraction or a possessive,
    perhaps with adjectives between ("unter dem gleichen Dach", "im Radio", "seine Partei"). A
    person's name takes no article; "der Mann" is left to the speaker rules."""
    if end - start != 1 or ner & {"PER", "ORG", "LOC"}:
        return False
    word = doc.tokens[start].text
    if word in gaz.first_names or gaz.types.get(word) not in ("ORG", "LOC") or _acronym(word):
        return False
    if _known_place(word) or (word.endswith("n") and _known_place(word[:-1])):  # "den Niederlanden"
        return False
    j = start - 1
    while j >= 0 and start - j <= 4 and doc.tokens[j].text.isalpha():
        low = doc.tokens[j].lower
        if low in _ARTICLES or low in _CONTRACTIONS or low in _POSSESSIVES:
            return True  # (also sentence-initial: "Im Radio hieß es")
        if not doc.tokens[j].text.islower():
            return False
        j -= 1
    return False


def _noun_after_role(doc: PreparedDoc, start: int, end: int, ner: set[str], gaz: Gazetteer) -> bool:
    """A lone noun after a role noun that names nobody ("die Gutachter Licht in … bringen", "werfen
    dem Finanzminister Zynismus vor"): one word that no tagger, gazetteer or given-name list
    knows and the text writes nowhere else."""
    if end - start != 1 or ner:
        return False
    word = doc.tokens[start].text
    if word in gaz.types or word in gaz.first_names or _acronym(word) or _known_place(word):
        return False
    counts = memoised(doc, "entities.word_counts", lambda: Counter(t.text for t in doc.tokens))
    return counts[word] + counts[word + "s"] == 1


def _acronym(word: str) -> bool:
    """A name in capitals ("EU", "ORF"), which takes an article as any organisation does."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _syllable_tail(doc: PreparedDoc, start: int, end: int, types: list[str]) -> int:
    """The end of a Korean or Chinese name whose last syllable is written apart and looks like a
    function word ("Moon Jae In"): a capitalised short word inside a sentence after a tagged
    person's name of two syllables is part of it (a preposition there would be lower case)."""
    toks = doc.tokens
    if end - start != 2 or end >= len(toks) or types[end - 1] not in ("PER", ""):
        return end  # (no sentence test: the splitter may take "In" for a sentence start)
    word = toks[end].text
    if not (2 <= len(word) <= 4 and word.isalpha() and word[0].isupper() and word[1:].islower()):
        return end
    if not all(len(t.text) <= 4 and t.text[:1].isupper() and t.text.isalpha() for t in toks[start:end]):
        return end  # "Angela Merkel In …" is no syllable name
    nxt = toks[end + 1] if end + 1 < len(toks) else None
    if nxt is not None and nxt.sent == toks[end].sent and nxt.text[:1].isupper() and nxt.lower not in _ARTICLES:
        return end
    return end + 1


def _outlet_name(doc: PreparedDoc, start: int, end: int) -> int | None:
    """Where the name of a news outlet begins, when tokens [start, end) name one, else None:
    a listed outlet name ("APA", "STANDARD"), a name after a generic outlet noun ("Zeitung
    Kurier", "Agentur Anadolu" → the name), a compound of an outlet noun ("Tageszeitung"), or
    the name of the article's own outlet in several words ("Salzburger Nachrichten" in an article
    of sn.at, :func:`~onrecord.extraction.outlets.current_own_outlet`)."""
    toks = doc.tokens
    own = current_own_outlet()
    if own is not None and end - start > 1 and own.names([t.text for t in toks[start:end]]):
        return start
    genders = [outlet_gender(t) for t in toks[start:end]]
    head = toks[start].text
    if (genders[0] not in (None, "name") and end - start >= 2 and "-" not in head and not head.startswith("Radio")
            and all(name_word(t) for t in toks[start + 1 : end])):
        return start + 1  # "Zeitung Kurier": the generic noun is an apposition ("Radio France" is a name)
    if any(g == "name" for g in genders) or (head == "Radio" and end - start >= 2):
        return start
    if end - start == 1 and genders[0] is not None and toks[start].text not in lexicon().outlets:
        return start  # "Tageszeitung Morgenpost" is above; a compound alone ("Boulevardzeitung") stays
    return None
