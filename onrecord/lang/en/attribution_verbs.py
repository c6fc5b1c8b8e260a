"""Verb rules of English attribution: a cue verb with its source and content (``verb_cue``), a
question put to someone (``asked_cue``), "made it clear that …" (``make_clear``) and an
impression without a source (``seem_cue``; ``sourceless_impression`` tells the writer's own
impressions, which are no statements).

Part of :mod:`onrecord.lang.en.attribution` (which describes the rules and re-exports the public names).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from onrecord.lang.en.attribution_base import (
    QUESTION_MARKS,
    QUOTE_STRIP,
    SHORT_QUOTE_WORDS,
    Attribution,
    LemmaFn,
    _adjoins,
    _only_punct,
    _quote_words,
    human_subject,
)
from onrecord.lang.en.attribution_content import (
    _infinitive,
    _quote_set_off,
    _quoted_term,
    anonymity_purpose,
    clause_content,
    clause_extent,
    drop_medium_tail,
    drop_trailing_aside,
    inner_cue,
    object_tail,
)
from onrecord.lang.en.attribution_senses import (
    clause_is_no_statement,
    object_is_no_statement,
    particle_sense,
    refused_speech,
    unnamed_question,
)
from onrecord.lang.en.attribution_sources import (
    _gerund,
    adjacent_speaker,
    after_dateline,
    agent_of,
    appositive_speaker,
    asked_passive,
    find_subject,
    inverted_speaker,
    issuer_of,
    name_before,
    named_in_np,
    not_a_reporter,
    quoted_person,
    skip_dateline,
    source_span,
    thing_reporter,
    usable_source,
)
from onrecord.lang.en.lexicon import Lexicon, word_set
from onrecord.lang.en.quotemarks import QuoteSpan, title_like
from onrecord.lang.en.spans import doc_text, merge_spans, overlaps, subtree_indices, token_range_span, tokens_to_spans
from onrecord.model import QuoteKind, Span


def _attribution_tokens(verb: Token, subject: Token | None) -> set[int]:
    """Tokens of an attribution clause: the cue, its subject, auxiliaries and adverbials."""
    out = {verb.i}
    if subject is not None and subject.head.i == verb.i:
        out |= {t.i for t in subject.subtree}
    for c in verb.children:
        if c.dep_ in ("aux", "auxpass", "neg", "advmod", "prt", "punct", "npadvmod", "dative", "prep",
                      "dobj", "agent", "cc"):
            out |= {t.i for t in c.subtree}
    return out


PUT_IT = frozenset({"frame"})


def _put_it(verb: Token, lemma: str) -> bool:
    """"As X put it, …" / "X put it this way:"."""
    return lemma == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children)


def _headline(sent: SpacySpan) -> bool:
    """A line of its own without final punctuation (a headline or a caption)."""
    text = doc_text(sent.doc)
    last = _last_word(sent)
    if last.text[-1] in ".!?:;" or last.text in QUOTE_STRIP:
        return False  # also "… entering the U.S." (an abbreviation ends the sentence)
    end = last.idx + len(last.text)
    return text[end:end + 1] in ("\n", "") and (sent.start == 0 or "\n" in sent.doc[sent.start - 1].text)


def _agentless_passive(verb: Token) -> bool:
    """A passive without an agent ("was proposed as", "were encouraged to")."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) \
        and not any(c.dep_ == "agent" for c in verb.children)


#: the reader addressed by the writer
READER_PRONOUNS = frozenset({"you"})


def _reader_question(subject: Token, sent: SpacySpan, quotes: list[QuoteSpan]) -> bool:
    """A question the writer puts to the reader ("Do you know where …?", "Or would you think
    …?"): the subject is "you" outside any quotation and the sentence ends in a question mark
    (cross-genre guidelines A4: questions put by the reporter are no statements)."""
    if subject.lower_ not in READER_PRONOUNS or any(q.begin <= subject.idx < q.end for q in quotes):
        return False
    return _last_word(sent).text == "?"


def _country_says(verb: Token, subject: Token) -> bool:
    """"Trade talks stall, US says": a country (its government) as the source of a headline."""
    return subject.ent_type_ == "GPE" and _parenthetical(verb, subject)


