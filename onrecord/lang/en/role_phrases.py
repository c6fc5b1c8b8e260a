"""English role phrases (:func:`_parse`): [det] [owner's] [modifiers] role noun [of/for field]
[at/of/for/with the organisation] [in place] → title, organisation, place and the former flag;
the names of bodies inside them (:func:`_name_run`) and the :class:`~onrecord.model.Role` they give.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from onrecord.lang.en.lexicon import word_set
from onrecord.lang.en.role_lexicon import (
    _BODY_NOUNS,
    _DETS,
    _DROP_PREFIXES,
    _DROP_WORDS,
    _FIELD_PREPS,
    _FORMER,
    _HONORIFICS,
    _JOINERS,
    _ORG_HEADS,
    _POSSESSIVE,
    _UNIT_NOUNS,
    ORG_LABELS,
    PLACE_LABELS,
    _ent,
    _portfolio_end,
    _portfolio_head,
    _text,
    body_kinds,
    candidacy_nouns,
    constituency_nouns,
    field_acronyms,
    field_plurals,
    holder_words,
    is_role_noun,
    kind_before_name,
    party_words,
    portfolio_words,
    role_places,
    singular,
    title_modifiers,
    work_nouns,
)
from onrecord.model import Role


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


def _elided_particle(tok: Token) -> bool:
    """A French elided particle glued to a capitalised word inside a name ("Provence-Alpes-Côte
    d'Azur", "Côte d'Ivoire")."""
    return tok.text[:2].lower() in ("d'", "l'", "d’", "l’") and tok.text[2:3].isupper()


#: the most lower-case words of a unit's field after "of" ("school of public health")
MAX_FIELD_WORDS = 3


def _unit_field_end(tokens: list[Token], j: int) -> int:
    """The end of a lower-case field after a body's unit noun ending at ``j`` ("the University of
    NSW's school of public health"): "of" and adjectives or nouns ending with a noun; else ``j``."""
    if j + 1 >= len(tokens) or tokens[j].lower_ != "of":
        return j
    e = j + 1
    while e < len(tokens) and e - j <= MAX_FIELD_WORDS and tokens[e].text.islower() and tokens[e].is_alpha and (
        tokens[e].pos_ in ("NOUN", "ADJ")
    ):
        e += 1
    return e if e > j + 1 and tokens[e - 1].pos_ == "NOUN" else j


def _name_run(tokens: list[Token], i: int) -> int:
    """End of a capitalised name from ``i``: "Institute for the Study of War", "Queen's University"
    (function words and "'s" inside the name), an ORG entity as tagged if longer."""
    if i < len(tokens) and tokens[i].text in _HONORIFICS:
        return i  # "from Mr. Clinton's efforts": a person's honorific opens no body's name
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
        ) or j > i and _elided_particle(t):
            j += 1
        elif j > i and t.text in _POSSESSIVE and j + 1 < len(tokens) and tokens[j + 1].lower_ in _ORG_HEADS and (
            tokens[j + 1].text.islower()
        ):
            j = _unit_field_end(tokens, j + 2)  # "the LA Sheriff's office", "NSW's school of public health"
            break
        elif j > i and t.text in _POSSESSIVE and tokens[i].ent_type_ == "PERSON" and _unit_after(tokens, j + 1):
            j = _unit_after(tokens, j + 1)  # "Hillary Clinton's presidential campaign"
            break
        elif j > i and (t.lower_ in _JOINERS or t.text in _POSSESSIVE) and j + 1 < len(tokens) and (
            tokens[j + 1].text[:1].isupper() and tokens[j + 1].ent_type_ != "PERSON" or tokens[j + 1].lower_ == "the"
            and j + 2 < len(tokens) and tokens[j + 2].text[:1].isupper()
        ) and not _date_after(tokens, j):
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


#: prepositions that open a date ("on Monday", "in March", "since June")
_DATE_PREPS = frozenset({"on", "in", "since", "until"})


def _date_after(tokens: list[Token], j: int) -> bool:
    """Whether the preposition at ``j`` opens a date, no part of a name or a field: "an analyst
    with the Brookings Institution on Monday", "founder of ISIS on Wednesday" (a weekday or month,
    data/calendar_words.txt)."""
    return j + 1 < len(tokens) and tokens[j].lower_ in _DATE_PREPS and (
        tokens[j + 1].lower_ in word_set("calendar_words.txt")
    )


