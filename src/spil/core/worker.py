"""The background worker (ingesting uploads), made to stay alive, and the signs that it is.

`python -m spil.core.worker` runs django-tasks' database worker with three additions:

- a failed task, or a database that is briefly locked while the outcome is written, never
  ends the worker: the outcome is written again after a pause, and anything else that escapes
  the loop is logged and the loop starts again;
- while it runs, it writes a heartbeat file in the data folder every few seconds, which the
  library page reads (`worker_status`) to say when background work is not running;
- `spil serve` supervises it (`WorkerSupervisor`) and starts it again when it exits.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

HEARTBEAT_FILE = "worker-heartbeat.json"
HEARTBEAT_SECONDS = 5.0
# A heartbeat older than this means the worker is gone (or hangs).
STALE_AFTER_SECONDS = 30.0
# Writing a task's outcome is retried this many times while the database is locked.
OUTCOME_ATTEMPTS = 10


def worker_needed() -> bool:
    """Whether the configured tasks backend needs a separate worker process at all."""
    from django.conf import settings

    return settings.TASKS["default"]["BACKEND"].startswith("django_tasks_db.")


def heartbeat_path() -> Path:
    from django.conf import settings

    return Path(settings.DATA_DIR) / HEARTBEAT_FILE


def heartbeat_write(*, path: Path | None = None, now: float | None = None) -> None:
    path = path or heartbeat_path()
    beat = {"pid": os.getpid(), "at": time.time() if now is None else now}
    scratch = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        scratch.write_text(json.dumps(beat), encoding="utf-8")
        os.replace(scratch, path)
    except OSError:
        logger.warning("Kon de hartslag van de achtergrondverwerking niet schrijven (%s)", path)


@dataclass(frozen=True)
class WorkerStatus:
    needed: bool  # False: tasks run inside the request (no worker process to watch)
    running: bool
    seconds_since: float | None  # since the last heartbeat; None: never seen

    @property
    def stopped(self) -> bool:
        return self.needed and not self.running


def worker_status(*, now: float | None = None) -> WorkerStatus:
    """Whether background work is running, from the heartbeat the worker writes."""
    if not worker_needed():
        return WorkerStatus(needed=False, running=True, seconds_since=None)
    try:
        beat = json.loads(heartbeat_path().read_text(encoding="utf-8"))
        at = float(beat["at"])
    except (OSError, ValueError, KeyError, TypeError):
        return WorkerStatus(needed=True, running=False, seconds_since=None)
    since = max(0.0, (time.time() if now is None else now) - at)
    return WorkerStatus(needed=True, running=since <= STALE_AFTER_SECONDS, seconds_since=since)


def retry_while_locked(write: Callable[..., object]) -> Callable[..., object]:
    """`write` again after a pause while the database says it is locked."""
    from django.db import OperationalError

    @functools.wraps(write)
    def retrying(*args, **kwargs):
        for attempt in range(OUTCOME_ATTEMPTS):
            try:
                return write(*args, **kwargs)
            except OperationalError as error:
                if "locked" not in str(error).lower() or attempt == OUTCOME_ATTEMPTS - 1:
                    raise
                logger.warning("Database bezet; uitkomst van de taak opnieuw opslaan.")
                time.sleep(min(0.5 * (attempt + 1), 5.0))
        return None

    return retrying


def _heartbeat_loop(stop: threading.Event) -> None:
    while not stop.is_set():
        heartbeat_write()
        stop.wait(HEARTBEAT_SECONDS)


def run_worker(*, max_tasks: int | None = None, batch: bool = False, interval: float = 1.0) -> int:
    """Run the resilient worker in this process until it is stopped (or, with `batch`, until
    the queue is empty)."""
    from django.db import DatabaseError, close_old_connections
    from django.utils.crypto import get_random_string
    from django_tasks_db.management.commands.db_worker import Worker

    class ResilientWorker(Worker):
        def run_task(self, db_task_result) -> None:
            # The task itself catches its own errors (see kennis.tasks); what is left is
            # recording the outcome, which a long write elsewhere can briefly lock.
            db_task_result.set_successful = retry_while_locked(db_task_result.set_successful)
            db_task_result.set_failed = retry_while_locked(db_task_result.set_failed)
            super().run_task(db_task_result)

    worker = ResilientWorker(
        queue_names=["default"],
        interval=interval,
        batch=batch,
        backend_name="default",
        startup_delay=False,
        max_tasks=max_tasks,
        worker_id=get_random_string(32),
        excluded_queue_names=[],
    )
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    worker.configure_signals()
    stop = threading.Event()
    beat = threading.Thread(target=_heartbeat_loop, args=(stop,), daemon=True, name="hartslag")
    beat.start()
    pause = 1.0
    try:
        while worker.running:
            try:
                worker.run()
                return 0  # batch or max_tasks reached
            except DatabaseError:
                logger.exception("Achtergrondverwerking: databasefout; verder na %.0f s", pause)
            except Exception:
                logger.exception("Achtergrondverwerking: onverwachte fout; verder na %.0f s", pause)
            close_old_connections()
            time.sleep(pause)
            pause = min(pause * 2, 30.0)
        return 0
    finally:
        stop.set()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def worker_command() -> list[str]:
    return [sys.executable, "-m", "spil.core.worker"]


class WorkerSupervisor:
    """Keeps one worker process running next to the web server (used by `spil serve`).

    A worker that exits is started again, after a pause that grows while it keeps dying
    (1 s, 2 s, 4 s, … at most a minute) and resets once it has run a while. `on_restart`
    runs after each restart (e.g. re-queueing the uploads the dead worker left half-done).
    """

    def __init__(
        self,
        *,
        command: list[str] | None = None,
        on_restart: Callable[[], None] | None = None,
        poll_seconds: float = 1.0,
    ) -> None:
        self.command = command or worker_command()
        self.on_restart = on_restart
        self.poll_seconds = poll_seconds
        self.process: subprocess.Popen | None = None
        self.restarts = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> WorkerSupervisor:
        self.process = subprocess.Popen(self.command)
        self._thread = threading.Thread(target=self._watch, daemon=True, name="worker-toezicht")
        self._thread.start()
        return self

    def _watch(self) -> None:
        pause = 1.0
        started = time.monotonic()
        while not self._stop.wait(self.poll_seconds):
            process = self.process
            if process is None or process.poll() is None:
                if time.monotonic() - started > 60:
                    pause = 1.0
                continue
            print(
                f"De achtergrondverwerking is gestopt (code {process.returncode}); "
                f"over {pause:.0f} s opnieuw gestart.",
                file=sys.stderr,
            )
            if self._stop.wait(pause):
                return
            pause = min(pause * 2, 60.0)
            self.process = subprocess.Popen(self.command)
            self.restarts += 1
            started = time.monotonic()
            if self.on_restart is not None:
                try:
                    self.on_restart()
                except Exception:
                    logger.exception("Na het herstarten van de achtergrondverwerking")

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        process = self.process
        if process is None or process.poll() is not None:
            return
        process.terminate()  # the worker finishes the task at hand, then exits
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main() -> int:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spil.conf.local")
    django.setup()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    return run_worker()


if __name__ == "__main__":
    sys.exit(main())
