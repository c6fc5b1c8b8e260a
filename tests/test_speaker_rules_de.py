"""German speaker choice (onrecord.lang.de.speaker_rules) on the cross-genre development parts and
on news (issue 13, points 3 and 7): candidates that name nobody, sources of "laut …", the subject
after a trailing reporting verb; an own source phrase stands for the clause's subject, a speaker
carried over keeps its entity. Sentences written for the project."""

from __future__ import annotations

import pytest

from onrecord.evaluation import get_extractor
from onrecord.lang.de.attribution import Attribution
from onrecord.lang.de.extractor import _entity
from onrecord.lang.de.lexicon import lexicon
from onrecord.lang.de.rules_phrases import source_phrase_at
from onrecord.lang.de.sources import not_a_speaker
from onrecord.lang.de.speaker_rules import (
    apposition_name,
    clause_subject,
    document_issuer,
    names_nobody,
    opener_before,
    opening_source,
    own_source_phrase,
    passive_agent,
    relative_source,
    source_preposition_np,
    trailing_speaker_start,
    wondering_or_hoping,
)
from onrecord.lang.de.speakers import Candidate, quantifier_subjects
from onrecord.lang.de.tokens import PreparedDoc, prepare


def _span(text: str, phrase: str, occurrence: int = 0) -> tuple[PreparedDoc, int, int]:
    doc = prepare(text)
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    stop = start + len(phrase)
    begin = next(t.i for t in doc.tokens if t.start == start)
    end = next(t.i for t in doc.tokens if t.end == stop) + 1
    return doc, begin, end


def _names_nobody(text: str, phrase: str, types: str) -> bool:
    """``names_nobody`` for ``phrase`` of ``text``, its tokens tagged ``types`` by the name tagger."""
    doc, begin, end = _span(text, phrase)
    name_type = [""] * len(doc.tokens)
    for i in range(begin, end):
        name_type[i] = types
    return names_nobody(doc, begin, end, lexicon(), name_type)


@pytest.mark.parametrize(
    ("text", "phrase", "types", "expected"),
    [
        # a preposition opening the sentence is no name
        ("Laut einer neuen Richtlinie soll es keine Ausnahmen mehr geben.", "Laut", "", True),
        # a source noun stays a candidate, with or without an owner
        ("Der Investor hat nach eigenen Angaben viel Geld verloren.", "eigenen Angaben", "", False),
        ("Nach Angaben der Polizei wurde niemand verletzt.", "Angaben", "", False),
        ("Nach seiner Darstellung war alles korrekt.", "Darstellung", "", False),
        # a place after a lower-case "in", and an affiliation in brackets after a name
        ("Das sei unverzeihlich, hieß es in einer in Genf verbreiteten Erklärung.", "Genf", "LOC", True),
        ("Das ergänzt der Zoologe Otto Kern (Hunter College, New York) in einem Kommentar.", "New York", "LOC", True),
        ("Das ergänzt der Zoologe Otto Kern (Hunter College, New York) in einem Kommentar.", "Otto Kern", "PER", False),
        # an addressee, interlocutor or topic in a prepositional phrase is never the source
        ("Das geht aus einem Bericht der Kommission an den Ministerrat hervor.", "Ministerrat", "ORG", True),
        ("Über den neuen Trainer sagte der Präsident, er sei zufrieden.", "Trainer", "", True),
        ("Nach einem Gespräch mit Anna Berg sagte er, alles sei geklärt.", "Anna Berg", "PER", True),
        # "bei" inside a clause is a venue; opening the sentence it names the source
        ("Der Premier hatte bei der Konferenz von Paris argumentiert, dass Kohle nötig sei.", "Konferenz", "", True),
        ("Bei der Polizei hieß es, die Lage sei ruhig.", "Polizei", "ORG", False),
        # a source preposition stays
        ("Von der Polizei hieß es, die Lage sei ruhig.", "Polizei", "ORG", False),
        # a document after "in" is its issuer's, not a place
        ("Das sei unverzeihlich, heißt es in Bergers Erklärung.", "Bergers Erklärung", "LOC", False),
    ],
)
def test_candidates_that_name_nobody(text: str, phrase: str, types: str, expected: bool) -> None:
    assert _names_nobody(text, phrase, types) is expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Laut einer ebenfalls beschlossenen ergänzenden Erklärung soll es Prüfungen geben.", "Erklärung", True),
        ("Im Falle der Bank wurden laut einem selbsternannten Mitglied keine Daten entwendet.", "Mitglied", True),
        ("Einer Studie zufolge lernen die Tiere von ihren Eltern.", "Studie", True),
        ("Die Studie zeigt, dass die Tiere von ihren Eltern lernen.", "Studie", False),
    ],
)
def test_the_noun_phrase_of_laut_or_zufolge_is_a_source(text: str, phrase: str, expected: bool) -> None:
    doc, begin, end = _span(text, phrase)
    assert source_preposition_np(doc, begin, end) is expected


