"""A damaged shard gives back everything still readable, and names what it could not.

The probe truncated a 520-document shard whose snapshot (.bak) held 320: the agent used to
start with the snapshot alone, 200 acknowledged items fewer, and only logged a warning.
Now every complete document before the damage is read back, the snapshot fills in the
rest, and an id seen in the unreadable tail that no copy holds is noted as lost
(store/recovery.json, shown by `roos doctor` and the dashboard), never dropped silently.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import orjson

from agent.sources.browser import CHROMIUM
from agent.store import SyncStore
from agent.store.recover import read_notes
from tests.support.agent import ROOS, AgentProcess


def doc(n: int) -> dict:
    return {"id": f"urn:li:activity:{n}", "text": f"Bericht {n} over Vlotbank", "n": n}


def shard_of_520_with_a_snapshot_of_320(folder: Path) -> Path:
    store = SyncStore(folder).open()
    store.upsert("items", [doc(n) for n in range(320)])
    store.upsert("items", [doc(n) for n in range(320, 520)])  # the .bak now holds 320
    (shard,) = (folder / "items").glob("*.json")
    return shard


def test_a_truncated_shard_gives_back_every_readable_item_and_names_the_rest(tmp_path):
    folder = tmp_path / "store"
    shard = shard_of_520_with_a_snapshot_of_320(folder)
    whole = shard.read_bytes()
    shard.write_bytes(whole[: len(whole) * 9 // 10])

    store = SyncStore(folder).open()
    back = {d["id"] for d in store.find("items")[0]}
    assert {doc(n)["id"] for n in range(320)} <= back
    assert len(back) > 450  # nine tenths of the file: about 468 complete documents
    (note,) = read_notes(folder)
    # Every acknowledged item is back or counted as lost (the shard's header said 520).
    assert note["lost"] == 520 - len(back) > 0
    assert note["from_backup"] + note["from_file"] == len(back)
    (aside,) = shard.parent.glob(f"{shard.name}.corrupt-*")
    assert aside.read_bytes() == whole[: len(whole) * 9 // 10]  # kept byte-identical


def test_a_shard_overwritten_in_the_middle_keeps_the_documents_before_the_damage(tmp_path):
    folder = tmp_path / "store"
    shard = shard_of_520_with_a_snapshot_of_320(folder)
    whole = bytearray(shard.read_bytes())
    middle = len(whole) * 3 // 4
    whole[middle : middle + 64] = b"\0" * 64  # a torn sector
    shard.write_bytes(bytes(whole))

    store = SyncStore(folder).open()
    assert store.count("items") > 380
    assert orjson.loads(shard.read_bytes())  # the recovered shard is whole JSON again
    store.upsert("items", [doc(999)])
    assert SyncStore(folder).open().count("items") == store.count("items")


def truncated_home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    shard = shard_of_520_with_a_snapshot_of_320(home / "store")
    whole = shard.read_bytes()
    shard.write_bytes(whole[: len(whole) * 9 // 10])
    return home


def doctor(home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(ROOS), "doctor", "--home", str(home), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_roos_doctor_and_the_dashboard_say_what_could_not_be_recovered(tmp_path):
    home = truncated_home(tmp_path)
    with AgentProcess(home) as agent:  # the agent recovers on start
        status, answer = agent.call("GET", "/api/doctor")
        assert status == 200
        (store,) = [c for c in answer["checks"] if c["check"] == "store"]
        assert not store["ok"] and store["details"]["lost"] == 52
        if Path(CHROMIUM).exists():
            shown = dashboard_notice(agent)
            assert "52 stored documents could not be recovered" in shown
            assert "items/" in shown and "roos doctor" in shown

    found = doctor(home)
    assert found.returncode == 1
    assert "PROBLEM  store: store/items/" in found.stdout and "lost 52 documents" in found.stdout
    assert "roos doctor --clear" in found.stdout
    assert "Traceback" not in found.stderr

    cleared = doctor(home, "--clear")
    assert "Cleared the notes" in cleared.stdout and "ok       store" in cleared.stdout


def dashboard_notice(agent: AgentProcess) -> str:
    from playwright.sync_api import sync_playwright

    from tests.dashboard.conftest import ARGS, open_dashboard

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            watched = open_dashboard(browser.new_context(locale="en-GB"), agent)
            notice = watched.page.wait_for_selector("[data-roos=store-notice]", timeout=15_000)
            return notice.text_content() or ""
        finally:
            browser.close()


def test_roos_doctor_checks_modes_disk_lock_and_leftovers(tmp_path):
    home = tmp_path / "home"
    with AgentProcess(home):
        running = doctor(home)
        assert "an agent (pid" in running.stdout
    (home / "reports").mkdir(mode=0o755, exist_ok=True)
    (home / "reports").chmod(0o755)
    (home / ".profile.toml.4242.tmp").write_text("half")
    found = doctor(home)
    assert found.returncode == 1
    assert "PROBLEM  modes:" in found.stdout and "reports (0755)" in found.stdout
    assert "chmod -R go-rwx" in found.stdout
    assert "PROBLEM  leftovers:" in found.stdout and ".profile.toml.4242.tmp" in found.stdout
    assert "ok       disk" in found.stdout and "no agent is running" in found.stdout
