"""The meeting room under a real vote: 300 members cast a secret ballot within 10 seconds.

Set-up (throw-away data directory, in a subprocess): migrations, a town committee, 300
members with accounts (sessions made directly: logging 300 people in is not what is
measured), a room with all of them present, a secret vote opened. Then ``capuy serve``
(gunicorn, default workers and threads) on 127.0.0.1.

Load, as in the hall: 300 phone threads, each polling the room's version every 3 s (what
member.js does) and casting its ballot at a random moment of the first 8 s; 30 of them try
a second ballot at once; the hall's screen holds a server-sent events stream. Then the chair
closes the vote and we time how long the screen takes to show the final count.

Checked: every ballot accepted once (300 voters, 300 ballots), the 30 second attempts
refused, the tally exactly the choices sent. Baseline, same run, same pattern: the 300
threads hit ``/healthz`` (Django, no database) instead of casting.

Run: ``make bench`` or ``python -m benchmarks meetingroom``. ``CAPUY_BENCH_DATABASE_URL``
(a PostgreSQL server URL) runs it once more on PostgreSQL with 3 workers.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

MEMBERS = 300
SECOND_TRIES = 30
WINDOW = 8.0  # seconds over which the ballots arrive
POLL_EVERY = 3.0  # member.js
REPO = Path(__file__).resolve().parents[1]
CAPUY = str(Path(sys.executable).with_name("capuy"))
CHOICES = ["dong_y"] * 180 + ["khong_dong_y"] * 90 + ["khong_bieu_quyet"] * 30


def _prepare() -> None:
    """Entry of ``python -m benchmarks.bench_meetingroom prepare`` (in CAPUY_DATA_DIR)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "capuy.web.settings")
    from capuy.web.server import prepare

    prepare(report=lambda _: None, collect_static=True)
    import datetime as dt

    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import User
    from django.contrib.sessions.backends.db import SessionStore

    from capuy.accounts.models import Profile, RoleAssignment
    from capuy.meetingroom import room as rooms
    from capuy.meetingroom import voting
    from capuy.meetings.models import AgendaItem, Meeting
    from capuy.orgs.models import Body, CommitteeTerm, Organisation

    town = Organisation.objects.create(
        name="Đảng bộ thị xã Đức Phổ",
        committee_name="Thị ủy Đức Phổ",
        kind="dang_bo_huyen",
        code="TU",
    )
    CommitteeTerm.objects.create(
        organisation=town,
        ordinal=21,
        start_year=2020,
        end_year=2025,
        start_date=dt.date(2020, 8, 1),
    )
    bch = Body.objects.create(organisation=town, kind="bch", name="Ban Chấp hành")
    meeting = Meeting.objects.create(
        organisation=town, body=bch, title="Đại hội", held_on=dt.date(2025, 9, 1)
    )
    AgendaItem.objects.create(meeting=meeting, position=1, title="Biểu quyết Nghị quyết")
    users = User.objects.bulk_create(
        User(username=f"daibieu{i:03d}", last_name="Nguyễn Văn", first_name=f"Số {i}")
        for i in range(MEMBERS)
    )
    users = list(User.objects.filter(username__startswith="daibieu").order_by("username"))
    Profile.objects.bulk_create(Profile(user=u) for u in users)
    chair = User.objects.create_user("chutri", last_name="Trần", first_name="Chủ Trì")
    Profile.objects.create(user=chair)
    RoleAssignment.objects.create(user=chair, organisation=town, role="lanh_dao")
    session = rooms.create_room(meeting, members_total=MEMBERS, invitees=users, chair=chair)
    rooms.open_room(session, chair)
    from capuy.meetingroom.models import Invitee

    Invitee.objects.filter(session=session).update(attendance="hall")
    poll = voting.create_poll(session, title="Thông qua Nghị quyết", method="secret")
    voting.open_poll(poll, chair)
    second = voting.create_poll(session, title="Thông qua Quy chế làm việc", method="secret")

    def cookie(user: Any) -> str:
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        csrf = secrets.token_hex(16)  # 32 characters, what Django's CSRF cookie holds
        return json.dumps({"session": store.session_key, "csrf": csrf})

    out = {
        "room": session.pk,
        "polls": [poll.pk, second.pk],
        "members": [json.loads(cookie(u)) for u in users],
        "chair": json.loads(cookie(chair)),
    }
    Path(os.environ["CAPUY_DATA_DIR"], "bench.json").write_text(json.dumps(out))


