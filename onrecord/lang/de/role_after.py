"""German roles after a name: an apposition ("X, Professorin für …,"), a dash parenthesis, a
coordinated second role, "außer Dienst", a copula or "als" ("X ist Professorin …"), and a party
or body after it ("X (FPÖ)", "X von der Gewerkschaft GPA").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from onrecord.lang.de.lexicon import lexicon, word_set
from onrecord.lang.de.role_lexicon import (
    _ARTICLES,
    _NOMINATIVE_ARTICLES,
    _STOP,
    COPULAS,
    MAX_ADJECTIVES,
    MAX_APPOSITION,
    KindAt,
    RoleMatch,
    _adjective_stem,
    _name_word,
    _no_kind,
    _place_names,
    bare_plural,
    clause_end,
    is_role,
    title_noun,
)
from onrecord.lang.de.role_orgs import (
    _looks_like_org,
    _org_at,
    declined_body,
    english_org_heads,
    nominative,
    org_noun_endings,
)
from onrecord.lang.de.role_phrases import parse_role, relative_role
from onrecord.lang.de.tokens import PreparedDoc, Token, origin_abbreviation_stop

#: dashes that open and close a parenthesis ("Tom Brandt – Sicherheitsexperte beim … – sagte")
_DASHES = frozenset({"–", "—", "-", "--"})


def _dash_parenthesis(doc: PreparedDoc, name_end: int, person: bool) -> list[Token]:
    """The words between a dash right after a name and the closing dash of the same sentence
    ("Eva Klein – Chefin der Agentur für Gesundheit – verteidigte …"); empty without a closing
    dash (a dateline "Wien – Bundeskanzler …" has none after its role). The splitter may end a
    sentence at the first dash as after a dateline: a tagged ``person`` name goes on over it."""
    toks = doc.tokens
    if name_end + 1 >= len(toks):
        return []
    sent = toks[name_end + 1].sent
    if sent != toks[name_end - 1].sent and not person:
        return []
    j = name_end + 1
    while j < len(toks) and toks[j].sent == sent and toks[j].text not in _DASHES and j - name_end <= MAX_APPOSITION:
        if toks[j].text in _STOP:
            return []
        j += 1
    if j >= len(toks) or toks[j].sent != sent or toks[j].text not in _DASHES or j == name_end + 1:
        return []
    return toks[name_end + 1 : j]


#: adverbs between a name and its apposition ("X wiederum, die ehemalige Richterin")
_CONTRAST_ADVERBS = frozenset({"wiederum", "hingegen", "dagegen", "indes", "ihrerseits", "seinerseits"})


def _apposition_tokens(doc: PreparedDoc, name_end: int, person: bool = False) -> list[Token]:
    toks = doc.tokens
    if name_end < len(toks) and toks[name_end].text in _DASHES and name_end > 0:
        return _dash_parenthesis(doc, name_end, person)
    if name_end + 1 < len(toks) and toks[name_end].lower in _CONTRAST_ADVERBS and toks[name_end + 1].text == ",":
        name_end += 1  # "Irmgard Griss wiederum, die ehemalige Richterin, …"
    if name_end >= len(toks) or toks[name_end].text not in (",", "("):
        return []
    sent = toks[name_end].sent
    begin = name_end + 1
    if begin + 2 < len(toks) and toks[begin].text.isdigit() and toks[begin + 1].text == "," and (
        toks[begin + 2].sent == sent
    ):
        begin += 2  # "Anna Berg, 45, Professorin für …": the age is no role
    if begin + 1 < len(toks) and toks[begin].sent == sent and origin_abbreviation_stop(toks, begin + 1):
        begin += 2  # "X, dt. Maler (1801-1870)": an origin, no place (and no end of the sentence)
    j = begin
    while j < len(toks) and toks[j].sent == sent and toks[j].text not in _STOP and j - begin < MAX_APPOSITION:
        j += 1
    return toks[begin:j]


#: possessive determiners that open an apposition ("X, seine Sekretärin,", "X, ihr Anwalt,")
_POSSESSIVE_DETERMINERS = frozenset(
    f"{stem}{ending}" for stem in ("sein", "ihr") for ending in ("", "e", "er", "em", "en", "es")
)


def apposition_after(doc: PreparedDoc, name_end: int, kind_at: KindAt = _no_kind) -> RoleMatch | None:
    """A role apposition or role-naming relative clause right after the name ending at token
    ``name_end``: "Anna Berger, Professorin für …,", "Jana Wolf, die das Referat … leitet,"."""
    body = _apposition_tokens(doc, name_end, name_end > 0 and kind_at(name_end - 1) == "PER")
    if not body:
        return predicative_role(doc, name_end, kind_at)
    if len(body) > MAX_APPOSITION:
        return None
    k = 0
    while k < len(body) - 1 and body[k].lower in _APPOSITION_ADVERBS:
        k += 1  # "X, ebenfalls ein Kandidat", "X, ehemals langjähriger Direktor der Y"
    former = any(_APPOSITION_ADVERBS[t.lower] for t in body[:k])
    if k < len(body) - 1 and body[k].lower in _POSSESSIVE_DETERMINERS and is_role(body[k + 1]):
        k += 1  # "Frau Berger, seine Sekretärin,": the role noun after the possessive
    partitive = _partitive(body, k, kind_at)
    if partitive is not None:
        return partitive
    r = k + (body[k].lower in _ARTICLES)
    if r + 1 < len(body) and is_role(body[r]) and kind_at(body[r + 1].i) == "PER" and _name_word(body[r + 1]):
        return None  # "die Landesregierung, Bischof Anton Weber und …": the next name's role, a list
    if r == k and r + 2 < len(body) and is_role(body[r]) and body[r + 1].lower in ("und", "sowie", "oder") and (
        is_role(body[r + 2]) and title_noun(body[r + 2].text) != body[r + 2].text
    ):
        return None  # "Bundesregierung, Bundespräsident und Parteichefs verurteilten …": a list
    after = body[-1].i + 1
    if r == k and r == len(body) - 1 and is_role(body[r]) and after + 1 < len(doc.tokens) and (
        doc.tokens[after].text == "," and is_role(doc.tokens[after + 1])
    ):
        return None  # "Bundesregierung, Bundespräsident, Parteichefs und …": a list of bare nouns
    match = parse_role(body[k:], kind_at) or relative_role(body, kind_at)
    if match is not None and bare_plural(doc.tokens, match):
        return None  # "Parteisekretären, Klubobleuten, Ministern und …": a list of groups
    if match is not None and match.end < len(doc.tokens) and kind_at(match.end) == "PER" and (
        _name_word(doc.tokens[match.end])
    ):
        match = _tagged_body_name(doc, name_end, body[k:], match, kind_at)
        if match is None:
            return None  # "…, der dänische Diplomat Peter Sörensen": the role of the name that follows
    if match is not None and match.title is not None:
        match = _retired(doc, match)
    return replace(match, former=True) if match is not None and former else match


def _tagged_body_name(
    doc: PreparedDoc, name_end: int, body: Sequence[Token], match: RoleMatch, kind_at: KindAt
) -> RoleMatch | None:
    """An apposition of a person whose body's name the tagger read as a person's ("Frank Wolf,
    Geschäftsführer der Prüfstelle Nordwert Analytics"): the holder is named before the comma,
    so the name after the body's kind noun is the body's; None when the role names no body."""
    toks = doc.tokens
    if match.organization is None or name_end < 1 or kind_at(name_end - 1) != "PER":
        return None
    run = match.end
    while run < len(toks) and toks[run].sent == toks[match.end].sent and kind_at(run) == "PER":
        run += 1
    inside = range(match.end, run)

    def as_body(i: int) -> str:
        return "ORG" if i in inside else kind_at(i)

    rematch = parse_role(body, as_body)
    return rematch if rematch is not None and rematch.end >= run else None


#: the pronouns of a partitive apposition ("X, einer der Gründer des Vereins,")
_PARTITIVES = frozenset({"einer", "eine", "eines"})


def _partitive(body: Sequence[Token], k: int, kind_at: KindAt) -> RoleMatch | None:
    """The role of a partitive apposition that names a body or place: "X, einer der Helfer bei
    Y," → title "Helfer" (the plural role noun in the singular, "eine der Gründerinnen" →
    "Gründerin"), organisation "Y"; "X, einer der bekanntesten Künstler," gives none."""
    if k + 2 >= len(body) or body[k].lower not in _PARTITIVES or body[k + 1].lower != "der":
        return None
    r = k + 2
    while r < len(body) - 1 and r - k - 2 < MAX_ADJECTIVES and _adjective_stem(body[r].text) is not None and (
        body[r].text[:1].islower()
    ):
        r += 1  # "einer der führenden Experten"
    if not is_role(body[r]):
        return None
    end = next((j for j in range(r + 1, len(body)) if kind_at(body[j].i) == "PER"), len(body))
    if end < len(body):  # "einer der Helfer bei Y für Ex-Sieger Z": Z and his role are no body
        while end > r + 1 and body[end - 1].text[:1].isupper() and body[end - 1].lower not in _ARTICLES:
            end -= 1
        while end > r + 1 and (body[end - 1].lower in lexicon().prepositions or body[end - 1].lower in _ARTICLES):
            end -= 1
    match = parse_role(body[r:end], kind_at)
    if match is None or match.title is None or match.organization is None and match.place is None:
        return None  # "X, einer der bekanntesten Künstler,": a description, no post in a body
    words = match.title.split()
    words[-1] = title_noun(words[-1])
    return replace(match, title=" ".join(words), plural=False)


def coordinated_after(doc: PreparedDoc, first: RoleMatch | None, kind_at: KindAt = _no_kind) -> RoleMatch | None:
    """A second role phrase joined to an apposition's role by "und"/"sowie" ("X, Ex-Verkehrsminister
    und Mitglied der Regierungspartei NCD,", "ein Repräsentant aus Minnesota und Marineoberst außer
    Dienst"); None when the words after the conjunction hold no role noun."""
    toks = doc.tokens
    if first is None or first.end + 1 >= len(toks) or toks[first.end].lower not in ("und", "sowie"):
        return None
    sent = toks[first.end].sent
    j = first.end + 1
    end = j
    while end < len(toks) and toks[end].sent == sent and toks[end].text not in _STOP and end - j < MAX_APPOSITION:
        end += 1
    second = parse_role(toks[j:end], kind_at)
    if second is None:
        return None
    return _retired(doc, second)


