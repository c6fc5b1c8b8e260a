"""Subjects and sources of English attribution cues: the subject of a cue verb (inherited,
passive agents, past a dateline, a name in an apposition), who may be a source, and the local
source mention.

Part of :mod:`onrecord.lang.en.attribution` (which describes the rules and re-exports the public names).
"""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.lang.en.attribution_base import (
    NEVER_SOURCES,
    NOT_SOURCES,
    QUESTION_LEMMAS,
    QUOTE_STRIP,
    SPEAKER_POS,
    SUBJECT_DEPS,
    comma_participle,
    human_subject,
    sent_start,
)
from onrecord.lang.en.lexicon import Lexicon, load_lexicon, word_set
from onrecord.lang.en.spans import ent_at, np_span
from onrecord.model import Span


def asked_passive(verb: Token, lemma: str) -> bool:
    """A passive question verb ("Clinton was asked whether …", "When asked if …, he said"):
    its subject is the one asked, and the asker is the "by" agent or nobody named."""
    if lemma not in QUESTION_LEMMAS:
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    # "When asked …", and a sentence-initial "Asked …" the tagger may read as a past tense
    participle = verb.tag_ == "VBN" or verb.tag_ == "VBD" and verb.i == sent_start(verb)
    return verb.dep_ == "advcl" and participle and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def agent_of(verb: Token) -> Token | None:
    """The "by" agent of a passive verb."""
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


#: stems of the verbs whose subject, not object, does what the infinitive says ("promised them
#: to call"); stems, as the parser leaves verb lemmas empty here
SUBJECT_CONTROL = ("promis", "vow", "pledg")


def _object_controller(verb: Token) -> Token | None:
    """"The win prompted the chairman to declare …": the person object of the verb an infinitive
    hangs on does what the infinitive says (object control)."""
    head = verb.head
    if head.lower_.startswith(SUBJECT_CONTROL):
        return None
    obj = next((c for c in head.children if c.dep_ in ("dobj", "dative") and c.i < verb.i), None)
    if obj is None or obj.lower_ in NOT_SOURCES or not (obj.pos_ == "PRON" or human_subject(obj, load_lexicon())):
        return None
    return obj


def find_subject(verb: Token, depth: int = 0) -> Token | None:
    """The subject of a cue verb, inherited from the governing verb when it has none.

    "He declined to comment", "she said X and added Y", "…, saying that…" take the subject of
    the verb they hang on; a passive takes its "by" agent; an adjectival "speaking" clause takes
    the noun it modifies.
    """
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not _pro_form(verb, c)] \
        or _perfect_subject(verb)
    if subjects:
        # two subjects: the parser took a word of a quotation before the cue for a second one
        # ("“The more people who read it, …,” Lindqvist said"); the one nearest the verb is its own
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    agent = agent_of(verb)
    if agent is not None:
        return agent
    if depth >= 3:
        return None
    if verb.dep_ == "acl" and verb.head.pos_ in SPEAKER_POS and verb.tag_ != "VBN":
        # "officials speaking on condition of anonymity", not "tweets criticizing X"
        head = verb.head
        return head if head.pos_ == "PRON" or human_subject(head, load_lexicon()) else None
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        # "explained it by saying …", "after meeting him, he said"
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
            return None
        return find_subject(verb.head.head, depth + 1)
    if verb.dep_ == "xcomp":
        controller = _object_controller(verb)
        if controller is not None:
            return controller
    if depth == 0 and verb.dep_ == "xcomp" and verb.head.dep_ == "acomp" and verb.head.lower_ in EAGER_ADJECTIVES:
        # "Sexton was quick to point out that …": the subject of the copula speaks ("was not willing
        # to say who …" is a refusal: nothing said)
        if any(c.dep_ == "neg" for c in (*verb.head.children, *verb.head.head.children)):
            return None
        return find_subject(verb.head.head, depth + 1)
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return None
        return find_subject(second_report_of(verb) or verb.head, depth + 1)
    return None