def _after_colon(text: str, end: int, sent_end: int) -> Span | None:
    """The rest of the sentence (and paragraph) after a colon right at ``end``, when it opens a
    sentence (a capital or a quotation mark, at least three words), else None (a list: "three
    things: …")."""
    colon = end
    while colon < len(text) and text[colon] in " \t":
        colon += 1
    if colon >= len(text) or text[colon] != ":":
        return None
    para_end = text.find("\n", colon)
    para_end = len(text) if para_end < 0 else para_end
    begin, stop = colon + 1, min(para_end, sent_end)
    while begin < stop and text[begin].isspace():
        begin += 1
    while stop > begin and text[stop - 1].isspace():
        stop -= 1
    rest = text[begin:stop]
    if len(rest.split()) < 3 or not (rest[0].isupper() or rest[0] in QUOTE_STRIP):
        return None
    return begin, stop


def _parenthetical(verb: Token, subject: Token | None) -> bool:
    """Whether a cue set off by punctuation follows its content (", he said", "” she added")."""
    first = verb.i
    if subject is not None and subject.i < verb.i:
        first = min(first, subject.left_edge.i)
    prev = verb.doc[first - 1] if first > 0 else None
    return prev is not None and (prev.is_punct or prev.text in QUOTE_STRIP)


def _as_clause(verb: Token) -> bool:
    """"As X said, …": an adverbial clause introduced by "as"."""
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _last_word(sent: SpacySpan) -> Token:
    """The last token of a sentence that is not whitespace."""
    for tok in reversed(sent):
        if not tok.is_space:
            return tok
    return sent[-1]


#: what may follow a trailing cue in its own sentence: its subject after it, the time, place or
#: addressee ("…, said the company's chief, Ann Roe, on Monday.", "…, she told reporters in Leeds.")
TRAILING_DEPS = frozenset({"nsubj", "npadvmod", "advmod", "punct", "dative"})
#: prepositions of the time, place, medium or addressee of a trailing cue ("…, he said on Monday")
TRAILING_PREPS = frozenset({"on", "in", "at", "to", "during", "over", "via"})
#: how the clause before a trailing cue may hang on it: not as an adverbial clause or a
#: prepositional phrase ("When the vote ended, she said.", "In a changing economy, …")
NO_CLAUSE_DEPS = frozenset({"advcl", "prep", "mark", "pcomp", "agent"})


def trailing_report(verb: Token, subject: Token, sent: SpacySpan, quotes: list[QuoteSpan]) -> set[int]:
    """The clause before a cue that closes its sentence after a comma ("…, he said.", "…, said
    the company's chief executive, Ann Roe."), whatever the parser hung it on: the tokens from
    the sentence start (after an opening prepositional phrase and its comma) to the comma. Empty
    when the cue has a complement after it, when the stretch opens with a subordinator
    (``data/subordinators.txt``) or is no clause (fewer than four words, no verb), or when a
    quotation fills half of it (a direct quote)."""
    doc = verb.doc
    own = subject
    while own.dep_ == "appos" and own.head.i != own.i:
        own = own.head  # "said the firm's chief, Ann Roe": the name stands for the chief
    if own.head.i != verb.i:
        return set()  # a subject inherited from another verb: "…, where Ann Roe is reading and responding"
    start = verb.i
    if subject.i < verb.i:
        start = min(start, subject.left_edge.i)
    start = min([start] + [c.i for c in verb.children if c.dep_ in ("aux", "neg", "advmod") and c.i < verb.i])
    if start - 1 <= sent.start or doc[start - 1].text != ",":
        return set()
    if any(c.i > verb.i and c.dep_ not in TRAILING_DEPS and not (c.dep_ == "prep" and c.lower_ in TRAILING_PREPS)
           for c in verb.children):
        return set()
    if any(t.i > verb.i and not t.is_punct and not t.is_space and t not in verb.subtree for t in sent):
        return set()
    first = sent.start
    while first < start and doc[first].is_space:
        first += 1
    if doc[first].dep_ == "prep" and doc[first].right_edge.i + 1 < start - 1 \
            and doc[doc[first].right_edge.i + 1].text == ",":
        first = doc[first].right_edge.i + 2  # "In nearby Decatur, the plant is …": the place is the reporter's
    words = [t for t in doc[first:start - 1] if not t.is_punct and not t.is_space]
    if len(words) < 4 or doc[first].lower_ in word_set("subordinators.txt") or doc[first].dep_ == "mark" \
            or not any(t.pos_ in ("VERB", "AUX") for t in words):
        return set()
    stretch = range(first, start - 1)
    if any(t.dep_ in NO_CLAUSE_DEPS and t.head.i not in stretch for t in words):
        return set()
    begin, end = doc[first].idx, doc[start - 1].idx
    if any(2 * (min(q.end, end) - max(q.begin, begin)) >= end - begin for q in quotes):
        return set()  # "“…,” he said": a direct quote (a quoted word inside the clause is part of it)
    return set(range(first, start - 1))


