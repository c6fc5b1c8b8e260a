"""Within-article entities: name clustering, pronoun and title resolution, unnamed groups.

Needs: a ``Doc`` with named entities and a parse, the sources of the attributions (token
indices of their heads) and the :class:`Lexicon`. Adds: :class:`Cluster` objects (one per
entity, mentions in text order) and a map from a source head token to its cluster.

Resolution, in text order:

* a multi-word person name joins a cluster with the same surname and a compatible first
  name ("Hillary Clinton" / "Hillary Rodham Clinton"), or absorbs an earlier one-word cluster;
* a one-word name joins the latest person whose name contains it — surname or, for
  surname-first names such as "Moon Jae-in" or "Xi Jinping", the first word;
* he/she (him, his, her…) go to a compatible person of the nearest sentence that mentions
  one, its subject first (:func:`pick_antecedent`); an object pronoun never to the subject of
  its own clause ("Rubio declined to assail him"), nor inside a direct quote to its speaker,
  nor outside quotation marks to a person named only inside someone's quoted words;
  the relative "who" to the noun it modifies; "the senator" to the latest person holding that
  title;
* a plural or group noun ("officials", "analysts") is an entity of type group.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from onrecord.extraction.outlets import current_own_outlet
from onrecord.lang.en.lexicon import Lexicon, word_set
from onrecord.lang.en.role_lexicon import _portfolio_head, portfolio_words
from onrecord.lang.en.roles import description_role, is_role_noun, person_roles, role_places, unnamed_role
from onrecord.lang.en.spans import doc_ents, doc_text, name_particles, np_span
from onrecord.model import EntityKind, EntityType, Role, Span
from onrecord.resolve.gazetteer import default_gazetteer
from onrecord.resolve.keys import fold

NE_TYPES: dict[str, EntityType] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "location",
    "LOC": "location",
    "FAC": "location",
    "NORP": "group",
}
#: tagger labels of named things that are no person, organisation nor place: an event ("the Cold
#: War", "the Super Bowl"), a law ("the Affordable Care Act"), a product; a statement may be about
#: one (about guidelines: "a named thing the article talks about"). WORK_OF_ART is left out: in
#: news it is mostly a slogan or a phrase in quotation marks ("Peace Through Strength", "Mostly
#: False"), no work
THING_TYPES = frozenset({"EVENT", "LAW", "PRODUCT"})
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
PERSONAL_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS
RELATIVES = frozenset({"who", "whom", "whose", "that", "which"})
POSSESSIVE = ("'s", "’s", "‘s", "'", "’")
#: dependency labels of a clause's subject
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: dependency labels of an object pronoun ("assail him", "spied on him")
OBJECTS = frozenset({"dobj", "pobj", "dative", "iobj", "obj"})
#: a verb that shares its subject with the verb it hangs from ("declined to assail", "reported … and spied")
SHARED_SUBJECT = frozenset({"xcomp", "conj"})


@dataclass(frozen=True)
class Antecedent:
    """A mention a pronoun may refer to: where it starts, its sentence, whether it is a subject."""

    start: int
    sentence: int
    subject: bool


def pick_antecedent(candidates: list[Antecedent], sentence: int) -> Antecedent | None:
    """The antecedent of a pronoun in sentence ``sentence`` among compatible mentions before it:
    those of the nearest sentence that has any, and there the latest subject ("Reagan appeared
    unsteady against Mondale … he had bounced back" → Reagan), else the latest mention."""
    near = [c for c in candidates if c.sentence <= sentence]
    if not near:
        return None
    nearest = max(c.sentence for c in near)
    found = [c for c in near if c.sentence == nearest]
    subjects = [c for c in found if c.subject]
    return max(subjects or found, key=lambda c: c.start)


@dataclass
class Cluster:
    """One entity while it is being built."""

    name: str
    words: tuple[str, ...]
    type: EntityType
    mentions: list[Span] = field(default_factory=list)
    gender: str | None = None  # "m", "f" or None
    titles: set[str] = field(default_factory=set)
    roles: list[Role] = field(default_factory=list)
    last: int = -1
    kind: EntityKind | None = None  # "outlet" for a news outlet

    def add(self, span: Span) -> None:
        if span not in self.mentions:
            self.mentions.append(span)
        self.last = max(self.last, span[0])


def name_words(span: SpacySpan | list[Token], lex: Lexicon) -> tuple[tuple[str, ...], list[str]]:
    """The words of a name without honorifics and possessive endings, and the honorifics."""
    words: list[str] = []
    titles: list[str] = []
    for tok in span:
        low = tok.lower_
        if low in POSSESSIVE or tok.is_punct and tok.text not in "-.":
            continue
        if not words and (low in lex.honorifics or low in ("the",)):
            if low != "the":
                titles.append(low.rstrip("."))
            continue
        words.append(tok.text)
    joined = " ".join(words).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
    return tuple(joined.split()), titles


@cache
def _never_names() -> frozenset[str]:
    """Words that are never a person's name on their own ("June", "South"), nor glued to one
    ("March Berlin"): ``data/directions.txt`` and ``data/calendar_words.txt``."""
    return word_set("directions.txt") | word_set("calendar_words.txt")


#: prefixes that make a name an adjective of stance ("a pro-Cruz super PAC", "anti-Trump protesters")
_STANCE_PREFIXES = ("pro-", "anti-")


def _stance_prefixed(word: str) -> bool:
    """"pro-Cruz", "anti-Trump": an adjective for a stance towards someone, no name of its own."""
    return word.lower().startswith(_STANCE_PREFIXES) and word.split("-", 1)[1][:1].isupper()


def is_outlet(words: tuple[str, ...]) -> bool:
    """A news outlet's name: a listed one ("Reuters", "Associated Press"; ``data/outlets.txt``),
    one ending in an outlet word ("Harbour Gazette", "Radio Kestrel"), or the name of the
    article's own outlet from its metadata ("Semafor" in an article of semafor.com;
    :func:`~onrecord.extraction.outlets.current_own_outlet`)."""
    low = [w.lower() for w in words]
    if " ".join(words) in _outlet_names():
        return True
    own = current_own_outlet()
    if own is not None and words and own.names(words):
        return True
    return len(low) >= 2 and (low[-1] in word_set("outlet_words.txt") or low[0] == "radio")


def _public_agency(words: tuple[str, ...]) -> bool:
    """An agency that is no news agency ("Environmental Protection Agency"; not "Yonhap news agency")."""
    low = [w.lower() for w in words]
    return low[-1] == "agency" and (len(low) < 2 or low[-2] not in ("news", "press"))


def _outlet_names() -> frozenset[str]:
    return word_set("outlets.txt")


def known_place(words: tuple[str, ...]) -> bool:
    """A country or place of the resolution gazetteer or of the demonym table ("Wales",
    "Scotland", "Kenya"), as written (not a genitive or a longer name)."""
    name = " ".join(words)
    if name in _role_place_names():
        return True
    entry = default_gazetteer().lookup(name)
    if entry is None or entry.type != "location":
        return False
    key = fold(name)
    return any(fold(n) == key for n in entry.names)


@cache
def _role_place_names() -> frozenset[str]:
    """The places of the demonym table ("Sweden" of "Swedish")."""
    return frozenset(role_places().values())


def is_demonym(ent: SpacySpan) -> bool:
    """A one-word nationality or place adjective the tagger read as a name ("Welsh" as a person in
    "the Welsh government"): a demonym of ``data/role_places.txt``."""
    return len(ent) == 1 and ent[0].text in role_places()


def split_coordinated(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """"North and South Korea" -> "North Korea", "South Korea" (else the name itself)."""
    directions = word_set("directions.txt")
    if len(words) >= 4 and words[1].lower() in ("and", "&") and words[0].lower() in directions \
            and words[2].lower() in directions:
        return [(words[0], *words[3:]), (words[2], *words[3:])]
    return [words]


def looks_like_person(words: tuple[str, ...], lex: Lexicon) -> bool:
    """Two or three words starting with a known given name and no organisation word: a person;
    so are three or four words with a middle initial ("Vann R. Newkirk II")."""
    if not 2 <= len(words) <= 4:
        return False
    low = [w.lower() for w in words]
    org_place = word_set("org_place_words.txt")
    if any(w in org_place for w in low):
        return False
    if len(words) <= 3 and low[0] in lex.given:
        return True
    return len(words) >= 3 and words[0].isalpha() and words[0][:1].isupper() and any(
        len(w) == 2 and w[0].isupper() and w[1] == "." for w in words[1:-1]
    )


def gender_of(words: tuple[str, ...], titles: list[str], lex: Lexicon) -> str | None:
    """A gender hint from an honorific or a first name."""
    for t in titles:
        if t in ("mrs", "ms", "mrs.", "ms."):
            return "f"
        if t in ("mr", "mr."):
            return "m"
    if words:
        first = words[0].lower()
        if first in lex.female:
            return "f"
        if first in lex.male:
            return "m"
    return None


class EntityBuilder:
    """Builds the clusters of one document in text order."""

    def __init__(self, doc: Doc, lex: Lexicon, quoted: Sequence[Span] = ()) -> None:
        self.doc = doc
        self.lex = lex
        self.quoted = sorted(quoted)  # the spans of the direct quotes' words
        self._quote_starts = [b for b, _ in self.quoted]
        self._quote_reach = list(itertools.accumulate((e for _, e in self.quoted), max))  # running end
        self.clusters: list[Cluster] = []
        self.by_token: dict[int, Cluster] = {}
        self.subjects: set[int] = set()  # starts of the mentions that are a clause's subject
        self.pronouns: list[Token] = []  # the he/she tokens resolved, in text order
        self.tags: list[tuple[int, Span]] = []  # (head offset, words) of each direct quote's source

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [s.start_char for s in self.doc.sents]

    def _sentence_of(self, pos: int) -> int:
        return bisect.bisect_right(self.sentence_starts, pos) - 1

    # -- names
    def _match_person(self, words: tuple[str, ...]) -> Cluster | None:
        low = tuple(w.lower() for w in words)
        candidates = [c for c in self.clusters if c.type == "person" or len(c.words) == 1]
        if len(low) >= 2:
            for c in sorted(candidates, key=lambda c: -c.last):
                cw = tuple(w.lower() for w in c.words)
                if cw == low:
                    return c
                if low[0] in name_particles() and len(cw) > len(low) and cw[-len(low) :] == low:
                    return c  # "Von der Leyen" after "Ursula von der Leyen"
                if len(cw) >= 2 and cw[-1] == low[-1] and (cw[0] == low[0] or cw[0][0] == low[0][0]):
                    return c
                if len(cw) == 1 and cw[0] in (low[-1], low[0]) and c.type in ("person", "other", "organization"):
                    return c
            return None
        word = low[0]
        persons = [c for c in candidates if c.type == "person"]
        for c in sorted(persons, key=lambda c: -c.last):
            if [w.lower() for w in c.words][-1] == word:
                return c
        for c in sorted(persons, key=lambda c: -c.last):
            if word in (w.lower() for w in c.words):
                return c
        return None

    def _surname_of_person(self, word: str) -> Cluster | None:
        """The latest person of two or more words whose last word is ``word``, if any."""
        low = word.lower()
        for c in sorted(self.clusters, key=lambda c: -c.last):
            if c.type == "person" and len(c.words) >= 2 and c.words[-1].lower() == low:
                return c
        return None

    def _match_other(self, words: tuple[str, ...], type_: EntityType) -> Cluster | None:
        low = tuple(w.lower() for w in words)
        undotted = _undotted(low[0]) if len(low) == 1 else None
        for c in sorted(self.clusters, key=lambda c: -c.last):
            if c.type != type_:
                continue
            cw = tuple(w.lower() for w in c.words)
            if cw == low or (set(low) <= set(cw) and len(low) < len(cw) and low[-1] == cw[-1]):
                return c
            if len(low) == 1 and low[0].isupper() is False and "".join(w[0] for w in cw) == low[0]:
                return c
            if undotted is not None and "".join(w[0] for w in c.words if w[0].isupper()).lower() == undotted:
                return c
        return None

    def add_name(self, tokens: SpacySpan | list[Token], label: str) -> Cluster | None:
        """Add a named mention (an NER span or an unrecognised proper noun); a coordinated name
        ("North and South Korea") adds each of its names."""
        words, titles = name_words(tokens, self.lex)
        while len(words) > 1 and words[0].lower() in _never_names() and label in ("PERSON", "ORG"):
            words = words[1:]  # "March Berlin": a month glued to a name
        if not words or len(words) == 1 and (words[0].lower() in _never_names() or _stance_prefixed(words[0])):
            return None
        parts = split_coordinated(words)
        if len(parts) > 1:
            clusters = [self._add_words(tokens, label, part, titles) for part in parts]
            return clusters[-1]
        return self._add_words(tokens, label, words, titles)

    def _add_words(self, tokens: SpacySpan | list[Token], label: str, words: tuple[str, ...],
                   titles: list[str]) -> Cluster:
        type_ = NE_TYPES.get(label, "other")
        if label in THING_TYPES and not (len(words) == 1 and self._match_person(words) is not None):
            return self._add_thing(tokens, words)
        if type_ in ("organization", "other") and looks_like_person(words, self.lex):
            type_ = "person"  # the small model often tags "Olaf Scholz" as ORG
        outlet = is_outlet(words)
        if outlet or " ".join(words) in word_set("platforms.txt"):
            type_ = "organization"  # "told the Harbour Gazette", "on Twitter": whatever the tagger says
        elif type_ == "organization" and known_place(words):
            type_ = "location"  # "beyond Wales" tagged as an organisation: a known place
        elif type_ == "person" and len(words) == 1 and known_place(words) and self._match_person(words) is None:
            type_ = "location"  # "Tunisia" tagged as a person: a country, unless a person of that name was read
        span = (tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
        cluster: Cluster | None = None
        if type_ == "location" and len(words) == 1:
            # "Scholz" tagged as a place after "Olaf Scholz": the person's surname, not a place
            cluster = self._surname_of_person(words[0])
        if type_ in ("person", "other") or (type_ == "organization" and len(words) == 1):
            cluster = self._match_person(words)
            if cluster is not None and type_ == "organization" and cluster.type != "person":
                cluster = None
        if cluster is None and type_ != "person":
            cluster = self._match_other(words, type_)
        if cluster is None:
            cluster = Cluster(name=" ".join(words), words=words, type=type_)
            self.clusters.append(cluster)
        elif len(words) > len(cluster.words) or (type_ == "person" and cluster.type != "person"):
            if len(words) >= len(cluster.words):
                cluster.name, cluster.words = " ".join(words), words
            if type_ == "person":
                cluster.type = "person"
        if outlet and not _public_agency(words):
            cluster.type, cluster.kind = "organization", "outlet"
        cluster.titles.update(titles)
        if cluster.gender is None or (len(words) > 1 and cluster.words == words):
            # a fuller name's given name ("Hillary Clinton") overrides what its surname alone
            # suggested ("Clinton", a given name too)
            cluster.gender = gender_of(words, titles, self.lex) or cluster.gender
        cluster.add(span)
        if _root(tokens).dep_ in SUBJECTS:
            self.subjects.add(span[0])
        for tok in tokens:
            self.by_token[tok.i] = cluster
        return cluster

    def _add_thing(self, tokens: SpacySpan | list[Token], words: tuple[str, ...]) -> Cluster:
        """A named thing (:data:`THING_TYPES`): one entity of type other per name as written,
        never joined to a person or an organisation of the same words ("the Vance Festival"; only
        a one-word name of a person read before, "Trump" tagged as a product, stays with the
        person: :meth:`_add_words`)."""
        key = tuple(w.lower() for w in words)
        cluster = next(
            (c for c in self.clusters if c.type == "other" and tuple(w.lower() for w in c.words) == key), None
        )
        if cluster is None:
            cluster = Cluster(name=" ".join(words), words=words, type="other")
            self.clusters.append(cluster)
        cluster.add((tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)))
        for tok in tokens:
            self.by_token[tok.i] = cluster
        return cluster

    # -- pronouns, relatives, titles, groups
    def resolve_pronoun(self, tok: Token, skip: Cluster | None = None) -> Cluster | None:
        """he/she and their forms: a person mentioned before with a compatible gender, in the
        nearest sentence that mentions one, its subject first (:func:`pick_antecedent`); an
        object pronoun skips the subject of its own clause (it would be "himself"), and
        ``skip`` (the speaker of a direct quote holding the pronoun) is left out."""
        low = tok.lower_
        want = "m" if low in MALE_PRONOUNS else "f" if low in FEMALE_PRONOUNS else None
        if want is None:
            return None
        bound = _clause_subject(tok) if tok.dep_ in OBJECTS and not low.endswith("self") else None
        owner: dict[int, Cluster] = {}
        candidates: list[Antecedent] = []
        for c in self.clusters:
            if c.type != "person" or c.gender not in (None, want) or c is skip:
                continue
            for b, e in c.mentions:
                if b < tok.idx and not (bound is not None and b <= bound.idx < e):
                    owner[b] = c
                    candidates.append(Antecedent(b, self._sentence_of(b), b in self.subjects))
        if not self._in_quote(tok.idx):
            # a he/she outside quotation marks refers to someone the writer named, not to a
            # person named inside someone's quoted words ("“… helped Ann Roe win,” he said")
            candidates = [a for a in candidates if not self._in_quote(a.start)] or candidates
        picked = pick_antecedent(candidates, self._sentence_of(tok.idx))
        if picked is None:
            return None
        best = owner[picked.start]
        topic = self._quote_topic(tok.idx, picked, best, owner) if tok.dep_ in OBJECTS else None
        if topic is not None:
            best = owner[topic]
        if best.gender is None:
            best.gender = want
        best.add((tok.idx, tok.idx + len(tok.text)))
        self.by_token[tok.i] = best
        self.pronouns.append(tok)
        if tok.dep_ in SUBJECTS:
            self.subjects.add(tok.idx)
        return best

    def _quote_topic(self, pos: int, picked: Antecedent, best: Cluster, owner: dict[int, Cluster]) -> int | None:
        """Where an object he/she outside quotation marks goes to the source of a direct quote in an
        earlier sentence ("'… she would have insisted on it,' says Gutin. / Anthony describes
        her as …"), the person that quote's words are about in that sentence goes on as the
        topic instead: among the compatible mentions inside the words, the latest subject, else
        the latest mention (:func:`pick_antecedent`); the start of that mention, or None."""
        if self._in_quote(pos) or picked.sentence >= self._sentence_of(pos):
            return None
        for head, (qb, qe) in self.tags:
            if self._sentence_of(head) != picked.sentence or not any(b <= head < e for b, e in best.mentions):
                continue
            inside = [
                Antecedent(b, picked.sentence, b in self.subjects)
                for b, c in owner.items()
                if qb <= b < qe and c is not best and self._sentence_of(b) == picked.sentence
            ]
            topic = pick_antecedent(inside, picked.sentence)
            if topic is not None:
                return topic.start
        return None

    def _in_quote(self, pos: int) -> bool:
        """Whether a character offset lies inside the words of a direct quote."""
        n = bisect.bisect_right(self._quote_starts, pos) - 1
        return n >= 0 and pos < self._quote_reach[n]

    def unbind_speaker(self, spans: list[Span], head: int) -> None:
        """A direct quote's speaker says "I": a he/she inside its words that went to the speaker
        (the subject of the sentence before, "He started out by insulting …," Barkley said)
        goes to the next candidate instead, unless the quote names that person before it."""
        speaker = self.by_token.get(head)
        if speaker is None:
            return
        text = doc_text(self.doc)
        named = [b for b, e in speaker.mentions if any(sb <= b < se for sb, se in spans)
                 and text[b:e].lower() not in PERSONAL_PRONOUNS]
        for tok in list(self.pronouns):
            if self.by_token.get(tok.i) is not speaker or not any(b <= tok.idx < e for b, e in spans):
                continue
            if any(b < tok.idx for b in named):
                continue  # the quote names the person before ("Andy Warhol was … He is …"): the speaker is doubtful
            span = (tok.idx, tok.idx + len(tok.text))
            speaker.mentions.remove(span)
            speaker.last = max((b for b, _ in speaker.mentions), default=-1)
            del self.by_token[tok.i]
            self.pronouns.remove(tok)
            self.resolve_pronoun(tok, skip=speaker)

    def resolve_title(self, tok: Token) -> Cluster | None:
        """"the senator": the latest person whose titles include the noun."""
        low = tok.lower_
        best: Cluster | None = None
        for c in self.clusters:
            if c.type == "person" and (low in c.titles or any(
                    r.title and low in r.title.lower().split() for r in c.roles)):
                if best is None or c.last > best.last:
                    best = c
        return best

    def add_common(self, tok: Token, span: Span) -> Cluster:
        """An unnamed source ("officials", "a spokesman for the campaign")."""
        text = doc_text(self.doc)[span[0]:span[1]]
        words = tuple(text.split())
        low = tok.lower_
        is_group = low in self.lex.group_nouns or tok.tag_ in ("NNS", "NNPS")
        type_: EntityType = "group" if is_group else "person" if low in self.lex.person_nouns else "other"
        for c in self.clusters:
            if c.words == words and c.type == type_:
                c.add(span)
                self.by_token[tok.i] = c
                return c
        cluster = Cluster(name=text, words=words, type=type_)
        role = unnamed_role(tok) if not is_group else None
        if role is not None:
            cluster.roles.append(role)  # "a spokesman for the State Department"
            cluster.type = "person"
        cluster.add(span)
        self.clusters.append(cluster)
        self.by_token[tok.i] = cluster
        return cluster


def _undotted(word: str) -> str:
    """An acronym written with dots without them ("u.n." → "un", "u.s." → "us"); other words unchanged."""
    letters = word.split(".")
    if len(letters) > 2 and not letters[-1] and all(len(x) == 1 and x.isalpha() for x in letters[:-1]):
        return "".join(letters)
    return word


def _root(tokens: SpacySpan | list[Token]) -> Token:
    """The token of ``tokens`` whose head lies outside them (the first, if several)."""
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])


