"""Reported speech without a clause, zu-infinitive complements and speech nouns with a
dass-clause (issue 13 p4): onrecord.lang.de.rules, on sentences written for the project."""

from __future__ import annotations

import pytest

from onrecord.lang.de.labels import TokenSpan
from onrecord.lang.de.rules import rule_quotes
from onrecord.lang.de.tokens import PreparedDoc, prepare


def words(doc: PreparedDoc, span: TokenSpan) -> str:
    return doc.text[doc.tokens[span.begin].start : doc.tokens[span.end - 1].end]


def spans_of(text: str) -> list[tuple[str, str]]:
    doc = prepare(text)
    return [(s.cls, words(doc, s)) for s in rule_quotes(doc, [])]


def assert_reported(sentence: str, cue: str, speaker: str) -> None:
    """The whole sentence is a reported statement with this cue and speaker among its spans."""
    found = spans_of(sentence)
    assert found[0] == ("RQ", sentence)
    assert ("CUE", cue) in found
    assert ("SPK", speaker) in found


@pytest.mark.parametrize(
    ("sentence", "cue", "speaker"),
    [
        ("Die Bürgermeisterin forderte eine rasche Sanierung der Brücke.", "forderte", "Die Bürgermeisterin"),
        ("Der Fußballverband kündigte strengere Kontrollen vor dem Stadion an.", "kündigte", "Der Fußballverband"),
        ("Am Dienstag gab die Molkerei ihre Schließung bekannt.", "gab", "die Molkerei"),
        ("Die Opposition warf dem Landesrat Untätigkeit vor.", "warf", "Die Opposition"),
        ("Der Gutachter beschrieb den Zustand des Daches als bedenklich.", "beschrieb", "Der Gutachter"),
        ("Sie begründete ihren Rücktritt mit familiären Gründen.", "begründete", "Sie"),
        ("Der Trainer bezeichnete die Niederlage als verdient.", "bezeichnete", "Der Trainer"),
        ("Die Gewerkschaft hat höhere Löhne für das Pflegepersonal gefordert.", "hat", "Die Gewerkschaft"),
    ],
)
def test_a_speech_act_without_a_clause_is_a_reported_statement(sentence: str, cue: str, speaker: str) -> None:
    """Subject + speech-act verb + object: the whole sentence is the reported quote (as
    quotes-de marks it), the finite verb its cue and the subject its speaker."""
    assert spans_of(sentence) == [("RQ", sentence), ("CUE", cue), ("SPK", speaker)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Das Hochwasser forderte im Tal mehrere Todesopfer.",  # a disaster takes lives, says nothing
        "Drei Todesopfer forderte der Sturm in der Nacht.",  # the same with the object first
        "Die Sanierung kostete viel Geld.",  # no speech act at all
        "Dies gab die Vereinsführung am Abend bekannt.",  # the sentence before is the statement
        "Die Anrainer sprachen am Abend lange miteinander.",  # "sprechen" needs "von"
    ],
)
def test_no_speech_act(sentence: str) -> None:
    assert spans_of(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "quote", "cue", "speaker"),
    [
        ("Der Händler gab an, die Ware bereits im März bezahlt zu haben.",
         "die Ware bereits im März bezahlt zu haben", "gab", "Der Händler"),
        ("Die Mieterin bestand darauf, den Vertrag vorzeitig aufzulösen.",
         "den Vertrag vorzeitig aufzulösen", "bestand", "Die Mieterin"),
        ("Im Herbst hatte der Bürgermeister angekündigt, die Gebühren nicht zu erhöhen.",
         "die Gebühren nicht zu erhöhen", "angekündigt", "der Bürgermeister"),
    ],
)
def test_a_zu_infinitive_after_a_speech_verb_is_an_indirect_quote(
    sentence: str, quote: str, cue: str, speaker: str
) -> None:
    assert spans_of(sentence) == [("IQ", quote), ("CUE", cue), ("SPK", speaker)]


def test_a_passive_speech_verb_gives_the_infinitive_without_a_speaker() -> None:
    assert spans_of("Dem Wirt wird vorgeworfen, Steuern hinterzogen zu haben.") == [
        ("IQ", "Steuern hinterzogen zu haben"),
        ("CUE", "vorgeworfen"),
    ]


def test_an_infinitive_of_purpose_is_no_statement() -> None:
    assert spans_of("Die Feuerwehr rückte aus, um den Brand zu löschen.") == []