def one_coordinated_title(first: RoleMatch | None, second: RoleMatch | None) -> RoleMatch | None:
    """Two bare role nouns of an apposition joined by "und" ("X, ein Rechtsanwalt und
    Menschenrechtler,") are one title, as before a name ("Jurist und Diskriminierungsexperte");
    None when either has a body, a place or another tense, or the second is more than its noun."""
    if first is None or second is None or first.title is None or second.title is None:
        return None
    if any((first.organization, first.place, second.organization, second.place)) or first.former != second.former:
        return None
    if second.end - second.begin != 1 or second.begin != first.end + 1:
        return None
    return replace(first, title=f"{first.title} und {second.title}", end=second.end, head=second.head)


def _retired(doc: PreparedDoc, role: RoleMatch) -> RoleMatch:
    """A role followed by "außer Dienst" / "a. D." is a past one."""
    toks = doc.tokens
    k = role.end
    words = [t.text for t in toks[k : k + 3]]
    if words[:2] == ["außer", "Dienst"] or words[:1] == ["a.D."] or words[:2] == ["a.", "D."]:
        return replace(role, former=True, end=k + (1 if words[:1] == ["a.D."] else 2))
    return role


#: adverbs that may open an apposition before its role; True: they make the role a past one
_APPOSITION_ADVERBS = {"ebenfalls": False, "auch": False, "selbst": False, "derzeit": False, "seit": False,
                       "ehemals": True, "einst": True, "vormals": True, "zuvor": True, "bis": False,
                       "bisher": True, "bislang": True, "früher": True, "damals": True, "zugleich": False,
                       "gleichzeitig": False, "inzwischen": False, "mittlerweile": False, "nun": False,
                       "jetzt": False, "heute": False, "seinerzeit": True, "übrigens": False, "nebenbei": False}