#: verbs of seeing that report a view, but as a to-infinitive only an act of watching
WATCH_LEMMAS = frozenset({"see"})


def verb_cue(verb: Token, sent: SpacySpan, quotes: list[QuoteSpan], lex: Lexicon, lemma: str,
             lemma_of: LemmaFn | None = None) -> Attribution | None:
    """A cue verb with its source and content (see the module docstring)."""
    classes = lex.cue_classes(lemma) or (PUT_IT if _put_it(verb, lemma) else frozenset())
    if not classes or verb.pos_ not in ("VERB", "AUX") and not (verb.tag_.startswith("VB")):
        return None
    if classes & {"speech", "belief"} and refused_speech(verb, lemma_of):
        return None  # "declined to comment on the suit", "refused to say whether …": nothing said
    if particle_sense(verb, lemma):
        return None  # "disadvantages that weigh him down", "called off the strike": no cue
    if anonymity_purpose(verb):
        return None  # "speaking on condition of anonymity to offer an assessment": why, not what
    doc = verb.doc
    if lemma in WATCH_LEMMAS and _infinitive(verb):
        return None  # "went to see the band play", "waited to see what would happen": watching, not reporting
    asked = asked_cue(verb, sent, quotes) if asked_passive(verb, lemma) else None
    if asked is not None:
        return None if unnamed_question(asked, doc_text(doc)) else asked  # an interview question is no statement
    subject = find_subject(verb)
    if subject is not None and subject.ent_type_ in ("DATE", "TIME"):
        subject = adjacent_speaker(verb)  # "Warren said Saturday" parsed with the date as subject
    if subject is not None and _gerund(subject) and subject.i < verb.i:
        subject = name_before(subject, verb)  # "Writing in a blog, Ann Roe dubbed …" parsed with "Writing"
    if subject is not None and not_a_reporter(subject, lemma, classes, lex):
        return None
    if subject is not None and thing_reporter(verb, subject, classes, lex):
        return None  # "The first rate move presents a wild card": a thing reports nothing
    if subject is not None and _reader_question(subject, sent, quotes):
        return None  # "Do you know where your candidate's returns are?": the writer asks the reader
    if subject is not None:
        subject = named_in_np(after_dateline(skip_dateline(subject), verb))
    elif verb.dep_ in ("ROOT", "parataxis", "ccomp"):
        subject = appositive_speaker(verb) or adjacent_speaker(verb) or inverted_speaker(verb)
    if verb.dep_ == "amod" or (subject is None and verb.dep_ not in ("ROOT", "parataxis", "ccomp")):
        return None
    if subject is None and "as-only" in classes and _agentless_passive(verb):
        return None  # "Rubio is seen as the front-runner": no one's view is named (accusations stay)
    impression = lemma in IMPRESSION_LEMMAS and subject is not None and subject.lower_ == "it"
    if subject is not None and not usable_source(subject) and not impression:
        return None
    if _headline(sent) and not (subject is not None and (subject.pos_ == "PRON" or human_subject(subject, lex)
                                                         or _country_says(verb, subject))):
        return None  # a headline needs a named (or human) source: not "Council delays vote on …"
    comps, ctype = clause_content(verb, classes, lemma)
    if ctype == "object" and _headline(sent):
        comps, ctype = [], ""  # "Team refuses to stay in village": a headline reports only a clause (A4)
    if ctype == "object" and not _object_reporter(verb, subject):
        comps, ctype = [], ""  # "They were denied visas": the object is no one's statement
    if ctype == "object" and object_is_no_statement(verb, lemma, classes, comps, subject, lex):
        comps, ctype = [], ""  # "confirmed a judge", "declined to comment", "Call it a fetish."
    if ctype == "clause" and clause_is_no_statement(classes, comps):
        comps, ctype = [], ""  # "have seen their incomes rise": experience, not a view
    inner_cues: list[Token] = []
    if ctype == "object" and lemma_of is not None:
        comps, inner_cues = inner_cue(comps, lex, lemma_of)
    content_idx: set[int] = set()
    for c in comps:
        content_idx |= clause_extent(verb, c, subject, sent) if ctype == "clause" else subtree_indices(c)
    if ctype == "object":
        if len(comps) == 1 and _quoted_term(doc, subtree_indices(comps[0]), quotes) \
                and not _quote_set_off(doc, verb, comps[0]):
            return None  # "recommended “online translation tools”": a term in marks, no statement
        content_idx = drop_medium_tail(comps, content_idx | object_tail(verb, comps))
    if subject is None and content_idx:
        # "Trump is not expected to attend": without an agent the patient belongs to the content
        for c in verb.children:
            if c.dep_ == "nsubjpass" and c.lower_ not in ("it", "there", "who", "which", "that"):
                content_idx |= subtree_indices(c)
    if verb.dep_ == "ccomp" and not content_idx and verb.i > verb.head.i and classes & {"speech", "belief"} \
            and _parenthetical(verb, subject):
        # "X is Y, he said" parsed with the main clause as head (not "Manafort said he agreed")
        content_idx = subtree_indices(verb.head, exclude=[verb]) & set(range(sent.start, verb.i))
        ctype = "clause"
    if verb.dep_ == "advcl" and not content_idx and _as_clause(verb) and classes & {"speech", "belief", "frame"}:
        # "As X reported, Y" / "Y, as X put it"
        content_idx = subtree_indices(verb.head, exclude=[verb]) & set(range(sent.start, sent.end))
        ctype = "clause"
    if verb.dep_ == "parataxis" and not content_idx and classes & {"speech", "belief"}:
        content_idx = subtree_indices(verb.head, exclude=[verb]) & set(range(sent.start, sent.end))
        ctype = "clause"
    if not content_idx and "speech" in classes and "act" not in classes and subject is not None \
            and subject.lower_ not in RELATIVE_PRONOUNS:
        # "Those who take on debt struggle, even with a job, he said." parsed with the clause
        # hanging on the cue as a fragment: the clause before the comma is what was said
        content_idx = trailing_report(verb, subject, sent, quotes)
        ctype = "clause" if content_idx else ctype
    if ctype in ("clause", "object"):
        content_idx = drop_trailing_aside(doc, content_idx)
    content = tokens_to_spans(doc, content_idx)
    kind: QuoteKind = "reported" if ctype == "object" else "indirect"
    confidence = 0.8 if ctype == "clause" else 0.6
    if not content and "act" not in classes:
        # no complement: a direct quote in the same sentence (before or after the cue); for
        # verbs other than speech verbs ("“Why?” Vitter demanded") it must be adjacent
        spans_q = [(q.begin, q.end) for q in quotes]
        att_idx = {i for i in _attribution_tokens(verb, subject)
                   if i == verb.i or not any(b <= doc[i].idx < e for b, e in spans_q)}
        att_begin, att_end = token_range_span(doc, min(att_idx), max(att_idx))
        text = doc_text(doc)
        near = [q for q in quotes if q.begin < sent.end_char and q.end > sent.start_char
                and not overlaps((q.begin, q.end), (att_begin, att_end))]
        if not near and all(t.i in att_idx or t.is_punct or t.is_space for t in sent):
            # "“… proof?” | Vitter demanded." (the sentence is split inside the quotation)
            near = [q for q in quotes if q.end <= att_begin and _adjoins(text[q.end:att_begin])]
        if not classes & {"speech", "frame"} or "np-none" in classes:
            near = [q for q in near if _adjoins(text[q.end:att_begin]) or _adjoins(text[att_end:q.begin])]
        # a short quotation next to no cue is a name or a term ("named their robot “Robogee”");
        # one set off from a speech verb by a comma or a colon is speech ("said, “Never again.”")
        near = [q for q in near if _quote_words(text, q) > SHORT_QUOTE_WORDS
                or q.end <= att_begin and _only_punct(text[q.end:att_begin])
                or "speech" in classes and _set_off(text[verb.idx + len(verb):q.begin])]
        # a title in title case inside another phrase is named, not said ("analysis on ''Monday
        # Night Baseball,'' was dismissed"); one standing alone is an answer ("“College Bowl,” he replied")
        near = [q for q in near if not (title_like(q.inner(text)) and _in_phrase(doc, q, verb))]
        near = [q for q in near if not named_term(doc, q, verb, subject, lemma, classes)]
        if near:
            content = [p for q in near for p in q.parts]
            kind, confidence, ctype = "direct", 0.85, "quote"
            subject = quoted_person(verb, lemma) or subject
    if ctype == "object" and content:
        spelled = _after_colon(doc_text(doc), content[-1][1], sent.end_char)
        if spelled is not None:
            # "denied these allegations: She was never forced …": what follows the colon is
            # what was said
            content = [spelled]
            kind = "direct" if doc_text(doc)[spelled[0]] in QUOTE_STRIP else "indirect"
    last = _last_word(sent)
    if content and last.text == ":" and last.i > sent.start and content[-1][1] >= doc[last.i - 1].idx:
        after = [q for q in quotes if q.begin >= sent.end_char and doc_text(doc)[sent.end_char:q.begin].strip() == ""]
        if after:
            content = content + list(after[0].parts)
    elif not content and last.text == ":":
        after = [q for q in quotes if q.begin >= last.idx and doc_text(doc)[last.idx + 1:q.begin].strip() == ""]
        if after:
            content = list(after[0].parts)
            kind, confidence, ctype = "direct", 0.8, "quote"
    if not content:
        return None
    if subject is None:
        src, src_tok = None, None
        if verb.dep_ not in ("ROOT",):
            return None
    elif impression:
        src, src_tok = None, None  # "It seems that …": an impression without a source
    else:
        src, src_tok = source_span(subject), issuer_of(subject).i
        if any(overlaps(src, c) for c in content):
            return None
    cue = [token_range_span(doc, verb.i, verb.i)]
    cue += [token_range_span(doc, c.i, c.i) for c in verb.children if c.dep_ == "prt"
            or c.dep_ == "prep" and any(g.head.i == c.i for g in comps)]
    cue += [token_range_span(doc, c.i, c.i) for c in inner_cues]
    return Attribution(content=merge_spans(content), cue=merge_spans(cue), source=src, source_token=src_tok,
                       kind=kind, confidence=confidence, rule=f"verb:{ctype}", extra={"verb": verb.i})