def _clause_subject(tok: Token) -> Token | None:
    """The subject of the clause of ``tok``: of the verb it hangs from, or of the verb that verb
    shares its subject with ("Rubio declined to assail him", "Mannix reported … and spied on him")."""
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for _ in range(4):
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subject is not None or verb.dep_ not in SHARED_SUBJECT or verb.head.i == verb.i:
            return subject
        verb = verb.head
    return None


def build_entities(
    doc: Doc, sources: list[tuple[int, Span]], lex: Lexicon, direct: Sequence[tuple[list[Span], int]] = ()
) -> EntityBuilder:
    """Cluster the named entities and the attribution sources of a document.

    ``sources`` are (head token index, local mention span) pairs of the attributions;
    ``direct`` the (content spans, source head token index) pairs of its direct quotes.
    """
    builder = EntityBuilder(doc, lex, [span for spans, _ in direct for span in spans])
    builder.tags = [(doc[head].idx, span) for spans, head in direct for span in spans]
    source_heads = {i: span for i, span in sources}
    events: list[tuple[int, str, object]] = []
    for ent in doc_ents(doc):
        if ent.label_ in NE_TYPES and ent.label_ != "NORP" and is_demonym(ent):
            ent = SpacySpan(doc, ent.start, ent.end, label="NORP")  # "Welsh" tagged as a person
        if ent.label_ == "NORP" and (ent.root.dep_ in ("amod", "compound") or ent.root.pos_ == "ADJ"):
            continue
        if (ent.label_ in NE_TYPES or ent.label_ in THING_TYPES) and not _portfolio_of_title(ent):
            ent = _possessor_only(_handle_trimmed(ent), lex)
            if len(ent):
                events.append((ent.start, "ent", _title_trimmed(_hyphen_extended(ent))))
    for tok in doc:
        low = tok.lower_
        if low in MALE_PRONOUNS or low in FEMALE_PRONOUNS:
            events.append((tok.i, "pron", tok))
    for i in source_heads:
        tok = doc[i]
        if not tok.ent_type_ and tok.lower_ not in PERSONAL_PRONOUNS:
            events.append((i, "source", tok))
    events.sort(key=lambda e: (e[0], e[1] != "ent"))
    for _, what, obj in events:
        if what == "ent":
            assert isinstance(obj, SpacySpan)
            cluster = builder.add_name(obj, obj.label_)
            if cluster is not None and (obj.label_ == "PERSON" or cluster.type == "person"):
                for role in person_roles(obj):
                    if role not in cluster.roles:
                        cluster.roles.append(role)
                    if role.title:
                        cluster.titles.update(w.lower() for w in role.title.split())
        elif what == "pron":
            assert isinstance(obj, Token)
            builder.resolve_pronoun(obj)
        else:
            assert isinstance(obj, Token)
            if obj.i in builder.by_token:
                continue  # "Moon Jae In said": the head is the last part of a name already read
            _add_source(builder, obj, source_heads[obj.i])
    for spans, head in direct:
        builder.unbind_speaker(spans, head)
    _description_roles(builder)
    _drop_person_organizations(builder)
    return builder