def test_the_speaker_after_a_trailing_cue_may_follow_particles() -> None:
    text = "Die Kinder würden es uns nie verzeihen, warnte auch Berger."
    doc, begin, _ = _span(text, "Berger")
    comma = next(t.i for t in doc.tokens if t.text == ",")
    assert trailing_speaker_start(doc, comma, lexicon()) == begin


def _speakers(text: str) -> list[tuple[str, str | None]]:
    result = get_extractor("de").extract(text)
    return [(" ".join(text[b:e] for b, e in q.spans), q.speaker.text if q.speaker else None) for q in result.quotes]


def test_a_trailing_attribution_names_the_speaker_of_the_sentence_before_it() -> None:
    # the previous quote's speaker is nearer in the ranker's eyes; the subject after the
    # reporting verb that follows the quote is its speaker
    text = (
        "Beide Redner warben um Zustimmung. Das ist ein historischer Tag, sagte Berger. "
        "Jeder Staat müsse jetzt handeln, betonte Lang. Die Kinder würden es uns nie verzeihen, "
        "warnte auch Berger."
    )
    speakers = dict(_speakers(text))
    assert speakers["Jeder Staat müsse jetzt handeln"] == "Lang"
    assert speakers["Die Kinder würden es uns nie verzeihen"] == "Berger"


@pytest.mark.parametrize(
    ("text", "clause", "expected"),
    [
        ("Delegierte und Beobachter fragten sich, warum der Vorsitzende die Sitzung nicht eröffnete.", "warum", True),
        ("Auf einem Blog stellt man sich die Frage, was an dem Rätsel so viele Menschen fasziniert.", "was", True),
        ("Man kann nur hoffen, dass die Stadt die Brücke bald repariert.", "dass", True),
        ("Es bleibt zu hoffen, dass der Winter mild wird.", "dass", True),
        # a first person's hope stands inside someone's quotation (deprec3)
        ("Ich hoffe, dass wir am Samstag drei Punkte holen.", "dass", True),
        ("An jeder Haltestelle hoffen wir, neue Fahrgäste zu gewinnen.", "neue", True),
        # a named subject's hope is its statement (issue 13: quotes-de annotates it)
        ("Der Naturschutzbund hofft jedoch, dass der Wolf im Tal bleiben darf.", "dass", False),
        # a question put to someone, and a statement, are speech
        ("Der Abgeordnete fragte, warum die Brücke noch immer gesperrt sei.", "warum", False),
        ("Der Bürgermeister sagte, dass die Stadt die Brücke bald repariere.", "dass", False),
    ],
)
def test_wondering_and_hoping_are_no_statements(text: str, clause: str, expected: bool) -> None:
    doc, begin, _ = _span(text, clause)
    assert wondering_or_hoping(doc, begin) is expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a comparison sets someone beside the subject: not the speaker
        (
            "Ebenso wie andere Schwellenländer argumentierte Indien, dass die reichen Staaten zahlen müssten.",
            "Schwellenländer",
            True,
        ),
        ("Anders als die Regierung sagte der Bürgermeister, die Brücke bleibe offen.", "Regierung", True),
        # "wie X mitteilte" names the source
        ("Die Brücke bleibt gesperrt, wie die Polizei mitteilte.", "Polizei", False),
    ],
)
def test_a_comparison_names_nobody(text: str, phrase: str, expected: bool) -> None:
    doc, begin, end = _span(text, phrase)
    assert names_nobody(doc, begin, end, lexicon(), [""] * len(doc.tokens)) is expected


