"""Token features for the German sequence taggers (pure functions over a PreparedDoc).

Per token: word, affixes, shape, lexicon classes (cue, pronoun, group, role), Konjunktiv I/II,
its quoted stretch (length, closed, title-like), and sentence-level signals (the sentence has
a cue, a Konjunktiv, "dass", a colon; the token stands before/after the cue) that let a
linear-chain CRF tell indirect and reported speech from narration without a parser.
"""

from __future__ import annotations

from functools import lru_cache

from onrecord.lang.de.lexicon import GermanLexicon, lexicon
from onrecord.lang.de.memo import cue_classes, konj1_flags
from onrecord.lang.de.tokens import CLAUSE_PUNCT, PreparedDoc, Token, is_quote_mark

_CONJ_DASS = frozenset({"dass", "daß", "ob", "wonach"})


@lru_cache(maxsize=8_192)
def shape(word: str) -> str:
    """A coarse word shape: X (capitalised), x (lower), A (all caps), d (digit), p (punct)."""
    first = word[0]
    if first.isdigit():
        return "d"
    if not first.isalpha():
        return "p"
    if word.isupper() and len(word) > 1:
        return "A"
    return "X" if first.isupper() else "x"


def cue_class(tok: Token, lex: GermanLexicon) -> str | None:
    """The cue class of a token (verb, noun, prep, conj) or None."""
    cls = lex.cues.get(tok.lemma) or lex.cues.get(tok.text)
    if cls == "verb" and tok.text[:1].isupper() and tok.lemma == tok.text:
        return None  # a capitalised noun homograph, not a verb form
    return cls


def is_konj1(tok: Token) -> bool:
    """Konjunktiv I, 3rd person: ``sei``/``seien``, or the verb stem + e (``habe``, ``könne``)."""
    low = tok.lower
    if low in ("sei", "seien", "seiest"):
        return True
    lem = tok.lemma
    return (
        not tok.text[:1].isupper()
        and lem.endswith("en")
        and len(lem) > 3
        and low == lem[:-1]
        and low not in ("werde",)  # too often future/passive auxiliary in 1st person
    ) or low in ("werde", "habe", "könne", "müsse", "solle", "wolle", "dürfe", "gebe", "wisse")


_EVID_MODAL = frozenset({"soll", "sollen"})
_EVID_END = frozenset({"haben", "sein", "gewesen", "worden"})


def is_evidential(tokens: list[Token]) -> bool:
    """Reportative "sollen" with a perfect infinitive ("Der Schriftführer soll Gelder veruntreut
    haben", "… sollen abgebrannt sein"): the writer passes on what someone else claims. A
    future or intention ("soll gebaut werden") does not end in haben/sein."""
    words = [t for t in tokens if t.text.isalpha()]
    if not words or not any(t.lower in _EVID_MODAL for t in words[:-1]):
        return False
    return words[-1].lower in _EVID_END and not (len(words) > 1 and words[-2].lower == "werden")


def _stretch_features(doc: PreparedDoc, lex: GermanLexicon) -> list[list[str]]:
    feats: list[list[str]] = [[] for _ in doc.quoted]
    first_tok: dict[int, int] = {}
    last_tok: dict[int, int] = {}
    for tok in doc.tokens:
        if tok.quoted >= 0:
            first_tok.setdefault(tok.quoted, tok.i)
            last_tok[tok.quoted] = tok.i
    for q, st in enumerate(doc.quoted):
        if q not in first_tok:
            continue
        n = last_tok[q] - first_tok[q] + 1
        f = feats[q]
        f.append("qlen=" + ("1" if n <= 3 else "2" if n <= 6 else "3" if n <= 12 else "4"))
        if not st.closed:
            f.append("qunclosed")
        before = doc.tokens[first_tok[q] - 1] if first_tok[q] > 0 else None
        if before is not None and (before.text in lex.titles or before.lemma in lex.titles):
            f.append("qtitle")
        inner = doc.tokens[first_tok[q] : last_tok[q] + 1]
        if any(t.text in ".!?" for t in inner):
            f.append("qsent")
        if inner and sum(1 for t in inner if t.text[:1].isupper()) >= max(1, (n - 2)):
            f.append("qallcap")
    return feats


