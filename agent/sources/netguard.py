"""What Roos discovers by itself is never followed into the local network.

A followed blog is somebody else's server: it can redirect, announce a feed or comment
feed, or link a REST endpoint or a post at 10.0.0.1, 169.254.169.254 (a cloud metadata
service) or 127.0.0.1 (this very agent, or the user's router admin page). The URL the
user typed or added is fetched as given, loopback included (that is how local test
sites and intranet blogs work). Everything else is only fetched when every address its
host resolves to is public, unless the source itself lives on a non-public address (an
intranet blog may link its intranet neighbours).

The source of the moment is a context variable: the runner sets it around one source's
scrape (`source(url)`); a single `PoliteClient.get` without one treats the URL it was
asked for as the source, so its redirects are judged against it. The check runs before
each hop and again when the connection resolves the name (`GuardedResolver`), so a name
that changes its answer between the two (DNS rebinding) is caught too.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from urllib.parse import urlsplit

from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class LocalTarget(Exception):
    """A discovered URL points into the local network; the message says which address."""

    def __init__(self, message: str, ip: str = "") -> None:
        super().__init__(message)
        self.ip = ip


@dataclass
class Scope:
    url: str
    local: bool | None = None  # does the source itself live on a non-public address?


_SCOPE: ContextVar[Scope | None] = ContextVar("roos_source_scope", default=None)


def address_is_public(ip: Address) -> bool:
    """Globally routable unicast: not loopback, private, link-local, multicast or reserved."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


async def addresses(host: str, port: int = 80) -> list[Address]:
    """The addresses `host` stands for; [] when it does not resolve (the fetch will say so)."""
    host = host.strip("[]")
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return []
    return [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]


def _host_port(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        port = 80
    return parts.hostname or "", port


@contextmanager
def source(url: str) -> Iterator[None]:
    """Judge every fetch inside against `url`, the source the user follows."""
    token = _SCOPE.set(Scope(url))
    try:
        yield
    finally:
        _SCOPE.reset(token)


@contextmanager
def default_source(url: str) -> Iterator[None]:
    """Inside a source's scope: nothing changes. Outside: `url` is the source."""
    if _SCOPE.get() is not None:
        yield
        return
    with source(url):
        yield


async def _source_is_local(scope: Scope) -> bool:
    if scope.local is None:
        found = await addresses(*_host_port(scope.url))
        # Every address, not any: a name that also answers with a private address must not
        # unlock the local network for everything it links.
        scope.local = bool(found) and all(not address_is_public(ip) for ip in found)
    return scope.local


def _refusal(url: str, ip: Address) -> LocalTarget:
    return LocalTarget(
        f"{url} points into the local network ({ip}); Roos does not follow links it "
        "found on a site there",
        str(ip),
    )


async def check(url: str) -> None:
    """Raise LocalTarget when `url` may not be fetched from the current source."""
    scope = _SCOPE.get()
    if scope is None or url == scope.url or await _source_is_local(scope):
        return
    for ip in await addresses(*_host_port(url)):
        if not address_is_public(ip):
            raise _refusal(url, ip)


class GuardedResolver(AbstractResolver):
    """The connector's resolver: the same rule at the moment the connection is made."""

    def __init__(self) -> None:
        self._inner = DefaultResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        found = await self._inner.resolve(host, port, family)
        scope = _SCOPE.get()
        if scope is None or _host_port(scope.url)[0] == host or await _source_is_local(scope):
            return found
        for result in found:
            ip = ipaddress.ip_address(result["host"].split("%")[0])
            if not address_is_public(ip):
                raise OSError(str(_refusal(f"http://{host}/", ip)))
        return found

    async def close(self) -> None:
        await self._inner.close()