@pytest.mark.parametrize(
    ("sentence", "quote", "cue", "speaker"),
    [
        ("Der Betriebsrat erhob den Vorwurf, dass die Firma Überstunden nicht bezahlt.",
         "dass die Firma Überstunden nicht bezahlt", "Vorwurf", "Der Betriebsrat"),
        ("Die Forderung der Eltern, dass der Schulbus öfter fährt, blieb unbeantwortet.",
         "dass der Schulbus öfter fährt, blieb unbeantwortet", "Forderung", "der Eltern"),
        ("Anrainer äußerten Bedenken, dass der Lärm zunehmen werde.",
         "dass der Lärm zunehmen werde", "Bedenken", "Anrainer"),
        ("Die Polizei gab den Hinweis, dass die Straße gesperrt bleibt.",
         "dass die Straße gesperrt bleibt", "Hinweis", "Die Polizei"),
    ],
)
def test_a_speech_noun_with_a_dass_clause_is_an_indirect_quote(
    sentence: str, quote: str, cue: str, speaker: str
) -> None:
    assert spans_of(sentence) == [("IQ", quote), ("CUE", cue), ("SPK", speaker)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Es besteht die Möglichkeit, dass der Zug später fährt.",
        "Es gilt die Voraussetzung, dass alle Formulare vorliegen.",
        "Stimmen wurden laut, die Halle sei zu klein.",
    ],
)
def test_possibility_condition_and_rumour_are_no_quotes(sentence: str) -> None:
    assert spans_of(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "quote", "cue", "speaker"),
    [
        ("Der Pfarrer kommt aus dem Nachbardorf und erzählt: Wir feiern hier jeden Sommer ein großes Fest.",
         "Wir feiern hier jeden Sommer ein großes Fest.", "erzählt", "Der Pfarrer"),
        ("Die Wirtin räumt aber gleich ein: Das Geschäft lief schon vorher schlecht.",
         "Das Geschäft lief schon vorher schlecht.", "räumt", "Die Wirtin"),
        ("Die Lage sei ernst, so die Sprecherin: Wir brauchen jetzt mehr Personal.",
         "Wir brauchen jetzt mehr Personal.", "so", "die Sprecherin"),
    ],
)
def test_speech_after_a_colon_without_quote_marks_is_a_direct_quote(
    sentence: str, quote: str, cue: str, speaker: str
) -> None:
    """Texts whose quote marks were stripped (as in the derStandard corpus) introduce direct
    speech with a colon after the cue."""
    assert spans_of(sentence) == [("DQ", quote), ("CUE", cue), ("SPK", speaker)]


@pytest.mark.parametrize(
    "sentence",
    [
        "In der Luft fanden die Forscher Spuren von Gasen: Methan, Ammoniak oder Stickstoff.",  # a list
        "Das Ergebnis ist klar: Die Gemeinde baut eine neue Halle.",  # no speech verb before the colon
        "Die Ministerin sieht es nüchtern: Die Reform kommt zu spät.",  # "sehen" is no speech verb alone
    ],
)
def test_a_colon_without_a_speech_verb_is_no_quote(sentence: str) -> None:
    assert spans_of(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "cue", "speaker"),
    [
        ("Die Bürgermeisterin hält den Ausbau der Umfahrung für einen Fehler.", "hält", "Die Bürgermeisterin"),
        ("Der Mieterverband befürchtet einen weiteren Anstieg der Betriebskosten.", "befürchtet", "Der Mieterverband"),
        ("Der Bischof appellierte an die Regierung, die Grenze offen zu halten.", "appellierte", "Der Bischof"),
        ("Die Richterin wertete das Geständnis als mildernd.", "wertete", "Die Richterin"),
        ("Die Elternvereine riefen zum Boykott der Schulfeier auf.", "riefen", "Die Elternvereine"),
        # a short bracket after the subject belongs to it
        ("Der Rechnungshof (RH) forderte eine Reform der Förderungen.", "forderte", "Der Rechnungshof (RH)"),
    ],
)
def test_more_speech_acts_without_a_clause(sentence: str, cue: str, speaker: str) -> None:
    assert_reported(sentence, cue, speaker)


@pytest.mark.parametrize(
    "sentence",
    [
        "Nicht angemeldete Streiks der Lotsen haben den Flugverkehr zum Erliegen gebracht.",  # "erklären" is no entry
        "Die Anrainer halten seit Jahren Hühner im Garten.",  # "halten" needs "für"
    ],
)
def test_no_speech_act_in_look_alikes(sentence: str) -> None:
    assert spans_of(sentence) == []


