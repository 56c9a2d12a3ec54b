"""Load benchmark of the search page against `spil serve` (gunicorn), loopback only.

Starts Spil on 127.0.0.1 on a free port with a fresh temporary SPIL_DATA_DIR, uploads the seed
documents through the Bibliotheek page (so the background worker that `spil serve` starts does
the ingestion), waits until every file is read in, then lets N concurrent logged-in users each
send a fixed number of search requests and reports latency percentiles.

    .venv/bin/python benchmarks/load_search.py [--users 20] [--requests 25] [--workers 2]
                                               [--think 1.0]

Target (issue 3): p95 < 150 ms with 20 concurrent users on the five seed documents.
`--think` is the mean pause (seconds, uniformly 0.5x-1.5x) a user takes between two searches,
as a person reading results does; `--think 0` is the saturation test, where latency is set by
queueing (users / throughput), not by how fast one request is.
"""

from __future__ import annotations

import argparse
import contextlib
import http.cookiejar
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parents[1]
SEEDS_DIR = REPO_DIR.parent / "shared" / "seeds"
USERNAME = "benchmark"
PASSWORD = "benchmark-wachtwoord-1"

# A mix of short topics and longer situations, written for this benchmark.
QUERIES = [
    "crisis",
    "herindeling",
    "wethouder houdt advies tegen",
    "samenwerking met de burgemeester",
    "hoe verdeel ik mijn tijd tussen college organisatie en omgeving",
    "intervisie",
    "nieuwe raad na de verkiezingen",
    "integriteit",
    "netwerk buiten het gemeentehuis",
    "conflict tussen twee wethouders over de begroting",
    "directieteam",
    "loopbaan na het secretarisschap",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Session:
    """A logged-in browser-like client (cookies, CSRF token), loopback only."""

    def __init__(self, base: str) -> None:
        if not base.startswith("http://127.0.0.1:"):
            raise ValueError("benchmark only talks to 127.0.0.1")
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def csrf(self) -> str:
        return next(c.value for c in self.jar if c.name == "csrftoken")

    def get(self, path: str) -> tuple[int, bytes]:
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.status, response.read()

    def post(self, path: str, body: bytes, content_type: str) -> tuple[int, bytes]:
        request = urllib.request.Request(
            self.base + path,
            data=body,
            headers={
                "Content-Type": content_type,
                "X-CSRFToken": self.csrf(),
                "Referer": self.base + path,
            },
        )
        with self.opener.open(request, timeout=120) as response:
            return response.status, response.read()

    def login(self) -> None:
        self.get("/account/inloggen/")
        body = urllib.parse.urlencode(
            {"username": USERNAME, "password": PASSWORD, "csrfmiddlewaretoken": self.csrf()}
        ).encode()
        _status, page = self.post("/account/inloggen/", body, "application/x-www-form-urlencoded")
        if b"Uitloggen" not in page:
            raise RuntimeError("inloggen mislukt")


def multipart(files: list[Path], csrf: str) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
        f"{csrf}\r\n".encode()
    ]
    for path in files:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="bestanden"; '
            f'filename="{path.name}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
        )
        parts.append(path.read_bytes() + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def wait_until_up(base: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("spil serve stopte onverwacht")
        try:
            urllib.request.urlopen(base + "/account/inloggen/", timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("spil serve kwam niet op tijd op")


def upload_seeds(session: Session, seeds: list[Path], timeout: float = 300) -> float:
    started = time.perf_counter()
    body, content_type = multipart(seeds, session.csrf())
    session.post("/bibliotheek/toevoegen/", body, content_type)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        _status, html = session.get("/bibliotheek/voortgang/")
        if b"hx-trigger" not in html:
            done = time.perf_counter() - started
            errors = html.count(b"spil-file-status--error")
            if errors:
                raise RuntimeError(f"{errors} bestand(en) gaven een fout:\n{html.decode()}")
            return done
        time.sleep(0.25)
    raise RuntimeError("inlezen duurde te lang")


def run_user(
    session: Session, requests: int, offset: int, think: float, out: list[float], failures: list
):
    pause = random.Random(offset)
    for i in range(requests):
        if think:
            time.sleep(think * pause.uniform(0.5, 1.5))
        query = QUERIES[(offset + i) % len(QUERIES)]
        path = "/zoeken/?" + urllib.parse.urlencode({"q": query})
        started = time.perf_counter()
        try:
            status, html = session.get(path)
        except Exception as exc:
            failures.append(f"{query}: {exc}")
            continue
        elapsed = time.perf_counter() - started
        if status != 200 or b'id="resultaten"' not in html:
            failures.append(f"{query}: status {status}")
            continue
        out.append(elapsed)


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


@contextlib.contextmanager
def spil_server(*, workers: int, prefix: str) -> Iterator[tuple[str, subprocess.Popen]]:
    """A real `spil serve` on a free port with a fresh SQLite data folder; yields its base URL
    and process (not yet answering: see `wait_until_up`), and stops and removes it after."""
    data_dir = Path(tempfile.mkdtemp(prefix=prefix))
    port = free_port()
    env = {
        **os.environ,
        "SPIL_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "spil.conf.local",
        "SPIL_PASSWORD": PASSWORD,
        "SPIL_USER": USERNAME,
    }
    env.pop("DATABASE_URL", None)
    env.pop("SPIL_TASKS_BACKEND", None)
    spil = [sys.executable, "-m", "spil.cli"]
    subprocess.run([*spil, "init"], env=env, check=True, stdout=subprocess.DEVNULL)
    command = [*spil, "serve", "--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        yield f"http://127.0.0.1:{port}", server
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        shutil.rmtree(data_dir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--requests", type=int, default=25, help="requests per user")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--think", type=float, default=1.0, help="mean pause between searches")
    parser.add_argument("--seeds", type=Path, default=SEEDS_DIR)
    args = parser.parse_args(argv)

    seeds = sorted(args.seeds.glob("*.txt"))
    if not seeds:
        print(f"Geen brondocumenten in {args.seeds}; benchmark overgeslagen.", file=sys.stderr)
        return 2

    with spil_server(workers=args.workers, prefix="spil-load-") as (base, server):
        wait_until_up(base, server)
        admin = Session(base)
        admin.login()
        ingest_seconds = upload_seeds(admin, seeds)
        # One warm-up pass so every gunicorn worker has loaded the search statistics.
        for query in QUERIES:
            admin.get("/zoeken/?" + urllib.parse.urlencode({"q": query}))

        # Log everyone in first: password hashing is slow on purpose and is not what is measured.
        sessions = [Session(base) for _ in range(args.users)]
        for session in sessions:
            session.login()
        latencies: list[float] = []
        failures: list[str] = []
        threads = [
            threading.Thread(
                target=run_user,
                args=(sessions[n], args.requests, n, args.think, latencies, failures),
                daemon=True,
            )
            for n in range(args.users)
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started

    if not latencies:
        print("Geen geslaagde verzoeken:", *failures[:5], sep="\n", file=sys.stderr)
        return 1
    ms = [v * 1000 for v in latencies]
    p95 = percentile(ms, 95)
    print(
        f"seeds ingelezen via upload + achtergrondtaak: {len(seeds)} bestanden "
        f"in {ingest_seconds:.1f} s"
    )
    print(
        f"zoekpagina, {args.users} gelijktijdige gebruikers x {args.requests} verzoeken, "
        f"{args.workers} gunicorn-workers, denktijd gemiddeld {args.think:g} s"
    )
    print(f"  geslaagd {len(ms)}, mislukt {len(failures)}, {len(ms) / wall:.0f} verzoeken/s")
    print(
        f"  p50 {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, p99 {percentile(ms, 99):.1f} ms,"
        f" max {max(ms):.1f} ms"
    )
    print(f"  doel p95 < 150 ms: {'gehaald' if p95 < 150 else 'NIET gehaald'}")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
