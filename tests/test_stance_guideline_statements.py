"""Stance rules (issue 17): general statements of the guidelines
found by error class on stance dev, heldout and heldout2. Sentences written for these tests;
each case failed before its rule."""

# ruff: noqa: E501  (tables of test sentences read best one per line)
from __future__ import annotations

import pytest

from onrecord.extraction.stance import annotate
from onrecord.lang.de.stance import stance_lexicon as german
from onrecord.lang.en.stance import cue_lemma
from onrecord.lang.en.stance import stance_lexicon as english
from onrecord.model import Mention, Quote, QuoteKind


def _quote(text: str, words: str, cue: str | None, speaker: str | None, kind: QuoteKind = "direct") -> Quote:
    begin = text.index(words)
    mention = cue_mention = None
    if speaker is not None:
        sb = text.index(speaker)
        mention = Mention(text=speaker, spans=[(sb, sb + len(speaker))])
    if cue is not None:
        cb = text.index(cue, begin + len(words)) if cue in text[begin + len(words) :] else text.index(cue)
        cue_mention = Mention(text=cue, spans=[(cb, cb + len(cue))])
    return Quote(
        id="q1", kind=kind, text=words, spans=[(begin, begin + len(words))],
        cue=cue_mention, speaker=mention, confidence=0.9,
    )  # fmt: skip


def _de_lemma(word: str) -> str:
    """The German lemma table's answers for the verb forms used below (the table itself is a model file)."""
    return {
        "gefragt": "fragen", "angekündigt": "ankündigen", "forderte": "fordern", "geht": "gehen",
        "antwortete": "antworten", "sagte": "sagen", "scheint": "scheinen", "erwartet": "erwarten",
    }.get(word, word.lower())  # fmt: skip


def _de(text: str, quote: Quote) -> Quote:
    return annotate(text, [quote], [], german(), _de_lemma)[0]


def _en(text: str, quote: Quote) -> Quote:
    return annotate(text, [quote], [], english(), cue_lemma)[0]


# --- a relative clause opens only at a relative pronoun (not at an article: "…, this is probably …"),
# --- in German also after a preposition ("…, in der vielleicht …"); guidelines 1.1, the main clause decides


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("“If the ferry was late again, this is probably the reason,” the captain told reporters.", "“If the ferry was late again, this is probably the reason,”"),
        ("“When the river rises, the old dam might give way,” the engineer said.", "“When the river rises, the old dam might give way,”"),
    ],
)  # fmt: skip
def test_english_article_after_a_comma_opens_no_relative_clause(text: str, words: str) -> None:
    assert _en(text, _quote(text, words, "said" if "said" in text else "told", None)).stance == "hedged"


def test_german_prepositional_relative_clause_is_not_the_main_clause() -> None:
    text = "Die Ministerin sagte, die Stadt baue eine neue Halle, in der vielleicht später Konzerte stattfinden."
    words = "die Stadt baue eine neue Halle, in der vielleicht später Konzerte stattfinden"
    assert _de(text, _quote(text, words, "sagte", "Die Ministerin", kind="indirect")).stance == "asserted"


# --- German nouns of the lexicon match inside a sentence (every German noun is capitalised there)


@pytest.mark.parametrize(
    ("text", "words", "stance"),
    [
        ("„Diese Geschichte über den Bürgermeister ist kompletter Unsinn“, sagte die Sprecherin.", "„Diese Geschichte über den Bürgermeister ist kompletter Unsinn“", "denial"),
        ("Der Förster sagte, es habe den Anschein, dass der Sturm die Wurzeln gelockert habe.", "es habe den Anschein, dass der Sturm die Wurzeln gelockert habe", "hedged"),
    ],
)  # fmt: skip
def test_german_lexicon_nouns_match_inside_a_sentence(text: str, words: str, stance: str) -> None:
    kind: QuoteKind = "direct" if words.startswith("„") else "indirect"
    assert _de(text, _quote(text, words, "sagte", None, kind=kind)).stance == stance