#: words between a copula and the role that say when ("ist seit 2012 Professor")
_TIME_ADVERBS = frozenset({"seit", "derzeit", "inzwischen", "nun", "jetzt", "bereits", "schon", "heute", "noch",
                           "weiterhin", "auch", "zudem", "außerdem", "damals", "bis", "ab", "zuletzt",
                           "mittlerweile", "wieder", "erneut", "künftig", "offiziell"})


#: nouns of a time phrase between a copula and the role ("wird in der kommenden Saison Trainer")
_TIME_NOUNS = frozenset({"saison", "spielzeit", "jahr", "jahren", "zukunft", "amtszeit", "legislaturperiode",
                         "woche", "wochen", "monat", "monaten", "zeit", "übergangszeit"})
_TIME_PREPOSITIONS = frozenset({"in", "im", "ab", "seit", "bis", "zur", "für", "nach"})


def _time_phrase_end(toks: Sequence[Token], j: int, limit: int) -> int:
    """The end of a prepositional time phrase at ``j`` ("in der kommenden Saison", "im
    nächsten Jahr"), else ``j``."""
    if j >= limit or toks[j].lower not in _TIME_PREPOSITIONS:
        return j
    k = j + 1
    if k < limit and toks[k].lower in _ARTICLES:
        k += 1
    while k < limit and k - j <= 1 + MAX_ADJECTIVES and _adjective_stem(toks[k].text) is not None:
        k += 1
    if k < limit and (toks[k].lower in _TIME_NOUNS or toks[k].lower in lexicon().time_words):
        return k + 1
    return j


def _when_words(toks: Sequence[Token], j: int, limit: int) -> int:
    """``j`` moved past words that only say when ("seit 2012", "derzeit", "in der kommenden Saison")."""
    while j < limit:
        if toks[j].lower in _TIME_ADVERBS or toks[j].text.isdigit():
            j += 1
            continue
        after = _time_phrase_end(toks, j, limit)
        if after == j:
            break
        j = after
    return j


#: participles of a copula before its auxiliary at the end of a relative clause ("…, der 2010
#: Weltmeister geworden war,")
_COPULA_PARTICIPLES = frozenset({"geworden", "gewesen"})


def copula_relative_role(doc: PreparedDoc, name_end: int, kind_at: KindAt = _no_kind) -> RoleMatch | None:
    """A role stated in a relative clause after the name ending at token ``name_end`` that ends
    with its copula: "X, der seit 2010 Direktor des Museums ist,", "X, die 20 Jahre Posaunistin
    bei den Symphonikern war,", "X, der im Mai Weltmeister geworden war," (words that say when
    are skipped; the role phrase must reach the copula: "X, der mit dem Minister zufrieden war,"
    gives none). A role with "war" or "gewesen" is a former one. Read after the speakers only
    (:mod:`onrecord.lang.de.role_additions`)."""
    body = _apposition_tokens(doc, name_end, name_end > 0 and kind_at(name_end - 1) == "PER")
    if len(body) < 3 or len(body) > MAX_APPOSITION or body[0].lower not in ("der", "die"):
        return None
    end = len(body) - 1
    if body[end].lower not in COPULAS and body[end].lower not in ("sei", "wäre"):
        return None
    # "war", "gewesen ist": a role of the past ("X, der 38 Jahre Posaunist … war,"); not one that
    # began then ("X, der 2010 Weltmeister geworden war,")
    past = body[end].lower == "war" and body[end - 1].lower != "geworden" or body[end - 1].lower == "gewesen"
    if body[end - 1].lower in _COPULA_PARTICIPLES:
        end -= 1
    toks = doc.tokens
    limit = body[end].i
    durations = word_set("duration_nouns.txt")
    j = _when_words(toks, body[1].i, limit)
    if j + 1 < limit and toks[j].lower in word_set("duration_numbers.txt") and toks[j + 1].lower in durations:
        j += 1  # "der zwei Wochen zuvor Weltmeister geworden war"
    if j < limit and toks[j].lower in durations and j > body[1].i and toks[j - 1].text.isalnum():
        j += 1 + (j + 1 < limit and toks[j + 1].lower in word_set("duration_adverbs.txt"))
        j = _when_words(toks, j, limit)
    role = list(toks[j:limit])
    r = 1 if role and role[0].lower in _NOMINATIVE_ARTICLES else 0
    if len(role) <= r or not is_role(role[r]):
        return None
    match = parse_role(role, kind_at)
    if match is None or match.end != limit:
        return None
    return _dative_plural_body(role, replace(match, former=True) if past else match)