def test_the_object_after_the_verb_is_no_subject() -> None:
    # no adverbial opens the sentence: "einen Unfall" after the verb is its object
    found = spans_of("Die Gutachter vor Ort schlossen einen Unfall als Ursache des Brandes aus.")
    assert ("SPK", "einen Unfall") not in found


@pytest.mark.parametrize(
    ("sentence", "cue", "speaker"),
    [
        # a name in commas after the subject is its apposition
        ("Die Leiterin des Spitals, Maria Gruber, forderte mehr Personal für die Notaufnahme.",
         "forderte", "Die Leiterin des Spitals, Maria Gruber"),
        ("Der Finanzminister stellte den Gemeinden eine Entlastung in Aussicht.", "stellte", "Der Finanzminister"),
        ("Die Bauern wehrten sich gegen die neuen Auflagen.", "wehrten", "Die Bauern"),
    ],
)
def test_speech_acts_with_an_apposition_or_a_fixed_phrase(sentence: str, cue: str, speaker: str) -> None:
    assert_reported(sentence, cue, speaker)


@pytest.mark.parametrize(
    ("sentence", "cue", "speaker"),
    [
        # "Das" before a noun is an article, not the pronoun of "Das berichtete X."
        ("Das Bezirksgericht hat eine neue Prüfung der Unterlagen angekündigt.", "hat", "Das Bezirksgericht"),
        # a quoted name inside the sentence is no quotation
        ("Der Radclub forderte mehr Stellplätze an der „Grünen Meile“ in der Innenstadt.", "forderte", "Der Radclub"),
        # coordinated subjects
        ("Die Bäckerinnung und der Handelsverband kritisierten die neuen Öffnungszeiten.", "kritisierten",
         "Die Bäckerinnung und der Handelsverband"),
        # an apposition with its article in commas
        ("Petra Lindner, die Leiterin des Tierheims, warnte vor dem Kauf von Welpen im Internet.", "warnte",
         "Petra Lindner"),
        # a focus particle before the subject
        ("Auch die Elternvertreter verlangten eine Verschiebung der Prüfung.", "verlangten", "die Elternvertreter"),
        # a two-word particle in the perfect
        ("Die Brauerei hat ihren Verkauf an einen Konzern bekannt gegeben.", "hat", "Die Brauerei"),
        # "sich aussprechen für"
        ("Der Stadtrat sprach sich für eine autofreie Altstadt aus.", "sprach", "Der Stadtrat"),
    ],
)
def test_more_speech_act_subjects(sentence: str, cue: str, speaker: str) -> None:
    """Subjects the first speech-act rule missed: an article "Das", quoted names, coordination,
    appositions, a focus particle first; and "bekannt gegeben", "sprach sich … aus"."""
    found = spans_of(sentence)
    assert found[0] == ("RQ", sentence)
    assert ("CUE", cue) in found
    assert ("SPK", speaker) in found or any(c == "SPK" and s.startswith(speaker) for c, s in found)


def test_a_quoted_judgement_is_the_direct_quote() -> None:
    """"X nannte Y einen „…“": the quoted predicate is X's own words (as quotes-de marks it),
    not the whole sentence."""
    found = spans_of("Der Bürgermeister nannte den Vorschlag einen „Schildbürgerstreich“.")
    assert found[0][0] == "DQ" and "Schildbürgerstreich" in found[0][1] and "nannte" not in found[0][1]
    assert ("SPK", "Der Bürgermeister") in found


def test_a_quoted_statement_keeps_the_sentence_out() -> None:
    """A long quoted stretch is speech of its own: no speech-act rule quote over the sentence."""
    assert spans_of("Die Ärztin forderte „eine sofortige Schließung aller Bäder im ganzen Land“ wegen der Keime.") == []


