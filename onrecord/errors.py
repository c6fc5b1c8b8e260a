"""Typed errors of the library. Only the CLI maps them to exit codes and messages."""

from __future__ import annotations


class OnrecordError(Exception):
    """Base of every error onrecord raises on purpose. ``exit_code`` is used by the CLI."""

    exit_code = 1


class InputError(OnrecordError):
    """An input cannot be read or parsed. ``origin`` names the file (and line) at fault."""

    exit_code = 2

    def __init__(self, message: str, origin: str | None = None) -> None:
        self.origin = origin
        super().__init__(f"{origin}: {message}" if origin else message)


class UnsupportedLanguageError(OnrecordError):
    """The text is in a language onrecord has no pipeline for."""

    exit_code = 3


class ModelError(OnrecordError):
    """A bundled or trained model is missing or unreadable."""

    exit_code = 4


class DataError(OnrecordError):
    """Training or evaluation data is missing or malformed."""

    exit_code = 5


class StoreError(OnrecordError):
    """The knowledge base cannot be opened, migrated, read or written (names the cause)."""

    exit_code = 6


class NotFoundError(OnrecordError):
    """A requested record (an entity, an article) is not in the knowledge base."""

    exit_code = 7


class ConflictError(OnrecordError):
    """A correction contradicts the store's state (merging an entity into itself, say)."""

    exit_code = 8