def _clause_subjects(tok: Token, builder: EntityBuilder) -> list[Cluster]:
    """The entities that are the subject of the nearest verb above ``tok`` with a subject (a
    relative "who" stands for the noun it modifies): "Abedin emailed the secretary of state" can
    not make Abedin the secretary."""
    head = tok
    for _ in range(12):
        if head.head.i == head.i:
            return []
        head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in head.children if c.dep_ in SUBJECTS]
        if not subjects:
            continue
        out: list[Cluster] = []
        for subject in subjects:
            if subject.lower_ in RELATIVES and head.dep_ == "relcl":
                subject = head.head
            cluster = builder.by_token.get(subject.i)
            if cluster is not None:
                out.append(cluster)
        return out
    return []


def _named_after(tok: Token, builder: EntityBuilder) -> list[Cluster]:
    """The persons named by name after a description in its own sentence ("… and the New Jersey
    governor tripped up Rubio"): someone the sentence names beside the described person."""
    out: list[Cluster] = []
    for j in range(tok.i + 1, tok.sent.end):
        cluster = builder.by_token.get(j)
        if cluster is not None and cluster.type == "person" and tok.doc[j].text[:1].isupper() and (
            tok.doc[j].pos_ != "PRON" and not any(cluster is c for c in out)
        ):
            out.append(cluster)
    return out