def test_the_name_in_apposition_after_a_role_phrase_is_the_speaker() -> None:
    text = "Das soll laut Generalinspekteur der Geheimdienste, Karl Wegner, stimmen."
    doc, begin, end = _span(text, "Generalinspekteur")
    _, nb, ne = _span(text, "Karl Wegner")
    name_type = ["PER" if nb <= i < ne else "" for i in range(len(doc.tokens))]
    mentions = [(begin, end), (nb, ne)]
    assert apposition_name(doc, begin, end, mentions, name_type) == 1
    # a name is its own mention
    assert apposition_name(doc, nb, ne, mentions, name_type) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a genitive name before the source noun owns it
        ("Nach Bergers Darstellung war sein Partner ihm stets unterlegen.", True),
        ("Nach Angaben der Polizei wurde niemand verletzt.", True),
        # "nach" of time or place opens none
        ("Nach Bergers Rückkehr war sein Partner wieder da.", False),
    ],
)
def test_nach_with_a_genitive_owner_opens_a_source_phrase(text: str, expected: bool) -> None:
    doc = prepare(text)
    sent = doc.sentences[0]
    assert (source_phrase_at(doc, 0, sent, lexicon()) is not None) is expected


def _quotes(text: str) -> list[tuple[str, str | None, str | None]]:
    result = get_extractor("de").extract(text)
    names = {e.id: e.name for e in result.entities}
    return [(q.text, q.speaker.text if q.speaker else None, names.get(q.entity or "")) for q in result.quotes]


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Der Händler hat nach eigenen Angaben keine Ware mehr.", "Angaben", True),
        ("Eigenen Angaben zufolge hat die Brauerei investiert.", "Eigenen Angaben", True),
        ("Der Konzern hat nach eigener Darstellung nichts gewusst.", "eigener Darstellung", True),
        # an owner after the noun names the source itself
        ("Nach eigenen Angaben der Polizei wurde niemand verletzt.", "eigenen Angaben", False),
        # no "eigen": an ordinary source phrase
        ("Nach Angaben der Polizei wurde niemand verletzt.", "Angaben", False),
        ("Der eigene Anwalt hat widersprochen.", "Anwalt", False),
    ],
)
def test_own_source_phrase(text: str, phrase: str, expected: bool) -> None:
    doc, begin, end = _span(text, phrase)
    assert own_source_phrase(doc, begin, end, lexicon()) is expected


def test_the_subject_of_an_own_source_phrase_is_first_or_after_the_verb() -> None:
    text = "Eigenen Angaben zufolge hat die Brauerei im Vorjahr in neue Anlagen investiert."
    doc = prepare(text)
    idx = {t.text: t.i for t in doc.tokens}
    cands = [
        (idx["Brauerei"], idx["Brauerei"] + 1),
        (idx["Vorjahr"], idx["Vorjahr"] + 1),
        (idx["Anlagen"], idx["Anlagen"] + 1),
    ]
    assert clause_subject(doc, (0, 2), cands, lexicon()) == 0
    text = "Im Mai ist der Bankmanager Georg Lindner nach eigenen Angaben von seinem Partner betrogen worden."
    doc = prepare(text)
    idx = {t.text: t.i for t in doc.tokens}
    cands = [
        (idx["Mai"], idx["Mai"] + 1),
        (idx["Bankmanager"], idx["Lindner"] + 1),
        (idx["Partner"], idx["Partner"] + 1),
    ]
    assert clause_subject(doc, (idx["eigenen"], idx["Angaben"] + 1), cands, lexicon()) == 1


def test_an_own_source_phrase_is_the_subjects_statement() -> None:
    quotes = _quotes(
        "Der frühere Bankmanager Georg Lindner ist nach eigenen Angaben jahrelang von seinem Partner "
        "betrogen worden. Eigenen Angaben zufolge hat die Brauerei im vergangenen Jahr zwölf Millionen "
        "Euro in neue Anlagen investiert."
    )
    assert [(spk, ent) for _, spk, ent in quotes] == [
        ("eigenen Angaben", "Georg Lindner"),
        ("Eigenen Angaben", "Brauerei"),
    ]


def test_a_speaker_carried_over_keeps_the_entity_of_its_mention() -> None:
    named = Candidate(4, 6, "name")
    carried = Candidate(4, 6, "prev")  # the same mention, found again for a later quote
    att = Attribution(parts=[], speaker=carried, cue=None, speaker_prob=0.9)
    assert _entity(att, {named: "e1"}) == "e1"


