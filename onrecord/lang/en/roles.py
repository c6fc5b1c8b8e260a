"""Roles of named persons from titles before the name, appositions, "of"-phrases and relative
clauses (issue 13; labels as in ``evaluation/data/GUIDELINES.md`` B).

Needs: a ``Doc`` with tags, a parse and named entities. Adds: :class:`onrecord.model.Role`
objects for a person mention:

* "Jane Roe, a professor of economics at Harvard University in Boston" → title "professor of
  economics", organization "Harvard University", place "Boston" (a bare field after "of"/"for"/
  "in" stays in the title; "of the exhibition" describes and is dropped);
* "Police Commissioner Richard Ross", "Swedish captain Andreas Granqvist" (place Sweden),
  "Labour's Shadow Home Secretary Yvette Cooper" (organization Labour), "the Navy's Office of
  Naval Intelligence analyst …" (a possessive organisation keeps its "'s" inside the name);
* "a spokesman for the State Department, John Kirby" (a role before the name and a comma);
* "Nick Rhodes of Duran Duran", "DAB's Ben Chan" → organization; coordinated names share the
  title of the first ("photographers Nat Finkelstein, Christopher Makos and Felice Quinto").

Titles are singular, without articles, "former" or descriptive modifiers ("pro-Beijing", "pan-
democracy camp"); organisations without a leading lower-case "the".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from onrecord.lang.en.lexicon import data_lines
from onrecord.lang.en.spans import doc_text, ent_at
from onrecord.model import Role

ORG_LABELS = ("ORG",)
PLACE_LABELS = ("GPE", "LOC")
_DETS = frozenset({"a", "an", "the", "its", "their", "his", "her"})
#: "retired" before a title: the holder left it ("Retired Air Force Gen. X")
_FORMER = frozenset({"former", "ex", "ex-", "erstwhile", "then", "retired"})
_POSSESSIVE = frozenset({"'s", "’s", "'"})
#: modifiers that describe a holder, not the role ("pro-Beijing", "pan-democracy camp")
_DROP_PREFIXES = ("pro", "pan", "anti", "non")
_DROP_WORDS = frozenset({"camp", "localist", "nonpartisan", "veteran", "well-known", "celebrity", "guests",
                         "like", "including", "other", "another", "both", "two", "three", "top", "new",
                         "longtime", "long-time", "billionaire", "millionaire", "multimillionaire"})
#: prepositions after a role noun that lead to its field, organisation or place
_FIELD_PREPS = frozenset({"of", "for", "in", "on", "at"})
_ORG_PREPS = frozenset({"at", "of", "for", "with", "from", "to"})
_JOINERS = frozenset({"of", "for", "on", "and", "&", "the", "de", "la", "du"})
MAX_PREFIX = 12
#: words that end or head an organisation's name ("State Department", "Joint Council for …")
_ORG_HEADS = frozenset({"department", "authority", "council", "party", "office", "ministry", "agency", "institute",
                        "senate", "house", "congress", "parliament", "assembly", "cabinet", "museum",
                        "university", "commission", "committee", "service", "bureau", "association", "union",
                        "foundation", "corporation", "company", "group", "bank", "court", "police", "army", "navy",
                        "force", "club", "church", "college", "school", "center", "centre", "federation", "board",
                        "administration", "organization", "organisation", "network", "times", "post", "news",
                        "caucus"})


@cache
def portfolio_words() -> frozenset[str]:
    """Words of a government portfolio ("state", "education", "foreign", "affairs")."""
    return frozenset(data_lines("portfolios.txt"))


#: offices whose portfolio follows with "of"/"for" or stands before them ("Secretary of State",
#: "Minister for Health", "Education Minister"): the portfolio is part of the title
_PORTFOLIO_HEADS = frozenset({"secretary", "undersecretary", "under-secretary", "minister", "commissioner"})


def _portfolio_end(toks: list[Token], k: int) -> int:
    """The end of a portfolio starting at ``k`` ("State", "the Treasury", "Health and Human
    Services"), else ``k``: portfolio words only, ending in one that is not "and"/"the"."""
    words = portfolio_words()
    e = k + (k < len(toks) and toks[k].lower_ == "the")
    start = e
    while e < len(toks) and toks[e].lower_ in words:
        e += 1
    while e > start and toks[e - 1].lower_ == "and":
        e -= 1
    if e == start or e < len(toks) and (toks[e].text[:1].isupper() and toks[e].is_alpha or toks[e].text == "-"):
        return k  # "Secretary of State Mike Pompeo" is read by the name; "of State Farm": a name goes on
    return e


def _portfolio_head(tok: Token) -> bool:
    return singular(tok.lower_) in _PORTFOLIO_HEADS


@cache
def role_nouns() -> frozenset[str]:
    """Singular lower-case role nouns (role_nouns.txt)."""
    return frozenset(w.lower() for w in data_lines("role_nouns.txt"))


@cache
def role_places() -> dict[str, str]:
    """Nationality adjectives → place ("Swedish" → "Sweden")."""
    return dict(line.split("\t") for line in data_lines("role_places.txt"))


def singular(word: str) -> str:
    """A plural role noun in the singular ("councillors" → "councillor")."""
    nouns = role_nouns()
    low = word.lower()
    if low in nouns or not low.endswith("s"):
        return word
    for cut in ("es", "s"):
        if low.endswith(cut) and low[: -len(cut)] in nouns:
            return word[: -len(cut)]
    if low.endswith("men") and low[:-3] + "man" in nouns:
        return word[:-3] + "man"
    return word


@lru_cache(maxsize=8192)
def _is_role_word(low: str) -> bool:
    """Whether a lower-case word, or the last part of a hyphenated one, is a role noun in the
    singular or plural."""
    nouns = role_nouns()
    return singular(low) in nouns or singular(low.rsplit("-", 1)[-1]) in nouns


def is_role_noun(tok: Token) -> bool:
    """A role noun, singular or plural, also as the last part of a hyphenated word."""
    return _is_role_word(tok.lower_)


def _text(tokens: list[Token]) -> str:
    """The words as the text writes them (contiguous tokens keep their spacing)."""
    if not tokens:
        return ""
    doc = tokens[0].doc
    if all(b.i == a.i + 1 for a, b in zip(tokens, tokens[1:], strict=False)):
        return doc_text(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)].strip()
    return " ".join(t.text for t in tokens)


def _ent(tok: Token, labels: tuple[str, ...]) -> SpacySpan | None:
    ent = ent_at(tok) if tok.ent_type_ else None
    return ent if ent is not None and ent.label_ in labels else None


def _unit_after(tokens: list[Token], k: int) -> int:
    """The end of a person's unit after a possessive ("'s presidential campaign", "'s transition
    team": up to two lower-case modifiers and a unit noun), else 0."""
    for m in range(k, min(k + 3, len(tokens))):
        t = tokens[m]
        if not t.text.islower() or not t.text.isalpha():
            return 0
        if t.lower_ in _UNIT_NOUNS:
            return m + 1
    return 0


