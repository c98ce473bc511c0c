"""Processing-time and memory limits around one review job, set with ``setrlimit``.

A hostile archive should cost a bounded amount, not the worker: a 31 MB archive of random
text held the one worker for 100 s.

- Time: RLIMIT_CPU's soft limit becomes the CPU time the process has used plus the job's
  allowance. The kernel sends SIGXCPU when it is reached and the handler raises
  ``JobLimitExceeded`` in the job. The hard limit is left alone: a process cannot raise it
  again, and one worker runs many jobs.
- Memory: RLIMIT_AS's soft limit becomes the address space in use plus the allowance (Linux,
  where the size in use can be read from /proc). An allocation past it fails: ``MemoryError``.

Both soft limits are put back when the job ends. Python runs signal handlers in the main
thread only, so a job on another thread (a test's live server) runs without them, logged.
The limit is CPU time: a job stuck inside C code, or waiting rather than working, is not
stopped here. The backstop is ``recover_interrupted_reviews`` in reviews/cleanup.py (after a
worker dies, and daily for a review still running twice this limit after it started).
"""

import contextlib
import logging
import math
import os
import resource
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

logger = logging.getLogger(__name__)
_STATM = Path("/proc/self/statm")


class JobLimitExceeded(Exception):
    """The job used up its processing time."""


def _cpu_seconds_used() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _address_space_in_use() -> int | None:
    try:
        pages = int(_STATM.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


def _raise_time_up(signum, frame) -> None:
    raise JobLimitExceeded("The job used up its processing time.")


def _lowered(kind: int, wanted: int) -> tuple[int, int] | None:
    """Lower ``kind``'s soft limit to ``wanted`` (never above the hard one); the old pair."""
    soft, hard = resource.getrlimit(kind)
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft <= wanted:
        return None  # already as strict
    resource.setrlimit(kind, (wanted, hard))
    return soft, hard


@contextlib.contextmanager
def job_limits(*, cpu_seconds: int, memory_bytes: int) -> Iterator[None]:
    """Run the block with at most ``cpu_seconds`` more CPU time and ``memory_bytes`` more
    address space; ``JobLimitExceeded`` or ``MemoryError`` when it goes over."""
    if threading.current_thread() is not threading.main_thread():
        logger.warning("Review job limits need the main thread; running without them.")
        yield
        return
    previous_handler = signal.signal(signal.SIGXCPU, _raise_time_up)
    restore: list[tuple[int, tuple[int, int]]] = []
    try:
        cpu = _lowered(resource.RLIMIT_CPU, math.ceil(_cpu_seconds_used()) + cpu_seconds)
        if cpu:
            restore.append((resource.RLIMIT_CPU, cpu))
        in_use = _address_space_in_use()
        if in_use is not None:
            memory = _lowered(resource.RLIMIT_AS, in_use + memory_bytes)
            if memory:
                restore.append((resource.RLIMIT_AS, memory))
        yield
    finally:
        # Limits first, then the handler: a SIGXCPU still pending meets our handler, not the
        # default action (which would end the worker).
        for kind, old in reversed(restore):
            resource.setrlimit(kind, old)
        signal.signal(
            signal.SIGXCPU, signal.SIG_DFL if previous_handler is None else previous_handler
        )
