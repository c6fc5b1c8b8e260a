"""Source counts kept up to date by the database: the unfiltered ``onrecord sources`` (issue 18.4).

Who gets quoted, over *all* quotes, is a grouping of every quote of the store: at 100,000
quotes it took 0.2 to 2 s (by month and by outlet: 88,000 distinct (month, statement) pairs to
count, the outlet read through each quote's article), far over the 150 ms target. The answer
changes only when quotes change, so it is kept, per dimension and key, in two tables:

* ``source_totals (dim, grp, quotes, statements, speakers, unnamed, anonymous)``: one row per
  group of the unfiltered report (key ``""``: none), exactly the numbers the grouping of
  :func:`onrecord.storage.statements.source_report` counts;
* ``source_members (dim, grp, what, member, n)``: how many quotes of the group belong to each
  statement (``what`` = ``"s"``) and each speaker entity (``"e"``), so that ``statements`` and
  ``speakers`` (distinct counts) change exactly when a member's count goes from 0 to 1 or 1 to 0.

Dimensions: ``entity`` (the speaker entity), ``kind`` (source kind), ``month`` (the first seven
characters of the quote's date), ``outlet`` (the article's source) and ``outlet_kind`` (both, for
the dashboard's source kinds per outlet). The entity type is the ``entity`` rows joined with
``entities`` at query time: a statement has one speaker, so a type's distinct statements are
the sum of its entities'.

**Why triggers.** Rows of ``quotes`` are inserted, deleted with their article (a replaced or
deleted article), re-pointed by entity resolution (merges, splits, corrections) and by statement
grouping (:mod:`onrecord.storage.statements`), on several paths and in migrations. Row triggers
on ``quotes`` (SQLite triggers; PostgreSQL PL/pgSQL trigger functions) see every one of them, in
the same transaction, so the counts are right after every commit whatever path wrote — nothing in
the write path has to remember them, and a future path cannot forget them. The cost is a few
index look-ups per changed quote (a statement re-pointing touches only the statement members).
A ``BEFORE DELETE`` trigger on ``articles`` deletes the article's quotes while the article (and
so its outlet) is still there; the foreign-key cascade would run after it is gone. Articles are
never updated in place (a changed article is deleted and inserted again).

:func:`create` installs the triggers (revision 0010) and :func:`rebuild` fills the tables
from ``quotes`` (the migration's backfill; also a repair). **A later migration** that rebuilds
``quotes`` or ``articles`` (Alembic's ``batch_alter_table`` on SQLite copies the table and drops
the old one, and its triggers with it) must call :func:`drop` before and :func:`create` and
:func:`rebuild` after; :func:`installed` says which triggers a store has (a test checks them at
the head revision).
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Connection, text

__all__ = ["DIMENSIONS", "SEPARATOR", "create", "drop", "installed", "rebuild"]

#: dimension -> the key of a quote row ``{r}`` (``NEW`` or ``OLD``), as in the grouping query
DIMENSIONS: dict[str, str] = {
    "entity": "COALESCE({r}.entity_id, '')",
    "kind": "COALESCE({r}.source_kind, '')",
    "month": "COALESCE(substr({r}.date_from, 1, 7), '')",
    "outlet": "COALESCE((SELECT source FROM articles WHERE articles.id = {r}.article_id), '')",
    "outlet_kind": "COALESCE((SELECT source FROM articles WHERE articles.id = {r}.article_id), '')"
    " || {sep} || COALESCE({r}.source_kind, '')",
}
#: the separator of the two parts of an ``outlet_kind`` key
SEPARATOR = "\x1f"
#: columns whose change moves a quote between groups (anything but its statement)
_KEY_COLUMNS = ("entity_id", "source_kind", "source_anonymity", "date_from", "article_id")
_TRIGGERS = ("quotes_source_insert", "quotes_source_delete", "quotes_source_update", "quotes_source_statement")


def _key(template: str, r: str, dialect: str) -> str:
    return template.format(r=r, sep="chr(31)" if dialect == "postgresql" else "char(31)")


def _flag(r: str, value: str) -> str:
    return f"CASE WHEN {r}.source_anonymity = '{value}' THEN 1 ELSE 0 END"


def _member_add(dim: str, key: str, what: str, member: str) -> list[str]:
    # "member IS NOT NULL" first: a quote without a statement (every new quote until its
    # statement is grouped) or speaker costs no look-up
    where = f"{member} IS NOT NULL AND dim = '{dim}' AND grp = {key} AND what = '{what}' AND member = {member}"
    total = "statements" if what == "s" else "speakers"
    return [
        f"INSERT INTO source_members (dim, grp, what, member, n) SELECT '{dim}', {key}, '{what}', {member}, 1 "
        f"WHERE {member} IS NOT NULL ON CONFLICT (dim, grp, what, member) DO UPDATE SET n = source_members.n + 1",
        f"UPDATE source_totals SET {total} = {total} + 1 WHERE {member} IS NOT NULL AND dim = '{dim}' AND grp = {key} "
        f"AND (SELECT n FROM source_members WHERE {where}) = 1",
    ]


def _member_remove(dim: str, key: str, what: str, member: str) -> list[str]:
    where = f"{member} IS NOT NULL AND dim = '{dim}' AND grp = {key} AND what = '{what}' AND member = {member}"
    total = "statements" if what == "s" else "speakers"
    return [
        f"UPDATE source_members SET n = n - 1 WHERE {where}",
        f"UPDATE source_totals SET {total} = {total} - 1 WHERE {member} IS NOT NULL AND dim = '{dim}' AND grp = {key} "
        f"AND (SELECT n FROM source_members WHERE {where}) = 0",
        f"DELETE FROM source_members WHERE {where} AND n = 0",
    ]


def _add(r: str, dialect: str, statement_only: bool = False) -> list[str]:
    """Statements that count the quote row ``r`` in (``statement_only``: its statement only)."""
    out: list[str] = []
    for dim, template in DIMENSIONS.items():
        key = _key(template, r, dialect)
        if not statement_only:
            out.append(
                "INSERT INTO source_totals (dim, grp, quotes, statements, speakers, unnamed, anonymous) "
                f"VALUES ('{dim}', {key}, 1, 0, 0, {_flag(r, 'unnamed')}, {_flag(r, 'anonymous')}) "
                "ON CONFLICT (dim, grp) DO UPDATE SET quotes = source_totals.quotes + 1, "
                "unnamed = source_totals.unnamed + excluded.unnamed, "
                "anonymous = source_totals.anonymous + excluded.anonymous"
            )
            out += _member_add(dim, key, "e", f"{r}.entity_id")
        out += _member_add(dim, key, "s", f"{r}.statement_id")
    return out


def _remove(r: str, dialect: str, statement_only: bool = False) -> list[str]:
    """Statements that count the quote row ``r`` out (``statement_only``: its statement only)."""
    out: list[str] = []
    for dim, template in DIMENSIONS.items():
        key = _key(template, r, dialect)
        out += _member_remove(dim, key, "s", f"{r}.statement_id")
        if not statement_only:
            out += _member_remove(dim, key, "e", f"{r}.entity_id")
            out.append(
                f"UPDATE source_totals SET quotes = quotes - 1, unnamed = unnamed - {_flag(r, 'unnamed')}, "
                f"anonymous = anonymous - {_flag(r, 'anonymous')} WHERE dim = '{dim}' AND grp = {key}"
            )
            out.append(f"DELETE FROM source_totals WHERE dim = '{dim}' AND grp = {key} AND quotes = 0")
    return out


def _changed(dialect: str, columns: tuple[str, ...]) -> str:
    differs = "IS NOT" if dialect == "sqlite" else "IS DISTINCT FROM"
    return " OR ".join(f"OLD.{c} {differs} NEW.{c}" for c in columns)


def _sqlite(dialect: str) -> Iterator[str]:
    def trigger(name: str, event: str, when: str, body: list[str]) -> str:
        return f"CREATE TRIGGER {name} AFTER {event} ON quotes{when} BEGIN\n" + "".join(f"{s};\n" for s in body) + "END"

    others = _changed(dialect, _KEY_COLUMNS)
    yield trigger("quotes_source_insert", "INSERT", "", _add("NEW", dialect))
    yield trigger("quotes_source_delete", "DELETE", "", _remove("OLD", dialect))
    yield trigger("quotes_source_update", "UPDATE", f" WHEN {others}", _remove("OLD", dialect) + _add("NEW", dialect))
    yield trigger(
        "quotes_source_statement",
        "UPDATE OF statement_id",
        f" WHEN OLD.statement_id IS NOT NEW.statement_id AND NOT ({others})",
        _remove("OLD", dialect, statement_only=True) + _add("NEW", dialect, statement_only=True),
    )
    yield (
        "CREATE TRIGGER articles_source_delete BEFORE DELETE ON articles BEGIN\n"
        "DELETE FROM quotes WHERE article_id = OLD.id;\nEND"
    )


def _postgresql(dialect: str) -> Iterator[str]:
    def function(name: str, body: list[str], returns: str = "NULL") -> str:
        return (
            f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
            + "".join(f"{s};\n" for s in body)
            + f"RETURN {returns};\nEND\n$$"
        )

    others = _changed(dialect, _KEY_COLUMNS)
    yield function("quotes_source_insert", _add("NEW", dialect))
    yield function("quotes_source_delete", _remove("OLD", dialect))
    yield function("quotes_source_update", _remove("OLD", dialect) + _add("NEW", dialect))
    yield function("quotes_source_statement", _remove("OLD", dialect, True) + _add("NEW", dialect, True))
    yield function("articles_source_delete", ["DELETE FROM quotes WHERE article_id = OLD.id"], returns="OLD")
    row = "FOR EACH ROW EXECUTE FUNCTION"
    yield f"CREATE TRIGGER quotes_source_insert AFTER INSERT ON quotes {row} quotes_source_insert()"
    yield f"CREATE TRIGGER quotes_source_delete AFTER DELETE ON quotes {row} quotes_source_delete()"
    yield (
        "CREATE TRIGGER quotes_source_update AFTER UPDATE ON quotes FOR EACH ROW "
        f"WHEN ({others}) EXECUTE FUNCTION quotes_source_update()"
    )
    yield (
        "CREATE TRIGGER quotes_source_statement AFTER UPDATE OF statement_id ON quotes FOR EACH ROW "
        f"WHEN (OLD.statement_id IS DISTINCT FROM NEW.statement_id AND NOT ({others})) "
        "EXECUTE FUNCTION quotes_source_statement()"
    )
    yield f"CREATE TRIGGER articles_source_delete BEFORE DELETE ON articles {row} articles_source_delete()"


def create(conn: Connection) -> None:
    """Install the triggers (the tables exist: revision 0010 or ``metadata``)."""
    dialect = conn.dialect.name
    for statement in (_postgresql if dialect == "postgresql" else _sqlite)(dialect):
        conn.exec_driver_sql(statement)


def drop(conn: Connection) -> None:
    """Remove the triggers (the downgrade of revision 0010)."""
    postgresql = conn.dialect.name == "postgresql"
    for name in (*_TRIGGERS, "articles_source_delete"):
        table = "articles" if name.startswith("articles") else "quotes"
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}" + (f" ON {table}" if postgresql else ""))
        if postgresql:
            conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {name}()")


def installed(conn: Connection) -> list[str]:
    """The names of this module's triggers that the database holds, sorted."""
    if conn.dialect.name == "postgresql":
        query = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
    else:
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    names = set(_TRIGGERS) | {"articles_source_delete"}
    return sorted(name for (name,) in conn.exec_driver_sql(query) if name in names)


def rebuild(conn: Connection) -> None:
    """Fill ``source_totals`` and ``source_members`` from ``quotes`` (replacing what they hold)."""
    conn.execute(text("DELETE FROM source_members"))
    conn.execute(text("DELETE FROM source_totals"))
    for dim, template in DIMENSIONS.items():
        key = _key(template, "q", conn.dialect.name)
        flags = f"SUM({_flag('q', 'unnamed')}), SUM({_flag('q', 'anonymous')})"
        conn.execute(
            text(
                "INSERT INTO source_totals (dim, grp, quotes, statements, speakers, unnamed, anonymous) "
                f"SELECT '{dim}', {key}, COUNT(*), COUNT(DISTINCT q.statement_id), COUNT(DISTINCT q.entity_id), "
                f"{flags} FROM quotes q GROUP BY {key}"
            )
        )
        for what, column in (("s", "statement_id"), ("e", "entity_id")):
            conn.execute(
                text(
                    "INSERT INTO source_members (dim, grp, what, member, n) "
                    f"SELECT '{dim}', {key}, '{what}', q.{column}, COUNT(*) FROM quotes q "
                    f"WHERE q.{column} IS NOT NULL GROUP BY {key}, q.{column}"
                )
            )
