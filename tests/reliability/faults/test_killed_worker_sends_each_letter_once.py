"""A task worker killed (SIGKILL) in the middle of e-mailing letters is restarted, with the
recovery of the task it left "running", and every letter is e-mailed exactly once.

Everything is real: a file database (SQLite, or a scratch PostgreSQL database when the suite
runs there) shared by real ``manage.py db_worker`` processes, letters written and sent by the
real tasks through the real SMTP client, to an SMTP server on loopback that takes a moment over
each message so that the kill lands while one is on its way.

The kill is timed to land while the server holds a letter's DATA and has not yet answered "250":
the one moment a correct design may lose nothing and send nothing twice. (The remaining window,
between "250" and the worker's commit, cannot be closed over SMTP: see
``casereview.letters.tasks``; a kill there would show one duplicate and fail this test.)

Task delivery is at least once: the recovery may requeue the task of a worker that was only slow,
and ``write_letters`` run again queues every unsent letter again. So before the restart every
letter's e-mail is queued once more, and two workers share the queue: only the letters' own
claim stands between that and duplicates. The letter the killed worker held is left out of that:
only the recovery of its task can bring it back.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import json
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from tests.reliability.faults.workers import environment, manage, run, scratch_database, workers

LETTERS = 15
# The letter being sent when the worker is killed (it is on its way, not yet accepted).
KILL_DURING = 6
# How long the server takes over each message: the kill must land inside it.
DELAY = 0.3
DEADLINE = 120.0


def _is_letter(message_id: str) -> bool:
    # Acknowledgements also cause a progress e-mail to the victim; only letters are counted here.
    return message_id.startswith("<letter.")


@dataclass
class SlowMailServer:
    """An SMTP handler that takes ``DELAY`` seconds over each message before accepting it, and,
    like a real server, keeps nothing from a client that went away before "250"."""

    letters_started: list[str] = field(default_factory=list)
    letters_accepted: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        message_id = str(message["Message-ID"] or "")
        if _is_letter(message_id):
            with self.lock:
                self.letters_started.append(message_id)
        # Cancelled when the client's connection drops (aiosmtpd), as a killed worker's does.
        await asyncio.sleep(DELAY)
        if server.transport is None or server.transport.is_closing():
            return "451 Client gone"
        if _is_letter(message_id):
            with self.lock:
                self.letters_accepted.append(message_id)
        return "250 Message accepted for delivery"

    def started(self) -> int:
        with self.lock:
            return len(self.letters_started)


@pytest.fixture
def slow_mail_server() -> Iterator[tuple[SlowMailServer, int]]:
    handler = SlowMailServer()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


def _letter_id(message_id: str) -> str:
    """``<letter.12.2026...@host>`` -> ``12`` (``casereview.letters.tasks.message_id``)."""
    return message_id.split(".")[1]


def _wait_for(condition: Any, what: str, timeout: float = DEADLINE) -> None:
    give_up = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < give_up, f"Timed out waiting for {what}"
        time.sleep(0.01)


def test_a_worker_killed_mid_batch_is_recovered_and_each_letter_goes_exactly_once(
    tmp_path: Path, slow_mail_server: tuple[SlowMailServer, int]
) -> None:
    server, port = slow_mail_server
    with scratch_database(tmp_path) as database_url:
        env = environment(
            database_url, EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(port), EMAIL_USE_TLS="0"
        )
        manage(env, "migrate", "--verbosity", "0")
        run(env, "-m", "tests.reliability.faults.letters_db", "seed", str(LETTERS))

        with workers(env, tmp_path, 1, batch=False) as [first]:
            _wait_for(lambda: server.started() >= KILL_DURING, "the letters to start going")
            first.kill()
            first.wait(timeout=10)
        in_flight = server.letters_started[KILL_DURING - 1]
        accepted_before_restart = list(server.letters_accepted)

        recovered = manage(env, "recover_tasks", "--stale-after", "0")
        held_by_killed_worker = _letter_id(in_flight)
        run(env, "-m", "tests.reliability.faults.letters_db", "requeue", held_by_killed_worker)
        with workers(env, tmp_path, 2, batch=True) as pool:
            for process in pool:
                process.wait(timeout=DEADLINE)
        report = json.loads(run(env, "-m", "tests.reliability.faults.letters_db", "report"))

    letters = report["letters"]
    expected = {letter["message_id"] for letter in letters}
    arrived = Counter(server.letters_accepted)
    assert len(letters) == LETTERS
    # The kill landed mid-batch, on a letter the server had not yet accepted.
    assert 0 < len(accepted_before_restart) < LETTERS
    assert in_flight not in accepted_before_restart
    # Exactly once each: nothing twice, nothing missing, nothing that is not a letter.
    assert {message_id: n for message_id, n in arrived.items() if n > 1} == {}
    assert set(arrived) == expected
    assert [letter["status"] for letter in letters] == ["sent"] * LETTERS
    assert report["running_tasks"] == 0
    assert recovered.strip() == "Recovery: abandoned tasks: 1 requeued, 0 marked lost."
    # The interrupted attempt is on the record: the letter in flight was attempted again.
    [interrupted] = [letter for letter in letters if letter["message_id"] == in_flight]
    assert interrupted["attempts"] >= 2
