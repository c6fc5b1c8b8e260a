"""The knowledge base: analysed articles stored in SQLite (default) or PostgreSQL, and queried.

``open_store(db)`` opens (creating and migrating) a store; :func:`ingest` analyses and stores
articles idempotently; :mod:`.queries`, :mod:`.search` and :mod:`.corrections` answer questions
and take corrections; :mod:`.export` writes JSONL, CSV and FollowTheMoney entities.
"""

from __future__ import annotations

from onrecord.storage.engine import DEFAULT_DB
from onrecord.storage.loader import ingest
from onrecord.storage.records import QuoteFilter
from onrecord.storage.store import Store, open_store

__all__ = ["DEFAULT_DB", "QuoteFilter", "Store", "ingest", "open_store"]
