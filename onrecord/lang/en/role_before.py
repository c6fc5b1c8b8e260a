"""English roles before a person's name: a title right before it ("Police Commissioner X",
"Labour's Shadow Home Secretary X"), a role phrase and a comma ("Malaysia's Prime Minister, X"),
and the plural title of a list of names ("photographers A, B and C").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from onrecord.lang.en.lexicon import load_lexicon
from onrecord.lang.en.role_lexicon import (
    _BODY_NOUNS,
    _DROP_WORDS,
    _FORMER,
    _HONORIFICS,
    _POSSESSIVE,
    ORG_LABELS,
    PLACE_LABELS,
    _ent,
    _is_role_word,
    _text,
    is_abbreviated_title,
    is_role_noun,
    singular,
    title_modifiers,
    us_states,
)
from onrecord.lang.en.role_phrases import _parse, _role, titled_role, under_secretary
from onrecord.lang.en.spans import ent_at
from onrecord.model import Role

MAX_PREFIX = 12


def _prefix_before(doc: Doc, end: int) -> list[Token]:
    """The words before token ``end`` that can hold a role ("Labour's Shadow Home Secretary",
    "CEO of the Refugee Council", "Joint Council for the Welfare of Immigrants campaigner",
    "France's interior and overseas minister")."""
    out: list[Token] = []
    k = end - 1
    if _given_name_left_out(doc, end):
        k -= 1  # "CEO of the Refugee Council Enver Solomon" with "Enver" tagged into the body
    while k >= 0 and len(out) < MAX_PREFIX and not doc[k].is_sent_end:
        t = doc[k]
        left = doc[k - 1] if k > 0 else None
        first = out[0] if out else None
        if t.text in _POSSESSIVE or t.text == "-" and left is not None and not left.is_punct:
            out.insert(0, t)
        elif t.lower_ == "the" and first is not None and first.text[:1].isupper() and left is not None \
                and left.lower_ in ("of", "for", "on", "to"):
            out.insert(0, t)  # "Joint Council for the Welfare …"
        elif t.lower_ in ("to", "for") and first is not None and left is not None and is_role_noun(left) and (
            any(is_role_noun(x) or x.ent_type_ == "NORP" for x in out) or first.text in _HONORIFICS
        ):  # ("finance ministers for Mr. Kim": the honorific opens the name of the one served)
            break  # "a spokesman for House Speaker X", "counsel to Democrat X": the role is another's
        elif t.lower_ in ("of", "for", "on", "at", "to") and first is not None and first.text in _HONORIFICS:
            break  # "a strategist on Mrs. Clinton's campaign": the honorific opens the name of another
        elif t.lower_ in ("of", "for", "on", "at", "to") and first is not None and (
            first.text[:1].isupper() or first.lower_ == "the"
        ) and left is not None and (left.text[:1].isupper() or is_role_noun(left)):
            out.insert(0, t)  # "CEO of the Refugee Council", "Institute for the Study of War"
        elif t.lower_ == "of" and first is not None and first.text.islower() and first.pos_ == "NOUN" and (
            len(out) == 1 and not is_role_noun(first) and left is not None and is_role_noun(left)
            and left.text.islower()
        ):
            out.insert(0, t)  # "Clinton's chief of staff, X", "the director of communications X"
        elif t.lower_ == "in" and first is not None and first.lower_ == "chief" and left is not None \
                and is_role_noun(left):
            out.insert(0, t)  # "editor in chief", "commander in chief"
        elif t.lower_ == "and" and first is not None and first.text.islower() and left is not None \
                and left.text.islower() and left.pos_ in ("ADJ", "NOUN") and first.pos_ in ("ADJ", "NOUN") \
                and first.lower_ not in _FORMER and left.tag_ not in ("NNS", "NNPS"):  # not "counties and former"
            out.insert(0, t)  # "interior and overseas minister"
        elif t.lower_ == "and" and first is not None and left is not None and _inside_one_body(left, t, first) and (
            is_role_noun(out[-1])
        ):
            out.insert(0, t)  # "Office of Management and Budget director": "and" inside the body's name
        elif first is None and _plural_role_as_verb(t):
            out.insert(0, t)  # "; photographers Nat Finkelstein, …" with the plural tagged as a verb
        elif first is not None and t.lower_ in _FORMER and t.pos_ in ("VERB", "ADV"):
            out.insert(0, t)  # "retired astronaut Mark Kelly" with "retired" tagged as a verb: former
        elif first is not None and t.lower_ in title_modifiers():
            out.insert(0, t)  # "Presumptive … nominee X", "syndicated radio host X" read as verbs
        elif first is not None and under_secretary([t, first], 0):
            out.insert(0, t)  # "Under Secretary of Defense X": "under" read as a preposition
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


def _inside_one_body(left: Token, word: Token, right: Token) -> bool:
    """Whether ``word`` ("and") joins two capitalised words of one organisation the tagger read
    as one entity ("Office of Management and Budget")."""
    return left.text[:1].isupper() and right.text[:1].isupper() and all(
        t.ent_type_ == "ORG" for t in (left, word, right)
    ) and right.ent_iob_ == "I" and word.ent_iob_ == "I"


def _given_name_left_out(doc: Doc, end: int) -> bool:
    """Whether the word right before a name at ``end`` is a given name the tagger left out of it
    (a capitalised word of the given-name lists after another capitalised word, no role noun)."""
    if end < 2 or end >= len(doc) or doc[end].ent_type_ != "PERSON":
        return False
    tok, left = doc[end - 1], doc[end - 2]
    return tok.ent_type_ != "PERSON" and tok.text[:1].isupper() and tok.is_alpha and not is_role_noun(tok) and (
        tok.lower_ in load_lexicon().given and left.text[:1].isupper() and left.ent_type_ != "PERSON"
    )


def _plural_role_as_verb(tok: Token) -> bool:
    """A plural role noun the tagger read as a verb right before a name, after punctuation, a
    conjunction or a determiner ("; photographers Nat Finkelstein", "and councillors A")."""
    if tok.tag_ != "VBZ" or not is_role_noun(tok) or singular(tok.text) == tok.text or tok.i == 0:
        return False
    left = tok.doc[tok.i - 1]
    return left.is_punct or left.pos_ in ("CCONJ", "DET", "NUM")


def _prefix_roles(ent: SpacySpan) -> list[Role]:
    """The roles before a name; a title abbreviation right before it stands on its own: "NSA
    Director Adm. X" → "Director" (NSA) and "Adm."; "primary rival Sen. X" → "Sen." (lower-case
    words before an abbreviation describe the holder)."""
    tokens = _prefix_before(ent.doc, _list_opening(ent.doc, ent.start))
    if not tokens:
        split = _split_abbreviation(ent)
        return [split] if split is not None else []
    if len(tokens) >= 2 and is_abbreviated_title(tokens[-1]) and tokens[-2].text not in _POSSESSIVE | {"-"}:
        before, abbreviation = tokens[:-1], tokens[-1:]
        if any(is_role_noun(t) for t in before) and _stacked_before(before) and not all(
            is_abbreviated_title(t) for t in before
        ):  # (two abbreviations are one rank: "Lt. Col. X")
            roles = [_tokens_role(ent, before), _tokens_role(ent, abbreviation)]
            return [r for r in roles if r is not None and r.title]
        if all(t.text.islower() and t.is_alpha for t in before):
            role = _tokens_role(ent, abbreviation)
            return [role] if role is not None else []
    if len(tokens) >= 2 and tokens[-1].text[:1].isupper() and is_role_noun(tokens[-1]) and all(
        _holder_word(t) for t in tokens[:-1]
    ):
        tokens = tokens[-1:]  # "a defeat President X believes …", "Well Senator X, …": no part of the title
    role = _tokens_role(ent, tokens)
    return [role] if role is not None else []


def _stacked_before(before: list[Token]) -> bool:
    """Whether the words before a title abbreviation are a role of their own: no "former" in
    them, or "former" with a body and a lower-case role noun ("Former CIA director Gen. X":
    "director" of the CIA, former, and "Gen.")."""
    if not any(t.lower_ in _FORMER for t in before):
        return True
    return is_role_noun(before[-1]) and before[-1].text.islower() and any(t.text[:1].isupper() for t in before[1:-1])


def _holder_word(tok: Token) -> bool:
    """A word before a capitalised title that is no part of it: an interjection ("Well") or a
    lower-case common noun that is no role or body noun ("the reason President X …")."""
    if tok.pos_ == "INTJ":
        return True
    return tok.text.islower() and tok.is_alpha and tok.pos_ == "NOUN" and not is_role_noun(tok) and (
        tok.lower_ not in _FORMER and tok.lower_ not in _BODY_NOUNS
    )


def _prefix_role(ent: SpacySpan) -> Role | None:
    return _tokens_role(ent, _prefix_before(ent.doc, _list_opening(ent.doc, ent.start))) or _split_abbreviation(ent)


def _split_abbreviation(ent: SpacySpan) -> Role | None:
    """"Sens. A of Ohio and B": the model's tokenizer splits a plural title abbreviation before
    its dot (and may end a sentence there); the title is the abbreviation in the singular."""
    doc = ent.doc
    k = ent.start
    if k < 2 or doc[k - 1].text != "." or doc[k - 2].whitespace_ or not doc[k - 2].text[:1].isupper():
        return None
    word = doc[k - 2].text
    title = singular(word + ".")
    if title == word + "." or not _is_abbreviation_word(title):
        return None
    place = _state_before(doc, k - 2)
    if place is not None:  # "Florida Sens. A and B": the state whose seats they hold
        return Role(title=title, place=place.text, spans=[(place.start_char, doc[k - 1].idx + 1)])
    return Role(title=title, spans=[(doc[k - 2].idx, doc[k - 1].idx + 1)])


def _state_before(doc: Doc, k: int) -> SpacySpan | None:
    """A state of the United States (one or two words) right before token ``k``, else None."""
    for width in (2, 1):
        if k - width >= 0 and _text(list(doc[k - width : k])) in us_states():
            return doc[k - width : k]
    return None


def _is_abbreviation_word(title: str) -> bool:
    return title.endswith(".") and _is_role_word(title.lower())


_LIST_OPENERS = frozenset({"--", "–", "—", ":"})
#: words after a plural title that open a list of some of its holders ("aides including X",
#: "grand marshals included X")
_INCLUDING = frozenset({"including", "included", "include", "includes"})


def _list_opening(doc: Doc, start: int) -> int:
    """Where the title of a name at ``start`` ends: right before it, before "named"/"called" ("a
    farmer named X"), or before a dash or colon after a plural title that opens a list ("The
    Republican senators -- A of Texas, B of Ohio")."""
    if start >= 2 and doc[start - 1].lower_ in ("named", "called") and is_role_noun(doc[start - 2]):
        return start - 1
    if start >= 2 and doc[start - 1].text in _LIST_OPENERS and is_role_noun(doc[start - 2]) and (
        singular(doc[start - 2].text) != doc[start - 2].text
    ):
        return start - 1
    if start >= 2 and doc[start - 1].lower_ in _INCLUDING and is_role_noun(doc[start - 2]) and (
        singular(doc[start - 2].text) != doc[start - 2].text
    ):
        return start - 1  # "key campaign aides including X": one of the plural title's holders
    if start >= 3 and [t.lower_ for t in doc[start - 2 : start]] == ["such", "as"]:
        k = start - 3 if doc[start - 3].text != "," else start - 4  # "candidates, such as X"
        if k >= 0 and is_role_noun(doc[k]) and singular(doc[k].text) != doc[k].text:
            return k + 1  # "candidates such as X and Y": examples of the plural title's holders
    if start >= 4 and [t.lower_ for t in doc[start - 3 : start]] == [",", "among", "them"]:
        # "senators up for re-election next year, among them X of Ohio, …": the nearest plural title
        for k in range(start - 4, max(doc[start].sent.start, start - 16) - 1, -1):
            if doc[k].tag_ == "NNS" and is_role_noun(doc[k]):
                return k + 1
            if doc[k].ent_type_ == "PERSON" or doc[k].text in (";", ":", "--", "—"):
                break
    if start >= 4 and doc[start - 1].text in _LIST_OPENERS:
        # "The Republican senators running for president -- A of Texas, …": a short participle
        # phrase between the plural title and the dash
        for k in range(start - 3, max(0, start - 7), -1):
            if doc[k + 1].tag_ in ("VBG", "VBN") and is_role_noun(doc[k]) and singular(doc[k].text) != doc[k].text \
                    and not any(t.is_punct or t.ent_type_ == "PERSON" for t in doc[k + 1 : start - 1]):
                return k + 1
    return start


def _tokens_role(ent: SpacySpan, tokens: list[Token]) -> Role | None:
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
    while before is not None and (before.pos_ == "DET" or before.tag_ == "PRP$" or before.lower_ in _DROP_WORDS):
        before = doc[before.i - 1] if before.i > 0 else None  # "the", "Another RT America host, …"
    if before is not None and not (
        before.is_sent_end or before.is_punct or before.pos_ in ("ADP", "VERB", "AUX", "CCONJ", "SCONJ", "ADV")
    ):
        return None  # "the son of the president, X": the phrase before the comma is part of a longer one
    if before is not None and before.lower_ in ("of", "at", "from") and before.i > 0 and (
        doc[before.i - 1].ent_type_ == "PERSON"
    ):
        return None  # "Blair Roe of Centerview Partners, Marc Poe of …": the body of the person before
    return titled_role(tokens)


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
        return Role(title=shared.title, organization=shared.organization, place=shared.place, spans=shared.spans,
                    former=shared.former)
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
        before = ent.doc[_list_opening(ent.doc, first.start) - 1]
        split = _split_abbreviation(first)
        if split is not None:
            return split
        if is_role_noun(before):
            if singular(before.text) == before.text:
                return None  # "musician Nick Rhodes, Jane Roe": the title is his alone
            shared = _prefix_role(first)
            if shared is None or not shared.title:
                return None
            return Role(title=shared.title, organization=shared.organization, place=shared.place,
                        spans=shared.spans, former=shared.former)
        first = _list_start(first)
    return None

