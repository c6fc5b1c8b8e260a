"""English roles after a person's name: appositions ("X, a professor of economics at Y"), "served
as", a copula ("X is the columnist for Y"), a relative clause whose verb names a place in a body
("X, who heads the Lakeside Museum"), and "of"/"from" a place or organisation.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from onrecord.lang.en.role_lexicon import (
    _APPOSITION_STOP,
    _BODY_NOUNS,
    _DETS,
    _FORMER,
    _POSSESSIVE,
    PLACE_LABELS,
    _ent,
    _text,
    finite_verb,
    is_role_noun,
    name_articles,
)
from onrecord.lang.en.role_phrases import _name_run, _parse, _role, titled_role
from onrecord.lang.en.spans import ent_at
from onrecord.model import Role

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
    comma = _bracket_end(doc, _of_place_end(ent))  # "Rep. Jane Roe (Ohio), chairman of …"
    if comma >= len(doc) or doc[comma].text != ",":
        return []
    out: list[Token] = []
    k = comma + 1
    if k + 2 < len(doc) and doc[k].like_num and doc[k + 1].text == ",":
        k += 2  # "Daniel Roe, 19, a member of …": the age is no role
    k = _residence_end(doc, k)  # "Jane Roe, 41, of Denver, a sales manager …": where she lives is no role
    while k < len(doc) and not doc[k].is_sent_start and doc[k].text not in _APPOSITION_STOP:
        out.append(doc[k])
        k += 1
    return [] if _next_name_role(out) else out


def _of_place_end(ent: SpacySpan) -> int:
    """The end of an "of" + place phrase right after a name that a comma follows ("Sen. Jane Roe
    of Ohio, now a GOP presidential contender,": the apposition after it is hers), else the
    name's end."""
    doc = ent.doc
    k = ent.end
    if k + 2 >= len(doc) or doc[k].lower_ != "of" or _ent(doc[k + 1], PLACE_LABELS) is None:
        return k
    place = ent_at(doc[k + 1])
    if place is None or place.start != k + 1 or place.end >= len(doc) or doc[place.end].text != ",":
        return k
    return place.end


def _next_name_role(tokens: list[Token]) -> bool:
    """The words after the comma are the role of the next name in a list, not an apposition:
    "former Idaho governor Tom Reed, Utah Gov. Sam Cole and …" (a role noun right before a
    person, with no article before it and no preposition or possessive between: "an aide to Sen.
    Sam Cole" stays an apposition)."""
    if not tokens or tokens[0].lower_ in _DETS:
        return False
    for k, tok in enumerate(tokens):
        if tok.pos_ == "ADP" or tok.tag_ == "POS" or tok.lower_ in ("and", "or"):
            return False
        if k > 0 and tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B":
            return is_role_noun(tokens[k - 1])
    return False


def _bracket_end(doc: Doc, k: int) -> int:
    """Past a short bracket right after a name ("(Ohio)", "(R-Texas)"), else ``k``."""
    if k < len(doc) and doc[k].text == "(":
        close = next((j for j in range(k + 1, min(len(doc), k + 6)) if doc[j].text == ")"), None)
        if close is not None:
            return close + 1
    return k


def _residence_end(doc: Doc, k: int) -> int:
    """Past "of Denver," / "from Kent, Ohio," (a place and a comma, then another phrase), else ``k``."""
    if k + 2 >= len(doc) or doc[k].lower_ not in ("of", "from") or _ent(doc[k + 1], PLACE_LABELS) is None:
        return k
    j = k + 1
    while j < len(doc) and j < k + 8 and (_ent(doc[j], PLACE_LABELS) is not None or doc[j].text == "," and (
        j + 1 < len(doc) and _ent(doc[j + 1], PLACE_LABELS) is not None
    )):
        j += 1
    if j + 1 < len(doc) and doc[j].text == "," and not doc[j + 1].is_sent_start:
        return j + 1
    return k


def _apposition_parts(tokens: list[Token]) -> list[list[Token]]:
    """An apposition split where "and" opens a second role phrase with its own article or
    "former" ("a senior fellow at X and a former ambassador to Y")."""
    parts: list[list[Token]] = [[]]
    for k, t in enumerate(tokens):
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if t.lower_ == "and" and parts[-1] and nxt is not None and (nxt.lower_ in ("a", "an", "the", "later", "now")
                                                                  or nxt.lower_ in _FORMER) and any(
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


def _listed_appositions(tokens: list[Token]) -> list[list[Token]]:
    """Further role phrases of a comma list after the apposition, the last after "and" ("the
    former secretary of state, U.S. senator, and first lady"): each begins with a role phrase
    and names no person (not "X, a lawyer, Jane Roe, a nurse")."""
    if not tokens:
        return []
    doc = tokens[0].doc
    out: list[list[Token]] = []
    k = tokens[-1].i + 1
    closed = False
    while k + 1 < len(doc) and doc[k].text == "," and len(out) < 4 and not closed:
        part: list[Token] = []
        j = k + 1
        while j < len(doc) and not doc[j].is_sent_start and doc[j].text not in _APPOSITION_STOP:
            part.append(doc[j])
            j += 1
        closed = bool(part) and part[0].lower_ == "and"
        words = part[1:] if closed else part
        if not words or len(words) > 8 or any(t.ent_type_ == "PERSON" or t.pos_ in ("VERB", "AUX", "PRON")
                                              and not is_role_noun(t) for t in words):
            return []
        out.append(words)
        k = j
    # a closed list of three or more ("A, B, and C"; ", and B" alone is :func:`_next_apposition`'s)
    return [p for p in out if any(is_role_noun(t) for t in p)] if closed and len(out) >= 2 else []


def _apposition_roles(ent: SpacySpan) -> list[Role]:
    tokens = _after_comma(ent)
    if not tokens:
        return []
    roles: list[Role] = []
    for part in _role_parts(tokens) + [_next_apposition(ent, tokens)]:
        role = _apposition_role(ent, part) if part else None
        if role is not None:
            roles.append(role)
    if roles and tokens[0].lower_ in ("a", "an", "the", *_FORMER):
        for part in _listed_appositions(tokens):
            role = _apposition_role(ent, part)
            if role is not None and role.title:
                roles.append(role.model_copy(update={"former": role.former or roles[0].former}))
    return roles


def _apposition_role(ent: SpacySpan, tokens: list[Token] | None = None) -> Role | None:
    tokens = _after_comma(ent) if tokens is None else tokens
    relative = next((k for k, t in enumerate(tokens) if k > 0 and t.lower_ in ("who", "whose", "which")), None)
    if relative is not None:
        tokens = tokens[:relative]  # "a longtime adviser to the X family who oversees …": the role ends there
    tokens, then = _time_adverb_cut(tokens)
    if len(tokens) > 18:
        cut = next((k for k, t in enumerate(tokens) if t.lower_ == "and" and any(
            is_role_noun(x) for x in tokens[:k]
        )), len(tokens))
        tokens = tokens[:cut]  # "co-founder of X and advocate of a long plan …": the first role
    if not tokens or len(tokens) > 18:
        return None
    first = next((t for t in tokens if not t.is_space), None)
    if first is None or first.pos_ in ("VERB", "AUX", "PRON", "ADV", "SCONJ") or first.lower_ in ("who", "which"):
        return None
    heads = [t for t in tokens if is_role_noun(t)]
    verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX") and not is_role_noun(t) and not (
        t.tag_ in ("VBG", "VBN") and t.i + 1 < len(t.doc) and is_role_noun(t.doc[t.i + 1])
    ) and not (t.lower_ == "based" and t.i > 0 and t.doc[t.i - 1].text == "-")]
    # "a practising homeopath", "a Florida-based strategist": a participle before the role noun modifies it
    if heads and verbs and verbs[0].i < heads[0].i:
        return None
    return titled_role(tokens, then)


