"""Request and response bodies of the HTTP API (pydantic, strict where types matter)."""

from __future__ import annotations

from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from onrecord.ingest.jsonl import nul_problem
from onrecord.model import Meta

__all__ = [
    "AnalyzeRequest",
    "ErrorBody",
    "ErrorResponse",
    "IngestArticle",
    "IngestRequest",
    "MergeRequest",
    "Page",
    "SplitRequest",
    "SplitResponse",
]

T = TypeVar("T")

#: the most text one request may analyse (characters); larger bodies are refused earlier by size
MAX_TEXT_CHARS = 1_000_000
#: stored text holds no NUL (PostgreSQL cannot store it; SQLite refuses it alike, as JSONL input does)
NO_NUL = r"^[^\x00]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class AnalyzeRequest(_Strict):
    """A text (or, with ``format: "html"``, a whole HTML page) to analyse."""

    text: str = Field(
        min_length=1, max_length=MAX_TEXT_CHARS, pattern=r"\S", examples=["„Wir geben nicht auf“, sagte sie."]
    )
    format: Literal["text", "html"] = Field(default="text", description="html: the article is extracted from the page")
    lang: Literal["de", "en"] | None = Field(default=None, description="default: detected")
    id: str | None = Field(default=None, min_length=1, max_length=200, description="default: a hash of the text")
    meta: Meta | None = None


class IngestArticle(_Strict):
    """One article to store: the fields of a JSONL input line. No field may hold the NUL
    character (``\\u0000``): the article is refused, as a JSONL line with it is."""

    id: str = Field(min_length=1, max_length=200, pattern=NO_NUL)
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, pattern=NO_NUL)
    lang: Literal["de", "en"] | None = None
    title: str | None = Field(default=None, pattern=NO_NUL)
    published: str | None = Field(default=None, pattern=NO_NUL)
    source: str | None = Field(default=None, pattern=NO_NUL)
    url: str | None = Field(default=None, pattern=NO_NUL)

    @field_validator("id", "text", "title", "published", "source", "url", mode="before")
    @classmethod
    def _no_nul(cls, value: object) -> object:
        """A clear message before the pattern's (which only says it does not match)."""
        problem = nul_problem(value) if isinstance(value, str) else None
        if problem is not None:
            raise ValueError(problem)
        return value


class IngestRequest(_Strict):
    """Articles to analyse and store (idempotent: unchanged articles are skipped)."""

    articles: list[IngestArticle] = Field(min_length=1, max_length=500)


class MergeRequest(_Strict):
    """Merge the entity of the path into ``into``."""

    into: str = Field(min_length=1, max_length=100)


class SplitRequest(_Strict):
    """Move the mentions named ``names`` (or in ``articles``) to a new entity: at least one name
    or article must be given."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={
            "anyOf": [
                {"required": ["names"], "properties": {"names": {"minItems": 1}}},
                {"required": ["articles"], "properties": {"articles": {"minItems": 1}}},
            ]
        },
    )

    names: list[str] = Field(default_factory=list, max_length=100)
    articles: list[str] = Field(default_factory=list, max_length=1000)
    new_name: str | None = Field(default=None, max_length=300)

    @model_validator(mode="after")
    def _something_to_move(self) -> SplitRequest:
        if not self.names and not self.articles:
            raise ValueError("give the names or the articles whose mentions move to the new entity")
        return self


class SplitResponse(_Strict):
    """The entity created by a split."""

    id: str


class Page(BaseModel, Generic[T]):
    """One page of a list: ``items``, the ``total`` matching, and the paging asked for."""

    items: list[T]
    total: int
    limit: int
    offset: int


class ErrorBody(BaseModel):
    """What went wrong."""

    status: int
    message: str


class ErrorResponse(BaseModel):
    """Every error response: ``{"error": {"status": …, "message": …}}``."""

    error: ErrorBody
