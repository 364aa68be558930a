"""One address per post, however Roos found it: feed guid, feed link, page URL or canonical link.

A post's id is its canonical URL: the page's `<link rel=canonical>`, else its
address without fragment and without the tracking parameters newsletters and
feeds add (`utm_*`, `fbclid`, ...). A WordPress feed's guid (`/?p=10742`) is
not an id but an alias: items stored under it before are still recognised.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl"}
    | {"ref_src", "spm", "share", "amp"}
)


def without_tracking(url: str) -> str:
    """The URL minus fragment and tracking parameters; everything else stays as it was."""
    parts = urlsplit(url.strip())
    query = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not name.lower().startswith("utm_") and name.lower() not in TRACKING
    ]
    return urlunsplit(parts._replace(query=urlencode(query), fragment=""))


def wp_number(url: str) -> int | None:
    """N from a WordPress shortlink or guid `…/?p=N`."""
    values = dict(parse_qsl(urlsplit(url).query))
    value = values.get("p", "")
    return int(value) if value.isdigit() else None