def _name_run(tokens: list[Token], i: int) -> int:
    """End of a capitalised name from ``i``: "Institute for the Study of War", "Queen's University"
    (function words and "'s" inside the name), an ORG entity as tagged if longer."""
    j = i
    while j < len(tokens):
        t = tokens[j]
        if j > i and ("\n" in tokens[j - 1].whitespace_ or t.ent_type_ == "PERSON" and tokens[i].ent_type_ != "PERSON"
                      and t.lower_ not in _ORG_HEADS):  # "… Women Caucus": a body's head is no person
            break
        if j > i and t.text in _HONORIFICS:
            break  # "… for Education Mr. Toccafondi": the honorific opens the next name
        if j > i and t.text == "-" and not t.whitespace_ and not tokens[j - 1].whitespace_ and j + 1 < len(tokens) \
                and tokens[j + 1].text[:1].isupper():
            j += 1  # "Urban-Brookings Tax Policy Center"
        elif (t.text[:1].isupper() and (t.pos_ not in ("ADP", "DET", "CCONJ") or j == i)) or (
            t.text[:1].isdigit() and j > i
        ):
            j += 1
        elif j > i and t.text in _POSSESSIVE and j + 1 < len(tokens) and tokens[j + 1].lower_ in _ORG_HEADS and (
            tokens[j + 1].text.islower()
        ):
            j += 2  # "the LA Sheriff's office"
            break
        elif j > i and t.text in _POSSESSIVE and tokens[i].ent_type_ == "PERSON" and _unit_after(tokens, j + 1):
            j = _unit_after(tokens, j + 1)  # "Hillary Clinton's presidential campaign"
            break
        elif j > i and (t.lower_ in _JOINERS or t.text in _POSSESSIVE) and j + 1 < len(tokens) and (
            tokens[j + 1].text[:1].isupper() and tokens[j + 1].ent_type_ != "PERSON" or tokens[j + 1].lower_ == "the"
            and j + 2 < len(tokens) and tokens[j + 2].text[:1].isupper()
        ):
            j += 1
        else:
            break
    ent = _ent(tokens[i], ORG_LABELS) if j > i else None
    if ent is not None:
        j = max(j, min(len(tokens), i + (ent.end - tokens[i].i)))
    if j == i + 1 and (tokens[i].ent_type_ == "NORP" or tokens[i].text in role_places()):
        while j < len(tokens) and tokens[j].pos_ == "NOUN" and tokens[j].text.islower():
            j += 1  # "the Indonesian military", "the Afghan team"
    return j


def _acronym(tok: Token) -> bool:
    """An upper-case abbreviation that names a body ("DNC", "FBI"), not a place ("US")."""
    return tok.text.isupper() and tok.text.isalpha() and len(tok.text) > 1 and _ent(tok, PLACE_LABELS) is None and (
        tok.text not in role_places() and not is_role_noun(tok)
    )


_HONORIFICS = frozenset({"Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr"})


@dataclass
class _Parsed:
    title: list[Token]
    organization: str | None = None
    place: str | None = None
    former: bool = False
    title_extra: str = ""


def _owner(tokens: list[Token]) -> tuple[str | None, str | None]:
    """The organisation or place a possessive names: "Labour" → org, "Malaysia" → place,
    "the Afghan team" → org "Afghan team"."""
    while tokens and tokens[0].lower_ in _DETS:
        tokens = tokens[1:]
    if not tokens:
        return None, None
    k = len(tokens)
    start = k
    while start > 0 and (tokens[start - 1].text[:1].isupper() or tokens[start - 1].lower_ in _JOINERS and start < k):
        start -= 1
    while start < k and tokens[start].lower_ in _JOINERS:
        start += 1
    if start >= k:
        if tokens[0].ent_type_ == "NORP" or tokens[0].text in role_places():
            return _text(tokens), None  # "the Afghan team's coach"
        if len(tokens) == 1 and tokens[0].lower_ in _BODY_NOUNS:
            return tokens[0].text, None  # "the campaign's press secretary": the body as the text names it
        return None, None  # "localist camp's": no body
    run = tokens[start:] if start < k else tokens
    if _ent(run[0], PLACE_LABELS) is not None and _ent(run[-1], PLACE_LABELS) is not None:
        return None, _text(run)
    return _text(run), None


#: lower-case nouns that continue a proper name into a body ("Clinton campaign", "Trump administration")
_BODY_NOUNS = _ORG_HEADS | frozenset({"campaign", "administration", "government", "team", "family", "staff"})


#: lower-case nouns after a name that make it a unit of a body ("the Clinton campaign", "the
#: Ricketts family", "the VOA Eurasian division")
_UNIT_NOUNS = frozenset({"campaign", "administration", "family", "division", "team", "staff", "office",
                         "department", "foundation", "group", "unit", "bureau", "desk"})


def _proper_body(run: list[Token], rest: list[Token]) -> bool:
    """A one-word proper name before a lower-case role ("Facebook co-founder", "Scientology
    attorney"): the body, unless it is a person, a place or a group ("Democratic senator")."""
    if len(run) != 1 or not rest or not rest[0].text[:1].islower():
        return False
    tok = run[0]
    return tok.pos_ in ("PROPN", "NOUN") and tok.ent_type_ not in ("PERSON", "NORP", "GPE", "LOC", "DATE") and (
        tok.text not in role_places() and not is_role_noun(tok)
    )


def _proper_run_body(run: list[Token], rest: list[Token]) -> bool:
    """A name of several capitalised words before a lower-case role noun ("Environment Canada
    spokesperson"): the body, unless it holds a person or a role noun."""
    return len(run) >= 2 and bool(rest) and rest[0].text[:1].islower() and is_role_noun(rest[0]) and all(
        t.text[:1].isupper() and t.ent_type_ not in ("PERSON", "NORP") and not is_role_noun(t)
        and t.text not in role_places() for t in run
    )


@cache
def field_plurals() -> frozenset[str]:
    """Plural nouns that name a field of work before a role noun ("communications director", "public
    affairs officer", "human resources chief"): part of the title, unlike other plurals, which end
    the phrase before it ("sexual assaults actor"); data/field_plurals.txt."""
    return frozenset(data_lines("field_plurals.txt"))


def _title_tokens(region: list[Token]) -> tuple[list[Token], str | None, bool]:
    """The title words of a region ending at its last role noun: modifiers that belong to the
    role stay ("assistant professor", "Shadow Home Secretary"); nationality adjectives give a
    place, "former" the former flag, descriptive words ("pro-Beijing", "camp") are dropped."""
    place: str | None = None
    former = False
    heads = [k for k, t in enumerate(region) if is_role_noun(t)]
    if not heads:
        return [], None, False
    h = heads[-1]
    start = 0
    for k, t in enumerate(region[:h]):
        low = t.lower_
        if low == "based" and k >= 2 and region[k - 1].text == "-" and region[k - 2].text[:1].isupper():
            b = k - 2
            while b > 0 and region[b - 1].text[:1].isupper():
                b -= 1
            place, start = place or _text(region[b : k - 1]), k + 1  # "a South Florida-based president"
        elif low in _FORMER:
            former, start = True, k + 1
        elif t.text in role_places() or (k + 1 < h and f"{t.text} {region[k + 1].text}" in role_places()):
            place = place or role_places().get(t.text) or role_places()[f"{t.text} {region[k + 1].text}"]
            start = k + 1
        elif low.startswith(_DROP_PREFIXES) and k + 2 < h and region[k + 1].text == "-":
            start = k + 3  # "pro - Beijing", "pan - democratic"
        elif start > k:
            continue
        elif (low in _DROP_WORDS or low.startswith(_DROP_PREFIXES) and "-" in low
              or t.pos_ in ("NUM", "DET", "PRON", "AUX") or t.is_punct and t.text != "-"
              or t.pos_ == "VERB" and t.tag_ not in ("VBG", "VBN")
              or t.tag_ == "NNS" and not is_role_noun(t) and low not in _BODY_NOUNS and low not in field_plurals()):
            start = k + 1  # (a plural common noun ends the phrase before: "sexual assaults actor")
        elif start == k and t.text == "-":
            start = k + 1
    if start < h and region[start].text == "-":
        start += 1
    while start < h and region[start].lower_ in _DROP_WORDS | _DETS:
        start += 1
    if place is not None and start < h and region[start].text in role_places():
        start += 1
    words = region[start : h + 1]
    return words, place, former