@pytest.mark.parametrize(
    ("text", "phrase", "types", "expected"),
    [
        # the second noun phrase a non-source preposition governs
        (
            "Das steht in einem Brief des Rektors an den Senat und das Wissenschaftsministerium.",
            "Wissenschaftsministerium",
            "ORG",
            True,
        ),
        ("Sie verhandelte mit der Gewerkschaft und dem Betriebsrat, hieß es.", "Betriebsrat", "ORG", True),
        # a clause of its own after "und": its subject before a reporting verb
        (
            "Der Minister sprach mit der Gewerkschaft und die Opposition kritisierte, das sei zu spät.",
            "Opposition",
            "ORG",
            False,
        ),
        # a subject after "und" without a preposition before it
        ("Die Gewerkschaft und der Betriebsrat erklärten, man werde streiken.", "Betriebsrat", "ORG", False),
    ],
)
def test_the_second_noun_phrase_of_a_non_source_preposition_names_nobody(
    text: str, phrase: str, types: str, expected: bool
) -> None:
    assert _names_nobody(text, phrase, types) is expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Das geht aus einem Bericht der Statistikbehörde hervor.", "Statistikbehörde", True),
        ("Das geht aus einem Bericht der Statistikbehörde hervor.", "Bericht der Statistikbehörde", True),
        ("Das zeigt eine neue Studie des Instituts für Höhere Studien.", "Instituts", True),
        ("Das sagte der Sprecher der Statistikbehörde.", "Statistikbehörde", False),
    ],
)
def test_the_issuer_of_a_document_is_a_fallback_source(text: str, phrase: str, expected: bool) -> None:
    doc, begin, end = _span(text, phrase)
    assert document_issuer(doc, begin, end) is expected


@pytest.mark.parametrize(
    ("text", "phrase", "types", "expected"),
    [
        # "nach" of time or direction
        ("Nach der Sitzung erzählte sie den Reportern, alles sei ruhig verlaufen.", "Sitzung", "", True),
        ("Nach einem Treffen mit dem Kanzler sagte er, man sei sich einig.", "Treffen", "", True),
        ("Die Regierung will Polizisten nach Bulgarien schicken, sagte der Minister.", "Bulgarien", "LOC", True),
        # "nach" with a source or document noun, a genitive owner or an outlet
        ("Nach Angaben der Polizei wurde niemand verletzt.", "Angaben", "", False),
        ("Nach dem Bericht der Kommission fehlen Lehrer.", "Bericht", "", False),
        ("Nach Bergers Darstellung war alles korrekt.", "Bergers Darstellung", "", False),
        ("Nach Meldungen aus der Hauptstadt gab es Proteste.", "Meldungen", "", False),
        ("Nach dem Kurier haben 200 Menschen protestiert.", "Kurier", "ORG", False),
        # postposed "nach": the source phrase of "ihrer Meinung nach"
        ("Der Plan ist ihrer Meinung nach gescheitert.", "Meinung", "", False),
    ],
)
def test_nach_of_time_or_direction_names_nobody(text: str, phrase: str, types: str, expected: bool) -> None:
    assert _names_nobody(text, phrase, types) is expected


def test_a_declined_role_noun_is_its_holder() -> None:
    quotes = _quotes(
        "Außenminister Sebastian Kurz reiste am Montag nach Belgrad. Die Grenze müsse gesichert werden, "
        "sagte Kurz. Nach den Worten des Außenministers sei die Lage ernst."
    )
    assert [ent for _, _, ent in quotes] == ["Sebastian Kurz", "Sebastian Kurz"]


def test_a_country_genitive_before_a_role_is_no_part_of_the_name() -> None:
    quotes = _quotes(
        "Österreichs Außenminister Sebastian Kurz reiste am Montag nach Belgrad. "
        "Die Grenze müsse gesichert werden, sagte er."
    )
    assert quotes[0][2] == "Sebastian Kurz"


