"""Reading a file in a child process with a time and a memory limit.

A file that takes too long or needs too much memory (a decompression bomb, a pathological PDF)
then fails with a Dutch message naming the limit, and the worker moves on to the next job at
once, instead of being stuck for minutes at gigabytes. The child is forked, so the file's bytes
are not copied to it; only the parsed result comes back (pickled through a pipe).
Pure Python: nothing here imports Django.
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import os
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .parsed import ExtractionError

DEFAULT_SECONDS = 120.0
DEFAULT_MEMORY_MB = 2048


@dataclass(frozen=True)
class Limits:
    seconds: float = DEFAULT_SECONDS  # wall clock and CPU time of the child
    memory_mb: int = DEFAULT_MEMORY_MB  # address space the child may add to what it inherits


def _address_space_bytes() -> int:
    """Virtual memory of this process now (Linux); 0 when unknown."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _child(connection, function: Callable[..., Any], kwargs: dict, limits: Limits) -> None:
    inherited = _address_space_bytes()
    if inherited:
        cap = inherited + limits.memory_mb * 1024 * 1024
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    cpu = max(1, math.ceil(limits.seconds))
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    try:
        outcome: tuple[str, Any] = ("ok", function(**kwargs))
    except ExtractionError as error:
        outcome = ("error", str(error))
    except MemoryError:
        outcome = ("memory", None)
    except RecursionError:
        outcome = ("recursion", None)
    except Exception as error:  # a reader bug: reported, never fatal for the worker
        outcome = ("crash", f"{type(error).__name__}: {error}")
    try:
        connection.send(outcome)
    except MemoryError:
        connection.send(("memory", None))
    finally:
        connection.close()


def fork_available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def run_limited(
    function: Callable[..., Any], *, filename: str, limits: Limits, kwargs: dict[str, Any]
) -> Any:
    """`function(**kwargs)` in a child process within `limits`; its result, or ExtractionError
    in Dutch naming the file and the limit it crossed. Without fork (not Linux/macOS) it runs
    here, without limits."""
    if not fork_available():
        return function(**kwargs)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, function, kwargs, limits), daemon=True)
    started = time.monotonic()
    child.start()
    sender.close()
    outcome: tuple[str, Any] | None = None
    try:
        if receiver.poll(limits.seconds):
            with contextlib.suppress(EOFError, OSError):
                outcome = receiver.recv()
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join(5)
    elapsed = time.monotonic() - started
    if outcome is None:
        # No answer: killed by the wall clock, the CPU limit (SIGXCPU) or the memory limit.
        if elapsed >= limits.seconds * 0.95 or child.exitcode in (-9, -24):
            raise ExtractionError(_too_slow(filename, limits))
        raise ExtractionError(_too_big(filename, limits))
    kind, value = outcome
    if kind == "ok":
        return value
    if kind == "error":
        raise ExtractionError(value)
    if kind == "memory":
        raise ExtractionError(_too_big(filename, limits))
    if kind == "recursion":
        raise ExtractionError(
            f"{filename}: het bestand is te ingewikkeld opgebouwd (te diep genest) om te lezen."
        )
    raise ExtractionError(
        f"{filename}: het bestand kon door een onverwachte fout niet worden gelezen ({value})."
    )


def _too_slow(filename: str, limits: Limits) -> str:
    return (
        f"{filename}: het lezen duurde langer dan de grens van {_seconds(limits.seconds)} seconden "
        "en is afgebroken. Splits het bestand in delen of sla het op als PDF of tekst."
    )


def _seconds(value: float) -> str:
    """Dutch notation: 120, 1,5 or 0,001."""
    return f"{value:g}".replace(".", ",")


def _too_big(filename: str, limits: Limits) -> str:
    return (
        f"{filename}: het lezen had meer geheugen nodig dan de grens van {limits.memory_mb} MB "
        "en is afgebroken. Splits het bestand in delen en voeg die apart toe."
    )