def _based_place(toks: list[Token], k: int) -> tuple[str, int] | None:
    """"Miami-based" (or "South Florida-based") opening a body's name: the place, and where the
    name goes on."""
    e = k
    while e < len(toks) and toks[e].text[:1].isupper() and toks[e].is_alpha:
        e += 1
    if e == k or e + 2 >= len(toks) or toks[e].text != "-" or toks[e + 1].lower_ != "based" or (
        not toks[e + 2].text[:1].isupper()
    ):
        return None
    return _text(toks[k:e]), e + 2


def _inner_body(words: list[Token]) -> tuple[int, int] | None:
    """A named body inside the title words, before the role noun and after a lower-case modifier
    ("senior White House adviser", "longtime Democratic Party activist"): a capitalised run that
    the tagger calls an organisation or that ends in a body's head word; (begin, end) or None."""
    k = 0
    while k < len(words) - 1:
        t = words[k]
        if not t.text[:1].isupper() or k > 0 and not words[k - 1].text[:1].islower():
            k += 1
            continue
        e = k
        while e < len(words) - 1 and words[e].text[:1].isupper() and not is_role_noun(words[e]):
            e += 1
        run = words[k:e]
        named = all(x.ent_type_ in ORG_LABELS for x in run) and k > 0
        if len(run) >= 2 and (named or run[-1].lower_ in _ORG_HEADS):
            return k, e
        k = e + 1
    return None


