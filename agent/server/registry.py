"""The flat list of API features: one module each, each exporting ROUTES.

Order matters only where paths overlap: specific paths come before catch-alls.
"""

from __future__ import annotations

from .api import (
    analyze,
    drafts,
    events,
    follow_ratio,
    health,
    items,
    live,
    openapi,
    own_posts,
    people,
    profile,
    reach_out,
    replies,
    sources,
    stats,
)
from .routing import Route

FEATURES = (
    health,
    items,
    analyze,
    drafts,
    follow_ratio,
    people,
    replies,
    own_posts,
    events,
    stats,
    reach_out,
    sources,
    profile,
    openapi,
    live,
)


def all_routes() -> list[Route]:
    return [route for feature in FEATURES for route in feature.ROUTES]