def _previous_sentence_start(doc: Doc, i: int) -> int:
    start = doc[i].sent.start
    return doc[start - 1].sent.start if start > 0 else start


def _description_holder(tok: Token, first: int, builder: EntityBuilder) -> Cluster | None:
    """The person a definite description refers to: the person named last before it, in its
    sentence or the one before, that is not the subject of its own clause."""
    doc = tok.doc
    excluded = _clause_subjects(tok, builder) + _named_after(tok, builder)
    candidates: list[Cluster] = []
    for j in range(first - 1, _previous_sentence_start(doc, first) - 1, -1):
        cluster = builder.by_token.get(j)
        if cluster is None or cluster.type != "person" or not doc[j].text[:1].isupper() or doc[j].pos_ == "PRON":
            continue
        if not any(cluster is c for c in excluded + candidates):
            candidates.append(cluster)
    if not candidates:
        return None
    # the most mentioned of them (the person the article is about), the nearest on a tie
    return max(candidates, key=lambda c: (len(c.mentions), -candidates.index(c)))


#: abbreviated titles before a name and the noun a description writes for them ("Sen. Jane Roe" …
#: "the Vermont senator")
_TITLE_ABBREVIATIONS = {"sen.": "senator", "gov.": "governor", "rep.": "representative", "gen.": "general",
                        "pres.": "president", "adm.": "admiral", "lt.": "lieutenant", "col.": "colonel"}