#: adjectives whose to-infinitive is a speech act the copula's subject made ("was quick to point out
#: that …", "were eager to note …"); not refusals or inabilities ("was reluctant to say"), nor
#: intentions ("ready to announce", "determined to highlight": not said yet)
EAGER_ADJECTIVES = frozenset({"quick", "eager", "keen", "careful", "happy", "glad", "proud", "first", "fast"})


#: complements of a reporting verb other than a clause ("called it “shameful” and called on …")
COMPLEMENT_DEPS = frozenset({"dobj", "oprd", "attr"})


def second_report_of(verb: Token) -> Token | None:
    """The reporting verb of which ``verb`` is a second report the parser hung on the verb of the
    first report's clause, else None: "He said A has given X and said B" (a conjunct in the
    reporting verb's tense, its head verb in another form; also one the parser hung on the first
    report's object: "She called the plan a mistake and warned that …") and "She said the bridge
    would reopen, insisting that …" (a participle set off by a comma)."""
    head = verb.head
    if head.head.i == head.i or head.dep_ != "ccomp" and not (head.dep_ in COMPLEMENT_DEPS and verb.dep_ == "conj"):
        return None
    outer = head.head
    if outer.pos_ != "VERB" or outer.i > verb.i:
        return None
    if verb.dep_ == "conj" and verb.tag_ == outer.tag_ and head.tag_ != verb.tag_:
        return outer
    if (
        verb.dep_ == "conj"
        and verb.tag_ == outer.tag_
        and head.pos_ == "AUX"
        and any(c.dep_ == "ccomp" for c in verb.children)
    ):
        # "told reporters the tone was cordial and predicted viewers “will be …”": a copula
        # clause in the reporting verb's tense, and a second report with a clause of its own
        return outer
    if comma_participle(verb):
        return outer
    return None


#: the contracted "has" the tagger reads as a passive "is" ("He's said he …", "She’s argued that …")
CONTRACTED_HAS = ("'s", "’s")


def _perfect_subject(verb: Token) -> list[Token]:
    """The subject of a perfect tense with a contracted "has" parsed as a passive ("He's said he
    would run": "'s" taken for "is"): a passive subject of a verb with a clause of its own and no
    infinitive ("He's said to be furious" stays a passive)."""
    has = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lower_ in CONTRACTED_HAS]
    if not has:
        return []
    if any(c.dep_ == "xcomp" for c in verb.children) or not any(c.dep_ == "ccomp" for c in verb.children):
        return []
    # the subject hangs on the verb as a passive subject, or on the contraction itself
    return [c for c in verb.children if c.dep_ == "nsubjpass"] \
        or [c for c in has[0].children if c.dep_ in ("nsubj", "nsubjpass")]


def skip_dateline(subject: Token) -> Token:
    """"LONDON (Reuters) - Donald Trump said": the subject is the name after the dateline."""
    if not (subject.is_upper and subject.ent_type_ in ("GPE", "LOC", "")):
        return subject
    dash = next((t for t in subject.subtree if t.i > subject.i and t.text in ("-", "–", "—", "―", "--")), None)
    if dash is None:
        return subject
    names = [t for t in subject.subtree if t.i > dash.i and t.ent_type_ in ("PERSON", "ORG", "NORP")]
    if names:
        ent = ent_at(names[0])
        return ent.root if ent is not None else names[0]
    return subject


DASHES = ("-", "–", "—", "―", "--")
NP_DEPS = ("appos", "conj", "compound", "flat", "nmod")


def after_dateline(subject: Token, verb: Token) -> Token:
    """"WASHINGTON (AP) — A spokesman for X called…": parsed with the place as subject, the
    source is the head of the words between the dash and the verb."""
    if subject.i >= verb.i or not (subject.is_upper or subject.ent_type_ in ("GPE", "LOC")):
        return subject
    doc = verb.doc
    dash = next((t.i for t in doc[subject.i:verb.i] if t.text in DASHES), None)
    if dash is None or dash + 1 >= verb.i:
        return subject
    root = doc[dash + 1:verb.i].root
    return root if root.pos_ in SPEAKER_POS else subject