def _check(db_env: dict[str, str], poll: int) -> dict[str, Any]:
    code = (
        "import os,json;os.environ.setdefault('DJANGO_SETTINGS_MODULE','capuy.web.settings');"
        "import django;django.setup();"
        "from capuy.meetingroom.models import Ballot,Voter,Poll;"
        f"p=Poll.objects.get(pk={poll});"
        "print(json.dumps({'voters':Voter.objects.filter(poll=p).count(),"
        "'ballots':Ballot.objects.filter(poll=p).count(),'result':p.result,'state':p.state}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=db_env,
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def _headers(who: dict[str, str]) -> dict[str, str]:
    return {
        "Cookie": f"sessionid={who['session']}; csrftoken={who['csrf']}",
        "X-CSRFToken": who["csrf"],
        "Content-Type": "application/x-www-form-urlencoded",
        "Referer": "http://127.0.0.1/",
    }


def _request(port: int, method: str, path: str, who: dict[str, str], body: str = "") -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request(method, path, body=body or None, headers=_headers(who))
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


class Screen(threading.Thread):
    """The hall's screen: reads the event stream, notes when the closed result arrives."""

    def __init__(self, port: int, room: int, poll: int, who: dict[str, str]) -> None:
        super().__init__(daemon=True)
        self.port, self.room, self.poll, self.who = port, room, poll, who
        self.final_at: float | None = None
        self.final: dict[str, Any] | None = None
        self.stop = False

    def run(self) -> None:
        last = ""
        while not self.stop and self.final_at is None:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=70)
            headers = {"Cookie": f"sessionid={self.who['session']}", "Last-Event-ID": last}
            conn.request("GET", f"/phong-hop/{self.room}/su-kien/", headers=headers)
            response = conn.getresponse()
            data = ""
            for raw in response:
                line = raw.decode("utf-8").rstrip("\n")
                if line.startswith("id: "):
                    last = line[4:]
                elif line.startswith("data: "):
                    data = line[6:]
                elif line == "" and data:
                    state = json.loads(data)
                    data = ""
                    poll = state.get("poll") or {}
                    if poll.get("id") == self.poll and poll.get("state") == "closed":
                        self.final_at = time.perf_counter()
                        self.final = poll
                        break
            conn.close()