#: prepositions that take only the dative: "bei den X" is a dative plural
_DATIVE_PREPOSITIONS = frozenset({"bei", "mit", "von", "aus", "zu", "nach", "seit"})


def _dative_plural_body(tokens: Sequence[Token], match: RoleMatch) -> RoleMatch:
    """The organisation of a role match in the nominative where the phrase gives it as a dative
    plural of a noun in "-er" ("bei den Wiener Symphonikern" → "Wiener Symphoniker")."""
    org = match.organization
    if org is None or not org.endswith("ern"):
        return match
    for k in range(1, len(tokens) - 1):
        dative = tokens[k].lower == "den" and tokens[k - 1].lower in _DATIVE_PREPOSITIONS
        if dative and org.startswith(tokens[k + 1].text):
            return replace(match, organization=org[:-1])
    return match


def _clause_tokens(toks: Sequence[Token], j: int) -> list[Token]:
    sent = toks[j].sent if j < len(toks) else -1
    return list(toks[j : clause_end(toks, j, sent, MAX_APPOSITION)])


MAX_ALS_DISTANCE = 12


def _name_begin(toks: Sequence[Token], name_end: int) -> int:
    """The first token of the name that ends at token ``name_end``: its last token and the name
    words before it in its sentence."""
    sent = toks[name_end - 1].sent
    b = name_end - 1
    while b > 0 and toks[b - 1].sent == sent and _name_word(toks[b - 1]):
        b -= 1
    return b


def _als_role(doc: PreparedDoc, name_end: int, kind_at: KindAt) -> RoleMatch | None:
    """A role given with "als" in the clause a name opens: "X arbeitete als Manager für die Y",
    "X folgt dem entlassenen Z als Cheftrainer des VSV nach" (the subject's role)."""
    toks = doc.tokens
    sent = toks[name_end - 1].sent
    b = _name_begin(toks, name_end)
    opens = b == doc.sentences[sent][0] or toks[b - 1].text in ("–", "—", ":") or (
        toks[b - 1].lower in _ARTICLES and b - 1 == doc.sentences[sent][0]
    )
    if not opens:
        return None
    k = name_end
    while k < len(toks) and toks[k].sent == sent and k - name_end < MAX_ALS_DISTANCE and toks[k].text not in _STOP:
        if toks[k].lower == "als" and k + 1 < len(toks):
            body = _clause_tokens(toks, k + 1)
            return parse_role(body, kind_at) if body and (is_role(body[0]) or body[0].lower in _ARTICLES) else None
        k += 1
    return None


def _inverted_copula_role(doc: PreparedDoc, name_end: int, kind_at: KindAt) -> RoleMatch | None:
    """A role after a name that follows its copula (main clause, verb second): "Zwar bleibt X
    Außenminister", "Seit einem Jahr ist X mittlerweile Microsoft-Chef"."""
    toks = doc.tokens
    sent = toks[name_end - 1].sent
    b = _name_begin(toks, name_end)
    if b == 0 or toks[b - 1].sent != sent or toks[b - 1].lower not in COPULAS:
        return None
    body = _clause_tokens(toks, _when_words(toks, name_end, len(toks)))
    r = 1 if body and body[0].lower in _NOMINATIVE_ARTICLES else 0
    if len(body) <= r or not (is_role(body[r]) or _adjective_stem(body[r].text) is not None):
        return None
    return parse_role(body, kind_at)


def predicative_role(doc: PreparedDoc, name_end: int, kind_at: KindAt = _no_kind) -> RoleMatch | None:
    """A role stated with a copula right after the name: "X ist seit 2012 Professorin für Ethik
    an der Universität Y", "seit X 2002 Chef des Konzerns wurde" (the copula ends the clause).
    A role noun phrase only: "X ist müde", "X wurde Opfer" give none."""
    toks = doc.tokens
    if name_end >= len(toks):
        return None
    als = _als_role(doc, name_end, kind_at)
    if als is not None:
        return als
    if toks[name_end].lower in COPULAS:
        body = _clause_tokens(toks, _when_words(toks, name_end + 1, len(toks)))
        match = parse_role(body, kind_at) if body else None
        bare = match is not None and match.organization is None and match.place is None
        if bare and match is not None and _name_follows(doc, match, kind_at):
            return None  # "Auf Fernsehbildern war Personalchef X zu sehen": the role of the name after it
        return match
    inverted = _inverted_copula_role(doc, name_end, kind_at)
    if inverted is not None:
        return inverted
    body = _clause_tokens(toks, _when_words(toks, name_end, len(toks)))
    if not body or body[0].lower in _ARTICLES or not is_role(body[0]):
        return None
    match = parse_role(body, kind_at)
    if match is None or match.end >= len(toks) or toks[match.end].lower not in COPULAS:
        return None
    return match


