"""Roles from German appositions, relative clauses and role nouns (pure functions over tokens).

Patterns (an apposition runs from the comma after a name to the next comma, bracket or
sentence end):

* "X, Professorin für Politikwissenschaft an der Universität Y in Z," → title
  "Professorin für Politikwissenschaft", organization "Universität Y", place "Z";
* "X, ein früherer Oberst der Bundeswehr," → title "früherer Oberst", organization "Bundeswehr";
* "X, der Chef des Instituts für Weltwirtschaft," → title "Chef", organization
  "Institut für Weltwirtschaft";
* a relative clause whose verb names a role: "X, die das Referat Energie im
  Wirtschaftsministerium leitet," → title "Leiterin des Referats Energie", organization
  "Wirtschaftsministerium"; without a second organisation the object is the organisation
  ("der den Konzern leitet" → "Leiter", "Konzern"); verbs without a role noun ("arbeitet",
  "lehrt") give only the organisation;
* a role noun right before the name: "Außenministerin Anna Müller", "der frühere
  Außenminister Joschka Fischer" (title "früherer Außenminister"), "der SPD-Politiker Lars
  Klingbeil" (title "Politiker", organization "SPD"), "Südkoreas Präsident Moon Jae-in"
  (place "Südkorea");
* a speaker phrase without a name: "ein Sprecher des Auswärtigen Amts" → title "Sprecher",
  organization "Auswärtiges Amt".

Normalisation: organisations are given in the nominative without article ("des Auswärtigen
Amts" → "Auswärtiges Amt", "der Europäischen Zentralbank" → "Europäische Zentralbank"), an
adjective of a title in its strong nominative form ("des früheren Ministers" → "früherer").
An apposition without a role noun ("X, 45,", "X, die am Montag sprach,") gives no role.

This module is the entry point; the parts live beside it: :mod:`~onrecord.lang.de.role_lexicon`
(role nouns, title adjectives, :class:`RoleMatch`), :mod:`~onrecord.lang.de.role_orgs`
(organisation and place phrases), :mod:`~onrecord.lang.de.role_phrases` (role noun phrases,
relative clauses), :mod:`~onrecord.lang.de.role_after` (appositions, copulas, parties after a
name) and :mod:`~onrecord.lang.de.role_before` (roles before a name, unnamed role phrases).
"""

from __future__ import annotations

from onrecord.lang.de.role_after import (
    MAX_ALS_DISTANCE,
    affiliations_after,
    age_copula_subject,
    apposition_after,
    coordinated_after,
    one_coordinated_title,
    organisation_in_name,
    predicative_role,
    pronoun_predicate,
)
from onrecord.lang.de.role_before import (
    MAX_CONJUNCTS,
    MAX_GENITIVE_BEFORE,
    MAX_TAIL,
    coordinated_before,
    names_role_after,
    role_before,
    role_before_comma,
    role_before_copula,
    role_before_role,
    role_phrase,
)
from onrecord.lang.de.role_lexicon import (
    MAX_ADJECTIVES,
    MAX_APPOSITION,
    KindAt,
    RoleMatch,
    english_modifiers,
    is_feminine_role,
    is_role,
    role_adjectives,
    role_head,
    role_places,
    strong_adjective,
    title_noun,
)
from onrecord.lang.de.role_orgs import nominative
from onrecord.lang.de.role_phrases import parse_role, relative_role

__all__ = [
    "KindAt",
    "MAX_ADJECTIVES",
    "MAX_ALS_DISTANCE",
    "MAX_APPOSITION",
    "MAX_CONJUNCTS",
    "MAX_GENITIVE_BEFORE",
    "MAX_TAIL",
    "RoleMatch",
    "affiliations_after",
    "age_copula_subject",
    "apposition_after",
    "coordinated_after",
    "coordinated_before",
    "english_modifiers",
    "is_feminine_role",
    "is_role",
    "names_role_after",
    "nominative",
    "one_coordinated_title",
    "organisation_in_name",
    "parse_role",
    "predicative_role",
    "pronoun_predicate",
    "relative_role",
    "role_adjectives",
    "role_before",
    "role_before_comma",
    "role_before_copula",
    "role_before_role",
    "role_head",
    "role_phrase",
    "role_places",
    "strong_adjective",
    "title_noun",
]