@pytest.mark.parametrize(
    ("sentence", "cue", "speaker"),
    [
        ("Die Wirtschaftskammer sieht in der neuen Steuer eine Gefahr für kleine Betriebe.",
         "sieht", "Die Wirtschaftskammer"),
        ("Der Hüttenwirt weist auf die Lawinengefahr oberhalb der Alm hin.", "weist", "Der Hüttenwirt"),
        ("Die Versicherung bezifferte den Schaden auf drei Millionen Euro.", "bezifferte", "Die Versicherung"),
        ("Die Veranstalter hatten mit deutlich mehr Besuchern gerechnet.", "hatten", "Die Veranstalter"),
        ("Die Schülerinnen klagten über zu viele Prüfungen im Juni.", "klagten", "Die Schülerinnen"),
        ("Der Bürgermeister würdigte die Feuerwehr als Rückgrat des Dorfes.", "würdigte", "Der Bürgermeister"),
    ],
)
def test_speech_acts_of_issue_13_item_4(sentence: str, cue: str, speaker: str) -> None:
    """Verbs of judging, estimating and pointing out with their preposition (issue 13 item 4)."""
    assert_reported(sentence, cue, speaker)


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Besucher sahen nach zehn Minuten das erste Tor.",  # "sehen" needs "in" or "als"
        "Der Verein weist jedes Jahr neue Mitglieder auf.",  # "aufweisen" is no "hinweisen"
        "Die Räte wiesen den Antrag der Opposition zurück.",  # "zurückweisen" is no entry: mostly no quote
    ],
)
def test_no_speech_act_in_look_alikes_of_issue_13_item_4(sentence: str) -> None:
    assert spans_of(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "cue", "speaker"),
    [
        ("Von der Bürgerliste wurde der Neubau als Verschwendung kritisiert.", "kritisiert", "der Bürgerliste"),
        ("Das Konzert wurde von den Veranstaltern als großer Erfolg gewertet.", "gewertet", "den Veranstaltern"),
        ("Die Lawinengefahr wird vom Warndienst als erheblich eingestuft.", "eingestuft", "Warndienst"),
        ("Von Seiten der Eltern war eine längere Betreuungszeit gefordert worden.", "gefordert", "Seiten der Eltern"),
    ],
)
def test_a_passive_speech_act_with_its_agent_is_a_reported_statement(sentence: str, cue: str, speaker: str) -> None:
    """A speech act in the passive whose agent follows "von"/"vom" (issue 13 item 4): the whole
    sentence is the agent's reported statement, the participle its cue."""
    assert spans_of(sentence) == [("RQ", sentence), ("CUE", cue), ("SPK", speaker)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Mit der Ankunft des Sonderzuges wird am späten Abend gerechnet.",  # no agent: the reporter's account
        "Nach dem Hochwasser wird der Ausbruch von Seuchen befürchtet.",  # "von Seuchen" is no agent
        "Der Preis des Grundstücks wurde von der Gemeinde nicht genannt.",  # naming nothing is no statement
    ],
)
def test_no_passive_speech_act_without_an_agent(sentence: str) -> None:
    assert spans_of(sentence) == []


def test_a_demonstrative_passive_makes_the_sentence_before_the_statement() -> None:
    text = "Die Bäder der Stadt öffnen schon im April. Das wurde vom Bürgermeister am Montag bekannt gegeben."
    assert spans_of(text) == [
        ("IQ", "Die Bäder der Stadt öffnen schon im April"),
        ("CUE", "gegeben"),
        ("SPK", "Bürgermeister"),
    ]


def test_a_question_is_no_speech_act() -> None:
    """A question asks; it reports no one's act (cross-genre dev2 prints readers' posts)."""
    assert spans_of("Wie viele Rehe sieht die Jägerin in diesem Wald?") == []


@pytest.mark.parametrize(
    ("sentence", "cue", "speaker"),
    [
        # a place attribute belongs to the subject before the verb
        ("Die Bergrettung im Zillertal forderte strengere Regeln für Tourengeher.",
         "forderte", "Die Bergrettung im Zillertal"),
        # a list of subjects with commas
        ("Die Vereine Naturfreunde, Alpenverein und Bergwacht kritisierten die Seilbahn.",
         "kritisierten", "Die Vereine Naturfreunde, Alpenverein und Bergwacht"),
        # an adverb between the subject and its verb
        ("Die Freiheitlichen hingegen sehen in dem Gesetz einen Angriff auf die Gemeinden.",
         "sehen", "Die Freiheitlichen"),
        # a focus particle before a long subject
        ("Auch der Verband der steirischen Gastwirte kritisierte die neue Sperrstunde.",
         "kritisierte", "der Verband der steirischen Gastwirte"),
        # a capitalised adjective after the article
        ("Das Rote Kreuz forderte mehr Freiwillige für den Katastrophendienst.",
         "forderte", "Das Rote Kreuz"),
    ],
)
def test_speech_acts_with_longer_subjects(sentence: str, cue: str, speaker: str) -> None:
    """Subjects the speech-act rule missed in quotes-de/train (issue 13 item 4)."""
    assert_reported(sentence, cue, speaker)


