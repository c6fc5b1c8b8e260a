"""onrecord: offline extraction of quotations — who said what — from German and English news.

The public front door is :func:`analyze` (one article or text) and :func:`analyze_many`
(a stream of articles, e.g. from :func:`onrecord.ingest.iter_articles`).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from onrecord.pipeline import analyze, analyze_many

try:
    __version__ = version("onrecord")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__", "analyze", "analyze_many"]
