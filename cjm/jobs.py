"""Running a batch over a process pool, results handed back in input order as soon as each is ready.

Why processes: rendering is CPU work in Python and in `dot`, and the GIL keeps threads on one
core. Why in order: the report of a batch must read the same whatever the scheduling, so a
result waits for the ones before it; at most `window` tasks run ahead of the reported one, so
memory stays flat however long the batch is.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    import multiprocessing.context
    from concurrent.futures import Future, ProcessPoolExecutor

Item = TypeVar("Item")
Result = TypeVar("Result")

PRELOAD = ["cjm.build", "cjm.pipeline", "cjm.renderers.html", "cjm.renderers.markdown", "cjm.renderers.graphviz_svg"]
"""Modules imported once by the server the workers are forked from (POSIX), instead of once per worker.

A name that does not import is skipped by multiprocessing, so a renderer that moves only loses the head start."""


POOL_START_SECONDS = 0.3
"""What starting the pool costs: a Python process importing cjm, pydantic and the renderers (two-core machine)."""
BUILD_SECONDS = 0.1
"""About what checking and drawing one map in the three default formats costs."""
CHECK_SECONDS = 0.012
"""About what checking one map costs, once the models are loaded."""


def default_jobs() -> int:
    """How many processes `-j` defaults to: the cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def auto_jobs(items: int, seconds_per_item: float) -> int:
    """The processes for a batch when `-j` is not given: every core, unless the batch is too small to pay for a pool.

    Why: checking five maps takes 60 ms in one process and twice as long once a pool has to
    start; a batch goes parallel when its work is at least twice the pool's start-up.
    """
    return default_jobs() if items * seconds_per_item >= 2 * POOL_START_SECONDS else 1


def _context() -> multiprocessing.context.BaseContext:
    """forkserver where the platform has it (workers forked from one process that imported cjm once), else spawn.

    Why not plain fork: forking a process that runs threads (the progress bar) is unsafe.
    """
    import multiprocessing

    if sys.platform != "win32" and "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


def run_ordered(
    items: Iterable[Item],
    work: Callable[[Item], Result],
    jobs: int,
    quick: Callable[[Item], Result | None] | None = None,
    window: int | None = None,
) -> Iterator[Result]:
    """`work(item)` for every item, yielded in the items' order, over `jobs` processes.

    `quick(item)`, when given, runs first in this process and its result, when not None, is used
    as is (a cache hit needs no worker). With `jobs` 1 everything runs here, in order, and no
    process is started; the pool is started only at the first item `quick` cannot answer.
    `work` must be a module-level function and items picklable.
    """
    if jobs <= 1:
        for item in items:
            answer = quick(item) if quick is not None else None
            yield answer if answer is not None else work(item)
        return
    from concurrent.futures import ProcessPoolExecutor

    limit = window if window is not None else 4 * jobs
    pending: deque[Future[Result] | Result] = deque()
    executor: ProcessPoolExecutor | None = None
    try:
        for item in items:
            answer = quick(item) if quick is not None else None
            if answer is not None:
                pending.append(answer)
            else:
                if executor is None:
                    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=_context())
                pending.append(executor.submit(work, item))
            while pending and (len(pending) > limit or _ready(pending[0])):
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())
    finally:
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


def _ready(entry: object) -> bool:
    from concurrent.futures import Future

    return not isinstance(entry, Future) or entry.done()


def _result(entry: Future[Result] | Result) -> Result:
    from concurrent.futures import Future

    if isinstance(entry, Future):
        return entry.result()
    return entry