def _title_head(title: str | None) -> str:
    words = (title or "").lower().split()
    head = words[-1] if words else ""
    return _TITLE_ABBREVIATIONS.get(head, head)


def _titled_holder(role: Role, before: int, builder: EntityBuilder) -> Cluster | None:
    """The person named last before a description who holds its title noun ("Sen. Bernie Sanders" …
    "the Vermont senator")."""
    head = _title_head(role.title)
    best: Cluster | None = None
    best_key = (False, -1)
    for c in builder.clusters:
        held = [r for r in c.roles if _title_head(r.title) == head]
        if c.type != "person" or not held:
            continue
        if role.organization and not any(r.organization == role.organization for r in held):
            continue  # "the presumptive Green Party nominee" is not the Democratic nominee
        # one with the same body and place first ("President Enrique Peña Nieto" for "the president
        # of Mexico", not "President Obama"), then the one named last
        key = (any((r.organization, r.place) == (role.organization, role.place) for r in held),
               max((b for b, _ in c.mentions if b < before), default=-1))
        if key[1] >= 0 and key > best_key:
            best, best_key = c, key
    return best


def _held_by_other(role: Role, holder: Cluster, builder: EntityBuilder) -> bool:
    """Whether another person of the article holds the described role ("Mexican President Enrique
    Peña Nieto" … "the president of Mexico"): the description then names that person."""
    title = (role.title or "").lower()
    head = title.split()[-1:]
    where = (role.organization, role.place)
    # the same title of the same body or place, or (a body or place given) the same title noun
    return any(
        c is not holder and c.type == "person" and any(
            (r.organization, r.place) == where and (
                (r.title or "").lower() == title or any(where) and (r.title or "").lower().split()[-1:] == head)
            for r in c.roles)
        for c in builder.clusters
    )