def _sentence_features(doc: PreparedDoc, lex: GermanLexicon, cues: list[str | None], k1: list[bool]) -> list[list[str]]:
    out: list[list[str]] = []
    for b, e in doc.sentences:
        f: list[str] = []
        classes = sorted({c for c in cues[b:e] if c})
        for c in classes:
            f.append("S_cue=" + c)
        # which reporting verbs: "fordern" takes a zu-infinitive as its content, "gewinnen" does not
        verbs = {t.lemma.lower() for t, c in zip(doc.tokens[b:e], cues[b:e], strict=True) if c == "verb"}
        f.extend("S_cl=" + v for v in sorted(verbs))
        others = {t.lemma.lower() for t, c in zip(doc.tokens[b:e], cues[b:e], strict=True) if c in ("noun", "prep")}
        f.extend("S_cn=" + v for v in sorted(others))
        if any(k1[b:e]):
            f.append("S_k1")
        words = doc.tokens[b:e]
        if any(t.lower in _CONJ_DASS for t in words):
            f.append("S_dass")
        if any(t.lower in lex.konj2 for t in words):
            f.append("S_k2")
        if any(t.text == ":" for t in words):
            f.append("S_colon")
        if is_evidential(words):
            f.append("S_evid")
        if any(t.quoted >= 0 for t in words):
            f.append("S_q")
        out.append(f)
    return out


def _clause_features(doc: PreparedDoc, lex: GermanLexicon, cues: list[str | None], k1: list[bool]) -> list[list[str]]:
    """Per token: signals of its comma-delimited clause and where it stands in the sentence."""
    out: list[list[str]] = [[] for _ in doc.tokens]
    toks = doc.tokens
    for b, e in doc.sentences:
        clauses: list[tuple[int, int]] = []
        start = b
        for i in range(b, e):
            if toks[i].text in CLAUSE_PUNCT and toks[i].quoted < 0:
                clauses.append((start, i + 1))
                start = i + 1
        if start < e:
            clauses.append((start, e))
        comma_cue = next(
            (i for i in range(b + 1, e - 1) if toks[i].text == "," and cues[i + 1] == "verb"), None
        )
        colon = next((i for i in range(b, e) if toks[i].text == ":"), None)
        for c_idx, (cb, ce) in enumerate(clauses):
            f: list[str] = [f"C_idx={min(c_idx, 3)}"]
            if c_idx == len(clauses) - 1:
                f.append("C_last")
            if any(k1[cb:ce]):
                f.append("C_k1")
            if any(toks[j].lower in lex.konj2 for j in range(cb, ce)):
                f.append("C_k2")
            if any(cues[j] == "verb" for j in range(cb, ce)):
                f.append("C_cue")
            if any(cues[j] in ("prep", "noun") for j in range(cb, ce)):
                f.append("C_cueprep")
            first = toks[cb].lower if toks[cb].text not in CLAUSE_PUNCT else toks[min(cb + 1, ce - 1)].lower
            if first in _CONJ_DASS:
                f.append("C_dass")
            for j in range(cb, ce):
                out[j].extend(f)
                if comma_cue is not None:
                    out[j].append("before_comma_cue" if j < comma_cue else "after_comma_cue")
                if colon is not None and j > colon:
                    out[j].append("after_colon")
                out[j].append(f"spos={min(j - b, 6)}")
    return out


def _prob_bucket(p: float) -> str:
    return next(str(x) for x in (0.9, 0.7, 0.5, 0.3, 0.1, 0.0) if p >= x)