def _parse(tokens: list[Token]) -> _Parsed | None:
    """A role phrase: [det] [owner's] [modifiers] role noun [and role noun] [of/for field]
    [at/of/for/with the organisation] [in place]. None when it names neither title nor body."""
    toks = [t for t in tokens if not t.is_space]
    while toks and (toks[0].is_punct or toks[0].lower_ in _DETS or toks[0].text in _POSSESSIVE):
        toks = toks[1:]  # "Clinton's running mate": the owner is a person, its "'s" no title word
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if not toks:
        return None
    org: str | None = None
    place: str | None = None
    poss = next((k for k, t in enumerate(toks) if t.text in _POSSESSIVE), None)
    poss_i = toks[poss].i if poss is not None else 0
    if poss is not None and poss > 0 and not any(is_role_noun(t) for t in toks[:poss] if not t.text[:1].isupper()):
        org, place = _owner(toks[:poss])
        toks = toks[poss + 1 :]
        e = _name_run(toks, 0) if toks and toks[0].text[:1].isupper() and org is not None else 0
        if 0 < e < len(toks) and not any(is_role_noun(t) for t in toks[:e]) and is_role_noun(toks[e]):
            org = f"{org}{toks[0].doc[poss_i].text} {_text(toks[:e])}"  # "the Navy's Office of Naval Intelligence"
            toks = toks[e:]
    # "a former Internal Revenue Service commissioner": the former word goes before the body
    lead_former = False
    pre_run: list[Token] = []  # a capitalised body before the title, given back if "for/at X" follows
    while len(toks) > 1 and toks[0].lower_ in _FORMER and toks[1].text[:1].isupper():
        lead_former, toks = True, toks[1:]
    # a place or an organisation before the title: "Panama coach", "U.S. President", "USI associate
    # professor", "Civil Defense Authority director General", "Joint Council for the … campaigner"
    if toks and toks[0].text[:1].isupper() and org is None and place is None:
        gpe = _ent(toks[0], PLACE_LABELS)
        e = min(len(toks), gpe.end - toks[0].i) if gpe is not None else _name_run(toks, 0)
        run, rest = toks[:e], toks[e:]
        orgish = _ent(toks[0], ORG_LABELS) is not None or any(t.lower_ in _ORG_HEADS for t in run) or (
            len(run) == 1 and run[0].text.isupper() and len(run[0].text) > 1) or _proper_body(run, rest) or (
            gpe is None and _proper_run_body(run, rest))
        units = 0
        while units < len(rest) - 1 and rest[units].lower_ in _BODY_NOUNS and not is_role_noun(rest[units]):
            units += 1  # "Clinton campaign spokesman": the campaign is the body
        if units and gpe is None and all(t.text[:1].isupper() and t.ent_type_ not in PLACE_LABELS for t in run) \
                and (is_role_noun(rest[units]) or rest[units].lower_ in field_plurals() and units + 1 < len(rest)
                     and is_role_noun(rest[units + 1])):  # "Clinton campaign communications director"
            run, rest, orgish = run + rest[:units], rest[units:], True
        heads = [k for k, t in enumerate(run[:-2]) if t.lower_ in _ORG_HEADS]
        if not rest and heads and is_role_noun(run[-1]) and gpe is None and not any(
            is_role_noun(t) for t in run[: heads[-1] + 1]
        ):
            run, rest = run[: heads[-1] + 1], run[heads[-1] + 1 :]  # "Senate Minority Leader"
        elif not rest and len(run) > 2 and is_role_noun(run[-1]) and run[-2].lower_ in _ORG_HEADS:
            run, rest = run[:-1], run[-1:]  # "State Department Spokesperson"
        elif (not rest and len(run) >= 2 and is_role_noun(run[-1]) and not any(is_role_noun(t) for t in run[:-1])
              and gpe is None and (any(t.lower_ in _ORG_HEADS for t in run[:-1])
                                   or len(run) == 2 and run[0].text.isupper() and len(run[0].text) > 1)):
            run, rest = run[:-1], run[-1:]  # "NASA Administrator", "Museum of Flight CEO"
        if rest and _portfolio_head(rest[0]) and all(t.lower_ in portfolio_words() for t in run):
            orgish = False  # "Foreign Affairs minister": the portfolio is part of the title
        if rest and any(is_role_noun(t) for t in rest[:4]) and not any(is_role_noun(t) for t in run):
            if gpe is not None:
                place, toks = _text(run), rest
            elif orgish:
                org, toks, pre_run = _text(run), rest, run
    # the title region: up to the first preposition, comma or clause word
    end = 0
    while end < len(toks) and not (
        toks[end].pos_ == "ADP" or toks[end].lower_ in ("who", "which", "that", "and", "&", ",", "(")
        or toks[end].pos_ in ("VERB", "AUX") and not is_role_noun(toks[end]) and not (
            toks[end].tag_ in ("VBG", "VBN") and end + 1 < len(toks) and toks[end + 1].pos_ in ("NOUN", "ADJ")
        )  # "chief operating officer"
    ):
        end += 1
    words, adj_place, former = _title_tokens(toks[:end])
    acronyms = [k for k, t in enumerate(words[:-1]) if _acronym(t)]
    if org is None and len(acronyms) == 1 and len(words) > 2:
        org = words[acronyms[0]].text  # "Interim DNC Chairwoman": the body inside the title
        words = [t for k, t in enumerate(words) if k != acronyms[0]]
    inner = _inner_body(words) if org is None else None
    if inner is not None:
        b, e = inner  # "senior White House adviser", "longtime Democratic Party activist"
        org, words = _text(words[b:e]), words[:b] + words[e:]
    extra: list[str] = []
    j = end
    if words:
        while j < len(toks):
            t = toks[j]
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            if nxt is None:
                break
            if extra and t.lower_ in ("and", "&"):
                break
            if t.lower_ in ("and", "&") and is_role_noun(nxt) or (
                t.lower_ in ("and", "&") and j + 2 < len(toks) and is_role_noun(toks[j + 2]) and not nxt.is_punct
            ):
                k = j + 1
                while k < len(toks) and not is_role_noun(toks[k]):
                    k += 1
                extra += [t.text] + [x.text for x in toks[j + 1 : k]] + [singular(toks[k].text)]
                j = k + 1
                continue
            if t.lower_ in ("of", "for") and _portfolio_head(words[-1]) and not extra:
                k = _portfolio_end(toks, j + 1)
                if k > j + 1:
                    extra += [x.text for x in toks[j:k]]  # "secretary of state", "Minister for Health"
                    j = k
                    continue
            if t.lower_ == "of" and words[-1].text[:1].isupper() and nxt.text[:1].isupper() and (
                j + 2 >= len(toks) or toks[j + 2].is_punct
            ) and _ent(nxt, PLACE_LABELS) is None:
                extra += [t.text, nxt.text]  # "Secretary of State" (but "Governor of Washington": a place)
                j += 2
                continue
            if t.lower_ in _FIELD_PREPS and nxt.lower_ not in _DETS and _ent(nxt, ORG_LABELS + PLACE_LABELS) is None \
                    and not (nxt.text[:1].isupper() and t.lower_ == "at") and not nxt.is_punct and not (
                        t.lower_ == "of" and nxt.pos_ == "PROPN" and words[-1].text.islower()
                        and nxt.ent_type_ not in ("DATE", "TIME")
                    ):  # "a member of Scientology": a body the tagger did not tag, no field
                k = j + 1
                while k < len(toks) and (
                    toks[k].pos_ in ("NOUN", "PROPN", "ADJ", "VERB") or toks[k].text == "-"
                    or toks[k].lower_ == "and" and k > j + 1 and k + 1 < len(toks) and toks[k + 1].text.islower()
                    and toks[k + 1].pos_ in ("NOUN", "ADJ") and not is_role_noun(toks[k + 1])
                ) and toks[k].lower_ not in ("who", "which") and _ent(toks[k], ORG_LABELS + PLACE_LABELS) is None:
                    k += 1  # "for energy and climate policy"
                if k == j + 1:
                    break
                extra += [x.text for x in toks[j:k]]  # "of photography", "at large", "for education organizing"
                j = k
                continue
            if t.lower_ in ("of", "at", "for", "with", "from", "to", "in") and nxt is not None:
                k = j + 1
                article = toks[k].lower_ == "the"
                if article:
                    k += 1
                based = _based_place(toks, k)
                if based is not None:
                    place, k = place or based[0], based[1]  # "president of the Miami-based Florida … Caucus"
                if k >= len(toks):
                    break
                if toks[k].text[:1].isupper() or _ent(toks[k], ORG_LABELS + PLACE_LABELS) is not None:
                    e = _name_run(toks, k)
                    while e < len(toks) and (toks[e].like_num or toks[e].text in _POSSESSIVE) and e + 1 < len(toks) \
                            and (toks[e + 1].lower_ in _UNIT_NOUNS or toks[e + 1].like_num):
                        e += 1  # "Obama's 2008 campaign"
                    if e < len(toks) and toks[e].lower_ in _UNIT_NOUNS and toks[e].text.islower() and article:
                        e += 1  # "an adviser to the Clinton campaign", "the VOA Eurasian division"
                    name = _text(toks[k:e])
                    is_place = _ent(toks[k], PLACE_LABELS) is not None and _ent(toks[e - 1], PLACE_LABELS) is not None
                    if is_place and t.lower_ in ("in", "to"):
                        place = name  # "a United States ambassador to Russia": where the role is held
                    elif is_place and (t.lower_ in ("from", "of") or org is not None):
                        place = place or name
                    elif t.lower_ != "in" and org is None:
                        org = name
                    elif t.lower_ in ("for", "at", "with") and pre_run and not extra and not is_place and not any(
                        x.ent_type_ in ORG_LABELS or x.text.isupper() for x in pre_run
                    ):
                        # "the Second Amendment columnist for Breitbart News": the words before
                        # the title name its field, the body follows
                        org, words, pre_run = name, pre_run + words, []
                    elif t.lower_ == "in" and place is None:
                        place = name
                    else:
                        break
                    j = e
                    continue
                if article:  # "director of the gallery": a description, no body
                    k2 = k
                    while k2 < len(toks) and toks[k2].pos_ in ("NOUN", "ADJ", "PROPN") and toks[k2].text[:1].islower():
                        k2 += 1
                    if k2 > k:
                        j = k2
                        continue
            break
    place = place or adj_place
    if not words and org is None:
        return None
    title = None
    if words:
        last = words[-1]
        head = singular(last.text)
        title = (_text(words[:-1]) + " " + head).strip() if head != last.text else _text(words)
        if extra:
            title = f"{title} {' '.join(extra)}"
    return _Parsed(words, org, place, former or lead_former, title or "")


def _role(parsed: _Parsed | None, tokens: list[Token]) -> Role | None:
    if parsed is None:
        return None
    toks = [t for t in tokens if not t.is_space]
    while toks and (toks[0].is_punct or toks[0].lower_ in _DETS or toks[0].text in _POSSESSIVE):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if not toks:
        return None
    title = " ".join(parsed.title_extra.split()) or None
    return Role(title=title, organization=parsed.organization, place=parsed.place,
                spans=[(toks[0].idx, toks[-1].idx + len(toks[-1].text))], former=parsed.former)