#: party words of a role: a description of one party names no holder of another's role
_PARTIES = {"democratic": "D", "democrat": "D", "republican": "R", "gop": "R", "green": "G", "libertarian": "L"}


def _parties(role: Role) -> set[str]:
    words = f"{role.title or ''} {role.organization or ''}".lower().split()
    return {_PARTIES[w] for w in words if w in _PARTIES}


def _conflicts(role: Role, holder: Cluster) -> bool:
    """Whether a description clashes with a role the holder has: another party ("the Democratic
    front-runner" for a Republican nominee) or another place ("the Puerto Rican governor" for a
    senator of Vermont)."""
    parties = _parties(role)
    for r in holder.roles:
        if parties and _parties(r) and not parties & _parties(r):
            return True
        if role.place and r.place and r.place != role.place:
            return True
    return False


def _description_roles(builder: EntityBuilder) -> None:
    """Definite descriptions ("the former secretary of state", "the Republican presidential
    nominee's") give their role to the person named last before them (GUIDELINES B: a role
    stated for an entity named earlier)."""
    doc = builder.doc
    for tok in doc:
        own = builder.by_token.get(tok.i)
        if own is not None and own.type == "person" and own.words and own.words[0][:1].isupper() \
                and own.words[0].lower() != "the":
            continue  # a name, or a description already joined to the named person it describes
            # (not "The French president said …" at a sentence start: an unnamed source of its own)
        role = description_role(tok)
        if role is None or not role.spans:
            continue
        phrase = doc.char_span(role.spans[0][0], role.spans[0][1], alignment_mode="expand")
        first = phrase.start if phrase is not None else tok.i
        holder = _titled_holder(role, tok.idx, builder)
        if holder is None:
            holder = _description_holder(tok, first, builder)
            if holder is not None and _held_by_other(role, holder, builder):
                continue
        if holder is None or holder is own or _conflicts(role, holder):
            continue
        title = (role.title or "").lower()
        if not any((r.title or "").lower() == title for r in holder.roles):
            holder.roles.append(role)  # a title the holder has (in any case) adds nothing


