"""The flat list of API features: one module each, each exporting ROUTES."""

from __future__ import annotations

from .api import health, items, live, openapi, profile
from .routing import Route

FEATURES = (health, items, profile, openapi, live)


def all_routes() -> list[Route]:
    return [route for feature in FEATURES for route in feature.ROUTES]