def _name_follows(doc: PreparedDoc, match: RoleMatch, kind_at: KindAt) -> bool:
    """Whether a tagged person's name follows a bare role noun in its sentence ("Personalchef X")."""
    toks = doc.tokens
    end = match.end
    return end < len(toks) and toks[end].sent == toks[match.begin].sent and kind_at(end) == "PER" and (
        _name_word(toks[end])
    )


def _bracketed_party(doc: PreparedDoc, name_end: int) -> str | None:
    """A party or body in brackets right after a name: "Andreas Rabl (FPÖ)", "(Grüne)", "(beide
    SPÖ)"; or shared by the names coordinated after it: "Anna A. und Berta B. (beide SPÖ)" gives
    "SPÖ" to Anna A. too (:func:`_shared_party`)."""
    own = _party_in_brackets(doc.tokens, name_end)
    if own is not None:
        return own[0]
    return _party_after_role(doc.tokens, name_end) or _shared_party(doc, name_end)


def _party_after_role(toks: Sequence[Token], open_at: int) -> str | None:
    """The party that closes a bracket after a role, set off by a comma: "Wolfgang Beispiel
    (Innenminister, ÖVP)", "(Sicherheitssprecher, Die Grünen)" → "ÖVP", "Grüne"; not a field
    ("(Vizepräsident, Grundrechte)")."""
    if open_at >= len(toks) or toks[open_at].text != "(":
        return None
    sent = toks[open_at].sent
    close = next((j for j in range(open_at + 1, min(len(toks), open_at + MAX_BRACKETED + 2))
                  if toks[j].text in (")", "(") or toks[j].sent != sent), None)
    if close is None or toks[close].text != ")" or close < open_at + 4:
        return None
    word = toks[close - 1].text
    comma = close - 2 - (toks[close - 2].lower == "die")
    if toks[comma].text != "," or comma <= open_at + 1 or not is_role(toks[comma - 1]):
        return None
    declined = declined_body(word)
    if declined is not None:
        return declined
    upper = sum(c.isupper() for c in word)
    return word if word.replace("-", "").isalpha() and (upper >= 2 or word in _PARTY_WORDS) else None


#: words that say a bracketed party is that of every name of a list before it ("(beide SPÖ)")
_SHARED_MARKERS = frozenset({"beide", "alle", "jeweils"})
#: the most tokens between a name and the bracket a list of names shares ("A, B und C (alle ÖVP)")
MAX_SHARED = 16


def _party_in_brackets(toks: Sequence[Token], open_at: int) -> tuple[str, bool] | None:
    """The party in brackets opened at ``open_at`` ("(FPÖ)", "(Grüne)", "(beide SPÖ)", "(alle:
    Grüne)") and whether a marker of :data:`_SHARED_MARKERS` says that a list of names shares it."""
    if open_at >= len(toks) or toks[open_at].text != "(":
        return None
    k = open_at + 1
    shared = k < len(toks) and toks[k].lower in _SHARED_MARKERS
    if shared:
        k += 2 if k + 1 < len(toks) and toks[k + 1].text == ":" else 1  # "(beide SPÖ)", "(alle: Grüne)"
    if k + 1 >= len(toks) or toks[k + 1].text != ")":
        return None
    word = toks[k].text
    upper = sum(c.isupper() for c in word)
    if word.replace("-", "").isalpha() and (upper >= 2 or word in _PARTY_WORDS):
        return word, shared
    return None


def _shared_party(doc: PreparedDoc, name_end: int) -> str | None:
    """For a name that a list of capitalised names follows ("und", "sowie" or a comma between
    them), the party of a bracket after the list that all of them share: "die Abgeordneten Anna
    A. und Berta B. (beide SPÖ)" → "SPÖ" for Anna A."""
    toks = doc.tokens
    if name_end >= len(toks) or toks[name_end].lower not in _LIST_WORDS:
        return None
    sent = toks[name_end].sent
    k = name_end
    while k < len(toks) and k - name_end <= MAX_SHARED and toks[k].sent == sent:
        if toks[k].text == "(":
            found = _party_in_brackets(toks, k)
            return found[0] if found is not None and found[1] and toks[k - 1].lower not in _LIST_WORDS else None
        if toks[k].lower not in _LIST_WORDS and not (toks[k].text[:1].isupper() or toks[k].text.endswith(".")):
            return None
        k += 1
    return None


#: what joins the names of a list ("A, B und C")
_LIST_WORDS = frozenset({",", "und", "sowie"})


#: lower-case words inside a body's name in brackets ("(Institut für Höhere Studien)")
_NAME_JOINERS = frozenset({"für", "der", "des", "und", "am", "an", "in", "im", "zu", "zur", "of", "for", "the"})
#: the most tokens in brackets after a name that may name a body
MAX_BRACKETED = 6