def test_a_source_phrase_opening_the_sentence_beats_a_speaker_carried_over() -> None:
    quotes = _quotes(
        "Finanzminister Karl Brenner kam am Montag nach Linz. Das Budget halte, sagte Brenner. "
        "Die Opposition sieht das anders. Der Klubchef der Grünen, Martin Vogl, sprach von Tricks. "
        "Nach den Worten des Finanzministers sei dennoch kein Sparpaket nötig."
    )
    assert quotes[-1][2] == "Karl Brenner"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nach den Worten des Ministers sei alles geklärt.", ["Worten", "Ministers"]),
        ("Laut Polizei habe es keine Verletzten gegeben.", ["Polizei"]),
        # "nach" of time opens no source phrase
        ("Nach der Sitzung sei alles geklärt.", []),
    ],
)
def test_opening_source(text: str, expected: list[str]) -> None:
    doc = prepare(text)
    cands = [(t.i, t.i + 1) for t in doc.tokens if t.text[:1].isupper() and t.i > 0]
    found = opening_source(doc, 0, cands, lexicon())
    assert [doc.tokens[cands[i][0]].text for i in found] == expected


@pytest.mark.parametrize("day_part", ["Montagmittag", "Montagnachmittag", "Freitagvormittag", "Sonntagfrüh"])
def test_a_time_of_day_after_a_name_is_no_part_of_it(day_part: str) -> None:
    quotes = _quotes(
        "Die Regierung werde bis Ende Februar einen Plan vorlegen. "
        f"Das kündigte Vizekanzler Reinhold Mitterlehner {day_part} nach einer Sitzung an."
    )
    assert quotes[0][2] == "Reinhold Mitterlehner"


def test_a_source_phrase_inside_the_sentence_beats_a_speaker_carried_over() -> None:
    quotes = _quotes(
        "Der Bürgermeister Anton Reiter sprach am Montag von einem schweren Unglück. Zwei Häuser seien "
        "eingestürzt, sagte Reiter. Die Zahl der Verletzten sei inzwischen laut Polizei auf zwölf gestiegen."
    )
    assert quotes[-1][1] == "Polizei"


@pytest.mark.parametrize(
    "text",
    [
        "Angesichts des hohen Preises sei davon auszugehen, dass der Absatz sinke.",
        "Vor Journalisten sagte der Minister, alles sei geklärt.",
        "Gegenüber dem Sender erklärte die Ministerin, alles sei geklärt.",
    ],
)
def test_a_cause_or_an_audience_names_nobody(text: str) -> None:
    doc = prepare(text)
    noun = next(t for t in doc.tokens if t.text in ("Preises", "Journalisten", "Sender"))
    assert names_nobody(doc, noun.i, noun.i + 1, lexicon(), [""] * len(doc.tokens))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nicht wenige bezeichnen die Vorlage als Gefahr.", ["Nicht wenige"]),
        ("Die Lage ist ernst. Viele sagen, das sei erst der Anfang.", ["Viele"]),
        # not before a reporting verb, or not the subject
        ("Viele Häuser wurden zerstört.", []),
        ("Er hat viele gewarnt.", []),
    ],
)
def test_quantifier_subjects(text: str, expected: list[str]) -> None:
    doc = prepare(text)
    found = quantifier_subjects(doc, lexicon())
    assert [" ".join(t.text for t in doc.tokens[b:e]) for b, e in found] == expected


def test_a_quantifier_subject_is_the_speaker_not_the_object() -> None:
    quotes = _quotes(
        "Die Reform gibt dem Premier viel Macht. Nicht wenige bezeichnen die gestern beschlossene Vorlage "
        "als Gefahr, die sich der Premier zurechtgelegt habe."
    )
    assert quotes[0][1:] == ("Nicht wenige", None)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a document in an "in" phrase that opens the sentence, before the verb and a pronoun subject
        ("In einer Aussendung verwies sie auf die hohen Kosten.", "Aussendung", True),
        ("In einer Aussendung verwies sie auf die hohen Kosten.", "einer Aussendung", True),
        ("Im Brief schreibt er, die Sache sei erledigt.", "Brief", True),
        # the document's issuer follows: the phrase names a source
        ("In der Aussendung der Kammer heißt es, die Preise stiegen.", "Aussendung", False),
        # a named subject after the verb, or the phrase not opening the sentence
        ("In einer Aussendung kritisierte die Kammer den Plan.", "Aussendung", False),
        ("Gestern hat sie in einer Aussendung gewarnt.", "Aussendung", False),
    ],
)
def test_a_medium_before_a_pronoun_subject_names_nobody(text: str, phrase: str, expected: bool) -> None:
    doc, begin, end = _span(text, phrase)
    assert names_nobody(doc, begin, end, lexicon(), [""] * len(doc.tokens)) is expected