def named_in_np(subject: Token) -> Token:
    """"The head of the PAC, Mike Murphy," / "contender and neurosurgeon Ben Carson": a common
    noun subject that names its person in an apposition takes the name as source."""
    if subject.pos_ not in ("NOUN", "PROPN") or subject.ent_type_ == "PERSON":
        return subject
    for tok in subject.subtree:
        if tok.ent_type_ != "PERSON" or tok.i == subject.i:
            continue
        node = tok
        while node.i != subject.i and node.dep_ in NP_DEPS:
            node = node.head
        if node.i == subject.i:
            ent = ent_at(tok)
            return ent.root if ent is not None else tok
    return subject


def appositive_speaker(verb: Token) -> Token | None:
    """"At Boca West, …, Ann Roe, the club's treasurer, suggested …": a name with its apposition
    right before a cue the parser left without subject (it hung the name on an earlier phrase)."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    for i in range(verb.i - 2, max(verb.sent.start, verb.i - 40) - 1, -1):
        tok = doc[i]
        if tok.dep_ in ("appos", "attr") and tok.right_edge.i >= verb.i - 2 and tok.head.i < tok.i \
                and (tok.ent_type_ in ("PERSON", "ORG") or tok.pos_ == "PROPN") \
                and any(c.dep_ == "appos" and c.i > tok.i for c in tok.children):
            ent = ent_at(tok)
            return ent.root if ent is not None else tok
    return None


def adjacent_speaker(verb: Token) -> Token | None:
    """A name or pronoun right next to a cue the parser left without subject ("…,” Gowdy added)."""
    doc = verb.doc
    for i in (verb.i - 1, verb.i + 1, verb.i + 2):
        if 0 <= i < len(doc) and doc[i].sent == verb.sent:
            tok = doc[i]
            if tok.pos_ in ("PROPN", "PRON") and tok.lower_ not in NOT_SOURCES or tok.ent_type_ == "PERSON":
                ent = ent_at(tok)
                return ent.root if ent is not None else tok
    return None


ISSUER_TYPES = ("ORG", "PERSON", "NORP", "GPE")


def issuer_of(tok: Token) -> Token:
    """The issuer of a document source ("a study by RAND", "RAND's study", "a RAND study"),
    else the token itself: the speaker of what the document says is who issued it."""
    documents = word_set("document_nouns.txt")
    if tok.lower_ not in documents and tok.lower_.removesuffix("s") not in documents \
            and tok.lower_ not in word_set("data_nouns.txt"):
        return tok
    candidates = [c for c in tok.children if c.dep_ in ("poss", "compound") and c.ent_type_ in ISSUER_TYPES]
    candidates += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")
                   for g in c.children if g.dep_ == "pobj" and g.ent_type_ in ISSUER_TYPES]
    if not candidates:
        return tok
    ent = ent_at(candidates[0])
    return ent.root if ent is not None else candidates[0]


def quoted_person(verb: Token, lemma: str) -> Token | None:
    """"The paper quoted critics like Ann Roe: “…”": who is quoted speaks the quotation (the
    last person named in the object, else the object)."""
    if lemma != "quote":
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
    if obj is None:
        return None
    persons = [t for t in obj.subtree if t.ent_type_ == "PERSON"]
    if persons:
        ent = ent_at(persons[-1])
        return ent.root if ent is not None else persons[-1]
    return obj


def inverted_speaker(verb: Token) -> Token | None:
    """"“…,” responded the treasurer": after a quotation the speaker may follow the cue, parsed
    as its object."""
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    if prev is None or not (prev.is_punct or prev.text in QUOTE_STRIP):
        return None
    for c in verb.children:
        if c.i > verb.i and c.dep_ in ("dobj", "attr", "nsubj", "npadvmod") and c.pos_ in ("NOUN", "PROPN") \
                and c.ent_type_ not in ("DATE", "TIME") and c.left_edge.i <= verb.i + 3:
            return c
    return None


def _gerund(tok: Token) -> bool:
    """A gerund ("Writing in a blog, …"), also where the tagger took a sentence-initial one for a noun;
    not a capitalised word inside a sentence ("…, Ebeling said": a name)."""
    return tok.tag_ == "VBG" and not _mistagged_name(tok) \
        or tok.i == sent_start(tok) and tok.tag_ == "NN" and tok.lower_.endswith("ing") \
        and any(c.dep_ == "prep" for c in tok.children)