#: adverbs of time that open an apposition: "now" keeps the role current, "then" makes it past
_APPOSITION_TIMES = {"now": False, "currently": False, "then": True}


def _time_adverb_cut(tokens: list[Token]) -> tuple[list[Token], bool]:
    """An apposition without its opening "now"/"then"/"then-" ("X, now a partner at Y", "X,
    then-director of Z") and whether the role was held then (a former role)."""
    if len(tokens) < 2 or tokens[0].lower_ not in _APPOSITION_TIMES:
        return tokens, False
    then = _APPOSITION_TIMES[tokens[0].lower_]
    rest = tokens[1:]
    if rest and rest[0].text == "-" and not tokens[0].whitespace_:
        rest = rest[1:]
    return rest, then


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
    return titled_role(out, _SERVED[doc[k].lower_])


#: nouns of a period in office before "as" ("X's term as chief", "X, whose time as secretary"):
#: noun → past role ("term"/"tenure" may be running, "time", "stint", "years" are told as past)
_TENURES = {"term": False, "tenure": False, "time": True, "stint": True, "years": True, "days": True}


def _tenure_role(ent: SpacySpan) -> Role | None:
    """"Ban's term as U.N. chief", "Roe, whose time as secretary of state …" → the role after "as"."""
    doc = ent.doc
    k = ent.end
    if doc[k - 1].text in _POSSESSIVE:
        pass  # the tagger's name took the "'s" ("Tom Reed's")
    elif k + 1 < len(doc) and doc[k].text in _POSSESSIVE:
        k += 1
    elif k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ == "whose":
        k += 2
    else:
        return None
    while k < len(doc) and doc[k].pos_ == "ADJ":
        k += 1  # "whose brief time as"
    if k + 2 >= len(doc) or doc[k].lower_ not in _TENURES or doc[k + 1].lower_ != "as":
        return None
    out: list[Token] = []
    j = k + 2
    while j < len(doc) and not doc[j].is_sent_start and doc[j].text not in _APPOSITION_STOP and (
        doc[j].pos_ not in ("VERB", "AUX") or is_role_noun(doc[j])
    ) and doc[j].lower_ not in ("from", "during", "until", "since", "when", "before", "after", "under", "in") and (
        doc[j].ent_type_ not in ("DATE", "TIME")
    ):
        out.append(doc[j])
        j += 1
    if not out or not any(is_role_noun(t) for t in out[:4]) or len(out) > 12:
        return None
    return titled_role(out, _TENURES[doc[k].lower_])


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
    after = _copula_after_apposition(ent)
    if after is not None:
        k, relative = after, True  # "X, a member of the board, is editor of Y": as after "who is"
    if k + 2 >= len(doc) or doc[k].lower_ not in _COPULAS or not relative and (
        ent.root.dep_ != "nsubj" or ent.root.head.i != k
    ):
        return []
    out: list[Token] = []
    j = k + 1
    if relative:
        j = _relative_determiner_end(doc, j)
    if j >= len(doc) or doc[j].lower_ not in ("a", "an", "the") and not (relative and _bare_role_start(doc, j)):
        return []
    while j < len(doc) and not doc[j].is_sent_start and doc[j].text not in _APPOSITION_STOP and (
        doc[j].lower_ not in ("who", "which", "that", "since", "until", "when", "before", "after", "during",
                              "under")
    ):
        out.append(doc[j])
        j += 1
    first = next((t for t in out if t.lower_ not in _DETS), None)
    if first is None or len(out) > 18 or not any(is_role_noun(t) for t in out[:5]) or finite_verb(out):
        return []
    roles: list[Role] = []
    for part in _role_parts(out):
        if len(part) > 1 and part[0].lower_ in ("later", "now"):
            part = part[1:]  # "who was X's strategist and later senior adviser"
        parsed = _parse(part)
        role = _role(parsed, part) if parsed is not None and parsed.title else None
        if role is not None:
            roles.append(role.model_copy(update={"former": True}) if _COPULAS[doc[k].lower_] else role)
    return roles


