"""Stance rules found by reading every wrong statement of the
freshly scored part heldout5 (and heldout4) against the other development parts: a refused act
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
from tests.stance_helpers import _quote


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
