"""Load the web app: 20 concurrent clients against the dashboard, the reader and one API call.

    PYTHONPATH=src python benchmarks/web.py [--seconds 10] [--clients 20] [--db URL]

Creates a throwaway SQLite workspace holding the built-in example (unless ``--db`` names an
existing one with an ``admin`` account whose password is in ``MANDATE_BENCH_PASSWORD``), starts
``mandate serve`` on a free loopback port in its own process, logs each client in, then for each
target runs the clients in closed loop for a bounded time and prints requests per second and
the p50/p95 latency. Target: p95 under 100 ms for each at 20 clients on a 2-core machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

TARGETS = (
    ("dashboard", "/"),
    ("reader", "/reader/S/2020/600"),
    ("api dashboard", "/api/dashboard"),
    ("api obligations", "/api/obligations"),  # all 144 of the example: the largest answer
)
P95_TARGET_MS = 100.0


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of the server process and its direct children (workers)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if stat.parent.name == str(pid) or fields[1] == str(pid):
            total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def prepare(db: str | None) -> tuple[str, str]:
    if db:
        return db, os.environ["MANDATE_BENCH_PASSWORD"]
    from mandate_tracker.web.server import prepare_demo

    folder = Path(tempfile.mkdtemp(prefix="mandate-bench-"))
    url, password = prepare_demo(f"sqlite:///{folder / 'bench.sqlite3'}")
    assert password is not None
    return url, password


def start_server(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1] / "src"))
    command = [sys.executable, "-m", "mandate_tracker", "serve", "--db", url, "--port", str(port)]
    command += ["--workers", str(workers)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start")


async def logged_in_client(base: str, password: str) -> httpx.AsyncClient:
    client = httpx.AsyncClient(base_url=base, timeout=10)
    form = (await client.get("/login")).text
    match = re.search(r'name="csrf_token" value="([^"]+)"', form)
    assert match, "no CSRF token on the login page"
    answer = await client.post(
        "/login", data={"name": "admin", "password": password, "csrf_token": match.group(1)}
    )
    assert answer.status_code == 303, answer.text
    return client


async def drive(clients: list[httpx.AsyncClient], path: str, seconds: float) -> list[float]:
    latencies: list[float] = []
    stop = time.monotonic() + seconds

    async def loop(client: httpx.AsyncClient) -> None:
        while time.monotonic() < stop:
            started = time.perf_counter()
            answer = await client.get(path)
            latencies.append((time.perf_counter() - started) * 1000)
            if answer.status_code != 200:
                raise SystemExit(f"{path} answered {answer.status_code}")

    await asyncio.gather(*(loop(client) for client in clients))
    return latencies


async def run(
    base: str, password: str, clients_count: int, seconds: float, server_pid: int
) -> bool:
    clients = [await logged_in_client(base, password) for _ in range(clients_count)]
    ok = True
    print(f"{clients_count} concurrent clients, {seconds:g} s per target, {base}")
    print(f"machine load average before the run: {os.getloadavg()[0]:.2f}")
    print(
        f"{'target':<18}{'requests':>9}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'server CPU ms/req':>19}"
    )
    try:
        for name, path in TARGETS:
            await drive(clients, path, min(2.0, seconds))  # warm up
            cpu_before = cpu_seconds(server_pid)
            latencies = await drive(clients, path, seconds)
            cpu = (cpu_seconds(server_pid) - cpu_before) * 1000 / len(latencies)
            p50 = statistics.median(latencies)
            p95 = statistics.quantiles(latencies, n=20)[-1]
            ok = ok and p95 < P95_TARGET_MS
            print(
                f"{name:<18}{len(latencies):>9}{len(latencies) / seconds:>9.1f}"
                f"{p50:>9.1f}{p95:>9.1f}{cpu:>19.2f}"
                f"{'' if p95 < P95_TARGET_MS else '  (over target)'}"
            )
    finally:
        for client in clients:
            await client.aclose()
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--db", default=None)
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    args = parser.parse_args()
    url, password = prepare(args.db)
    port = free_port()
    server = start_server(url, port, args.workers)
    try:
        base = f"http://127.0.0.1:{port}"
        ok = asyncio.run(run(base, password, args.clients, args.seconds, server.pid))
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"target p95 < {P95_TARGET_MS:g} ms: {'met' if ok else 'NOT met'}")
    print(f"machine load average after the run: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
