"""The window's one database lane: jobs run one at a time on one background thread, cyclic garbage
is collected on the UI thread only, and nothing of the UI thread's dies in the worker."""

import gc
import threading
import weakref

from ui.tasks import TaskRunner


def test_jobs_run_one_after_another_on_one_background_thread(qtbot):
    runner = TaskRunner()
    threads, overlapping, running, answers = [], [], [0], []
    lock = threading.Lock()

    def work(progress, number):
        with lock:
            running[0] += 1
            overlapping.append(running[0])
        threads.append(threading.get_ident())
        with lock:
            running[0] -= 1
        return number

    for number in range(12):
        runner.run(lambda progress, n=number: work(progress, n), answers.append)
    qtbot.waitUntil(lambda: len(answers) == 12, timeout=10_000)
    assert answers == list(range(12))  # in the order they were asked
    assert len(set(threads)) == 1 and threads[0] != threading.get_ident()
    assert max(overlapping) == 1
    assert runner.busy == 0


def test_the_ui_thread_keeps_the_last_reference_to_a_jobs_objects(qtbot):
    """The callable (and what it closes over) is released on the UI thread, after the answer."""
    runner = TaskRunner()

    class Owner:  # stands for a page or dialog the job's closure refers to
        pass

    owner = Owner()
    released_in = []
    weakref.finalize(owner, lambda: released_in.append(threading.get_ident()))
    answers = []
    runner.run(lambda progress, o=owner: id(o), answers.append)
    del owner
    qtbot.waitUntil(lambda: bool(answers) and runner.busy == 0, timeout=5000)
    gc.collect()
    assert released_in == [threading.get_ident()]


def test_garbage_made_on_the_lane_is_collected_on_the_ui_thread(qtbot):
    """The crash CI saw: the automatic collector ran on the lane and freed a cycle holding a Qt
    object of the UI thread. Now the lane never collects, however much garbage it makes."""
    runner = TaskRunner()
    lane, collections, answers = [], [], []

    def record(phase, info):
        if phase == "start":
            collections.append(threading.get_ident())

    def work(progress):
        lane.append(threading.get_ident())

        class Node:
            pass

        # Far past every threshold, and only the cyclic collector can free these: with automatic
        # collection on, it would run here, on the lane.
        for _ in range(gc.get_threshold()[0] * 20):
            node = Node()
            node.me = node
        return "xong"

    gc.callbacks.append(record)
    try:
        runner.run(work, answers.append)
        qtbot.waitUntil(lambda: answers == ["xong"] and threading.get_ident() in collections, timeout=10_000)
    finally:
        gc.callbacks.remove(record)
    assert not gc.isenabled()
    assert lane and lane[0] not in collections


def test_an_error_comes_back_with_its_traceback_as_text_and_no_frames(qtbot):
    runner = TaskRunner()
    errors = []

    def work(progress):
        raise ValueError("hỏng")

    runner.run(work, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    error = errors[0]
    assert isinstance(error, ValueError) and str(error) == "hỏng"
    assert error.__traceback__ is None
    assert any("in work" in note for note in getattr(error, "__notes__", []))