def _bracketed_body(doc: PreparedDoc, name_end: int, kind_at: KindAt) -> str | None:
    """A body in brackets right after a person's name, named by a body word or as tagged: "Peter
    Beispiel (Universität Graz)", "(Donau-Uni Krems)"; a place, an age or a source is none."""
    toks = doc.tokens
    if name_end >= len(toks) or toks[name_end].text != "(" or kind_at(name_end - 1) != "PER":
        return None
    close = next((j for j in range(name_end + 1, min(len(toks), name_end + MAX_BRACKETED + 2))
                  if toks[j].text == ")"), None)
    if close is None or close < name_end + 3:
        return None  # one word: a party as above, an age, a code
    inner = toks[name_end + 1 : close]
    if not inner[0].text[:1].isupper() or not all(t.text[:1].isupper() or t.lower in _NAME_JOINERS for t in inner):
        return None
    words = [t.text for t in inner]
    if not any(w.lower().endswith(org_noun_endings()) or w.lower().endswith("uni") for w in words):
        return None  # "(Wien, Graz)", "(Kurier Chefredakteur)": no body word
    return " ".join(words)


def _place_codes() -> frozenset[str]:
    """Country codes and short country names in brackets after a sportsperson ("(USA)", "(AUT)")."""
    return word_set("country_codes.txt")


_PARTY_WORDS = frozenset({"Grüne", "Linke", "Neos", "Piraten", "Republikaner", "Demokraten"})


def _von_organisation(doc: PreparedDoc, name_end: int, kind_at: KindAt) -> RoleMatch | None:
    """The body after "von"/"vom" right after a name: "Manfred Wolf von der Gewerkschaft GPA",
    "Christoph Hecht vom Autoclub ADAC" (a kind noun before an acronym is dropped: "ADAC")."""
    toks = doc.tokens
    if name_end >= len(toks) or toks[name_end].lower not in ("von", "vom"):
        return None
    if kind_at(name_end - 1) != "PER" and not (name_end >= 2 and _name_word(toks[name_end - 2])):
        return None  # "15 Kilometer von der Front", "dessen Mandat vom Rat": a common noun, no member
    found = _org_at(toks, name_end, kind_at)
    if found is None or found.is_place or kind_at(toks[found.end - 1].i) == "LOC":
        return None
    words = found.text.split()
    if len(words) == 1 and (words[0] in _place_names() or words[0].lower() in lexicon().time_words):
        return None  # "von Wien", "vom Montag"; "von der Boku Wien" names a body with its seat
    if not (kind_at(toks[found.end - 1].i) == "ORG" or any(sum(c.isupper() for c in w) >= 2 for w in words)
            or any(w.lower().endswith(org_noun_endings()) or w.lower() in english_org_heads() for w in words)):
        return None
    acronym = not found.named and len(words) == 2 and sum(c.isupper() for c in words[-1]) >= 2
    text = words[-1] if acronym else found.text  # "vom Autoclub ADAC"; not "vom Club Kapfenberger SV"
    return RoleMatch(None, text, None, name_end, found.end)


#: the most words of an organisation the tagger took into a person's name after "von"
MAX_NAMED_ORG = 2


def organisation_in_name(doc: PreparedDoc, begin: int, end: int, first_names: frozenset[str]) -> RoleMatch | None:
    """The organisation the tagger took into a person's name at tokens ``[begin, end)`` after
    "von": "Anna Roth von Greenpeace" → Greenpeace. Only after a given name and a surname that is
    none; a noble name ("Ursula von der Leyen", "Karl von Habsburg", "Otto Graf von Lambsdorff")
    or a place ("Hans Roth von Linz") gives none."""
    toks = doc.tokens
    von = next((k for k in range(begin + 2, end - 1) if toks[k].lower == "von"), None)
    if von is None or end - von - 1 > MAX_NAMED_ORG or toks[begin].text not in first_names:
        return None
    surname = toks[von - 1].text
    if surname in first_names or surname in word_set("noble_titles.txt") or not surname.isalpha():
        return None
    words = [t.text for t in toks[von + 1 : end]]
    if not all(w[:1].isupper() for w in words) or words[0] in first_names or words[0] in _place_names():
        return None
    if any(w.lower() in _ARTICLES or w.lower() in lexicon().time_words for w in words):
        return None
    return RoleMatch(None, " ".join(words), None, von, end)


#: the most words of a tagged organisation after "für" + article
MAX_TAGGED_ORG = 4


def team_after(doc: PreparedDoc, name_end: int, kind_at: KindAt = _no_kind) -> RoleMatch | None:
    """The team a player plays for, after "für" + article right after a tagged person's name:
    a run of two or more capitalised words the tagger marks as an organisation ("Mats X für die
    Quebec Nordiques" → organisation "Quebec Nordiques"). Read after the speakers only
    (:mod:`onrecord.lang.de.role_additions`)."""
    toks = doc.tokens
    if name_end < 1 or name_end + 2 >= len(toks) or toks[name_end].lower != "für":
        return None
    if toks[name_end + 1].lower not in _ARTICLES or kind_at(name_end - 1) != "PER":
        return None
    b = e = name_end + 2
    while e < len(toks) and e - b < MAX_TAGGED_ORG and kind_at(e) == "ORG" and toks[e].text[:1].isupper():
        e += 1
    if e - b < 2 or e < len(toks) and toks[e].text[:1].isupper() and toks[e].text.isalpha():
        return None
    if competition(toks[e - 1].text):
        return None  # "für den Davis Cup": an event, no team
    return RoleMatch(None, nominative(toks[b:e], toks[name_end + 1].lower), None, name_end, e)


