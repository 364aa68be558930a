"""The throw-away PostgreSQL cluster that ./scripts/test starts (ROOS_TEST_PG), one schema a test.

Outside CI a missing cluster skips the PostgreSQL half of a test; under CI (CI=true) it fails
loudly, so the team store can never pass by not being tested.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass

import psycopg
import pytest


def test_pg_url() -> str:
    url = os.environ.get("ROOS_TEST_PG")
    if not url:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("ROOS_TEST_PG is not set under CI: ./scripts/test starts the cluster")
        pytest.skip("no test PostgreSQL (run ./scripts/test, which starts one)")
    return url


test_pg_url.__test__ = False  # a helper, not a test


@dataclass
class TeamDb:
    url: str
    schema: str

    def env(self, member: str | None = None) -> dict[str, str]:
        env = {"ROOS_STORE": self.url, "ROOS_STORE_SCHEMA": self.schema}
        return {**env, "ROOS_MEMBER": member} if member else env

    def join(self, name: str) -> str:
        """`roos team join`, without the command: the store is created, the member added."""
        from agent.store.pg import PgSyncStore
        from agent.team.members import join

        store = PgSyncStore(self.url, self.schema).open()
        try:
            return join(store.connection(), name)
        finally:
            store.close()

    def sql(self, query: str, params: tuple = ()) -> list[tuple]:
        with psycopg.connect(
            self.url, autocommit=True, options=f"-c search_path={self.schema}"
        ) as c:
            cur = c.execute(query, params)
            return cur.fetchall() if cur.description else []


@pytest.fixture
def team_db():
    """A fresh schema in the test cluster, dropped afterwards."""
    url = test_pg_url()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    yield TeamDb(url, schema)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
