"""Ranked full-text search over quotes and articles, with highlighted snippets.

SQLite: FTS5 ``MATCH`` ranked by BM25; PostgreSQL: ``tsvector @@ tsquery`` ranked by
``ts_rank_cd``. Equal scores are ordered by id. Scores are comparable within one list only, and
the two ranking functions differ, so hits of different scores may come in another order on the
other backend (README, "Search"). Snippets are made here from the hit's text
(:func:`~onrecord.storage.textsearch.make_snippet`), the same on both backends.
"""

from __future__ import annotations

from sqlalchemy import Row, text

from onrecord.storage.records import SearchHit, SearchResults
from onrecord.storage.store import Store
from onrecord.storage.textsearch import SNIPPET_SCAN_CHARS, Clause, make_snippet, parse_query, to_fts5, to_tsquery

__all__ = ["search"]

# SQLite: the matches are ranked in a subquery that carries only their rank and id, and the
# page's rows are read afterwards (the sorter held every match's text before: 100,000 characters
# per article); the same rows in the same order
_SQLITE_QUOTES = """
SELECT q.id, q.article_id, q.speaker_name, q.entity_id, a.title, a.published, a.source,
       ranked.score, q.text AS snippet
FROM (
    SELECT q.seq AS seq, q.id AS id, -bm25(quotes_fts, 1.0, 0.5) AS score
    FROM quotes_fts JOIN quotes q ON q.seq = quotes_fts.rowid
    WHERE quotes_fts MATCH :query
    ORDER BY bm25(quotes_fts, 1.0, 0.5), q.id
    LIMIT :limit OFFSET :offset
) ranked JOIN quotes q ON q.seq = ranked.seq JOIN articles a ON a.id = q.article_id
ORDER BY ranked.score DESC, ranked.id
"""

_SQLITE_ARTICLES = f"""
SELECT a.id, a.id AS article_id, NULL AS speaker_name, NULL AS entity_id, a.title, a.published, a.source,
       ranked.score, substr(a.text, 1, {SNIPPET_SCAN_CHARS}) AS snippet
FROM (
    SELECT a.seq AS seq, a.id AS id, -bm25(articles_fts, 2.0, 1.0) AS score
    FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
    WHERE articles_fts MATCH :query
    ORDER BY bm25(articles_fts, 2.0, 1.0), a.id
    LIMIT :limit OFFSET :offset
) ranked JOIN articles a ON a.seq = ranked.seq
ORDER BY ranked.score DESC, ranked.id
"""

_POSTGRES_QUOTES = """
SELECT q.id, q.article_id, q.speaker_name, q.entity_id, a.title, a.published, a.source,
       ts_rank_cd(q.tsv, to_tsquery('simple', :query)) AS score,
       q.text AS snippet
FROM quotes q JOIN articles a ON a.id = q.article_id
WHERE q.tsv @@ to_tsquery('simple', :query)
ORDER BY score DESC, q.id
LIMIT :limit OFFSET :offset
"""

_POSTGRES_ARTICLES = f"""
SELECT a.id, a.id AS article_id, NULL AS speaker_name, NULL AS entity_id, a.title, a.published, a.source,
       ts_rank_cd(a.tsv, to_tsquery('simple', :query)) AS score,
       substr(a.text, 1, {SNIPPET_SCAN_CHARS}) AS snippet
FROM articles a
WHERE a.tsv @@ to_tsquery('simple', :query)
ORDER BY score DESC, a.id
LIMIT :limit OFFSET :offset
"""


def search(store: Store, query: str, limit: int = 20, offset: int = 0, scope: str = "all") -> SearchResults:
    """Quotes and articles matching ``query`` (see :mod:`onrecord.storage.textsearch`), best first.

    ``scope`` is ``all``, ``quotes`` or ``articles``. Raises :class:`~onrecord.storage.textsearch.QuerySyntaxError`
    (a ``ValueError``) when the query has no word to search for.
    """
    clauses = parse_query(query)
    postgres = store.dialect == "postgresql"
    rendered = to_tsquery(clauses) if postgres else to_fts5(clauses)
    params = {"query": rendered, "limit": limit, "offset": offset}
    with store.reading() as conn:
        quotes = (
            conn.execute(text(_POSTGRES_QUOTES if postgres else _SQLITE_QUOTES), params).all()
            if scope in {"all", "quotes"}
            else []
        )
        articles = (
            conn.execute(text(_POSTGRES_ARTICLES if postgres else _SQLITE_ARTICLES), params).all()
            if scope in {"all", "articles"}
            else []
        )
    return SearchResults(
        query=query,
        quotes=[_hit("quote", row, clauses) for row in quotes],
        articles=[_hit("article", row, clauses) for row in articles],
    )


def _hit(kind: str, row: Row[tuple[object, ...]], clauses: list[Clause]) -> SearchHit:
    return SearchHit(
        type=kind,  # type: ignore[arg-type]
        id=row.id,
        article_id=row.article_id,
        score=round(float(row.score), 6),
        snippet=make_snippet(row.snippet or "", clauses),
        speaker=row.speaker_name,
        entity_id=row.entity_id,
        title=row.title,
        published=row.published,
        source=row.source,
    )