# --- idioms that hold a marker word but mark nothing: a degree ("as soon as possible"), inability
# --- ("could not"), a negated obligation ("don't have to"); guidelines 1.2 asserted


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('"We will repair the roof as soon as possible," the janitor said.', '"We will repair the roof as soon as possible,"'),
        ("The clerk said she could not find the file because the archive was flooded.", "she could not find the file because the archive was flooded"),
        ('"You don\'t have to bring a tent, the hostel has beds," the guide said.', '"You don\'t have to bring a tent, the hostel has beds,"'),
    ],
)  # fmt: skip
def test_english_idioms_that_mark_no_hedge_or_demand(text: str, words: str) -> None:
    kind: QuoteKind = "direct" if words.startswith('"') else "indirect"
    stance = _en(text, _quote(text, words, "said", None, kind=kind)).stance
    assert stance == ("prediction" if "will" in words else "asserted")


@pytest.mark.parametrize(
    "words",
    ["„Wir sanieren das Dach so schnell wie möglich“", "„Die Gäste müssen nicht vor acht Uhr kommen“"],
)
def test_german_idioms_that_mark_no_hedge_or_demand(words: str) -> None:
    text = f"{words}, sagte der Hausmeister."
    assert _de(text, _quote(text, words, "sagte", None)).stance == "asserted"


# --- a condition anywhere in the sentence with a conditional "would"/"würde" in the main clause is a
# --- hedge, not the future of reported speech (guidelines 1.2 hedged: "if …, … would")


def test_english_would_under_a_later_condition_is_hedged() -> None:
    text = "The mayor said the plant would close if the vote failed."
    words = "the plant would close if the vote failed"
    assert _en(text, _quote(text, words, "said", "The mayor", kind="indirect")).stance == "hedged"


def test_german_wuerde_under_a_later_condition_is_hedged() -> None:
    text = "Der Bürgermeister sagte, das Werk würde schließen, falls die Abstimmung scheitere."
    words = "das Werk würde schließen, falls die Abstimmung scheitere"
    assert _de(text, _quote(text, words, "sagte", "Der Bürgermeister", kind="indirect")).stance == "hedged"


# --- the stance verb right before the words governs them (guidelines rule C), also as a participle
# --- before the auxiliary that closes a German verb-final clause; a separable particle closing the
# --- clause right before the words belongs to the cue across an apposition's commas


def test_german_participle_before_an_auxiliary_right_before_the_words() -> None:
    text = "Als die Ministerin von Reportern gefragt wurde, wann die Brücke öffnet, antwortete sie knapp."
    quote = _quote(text, "wann die Brücke öffnet", "antwortete", "die Ministerin", kind="indirect")
    assert _de(text, quote).stance == "question"


def test_german_governing_participle_wins_over_an_earlier_stance_verb() -> None:
    text = "Der Verband forderte Gespräche, nachdem die Firma angekündigt hatte, das Werk im Mai zu schließen."
    quote = _quote(text, "das Werk im Mai zu schließen", None, "die Firma", kind="indirect")
    assert _de(text, quote).stance == "prediction"


def test_german_separable_particle_after_an_apposition() -> None:
    text = "Die Ministerin geht nach einem Gespräch mit dem Bürgermeister, Max Berger, davon aus, dass die Brücke im Mai öffnet."
    quote = _quote(text, "dass die Brücke im Mai öffnet", "geht", "Die Ministerin", kind="indirect")
    assert _de(text, quote).stance == "belief"


# --- anonymity: a generic pronoun as the speaker ("you", "man") stands for anyone: unnamed