def _prefix_before(doc: Doc, end: int) -> list[Token]:
    """The words before token ``end`` that can hold a role ("Labour's Shadow Home Secretary",
    "CEO of the Refugee Council", "Joint Council for the Welfare of Immigrants campaigner",
    "France's interior and overseas minister")."""
    out: list[Token] = []
    k = end - 1
    while k >= 0 and len(out) < MAX_PREFIX and not doc[k].is_sent_end:
        t = doc[k]
        left = doc[k - 1] if k > 0 else None
        first = out[0] if out else None
        if t.text in _POSSESSIVE or t.text == "-" and left is not None and not left.is_punct:
            out.insert(0, t)
        elif t.lower_ == "the" and first is not None and first.text[:1].isupper() and left is not None \
                and left.lower_ in ("of", "for", "on", "to"):
            out.insert(0, t)  # "Joint Council for the Welfare …"
        elif t.lower_ in ("of", "for", "on", "at", "to") and first is not None and (
            first.text[:1].isupper() or first.lower_ == "the"
        ) and left is not None and (left.text[:1].isupper() or is_role_noun(left)):
            out.insert(0, t)  # "CEO of the Refugee Council", "Institute for the Study of War"
        elif t.lower_ == "in" and first is not None and first.lower_ == "chief" and left is not None \
                and is_role_noun(left):
            out.insert(0, t)  # "editor in chief", "commander in chief"
        elif t.lower_ == "and" and first is not None and first.text.islower() and left is not None \
                and left.text.islower() and left.pos_ in ("ADJ", "NOUN") and first.pos_ in ("ADJ", "NOUN") \
                and first.lower_ not in _FORMER and left.tag_ not in ("NNS", "NNPS"):  # not "counties and former"
            out.insert(0, t)  # "interior and overseas minister"
        elif first is None and _plural_role_as_verb(t):
            out.insert(0, t)  # "; photographers Nat Finkelstein, …" with the plural tagged as a verb
        elif first is not None and t.lower_ in _FORMER and t.pos_ in ("VERB", "ADV"):
            out.insert(0, t)  # "retired astronaut Mark Kelly" with "retired" tagged as a verb: former
        elif t.is_punct or t.pos_ in ("VERB", "AUX", "CCONJ", "PRON", "NUM", "SCONJ", "PART", "ADP", "DET", "ADV"):
            break
        elif t.ent_type_ == "PERSON" and first is not None and first.lower_ in _BODY_NOUNS and (
            first.text.islower() and t.text[:1].isupper()
        ):
            out.insert(0, t)  # "Clinton campaign spokesman"
        elif t.ent_type_ in ("PERSON", "DATE", "TIME", "CARDINAL") and not (
            k == end - 1 and t.ent_type_ == "PERSON" and is_role_noun(t)
        ):
            break  # (a title the tagger took into the name right before it is read: "Representative X")
        else:
            out.insert(0, t)
        k -= 1
    while out and out[0].lower_ in ("of", "for", "on", "at", "to", "the", "and"):
        out = out[1:]
    return out


def _plural_role_as_verb(tok: Token) -> bool:
    """A plural role noun the tagger read as a verb right before a name, after punctuation, a
    conjunction or a determiner ("; photographers Nat Finkelstein", "and councillors A")."""
    if tok.tag_ != "VBZ" or not is_role_noun(tok) or singular(tok.text) == tok.text or tok.i == 0:
        return False
    left = tok.doc[tok.i - 1]
    return left.is_punct or left.pos_ in ("CCONJ", "DET", "NUM")


def _prefix_role(ent: SpacySpan) -> Role | None:
    tokens = _prefix_before(ent.doc, ent.start)
    if not tokens:
        return None
    parsed = _parse(tokens)
    if parsed is not None and not parsed.title and not any(t.text in _POSSESSIVE for t in tokens):
        return None
    if parsed is not None and parsed.title and parsed.place is None:
        parsed.place = _dateline_place(ent.doc, tokens[0].i)
    return _role(parsed, tokens)


def _dateline_place(doc: Doc, begin: int) -> str | None:
    """"Tulsa, Okla., police officer Betty Shelby": a place written "City, State," right before a
    role phrase is where the role is held (the city)."""
    if begin < 4 or doc[begin - 1].text != "," or doc[begin - 3].text != ",":
        return None
    state, city = doc[begin - 2], doc[begin - 4]
    if _ent(state, PLACE_LABELS) is None or _ent(city, PLACE_LABELS + ORG_LABELS) is None:
        return None  # (the small tagger often reads the city of "Dayton, Ohio," as a body)
    place, state_ent = ent_at(city), ent_at(state)
    if place is None or state_ent is None or place.end != begin - 3 or state_ent.start != begin - 2:
        return None
    return _text(list(place))


def _role_before_comma(ent: SpacySpan) -> Role | None:
    """"Malaysia's Prime Minister, Najib Razak", "the Afghan team's coach, Alireza Mehraban"."""
    doc = ent.doc
    comma = ent.start - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    end = comma
    if doc[end - 1].text == ")":
        opening = next((k for k in range(end - 2, max(-1, end - 8), -1) if doc[k].text == "("), None)
        if opening is not None and opening > 0:
            end = opening  # "The secretary general of CEI (Italian Episcopal Conference), Nunzio …"
    tokens = _prefix_before(doc, end)
    if not tokens or not (is_role_noun(doc[end - 1]) or any(is_role_noun(t) for t in tokens[:3])):
        return None  # "Co-founder of Google, Sergey Brin": the role noun opens the phrase
    before = doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    while before is not None and (before.pos_ == "DET" or before.lower_ in _DROP_WORDS):
        before = doc[before.i - 1] if before.i > 0 else None  # "the", "Another RT America host, …"
    if before is not None and not (
        before.is_sent_end or before.is_punct or before.pos_ in ("ADP", "VERB", "AUX", "CCONJ", "SCONJ", "ADV")
    ):
        return None  # "the son of the president, X": the phrase before the comma is part of a longer one
    parsed = _parse(tokens)
    if parsed is None or not parsed.title:
        return None
    return _role(parsed, tokens)


_APPOSITION_STOP = frozenset({",", ";", "(", ")", ".", ":", '"', "“", "”"})


_DASHES = frozenset({"--", "–", "—", "-"})


def _dash_parenthesis(ent: SpacySpan) -> list[Token]:
    """The words between a dash right after a name and the closing dash of its sentence ("Owen
    Pratt -- a researcher at the Institute for the Study of War -- said"); empty without one."""
    doc = ent.doc
    out: list[Token] = []
    k = ent.end + 1
    while k < len(doc) and not doc[k].is_sent_start and doc[k].text not in _DASHES and len(out) <= 18:
        if doc[k].text in _APPOSITION_STOP:
            return []
        out.append(doc[k])
        k += 1
    return out if k < len(doc) and doc[k].text in _DASHES and not doc[k].is_sent_start else []


def _after_comma(ent: SpacySpan) -> list[Token]:
    """The apposition after ", " up to the next comma, bracket or sentence end (or between two
    dashes)."""
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].text in _DASHES:
        return _dash_parenthesis(ent)
    if ent.end >= len(doc) or doc[ent.end].text != ",":
        return []
    out: list[Token] = []
    k = ent.end + 1
    if k + 2 < len(doc) and doc[k].like_num and doc[k + 1].text == ",":
        k += 2  # "Daniel Roe, 19, a member of …": the age is no role
    while k < len(doc) and not doc[k].is_sent_start and doc[k].text not in _APPOSITION_STOP:
        out.append(doc[k])
        k += 1
    return out


