"""Benchmark of the Python layer's two performance bars (not a test).

(a) Building a graph from pandas: one DataFrame of N links (default 1 000 000; columns
    from, to, weight; string ids like "P0001234" over ~200 000 entities, drawn with a fixed
    numpy seed) is turned into a graph by

      ours      linkscope.Graph.from_pandas(links)               (builds the snapshot too)
      igraph    igraph.Graph.DataFrame(links, directed=False, use_vids=False)
      networkx  networkx.from_pandas_edgelist(links, "from", "to", edge_attr=["weight"])

    each run --repetitions times, interleaved (ours, igraph, networkx, ours, ...), wall
    clock of the call alone (the process's CPU time is reported too, for information: it
    moves less with the machine's load). Bars: median(networkx) / median(ours) >= 10 and
    median(igraph) / median(ours) >= 2. The graphs are checked to agree: the same vertex
    count everywhere, ours and igraph one edge per link, networkx one edge per distinct
    unordered pair (it collapses duplicates). For information, ours is also timed on the
    same links with a type column and dates (ISO text, as read_csv gives them, and
    datetime64).

(b) Overhead of one shortest_path call on a small graph: on the embedded sample
    (datasets/sample/case.jsonl), for a few pairs 2-6 hops apart, g.shortest_path(a, b) is
    timed per call from Python (timeit, median of several batches) and the same query in
    C++ alone (linkscope._linkscope.time_shortest_path, seconds per call, median of as many
    batches, interleaved with the Python ones). Overhead = Python - C++ per call. Bar: the
    largest overhead over the pairs <= 20 us.

Run from the repository root, after building the release preset with the Python module:

    PYTHONPATH=build/release/python /usr/bin/python3 bench/python_bench.py
    PYTHONPATH=build/release/python /usr/bin/python3 bench/python_bench.py \\
        --links 200000 --repetitions 5 --json python_bench.json

(/usr/bin/python3: Debian's interpreter, which has numpy, pandas, networkx and
python3-igraph.) Prints a table and a last line "python bars: PASS" (exit 0) or
"python bars: FAIL (...)" (exit 3; a disagreement between the graphs is a failure too).
Timings depend on the machine's load: the load average is printed and kept in the JSON.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import sys
import time
import timeit

import numpy as np
import pandas as pd

BUILD_BAR_NETWORKX = 10.0  # ours must be at least this many times faster than networkx
BUILD_BAR_IGRAPH = 2.0  # ... and than igraph
OVERHEAD_BAR_US = 20.0  # Python overhead of one shortest_path call, microseconds

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(REPO, "datasets", "sample", "case.jsonl")
LINK_TYPES = np.array(["associate", "called", "paid", "supplied", "met", "uses", "family"],
                      dtype=object)


def load_average():
    try:
        return list(os.getloadavg())
    except OSError:
        return None


def make_links(n_links: int, n_entities: int, seed: int) -> pd.DataFrame:
    """from, to, weight: endpoints uniform over n_entities string ids."""
    rng = np.random.default_rng(seed)
    ids = np.array([f"P{i:07d}" for i in range(n_entities)], dtype=object)
    a = rng.integers(0, n_entities, size=n_links)
    b = rng.integers(0, n_entities, size=n_links)
    weight = np.round(rng.uniform(0.1, 1.0, size=n_links), 3)
    return pd.DataFrame({"from": ids[a], "to": ids[b], "weight": weight})


def typed_variants(links: pd.DataFrame, seed: int) -> dict:
    """The same links with a type column and a date column (ISO text / datetime64)."""
    rng = np.random.default_rng(seed + 1)
    n = len(links)
    types = LINK_TYPES[rng.integers(0, len(LINK_TYPES), size=n)]
    days = rng.integers(0, 9 * 365, size=n)
    dates = np.datetime64("2016-01-01") + days.astype("timedelta64[D]")
    text = np.datetime_as_string(dates, unit="D").astype(object)
    with_text = links.assign(type=types, date=text)
    with_datetime = links.assign(type=types, date=pd.to_datetime(dates))
    return {"ours, type + date (text)": with_text,
            "ours, type + date (datetime64)": with_datetime}


def expected_counts(links: pd.DataFrame) -> dict:
    codes, uniques = pd.factorize(pd.concat([links["from"], links["to"]], ignore_index=True))
    n = len(links)
    a, b = codes[:n].astype(np.int64), codes[n:].astype(np.int64)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    pairs = np.unique(lo * len(uniques) + hi).size
    return {"vertices": int(len(uniques)), "links": n, "distinct_pairs": int(pairs)}


def timed(build):
    """(wall seconds, CPU seconds of the whole process, all threads, graph)."""
    gc.collect()
    cpu, start = time.process_time(), time.perf_counter()
    graph = build()
    return time.perf_counter() - start, time.process_time() - cpu, graph


def bench_build(links: pd.DataFrame, repetitions: int, seed: int, log) -> dict:
    import igraph
    import networkx
    import linkscope

    builders = {
        "ours": (lambda: linkscope.Graph.from_pandas(links),
                 lambda g: (g.vertex_count, g.edge_count)),
        "igraph": (lambda: igraph.Graph.DataFrame(links, directed=False, use_vids=False),
                   lambda g: (g.vcount(), g.ecount())),
        "networkx": (lambda: networkx.from_pandas_edgelist(links, "from", "to",
                                                           edge_attr=["weight"]),
                     lambda g: (g.number_of_nodes(), g.number_of_edges())),
    }
    expect = expected_counts(links)
    times = {name: [] for name in builders}
    cpu_times = {name: [] for name in builders}
    counts = {}
    for rep in range(repetitions):
        for name, (build, count) in builders.items():
            seconds, cpu, graph = timed(build)
            times[name].append(seconds)
            cpu_times[name].append(cpu)
            counts[name] = count(graph)
            del graph
            log(f"  build rep {rep + 1}/{repetitions} {name:9s} {seconds:8.3f} s "
                f"(cpu {cpu:.3f} s)")

    for name, frame in typed_variants(links, seed).items():
        times[name], cpu_times[name] = [], []
        for rep in range(repetitions):
            seconds, cpu, graph = timed(lambda f=frame: linkscope.Graph.from_pandas(f))
            times[name].append(seconds)
            cpu_times[name].append(cpu)
            counts[name] = (graph.vertex_count, graph.edge_count)
            del graph
            log(f"  build rep {rep + 1}/{repetitions} {name} {seconds:8.3f} s "
                f"(cpu {cpu:.3f} s)")
    gc.collect()

    want = {name: (expect["vertices"], expect["links"]) for name in times}
    want["networkx"] = (expect["vertices"], expect["distinct_pairs"])
    disagreements = [f"{name}: {counts[name][0]} vertices, {counts[name][1]} edges, expected "
                     f"{want[name][0]} and {want[name][1]}"
                     for name in times if tuple(counts[name]) != want[name]]
    medians = {name: statistics.median(t) for name, t in times.items()}
    cpu_medians = {name: statistics.median(t) for name, t in cpu_times.items()}
    return {
        "expected": expect,
        "counts": {name: {"vertices": c[0], "edges": c[1]} for name, c in counts.items()},
        "seconds": times,
        "median_seconds": medians,
        "ratio_networkx": medians["networkx"] / medians["ours"],
        "ratio_igraph": medians["igraph"] / medians["ours"],
        "cpu_seconds": cpu_times,
        "median_cpu_seconds": cpu_medians,
        "cpu_ratio_networkx": cpu_medians["networkx"] / cpu_medians["ours"],
        "cpu_ratio_igraph": cpu_medians["igraph"] / cpu_medians["ours"],
        "disagreements": disagreements,
    }


def pick_pairs(g, hops=(2, 3, 4, 5, 6), seed: int = 7, tries: int = 20000) -> list:
    """One pair (a, b) at each hop distance, drawn at random with a fixed seed."""
    rng = np.random.default_rng(seed)
    ids = g.ids()
    found = {}
    for _ in range(tries):
        a, b = ids[rng.integers(0, len(ids), size=2)]
        if a == b:
            continue
        path = g.shortest_path(a, b)
        if path is not None and path.hops in hops and path.hops not in found:
            found[path.hops] = (str(a), str(b))
            if len(found) == len(hops):
                break
    return [(h, *found[h]) for h in sorted(found)]


def bench_overhead(batches: int, batch_seconds: float, log) -> dict:
    import linkscope
    from linkscope import _linkscope as core

    g = linkscope.load(SAMPLE)
    pairs = pick_pairs(g)
    rows = []
    for hops, a, b in pairs:
        timer = timeit.Timer("g.shortest_path(a, b)", globals={"g": g, "a": a, "b": b})
        timer.timeit(number=200)  # warm-up
        # Calls per batch: about batch_seconds of Python calls.
        t1 = timer.timeit(number=200) / 200
        calls = max(200, int(batch_seconds / max(t1, 1e-7)))
        core.time_shortest_path(g._h, a, b, calls)  # warm-up
        py_times, cpp_times = [], []
        for _ in range(batches):
            py_times.append(timer.timeit(number=calls) / calls)
            cpp_times.append(core.time_shortest_path(g._h, a, b, calls))
        py_med, cpp_med = statistics.median(py_times), statistics.median(cpp_times)
        row = {"hops": hops, "from": a, "to": b, "calls_per_batch": calls,
               "python_us": py_med * 1e6, "cpp_us": cpp_med * 1e6,
               "overhead_us": (py_med - cpp_med) * 1e6,
               "python_batches_us": [t * 1e6 for t in py_times],
               "cpp_batches_us": [t * 1e6 for t in cpp_times]}
        rows.append(row)
        log(f"  path {a} -> {b} ({hops} hops): python {row['python_us']:.2f} us, "
            f"c++ {row['cpp_us']:.2f} us")
    return {
        "sample": os.path.relpath(SAMPLE, REPO),
        "vertices": g.vertex_count,
        "edges": g.edge_count,
        "batches": batches,
        "pairs": rows,
        "max_overhead_us": max(r["overhead_us"] for r in rows),
        "median_overhead_us": statistics.median(r["overhead_us"] for r in rows),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--links", type=int, default=1_000_000, help="links in the DataFrame")
    ap.add_argument("--entities", type=int, default=200_000, help="distinct ids drawn from")
    ap.add_argument("--repetitions", type=int, default=3, help="builds per library")
    ap.add_argument("--seed", type=int, default=20240601, help="numpy seed of the links")
    ap.add_argument("--batches", type=int, default=7, help="timing batches per path pair")
    ap.add_argument("--batch-seconds", type=float, default=0.2,
                    help="about this long per Python batch")
    ap.add_argument("--json", metavar="FILE", help="write every figure to FILE")
    ap.add_argument("--quiet", action="store_true", help="no progress lines")
    args = ap.parse_args(argv)
    if args.links < 1 or args.entities < 1 or args.repetitions < 1 or args.batches < 1:
        ap.error("--links, --entities, --repetitions and --batches must be >= 1")

    def log(msg):
        if not args.quiet:
            print(msg, file=sys.stderr, flush=True)

    import igraph
    import networkx
    import linkscope

    load_before = load_average()
    log(f"load average {load_before}; making {args.links} links over {args.entities} ids")
    links = make_links(args.links, args.entities, args.seed)
    build = bench_build(links, args.repetitions, args.seed, log)
    del links
    gc.collect()
    overhead = bench_overhead(args.batches, args.batch_seconds, log)
    load_after = load_average()

    # ---- table ----
    med = build["median_seconds"]
    print(f"(a) build from pandas: {args.links} links, {build['expected']['vertices']} "
          f"entities, {build['expected']['distinct_pairs']} distinct pairs, "
          f"{args.repetitions} repetitions (median)")
    cpu = build["median_cpu_seconds"]
    print(f"    {'builder':34s} {'median s':>9s} {'vs ours':>8s} {'cpu s':>7s}  runs (wall s)")
    for name in med:
        runs = " ".join(f"{t:.3f}" for t in build["seconds"][name])
        print(f"    {name:34s} {med[name]:9.3f} {med[name] / med['ours']:7.2f}x "
              f"{cpu[name]:7.3f}  {runs}")
    print(f"    networkx / ours = {build['ratio_networkx']:.1f}x (bar >= {BUILD_BAR_NETWORKX:g}x), "
          f"igraph / ours = {build['ratio_igraph']:.2f}x (bar >= {BUILD_BAR_IGRAPH:g}x)")
    print(f"    by CPU time (information, less sensitive to load): networkx / ours = "
          f"{build['cpu_ratio_networkx']:.1f}x, igraph / ours = {build['cpu_ratio_igraph']:.2f}x")
    print(f"    graphs agree: {'yes' if not build['disagreements'] else 'NO'}")
    for d in build["disagreements"]:
        print(f"      {d}")
    print(f"(b) shortest_path on {overhead['sample']} ({overhead['vertices']} entities, "
          f"{overhead['edges']} links), median of {overhead['batches']} batches, us per call")
    print(f"    {'pair':24s} {'hops':>4s} {'python':>8s} {'c++':>8s} {'overhead':>9s}")
    for r in overhead["pairs"]:
        print(f"    {r['from'] + ' -> ' + r['to']:24s} {r['hops']:4d} {r['python_us']:8.2f} "
              f"{r['cpp_us']:8.2f} {r['overhead_us']:9.2f}")
    print(f"    max overhead {overhead['max_overhead_us']:.2f} us "
          f"(bar <= {OVERHEAD_BAR_US:g} us), median {overhead['median_overhead_us']:.2f} us")
    print(f"load average before {load_before}, after {load_after} "
          f"({os.cpu_count()} CPUs)")

    failures = []
    if build["ratio_networkx"] < BUILD_BAR_NETWORKX:
        failures.append(f"networkx/ours {build['ratio_networkx']:.1f}x < {BUILD_BAR_NETWORKX:g}x")
    if build["ratio_igraph"] < BUILD_BAR_IGRAPH:
        failures.append(f"igraph/ours {build['ratio_igraph']:.2f}x < {BUILD_BAR_IGRAPH:g}x")
    if build["disagreements"]:
        failures.append("graphs disagree")
    if len(overhead["pairs"]) == 0:
        failures.append("no path pairs found in the sample")
    elif overhead["max_overhead_us"] > OVERHEAD_BAR_US:
        failures.append(f"shortest_path overhead {overhead['max_overhead_us']:.1f} us "
                        f"> {OVERHEAD_BAR_US:g} us")

    if args.json:
        report = {
            "arguments": vars(args),
            "environment": {"python": sys.version.split()[0], "executable": sys.executable,
                            "platform": platform.platform(), "cpus": os.cpu_count(),
                            "numpy": np.__version__, "pandas": pd.__version__,
                            "networkx": networkx.__version__, "igraph": igraph.__version__,
                            "linkscope": getattr(linkscope, "__version__", None),
                            "load_average_before": load_before,
                            "load_average_after": load_after},
            "bars": {"build_vs_networkx": BUILD_BAR_NETWORKX, "build_vs_igraph": BUILD_BAR_IGRAPH,
                     "shortest_path_overhead_us": OVERHEAD_BAR_US},
            "build": build,
            "shortest_path": overhead,
            "pass": not failures,
            "failures": failures,
        }
        with open(args.json, "w") as f:
            json.dump(report, f, indent=2)
            f.write("\n")

    if failures:
        print(f"python bars: FAIL ({'; '.join(failures)})")
        return 3
    print("python bars: PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
