"""Checking an archive's items in worker processes while the reader keeps reading.

Reading a big archive and checking its items are both CPU work in Python, so on a machine
with more than one core the reader stays in this process and the checking goes to a small
pool. Each worker receives the ``Checker`` once (pickled at start-up, about 2 MB) and then
chunks of items. Results come back in order, and at most ``workers * 2`` chunks are in
flight, so memory stays bounded however big the archive is.
"""

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator

from safepractice.engine import Checker, Content, Finding

CHUNK_SIZE = 250

_worker_checker: Checker | None = None


def _start_worker(checker: Checker) -> None:
    global _worker_checker
    _worker_checker = checker


def _check_chunk(chunk: list[Content]) -> list[list[Finding]]:
    assert _worker_checker is not None, "the pool's initializer sets the checker"
    check = _worker_checker.check
    return [check(content) for content in chunk]


def _chunks(items: Iterable[Content], size: int) -> Iterator[list[Content]]:
    chunk: list[Content] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def check_in_workers(
    items: Iterable[Content], checker: Checker, workers: int, chunk_size: int = CHUNK_SIZE
) -> Iterator[tuple[Content, list[Finding]]]:
    """``(item, findings)`` for every item, in order, checked by ``workers`` processes.

    Workers are started with "forkserver" (never a bare fork of a process that may have
    threads, such as a web worker) and stopped when the iteration ends or is abandoned.
    """
    context = multiprocessing.get_context("forkserver")
    pending: deque = deque()
    with context.Pool(workers, initializer=_start_worker, initargs=(checker,)) as pool:
        for chunk in _chunks(items, chunk_size):
            pending.append((chunk, pool.apply_async(_check_chunk, (chunk,))))
            if len(pending) >= workers * 2:
                yield from _collect(pending.popleft())
        while pending:
            yield from _collect(pending.popleft())


def _collect(entry) -> Iterator[tuple[Content, list[Finding]]]:
    chunk, result = entry
    yield from zip(chunk, result.get(), strict=True)