def _org_words(organization: str) -> tuple[str, ...]:
    """The lower-case words of an organisation value without a possessive ending ("Sanders'",
    "Rubio's" → "sanders", "rubio")."""
    words = []
    for word in organization.split():
        low = word.lower()
        for ending in ("'s", "’s", "'", "’"):
            if low.endswith(ending):
                low = low[: -len(ending)]
                break
        words.append(low)
    return tuple(w for w in words if w)


def person_name_words(clusters: Sequence[Cluster], holder: Cluster, lex: Lexicon) -> set[tuple[str, ...]]:
    """The words of the other persons of the document named with a known given name ("Marco
    Rubio" → ("marco", "rubio")); a body taken for a person ("DAB", "Civic Passion") is none."""
    return {
        tuple(w.lower() for w in c.words)
        for c in clusters
        if c is not holder and c.type == "person" and (looks_like_person(c.words, lex) or _titled_surname(c))
    }


def _titled_surname(cluster: Cluster) -> bool:
    """A person named by one capitalised word only, with a title of its own ("Sen. Rubio")."""
    return len(cluster.words) == 1 and cluster.words[0][:1].isupper() and any(r.title for r in cluster.roles)


def names_a_person(organization: str, persons: set[tuple[str, ...]]) -> bool:
    """Whether an organisation value is only the surname of a person of the document:
    "a Rubio spokesman", "Sanders' senior media adviser", "Trump rival" name the person the role
    serves, no body (GUIDELINES B: the employer or body as an analyst would record it). A longer
    value may be a body read as a person ("Brady Campaign", "William Morris Endeavor") and stays."""
    words = _org_words(organization)
    return len(words) == 1 and any(words == p[-1:] for p in persons)


def _drop_person_organizations(builder: EntityBuilder) -> None:
    """Takes out an organisation that only names another person of the document; a role left
    with no field goes."""
    for cluster in builder.clusters:
        if not any(r.organization for r in cluster.roles):
            continue
        persons = person_name_words(builder.clusters, cluster, builder.lex)
        kept: list[Role] = []
        for role in cluster.roles:
            if role.organization and names_a_person(role.organization, persons):
                role = role.model_copy(update={"organization": None})
                if not (role.title or role.place):
                    continue
            kept.append(role)
        cluster.roles = kept


def _portfolio_of_title(ent: SpacySpan) -> bool:
    """"Defense" of "Defense Secretary Ash Carter" tagged as an organisation: portfolio words
    right before a portfolio head ("Secretary", "Minister") or after it and "of"/"for"
    ("Secretary of State") are part of the title, no name (``portfolios.txt``)."""
    words = portfolio_words()
    doc = ent.doc
    if not all(t.lower_ in words for t in ent):
        return False
    if ent.end < len(doc) and _portfolio_head(doc[ent.end]):
        return True
    # "Secretary of State", "Minister for Education": the portfolio after its head and a preposition
    return ent.start >= 2 and doc[ent.start - 1].lower_ in ("of", "for") and _portfolio_head(doc[ent.start - 2])


def _possessor_only(ent: SpacySpan, lex: Lexicon) -> SpacySpan:
    """"Dave Leip's Atlas", "Donald Trump's America" tagged as one name: the name is the possessor,
    before the possessive ending (what it owns is no part of the name); not after a plural, which
    names a group inside an organisation's name ("Whole Women's Health"). A given name and more
    after the ending open the name instead ("Breitbart's Joel Pollak": the employer's person;
    not "Donald Trump's America")."""
    cut = next((t.i for t in ent[1:-1] if t.lower_ in ("'s", "’s", "‘s")), None)
    if cut is None or ent.doc[cut - 1].tag_ in ("NNS", "NNPS"):
        return ent
    if ent.end - cut > 2 and ent.doc[cut + 1].lower_ in lex.given:
        return SpacySpan(ent.doc, cut + 1, ent.end, label=ent.label_)
    return SpacySpan(ent.doc, ent.start, cut, label=ent.label_)