def _apposition_parts(tokens: list[Token]) -> list[list[Token]]:
    """An apposition split where "and" opens a second role phrase with its own article or
    "former" ("a senior fellow at X and a former ambassador to Y")."""
    parts: list[list[Token]] = [[]]
    for k, t in enumerate(tokens):
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if t.lower_ == "and" and parts[-1] and nxt is not None and (nxt.lower_ in ("a", "an", "the") or
                                                                  nxt.lower_ in _FORMER) and any(
            is_role_noun(x) for x in parts[-1]
        ) and any(is_role_noun(x) for x in tokens[k + 1 : k + 8]):
            parts.append([])
            continue
        parts[-1].append(t)
    return [p for p in parts if p]


def _next_apposition(ent: SpacySpan, tokens: list[Token]) -> list[Token]:
    """A further role after the apposition's closing comma: ", and Chairman of the …," """
    doc = ent.doc
    k = tokens[-1].i + 1 if tokens else ent.end
    if k + 2 >= len(doc) or doc[k].text != "," or doc[k + 1].lower_ != "and":
        return []
    out: list[Token] = []
    k += 2
    while k < len(doc) and not doc[k].is_sent_start and doc[k].text not in _APPOSITION_STOP:
        out.append(doc[k])
        k += 1
    first = next((t for t in out if t.lower_ not in _DETS and t.lower_ not in _FORMER), None)
    return out if first is not None and is_role_noun(first) else []


def _apposition_roles(ent: SpacySpan) -> list[Role]:
    tokens = _after_comma(ent)
    if not tokens:
        return []
    roles: list[Role] = []
    for part in _apposition_parts(tokens) + [_next_apposition(ent, tokens)]:
        role = _apposition_role(ent, part) if part else None
        if role is not None:
            roles.append(role)
    return roles


def _apposition_role(ent: SpacySpan, tokens: list[Token] | None = None) -> Role | None:
    tokens = _after_comma(ent) if tokens is None else tokens
    relative = next((k for k, t in enumerate(tokens) if k > 0 and t.lower_ in ("who", "whose", "which")), None)
    if relative is not None:
        tokens = tokens[:relative]  # "a longtime adviser to the X family who oversees …": the role ends there
    if not tokens or len(tokens) > 18:
        return None
    first = next((t for t in tokens if not t.is_space), None)
    if first is None or first.pos_ in ("VERB", "AUX", "PRON", "ADV", "SCONJ") or first.lower_ in ("who", "which"):
        return None
    heads = [t for t in tokens if is_role_noun(t)]
    verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX") and not is_role_noun(t) and not (
        t.tag_ in ("VBG", "VBN") and t.i + 1 < len(t.doc) and is_role_noun(t.doc[t.i + 1])
    )]  # "a practising homeopath": a participle before the role noun modifies it
    if heads and verbs and verbs[0].i < heads[0].i:
        return None
    parsed = _parse(tokens)
    if parsed is None or not parsed.title:
        return None
    return _role(parsed, tokens)


_SERVED = {"served": True, "serves": False, "serving": False, "resigned": True, "resign": True, "retired": True,
           "quit": True}


def _served_as(ent: SpacySpan) -> Role | None:
    """"X served as director of the Congressional Budget Office", "X was forced to resign as
    minister" → a former role ("serves as": a current one)."""
    doc = ent.doc
    k = _relative_start(ent)
    start = k
    while k < len(doc) and doc[k].pos_ in ("ADV", "AUX", "VERB", "PART") and doc[k].lower_ not in _SERVED and (
        k < start + 4
    ):
        k += 1  # "has long served as", "was forced to resign as"
    if k + 2 >= len(doc) or doc[k].lower_ not in _SERVED or doc[k + 1].lower_ != "as":
        return None
    out: list[Token] = []
    j = k + 2
    while j < len(doc) and not doc[j].is_sent_start and doc[j].text not in _APPOSITION_STOP and (
        doc[j].lower_ not in ("from", "during", "until", "since", "when", "before", "after", "under")
        and doc[j].ent_type_ not in ("DATE", "TIME")
    ):
        out.append(doc[j])
        j += 1
    first = next((t for t in out if t.lower_ not in _DETS), None)
    if first is None or not any(is_role_noun(t) for t in out[:4]):
        return None
    parsed = _parse(out)
    if parsed is None or not parsed.title:
        return None
    role = _role(parsed, out)
    return role.model_copy(update={"former": True}) if role is not None and _SERVED[doc[k].lower_] else role


_COPULAS = {"is": False, "was": True}


def _relative_start(ent: SpacySpan) -> int:
    """Where the predicate about a name starts: right after it, or after ", who" ("X, who served
    as chairman of the DNC, …")."""
    doc = ent.doc
    k = ent.end
    if k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ == "who":
        return k + 2
    return k


_RELATIVE_ADVERBS = frozenset({"now", "currently", "also", "still"})


def _relative_determiner_end(doc: Doc, j: int) -> int:
    """After "who is"/"who was": past an adverb ("now") and a person's possessive ("Obama's"),
    which stand where an article would ("who was Obama's chief strategist" → "chief strategist")."""
    while j < len(doc) and doc[j].lower_ in _RELATIVE_ADVERBS:
        j += 1
    m = j
    while m < len(doc) and doc[m].text[:1].isupper() and (doc[m].ent_type_ == "PERSON" or is_role_noun(doc[m])):
        m += 1  # (a title before the name: "Mayor Dunn's")
    if m > j and doc[m - 1].ent_type_ == "PERSON" and m + 1 < len(doc) and doc[m].text in _POSSESSIVE:
        return m + 1
    return j


def _copula_roles(ent: SpacySpan) -> list[Role]:
    """"X is the columnist for Y and political analyst for Z", "X was a White House physician":
    a role noun phrase predicated of the name as subject ("was": a past role)."""
    doc = ent.doc
    k = _relative_start(ent)
    relative = k != ent.end
    if k + 2 >= len(doc) or doc[k].lower_ not in _COPULAS or not relative and (
        ent.root.dep_ != "nsubj" or ent.root.head.i != k
    ):
        return []
    out: list[Token] = []
    j = k + 1
    if relative:
        j = _relative_determiner_end(doc, j)
    if j >= len(doc) or doc[j].lower_ not in ("a", "an", "the") and not (relative and is_role_noun(doc[j])):
        return []
    while j < len(doc) and not doc[j].is_sent_start and doc[j].text not in _APPOSITION_STOP and (
        doc[j].lower_ not in ("who", "which", "that", "since", "until", "when", "before", "after")
    ):
        out.append(doc[j])
        j += 1
    first = next((t for t in out if t.lower_ not in _DETS), None)
    if first is None or len(out) > 18 or not any(is_role_noun(t) for t in out[:5]) or any(
        t.pos_ in ("VERB", "AUX") and not is_role_noun(t) and t.tag_ not in ("VBG", "VBN") for t in out
    ):
        return []
    roles: list[Role] = []
    for part in _role_parts(out):
        parsed = _parse(part)
        role = _role(parsed, part) if parsed is not None and parsed.title else None
        if role is not None:
            roles.append(role.model_copy(update={"former": True}) if _COPULAS[doc[k].lower_] else role)
    return roles