@pytest.mark.parametrize(
    ("text", "words", "speaker", "lang"),
    [
        ("How do you know that the cheaper bike is the safer one?", "that the cheaper bike is the safer one", "you", "en"),
        ("Man geht davon aus, dass die Brücke im Mai öffnet.", "dass die Brücke im Mai öffnet", "Man", "de"),
    ],
)  # fmt: skip
def test_generic_pronoun_speaker_is_unnamed(text: str, words: str, speaker: str, lang: str) -> None:
    quote = _quote(text, words, "know" if lang == "en" else "geht", speaker, kind="indirect")
    annotated = _en(text, quote) if lang == "en" else _de(text, quote)
    assert annotated.source_anonymity == "unnamed"


# --- anonymity: a share of people as the source ("Twelve percent", "Zwölf Prozent") is a group without a name


@pytest.mark.parametrize(
    ("text", "words", "speaker", "lang"),
    [
        ("Twelve percent said that they would not vote at all.", "that they would not vote at all", "Twelve percent", "en"),
        ("Zwölf Prozent sagten, sie würden gar nicht wählen.", "sie würden gar nicht wählen", "Zwölf Prozent", "de"),
    ],
)  # fmt: skip
def test_share_of_people_as_speaker_is_unnamed(text: str, words: str, speaker: str, lang: str) -> None:
    quote = _quote(text, words, "said" if lang == "en" else "sagten", speaker, kind="indirect")
    annotated = _en(text, quote) if lang == "en" else _de(text, quote)
    assert annotated.source_anonymity == "unnamed"


# --- anonymity: a relative described by kinship, without a name of its own, is unnamed


@pytest.mark.parametrize(
    ("text", "words", "speaker", "lang"),
    [
        ("Allegedly, Miller's sister begged him to call a doctor.", "to call a doctor", "Miller's sister", "en"),
        ("Nach Angaben des Bruders sei das Auto gestohlen worden.", "sei das Auto gestohlen worden", "Angaben des Bruders", "de"),
    ],
)  # fmt: skip
def test_relative_without_a_name_is_unnamed(text: str, words: str, speaker: str, lang: str) -> None:
    quote = _quote(text, words, "begged" if lang == "en" else "Nach", speaker, kind="indirect")
    annotated = _en(text, quote) if lang == "en" else _de(text, quote)
    assert annotated.source_anonymity == "unnamed"


# --- anonymity: a capital at a sentence start is no name ("Recent surveys have shown …"), unless the
# --- text writes the word capitalised inside a sentence too


@pytest.mark.parametrize(
    ("text", "anonymity"),
    [
        ("Recent surveys have shown that the lake is clean. The council welcomed the news.", "unnamed"),
        ("Gallup surveys have shown that the lake is clean. The council trusts Gallup.", "named"),
    ],
)
def test_sentence_start_capital_is_no_issuer_name(text: str, anonymity: str) -> None:
    speaker = text.split(" have")[0]
    quote = _quote(text, "that the lake is clean", "shown", speaker, kind="indirect")
    assert _en(text, quote).source_anonymity == anonymity


# --- an indirect question ("when …", "wann …") ending a sentence that asks is a question


@pytest.mark.parametrize(
    ("text", "words", "cue", "lang"),
    [
        ("How do the owners know when the bridge is safe again?", "when the bridge is safe again", "know", "en"),
        ("Wissen die Anwohner, wann der Zug wieder fährt?", "wann der Zug wieder fährt", "Wissen", "de"),
    ],
)  # fmt: skip
def test_indirect_question_ending_a_question_sentence(text: str, words: str, cue: str, lang: str) -> None:
    quote = _quote(text, words, cue, "the owners" if lang == "en" else "die Anwohner", kind="indirect")
    assert (_en(text, quote) if lang == "en" else _de(text, quote)).stance == "question"


def test_words_that_are_no_indirect_question_keep_their_stance() -> None:
    text = "But has the mayor ever said that the bridge is safe?"
    quote = _quote(text, "that the bridge is safe", "said", "the mayor", kind="indirect")
    assert _en(text, quote).stance == "asserted"