def _tagged_body_end(run: list[Token]) -> int | None:
    """Where a body the tagger marked as an organisation ends inside a capitalised run that
    ends in a title ("Centers for Disease Control Director" → 4): the rest holds a role noun at
    its end and the body none; else None."""
    ent = _ent(run[0], ORG_LABELS) if len(run) >= 2 else None
    if ent is None or ent.start != run[0].i or run[0].lower_ in title_modifiers():
        return None  # ("Emeritus Professor X": the tagger's body is part of the title)
    split = ent.end - run[0].i
    if not 0 < split < len(run) or not is_role_noun(run[-1]) or any(is_role_noun(t) for t in run[:split]):
        return None
    return split


def _acronym(tok: Token) -> bool:
    """An upper-case abbreviation that names a body ("DNC", "FBI"), not a place ("US")."""
    return tok.text.isupper() and tok.text.isalpha() and len(tok.text) > 1 and _ent(tok, PLACE_LABELS) is None and (
        tok.text not in role_places() and not is_role_noun(tok)
    )


@dataclass
class _Parsed:
    title: list[Token]
    organization: str | None = None
    place: str | None = None
    former: bool = False
    title_extra: str = ""


#: common nouns of a local government that owns an office ("the city's first deputy manager"):
#: the body as written (GUIDELINES, heldout8 calls)
_LOCAL_GOVERNMENTS = frozenset({"city", "town", "county", "village", "municipality", "borough"})


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
        if len(tokens) == 1 and (tokens[0].lower_ in _BODY_NOUNS or tokens[0].lower_ in _LOCAL_GOVERNMENTS):
            return tokens[0].text, None  # "the campaign's press secretary": the body as the text names it
        return None, None  # "localist camp's": no body
    run = tokens[start:] if start < k else tokens
    if _ent(run[0], PLACE_LABELS) is not None and _ent(run[-1], PLACE_LABELS) is not None:
        return None, _text(run)
    if all(t.ent_type_ == "PERSON" for t in run) or _person_surname(run):
        return None, None  # "Obama's deputy adviser", "Smith's pollster": a person is no body
    return _text(run), None


def _proper_body(run: list[Token], rest: list[Token]) -> bool:
    """A one-word proper name before a lower-case role ("Facebook co-founder", "Scientology
    attorney"): the body, unless it is a person, a place or a group ("Democratic senator")."""
    if len(run) != 1 or not rest or not rest[0].text[:1].islower():
        return False
    tok = run[0]
    return tok.pos_ in ("PROPN", "NOUN") and tok.ent_type_ not in ("PERSON", "NORP", "GPE", "LOC", "DATE") and (
        tok.text not in role_places() and not is_role_noun(tok)
    )


def _person_surname(run: list[Token]) -> bool:
    """A one-word name before a title that the text names as a person elsewhere, never as a
    body ("Cruz spokeswoman X" after "Ted Cruz", "a Rubio spokesman" where "Rubio" is tagged a
    person): the holder's principal, a person and no body."""
    if len(run) != 1 or not run[0].text[:1].isupper():
        return False
    tok = run[0]
    labels = {label for label, start, end in _ents_by_last_word(tok.doc).get(tok.text, ()) if not start <= tok.i < end}
    return "PERSON" in labels and not labels.intersection(ORG_LABELS)


def _ents_by_last_word(doc: Doc) -> dict[str, list[tuple[str, int, int]]]:
    """The tagger's entities (``doc.ents``) by the text of their last word: label, start, end; built
    once per doc (``doc.ents`` makes a span of every entity on each call)."""
    found: dict[str, list[tuple[str, int, int]]] | None = doc.user_data.get("onrecord_ents_by_last_word")
    if found is None:
        found = {}
        for ent in doc.ents:
            found.setdefault(ent[-1].text, []).append((ent.label_, ent.start, ent.end))
        doc.user_data["onrecord_ents_by_last_word"] = found
    return found


def _field_acronym(run: list[Token]) -> bool:
    """An acronym of a field or a cause before the title ("an IT professional", "an LGBTQ activist"):
    a title word, no body, even where the tagger reads it as an organisation."""
    return len(run) == 1 and run[0].text in field_acronyms()


