"""The English role lexicons and role words: role nouns and their plurals, nationality adjectives,
government portfolios, the word classes of role phrases, and the text of a token run.
"""

from __future__ import annotations

from functools import cache, lru_cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from onrecord.lang.en.lexicon import data_lines, word_set
from onrecord.lang.en.spans import doc_text, ent_at

ORG_LABELS = ("ORG",)
PLACE_LABELS = ("GPE", "LOC")
_DETS = frozenset({"a", "an", "the", "its", "their", "his", "her"})
#: "retired" before a title: the holder left it ("Retired Air Force Gen. X")
_FORMER = frozenset({"former", "ex", "ex-", "erstwhile", "then", "retired"})
_POSSESSIVE = frozenset({"'s", "’s", "'"})
#: modifiers that describe a holder, not the role ("pro-Beijing", "pan-democracy camp")
_DROP_PREFIXES = ("pro", "pan", "anti", "non")
_DROP_WORDS = frozenset({"camp", "localist", "nonpartisan", "veteran", "well-known", "celebrity", "guests",
                         "like", "including", "other", "another", "both", "two", "three", "new",
                         "longtime", "long-time", "billionaire", "millionaire", "multimillionaire",
                         "several", "many", "various", "numerous"})
#: prepositions after a role noun that lead to its field, organisation or place
_FIELD_PREPS = frozenset({"of", "for", "in", "on", "at"})
_JOINERS = frozenset({"of", "for", "on", "and", "&", "the", "de", "la", "du"})


#: words that end or head an organisation's name ("State Department", "Joint Council for …")
_ORG_HEADS = frozenset({"department", "authority", "council", "party", "office", "ministry", "agency", "institute",
                        "senate", "house", "congress", "parliament", "assembly", "cabinet", "museum",
                        "university", "commission", "committee", "service", "bureau", "association", "union",
                        "foundation", "corporation", "company", "group", "bank", "court", "police", "army", "navy",
                        "force", "club", "church", "college", "school", "center", "centre", "federation", "board",
                        "administration", "organization", "organisation", "network", "times", "post", "news",
                        "caucus"})


def portfolio_words() -> frozenset[str]:
    """Words of a government portfolio ("state", "education", "foreign", "affairs")."""
    return word_set("portfolios.txt")


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
    if low.endswith("s.") and low[:-2] + "." in nouns:
        return word[:-2] + "."  # "Sens." → "Sen.", "Reps." → "Rep."
    if low.endswith("men") and (low[:-3] + "man" in nouns or _role_ending(low[:-3] + "man")):
        return word[:-3] + "man"  # "congressmen", "salesmen"
    if low in nouns or not low.endswith("s"):
        return word
    for cut in ("es", "s"):
        if low.endswith(cut) and (low[: -len(cut)] in nouns or cut == "s" and _role_ending(low[:-1]) and (
            not low.endswith("ss")
        )):
            return word[: -len(cut)]
    return word


@lru_cache(maxsize=8192)
def _is_role_word(low: str) -> bool:
    """Whether a lower-case word, or the last part of a hyphenated one, is a role noun in the
    singular or plural."""
    nouns = role_nouns()
    last = low.rsplit("-", 1)[-1]
    return singular(low) in nouns or singular(last) in nouns or _role_ending(last)


@cache
def role_suffixes() -> tuple[str, ...]:
    """Endings of role nouns ("-master", "-ologist", "-ician"): data/role_suffixes.txt."""
    return tuple(data_lines("role_suffixes.txt"))


def _role_ending(low: str) -> bool:
    """A word of letters with a role noun's ending and at least three letters before it, in the
    singular or plural ("spymasters", "technician")."""
    word = low[:-1] if low.endswith("s") and not low.endswith(("ss", "sman")) else low
    word = word[:-3] + "man" if word.endswith("men") else word
    return word.isalpha() and any(word.endswith(end) and len(word) >= len(end) + 3 for end in role_suffixes())


def is_abbreviated_title(tok: Token) -> bool:
    """A title written as an abbreviation ("Sen.", "Adm.", "Gov.", "Reps.")."""
    return tok.text.endswith(".") and tok.text[:1].isupper() and _is_role_word(tok.lower_)


def is_role_noun(tok: Token) -> bool:
    """A role noun, singular or plural, also as the last part of a hyphenated word."""
    return _is_role_word(tok.lower_)


