"""A PostgreSQL server of the test's own (initdb in a scratch directory, its own port), so that
restarting it cannot disturb the suite's database or the other test processes using it."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

# Starting, restarting and stopping a server takes seconds; never wait for ever.
PG_TIMEOUT = 60


def postgres_bin() -> Path | None:
    """The newest installed PostgreSQL's programs (Debian's layout), or None."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]))
    return found[-1].parent if found else None


@dataclass
class PostgresServer:
    bin: Path
    data: Path
    port: int
    as_postgres: bool

    @property
    def url(self) -> str:
        return f"postgres://casereview@127.0.0.1:{self.port}/casereview"

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        if self.as_postgres:
            # PostgreSQL refuses to run as root (CI runs the suite as root).
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=PG_TIMEOUT, check=False
        )
        assert done.returncode == 0, f"{program} {' '.join(args)}:\n{done.stdout}{done.stderr}"

    def pg_ctl(self, action: str, *args: str) -> None:
        # -w: return once the server accepts connections (or has stopped).
        self._run("pg_ctl", "-D", str(self.data), "-w", "-t", str(PG_TIMEOUT), action, *args)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1"
        self.pg_ctl("start", "-l", str(self.data / "server.log"), "-o", options)

    def restart(self) -> None:
        """A fast restart: every connection is cut, as when the server is restarted for an
        upgrade; it accepts connections again when this returns. (Stop, then start: ``pg_ctl
        restart`` would leave the new server writing to our pipe, not to its log file.)"""
        self.stop()
        self.start()

    def stop(self) -> None:
        self.pg_ctl("stop", "-m", "fast")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def private_postgres() -> Iterator[PostgresServer]:
    """A running server with a database ``casereview`` owned by the role ``casereview``
    (trusted on loopback: it lives only as long as the test). Stopped and removed afterwards."""
    programs = postgres_bin()
    assert programs is not None, "PostgreSQL is not installed (scripts/install-system.sh postgres)"
    as_postgres = os.geteuid() == 0
    # Not under pytest's tmp_path: the postgres user must be able to reach it.
    data = Path(tempfile.mkdtemp(prefix="casereview-pg-"))
    if as_postgres:
        shutil.chown(data, "postgres", "postgres")
    server = PostgresServer(programs, data, free_port(), as_postgres)
    try:
        server._run("initdb", "-D", str(data), "-U", "casereview", "--auth=trust", "-E", "UTF8")
        server.start()
        server._run(
            "createdb", "-h", "127.0.0.1", "-p", str(server.port), "-U", "casereview", "casereview"
        )
        yield server
    finally:
        if (data / "postmaster.pid").exists():
            server._run("pg_ctl", "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(data, ignore_errors=True)
