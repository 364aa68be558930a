"""Setting up the team database: scripts/team-db, a role that owns only its schema, and
passwords that never show in a message."""

from __future__ import annotations

import os
import stat
import subprocess
import uuid
from pathlib import Path

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict

from agent.store import StoreError
from agent.store.pg import PgSyncStore
from agent.store.pg_conn import safe_url
from tests.support.pg import test_pg_url

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "team-db"


def test_the_setup_script_makes_a_role_that_owns_only_its_schema(tmp_path):
    admin = conninfo_to_dict(test_pg_url())
    name = f"roos_{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "PGHOST": admin["host"],
        "PGPORT": str(admin["port"]),
        "PGUSER": admin["user"],
        "ROOS_DB_PASSWORD": "team-db-test-Password1",
    }
    try:
        done = subprocess.run(
            [str(SCRIPT), name, name],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        assert "team-db-test-Password1" not in done.stdout + done.stderr
        secret = tmp_path / f"roos-team-{name}.password"
        assert stat.S_IMODE(secret.stat().st_mode) == 0o600
        url = f"postgresql://{name}@{admin['host']}:{admin['port']}/{name}"
        store = PgSyncStore(url, password_file=secret).open()
        store.upsert("items", [{"id": "a", "text": "hallo"}])
        assert store.get("items", "a")["text"] == "hallo"
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            store.connection().execute("CREATE TABLE public.sneaky (a int)")
        store.close()
        again = subprocess.run(
            [str(SCRIPT), name, name],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert again.returncode == 0, again.stderr  # running it twice is harmless
    finally:
        with psycopg.connect(test_pg_url(), autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            conn.execute(f"DROP ROLE IF EXISTS {name}")


def test_a_password_never_shows_in_a_message_or_log(caplog):
    url = "postgresql://roos:hunter2-secret@127.0.0.1:1/roos?sslmode=disable"
    assert "hunter2" not in safe_url(url) and "sslmode=disable" in safe_url(url)
    with pytest.raises(StoreError) as refused:
        PgSyncStore(url).open()
    assert "hunter2" not in str(refused.value) and "127.0.0.1" in str(refused.value)
    assert "hunter2" not in caplog.text


def test_a_password_file_others_can_read_is_refused(tmp_path):
    secret = tmp_path / "pw"
    secret.write_text("geheim\n")
    secret.chmod(0o644)
    with pytest.raises(StoreError, match="chmod 600"):
        PgSyncStore("postgresql://roos@127.0.0.1/roos", password_file=secret)