def _proper_run_body(run: list[Token], rest: list[Token]) -> bool:
    """A name of several capitalised words before a lower-case role noun ("Environment Canada
    spokesperson"): the body, unless it holds a person or a role noun."""
    return len(run) >= 2 and bool(rest) and rest[0].text[:1].islower() and is_role_noun(rest[0]) and all(
        t.text[:1].isupper() and t.ent_type_ not in ("PERSON", "NORP") and not is_role_noun(t)
        and t.text not in role_places() for t in run
    )


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
        elif low in _FORMER and not (t.i > 0 and t.doc[t.i - 1].text == "-" and not t.doc[t.i - 1].whitespace_):
            former, start = True, k + 1  # (not "even-then-famous": "then" inside a compound adjective)
        elif start <= k and (gpe_end := _place_end(region, k, h)) > k:
            place, start = place or _text(region[k:gpe_end]), gpe_end  # "a New York City entrepreneur"
        elif t.text in role_places() or (k + 1 < h and f"{t.text} {region[k + 1].text}" in role_places()):
            place = place or role_places().get(t.text) or role_places()[f"{t.text} {region[k + 1].text}"]
            start = k + 1
        elif low.startswith(_DROP_PREFIXES) and k + 2 < h and region[k + 1].text == "-":
            start = k + 3  # "pro - Beijing", "pan - democratic"
        elif start > k:
            continue
        elif (low in _DROP_WORDS or low.startswith(_DROP_PREFIXES) and "-" in low or _describes_holder(region, k)
              or t.pos_ in ("NUM", "DET", "PRON", "AUX") or t.is_punct and t.text != "-"
              or t.pos_ == "VERB" and t.tag_ not in ("VBG", "VBN") and low not in title_modifiers()
              or t.tag_ == "NNS" and not is_role_noun(t) and low not in _BODY_NOUNS and low not in field_plurals()):
            start = k + 1  # (a plural common noun ends the phrase before: "sexual assaults actor")
        elif start == k and t.text == "-":
            start = k + 1
    if start < h and region[start].text == "-":
        start += 1
    if start < h and region[start].i > 0 and _glued_hyphen(region[start].doc[region[start].i - 1]) \
            and region[start].is_alpha:
        start += 1  # "two-term governor", "far-right radio host": the tail of a dropped compound goes too
    while start < h and region[start].lower_ in _DROP_WORDS | _DETS:
        start += 1
    if place is not None and start < h and region[start].text in role_places():
        start += 1
    while start < h and region[start].text in party_words() and not _candidacy(region, h) and (
        start + 1 == h or region[start + 1].text.islower()
    ):
        start += 1  # "a veteran Republican strategist": the party describes the holder (not "Republican
        # nominee", not "Democratic Party activist")
    words = region[start : h + 1]
    return words, place, former


def _candidacy(region: list[Token], h: int) -> bool:
    """Whether the role noun at ``h`` (with a hyphenated first part: "front-runner") names a candidacy."""
    word = region[h].lower_
    if h >= 2 and _glued_hyphen(region[h - 1]):
        word = f"{region[h - 2].lower_}-{word}"
    return singular(word) in candidacy_nouns()


def _candidacy_party(words: list[Token]) -> tuple[list[Token], str | None]:
    """A party adjective inside a candidacy's title is its organisation (roles set, calls of
    ``heldout7`` … ``heldout10``: "Presumptive Democratic presidential nominee" → title
    "Presumptive presidential nominee", organisation "Democratic"): the title words without it,
    and the party as written (None where the title is no candidacy or names no party)."""
    if len(words) < 2 or not _candidacy(words, len(words) - 1):
        return words, None
    k = next((k for k, t in enumerate(words[:-1]) if t.text in party_words()), None)
    if k is None:
        return words, None
    return words[:k] + words[k + 1 :], words[k].text


def _glued_hyphen(t: Token) -> bool:
    """Whether ``t`` is a hyphen written without spaces between two words ("two-term")."""
    return t.text == "-" and not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_