def test_the_pronoun_after_a_medium_phrase_is_the_speaker() -> None:
    quotes = _quotes("Die Grünen lehnen den Plan ab. In einer Aussendung verwies sie auf hohe Kosten.")
    assert quotes[0][1] == "sie"


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # an inquiry is put to the source, never by it
        ("Laut einer Nachfrage beim Landrat sei die Straße gesperrt.", "einer Nachfrage", True),
        ("Auf Anfrage bei der Gemeinde hieß es, man prüfe das.", "Anfrage", True),
        ("Auf Rückfrage bestätigte die Polizei den Vorfall.", "Rückfrage", True),
        # a document is a source
        ("Laut einer Umfrage sind die meisten dagegen.", "einer Umfrage", False),
    ],
)
def test_an_inquiry_is_nobodys_statement(text: str, phrase: str, expected: bool) -> None:
    doc, begin, end = _span(text, phrase)
    assert not_a_speaker(doc, begin, end, lexicon()) is expected


def test_the_one_asked_is_the_speaker_not_the_inquiry() -> None:
    quotes = _quotes(
        "Der Kreis will Buslinien streichen. Laut einer Nachfrage beim Landrat seien davon nur drei Dörfer betroffen."
    )
    assert [spk for _, spk, _ in quotes] == ["Landrat"]


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # "bei" after an inquiry names the one asked
        ("Laut einer Nachfrage beim Landrat sei die Straße gesperrt.", "Landrat", False),
        # "bei" of a venue inside a clause names nobody
        ("Sie hatte bei der Tagung der Landräte widersprochen.", "Tagung", True),
    ],
)
def test_bei_after_an_inquiry_names_the_one_asked(text: str, phrase: str, expected: bool) -> None:
    doc, begin, end = _span(text, phrase)
    assert names_nobody(doc, begin, end, lexicon(), [""] * len(doc.tokens)) is expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # an interjection opening the sentence before a comma or an exclamation mark
        ("Herrgott, warum gibt niemand den Fehler zu?", "Herrgott", True),
        ("Mensch, das hätte ich nicht gedacht!", "Mensch", True),
        # the same word as a noun phrase, or not opening the sentence
        ("Der Mensch sei kein Werkzeug, sagte die Bischöfin.", "Mensch", False),
        ("Sie sprach vom Himmel, der sich verdunkle.", "Himmel", False),
    ],
)
def test_an_interjection_names_nobody(text: str, phrase: str, expected: bool) -> None:
    doc, begin, end = _span(text, phrase)
    assert names_nobody(doc, begin, end, lexicon(), [""] * len(doc.tokens)) is expected


def test_an_interjection_before_a_direct_quote_is_no_speaker() -> None:
    quotes = _quotes(
        "Die Wirtin schimpfte über die neuen Vorschriften. Herrgott, warum sagt keiner einfach: Das geht so nicht!"
    )
    assert all(spk != "Herrgott" for _, spk, _ in quotes)


@pytest.mark.parametrize(
    ("text", "quote_word", "relative", "antecedent"),
    [
        # a relative reporting clause right before the quote
        ("Unterstützung kam von der Gemeinde Adorf, die ankündigte, das Fest zu finanzieren.", "das", "die", "Adorf"),
        # a relative source phrase
        ("Er stützte sich auf Gutachten der Hochschule, nach denen die Brücke sicher sei.", "die", "denen",
         "Hochschule"),
        ("Sie berief sich auf Regeln, denen zufolge jeder Verein zahlen müsse.", "jeder", "denen", "Regeln"),
        # "wonach" after the noun phrase of a report
        ("Eine Meldung des Senders „Radio Nord“, wonach der Bürgermeister zurücktrete, wurde dementiert.",
         "der", "wonach", "“"),
    ],
)
def test_a_relative_word_introduces_what_its_antecedent_said(
    text: str, quote_word: str, relative: str, antecedent: str
) -> None:
    doc = prepare(text)
    begin = next(
        t.i for t in doc.tokens
        if t.text == quote_word and doc.tokens[t.i - 1].text in (",", "denen", "zufolge", "wonach")
    )
    found = relative_source(doc, begin, lexicon())
    assert found is not None
    pron, comma = found
    assert doc.tokens[pron].text == relative
    assert doc.tokens[comma].text == "," and doc.tokens[comma - 1].text == antecedent


