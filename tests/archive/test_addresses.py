"""The feed address policy, checked without opening a single connection."""

from __future__ import annotations

import ipaddress

import pytest

from bot.archive.domain.addresses import AddressPolicy, AddressRefused, why_not_public

NOT_PUBLIC = {
    "127.0.0.1": "loopback",
    "127.255.255.254": "loopback",
    "::1": "loopback",
    "0.0.0.0": "unspecified",
    "::": "unspecified",
    "10.1.2.3": "private",
    "172.16.0.1": "private",
    "172.31.255.255": "private",
    "192.168.1.1": "private",
    "fd00::1": "private",
    "169.254.169.254": "link-local",  # cloud metadata services
    "fe80::1": "link-local",
    "224.0.0.1": "multicast",
    "239.255.255.250": "multicast",
    "ff02::1": "multicast",
    "100.64.0.1": "non-public",  # carrier-grade NAT
    "240.0.0.1": "private",  # 240.0.0.0/4 is reserved; Python counts it private
    "::ffff:127.0.0.1": "loopback",  # IPv4-mapped
    "::ffff:10.0.0.1": "private",
    "2002:7f00:1::": "loopback",  # 6to4 wrapping 127.0.0.1
}
PUBLIC = ["93.184.216.34", "1.1.1.1", "8.8.8.8", "2606:4700:4700::1111", "2a00:1450:4001::200e"]


@pytest.mark.parametrize(("address", "kind"), NOT_PUBLIC.items())
def test_non_public_addresses_are_named(address: str, kind: str) -> None:
    assert why_not_public(ipaddress.ip_address(address)) == kind


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_pass(address: str) -> None:
    assert why_not_public(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1:8080/feed.xml", "loopback"),
        ("http://[::1]/feed", "loopback"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("https://10.0.0.5/rss", "private"),
        ("http://[ff02::1]/", "multicast"),
        ("file:///etc/passwd", "only http and https"),
        ("gopher://example.org/", "only http and https"),
        ("ftp://example.org/feed", "only http and https"),
        ("http:///feed", "names no host"),
        ("http://user:secret@example.org/feed", "user name or password"),
        ("http://example.org:99999/feed", "not a valid URL"),
    ],
)
def test_urls_that_are_refused_before_any_lookup(url: str, reason: str) -> None:
    with pytest.raises(AddressRefused, match=reason):
        AddressPolicy().check_url(url)


def test_public_urls_and_names_pass_the_url_check() -> None:
    policy = AddressPolicy()
    assert policy.check_url("https://lemmy.ml/feeds/c/northkorea.xml") == "lemmy.ml"
    assert policy.check_url("http://93.184.216.34/rss") == "93.184.216.34"


def test_names_resolving_to_private_addresses_are_refused() -> None:
    policy = AddressPolicy()
    policy.check_resolved("news.example", ["93.184.216.34", "2606:4700:4700::1111"])
    with pytest.raises(AddressRefused, match=r"resolves to 127\.0\.0\.1, a loopback address"):
        policy.check_resolved("localhost", ["127.0.0.1"])
    # one bad address among good ones is enough (DNS rebinding hands out mixed answers)
    with pytest.raises(AddressRefused, match=r"10\.0\.0\.7, a private"):
        policy.check_resolved("mixed.example.", ["93.184.216.34", "10.0.0.7"])
    with pytest.raises(AddressRefused, match="not an IP address"):
        policy.check_resolved("odd.example", ["not-an-ip"])


def test_the_operator_can_allow_named_hosts() -> None:
    policy = AddressPolicy.allowing(["127.0.0.1", "Feeds.Internal.", " [::1] "])
    assert policy.check_url("http://127.0.0.1:8080/feed.xml") == "127.0.0.1"
    assert policy.check_url("http://[::1]/feed") == "::1"
    policy.check_resolved("feeds.internal", ["10.0.0.9"])  # allowed by name
    policy.check_resolved("anything.example", ["127.0.0.1"])  # allowed by address
    with pytest.raises(AddressRefused):
        policy.check_resolved("other.internal", ["10.0.0.9"])
    with pytest.raises(AddressRefused):
        policy.check_url("http://127.0.0.2/feed")