@pytest.mark.parametrize(
    ("sentence", "cue", "speaker"),
    [
        ("Die Gemeinderätin hat eine Anfrage angekündigt, die den Winterdienst betrifft.", "hat", "Die Gemeinderätin"),
        ("Die Ermittler gehen von einem Racheakt aus, der lange geplant war.", "gehen", "Die Ermittler"),
    ],
)
def test_a_speech_act_before_a_relative_clause(sentence: str, cue: str, speaker: str) -> None:
    """The participle or particle of the speech act closes its main clause, not the sentence."""
    assert_reported(sentence, cue, speaker)


def test_a_needed_word_inside_the_relative_clause_does_not_count() -> None:
    # "halten" needs "für": here it stands in the relative clause, "eine Rede halten" says nothing
    assert spans_of("Der Bischof hatte eine kurze Rede gehalten, die für Aufsehen sorgte.") == []


@pytest.mark.parametrize(
    ("sentence", "cue", "speaker", "clause"),
    [
        (
            "Die Stadtverwaltung geht davon aus, dass die Brücke im Frühjahr wieder befahrbar ist.",
            "geht",
            "Die Stadtverwaltung",
            "dass die Brücke im Frühjahr wieder befahrbar ist",
        ),
        (
            "Der Sportverein hofft, dass der Neubau der Halle noch in diesem Jahr beginnt.",
            "hofft",
            "Der Sportverein",
            "dass der Neubau der Halle noch in diesem Jahr beginnt",
        ),
    ],
)
def test_a_dass_clause_after_a_reporting_verb_is_an_indirect_quote(
    sentence: str, cue: str, speaker: str, clause: str
) -> None:
    """A reporting verb of the cue lexicon with ", dass": the dass-clause is the statement, the
    verb its cue and the subject its speaker (issue 13 p7)."""
    assert spans_of(sentence) == [("IQ", clause), ("CUE", cue), ("SPK", speaker)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Der Regen war so stark, dass die Feuerwehr mehrere Keller auspumpen musste.",  # consecutive
        "Die Halle wurde so gebaut, dass sie im Winter kaum geheizt werden muss.",  # no cue verb
    ],
)
def test_a_consecutive_dass_clause_is_no_quote(sentence: str) -> None:
    assert spans_of(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Es wird erwartet, dass der Fluss am Wochenende über die Ufer tritt.",  # no agent: the reporter
        "Der Wirt, der wusste, dass der Gast nicht zahlen würde, schloss die Tür ab.",  # relative clause
        "Es ist damit zu rechnen, dass die Mieten im Herbst weiter steigen.",  # no agent: the reporter
        "Ruhe finden die Nachbarn erst dadurch, dass die Baustelle nachts stillsteht.",  # a means
    ],
)
def test_a_dass_clause_of_an_agentless_passive_or_a_relative_clause_is_no_quote(sentence: str) -> None:
    assert spans_of(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "cue", "clause"),
    [
        # a quoted name in the sentence is no quoted speech of its own
        ("Die Zeitung „Abendblatt“ berichtet, dass der Bahnhof im Mai schließt.", "berichtet",
         "dass der Bahnhof im Mai schließt"),
        # a name in commas between the verb and its particle
        ("Am Montag gab der Leiter der Feuerwehr, Paul Egger, bekannt, dass die Ursache des Brandes geklärt sei.",
         "gab", "dass die Ursache des Brandes geklärt sei"),
        # a separable reporting verb whose particle closes the clause
        ("Die Brauerei gab am Freitag bekannt, dass sie den Betrieb im Sommer einstellt.", "gab",
         "dass sie den Betrieb im Sommer einstellt"),
        # news made public, with no one named
        ("Im Herbst wurde bekannt, dass die Brauerei verkauft werden soll.", "bekannt",
         "dass die Brauerei verkauft werden soll"),
        ("Zuvor war bereits bekannt geworden, dass der Bürgermeister nicht mehr kandidiert.", "bekannt",
         "dass der Bürgermeister nicht mehr kandidiert"),
    ],
)  # fmt: skip
def test_more_dass_clauses_are_indirect_quotes(sentence: str, cue: str, clause: str) -> None:
    """Issue 13 item 7: dass-clauses the reporting-verb rule left out before (a quoted name in
    the sentence, an apposition or a separable particle before the comma, "wurde bekannt")."""
    found = spans_of(sentence)
    assert found[:2] == [("IQ", clause), ("CUE", cue)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Es ist bekannt, dass Rauchen der Gesundheit schadet.",  # general knowledge, not news made public
        # inside another clause, whose particle closes the sentence
        "Neue Plakate tauchten, nachdem bekannt geworden war, dass die Liste bei der Wahl antritt, auf.",
    ],
)
def test_bekannt_dass_that_is_no_quote(sentence: str) -> None:
    assert spans_of(sentence) == []