def _role_parts(tokens: list[Token]) -> list[list[Token]]:
    """Role phrases joined by "and" where the first has its body ("columnist for Y and analyst
    for Z"): each on its own; otherwise as :func:`_apposition_parts` splits them."""
    parts = _apposition_parts(tokens)
    out: list[list[Token]] = []
    for part in parts:
        cut = next((k for k, t in enumerate(part) if t.lower_ == "and" and k > 2 and any(
            x.lower_ in ("for", "at", "of", "with") for x in part[:k]
        ) and part[k - 1].text[:1].isupper() and any(is_role_noun(x) for x in part[k + 1 : k + 4])), None)
        out += [part[:cut], part[cut + 1 :]] if cut is not None else [part]
    return out


#: verbs of a relative clause that name their subject's place in a body: form → past role. A
#: verb is no role noun (GUIDELINES B), so the clause gives the organisation alone ("X, who
#: heads the Lakeside Museum" → organisation "Lakeside Museum"; "who's chairing Y's team" → "Y's team")
_ROLE_VERBS: dict[str, bool] = {
    "heads": False, "headed": True, "heading": False, "helms": False, "helmed": True, "leads": False,
    "led": True, "leading": False, "chairs": False, "chaired": True, "chairing": False, "directs": False,
    "directed": True, "directing": False, "manages": False, "managed": True, "managing": False, "runs": False,
    "ran": True, "running": False, "founded": False, "co-founded": False, "cofounded": False,
}
#: auxiliaries between "who" and a progressive role verb ("who's chairing"); "was" makes it past
_PROGRESSIVE = {"'s": False, "’s": False, "is": False, "was": True}


def _relative_verb_role(ent: SpacySpan) -> Role | None:
    """"X, who heads the Lakeside Museum, …" → title "head", organisation "Lakeside Museum"; a past
    tense ("who chaired", "who led") is a former role, except "founded"."""
    doc = ent.doc
    k = _relative_start(ent)
    if k == ent.end or k + 1 >= len(doc):
        return None
    while k < len(doc) - 1 and doc[k].pos_ == "ADV":
        k += 1  # "who now heads"
    past_aux = False
    if doc[k].lower_ in _PROGRESSIVE and k + 1 < len(doc) and doc[k + 1].tag_ == "VBG":
        past_aux, k = _PROGRESSIVE[doc[k].lower_], k + 1  # "who's chairing", "who was running"
    verb = doc[k]
    known = _ROLE_VERBS.get(verb.lower_)
    if known is None or verb.pos_ != "VERB":
        return None
    former = known or past_aux
    j = k + 1
    if j < len(doc) and doc[j].lower_ == "the":
        j += 1
    if j >= len(doc) or not doc[j].text[:1].isupper() or _ent(doc[j], PLACE_LABELS) is not None:
        return None
    tokens = list(doc[j : min(len(doc), j + 12)])
    e = _name_run(tokens, 0)
    if e == 0:
        return None
    if e + 1 < len(tokens) and tokens[e].text in _POSSESSIVE and tokens[e + 1].text.islower() and (
        tokens[e + 1].lower_ in _BODY_NOUNS
    ):
        e += 2  # "Donald Trump's transition team": the body is the owner's unit
    elif e + 2 < len(tokens) and tokens[e].text in _POSSESSIVE and tokens[e + 2].lower_ in _BODY_NOUNS and (
        tokens[e + 1].text.islower()
    ):
        e += 3
    span = (verb.idx, tokens[e - 1].idx + len(tokens[e - 1].text))
    return Role(organization=_text(tokens[:e]), spans=[span], former=former)


def _place_after(ent: SpacySpan) -> str | None:
    """"Representative Jane Roe of New York" → the place of the title before the name."""
    doc = ent.doc
    k = ent.end
    if k + 1 >= len(doc) or doc[k].lower_ != "of" or _ent(doc[k + 1], PLACE_LABELS) is None:
        return None
    place = ent_at(doc[k + 1])
    if place is None or place.start != k + 1:
        return None
    if place.end < len(doc) and (doc[place.end].text[:1].isupper() and doc[place.end].is_alpha
                                 or doc[place.end].text in _POSSESSIVE):
        return None  # "of Duran Duran", "of Italy's la Repubblica": a name that runs on is no place
    return _text(list(place))


def _affiliation(ent: SpacySpan) -> str | None:
    """"Nick Rhodes of Duran Duran", "Alvin Yeung from the Civic Party" → the organisation."""
    doc = ent.doc
    k = ent.end
    if k + 1 >= len(doc) or doc[k].lower_ not in ("of", "from"):
        return None
    k += 1
    if doc[k].lower_ == "respectively":
        return None
    if doc[k].text == "the":
        k += 1
    if k >= len(doc) or not doc[k].text[:1].isupper() or _ent(doc[k], PLACE_LABELS) is not None:
        return None
    tokens = list(doc[k : min(len(doc), k + 10)])
    e = _name_run(tokens, 0)
    while e > 0 and tokens[e - 1].text in _POSSESSIVE:
        e -= 1
    return _text(tokens[:e]) if e else None


def _shared_role(ent: SpacySpan) -> Role | None:
    """The plural title of an earlier name in a coordination ("photographers A, B and C" → B and
    C are photographers too): the nearest earlier conjunct with a title before it."""
    tok = ent.root
    if tok.dep_ != "conj":
        return None
    for _ in range(8):
        if tok.dep_ not in ("conj", "pobj", "prep", "appos") or tok.head.i == tok.i:
            return None
        tok = tok.head
        first = ent_at(tok)
        if first is None or first.label_ != "PERSON":
            continue
        prefix = _prefix_before(ent.doc, first.start)
        heads = [t for t in prefix if is_role_noun(t)]
        if not heads:
            continue
        if singular(heads[-1].text) == heads[-1].text:
            return None  # "musician Nick Rhodes": the title is his alone
        shared = _prefix_role(first)
        if shared is None or not shared.title:
            return None
        return Role(title=shared.title, place=shared.place, spans=shared.spans, former=shared.former)
    return None


MAX_LIST = 8


def _list_start(ent: SpacySpan) -> SpacySpan | None:
    """The name before a list conjunct ("…, B" / "… and B" / "…, and B"), passing over an
    affiliation of that name ("A of the Civic Party, B"); None where no name precedes."""
    doc = ent.doc
    k = ent.start - 1
    sep = k
    while k >= 0 and (doc[k].text in (",", ";") and doc[k].text == "," or doc[k].lower_ == "and"):
        k -= 1
    if k == sep or k < 0:
        return None
    j = k
    while j >= 0 and k - j < 8 and doc[j].ent_type_ != "PERSON" and (
        doc[j].text[:1].isupper() or doc[j].lower_ in ("of", "from", "the", "-") or doc[j].text in _POSSESSIVE
    ):
        j -= 1
    if j < 0 or doc[j].ent_type_ != "PERSON" or (j < k and not any(
        doc[x].lower_ in ("of", "from") for x in range(j + 1, k + 1)
    )):
        return None  # "Hopper, Rhodes": names only; "Smith of the Labour Party, Jones": an affiliation between
    return ent_at(doc[j])


