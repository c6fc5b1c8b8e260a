"""Statements across articles (issue 18): near-duplicate quote grouping and wire-copy flags."""

from onrecord.statements.match import (
    MatchParams,
    Occurrence,
    Statement,
    WireCopy,
    candidate_pairs,
    comparable,
    find_wire_copies,
    group_statements,
    mode_of,
    normalize,
    same_statement,
    similarity,
    statement_id,
    verbatim_core,
    verbatim_parts,
)

__all__ = [
    "MatchParams",
    "Occurrence",
    "Statement",
    "WireCopy",
    "candidate_pairs",
    "comparable",
    "find_wire_copies",
    "group_statements",
    "mode_of",
    "normalize",
    "same_statement",
    "similarity",
    "statement_id",
    "verbatim_core",
    "verbatim_parts",
]