#: relative pronouns that stand for the noun right before them ("“rebels” that would find …")
RELATIVE_PRONOUNS = frozenset({"that", "which", "who"})
#: verbs that name what they follow as a participle ("a collection called “Yuge!”", "a film titled “Roe”")
NAMING_LEMMAS = frozenset({"call", "name", "title", "dub", "label", "brand"})


def named_term(doc: Doc, q: QuoteSpan, verb: Token, subject: Token | None, lemma: str,
               classes: frozenset[str]) -> bool:
    """Whether a quotation next to a verb is a term its clause describes, not what the verb
    reports (guidelines A1, A4: quoted names and titles are no quotes): the quotation right before
    a relative or participle clause of a verb other than a speech verb (“a media company” that
    will focus on news, “super PACs” backing four candidates), or right after a naming participle
    (a collection called “Yuge!”)."""
    text = doc_text(doc)
    bare = not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if lemma in NAMING_LEMMAS and verb.tag_ == "VBN" and bare and q.begin > verb.idx \
            and _only_punct(text[verb.idx + len(verb):q.begin]):
        return True
    if "speech" in classes or q.end > verb.idx:
        return False
    relative = subject is not None and subject.lower_ in RELATIVE_PRONOUNS and subject.i < verb.i
    participle = verb.tag_ in ("VBG", "VBN") and bare and verb.dep_ in ("acl", "advcl", "relcl") \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if not (relative or participle):
        return False
    first = subject if relative and subject is not None else verb
    gap = text[q.end:first.idx]
    return _only_punct(gap) and "\n" not in gap