def _handle_trimmed(ent: SpacySpan) -> SpacySpan:
    """"Twitter @NolteNC" tagged as one name: a social-media handle at the end is no part of it."""
    end = ent.end
    while end > ent.start and ent.doc[end - 1].text.startswith("@"):
        end -= 1
    return ent if end == ent.end else SpacySpan(ent.doc, ent.start, end, label=ent.label_)


def _title_trimmed(ent: SpacySpan) -> SpacySpan:
    """"Representative Charles B. Rangel" tagged as one person: the title is no part of the name
    (its role is then read before the name)."""
    if ent.label_ != "PERSON" or len(ent) < 3 or not ent[0].text[:1].isupper() or not is_role_noun(ent[0]):
        return ent
    if not all(t.text[:1].isupper() for t in ent[1:]):
        return ent
    return SpacySpan(ent.doc, ent.start + 1, ent.end, label=ent.label_)


def _hyphen_extended(ent: SpacySpan) -> SpacySpan:
    """"Moon Jae" + "-in": extend a name over a glued hyphenated tail the NER left out."""
    doc = ent.doc
    end = ent.end
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    if ent.label_ == "PERSON" and len(ent) == 2 and end == ent.end and end + 1 < len(doc) \
            and _syllable(doc[end]) and doc[end + 1].is_lower:
        end += 1  # "Moon Jae In met …": the third syllable of an East-Asian name read as "in"
    if end == ent.end:
        return ent
    return SpacySpan(doc, ent.start, end, label=ent.label_)


def _syllable(tok: Token) -> bool:
    """A capitalised short word that can be the last part of a three-part East-Asian name."""
    # a sentence start right after a name, without punctuation, is a parse error ("Moon Jae | In said")
    real_start = tok.is_sent_start and (tok.i == 0 or tok.doc[tok.i - 1].is_punct)
    return tok.is_title and len(tok.text) <= 4 and tok.is_alpha and not real_start \
        and tok.lower_ not in _never_names()


def _add_source(builder: EntityBuilder, tok: Token, span: Span) -> None:
    """Attach an attribution source that is no named entity and no he/she."""
    lex = builder.lex
    low = tok.lower_
    if low in RELATIVES:
        head = tok.head.head if tok.head.dep_ == "relcl" else None
        if head is None:
            return
        # "Sanders, who said …" joins Sanders; "the legislation, which mandates …" is an
        # unnamed source of its own, so that either mention of it counts as the source
        cluster = builder.by_token.get(head.i)
        if cluster is None and head.pos_ in ("NOUN", "PROPN"):
            cluster = builder.add_common(head, np_span(head))
        if cluster is None:
            return
        cluster.add((tok.idx, tok.idx + len(tok.text)))
        builder.by_token[tok.i] = cluster
        return
    if tok.pos_ in ("PRON", "ADJ", "DET"):
        return  # a pronoun, or a quantifier standing for people ("Many said …"): no entity of its own
    capitalised = tok.text[:1].isupper() and low not in lex.group_nouns and low not in lex.person_nouns
    if capitalised and tok.tag_ == "NNS" and _opens_sentence(tok) and not _capitalised_inside(tok):
        capitalised = False  # "Estimates suggest …", "Posts on the board theorized …": a plural noun, no name
    if tok.pos_ == "PROPN" or (capitalised and tok.tag_.startswith("NN")):
        first = tok.i
        while first > 0 and tok.doc[first - 1].pos_ == "PROPN" and tok.doc[first - 1].head.i == tok.i:
            first -= 1
        builder.add_name(list(tok.doc[first: tok.i + 1]), "PERSON")
        return
    if tok.text[:1].isupper() and tok.i > tok.sent.start:
        builder.add_name([tok], "PERSON")
        return
    det = [c.lower_ for c in tok.children if c.dep_ == "det"]
    if det == ["the"] and low in lex.person_nouns:
        titled = builder.resolve_title(tok)
        if titled is not None:
            titled.add(span)
            builder.by_token[tok.i] = titled
            return
    builder.add_common(tok, span)


def _opens_sentence(tok: Token) -> bool:
    """Whether ``tok`` is the first word of its sentence or line (where every word is capitalised)."""
    if tok.i == tok.sent.start:
        return True
    before = tok.doc[tok.i - 1]
    return before.is_space or "\n" in before.whitespace_ or before.text in (".", ":", "\u201c", '"')


def _capitalised_inside(tok: Token) -> bool:
    """Whether the text writes ``tok``'s word capitalised inside a sentence too (a name, "Sanders"),
    not only where every word is ("Estimates suggest …")."""
    return any(t.text == tok.text and not _opens_sentence(t) for t in tok.doc)