@lru_cache(maxsize=8_192)
def _lexical_features(text: str, lemma: str, cue: str | None, k1: bool) -> tuple[str, ...]:
    """The features of a token that depend on its word and lemma alone (``cue`` and ``k1`` are
    its :func:`cue_class` and :func:`is_konj1`); cached, news vocabulary repeats."""
    lex = lexicon()
    low = text.lower()
    w = low if len(low) < 25 else low[-8:]
    f = ["w=" + w, "sh=" + shape(text), "s3=" + low[-3:], "s2=" + low[-2:], "p3=" + low[:3]]
    if cue:
        f.append("cue=" + cue)
        f.append("cl=" + lemma.lower())
    if k1:
        f.append("k1")
    if low in lex.konj2:
        f.append("k2")
    if low in lex.pronouns:
        f.append("pron")
    if text in lex.groups:
        f.append("grp")
    if text in lex.roles or lemma in lex.roles:
        f.append("role")
    if is_quote_mark(text):
        f.append("qm")
    return tuple(f)


#: the neighbours a token's features look at: offset, then the prefixes of their word, cue class and
#: shape features (the shape only of the next ones), and the features "in quotes" and "no neighbour"
_NEIGHBOURS = tuple(
    (off, f"{off}w=", f"{off}cue=", f"{off}sh=" if off in (-1, 1) else "", f"{off}qin", f"{off}pad")
    for off in (-2, -1, 1, 2)
)


def doc_features(doc: PreparedDoc, sentence_probs: list[dict[str, float]] | None = None) -> list[list[str]]:
    """Features for every token of the document (neighbour features included).

    ``sentence_probs`` are the sentence classifier's per-class probabilities, one dict per
    sentence; each token gets its sentence's (bucketed) values as features."""
    lex = lexicon()
    toks = doc.tokens
    n = len(toks)
    cues = cue_classes(doc, lex)
    # verbs[j] = how many reporting verbs stand before token j (for the bcue/acue window tests)
    verbs = [0]
    for c in cues:
        verbs.append(verbs[-1] + (c == "verb"))
    k1 = konj1_flags(doc)
    stretch = _stretch_features(doc, lex)
    sent = _sentence_features(doc, lex, cues, k1)
    clause = _clause_features(doc, lex, cues, k1)
    sent_prob_feats: list[list[str]] = [
        [f"SC_{c}={_prob_bucket(p)}" for c, p in sorted(probs.items())] for probs in (sentence_probs or [])
    ]
    prev_sent_cue = [False] * (len(doc.sentences) + 1)
    for s_idx, f in enumerate(sent):
        prev_sent_cue[s_idx + 1] = any(x.startswith("S_cue") for x in f)

    base: list[list[str]] = []
    words: list[str] = []
    for i, t in enumerate(toks):
        low = t.lower
        w = low if len(low) < 25 else low[-8:]
        words.append(w)
        f = list(_lexical_features(t.text, t.lemma, cues[i], k1[i]))
        if t.quoted >= 0:
            f.append("qin")
            f.extend(stretch[t.quoted])
        b, e = doc.sentences[t.sent]
        if i == b:
            f.append("sstart")
        if i == e - 1:
            f.append("send")
        f.extend(sent[t.sent])
        f.extend(clause[i])
        if sent_prob_feats:
            f.extend(sent_prob_feats[t.sent])
        if prev_sent_cue[t.sent]:
            f.append("P_cue")
        # position relative to the sentence's cues
        before_cue = verbs[max(i + 1, min(e, i + 25))] > verbs[i + 1]
        after_cue = verbs[i] > verbs[min(i, max(b, i - 25))]
        if before_cue:
            f.append("bcue")
        if after_cue:
            f.append("acue")
        base.append(f)

    shapes = [shape(t.text) for t in toks]  # each token's shape serves both its neighbours
    quoted = [t.quoted >= 0 for t in toks]
    for i, f in enumerate(base):  # each token's base list is its own: extended in place
        for off, w_, cue_, sh_, qin, pad in _NEIGHBOURS:
            j = i + off
            if 0 <= j < n:
                f.append(w_ + words[j])
                cue = cues[j]
                if cue:
                    f.append(cue_ + cue)
                if sh_:
                    f.append(sh_ + shapes[j])
                    if quoted[j]:
                        f.append(qin)
            else:
                f.append(pad)
        if i > 0:
            f.append(f"bg={words[i - 1]}|{words[i]}")
    return base