#: how a quotation's words hang on a phrase outside it when the quotation names something
#: ("analysis on “Monday Night Baseball”", "the “Game of Thrones” finale", "his show, “Late Night”")
NAMED_DEPS = frozenset({"pobj", "compound", "appos", "nmod", "poss", "conj", "dobj", "nsubj", "nsubjpass", "attr"})


def _in_phrase(doc: Doc, q: QuoteSpan, verb: Token) -> bool:
    """Whether a quotation is part of a phrase outside it (its words hang on a word outside the
    quotation other than the cue verb), not a sentence or an answer of its own."""
    inside = [t for t in doc.char_span(q.begin, q.end, alignment_mode="expand") or []
              if not (t.is_punct or t.is_space)]
    heads = [t for t in inside if not q.begin <= t.head.idx < q.end]
    return bool(heads) and all(t.head.i != verb.i and t.dep_ in NAMED_DEPS for t in heads)


def _set_off(between: str) -> bool:
    """Whether the text between a cue and a quotation after it is a comma or a colon alone."""
    return between.strip() in (",", ":")


#: verbs of an impression: "it seems", "it appears" name no source
IMPRESSION_LEMMAS = frozenset({"seem", "appear"})


#: verbs that with "back" answer an attack in words ("fired back", "shot back", "hit back")
RETORT_VERBS = frozenset({"fire", "shoot", "hit", "strike", "snap"})