def _generic_body_end(toks: list[Token], k: int) -> int:
    """The end of a body named by its kind alone after "for/at/with" ("a tech firm", "the
    company"): lower-case nouns and adjectives that end in a body's kind noun and no name after
    them (GUIDELINES B: "ein Sprecher des Verkehrsunternehmens" → "Verkehrsunternehmen"), else ``k``."""
    e = k + (k < len(toks) and toks[k].lower_ in ("a", "an"))
    start = e
    while e < len(toks) and e < start + 4 and toks[e].text.islower() and toks[e].pos_ in ("NOUN", "ADJ"):
        e += 1
    if e == start or toks[e - 1].lower_ not in body_kinds():
        return k
    if e < len(toks) and (toks[e].text[:1].isupper() or toks[e].pos_ in ("NOUN", "PROPN")):
        return k  # "a firm Brightwater", "a firm partner": read elsewhere
    return e


def _place_end(region: list[Token], k: int, h: int) -> int:
    """The end of a place of several words that starts at ``k`` and ends before the role noun at
    ``h`` ("New York City"), else ``k`` (one-word places and nationality adjectives are read
    from role_places.txt)."""
    gpe = _ent(region[k], PLACE_LABELS)
    if gpe is None or gpe.start != region[k].i or len(gpe) < 2 or region[k].text in role_places():
        return k
    e = k
    while e < h and region[e].i < gpe.end:
        e += 1
    return e if region[e - 1].i == gpe.end - 1 else k


def _describes_holder(region: list[Token], k: int) -> bool:
    """A modifier that describes the holder, not the role: a superlative ("the oldest candidate"),
    a hyphenated participle ("globe-trotting", "hard-charging") or an age ("teen", "73-year-old")."""
    t = region[k]
    if t.tag_ == "JJS" and t.lower_ not in ("chief", "principal"):
        return True
    if t.text.islower() and "-" in t.text and t.text.endswith("ing"):
        return True  # (one token: "globe-trotting")
    if k >= 2 and t.text.islower() and t.text.endswith("ing") and region[k - 1].text == "-" and (
        not region[k - 1].whitespace_ and region[k - 2].text.islower()
    ):
        return True  # ("globe", "-", "trotting")
    if t.lower_ in holder_words() and (t.text.islower() or t.is_sent_start):
        return True  # "conservative radio host", "primary rival Sen." (not "Conservative MP")
    return t.lower_ in ("teen", "teenage", "teenaged", "future") or t.lower_.endswith("-year-old")


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


def _phrase_words(tokens: list[Token]) -> list[Token]:
    """The words of a role phrase without spaces, leading punctuation, articles and a possessive
    ("Clinton's running mate": the owner is a person, its "'s" no title word), and trailing
    punctuation."""
    toks = [t for t in tokens if not t.is_space]
    while toks and (toks[0].is_punct or toks[0].lower_ in _DETS or toks[0].text in _POSSESSIVE):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    return toks


def under_secretary(toks: Sequence[Token], k: int) -> bool:
    """Whether token ``k`` is the "Under" of "Under Secretary" (a title word the tagger reads as
    a preposition: "Under Secretary of Defense X", "Deputy Under Secretary X"), both words in one
    case ("served under Secretary X": the secretary's, no title word)."""
    if k + 1 >= len(toks) or toks[k].lower_ != "under" or toks[k + 1].lower_ != "secretary":
        return False
    return toks[k].text[:1].isupper() == toks[k + 1].text[:1].isupper()