def finite_verb(tokens: list[Token]) -> bool:
    """Whether a phrase holds a verb that is no role noun and no participle (a clause, no role phrase)."""
    return any(t.pos_ in ("VERB", "AUX") and not is_role_noun(t) and t.tag_ not in ("VBG", "VBN") for t in tokens)


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


_HONORIFICS = frozenset({"Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr"})


#: lower-case nouns that continue a proper name into a body ("Clinton campaign", "Trump administration")
_BODY_NOUNS = _ORG_HEADS | frozenset({"campaign", "administration", "government", "team", "family", "staff"})


#: lower-case nouns after a name that make it a unit of a body ("the Clinton campaign", "the
#: Ricketts family", "the VOA Eurasian division")
_UNIT_NOUNS = frozenset({"campaign", "administration", "family", "division", "team", "staff", "office",
                         "department", "foundation", "group", "unit", "bureau", "desk"})


def name_articles() -> frozenset[str]:
    """Lower-case foreign articles that open a name ("la Repubblica", "le Monde"):
    data/name_articles.txt."""
    return word_set("name_articles.txt")


def body_kinds() -> frozenset[str]:
    """Nouns of a body's kind before its name ("security firm FireEye"): data/body_kinds.txt."""
    return word_set("body_kinds.txt")


def kind_before_name(toks: list[Token], k: int) -> int:
    """Where a body's name starts after lower-case words that end in its kind ("digital security
    firm FireEye", "the software maker Zentrix"), counted from ``k``; ``k`` where none."""
    j = k + (k < len(toks) and toks[k].lower_ in ("a", "an", "the"))
    start = j
    while j < len(toks) and j < start + 5 and toks[j].text.islower() and (
        toks[j].pos_ in ("NOUN", "ADJ", "VERB") and (toks[j].is_alpha or "-" in toks[j].text)
    ):
        j += 1
    if j == start or j >= len(toks) or toks[j - 1].lower_ not in body_kinds() or not toks[j].text[:1].isupper():
        return k
    if toks[j].ent_type_ in ("GPE", "LOC", "NORP", "DATE"):  # (a small company may be tagged a person)
        return k
    return j


def work_nouns() -> frozenset[str]:
    """Role nouns whose "of" names a work ("author of …"): data/work_nouns.txt."""
    return word_set("work_nouns.txt")


def constituency_nouns() -> frozenset[str]:
    """Titles of elected seats whose "from" names the constituency ("the senator from Vermont"),
    unlike other role nouns ("a physician from Boston": where the holder comes from):
    data/constituency_nouns.txt."""
    return word_set("constituency_nouns.txt")


def party_words() -> frozenset[str]:
    """Party adjectives that describe a holder before a role noun ("a Republican strategist" →
    "strategist"): data/party_words.txt."""
    return word_set("party_words.txt")


def candidacy_nouns() -> frozenset[str]:
    """Role nouns of a party's candidacy that keep the party word in the title ("Democratic
    nominee", "Republican front-runner"): data/candidacy_nouns.txt."""
    return word_set("candidacy_nouns.txt")


def us_states() -> frozenset[str]:
    """The names of the states of the United States: data/us_states.txt."""
    return word_set("us_states.txt")


def holder_words() -> frozenset[str]:
    """Words before a role noun that describe its holder ("conservative", "rival"):
    data/holder_words.txt."""
    return word_set("holder_words.txt")


def title_modifiers() -> frozenset[str]:
    """Modifiers that stay in a title although the tagger may read them as verbs ("presumptive
    nominee", "syndicated radio host"): data/title_modifiers.txt."""
    return word_set("title_modifiers.txt")


def field_plurals() -> frozenset[str]:
    """Plural nouns that name a field of work before a role noun ("communications director", "public
    affairs officer", "human resources chief"): part of the title, unlike other plurals, which end
    the phrase before it ("sexual assaults actor"); data/field_plurals.txt."""
    return word_set("field_plurals.txt")


def field_acronyms() -> frozenset[str]:
    """Acronyms of a field of work or a cause before a role noun ("an IT professional", "an LGBTQ
    activist"): part of the title, no body; data/field_acronyms.txt."""
    return word_set("field_acronyms.txt")


_APPOSITION_STOP = frozenset({",", ";", "(", ")", ".", ":", '"', "“", "”"})