def test_a_wonach_clause_after_a_noun_is_an_indirect_quote() -> None:
    """", wonach …" after a noun reports what the noun says; its antecedent is found as the
    speaker later (relative_source), so the rule adds the quote and the cue only."""
    found = spans_of("Die Behörde bestätigte einen Bericht der Zeitung, wonach die Schule im Sommer geschlossen wird.")
    assert found == [("IQ", "die Schule im Sommer geschlossen wird"), ("CUE", "wonach")]


@pytest.mark.parametrize(
    ("sentence", "cue", "clause"),
    [
        ("Es gibt auch Gerüchte, nach denen der Sänger schwer krank war.", "nach", "der Sänger schwer krank war"),
        ("Sie verwies auf Grundsätze, denen zufolge jeder Bürger als unschuldig gilt.", "denen",
         "jeder Bürger als unschuldig gilt"),
    ],
)  # fmt: skip
def test_a_relative_source_phrase_is_an_indirect_quote(sentence: str, cue: str, clause: str) -> None:
    assert spans_of(sentence) == [("IQ", clause), ("CUE", cue)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Gäste aßen zuerst, wonach sie am See spazieren gingen.",  # temporal "wonach" after no noun
        "Er kam in die Stadt, nach der er sich lange gesehnt hatte.",  # "sich sehnen nach", no source
        "Der Antrag, nach welchem die Fahne ersetzt werden sollte, scheiterte.",  # the clause ends inside
    ],
)
def test_relative_clauses_that_are_no_source(sentence: str) -> None:
    assert spans_of(sentence) == []


def test_a_konjunktiv_clause_after_a_reporting_verb_is_an_indirect_quote() -> None:
    """A reported clause in Konjunktiv I without "dass" after a reporting verb of the cue lexicon."""
    assert spans_of("Der Angeklagte hatte vor Gericht erklärt, er sei unschuldig.") == [
        ("IQ", "er sei unschuldig"), ("CUE", "erklärt"), ("SPK", "Der Angeklagte"),
    ]


def test_a_konjunktiv_clause_inside_a_relative_clause_is_no_quote() -> None:
    assert spans_of("Der Mann, der erklärte, er sei krank, ging nach Hause.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        # a first person speaks inside someone's quotation (10kGNAD loses the marks)
        "Wir wussten, dass die Chancen auf einen Sieg gering waren.",
        "Ich weiß, dass die Mannschaft noch viel lernen muss.",
        # a generic subject
        "Bisher hatte man angenommen, dass an dieser Stelle eine Kapelle stand.",
        "Wer nicht weiß, dass die Funktion aktiviert ist, zahlt am Ende mehr.",
        # showing is no speech unless a study shows it
        "Die neuen Aufnahmen zeigen, dass der Gletscher schneller schmilzt als gedacht.",
        "Ein Vergleich zeigt, dass die Kosten geringer sind als befürchtet.",
    ],
)
def test_a_dass_clause_of_a_first_person_a_generic_subject_or_a_showing_is_no_quote(sentence: str) -> None:
    """deprec3: false quotes of the cue-lexicon dass rule on unlabelled 10kGNAD rows."""
    assert spans_of(sentence) == []


def test_a_study_that_shows_a_dass_clause_stays_a_quote() -> None:
    found = spans_of("Die Untersuchung der Kammer zeigt, dass viele Betriebe keine Lehrlinge finden.")
    assert ("IQ", "dass viele Betriebe keine Lehrlinge finden") in found


def test_a_wonach_clause_after_a_rule_that_the_sentence_runs_past_is_no_quote() -> None:
    """", wonach …" after a noun that reports nothing ("Verordnung"), when the sentence goes on
    after the relative clause, is no statement (deprec3)."""
    sentence = "Die neue Verordnung, wonach Sparer bei einer Pleite zahlen müssen, belastet die Banken."
    assert spans_of(sentence) == []
