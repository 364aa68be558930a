"""The flat list of API features: one module each, each exporting ROUTES.

Order matters only where paths overlap: specific paths come before catch-alls.
"""

from __future__ import annotations

from . import sessions
from .api import (
    analyze,
    claims,
    dashboard,
    debug,
    doctor,
    drafts,
    events,
    follow_ratio,
    health,
    inbox,
    inbox_work,
    insights,
    items,
    live,
    openapi,
    own_posts,
    people,
    privacy,
    profile,
    reach_out,
    replies,
    reports,
    sources,
    start,
    stats,
    team,
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
    claims,
    own_posts,
    events,
    stats,
    reach_out,
    sources,
    profile,
    openapi,
    live,
    sessions,
    inbox,
    inbox_work,
    start,
    team,
    insights,
    privacy,
    reports,
    debug,
    doctor,
    dashboard,
)


def all_routes() -> list[Route]:
    return [route for feature in FEATURES for route in feature.ROUTES]
