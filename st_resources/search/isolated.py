"""The embedded store in a child process of its own, for the API.

qdrant-edge keeps Python's GIL while it loads a shard, which it does at every hand-over
(edge.py): about 0.1 s each here, and while one thread loaded shards, a 2 ms timer in
another thread took 71 ms at the median and 319 ms at worst. While runs index, the store
goes back and forth between them and the API, so the API's event loop stood still for
every request, the transcript list included. In a child process, a load holds only the
child's GIL: searches still wait for it, nothing else does.

The child is a `multiprocessing` manager serving one `EdgeStore`; the API calls it through
a proxy with the same methods. Each API thread gets its own connection and so its own
thread in the child, which is how `lease()` keeps several calls of one thread under one
hand-over. The child exits when its parent is gone (even SIGKILLed), so it never keeps
the store from the next API process.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from multiprocessing import get_context
from multiprocessing.managers import BaseManager
from typing import Any

from st_resources.search.edge import EdgeStore
from st_resources.search.store import VectorStore

log = logging.getLogger(__name__)

# What the API may call: the interface's public operations.
EXPOSED = tuple(
    name
    for name in dir(VectorStore)
    if not name.startswith("_") and callable(getattr(VectorStore, name)) and name != "lease"
) + ("enter_lease", "exit_lease")
PARENT_CHECK_S = 1.0


class _ChildStore(EdgeStore):
    """The child's store: a lease entered and left by separate calls of one thread."""

    def __init__(self, root: str, lock_timeout_s: float):
        super().__init__(root, lock_timeout_s)
        self._held = threading.local()

    def enter_lease(self) -> None:
        held: AbstractContextManager = self.lease()
        held.__enter__()
        self._held.__dict__.setdefault("stack", []).append(held)

    def exit_lease(self) -> None:
        self._held.stack.pop().__exit__(None, None, None)


class _Manager(BaseManager):
    pass


_Manager.register("EdgeStore", _ChildStore, exposed=EXPOSED)


def _exit_with(parent: int) -> None:
    """In the child: leave when the parent process is gone."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_S)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


class IsolatedStore:
    """A `VectorStore` whose embedded shards live in a child process (module doc)."""

    backend = "qdrant-edge"

    def __init__(self, root: str, lock_timeout_s: float):
        self._manager = _Manager(ctx=get_context("spawn"))
        self._manager.start(_exit_with, (os.getpid(),))
        self._store = self._manager.EdgeStore(root, lock_timeout_s)

    def __getattr__(self, name: str) -> Any:
        if name in EXPOSED:
            return getattr(self._store, name)
        raise AttributeError(name)

    @contextmanager
    def lease(self) -> Iterator[IsolatedStore]:
        self._store.enter_lease()
        try:
            yield self
        finally:
            self._store.exit_lease()

    def release(self) -> None:
        """Close the shards, then stop the child. A child already gone (a SIGTERM to the
        whole process group reaches it first) has nothing left to close."""
        try:
            self._store.release()
        except (ConnectionError, EOFError) as exc:
            log.info("search store process already stopped: %s", exc)
        finally:
            self._manager.shutdown()
