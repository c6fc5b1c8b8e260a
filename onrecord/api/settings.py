"""The server's settings: one object, passed in explicitly (never read from globals)."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from urllib.parse import urlsplit

__all__ = ["LOOPBACK_NAMES", "ServerSettings", "host_name", "is_loopback"]

#: the names a browser uses for a server on loopback; any other ``Host`` is refused there
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def is_loopback(host: str) -> bool:
    """Whether ``host`` is a loopback address or ``localhost`` (nothing outside can connect)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def host_name(value: str) -> str | None:
    """The host name of a ``Host`` header or an origin's authority (no port, no brackets,
    lower case); None when it cannot be read."""
    try:
        name = urlsplit("//" + value.strip()).hostname
    except ValueError:
        return None
    return name or None


@dataclass(frozen=True)
class ServerSettings:
    """How ``onrecord serve`` runs.

    ``token``: the API token that writing requests (ingest, merge, split, delete) must send as
    ``Authorization: Bearer <token>``. It is required when the server listens beyond loopback;
    on loopback, writes are open unless a token is set.

    ``allowed_hosts``: the host names requests may name in their ``Host`` header besides
    loopback's own (``localhost``, ``127.0.0.1``, ``::1`` and ``host``); ``*`` allows any.
    On loopback the ``Host`` is always checked (a web page cannot reach the server through a
    DNS name of its own: DNS rebinding); beyond loopback only when hosts are given.
    """

    db: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    #: largest request body accepted (bytes); larger requests get 413
    max_body_bytes: int = 2 * 1024 * 1024
    #: largest page size of list endpoints
    max_page: int = 200
    allowed_hosts: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:  # a list from JSON (``--workers``) becomes a tuple
        names = tuple(sorted({(host_name(h) or h.strip()).lower() for h in self.allowed_hosts if h.strip()}))
        object.__setattr__(self, "allowed_hosts", names)

    @property
    def writes_need_token(self) -> bool:
        """Whether writing requests must carry the token."""
        return self.token is not None or not is_loopback(self.host)

    @property
    def checks_host(self) -> bool:
        """Whether requests must name an allowed host (see the class)."""
        if "*" in self.allowed_hosts:
            return False
        return is_loopback(self.host) or bool(self.allowed_hosts)

    def host_allowed(self, name: str | None) -> bool:
        """Whether a request naming host ``name`` (from :func:`host_name`) is served."""
        if not self.checks_host:
            return True
        if name is None:
            return False
        own = host_name(self.host) or self.host.lower()
        return name in LOOPBACK_NAMES or name == own or name in self.allowed_hosts
