#!/usr/bin/python3
"""networkx reference values for the centrality tests (tests/centrality/nx_reference_test.cpp).

Reads a dataset file on its own (not through linkscope), builds the graph linkscope's centrality
module defines (docs/algorithms/centrality.md) and prints networkx's results as JSON:

- link records: GML edges (weight = "weight" or "value", else 1), edge-list rows
  (source target [weight]; CSV with a header or TAB/space separated without), or the non-zero
  off-diagonal cells of a one-mode matrix (symmetric: one undirected link per pair; otherwise a
  directed link row -> column);
- undirected (--directed 0): a Graph; directed (--directed 1): a DiGraph where a directed link
  is one arc and an undirected link two;
- self-loops dropped; parallel links merged: distance = smallest weight, strength = sum.

Usage: nx_reference.py FILE FORMAT(gml|edges|matrix) DIRECTED(0|1) WEIGHTED(0|1) TOL
Run with /usr/bin/python3 (Debian's python3-networkx 2.8.8 and scipy).
"""
import csv
import io
import json
import sys

import networkx as nx


def records_gml(path):
    g = nx.read_gml(path, label="id")
    directed = g.is_directed()
    out = []
    edges = g.edges(data=True, keys=False) if g.is_multigraph() else g.edges(data=True)
    for a, b, d in edges:
        w = d.get("weight", d.get("value", 1))
        try:
            w = float(w)
        except (TypeError, ValueError):
            w = 1.0
        out.append((str(a), str(b), w, directed))
    return [str(v) for v in g.nodes()], out


def records_edges(path):
    text = open(path, encoding="utf-8-sig").read()
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if "," in lines[0]:
        rows = list(csv.reader(io.StringIO("\n".join(lines))))
    else:
        rows = [ln.split() for ln in lines]
    header = rows[0][0].strip().lower() in ("source", "from", "src")
    if header:
        rows = rows[1:]
    nodes, out = [], []
    for r in rows:
        a, b = r[0].strip(), r[1].strip()
        w = float(r[2]) if len(r) > 2 and r[2].strip() else 1.0
        out.append((a, b, w, False))
        nodes += [a, b]
    return list(dict.fromkeys(nodes)), out


def records_matrix(path):
    rows = list(csv.reader(open(path, encoding="utf-8-sig")))
    rows = [r for r in rows if any(c.strip() for c in r)]
    labels = [c.strip() for c in rows[0][1:]]
    body = rows[1:]
    assert [r[0].strip() for r in body] == labels, "not a one-mode matrix"
    k = len(labels)

    def val(i, j):
        c = body[i][j + 1].strip() if j + 1 < len(body[i]) else ""
        return float(c) if c else 0.0

    m = [[val(i, j) for j in range(k)] for i in range(k)]
    symmetric = all(m[i][j] == m[j][i] for i in range(k) for j in range(k))
    out = []
    for i in range(k):
        for j in range(k):
            if i == j or m[i][j] == 0:
                continue
            if symmetric and j < i:
                continue
            out.append((labels[i], labels[j], m[i][j], not symmetric))
    return labels, out


def build(nodes, records, directed):
    g = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(nodes)
    for a, b, w, rec_directed in records:
        if a == b:
            continue
        arcs = [(a, b)] if (rec_directed or not directed) else [(a, b), (b, a)]
        for u, v in arcs:
            if g.has_edge(u, v):
                d = g[u][v]
                d["dist"] = min(d["dist"], w)
                d["strength"] += w
            else:
                g.add_edge(u, v, dist=w, strength=w)
    return g


def main():
    path, fmt, directed, weighted, tol = sys.argv[1:6]
    directed = directed == "1"
    weighted = weighted == "1"
    tol = float(tol)
    reader = {"gml": records_gml, "edges": records_edges, "matrix": records_matrix}[fmt]
    nodes, records = reader(path)
    g = build(nodes, records, directed)
    dist = "dist" if weighted else None
    strength = "strength" if weighted else None
    und = g.to_undirected() if directed else g
    result = {
        "vertices": g.number_of_nodes(),
        "pairs": g.number_of_edges(),
        "betweenness": nx.betweenness_centrality(g, weight=dist),
        "betweenness_endpoints": nx.betweenness_centrality(g, weight=dist, endpoints=True),
        "betweenness_raw": nx.betweenness_centrality(g, weight=dist, normalized=False),
        "edge_betweenness": [[u, v, x] for (u, v), x in
                             nx.edge_betweenness_centrality(g, weight=dist).items()],
        "closeness": nx.closeness_centrality(g, distance=dist),
        "closeness_raw": nx.closeness_centrality(g, distance=dist, wf_improved=False),
        "harmonic": nx.harmonic_centrality(g, distance=dist),
        "pagerank": nx.pagerank(g, alpha=0.85, weight=strength, tol=tol, max_iter=100000),
        "eigenvector": nx.eigenvector_centrality(g, weight=strength, tol=tol, max_iter=100000),
        "articulation_points": sorted(nx.articulation_points(und)),
        "bridges": sorted([sorted([u, v]) for u, v in nx.bridges(und)]),
    }
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