# --- a clitic written apart from its word in tokenised text ("I 'll", "we ’ll") is still the future


@pytest.mark.parametrize(
    "words",
    ["\" In the end I 'll call the council myself \"", "\" Tomorrow we ’ll open the gates \""],
)
def test_english_clitic_written_apart_is_the_future(words: str) -> None:
    text = f"{words}, the mayor said ."
    assert _en(text, _quote(text, words, "said", "the mayor")).stance == "prediction"


# --- an evidential "seem" / "scheinen" as the cue marks the words as hedged (guidelines 1.2)


def test_english_seem_as_the_cue_is_hedged() -> None:
    text = "Still, the shortage of nurses seems to be a real problem for the clinic."
    begin = text.index("the shortage")
    cue_at = text.index("seems")
    quote = Quote(
        id="q1", kind="indirect", text="", spans=[(begin, cue_at - 1), (cue_at + 6, len(text) - 1)],
        cue=Mention(text="seems", spans=[(cue_at, cue_at + 5)]), speaker=None, confidence=0.9,
    )  # fmt: skip
    assert _en(text, quote).stance == "hedged"


def test_german_scheinen_as_the_cue_is_hedged() -> None:
    text = "Die Zahl der Unfälle scheint in diesem Winter gesunken zu sein."
    begin, cue_at = text.index("Die Zahl"), text.index("scheint")
    quote = Quote(
        id="q1", kind="indirect", text="", spans=[(begin, cue_at - 1), (cue_at + 8, len(text) - 1)],
        cue=Mention(text="scheint", spans=[(cue_at, cue_at + 7)]), speaker=None, confidence=0.9,
    )  # fmt: skip
    assert _de(text, quote).stance == "hedged"


# --- in a headline in title case the capital marks no name: "Could" is the modal


def test_english_title_case_headline_modal_is_a_hedge() -> None:
    text = "New Ferry Line Could Open Before Summer, Harbour Chief Says."
    words = "New Ferry Line Could Open Before Summer"
    quote = _quote(text, words, "Says", "Harbour Chief", kind="indirect")
    assert _en(text, quote).stance == "hedged"


# --- a short clause closing the words after their last comma is their frame ("…, wird erwartet.")


@pytest.mark.parametrize(
    ("text", "lang", "stance"),
    [
        ("Die Brücke werde wohl im Mai fertig, wird erwartet.", "de", "prediction"),
        ("The mill may close next year, it is believed.", "en", "belief"),
    ],
)
def test_trailing_frame_inside_the_words(text: str, lang: str, stance: str) -> None:
    quote = _quote(text, text[:-1], None, None, kind="free_indirect")
    assert (_en(text, quote) if lang == "en" else _de(text, quote)).stance == stance


# --- "ask" with an object and a to-infinitive is a demand, also with a longer object (guidelines 1.2)


@pytest.mark.parametrize(
    ("words", "stance"),
    [
        ("the new city council to close the road", "demand"),
        ("how the new city council plans to close the road", "question"),
    ],
)
def test_english_ask_object_to_infinitive(words: str, stance: str) -> None:
    text = f"The residents asked {words}."
    assert _en(text, _quote(text, words, "asked", "The residents", kind="reported")).stance == stance


# --- "suggest that …" hints at the content without stating it: hedged (as the stance set labels it)


def test_english_suggest_that_is_hedged() -> None:
    text = "The ranger suggested that the fire had started near the road."
    words = "that the fire had started near the road"
    assert _en(text, _quote(text, words, "suggested", "The ranger", kind="indirect")).stance == "hedged"


# --- "wish that …" is a hope: belief (guidelines 1.2 belief)


def test_english_wish_is_a_belief() -> None:
    text = "The villagers wished that the council would repair the road."
    words = "that the council would repair the road"
    assert _en(text, _quote(text, words, "wished", "The villagers", kind="indirect")).stance == "belief"