def _copula_after_apposition(ent: SpacySpan) -> int | None:
    """The copula of which the name is the subject after its apposition ("X, a member of the
    board, is editor of Y"), else None."""
    tokens = _after_comma(ent)
    doc = ent.doc
    if not tokens or ent.end >= len(doc) or doc[ent.end].text != ",":
        return None
    m = tokens[-1].i + 1
    if m + 2 >= len(doc) or doc[m].text != "," or doc[m + 1].lower_ not in _COPULAS:
        return None
    return m + 1 if ent.root.dep_ == "nsubj" and ent.root.head.i == m + 1 else None


def _bare_role_start(doc: Doc, j: int) -> bool:
    """A role phrase without an article after "who is/was": a role noun ("who was chairman of …")
    or a body's name before one ("who was White House communications director")."""
    if is_role_noun(doc[j]):
        return True
    if not doc[j].text[:1].isupper() or doc[j].ent_type_ in ("PERSON", "DATE", "TIME"):
        return False
    e = j
    while e < len(doc) and e < j + 4 and doc[e].text[:1].isupper() and not is_role_noun(doc[e]):
        e += 1
    while e < len(doc) and e < j + 6 and doc[e].text.islower() and doc[e].pos_ in ("NOUN", "ADJ") and (
        not is_role_noun(doc[e])
    ):
        e += 1  # "communications", "senior"
    return e < len(doc) and is_role_noun(doc[e])


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


