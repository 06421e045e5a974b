"""``fewer_collections`` raises the collector's first threshold while held and restores what it
found when the last holder leaves, whatever the nesting, the threads or an exception; imports
and batches of incidents are stored under it."""

from __future__ import annotations

import gc
import threading

import pytest

from casereview.core.collector import BULK_THRESHOLD, fewer_collections

pytestmark = pytest.mark.usefixtures("usual_gc_thresholds")


def test_the_first_threshold_is_raised_while_held_and_restored_after() -> None:
    with fewer_collections():
        assert gc.get_threshold() == (BULK_THRESHOLD, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)


def test_an_exception_inside_still_restores_the_thresholds() -> None:
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("stopped")
    assert gc.get_threshold() == (700, 10, 10)


def test_a_nested_holder_leaving_keeps_the_outer_one_s_threshold() -> None:
    with fewer_collections():
        with fewer_collections():
            assert gc.get_threshold()[0] == BULK_THRESHOLD
        assert gc.get_threshold()[0] == BULK_THRESHOLD
    assert gc.get_threshold() == (700, 10, 10)


def test_a_process_threshold_already_higher_is_left_as_it_was() -> None:
    gc.set_threshold(BULK_THRESHOLD * 2, 5, 5)
    with fewer_collections():
        assert gc.get_threshold() == (BULK_THRESHOLD * 2, 5, 5)
    assert gc.get_threshold() == (BULK_THRESHOLD * 2, 5, 5)


def test_threads_leaving_out_of_order_restore_the_thresholds_once_both_are_gone() -> None:
    # A enters, B enters, A leaves, B leaves: a naive save-and-restore per holder would leave
    # B's "saved" (already raised) threshold in place for good.
    a_inside, b_inside, a_left = threading.Event(), threading.Event(), threading.Event()
    seen: dict[str, int] = {}

    def first() -> None:
        with fewer_collections():
            a_inside.set()
            b_inside.wait(5)
        a_left.set()

    def second() -> None:
        a_inside.wait(5)
        with fewer_collections():
            b_inside.set()
            a_left.wait(5)
            seen["b after a left"] = gc.get_threshold()[0]

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)

    assert seen == {"b after a left": BULK_THRESHOLD}
    assert gc.get_threshold() == (700, 10, 10)