@pytest.mark.parametrize(
    ("text", "quote_word"),
    [
        # a passive relative clause says nothing of the antecedent's
        ("Die Gäste, die erwartet wurden, kamen mit Verspätung an.", "kamen"),
        # a relative clause without a reporting verb
        ("Die Gemeinde Adorf, die das Fest plant, will das Geld sparen.", "will"),
        # a conjunction, no relative word
        ("Die Gemeinde Adorf kündigte an, das Fest zu finanzieren.", "das"),
    ],
)
def test_other_clauses_before_a_quote_name_no_relative_source(text: str, quote_word: str) -> None:
    doc = prepare(text)
    begin = next(t.i for t in doc.tokens if t.text == quote_word and doc.tokens[t.i - 1].text == ",")
    assert relative_source(doc, begin, lexicon()) is None


_OPENER_TEXT = (
    "Die Ministerin sagte, das Gesetz komme bald. Am Abend tagte der Ausschuss lange.\n\n"
    "Bürgermeister Karl Brenner eröffnete die Sitzung. Man habe keine Zeit mehr zu verlieren. "
    "Stadtrat Udo Hein bat um Ruhe. Es gehe um die Zukunft der Stadt.\n\n"
    "Demnach wurde die Sitzung vertagt. Eine Einigung sei nicht in Sicht."
)


def _opener(quote: str, speaker: str, cands: list[str]) -> str | None:
    """``opener_before`` for the quote starting with ``quote``, its speaker ``speaker`` and the
    candidate mentions ``cands`` (first occurrences), as the phrase it picks."""
    spans = [_span(_OPENER_TEXT, c)[1:] for c in cands]
    doc, begin, _ = _span(_OPENER_TEXT, quote)
    i = opener_before(doc, begin, _span(_OPENER_TEXT, speaker)[1:], spans)
    return None if i is None else cands[i]


def test_the_mention_opening_the_paragraph_before_a_free_indirect_quote() -> None:
    """A Konjunktiv I sentence after a paragraph's first sentence that opens with a mention is
    that mention's statement, not that of a speaker named further back."""
    names = ["Die Ministerin", "Bürgermeister Karl Brenner", "Stadtrat Udo Hein", "Demnach"]
    assert _opener("Man habe", "Die Ministerin", names) == "Bürgermeister Karl Brenner"
    # the sentence before does not open its paragraph
    assert _opener("Es gehe", "Die Ministerin", names) is None
    # the speaker stands in the sentence right before: nothing to replace
    assert _opener("Man habe", "Bürgermeister Karl Brenner", names) is None
    # the quote does not open its sentence
    assert _opener("keine Zeit", "Die Ministerin", names) is None
    # an adverb opening the sentence before names nobody
    assert _opener("Eine Einigung", "Die Ministerin", names) is None


@pytest.mark.parametrize(
    ("text", "words", "agent"),
    [
        # the agent of a passive reporting verb is the speaker (2-fold CV: "Die Forderungen
        # Berningers wurden von Bundesverkehrsminister Manfred Stolpe als unrealistisch bezeichnet")
        ("Die Pläne der Stadt wurden von Verkehrsministerin Anna Berger als unrealistisch bezeichnet.",
         ["Pläne", "Stadt", "Verkehrsministerin Anna Berger"], "Verkehrsministerin Anna Berger"),
        ("Seine Bilder werden von Kritikern als „Meilensteine der Malerei“ gelobt.", ["Bilder", "Kritikern"],
         "Kritikern"),
        ("Der Vorschlag wurde gestern vom Stadtrat abgelehnt.", ["Vorschlag", "Stadtrat"], "Stadtrat"),
        # no reporting verb: a deed, not a statement
        ("Die Brücke wurde von Arbeitern der Firma repariert.", ["Brücke", "Arbeitern"], None),
        # the participle of another clause
        ("Die Halle wurde von Helfern gereinigt, bestätigt hat das niemand.", ["Halle", "Helfern"], None),
    ],
)
def test_the_agent_of_a_passive_reporting_clause(text: str, words: list[str], agent: str | None) -> None:
    doc = prepare(text)
    cands = [_span(text, w)[1:] for w in words]
    got = passive_agent(doc, 0, cands, lexicon())  # type: ignore[arg-type]
    assert (None if got is None else words[got]) == agent

