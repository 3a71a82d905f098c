"""Run a command against a throwaway PostgreSQL server on a loopback port.

    python scripts/with_postgres.py COMMAND [ARGS...]

Starts a fresh cluster (Debian's ``initdb``/``pg_ctl``, run as the ``postgres`` user when we are
root, ``--no-sync`` and ``fsync=off`` since the data is thrown away), creates a database, runs
COMMAND with ``MANDATE_TEST_DATABASE_URL`` pointing at it, then stops the server and removes the
cluster. Exits with COMMAND's exit code.

When no PostgreSQL server is installed, it says so and exits 0, unless ``CI`` is set, where a
missing server is an error (``.ci/run`` installs it).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path


def find_bindir() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for candidate in candidates:
        if (Path(candidate) / "initdb").exists():
            return Path(candidate)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def as_postgres(argv: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *argv]
    return argv


def main(command: list[str]) -> int:
    if not command:
        print(__doc__, file=sys.stderr)
        return 2
    bindir = find_bindir()
    if bindir is None:
        if os.environ.get("CI"):
            print("with_postgres: no PostgreSQL server installed", file=sys.stderr)
            return 1
        print("PostgreSQL run skipped: no server installed (apt-get install postgresql)")
        return 0
    workdir = Path(tempfile.mkdtemp(prefix="mandate-pg-"))
    datadir = workdir / "data"
    if os.geteuid() == 0:
        shutil.chown(workdir, "postgres", "postgres")
    port = free_port()
    log = workdir / "server.log"
    subprocess.run(
        as_postgres(
            [
                str(bindir / "initdb"),
                "--no-sync",
                "-A",
                "trust",
                "-U",
                "postgres",
                "-D",
                str(datadir),
            ]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    options = (
        f"-p {port} -c listen_addresses=127.0.0.1 -c fsync=off -c unix_socket_directories={workdir}"
    )
    subprocess.run(
        as_postgres(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(datadir),
                "-l",
                str(log),
                "-o",
                options,
                "-w",
                "start",
            ]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    try:
        subprocess.run(
            as_postgres(
                [
                    str(bindir / "createdb"),
                    "-h",
                    "127.0.0.1",
                    "-p",
                    str(port),
                    "-U",
                    "postgres",
                    "mandate_test",
                ]
            ),
            check=True,
        )
        env = dict(os.environ)
        env["MANDATE_TEST_DATABASE_URL"] = (
            f"postgresql+psycopg://postgres@127.0.0.1:{port}/mandate_test"
        )
        env["MANDATE_PG_BINDIR"] = str(bindir)
        print(f"== running against PostgreSQL on 127.0.0.1:{port}", flush=True)
        return subprocess.run(command, env=env).returncode
    finally:
        subprocess.run(
            as_postgres([str(bindir / "pg_ctl"), "-D", str(datadir), "-m", "fast", "-w", "stop"]),
            stdout=subprocess.DEVNULL,
        )
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
