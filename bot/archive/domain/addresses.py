"""Which network addresses a feed may be fetched from: public ones only, unless an operator
named the host (DIGESTBOT_FEED_ALLOW_HOSTS).

A moderator types a feed URL; without this policy the bot would fetch whatever it names, including
the host's own services (127.0.0.1), its private network, cloud metadata endpoints (169.254.x) or
multicast groups. The policy is pure: callers hand it URLs and resolved addresses.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
SCHEMES = ("http", "https")


class AddressRefused(OSError):
    """The URL or one of the addresses its host resolves to is not allowed."""


def _embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address inside an IPv4-mapped, 6to4 or Teredo IPv6 address."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return ip.ipv4_mapped
        if ip.sixtofour is not None:
            return ip.sixtofour
        if ip.teredo is not None:
            return ip.teredo[1]
    return None


def why_not_public(ip: IPAddress) -> str | None:
    """None for a public unicast address; otherwise what kind of address it is."""
    inner = _embedded_ipv4(ip)
    if inner is not None:
        return why_not_public(inner)
    for kind, flag in (
        ("loopback", ip.is_loopback),
        ("unspecified", ip.is_unspecified),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
    ):
        if flag:
            return kind
    if not ip.is_global:  # shared address space (100.64.0.0/10), benchmarking, ...
        return "non-public"
    return None


def _normalize_host(host: str) -> str:
    return host.strip().strip("[]").rstrip(".").casefold()


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """Public addresses only; ``allowed_hosts`` (names or IP literals) are trusted as they are."""

    allowed_hosts: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def allowing(cls, hosts: Iterable[str]) -> AddressPolicy:
        return cls(frozenset(_normalize_host(h) for h in hosts if h.strip()))

    def host_allowed(self, host: str) -> bool:
        return _normalize_host(host) in self.allowed_hosts

    def check_url(self, url: str) -> str:
        """The URL's host if the URL may be fetched; AddressRefused with the reason otherwise."""
        try:
            parts = urlsplit(url)
            host = parts.hostname or ""
            _ = parts.port  # a malformed port raises ValueError here
        except ValueError as exc:
            raise AddressRefused(f"{url!r} is not a valid URL ({exc})") from None
        if parts.scheme.casefold() not in SCHEMES:
            raise AddressRefused(f"only http and https feeds can be followed, not {parts.scheme!r}")
        if not host:
            raise AddressRefused(f"{url!r} names no host")
        if parts.username or parts.password:
            raise AddressRefused("feed URLs with a user name or password are not followed")
        literal = _literal(host)
        if literal is not None and not self.host_allowed(host):
            kind = why_not_public(literal)
            if kind is not None:
                raise AddressRefused(f"{host} is a {kind} address; feeds must be on the internet")
        return host

    def check_resolved(self, host: str, addresses: Iterable[str]) -> None:
        """Every address ``host`` resolved to must be public (unless the host is allowed)."""
        if self.host_allowed(host):
            return
        for raw in addresses:
            ip = _literal(raw)
            if ip is None:
                raise AddressRefused(f"{host} resolved to {raw!r}, which is not an IP address")
            if self.host_allowed(str(ip)):
                continue
            kind = why_not_public(ip)
            if kind is not None:
                raise AddressRefused(
                    f"{_normalize_host(host)} resolves to {ip}, a {kind} address; "
                    "feeds must be on the internet"
                )