def competition(word: str) -> bool:
    """Whether a name's last word makes it a competition, league or event (``data/competitions.txt``:
    "Cup", "Liga", "Open"), which is no team or employer."""
    return word in word_set("competitions.txt")


def _fuer_party(doc: PreparedDoc, name_end: int, kind_at: KindAt) -> RoleMatch | None:
    """A party after "für" right after a person's name: "Rudolf Beispiel für die SPÖ" (its
    candidate or representative); "Haft für den Ex-Politiker" names no body."""
    toks = doc.tokens
    if name_end + 2 >= len(toks) or toks[name_end].lower != "für" or toks[name_end + 1].lower not in _ARTICLES:
        return None
    if kind_at(name_end - 1) != "PER":
        return None
    word = toks[name_end + 2].text
    if not (word.isupper() and word.isalpha() and len(word) >= 2 or word in _PARTY_WORDS):
        return None
    if name_end + 3 < len(toks) and toks[name_end + 3].text[:1].isupper() and toks[name_end + 3].text.isalpha() and (
        kind_at(name_end + 3) != "PER"
    ):
        return None  # "für die EU Kommission …": a longer name goes on
    return RoleMatch(None, word, None, name_end, name_end + 3)


def _at_the_head(doc: PreparedDoc, name_end: int, kind_at: KindAt) -> RoleMatch | None:
    """The body a person heads by "an der Spitze <des Körpers>" in the clause after the name ("X
    wird an der Spitze des Aufsichtsrats stehen", "hatte X an der Spitze der Firma Y gestanden"):
    the organisation, no title; a table or ranking ("an der Spitze der Tabelle") names no body."""
    toks = doc.tokens
    if name_end < 1 or kind_at(name_end - 1) != "PER":
        return None
    sent = toks[name_end - 1].sent
    k = name_end
    if k < len(toks) and toks[k].text == ",":  # "X, Sohn des Y, wird …": past the apposition
        k = next((j + 1 for j in range(k + 1, min(len(toks), k + MAX_APPOSITION)) if toks[j].text == ","), k)
    start = k
    while k + 3 < len(toks) and toks[k].sent == sent and k - start < MAX_ALS_DISTANCE and toks[k].text not in _STOP:
        if kind_at(k) == "PER":
            return None  # another person's clause
        if toks[k].lower == "an" and toks[k + 1].lower == "der" and toks[k + 2].lower == "spitze":
            found = _org_at(toks, k + 3, kind_at)
            if found is None or found.is_place or not (_looks_like_org(toks[k + 4 : found.end], kind_at) or any(
                w.lower().endswith(org_noun_endings()) for w in found.text.split()
            )):
                return None
            return RoleMatch(None, found.text, None, k, found.end)
        k += 1
    return None


#: participles of a body that signs or presents a person ("Der Klub hat X verpflichtet")
_SIGNING = frozenset({"verpflichtet", "geholt", "engagiert", "vorgestellt", "präsentiert", "angeheuert"})
_AUXILIARIES = frozenset({"hat", "haben", "hatte", "hatten"})
#: the most words of a body's name before or after the auxiliary
MAX_SIGNING_BODY = 4


def _body_run_before(toks: Sequence[Token], e: int, sent: int) -> int:
    """The start of the capitalised run of words ending at ``e`` (exclusive) in sentence ``sent``,
    no article or auxiliary included."""
    s = e
    while s > 0 and e - s < MAX_SIGNING_BODY and toks[s - 1].sent == sent and toks[s - 1].text[:1].isupper() and (
        toks[s - 1].lower not in _ARTICLES and toks[s - 1].lower not in _AUXILIARIES
    ):
        s -= 1
    return s


def _signed_by(doc: PreparedDoc, name_end: int, kind_at: KindAt) -> RoleMatch | None:
    """The body that signs or presents the person named before ``name_end``: "Der SCR Beispiel
    hat Mittelstürmer X verpflichtet", "Nun haben die Beispiel Bears X als neuen Trainer
    vorgestellt" → the body, with the title of "als" ("Trainer"); a subject that is no tagged or
    plain body gives none."""
    toks = doc.tokens
    begin = name_end
    while begin > 0 and kind_at(begin - 1) == "PER" and _name_word(toks[begin - 1]):
        begin -= 1
    if begin == name_end or begin == 0:
        return None
    sent = toks[begin].sent
    j = name_end
    if j < len(toks) and toks[j].lower == "als":  # "X als neuen Cheftrainer vorgestellt"
        j += 1
        while j < len(toks) and j - name_end <= MAX_ADJECTIVES + 2 and toks[j].sent == sent and (
            toks[j].lower not in _SIGNING and toks[j].text not in _STOP and kind_at(j) != "PER"
        ):
            j += 1
    if j >= len(toks) or toks[j].sent != sent or toks[j].lower not in _SIGNING:
        return None
    b = begin
    while b > 0 and begin - b < 2 and toks[b - 1].sent == sent and is_role(toks[b - 1]):
        b -= 1  # "hat Mittelstürmer X verpflichtet": the role before the name
    if b > 0 and toks[b - 1].lower in _AUXILIARIES:  # "Der Klub hat X verpflichtet"
        e = b - 1
        s = _body_run_before(toks, e, sent)
        article = toks[s - 1].lower if s > 0 and toks[s - 1].sent == sent and toks[s - 1].lower in _ARTICLES else None
    else:  # "haben die Beispiel Bears X … vorgestellt"
        e = b
        s = _body_run_before(toks, e, sent)
        if s < 2 or toks[s - 1].lower not in _ARTICLES or toks[s - 2].lower not in _AUXILIARIES:
            return None
        article = toks[s - 1].lower
    run = toks[s:e]
    if not run or not (all(kind_at(t.i) == "ORG" for t in run) or _looks_like_org(run, kind_at)):
        return None
    als = parse_role(toks[name_end + 1 : j], kind_at) if j > name_end + 1 else None
    title = als.title if als is not None and als.organization is None and als.place is None else None
    return RoleMatch(title, nominative(run, article), None, name_end, j + 1)