def name_before(gerund: Token, verb: Token) -> Token | None:
    """The name between a gerund clause and its verb ("Writing in a blog, Ann Roe said"), else None:
    a gerund is an act, not a source."""
    doc = gerund.doc
    comma = next((t.i for t in doc[gerund.i:verb.i] if t.text == ","), None)
    if comma is None:
        return None
    for tok in doc[comma + 1:verb.i]:
        if tok.ent_type_ in ("PERSON", "ORG", "NORP") or tok.pos_ == "PRON" and tok.lower_ not in NOT_SOURCES:
            ent = ent_at(tok)
            return ent.root if ent is not None else tok
    return None


#: verbs of perceiving or offering whose subject must be able to perceive or offer: "The finals saw
#: two teams face off", "The outfits offered a cross-section of genres" report nothing
PERCEIVER_LEMMAS = frozenset({"see", "offer", "encourage", "learn", "want"})




def not_a_reporter(subject: Token, lemma: str, classes: frozenset[str], lex: Lexicon) -> bool:
    """Whether a subject cannot be the source of this cue: data as the subject of an evidence verb,
    or a thing or event as the subject of a verb of perceiving or wanting (a common noun that
    names no person, group, organisation or document)."""
    low = subject.lower_
    documents, institutions = word_set("document_nouns.txt"), word_set("institution_nouns.txt")
    if "evidence" in classes and low in word_set("data_nouns.txt") and subject.ent_type_ == "":
        # unless the data come from a named source ("Data from the census show …", "the auditors' figures")
        if any(c.dep_ == "poss" for c in subject.children):
            return False
        return not any(g.ent_type_ or g.lower_.removesuffix("s") in documents | institutions
                       or g.pos_ == "PROPN"
                       for c in subject.children if c.dep_ == "prep" and c.lower_ in ("from", "of", "by")
                       for g in c.subtree)
    if lemma not in PERCEIVER_LEMMAS or subject.pos_ not in ("NOUN", "NUM") \
            or subject.ent_type_ not in ("", "CARDINAL"):
        return False
    if low.removesuffix("s") in documents or low in documents or low.removesuffix("s") in institutions \
            or human_subject(subject, lex):
        return False
    head = next((g for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"), None)  # "hundreds of vendors"
    return not (head is not None and human_subject(head, lex))


def usable_source(tok: Token | None) -> bool:
    """Whether a subject can be a source (not "it", "there", an expletive or a clause)."""
    if tok is None:
        return False
    if tok.lower_ in NOT_SOURCES and tok.dep_ != "nsubj" or tok.lower_ in NEVER_SOURCES:
        return False
    if tok.lower_ == "it" and (tok.head.i + 1 < len(tok.doc) and tok.doc[tok.head.i + 1].lower_ == "that"
                               or any(c.dep_ in ("ccomp", "xcomp") and c.i > tok.head.i for c in tok.head.children)
                               and any(c.dep_ in ("auxpass", "acomp") for c in tok.head.children)):
        return False  # "it is expected that …", "it seems …"
    if tok.lower_ in ("that", "which"):
        return tok.head.dep_ == "relcl"
    if tok.lower_ in QUANTIFIERS and tok.dep_ == "nsubj":
        return True  # "Many said …", "Most of the senators have said …"
    return tok.pos_ in SPEAKER_POS or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or _mistagged_name(tok)


def _mistagged_name(tok: Token) -> bool:
    """A capitalised subject inside a sentence that the tagger took for a verb, an adverb or an
    adjective ("…, Ebeling reminisced … and said", "And Skelly called …"): a name, unless the
    whole line is in title case (a headline)."""
    if tok.dep_ != "nsubj" or not tok.is_title or tok.is_sent_start or tok.pos_ not in ("VERB", "ADV", "ADJ"):
        return False
    words = [t for t in tok.sent if t.is_alpha]
    return sum(t.is_title for t in words) * 2 < len(words)


#: quantifiers that stand for people as a subject ("Many said …", "Most of the senators have said …")
QUANTIFIERS = frozenset({"many", "most", "few", "several", "some", "all", "both", "half", "none", "others",
                         "each", "either", "neither"})


def source_span(tok: Token) -> Span:
    """The local source mention: its noun phrase up to the head."""
    if tok.pos_ == "PRON":
        return tok.idx, tok.idx + len(tok.text)
    return np_span(tok)


#: words that stand for a whole answer or statement after "say" ("said yes", "say the same", "said so")
PRO_FORMS = frozenset({"yes", "no", "so", "same"})
SAY_FORMS = frozenset({"say", "says", "said", "saying"})


def _pro_form(verb: Token, tok: Token) -> bool:
    """"26 percent said the same", "he said no": a word right after "say" that stands for what was
    said (the parser makes it a subject, an interjection or an adverb)."""
    return tok.lower_ in PRO_FORMS and tok.i > verb.i and verb.lower_ in SAY_FORMS and tok.i - verb.i <= 2 \
        and tok.dep_ in ("nsubj", "intj", "advmod", "dobj")



#: endings of abstract nouns: a quality, a state, an act or an event ("emphasis" aside), no one who reports
ABSTRACT_ENDINGS = ("ness", "ity", "ism", "ment", "tion", "sion", "ance", "ence", "ship", "asis", "acy")


def _singular(low: str) -> str:
    """A plural noun in "-s"/"-ies" as its singular (a rough form, for word lists)."""
    if low.endswith("ies"):
        return low[:-3] + "y"
    return low[:-1] if low.endswith("s") and not low.endswith(("ss", "sis")) else low


def thing_noun(tok: Token, lex: Lexicon) -> bool:
    """A common noun that names a thing or an event, not someone who could report: one with an
    abstract ending ("the renewed emphasis", "his popularity", "the announcement" aside: the
    documents, channels and bodies of ``data/speaking_things.txt``) or one of
    ``data/thing_nouns.txt`` ("the first rate move", "the falloff")."""
    if tok.pos_ != "NOUN" or tok.ent_type_ not in ("", "CARDINAL", "ORDINAL") or human_subject(tok, lex):
        return False
    if tok.text[:1].isupper() and not any(c.dep_ in ("det", "poss") for c in tok.children):
        return False  # a bare capitalised word may be a name the tagger missed ("Hannity pressed")
    one = _singular(tok.lower_)
    if one in word_set("thing_nouns.txt"):
        return True
    return one.endswith(ABSTRACT_ENDINGS) and one not in word_set("speaking_things.txt") \
        and one not in word_set("institution_nouns.txt") and one not in word_set("document_nouns.txt")


def thing_reporter(verb: Token, subject: Token, classes: frozenset[str], lex: Lexicon) -> bool:
    """Whether the subject of a report other than speech or belief names a thing or an event
    (:func:`thing_noun`: "The first rate move threatens to unsettle exporters", "The renewed emphasis laid
    bare their differences", "Their approaches have exposed this rift"), which reports nothing
    (cross-genre guidelines A4, C). A relative pronoun stands for its noun ("… the falloff, which
    reveals whether …"); a noun with an "of" phrase names its kind by that phrase's noun ("a
    series of emails shows"). Speech and belief verbs keep any subject ("the sign says …") unless
    they also report evidence ("reveal", "suggest": "the falloff reveals whether …"), and
    so does a participle set off after its clause, whose subject the parse often misses ("Roe
    had a strong moment that …, denouncing the regime": Roe denounced)."""
    if classes & {"speech", "belief"} and "evidence" not in classes or verb.dep_ == "advcl":
        return False
    if subject.lower_ in ("which", "that") and subject.head.dep_ == "relcl":
        subject = subject.head.head
    of = next((g for c in subject.children if c.dep_ == "prep" and c.lower_ in ("of", "by", "from")
               for g in c.children if g.dep_ == "pobj"), None)
    if of is not None and not thing_noun(of, lex):
        return False  # "a series of emails shows …": the emails speak
    return thing_noun(subject, lex)