def _back(verb: Token) -> bool:
    """Whether a verb has "back" as its particle or adverb ("fired back")."""
    return any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in verb.children)


def _seems_of_subject(verb: Token) -> bool:
    """"X seems Y" with a predicate of its own (not "it seems that …", "seemed to say that …")."""
    return any(c.dep_ in ("oprd", "acomp", "dobj") or c.dep_ == "prep" and c.lower_ == "like"
               for c in verb.children if c.i > verb.i)


def asked_cue(verb: Token, sent: SpacySpan, quotes: list[QuoteSpan]) -> Attribution | None:
    """The question put to someone: its content is the question clause ("was asked whether …",
    "When asked if …"), the request ("Asked by X to respond …"), the topic ("When asked about
    her vote") or the quotation that follows; its source is the asker when named. None when it
    has no content (the general rules then apply)."""
    doc = verb.doc
    clauses = [c for c in verb.children if c.i > verb.i and (
        c.dep_ in ("ccomp", "xcomp") or c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in QUESTION_MARKS
                                                                    for m in c.children))]
    about = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "about" and c.i > verb.i]
    topics = [g for p in about for g in p.children if g.dep_ in ("pobj", "pcomp")]
    parts = clauses or topics
    content = tokens_to_spans(doc, set().union(*(subtree_indices(c) for c in parts))) if parts else []
    kind: QuoteKind = "indirect" if any(c.dep_ != "xcomp" for c in clauses) else "reported"
    if not content:
        if verb.dep_ == "advcl":  # "Asked, Clinton said “…”": the quotation answers
            return None
        after = [q for q in quotes if sent.start_char <= q.begin < sent.end_char and q.begin > verb.idx]
        if not after:
            return None
        content, kind = list(after[0].parts), "direct"
    agent = agent_of(verb)
    src = source_span(agent) if agent is not None and usable_source(agent) else None
    cue = [token_range_span(doc, c.i, c.i) for c in verb.children if c.dep_ == "auxpass"]
    cue.append(token_range_span(doc, verb.i, verb.i))
    if not clauses and about:
        cue.append(token_range_span(doc, about[0].i, about[0].i))
    return Attribution(content=merge_spans(content), cue=merge_spans(cue), source=src,
                       source_token=agent.i if src is not None and agent is not None else None,
                       kind=kind, confidence=0.7, rule="verb:asked")