def _list_shared_role(ent: SpacySpan) -> Role | None:
    """A plural title before the first of a list of names is each name's title ("photographers
    A, B and C", "councillors A from the Civic Party, B of the Labour Party, and C"), also where
    the parse does not join the list."""
    first = _list_start(ent)
    for _ in range(MAX_LIST):
        if first is None or first.label_ != "PERSON" or first.start == 0:
            return None
        before = ent.doc[first.start - 1]
        if is_role_noun(before):
            if singular(before.text) == before.text:
                return None  # "musician Nick Rhodes, Jane Roe": the title is his alone
            shared = _prefix_role(first)
            if shared is None or not shared.title:
                return None
            return Role(title=shared.title, place=shared.place, spans=shared.spans, former=shared.former)
        first = _list_start(first)
    return None


def person_roles(ent: SpacySpan) -> list[Role]:
    """Roles stated for a person mention in its own sentence."""
    roles: list[Role] = []
    prefix = _prefix_role(ent) or _role_before_comma(ent) or _shared_role(ent) or _list_shared_role(ent)
    if prefix is not None:
        roles.append(prefix)
    roles += _apposition_roles(ent)
    served = _served_as(ent)
    if served is not None:
        roles.append(served)
    roles += _copula_roles(ent)
    relative = _relative_verb_role(ent)
    if relative is not None:
        roles.append(relative)
    place = _place_after(ent)
    if place is not None and roles and roles[0].place is None:
        roles[0] = roles[0].model_copy(update={"place": place})  # "Senator Jane Roe of Vermont"
    org = _affiliation(ent) if place is None else None
    if org is not None:
        if roles and all(r.organization is None for r in roles):
            roles[0] = roles[0].model_copy(update={"organization": org})
        elif not roles:
            k = ent.end
            roles.append(Role(organization=org, spans=[(ent.doc[k].idx, ent.doc[k].idx + len(ent.doc[k].text))]))
    return roles


def unnamed_role(tok: Token) -> Role | None:
    """The role of an unnamed singular source whose head is a role noun ("a spokesman for the
    State Department said" → title "spokesman", organisation "State Department"): the head with
    its modifiers and prepositional phrases, no relative clause."""
    if tok.tag_ != "NN" or not is_role_noun(tok) or tok.ent_type_:
        return None
    dets = [c.lower_ for c in tok.children if c.dep_ == "det"]
    if dets not in (["a"], ["an"], ["another"]):
        return None  # "the chair of the DNC": a definite description names someone the text names
    if tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON":
        return None  # "John Roe, a former White House adviser": the role of the name before it
    if any(c.dep_ == "appos" or c.ent_type_ == "PERSON" for c in tok.children):
        return None  # "a spokesman for the party, John Roe": the role of the name
    doc = tok.doc
    keep = {tok.i}
    for child in tok.children:
        if child.dep_ in ("det", "amod", "compound", "poss", "nmod", "case", "prep", "punct") and (
            child.i < tok.i or child.dep_ == "prep"
        ):
            keep.update(t.i for t in child.subtree)
    first, last = min(keep), max(keep)
    if last + 2 < len(doc) and doc[last + 1].text == "," and doc[last + 2].ent_type_ == "PERSON":
        return None  # "a spokesman for Harbor Bank, John Rowe, said": the role of the name after it
    tokens = [t for t in doc[first : last + 1] if not t.is_space]
    if any(t.ent_type_ == "PERSON" for t in tokens):
        return None
    if any(t.pos_ in ("VERB", "AUX") and not is_role_noun(t) and t.tag_ not in ("VBG", "VBN") for t in tokens):
        return None
    parsed = _parse(tokens)
    if parsed is None or not parsed.title or not (parsed.organization or parsed.place):
        return None
    return _role(parsed, tokens)



_DESCRIPTION_STOPS = frozenset({"attr", "compound", "appos", "conj"})
#: the positions in which a description refers back to a named person: subject, object, possessor
_DESCRIPTION_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss"})


@cache
def _non_referring() -> frozenset[str]:
    """Modifiers that make a description name a type or someone to come ("the next president",
    "the first president of …", "the real founder of …"): data/non_referring.txt."""
    return frozenset(w.lower() for w in data_lines("non_referring.txt"))



def description_role(tok: Token) -> Role | None:
    """The role of a definite description without a name ("the former secretary of state", "the
    Republican presidential nominee's", "the real estate mogul"): a singular role noun with
    "the", its modifiers and prepositional phrases; None where a name goes with the phrase
    (apposition, a name after it or after a comma) or where it is a predicate (read elsewhere)."""
    if tok.tag_ != "NN" or not is_role_noun(tok) or tok.ent_type_ or tok.dep_ in _DESCRIPTION_STOPS:
        return None
    if [c.lower_ for c in tok.children if c.dep_ == "det"] != ["the"] or tok.dep_ not in _DESCRIPTION_DEPS:
        return None  # "for the Democratic nominee", "with the ambassador": no reference to a person named
    if any(c.dep_ == "conj" or c.lower_ in _non_referring() for c in tok.children):
        return None  # "the Texas senator and business mogul", "the next president": no one person named before
    if any(c.dep_ in ("appos", "relcl", "acl") or c.ent_type_ == "PERSON" for c in tok.children):
        return None  # "the senator, Jane Roe", "the nominee who …": the phrase goes with a name or clause
    if tok.dep_ == "pobj" and (tok.head.lower_ == "as" or is_role_noun(tok.head.head)):
        return None  # "as the 2012 nominee": a predicate; "undersecretary to the prime minister": another's
    if any(c.text in _POSSESSIVE for c in tok.children) and tok.head.lower_ in _BODY_NOUNS | {"station"}:
        return None  # "the sheriff's office": the office stands for a body
    doc = tok.doc
    keep = {tok.i}
    for child in tok.children:
        if child.dep_ in ("det", "amod", "compound", "nmod", "nummod", "prep", "punct", "advmod") and (
            child.i < tok.i or child.dep_ == "prep"
        ):
            keep.update(t.i for t in child.subtree)
    first, last = min(keep), max(keep)
    after = doc[last + 1] if last + 1 < len(doc) else None
    if after is not None and (after.ent_type_ == "PERSON" or after.text == "," and last + 2 < len(doc)
                              and doc[last + 2].ent_type_ == "PERSON"):
        return None  # "the nominee Jane Roe", "the chair of the panel, Jane Roe"
    tokens = [t for t in doc[first : last + 1] if not t.is_space]
    if any(t.ent_type_ == "PERSON" or t.text in _POSSESSIVE for t in tokens):
        return None  # "the Clinton campaign's chairman": a person's or a body's phrase of its own kind
    if any(t.pos_ in ("VERB", "AUX") and not is_role_noun(t) and t.tag_ not in ("VBG", "VBN") for t in tokens):
        return None
    parsed = _parse(tokens)
    if parsed is None or not parsed.title:
        return None
    if len(parsed.title_extra.split()) < 2 and not (parsed.former or parsed.organization or parsed.place):
        return None  # "the president", "the head": a bare noun says too little to name its holder
    return _role(parsed, tokens)
