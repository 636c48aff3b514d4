"""The GIL is released during computations, Ctrl-C stops them cleanly, and the engine's
errors arrive as specific exceptions."""

import signal
import threading
import time

import numpy as np
import pytest

import linkscope


def test_gil_is_released(big):
    """Another Python thread makes progress while betweenness runs."""
    ticks = 0
    done = threading.Event()

    def count():
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0.001)

    counter = threading.Thread(target=count)
    start = time.perf_counter()
    counter.start()
    big.centrality("betweenness", pivots=400, seed=1, threads=1)
    elapsed = time.perf_counter() - start
    done.set()
    counter.join()
    assert elapsed > 0.2, "the computation was too short to tell"
    # With the GIL held the counter would get no ticks at all until the call returned.
    assert ticks > 0.25 * elapsed / 0.0011


def test_computations_run_in_parallel_threads(sample):
    results = {}

    def run(seed):
        results[seed] = sample.communities(seed=seed, threads=1).membership

    threads = [threading.Thread(target=run, args=(s,)) for s in (1, 2, 3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for seed, membership in results.items():
        assert np.array_equal(membership, sample.communities(seed=seed).membership)


def test_ctrl_c_stops_a_long_computation(big):
    """SIGINT during exact betweenness (minutes on this graph) raises KeyboardInterrupt
    promptly, and the graph stays usable."""
    main = threading.main_thread().ident
    timer = threading.Timer(0.3, lambda: signal.pthread_kill(main, signal.SIGINT))
    start = time.perf_counter()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        big.centrality("betweenness", threads=1)
    elapsed = time.perf_counter() - start
    timer.join()
    assert elapsed < 5.0
    # The next call is not affected by the interrupt.
    again = big.centrality("degree")
    assert len(again) == big.vertex_count
    assert big.communities(seed=1).count > 0


def test_ctrl_c_stops_community_detection(big):
    main = threading.main_thread().ident
    timer = threading.Timer(0.05, lambda: signal.pthread_kill(main, signal.SIGINT))
    timer.start()
    try:
        # Several runs, so one of them is under way when the signal comes.
        with pytest.raises(KeyboardInterrupt):
            for seed in range(200):
                big.communities(seed=seed)
    finally:
        timer.join()


def test_exception_classes():
    assert issubclass(linkscope.InputError, linkscope.LinkscopeError)
    assert issubclass(linkscope.InputError, ValueError)
    assert issubclass(linkscope.UsageError, ValueError)
    assert issubclass(linkscope.NotFoundError, KeyError)
    assert issubclass(linkscope.IoError, OSError)
    assert linkscope.InputError.__module__ == "linkscope"


def test_unknown_options_are_refused(sample):
    with pytest.raises(linkscope.UsageError, match="unknown option"):
        sample.neighbors("P00001", depht=2)
    with pytest.raises(TypeError):
        sample.communities(methd="leiden")


def test_version_has_one_source(cli):
    """linkscope.__version__, `linkscope --version` and project(VERSION) agree."""
    import re
    import subprocess

    from conftest import ROOT

    assert linkscope.__version__.count(".") == 2
    out = subprocess.run([cli, "--version"], capture_output=True, text=True, check=True).stdout
    assert out.strip() == linkscope.__version__
    project = re.search(r"project\(linkscope VERSION ([0-9.]+)", (ROOT / "CMakeLists.txt").read_text())
    assert project and project.group(1) == linkscope.__version__


def test_a_program_s_own_sigint_handler_is_kept(sample):
    """Only Python's default handler is taken over during a call."""
    calls = []
    previous = signal.signal(signal.SIGINT, lambda *_: calls.append(1))
    try:
        sample.communities(seed=1)
        assert signal.getsignal(signal.SIGINT) is not signal.default_int_handler
        signal.raise_signal(signal.SIGINT)
        assert calls == [1]
    finally:
        signal.signal(signal.SIGINT, previous)
