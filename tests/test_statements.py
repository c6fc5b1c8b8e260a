"""Statements across articles (issue 18.1): normalisation, grouping, order independence, wire copies.

All texts here are written for these tests.
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

import pytest

from onrecord.errors import DataError, InputError
from onrecord.evaluation import statement_pairs
from onrecord.statements import (
    MatchParams,
    Occurrence,
    candidate_pairs,
    comparable,
    find_wire_copies,
    group_statements,
    normalize,
    same_statement,
    statement_id,
    verbatim_parts,
)

MAYOR = "ent:mayor-hollweg"
MINISTER = "ent:minister-adebayo"


def _occurrences() -> list[Occurrence]:
    return [
        # one statement, four renderings: full, cut (headline), re-punctuated, lightly re-worded
        Occurrence(
            "a1#q1",
            MAYOR,
            "„Die neue Brücke wird im Frühling fertig, und sie kostet keinen Cent mehr als geplant“",
            "direct",
        ),
        Occurrence("a2#q4", MAYOR, '"Die neue Brücke wird im Frühling fertig"', "direct"),
        Occurrence(
            "a3#q2",
            MAYOR,
            "Die neue Brücke wird im Frühling fertig – und sie kostet keinen Cent mehr als geplant!",
            "direct",
        ),
        Occurrence(
            "a4#q1",
            MAYOR,
            "Die neue Brücke wird im Frühling fertig, und sie kostet keinen einzigen Cent mehr als geplant",
            "direct",
        ),
        # its paraphrase in reported speech: a statement of its own
        Occurrence(
            "a5#q3", MAYOR, "die neue Brücke werde im Frühling fertig und koste nicht mehr als geplant", "indirect"
        ),
        # same speaker, another statement with many shared words
        Occurrence(
            "a6#q2",
            MAYOR,
            "Die neue Brücke wird im Herbst gesperrt, und sie kostet deutlich mehr als geplant",
            "direct",
        ),
        # same words, another speaker
        Occurrence(
            "a7#q1",
            MINISTER,
            "Die neue Brücke wird im Frühling fertig, und sie kostet keinen Cent mehr als geplant",
            "direct",
        ),
        # no speaker: never grouped
        Occurrence("a8#q1", "", "Die neue Brücke wird im Frühling fertig", "direct"),
        Occurrence("a9#q1", "", "Die neue Brücke wird im Frühling fertig", "direct"),
    ]


def _groups(statements: list) -> set[frozenset[str]]:
    return {frozenset(s.keys) for s in statements}


def test_normalize_removes_quote_marks_punctuation_case_and_spacing() -> None:
    assert normalize("„Wir  schaffen DAS!“") == "wir schaffen das"
    assert normalize('"wir schaffen das"') == normalize("»Wir schaffen das«") == normalize("‚Wir – schaffen, das …‘")
    assert normalize("Straße") == normalize("STRASSE")
    assert normalize("Es geht nicht") != normalize("Es geht")


def test_grouping_joins_cut_repunctuated_and_reworded_but_not_paraphrase_or_other_speakers() -> None:
    groups = _groups(group_statements(_occurrences()))
    assert frozenset({"a1#q1", "a2#q4", "a3#q2", "a4#q1"}) in groups
    assert frozenset({"a5#q3"}) in groups  # paraphrase stays separate
    assert frozenset({"a6#q2"}) in groups  # same speaker, other statement
    assert frozenset({"a7#q1"}) in groups  # same words, other speaker
    assert frozenset({"a8#q1"}) in groups and frozenset({"a9#q1"}) in groups
    assert len(groups) == 6


def test_same_statement_is_symmetric_and_respects_speaker() -> None:
    occs = {o.key: o for o in _occurrences()}
    assert same_statement(occs["a1#q1"], occs["a3#q2"]) and same_statement(occs["a3#q2"], occs["a1#q1"])
    assert not same_statement(occs["a1#q1"], occs["a5#q3"])
    assert not same_statement(occs["a1#q1"], occs["a7#q1"])
    assert not same_statement(occs["a8#q1"], occs["a9#q1"])


def test_a_verbatim_cut_inside_reported_speech_joins_but_a_reworded_one_does_not() -> None:
    mixed = Occurrence("b1#q1", MINISTER, 'Pendler seien "das Rückgrat unserer regionalen Wirtschaft"', "mixed")
    reported = Occurrence(
        "b2#q1", MINISTER, "Pendler seien das Rückgrat unserer regionalen Wirtschaft, sagte sie am Montag", "indirect"
    )
    reworded = Occurrence(
        "b3#q1", MINISTER, "Pendler seien ein Rückgrat der regionalen Wirtschaft, sagte sie am Montag", "indirect"
    )
    assert same_statement(mixed, reported)
    assert not same_statement(mixed, reworded)
    # the same reworded pair within one mode passes the ordinary threshold
    assert same_statement(reported, reworded)


def test_grouping_and_ids_do_not_depend_on_input_order() -> None:
    occs = _occurrences()
    reference = group_statements(occs)
    for seed in range(8):
        shuffled = occs[:]
        random.Random(seed).shuffle(shuffled)
        assert group_statements(shuffled) == reference
    ids = [s.id for s in reference]
    assert len(set(ids)) == len(ids)
    full = next(s for s in reference if "a1#q1" in s.keys)
    assert full.id == statement_id(MAYOR, normalize(full.text))  # content hash of the representative
    assert "keinen einzigen Cent" in full.text  # the longest occurrence represents the statement


def test_statement_id_changes_with_content_not_with_keys() -> None:
    first = group_statements(
        [Occurrence("x#1", MAYOR, "Wir bauen eine Schule"), Occurrence("y#1", MAYOR, "Wir bauen eine Schule!")]
    )
    renamed = group_statements(
        [Occurrence("k#9", MAYOR, "Wir bauen eine Schule"), Occurrence("m#2", MAYOR, "Wir bauen eine Schule!")]
    )
    other = group_statements([Occurrence("x#1", MAYOR, "Wir bauen ein Bad")])
    assert [s.id for s in first] == [s.id for s in renamed]
    assert first[0].id != other[0].id


def test_duplicate_occurrence_key_is_refused() -> None:
    with pytest.raises(InputError):
        group_statements([Occurrence("k", MAYOR, "Eins zwei drei"), Occurrence("k", MAYOR, "Vier fünf sechs")])


_BODY = (
    "Der Stadtrat von Kellerbach hat am Dienstag den Bau einer Fußgängerbrücke über die Lauter beschlossen. "
    "Die Brücke soll den Bahnhof mit dem neuen Wohngebiet am Nordufer verbinden und im kommenden Frühling "
    "fertig werden. Die Kosten von 4,2 Millionen Euro teilen sich Land und Gemeinde. Gegen das Projekt hatte "
    "eine Bürgerinitiative zweihundert Unterschriften gesammelt, weil sie um die Uferwiesen fürchtet. "
    "Die Bürgermeisterin versprach, dass die Wiesen erhalten bleiben und zusätzlich dreißig Bäume gepflanzt werden."
)
_BOILERPLATE = "Der vollständige Text dieser Agenturmeldung ist aus rechtlichen Gründen nicht mehr verfügbar."


def test_wire_copies_flag_near_identical_bodies_but_not_shared_boilerplate() -> None:
    cut_copy = "Kellerbach – " + _BODY.rsplit(" Die Bürgermeisterin", 1)[0].replace("4,2 Millionen", "4,2 Mio.")
    unrelated = (
        "Die Feuerwehr von Kellerbach hat am Wochenende ein neues Löschfahrzeug in Dienst gestellt. Das Fahrzeug "
        "ersetzt einen dreißig Jahre alten Wagen, der zuletzt immer öfter in der Werkstatt stand. Finanziert wurde "
        "es zur Hälfte aus Spenden der Bevölkerung, den Rest übernahm die Gemeinde aus ihren Rücklagen. " + _BOILERPLATE
    )
    stub = "Ein Zug ist in der Nacht bei Ostheim entgleist, verletzt wurde niemand. " + _BOILERPLATE
    articles = [("art-3", unrelated), ("art-1", _BODY), ("art-2", cut_copy), ("art-4", stub)]
    copies = find_wire_copies(articles, min_words=10)
    assert [(c.first, c.second) for c in copies] == [("art-1", "art-2")]
    assert copies[0].containment >= 0.8
    assert find_wire_copies(list(reversed(articles)), min_words=10) == copies
    with pytest.raises(InputError):
        find_wire_copies([("a", _BODY), ("a", _BODY)])


def _write_corpus(root: Path, texts: dict[str, str]) -> None:
    (root / "news-en").mkdir(parents=True)
    for stem, text in texts.items():
        (root / "news-en" / f"{stem}.txt").write_text(text, encoding="utf-8")


def _side(stem: str, text: str, words: str, speaker: str, mode: str) -> dict[str, object]:
    start = text.index(words)
    return {
        "id": f"news-en:{stem}",
        "sha256": hashlib.sha256(text.encode()).hexdigest()[:16],
        "chars": len(text),
        "spans": [[start, start + len(words)]],
        "speaker": speaker,
        "mode": mode,
    }


def test_scorer_counts_pairwise_precision_and_recall(tmp_path: Path) -> None:
    one = 'Harbour chief Ines Okafor said: "The ferry will sail again on Monday, weather permitting."'
    two = "The ferry will sail again on Monday, Okafor told reporters. She said the ferry would sail on Monday."
    _write_corpus(tmp_path, {"one": one, "two": two})
    records = [
        (
            "p1",
            "same",
            _side("one", one, "The ferry will sail again on Monday, weather permitting.", "Okafor", "direct"),
            _side("two", two, "The ferry will sail again on Monday", "Okafor", "direct"),
        ),
        (
            "p2",
            "different",
            _side("one", one, "The ferry will sail again on Monday, weather permitting.", "Okafor", "direct"),
            _side("two", two, "the ferry would sail on Monday", "Okafor", "reported"),
        ),
        (
            "p3",
            "same",
            _side("one", one, "The ferry will sail again on Monday, weather permitting.", "Okafor", "direct"),
            _side("two", two, "the ferry would sail on Monday", "Okafor", "reported"),
        ),
    ]
    path = tmp_path / "pairs.jsonl"
    path.write_text(
        "".join(
            json.dumps({"pair": p, "split": "dev", "label": lab, "a": a, "b": b}) + "\n" for p, lab, a, b in records
        ),
        encoding="utf-8",
    )
    pairs = statement_pairs.read_pairs("dev", tmp_path, path)
    result = statement_pairs.score(pairs)
    assert (result["tp"], result["fp"], result["fn"]) == (1, 0, 1)
    assert result["precision"] == 1.0 and result["recall"] == 0.5
    assert statement_pairs.read_pairs("heldout", tmp_path, path) == []
    (tmp_path / "news-en" / "two.txt").write_text(two + " Changed.", encoding="utf-8")
    with pytest.raises(DataError):
        statement_pairs.read_pairs("dev", tmp_path, path)


def test_bundled_pairs_hold_offsets_and_labels_only() -> None:
    lines = statement_pairs.PAIRS_PATH.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) >= 300
    assert {r["split"] for r in records} == {"dev", "heldout", "heldout2", "heldout3"}
    assert {r["label"] for r in records} == {"same", "different"}
    for r in records:
        assert set(r) == {"pair", "split", "label", "a", "b"}
        for side in (r["a"], r["b"]):
            assert set(side) == {"id", "sha256", "chars", "spans", "speaker", "mode"}
            assert side["mode"] in ("direct", "reported")
    # heldout3: at least 150 pairs, 30 of them same, in documents no other part of the set uses
    third = [r for r in records if r["split"] == "heldout3"]
    assert len(third) >= 150 and sum(r["label"] == "same" for r in third) >= 30
    docs = {s["id"] for r in third for s in (r["a"], r["b"])}
    assert not docs & {s["id"] for r in records if r["split"] != "heldout3" for s in (r["a"], r["b"])}
    assert not any(str(d).startswith("quotes-de-test") for r in records for d in (r["a"]["id"], r["b"]["id"]))


def test_bundled_pairs_match_the_corpora() -> None:
    data = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
    if not all((data / corpus).is_dir() for corpus in ("bench-de", "news-en", "attribution-en", "quotes-de")):
        pytest.skip("../shared/data not available")
    pairs = statement_pairs.read_pairs("all", data)
    assert len(pairs) >= 300
    assert all(p.a.text.strip() and p.b.text.strip() for p in pairs)


def test_identical_words_join_only_within_one_speaker_and_one_mode() -> None:
    occs = [
        Occurrence("c3#q1", MAYOR, "Der Haushalt ist ausgeglichen.", "direct"),
        Occurrence("c1#q1", MAYOR, "„Der Haushalt ist ausgeglichen“", "direct"),
        Occurrence("c2#q1", MAYOR, "der Haushalt ist ausgeglichen", "indirect"),
        Occurrence("c4#q1", MINISTER, "Der Haushalt ist ausgeglichen", "direct"),
    ]
    strict = MatchParams(cross_mode_threshold=101.0)
    for order in (occs, occs[::-1], occs[1:] + occs[:1]):
        groups = _groups(group_statements(order, strict))
        assert groups == {frozenset({"c1#q1", "c3#q1"}), frozenset({"c2#q1"}), frozenset({"c4#q1"})}
    # with the default, an exact verbatim match in reported speech is the same statement
    assert frozenset({"c1#q1", "c2#q1", "c3#q1"}) in _groups(group_statements(occs))


def test_normalize_spells_out_umlauts_and_drops_other_diacritics_and_apostrophes() -> None:
    assert normalize("Müller: „Öl wird teurer“") == normalize("Mueller: Oel wird teurer")
    assert normalize("Dačić sagt's") == normalize("Dacic sagts")
    assert normalize("don’t") == normalize("dont")


def test_a_short_headline_cut_of_a_long_quote_joins_but_shared_common_words_do_not() -> None:
    body = Occurrence(
        "h1#q2",
        MAYOR,
        "Wir lassen keine einzige Schule im Bezirk schließen, auch wenn das Land uns dafür kein Geld gibt und "
        "die Zahl der Kinder in den Dörfern seit Jahren sinkt, denn eine Gemeinde ohne Schule verliert ihre "
        "jungen Familien und damit ihre Zukunft",
        "direct",
    )
    headline = Occurrence("h1#q1", MAYOR, "„Wir lassen keine einzige Schule im Bezirk schließen“", "direct")
    other = Occurrence("h2#q1", MAYOR, "„Die Zahl der Kinder in den Städten steigt“", "direct")
    assert len(normalize(headline.text)) < 0.3 * len(normalize(body.text))  # far below the old share rule
    assert same_statement(headline, body) and same_statement(body, headline)
    assert not same_statement(other, body)


def test_the_verbatim_core_of_a_mixed_quote_is_compared_not_its_narrative() -> None:
    mixed = Occurrence(
        "m1#q1", MINISTER, 'Der neue Förderpreis ehrt laut Jury "mutige Gemeinden mit einem langen Atem"', "mixed"
    )
    reported = Occurrence(
        "m2#q1",
        MINISTER,
        "Die drei Preisträger seien mutige Gemeinden mit einem langen Atem, die trotz knapper Kassen investierten",
        "indirect",
    )
    paraphrase = Occurrence(
        "m3#q1", MINISTER, "Die Preisträger seien Gemeinden, die mutig und mit Geduld investierten", "indirect"
    )
    assert same_statement(mixed, reported)
    assert not same_statement(mixed, paraphrase)


def test_candidates_come_from_rare_words_not_from_all_pairs_of_a_speaker() -> None:
    syllables = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "de", "fu"]
    words = [a + b + c for a in syllables for b in syllables for c in syllables]
    occs = [
        Occurrence(f"r{n}#q1", MAYOR, f"{words[4 * n]} {words[4 * n + 1]} in der {words[4 * n + 2]} {words[4 * n + 3]}")
        for n in range(200)
    ]
    # every quote shares "in der" with every other, yet none is a candidate of another
    assert candidate_pairs(occs) == set()
    twin = Occurrence("r0#q2", MAYOR, f"{words[0]} {words[1]} in der {words[2]}")
    assert candidate_pairs([*occs, twin]) == {(0, 200)}


def test_english_contractions_are_spelled_out_before_comparing() -> None:
    speech = Occurrence(
        "c1#q2",
        MAYOR,
        "We are going to build the new bridge, and believe me, the people of this town will never again wait "
        "forty minutes at the level crossing while the freight trains roll through in the middle of the day",
        "direct",
    )
    headline = Occurrence("c1#q1", MAYOR, "“We’re going to build the new bridge”", "direct")
    assert comparable("We’re sure it’s done, don’t worry, I’m fine") == "we are sure it is done do not worry i am fine"
    assert comparable("the mayor’s plan") == normalize("the mayor’s plan")  # a possessive stays one word
    assert len(comparable(headline.text)) < 0.3 * len(comparable(speech.text))  # only an exact cut can join
    assert same_statement(headline, speech)


def test_a_summary_inside_another_reported_statement_is_not_a_cut_of_it() -> None:
    proposal = Occurrence("s1#q1", MAYOR, "a ban on diesel cars in the old town", "indirect")
    other = Occurrence(
        "s2#q1",
        MAYOR,
        "he would not meet the governor again because she had called him reckless and naive for proposing "
        "a ban on diesel cars in the old town",
        "indirect",
    )
    longer = Occurrence("s3#q1", MAYOR, "a ban on diesel cars in the old town from next spring", "indirect")
    assert not same_statement(proposal, other)
    assert same_statement(proposal, longer)
    # in quoted words the same short cut still joins (a headline quoting a piece of a long quote)
    assert same_statement(
        Occurrence("s1#q2", MAYOR, proposal.text, "direct"), Occurrence("s2#q2", MAYOR, other.text, "direct")
    )


def test_each_verbatim_part_of_a_mixed_quote_can_be_a_cut_of_the_speakers_words() -> None:
    mixed = Occurrence(
        "v1#q1", MINISTER, 'She called the budget "a gift to the speculators of this city" and "reckless"', "mixed"
    )
    speech = Occurrence(
        "v2#q1",
        MINISTER,
        "“This budget is a gift to the speculators of this city, nothing more, and everyone in this chamber who "
        "has read the annex on land sales knows it, because the numbers do not lie and the mayor knows it too”",
        "direct",
    )
    assert verbatim_parts(mixed.text) == ("a gift to the speculators of this city", "reckless")
    assert same_statement(mixed, speech)


# --------------------------------------------------------------------------- reporter's summaries
# (guideline "Same 4": two renderings in reported speech are one statement when their content words
# are nearly the same: a cut, at most two words added, dropped or swapped, a verb turned into its
# noun, an abbreviation; more rewording is another statement)


def _reported(key: str, text: str, speaker: str = MAYOR) -> Occurrence:
    return Occurrence(key, speaker, text, "indirect")


def test_a_summary_turned_from_verb_into_noun_joins_but_a_reworded_one_does_not() -> None:
    verb = _reported("r1#q1", "to ban diesel lorries from entering the old town")
    noun = _reported("r2#q1", "a ban on diesel lorries entering the old town")
    reworded = _reported("r3#q1", "barring all foreign diesel lorries from entering the old town")
    assert same_statement(verb, noun)
    # three words changed ("barring all foreign" / "to ban"): many shared letters, another wording
    assert not same_statement(verb, reworded)
    assert not same_statement(noun, reworded)


def test_an_abbreviation_and_an_inflected_word_count_as_the_same_words() -> None:
    short = _reported("r4#q1", "banning lorries from the U.S. on the northern bridge")
    long_ = _reported("r5#q1", "a ban on lorries from the United States on the northern bridge")
    assert same_statement(short, long_)
    assert same_statement(
        _reported("r4#q2", "temporarily banning lorries on the bridge"),
        _reported("r5#q2", "a temporary ban on lorries on the bridge"),
    )
    # an abbreviation stands only for words whose initials spell it
    assert not same_statement(
        short, _reported("r5#q3", "a ban on lorries from the United Kingdom on the northern bridge")
    )


def test_a_negation_makes_another_statement_however_few_words_differ() -> None:
    approved = _reported("r6#q1", "the council approved the budget for the harbour renovation")
    refused = _reported("r7#q1", "the council had not approved the budget for the harbour renovation")
    assert not same_statement(approved, refused)
    german = _reported("r8#q1", "der Rat habe das Budget für die Renovierung des Hafens bewilligt")
    nein = _reported("r9#q1", "der Rat habe das Budget für die Renovierung des Hafens nicht bewilligt")
    assert not same_statement(german, nein)


def test_a_rendering_cut_short_joins_its_longer_version_even_when_short() -> None:
    head = _reported("r10#q1", "that the ferry service to the island would resume")
    full = _reported(
        "r11#q1",
        "that the ferry service to the island would resume on Monday, once the contractor has finished the "
        "repairs to the pier at the northern harbour and the coast guard has inspected the new moorings",
    )
    assert same_statement(head, full)
    # the same words further in, after the statement's own claim, are not a cut of it
    inside = _reported(
        "r12#q1",
        "the harbour master had been wrong to doubt publicly, in a letter to the council and the press, "
        "that the ferry service to the island would resume",
    )
    assert not same_statement(head, inside)


def test_summaries_of_one_proposal_do_not_chain_into_reworded_ones_in_any_order() -> None:
    occs = [
        _reported("t1#q1", "to ban diesel lorries from entering the old town"),
        _reported("t2#q1", "a ban on diesel lorries entering the old town"),
        _reported("t3#q1", "a ban on diesel lorries entering the old town and a new car park at the station"),
        _reported("t4#q1", "barring all foreign diesel lorries from entering the old town"),
        _reported("t5#q1", "there should be a ban on diesel lorries entering the market square"),
    ]
    expected = {frozenset({"t1#q1", "t2#q1", "t3#q1"}), frozenset({"t4#q1"}), frozenset({"t5#q1"})}
    rng = random.Random(18)
    for _ in range(5):
        order = occs[:]
        rng.shuffle(order)
        assert _groups(group_statements(order)) == expected


def test_quoted_words_join_in_content_words_a_condensed_headline_and_a_cut_with_other_function_words() -> None:
    headline = Occurrence(
        "w1#q1",
        MAYOR,
        "„Künftig nicht mehr getrennt nach Bus, Bahn und Rad geplant“ – „Im Verkehrsamt entstehen gemischte Teams“",
        "direct",
    )
    body = Occurrence(
        "w2#q1",
        MAYOR,
        "„Künftig wird bei uns nicht mehr getrennt nach Bus, Bahn, Rad geplant, sondern jede Strecke von Anfang an "
        "für alle Verkehrsmittel gemeinsam entworfen, mit den Gemeinden abgestimmt und im Gemeinderat beschlossen“",
        "direct",
    )
    assert same_statement(headline, body)
    # a stretch of one quote with another function word ("he one of" / "he is one of"), anywhere in it
    piece = Occurrence("w3#q1", MINISTER, "he 'one of the old guard at city hall.'", "direct")
    speech = Occurrence(
        "w4#q1",
        MINISTER,
        '"He is not one of us, and he never was." "He will not change a thing at the depot, believe me, '
        'because he is one of the old guard at city hall,"',
        "direct",
    )
    assert same_statement(piece, speech)
    # but not when a negation just before the stretch differs
    assert not same_statement(
        piece, Occurrence("w5#q1", MINISTER, '"He is not one of the old guard at city hall"', "direct")
    )
