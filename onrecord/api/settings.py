"""The server's settings: one object, passed in explicitly (never read from globals)."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

__all__ = ["ServerSettings", "is_loopback"]


def is_loopback(host: str) -> bool:
    """Whether ``host`` is a loopback address or ``localhost`` (nothing outside can connect)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class ServerSettings:
    """How ``onrecord serve`` runs.

    ``token``: the API token that writing requests (ingest, merge, split, delete) must send as
    ``Authorization: Bearer <token>``. It is required when the server listens beyond loopback;
    on loopback, writes are open unless a token is set.
    """

    db: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    #: largest request body accepted (bytes); larger requests get 413
    max_body_bytes: int = 2 * 1024 * 1024
    #: largest page size of list endpoints
    max_page: int = 200

    @property
    def writes_need_token(self) -> bool:
        """Whether writing requests must carry the token."""
        return self.token is not None or not is_loopback(self.host)
