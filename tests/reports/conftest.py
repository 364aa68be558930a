"""A store holding the invented October of Vlotbank, shared by the report tests."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from agent.profile import with_defaults
from agent.reports.build import gather
from agent.reports.months import Month
from agent.store import SyncStore

from .fixture_month import Month as FixtureMonth
from .fixture_month import store_month

FIXTURES = Path(__file__).parents[1] / "fixtures"
OCTOBER = Month.parse("2026-10")
# The morning after: October is complete.
AFTER = datetime(2026, 11, 2, 7, 0, tzinfo=UTC)


def vlot_profile() -> dict:
    raw = json.loads((FIXTURES / "profile_vlotbank.json").read_text(encoding="utf-8"))
    return with_defaults(raw)


@pytest.fixture(scope="module")
def profile() -> dict:
    return vlot_profile()


@pytest.fixture(scope="module")
def stored(
    tmp_path_factory: pytest.TempPathFactory, profile: dict
) -> tuple[SyncStore, FixtureMonth]:
    store = SyncStore(tmp_path_factory.mktemp("report") / "store").open()
    return store, store_month(store, profile)


@pytest.fixture(scope="module")
def inputs(stored, profile) -> dict:
    return gather(stored[0], OCTOBER, profile)
