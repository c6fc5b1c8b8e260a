"""Cross-article entity resolution: one canonical entity per person, organisation or place.

Pure functions and a small in-memory index, no database: :mod:`~onrecord.resolve.keys` (name
keys), :mod:`~onrecord.resolve.gazetteer` (multilingual alias sets of places and
organisations) and :mod:`~onrecord.resolve.index` (matching with provenance, merge and split).
"""

from onrecord.resolve.gazetteer import Gazetteer, GazetteerEntry, default_gazetteer
from onrecord.resolve.index import Candidate, EntityIndex, Match, canonical_id, display_name, merged
from onrecord.resolve.keys import fold, is_surname_only, name_key, surname_candidates, translit_key

__all__ = [
    "display_name",
    "Candidate",
    "EntityIndex",
    "Gazetteer",
    "GazetteerEntry",
    "Match",
    "canonical_id",
    "default_gazetteer",
    "fold",
    "is_surname_only",
    "merged",
    "name_key",
    "surname_candidates",
    "translit_key",
]
