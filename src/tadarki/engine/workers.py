"""Audit in several worker processes: the same audit, on every core.

Parsing and judging a page is CPU work that holds the GIL, so one process audits at most one
core's worth of pages. Here `audit_many` hands portals one by one to N worker processes, each
running the ordinary in-process audit (its own event loop, HTTP session and judging thread),
and streams their results and progress back into the caller's process; the caller sees the
same callbacks, in the same form, as with one process.

- A portal is crawled by exactly one worker, and targets on a host already in flight go to
  the worker that has it, so per-host politeness holds as in one process. Off-host link
  checks are shared out: each worker gets 1/N of the external request rate.
- Workers are forked from the caller when it runs no other thread (they start at once, the
  engine already imported), and from a fork server otherwise, so none inherits a lock held
  by another thread.
- A worker is replaced after `WORKER_MAX_PORTALS` portals (like Celery's
  max-tasks-per-child): memory stays flat however many portals an audit has.
- A worker that dies (killed, out of memory, a crash in C code) loses only its portals in
  flight; each becomes `portal.unreachable` with subject `internal-error`, and a fresh
  worker takes the rest.
"""

from __future__ import annotations

import asyncio
import dataclasses
import gc
import math
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from urllib.parse import urlsplit

from tadarki.engine.crawl import defaults

# Messages: parent -> worker ("audit", index, target) | ("stop",);
# worker -> parent ("event", dict) | ("portal", index, PortalResult).
_PRELOAD = ["tadarki.engine.audit"]


def start_context():
    """fork when this process runs no other thread: the worker starts at once with the engine
    already imported. Otherwise a fork server, because forking a threaded process can copy a
    lock some other thread holds."""
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    return context


def resolve_processes(requested: int, targets: int) -> int:
    """How many worker processes an audit of `targets` portals uses (0 = one per CPU)."""
    wanted = requested if requested > 0 else (os.cpu_count() or 1)
    return max(1, min(wanted, targets))


def worker_config(config, processes: int):
    """One worker's share of the audit's concurrency and external request rate."""
    crawl = config.crawl
    share = dataclasses.replace(
        crawl,
        external_requests_per_second=crawl.external_requests_per_second / processes,
        total_connections=max(8, math.ceil(crawl.total_connections / processes)),
    )
    slots = max(1, math.ceil(config.portal_concurrency / processes))
    return dataclasses.replace(config, crawl=share, portal_concurrency=slots, processes=1)


# ---- the worker process --------------------------------------------------------------


def _worker_main(
    conn: Connection, config, keep_pages: bool, with_progress: bool, inherited: list[int]
) -> None:
    # A forked worker holds the parent's ends of its siblings' pipes: closed, so a sibling
    # still sees the parent go away.
    for fd in inherited:
        try:
            os.close(fd)
        except OSError:
            pass
    # Ctrl-C is the parent's to handle: it stops the workers, and none prints a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    asyncio.run(_serve(conn, config, keep_pages, with_progress))


async def _serve(conn: Connection, config, keep_pages: bool, with_progress: bool) -> None:
    from tadarki.engine.audit import audit_one, shared_session

    loop = asyncio.get_running_loop()
    inbox: asyncio.Queue = asyncio.Queue()

    def receive() -> None:
        try:
            inbox.put_nowait(conn.recv())
        except (EOFError, OSError):  # the parent is gone: finish what is in hand, then exit
            loop.remove_reader(conn.fileno())
            inbox.put_nowait(("stop",))

    progress = (lambda event: conn.send(("event", event))) if with_progress else None
    loop.add_reader(conn.fileno(), receive)
    running: set[asyncio.Task] = set()
    async with shared_session(config) as shared:

        async def one(index: int, target) -> None:
            portal = await audit_one(target, config, shared, progress, keep_pages)
            conn.send(("portal", index, portal))

        while (message := await inbox.get())[0] == "audit":
            task = asyncio.create_task(one(message[1], message[2]))
            running.add(task)
            task.add_done_callback(running.discard)
        await asyncio.gather(*running)
    loop.remove_reader(conn.fileno())
    conn.close()


# ---- the parent: hands out portals, relays results ------------------------------------


class _Worker:
    def __init__(self, process, conn: Connection) -> None:
        self.process = process
        self.conn = conn
        self.in_flight: dict[int, object] = {}  # index -> Target
        self.handed = 0
        self.retiring = False

    @property
    def hosts(self) -> set[str]:
        return {_host(t.url) for t in self.in_flight.values()}


