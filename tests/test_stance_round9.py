"""Stance rules of the ninth round (2026-12-07), found by reading every wrong statement of the
freshly scored part heldout5 (and heldout4) against the other development parts: the words of a
direct quote are never the cue's infinitive ("told" + "I think the best way to …"), a refused act
keeps the class of its verb when that verb follows the cue's "to" ("Refuses to Disavow …"), and
"refused to cooperate" (no stance verb, no verb of saying) rejects what was put to the source: a
denial, not negated (guidelines section 6). Sentences written for these tests; each case failed
before its rule."""

# ruff: noqa: E501  (tables of test sentences read best one per line)
from __future__ import annotations

from onrecord.extraction.stance import annotate
from onrecord.lang.en.stance import cue_lemma
from onrecord.lang.en.stance import stance_lexicon as english
from onrecord.model import Mention, Quote
from tests.test_stance_round6 import _quote


def _en(text: str, quote: Quote) -> Quote:
    return annotate(text, [quote], [], english(), cue_lemma)[0]


def _with_cue(text: str, quote: Quote, *parts: str) -> Quote:
    """``quote`` with a cue of several parts, each found in ``text`` in order."""
    spans, at = [], 0
    for part in parts:
        at = text.index(part, at)
        spans.append((at, at + len(part)))
        at += len(part)
    return Quote(
        id=quote.id, kind=quote.kind, text=quote.text, spans=quote.spans,
        cue=Mention(text=" ".join(parts), spans=spans), speaker=quote.speaker, confidence=quote.confidence,
    )  # fmt: skip


# --- a direct quote is the source's own sentence, not the cue's infinitive


def test_direct_quote_with_a_later_to_is_no_demand() -> None:
    # "told" + "to" is a demand only when the cue governs the infinitive ("told them to leave");
    # the "to" of a direct quote is the source's own (was: demand)
    text = "“I think the cheapest route to the coast is the old ferry, and I’m going to take it,” the mayor told reporters."
    quote = _quote(text, "I think the cheapest route to the coast is the old ferry, and I’m going to take it,", "told", "the mayor")
    assert _en(text, quote).stance == "belief"
    text = "“Anyone who fails to renew the permit loses the stall. That is the rule,” the clerk told the traders."
    quote = _quote(text, "Anyone who fails to renew the permit loses the stall. That is the rule,", "told", "the clerk")
    assert _en(text, quote).stance == "asserted"
    # a reported infinitive after "told" stays a demand
    text = "The mayor told the traders to clear the square by noon."
    quote = _quote(text, "to clear the square by noon", "told", "The mayor", kind="reported")
    assert _en(text, quote).stance == "demand"


# --- refusals (guidelines 2 and 6)


def test_refused_verb_after_the_cue_keeps_its_class() -> None:
    # a headline: the cue is "Refuses … to", the refused verb stands before the words (was: asserted)
    text = "Mayor Refuses to Disavow Union Endorsement."
    quote = _with_cue(text, _quote(text, "Disavow Union Endorsement", None, "Mayor", kind="reported"), "Refuses", "to")
    result = _en(text, quote)
    assert (result.stance, result.negated) == ("denial", True)


def test_refused_act_is_a_denial() -> None:
    # "refused to cooperate": the source rejects what was put to it (was: asserted, negated)
    text = "The two contractors have refused to cooperate with the inquiry, the report says."
    quote = _quote(text, "to cooperate", "refused", "The two contractors", kind="reported")
    result = _en(text, quote)
    assert (result.stance, result.negated) == ("denial", False)
    # a refused verb of saying stays a negated statement (guidelines 2), a refused stance verb keeps its class
    text = "The harbour office refused to comment on the closure."
    quote = _quote(text, "to comment on the closure", "refused", "The harbour office", kind="reported")
    result = _en(text, quote)
    assert (result.stance, result.negated) == ("asserted", True)
    text = "The minister declined to threaten the mill owners."
    quote = _quote(text, "to threaten the mill owners", "declined", "The minister", kind="reported")
    result = _en(text, quote)
    assert (result.stance, result.negated) == ("prediction", True)