def make_clear(verb: Token, sent: SpacySpan) -> Attribution | None:
    """"X made (it) clear (that) Y": a statement by X whose content is the clause Y (the parser
    hangs Y on "made" or on "clear")."""
    doc = verb.doc
    clear = next((doc[i] for i in range(verb.i + 1, min(verb.i + 4, sent.end)) if doc[i].lower_ == "clear"), None)
    if clear is None or not verb.i <= clear.head.i <= verb.i + 3:
        return None
    clause = next((c for c in (*clear.children, *verb.children) if c.i > clear.i and c.dep_ in CLEAR_CLAUSE_DEPS
                   and any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)), None)
    subject = find_subject(verb)
    if clause is None or subject is None or not usable_source(subject):
        return None
    content = tokens_to_spans(doc, set(range(clause.left_edge.i, sent.end)))
    cue = [token_range_span(doc, verb.i, clear.i)]
    return Attribution(content=merge_spans(content), cue=cue, source=source_span(subject), source_token=subject.i,
                       kind="indirect", confidence=0.7, rule="make-clear")


CLEAR_CLAUSE_DEPS = frozenset({"ccomp", "csubj", "advcl"})


def _object_reporter(verb: Token, subject: Token | None) -> bool:
    """Whether a cue with an object (no clause) has someone who reports: not a passive without
    agent that keeps an object ("they were denied visas", "he was shown a yellow card")."""
    if subject is not None:
        return True
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    return not (passive and any(c.dep_ in ("dobj", "dative") for c in verb.children))


#: what "seems" or "appears" to be: "seemed willing", "seemed to know", "appeared a mistake"
SEEM_PRED_DEPS = frozenset({"xcomp", "oprd", "acomp", "attr"})


def seem_cue(verb: Token, lemma: str) -> Attribution | None:
    """"The speaker seemed closer to an endorsement": an impression without a source; the
    content is the subject and what it seems to be."""
    if lemma not in ("seem", "appear") or verb.dep_ not in ("ROOT", "conj"):
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "expl")]
    deps = SEEM_PRED_DEPS | {"dobj"} if lemma == "seem" else SEEM_PRED_DEPS
    preds = [c for c in verb.children if c.i > verb.i and (c.dep_ in deps or c.dep_ == "prep" and c.lower_ == "like")]
    if not subjects or not preds:
        return None
    if subjects[0].lower_ in ("it", "there", "this", "that") and not any(c.dep_ in ("xcomp", "attr", "prep", "dobj")
                                                                          for c in preds):
        return None  # "it seems that …" is the clause's (see verb_cue); "it seemed like a task" is an impression
    # "He seems content that the deal …": the clause belongs to the predicate
    preds += [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and any(p.dep_ == "oprd" for p in preds)]
    idx: set[int] = set()
    for c in subjects + preds:
        idx |= subtree_indices(c)
    doc = verb.doc
    content = tokens_to_spans(doc, idx)
    if not content:
        return None
    return Attribution(content=merge_spans(content), cue=[token_range_span(doc, verb.i, verb.i)], source=None,
                       source_token=None, kind="indirect", confidence=0.5, rule="seem")


#: prepositions that name whose impression "seems"/"appears" is ("seems to me", "according to the
#: report")
EXPERIENCER_PREPS = frozenset({"to", "according"})


def _has_experiencer(verb: Token) -> bool:
    """Whether "seem"/"appear" names whose impression it is: "It seems to me that …", "To the
    inspectors, the wall seemed …", "It appears, according to the survey, that …"."""
    return any(c.dep_ == "prep" and c.lower_ in EXPERIENCER_PREPS
               and any(g.dep_ in ("pobj", "prep") for g in c.children) for c in verb.children)


def _holds_view(verb: Token) -> bool:
    """Whether the subject of "seem"/"appear" is shown holding a view: an adjective with a content
    clause ("The coach seems convinced that …", "He appears sure the deal will hold")."""
    adjectives = [c for c in verb.children if c.dep_ in ("acomp", "oprd") and c.i > verb.i]
    return any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children) and bool(adjectives) \
        or any(g.dep_ == "ccomp" for a in adjectives for g in a.children)


def sourceless_impression(verb: Token, lemma: str, att: Attribution) -> bool:
    """Whether an attribution is only the writer's own impression ("It seems that the plan will
    fail", "The mayor appears to have misjudged …"): "seem"/"appear" as its cue, no source, no
    experiencer and no view held by the subject. That is no statement (guidelines A, A4: the
    reporter's own voice); PolNeAR annotates it, onrecord does not."""
    return (lemma in IMPRESSION_LEMMAS and att.source is None
            and any(b <= verb.idx < e for b, e in att.cue)
            and not _has_experiencer(verb) and not _holds_view(verb))