def _parse(tokens: list[Token]) -> _Parsed | None:
    """A role phrase: [det] [owner's] [modifiers] role noun [and role noun] [of/for field]
    [at/of/for/with the organisation] [in place]. None when it names neither title nor body."""
    toks = _phrase_words(tokens)
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
    elif poss is not None and 0 < poss < len(toks) - 1 and is_role_noun(toks[poss - 1]) and (
        toks[poss - 1].text.islower()
    ):
        toks = toks[poss + 1 :]  # "the governor's chief of staff": the owner is another holder, no title word
    # "a former Internal Revenue Service commissioner": the former word goes before the body
    lead_former = False
    pre_run: list[Token] = []  # a capitalised body before the title, given back if "for/at X" follows
    while len(toks) > 1 and toks[0].lower_ in _FORMER and toks[1].text[:1].isupper():
        lead_former, toks = True, toks[1:]
    # a place or an organisation before the title: "Panama coach", "U.S. President", "USI associate
    # professor", "Civil Defense Authority director General", "Joint Council for the … campaigner"
    if toks and toks[0].text[:1].isupper() and org is None and place is None and (
        toks[0].lower_ not in title_modifiers()  # "Presumptive Democratic presidential nominee"
    ) and not under_secretary(toks, 0):
        gpe = _ent(toks[0], PLACE_LABELS)
        e = min(len(toks), gpe.end - toks[0].i) if gpe is not None else _name_run(toks, 0)
        run, rest = toks[:e], toks[e:]
        orgish = not _person_surname(run) and (_ent(toks[0], ORG_LABELS) is not None or any(
            t.lower_ in _ORG_HEADS for t in run) or (
            len(run) == 1 and run[0].text.isupper() and len(run[0].text) > 1) or _proper_body(run, rest) or (
            gpe is None and _proper_run_body(run, rest))) and not _field_acronym(run)
        if gpe is not None:
            body = 0
            while body < len(rest) - 1 and rest[body].text[:1].isupper() and not is_role_noun(rest[body]) and (
                _ent(rest[body], PLACE_LABELS) is None
            ):
                body += 1
            if body and rest[body - 1].lower_ in _ORG_HEADS and is_role_noun(rest[body]):
                run, rest, gpe, orgish = run + rest[:body], rest[body:], None, True  # "a U.S. District Court judge"
        units = 0
        while units < len(rest) - 1 and rest[units].lower_ in _BODY_NOUNS and not is_role_noun(rest[units]):
            units += 1  # "Clinton campaign spokesman": the campaign is the body
        if units and gpe is None and all(t.text[:1].isupper() and t.ent_type_ not in PLACE_LABELS for t in run) \
                and (is_role_noun(rest[units]) or rest[units].lower_ in field_plurals() and units + 1 < len(rest)
                     and is_role_noun(rest[units + 1])):  # "Clinton campaign communications director"
            run, rest, orgish = run + rest[:units], rest[units:], True
        heads = [k for k, t in enumerate(run[:-2]) if t.lower_ in _ORG_HEADS]
        if not rest and (split := _tagged_body_end(run)) is not None:
            run, rest = run[:split], run[split:]  # "Centers for Disease Control Director"
        elif not rest and heads and is_role_noun(run[-1]) and gpe is None and not any(
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
            elif _person_surname(run):
                toks = rest  # "Huckabee spokeswoman": the principal is no title word
    # the title region: up to the first preposition, comma or clause word
    end = 0
    while end < len(toks) and not (
        toks[end].pos_ == "ADP" and not under_secretary(toks, end)
        or toks[end].lower_ in ("who", "which", "that", "and", "&", ",", "(")
        or toks[end].pos_ in ("VERB", "AUX") and not is_role_noun(toks[end])
        and toks[end].lower_ not in title_modifiers() and not (
            toks[end].tag_ in ("VBG", "VBN") and end + 1 < len(toks) and toks[end + 1].pos_ in ("NOUN", "ADJ")
        )  # "chief operating officer"
    ):
        end += 1
    words, adj_place, former = _title_tokens(toks[:end])
    words, party = _candidacy_party(words)
    if party is not None and org is None:
        org = party  # "Republican presidential nominee" → "presidential nominee", "Republican"
    acronyms = [k for k, t in enumerate(words[:-1]) if _acronym(t) and not _field_acronym([t])]
    if org is None and len(acronyms) == 1 and (len(words) > 2 or words[-1].text[:1].isupper()):
        org = words[acronyms[0]].text  # "Interim DNC Chairwoman", "RNC Chief of Staff": the body inside the title
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
            if extra and t.lower_ in ("and", "&") or _date_after(toks, j):
                break  # "… on Monday": a date ends the role phrase
            if t.lower_ in ("and", "&") and is_role_noun(nxt) or (
                t.lower_ in ("and", "&") and j + 2 < len(toks) and is_role_noun(toks[j + 2]) and not nxt.is_punct
            ):
                k = j + 1
                while k < len(toks) and not is_role_noun(toks[k]):
                    k += 1
                while k + 1 < len(toks) and is_role_noun(toks[k + 1]) and (
                    toks[k + 1].text.islower() == toks[k].text.islower()
                ):
                    k += 1  # "and general counsel": a title of two role nouns
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
            if t.lower_ == "of" and singular(extra[-1] if extra else words[-1].text).lower() in work_nouns() and (
                nxt.text[:1].isupper()
            ):
                break  # "co-author of Three's a Crowd": a work, no body
            kind = kind_before_name(toks, j + 1) if t.lower_ in ("of", "at", "for", "with") and org is None else j + 1
            if kind > j + 1 and (e := _name_run(toks, kind)) > kind:  # (no name after the kind: "the … department at")
                org, j = _text(toks[kind:e]), e  # "director of communications for security firm FireEye"
                continue
            if t.lower_ in ("for", "to") and nxt.ent_type_ == "PERSON" and _name_run(toks, j + 1) == len(toks):
                break  # "a spokesman for Ted Cruz": the person served is no field and no body
            if t.lower_ in _FIELD_PREPS and nxt.lower_ not in _DETS and _ent(nxt, ORG_LABELS + PLACE_LABELS) is None \
                    and not (nxt.text[:1].isupper() and t.lower_ == "at") and not nxt.is_punct \
                    and nxt.text not in _HONORIFICS and not (  # "strategist on Mrs. Clinton's campaign": no field
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
                if (toks[k].text[:1].isupper() or _ent(toks[k], ORG_LABELS + PLACE_LABELS) is not None) and (
                    (e := _name_run(toks, k)) > k  # "of the computer science department" tagged ORG: no name
                ):
                    if e < len(toks) and toks[e].ent_type_ == "PERSON" and all(
                        is_role_noun(x) or x.ent_type_ == "NORP" or x.lower_ in _ORG_HEADS for x in toks[k:e]
                    ):  # "a spokesman for House Speaker Jane Roe": a person's title, no body
                        k, e = e, _name_run(toks, e)  # "counsel to Democrat Jane Roe's campaign": her unit
                        if not any(x.text in _POSSESSIVE for x in toks[k:e]):
                            break
                    while e < len(toks) and (toks[e].like_num or toks[e].text in _POSSESSIVE) and e + 1 < len(toks) \
                            and (toks[e + 1].lower_ in _UNIT_NOUNS or toks[e + 1].like_num):
                        e += 1  # "Obama's 2008 campaign"
                    if e < len(toks) and toks[e].lower_ in _UNIT_NOUNS and toks[e].text.islower() and article:
                        e += 1  # "an adviser to the Clinton campaign", "the VOA Eurasian division"
                    name = _text(toks[k:e])
                    is_place = _ent(toks[k], PLACE_LABELS) is not None and _ent(toks[e - 1], PLACE_LABELS) is not None
                    if is_place and t.lower_ in ("in", "to"):
                        place = name  # "a United States ambassador to Russia": where the role is held
                    elif is_place and t.lower_ == "from" and singular(words[-1].lower_) in constituency_nouns():
                        place = place or name  # "the senator from Vermont": the seat's constituency
                    elif is_place and t.lower_ == "from":
                        pass  # "a physician from Boston": where the holder comes from, not where the role is
                    elif is_place and (t.lower_ == "of" or org is not None):
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
                generic = _generic_body_end(toks, k) if t.lower_ in ("for", "at", "with") and org is None else k
                if generic > k:
                    start_at = k + (toks[k].lower_ in ("a", "an"))
                    while toks[start_at].pos_ == "ADJ":
                        start_at += 1  # "a small firm": the adjective describes it
                    org, j = _text(toks[start_at:generic]), generic  # "an account executive for a tech firm"
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
        glued = len(words) > 1 and not words[-2].whitespace_ and words[-2].i + 1 == last.i  # "front-runners"
        title = (_text(words[:-1]) + ("" if glued else " ") + head).strip() if head != last.text else _text(words)
        if extra:
            title = f"{title} {' '.join(extra)}"
    return _Parsed(words, org, place, former or lead_former, title or "")


def titled_role(tokens: list[Token], former: bool = False) -> Role | None:
    """The role of a phrase that names a title (None when it names none), marked former with
    ``former`` (the holder left it: "X's time as secretary", "X, then director")."""
    parsed = _parse(tokens)
    if parsed is None or not parsed.title:
        return None
    role = _role(parsed, tokens)
    return role.model_copy(update={"former": True}) if role is not None and former else role


def _role(parsed: _Parsed | None, tokens: list[Token]) -> Role | None:
    if parsed is None:
        return None
    toks = _phrase_words(tokens)
    if not toks:
        return None
    title = " ".join(parsed.title_extra.split()) or None
    return Role(title=title, organization=parsed.organization, place=parsed.place,
                spans=[(toks[0].idx, toks[-1].idx + len(toks[-1].text))], former=parsed.former)