def _host(url: str) -> str:
    """host:port, the unit politeness counts by."""
    parts = urlsplit(url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        port = 0
    return f"{(parts.hostname or url).lower()}:{port}"


async def audit_in_processes(
    targets: list,
    config,
    processes: int,
    *,
    progress: Callable[[dict], None] | None,
    sink: Callable[[int, object], None],
    keep_pages: bool,
    failed_portal: Callable[[object, str], object],
    max_portals: int | None = None,
) -> None:
    """Audit `targets` in `processes` workers; `sink(index, portal)` as each one finishes.
    A worker is replaced after `max_portals` (default `defaults.WORKER_MAX_PORTALS`)."""
    max_portals = max_portals or defaults.WORKER_MAX_PORTALS
    context = start_context()
    share = worker_config(config, processes)
    loop = asyncio.get_running_loop()
    mail: asyncio.Queue = asyncio.Queue()
    waiting = list(enumerate(targets))
    waiting.reverse()  # pop() from the end hands them out in order
    workers: list[_Worker] = []
    exiting: list = []

    def start() -> _Worker:
        ours, theirs = context.Pipe()
        forked = context.get_start_method() == "fork"
        inherited = [w.conn.fileno() for w in workers] + [ours.fileno()] if forked else []
        process = context.Process(
            target=_worker_main,
            args=(theirs, share, keep_pages, progress is not None, inherited),
            name="tadarki-audit-worker",
            daemon=True,
        )
        if forked:
            # Objects the worker inherits stay in pages it shares with this process only as
            # long as nothing writes to them; frozen, its garbage collections never do.
            gc.freeze()
        try:
            process.start()
        finally:
            if forked:
                gc.unfreeze()
        theirs.close()
        worker = _Worker(process, ours)
        loop.add_reader(ours.fileno(), _relay, worker, mail)
        workers.append(worker)
        return worker

    def hand_out() -> None:
        while waiting:
            # `portal_concurrency` counts portals in all workers, retiring ones included, so
            # a replacement starting beside a retiring worker does not add to the load.
            if sum(len(w.in_flight) for w in workers) >= config.portal_concurrency:
                return
            index, target = waiting[-1]
            host = _host(target.url)
            # A host already being crawled stays with its worker (politeness is per process).
            worker = next((w for w in workers if host in w.hosts), None)
            if worker is not None and worker.retiring:
                return  # wait until that worker has finished the host
            if worker is None:
                live = [w for w in workers if not w.retiring]
                # Never more than its share, even while another worker drains: a worker's
                # memory follows the portals it holds at once, and one that took the drained
                # share too grew to twice its size (165 MB against 85).
                free = [w for w in live if len(w.in_flight) < share.portal_concurrency]
                if not free and len(workers) < processes:
                    free = [start()]
                if not free:
                    return
                worker = min(free, key=lambda w: len(w.in_flight))
            waiting.pop()
            worker.conn.send(("audit", index, target))
            worker.in_flight[index] = target
            worker.handed += 1
            # One worker drains at a time, so the others keep every core busy meanwhile.
            if worker.handed >= max_portals and not any(w.retiring for w in workers):
                worker.retiring = True  # finishes what it has, then a fresh one takes over
                worker.conn.send(("stop",))

    def retire(worker: _Worker) -> None:
        loop.remove_reader(worker.conn.fileno())
        worker.conn.close()
        workers.remove(worker)
        if not worker.in_flight:
            exiting.append(worker.process)  # it closed its pipe as its last act
            return
        worker.process.join(5)  # it died: its exit code says how
        code = worker.process.exitcode
        for index, target in sorted(worker.in_flight.items()):
            sink(index, failed_portal(target, f"worker process ended (exit code {code})"))

    try:
        hand_out()
        while workers:
            worker, message = await mail.get()
            if message is None:  # the worker's pipe closed: it finished or died
                retire(worker)
            elif message[0] == "event":
                progress(message[1])
                continue
            elif message[0] == "portal":
                worker.in_flight.pop(message[1], None)
                sink(message[1], message[2])
            hand_out()
            if not waiting:
                for idle in workers:
                    if not idle.retiring:
                        idle.retiring = True
                        idle.conn.send(("stop",))
    finally:
        for worker in workers:
            loop.remove_reader(worker.conn.fileno())
            worker.process.terminate()
            worker.conn.close()
        for process in [w.process for w in workers] + exiting:
            process.join(5)


def _relay(worker: _Worker, mail: asyncio.Queue) -> None:
    try:
        message = worker.conn.recv()
    except (EOFError, OSError):
        message = None
    mail.put_nowait((worker, message))
    if message is None:
        asyncio.get_running_loop().remove_reader(worker.conn.fileno())