def _p(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def _phones(
    port: int, info: dict[str, Any], poll: int, cast: bool, polling: bool
) -> dict[str, Any]:
    """300 phones (polling the room every 3 s if ``polling``); each casts (or GETs /healthz)
    once in the window."""
    rng = random.Random(15)
    choices = CHOICES[:]
    rng.shuffle(choices)
    offsets = [rng.uniform(0, WINDOW) for _ in range(MEMBERS)]
    room = info["room"]
    lat: list[float] = []
    polls: list[float] = []
    statuses: list[int] = []
    lock = threading.Lock()
    t0 = time.perf_counter() + 0.5
    end = t0 + WINDOW + 1.0

    def phone(i: int) -> None:
        who = info["members"][i]
        next_poll = t0 + rng.uniform(0, POLL_EVERY) if polling else float("inf")
        done = False
        while True:
            now = time.perf_counter()
            if not done and now >= t0 + offsets[i]:
                began = time.perf_counter()
                if cast:
                    path = f"/phong-hop/{room}/bieu-quyet/{poll}/bo-phieu/"
                    status = _request(port, "POST", path, who, f"phuong_an={choices[i]}")
                else:
                    status = _request(port, "GET", "/healthz", who)
                with lock:
                    lat.append((time.perf_counter() - began) * 1000)
                    statuses.append(status)
                done = True
                if cast and i < SECOND_TRIES:  # a second ballot, straight after
                    _request(port, "POST", path, who, "phuong_an=khong_dong_y")
            elif done and (now >= end or not polling):
                return
            elif now >= next_poll:
                began = time.perf_counter()
                _request(port, "GET", f"/phong-hop/{room}/trang-thai/", who)
                with lock:
                    polls.append((time.perf_counter() - began) * 1000)
                next_poll = max(next_poll + POLL_EVERY, time.perf_counter())
            else:
                wake = min(next_poll, t0 + offsets[i] if not done else end)
                time.sleep(max(0.0, min(wake - time.perf_counter(), 0.2)))

    threads = [threading.Thread(target=phone, args=(i,), daemon=True) for i in range(MEMBERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {
        "latencies": lat,
        "polls": polls,
        "statuses": statuses,
        "span": max(lat) / 1000 + WINDOW,
    }


def _run(label: str, env: dict[str, str], workers: int | None) -> None:
    data_dir = Path(env["CAPUY_DATA_DIR"])
    subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_meetingroom", "prepare"],
        env=env,
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    info = json.loads((data_dir / "bench.json").read_text())
    from benchmarks.bench_web import _free_port, _wait_until_up

    port = _free_port()
    command = [CAPUY, "serve", "--host", "127.0.0.1", "--port", str(port)]
    server_env = {**env, **({"CAPUY_WORKERS": str(workers)} if workers else {})}
    server = subprocess.Popen(
        command, env=server_env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        _wait_until_up(port)
        print(f"\n### {label}")
        print("| scenario | requests | p50 ms | p95 ms | max ms | p95 × baseline |")
        print("|---|---:|---:|---:|---:|---:|")
        notes = []
        scenarios = [("phones idle, ballot on screen", False), ("phones polling every 3 s", True)]
        for n, (scenario, polling) in enumerate(scenarios):
            poll = info["polls"][n]
            if n:
                _request(
                    port,
                    "POST",
                    f"/phong-hop/{info['room']}/dieu-hanh/mo-bieu-quyet/",
                    info["chair"],
                    f"poll={poll}",
                )
            screen = Screen(port, info["room"], poll, info["chair"])
            screen.start()
            load_before = os.getloadavg()[0]
            baseline = _phones(port, info, poll, cast=False, polling=polling)
            run = _phones(port, info, poll, cast=True, polling=polling)
            began = time.perf_counter()
            status = _request(
                port,
                "POST",
                f"/phong-hop/{info['room']}/dieu-hanh/ket-thuc-bieu-quyet/",
                info["chair"],
                f"poll={poll}",
            )
            screen.join(timeout=10)
            shown = (screen.final_at - began) if screen.final_at else None
            checked = _check(env, poll)
            counts = {o["key"]: o["count"] for o in checked["result"].get("options", [])}
            expected = {k: CHOICES.count(k) for k in set(CHOICES)}
            lat, base = run["latencies"], baseline["latencies"]
            ok = sum(1 for s in run["statuses"] if s == 302)
            print(
                f"| {scenario}: baseline GET /healthz | {len(base)} | "
                f"{statistics.median(base):.0f} | {_p(base, 95):.0f} | {max(base):.0f} | 1,0 |"
            )
            print(
                f"| {scenario}: secret ballot POST | {len(lat)} | {statistics.median(lat):.0f} "
                f"| {_p(lat, 95):.0f} | {max(lat):.0f} | {_vn(_p(lat, 95) / _p(base, 95))} |"
            )
            if polling:
                print(
                    f"| {scenario}: the phones' polls during the vote | {len(run['polls'])} "
                    f"| {statistics.median(run['polls']):.0f} | {_p(run['polls'], 95):.0f} "
                    f"| {max(run['polls']):.0f} | |"
                )
            notes.append(
                f"- {scenario} (load average {_vn(load_before)} → {_vn(os.getloadavg()[0])}): "
                f"ballots accepted {ok}/{MEMBERS}, last one {_vn(run['span'])} s after the first "
                f"could be cast; in the database {checked['voters']} voters, "
                f"{checked['ballots']} ballots; {SECOND_TRIES} second ballots tried and refused; "
                f"tally {counts} "
                f"{'= choices sent' if counts == expected else f'≠ choices sent {expected}'}; "
                f"close → final count on the hall screen "
                f"{f'{_vn(shown, 2)} s' if shown is not None else 'NOT SEEN'} (close: {status})"
            )
            if screen.final:
                assert screen.final["result"]["total"] == MEMBERS
            assert checked["voters"] == checked["ballots"] == MEMBERS and counts == expected
            screen.stop = True
        print("\n".join(notes))
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def _vn(value: float, places: int = 1) -> str:
    """A figure written the Vietnamese way (decimal comma), as BENCHMARKS.md writes them."""
    return f"{value:.{places}f}".replace(".", ",")


def main() -> None:
    data_dir = Path(tempfile.mkdtemp(prefix="capuy-bench-room-"))
    env = {**os.environ, "CAPUY_DATA_DIR": str(data_dir)}
    env.pop("CAPUY_DATABASE_URL", None)
    try:
        _run("SQLite (embedded default), `capuy serve` default workers", env, None)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    url = os.environ.get("CAPUY_BENCH_DATABASE_URL", "").strip()
    if url:
        import psycopg

        name = f"capuy_bench_room_{os.getpid()}"
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        data_dir = Path(tempfile.mkdtemp(prefix="capuy-bench-room-pg-"))
        pg_env = {
            **os.environ,
            "CAPUY_DATA_DIR": str(data_dir),
            "CAPUY_DATABASE_URL": url.rsplit("/", 1)[0] + "/" + name,
        }
        try:
            _run("PostgreSQL, 3 web workers (LISTEN/NOTIFY between them)", pg_env, 3)
        finally:
            shutil.rmtree(data_dir, ignore_errors=True)
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


if __name__ == "__main__":
    if sys.argv[1:2] == ["prepare"]:
        _prepare()
    else:
        main()