def affiliations_after(
    doc: PreparedDoc, name_end: int, roles: list[RoleMatch], kind_at: KindAt = _no_kind,
    named: RoleMatch | None = None,
) -> list[RoleMatch]:
    """The roles of a name completed by what follows it: a party in brackets becomes the
    organisation of roles that name none ("Welser Bürgermeister Andreas Rabl (FPÖ)"); "von der
    GPA-djp" (or ``named``, an organisation inside the name: :func:`organisation_in_name`) gives
    the organisation, as a role of its own when no role names one."""
    party = _bracketed_party(doc, name_end) or _bracketed_body(doc, name_end, kind_at)
    fuer = _fuer_party(doc, name_end, kind_at)
    von = _von_organisation(doc, name_end, kind_at) or named or fuer
    org = party or (von.organization if von is not None else None)
    head = _at_the_head(doc, name_end, kind_at)
    signed = _signed_by(doc, name_end, kind_at) if party is None and von is None else None
    if signed is not None:  # "Der Klub hat Mittelstürmer X verpflichtet": the body of X's role
        roles = [r if r.organization else replace(r, organization=signed.organization) for r in roles]
        if not roles or signed.title is not None and all(r.title != signed.title for r in roles):
            roles = [*roles, signed]
    if head is not None and all(r.organization != head.organization for r in roles):
        roles = [*roles, head]  # "X stand an der Spitze der Software-Firma Quellbit"
    if org is None:
        return roles
    # "die Vertreter der Regierungsparteien, X für die SPÖ": the party after the name is X's own
    completed = [r if r.organization and fuer is None else replace(r, organization=org) for r in roles]
    if von is not None and not roles:
        completed.append(von)
    elif party is not None and not roles and kind_at(name_end - 1) == "PER" and kind_at(name_end + 1) != "LOC" and (
        party not in _place_names() and party not in _place_codes()
    ):  # "Barbara Beispiel (FPÖ)": membership without a role noun; "(USA)", "(AUT)" are places
        completed.append(RoleMatch(None, party, None, name_end, name_end + 3))
    return completed



def pronoun_predicate(doc: PreparedDoc, begin: int, end: int, kind_at: KindAt = _no_kind) -> RoleMatch | None:
    """A role stated with a copula for the pronoun at tokens ``[begin, end)``: "Er ist seit 2010
    Chef der Nordbank", "Außerdem war sie Sprecherin des Vereins" (the copula before or after the
    pronoun, the role noun phrase right after both: "Er ist müde" gives none)."""
    toks = doc.tokens
    if end < len(toks) and toks[end].lower in COPULAS and toks[end].sent == toks[begin].sent:
        start = end + 1
    elif begin > 0 and toks[begin - 1].lower in COPULAS and toks[begin - 1].sent == toks[begin].sent:
        start = end
    else:
        return None
    body = _clause_tokens(toks, _when_words(toks, start, len(toks)))
    k = 1 if body and body[0].lower in _ARTICLES and len(body) > 1 else 0
    if not body or not (is_role(body[k]) or _adjective_stem(body[k].lower) is not None):
        return None  # "er war in Wien", "sie wurde am Montag gewählt"
    return parse_role(body, kind_at)


def _age_noun(tok: Token) -> bool:
    """A person named by the age ("45-Jährige", "45-jährige" as a noun written small is none)."""
    number, hyphen, rest = tok.text.partition("-")
    return bool(hyphen) and number.isdigit() and rest in ("Jährige", "Jähriger", "Jährigen")


def age_copula_subject(doc: PreparedDoc, begin: int) -> str | None:
    """The article ("der"/"die") of an age noun that is the subject of a copula right before the
    role phrase at token ``begin``, the whole clause from the sentence start: "Der 45-Jährige ist
    seit 2010 Chef der …", "Seit 2010 ist die 45-Jährige Chefin der …"; else None."""
    toks = doc.tokens
    sent = toks[begin].sent
    j = doc.sentences[sent][0]
    article: str | None = None
    copula = False
    while j < begin:
        if toks[j].sent != sent:
            return None
        if toks[j].lower in ("der", "die") and j + 1 < begin and _age_noun(toks[j + 1]) and article is None:
            article, j = toks[j].lower, j + 2
        elif toks[j].lower in COPULAS and not copula:
            copula, j = True, j + 1
        else:
            after = _when_words(toks, j, begin)
            if after == j:
                return None
            j = after
    return article if copula else None
