"""Fewer passes of Python's cyclic garbage collector while a bulk job allocates.

CPython runs a collection of its youngest generation every 700 allocations of container objects
(net of those freed), and every so many of those a collection of the older generations, which
walks every object that has survived so far. An import of incident records keeps what it has
read (a file's records, a chunk's rows) alive for the whole job, so the collector walks the same
hundreds of thousands of live objects again and again, and finds almost nothing to free: the
records, tuples and strings of an import hold no reference cycles and are freed by their
reference counts alone.

``fewer_collections()`` raises the first generation's threshold while it is held, so that
collections still run, but a few hundred times less often; it is restored when the last holder
leaves. Measured on a CSV import of 100,000 rows (bench/fixes/b3.toml): the collector's passes
took about a fifth of the import's time. What is allocated in between stays collectable: at
worst ``BULK_THRESHOLD`` objects in cycles wait a little longer to be freed.

The thresholds are the process's own, shared by its threads: holders are counted under a lock,
so that requests served side by side by one worker (gunicorn's threads) neither restore the
threshold under each other nor leave it raised.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# Allocations (net) between two collections of the youngest generation while a bulk job runs;
# CPython's default is 700. Measured on a CSV import: 10,000 took back most of the collector's
# share, 20,000 and 50,000 were as fast as the collector switched off, within the noise.
BULK_THRESHOLD = 50_000

_lock = threading.Lock()
_holders = 0
_saved: tuple[int, int, int] | None = None


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect the youngest generation every ``BULK_THRESHOLD`` allocations (not fewer than
    the process already does) until the last holder leaves, then restore the thresholds it
    found."""
    global _holders, _saved
    with _lock:
        if _holders == 0:
            found = gc.get_threshold()
            _saved = (found[0], found[1], found[2])
            gc.set_threshold(max(BULK_THRESHOLD, found[0]), found[1], found[2])
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _saved is not None:
                gc.set_threshold(*_saved)
                _saved = None