def _past_place_possessive(doc: Doc, k: int) -> int:
    """Past a place's possessive that opens an organisation's name ("Italy's la Repubblica",
    "Britain's Guardian"), else ``k``."""
    place = ent_at(doc[k]) if k < len(doc) and _ent(doc[k], PLACE_LABELS) is not None else None
    if place is None or place.start != k or place.end + 1 >= len(doc) or doc[place.end].text not in _POSSESSIVE:
        return k
    after = doc[place.end + 1]
    if after.text[:1].isupper() and after.ent_type_ not in ("PERSON", *PLACE_LABELS) or (
        after.lower_ in name_articles() and place.end + 2 < len(doc) and doc[place.end + 2].text[:1].isupper()
    ):
        return place.end + 1
    return k


def _affiliation(ent: SpacySpan) -> str | None:
    """"Nick Rhodes of Duran Duran", "Alvin Yeung from the Civic Party", "Jane Roe, of the Cato
    Institute,", "wrote Jane Roe for Gallup" → the organisation (not a place, nor a person after
    "for": "Jane Roe for Obama")."""
    doc = ent.doc
    k = ent.end
    if k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ in ("of", "from"):
        k += 1  # "Mu Li, of the University of NSW,"
    if k + 1 >= len(doc) or doc[k].lower_ not in ("of", "from", "for"):
        return None
    after_for = doc[k].lower_ == "for"
    k += 1
    if doc[k].lower_ == "respectively":
        return None
    if doc[k].text == "the":
        k += 1
    k = _past_place_possessive(doc, k)  # "of Italy's la Repubblica"
    if k < len(doc) - 1 and doc[k].lower_ in name_articles() and doc[k + 1].text[:1].isupper() and (
        k > 0 and doc[k - 1].text in _POSSESSIVE
    ):
        tokens = list(doc[k : min(len(doc), k + 10)])
        e = _name_run(tokens, 1)
        return _text(tokens[:e]) if e > 1 else None
    if k >= len(doc) or not doc[k].text[:1].isupper() or _ent(doc[k], PLACE_LABELS) is not None:
        return None
    if after_for and _ent(doc[k], ("PERSON",)) is not None:
        return None
    tokens = list(doc[k : min(len(doc), k + 10)])
    e = _name_run(tokens, 0)
    while e > 0 and tokens[e - 1].text in _POSSESSIVE:
        e -= 1
    return _text(tokens[:e]) if e else None

