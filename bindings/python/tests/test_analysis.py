"""Communities, quality scores, paths, centrality, key players, removal, robustness, layout,
interop — each checked against the command line's JSON or an independent computation."""

import json
import subprocess

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import linkscope
from conftest import SAMPLE, SAMPLE_TRUTH


def run_cli(cli, *args):
    return json.loads(subprocess.run([cli, *map(str, args), "--format", "json"], check=True,
                                     capture_output=True, text=True).stdout)


def owns_memory_elsewhere(a: np.ndarray) -> bool:
    """The array does not own its buffer: the capsule holding the engine's vector does."""
    return (not a.flags.owndata) and type(a.base).__name__ == "PyCapsule"


@pytest.mark.parametrize("method", ["leiden", "louvain", "lpa"])
def test_communities_equal_cli(sample, cli, method):
    c = sample.communities(method=method, seed=1)
    out = run_cli(cli, "communities", SAMPLE, "--method", method, "--seed", 1)
    assert c.count == out["count"]
    assert c.modularity == pytest.approx(out["modularity"], abs=1e-12)
    by_id = {p["id"]: p for p in out["communities"]}
    for com in c.communities[:10]:
        ref = by_id[com.id]
        assert com.members == ref["members"] and com.size == ref["size"]
        assert com.commodities == ref["commodities"] and com.categories == ref["categories"]
    assert c.disconnected() == []


def test_communities_result_shape(sample):
    c = sample.communities(seed=2, threads=1)
    m = c.membership
    assert m.dtype == np.uint32 and len(m) == sample.vertex_count
    assert owns_memory_elsewhere(m)
    assert np.array_equal(np.bincount(m), c.sizes)
    assert c.levels[-1]["count"] == c.count
    assert np.array_equal(c.levels[-1]["membership"], m)
    assert c.quality == pytest.approx(sample.modularity(m))
    assert c.of(sample.ids()[0]) == m[0]
    same = sample.communities(seed=2, threads=2)
    assert np.array_equal(same.membership, m)
    df = c.to_pandas()
    assert len(df) == c.count and df.index.name == "id"
    mem = c.memberships()
    assert mem.loc[sample.ids()[5], "community"] == m[5]
    html = c._repr_html_()
    assert "modularity" in html and "<table>" in html
    com = c[0]
    assert com.size == c.sizes[0]
    assert "<svg" in com._repr_html_() and "<circle" in com.svg()
    assert com.subgraph().vertex_count == com.size


def test_cpm_and_quality(sample):
    c = sample.communities(objective="cpm", resolution=0.05, seed=1)
    assert c.objective == "cpm"
    assert sample.quality(c.membership, "cpm", 0.05) == pytest.approx(c.quality)
    with pytest.raises(linkscope.UsageError):
        sample.communities(method="spectral")
    with pytest.raises(linkscope.UsageError):
        sample.communities(method="louvain", iterations=3)
    with pytest.raises(linkscope.UsageError):
        sample.communities(resolution=-1)


def test_partition_nmi_ari(sample):
    truth = pd.read_csv(SAMPLE_TRUTH, dtype=str).fillna("")
    net = dict(zip(truth["id"], truth["network"]))
    labels = [net.get(i, "") or f"none:{i}" for i in sample.ids()]
    given = sample.partition(dict(zip(sample.ids(), labels)))
    assert given.count == len(set(labels))
    found = sample.communities(seed=1)
    nmi = found.nmi(given)
    assert 0.5 < nmi <= 1
    assert linkscope.normalized_mutual_information(labels, labels) == pytest.approx(1.0)
    assert linkscope.adjusted_rand_index(found.membership, found.membership) == pytest.approx(1.0)
    assert -1 <= found.ari(given) <= 1
    with pytest.raises(linkscope.UsageError):
        sample.modularity(np.zeros(3, dtype=np.uint32))


def test_cores_and_components(sample):
    cores = sample.cores()
    assert owns_memory_elsewhere(cores) and len(cores) == sample.vertex_count
    G = nx.Graph()
    G.add_nodes_from(sample.ids())
    links = sample.links()
    G.add_edges_from((a, b) for a, b in zip(links["from"], links["to"]) if a != b)
    ref = nx.core_number(G)
    assert all(cores[i] == ref[v] for i, v in enumerate(sample.ids()))
    comp = sample.components()
    assert comp.max() + 1 == nx.number_connected_components(G)


@pytest.mark.parametrize("weight", ["hops", "distance", "reliability"])
def test_shortest_path_equals_cli(sample, cli, weight):
    p = sample.shortest_path("P00001", "P00002", weight=weight)
    out = run_cli(cli, "path", SAMPLE, "--from", "P00001", "--to", "P00002", "--weight", weight)
    ref = out["paths"][0]
    assert p.entities == ref["entities"] and p.hops == ref["hops"]
    assert p.cost == pytest.approx(ref["cost"]) and p.reliability == pytest.approx(ref["reliability"])
    for mine, theirs in zip(p.links, ref["links"]):
        for key in ("from", "to", "type", "date", "source", "grade", "link_id"):
            assert mine[key] == theirs[key]
        assert mine["confidence"] == pytest.approx(theirs["confidence"])
    df = p.to_pandas()
    assert len(df) == p.hops and "grade" in df
    assert "P00001" in p._repr_html_()


def test_path_variants(sample, cli):
    paths = sample.shortest_path("P00001", "P00002", k=3)
    out = run_cli(cli, "path", SAMPLE, "--from", "P00001", "--to", "P00002", "--k", 3)
    assert [p.entities for p in paths] == [r["entities"] for r in out["paths"]]
    all_short = sample.shortest_path("P00001", "P00002", all_shortest=5)
    assert all(p.hops == all_short[0].hops for p in all_short)
    tr = sample.shortest_path("P00001", "P00002", time_respecting=True)
    out = run_cli(cli, "path", SAMPLE, "--from", "P00001", "--to", "P00002", "--time-respecting")
    assert (tr is None) == (not out["found"])
    if tr is not None:
        assert tr.entities == out["paths"][0]["entities"]
    via_persons = sample.shortest_path("P00001", "S00020", kinds=["person", "seizure"])
    kinds = sample.entities()["kind"]
    assert via_persons is None or all(kinds[v] in ("person", "seizure")
                                      for v in via_persons.entities[1:-1])
    far = sample.shortest_path("P00001", "S00020")
    assert far.hops >= 2
    assert sample.shortest_path("P00001", "S00020", max_hops=far.hops - 1) is None
    assert sample.shortest_path("P00001", "S00020", max_hops=far.hops).hops == far.hops
    with pytest.raises(linkscope.UsageError):
        sample.shortest_path("P00001", "P00002", colour="red")
    with pytest.raises(linkscope.UsageError):
        sample.shortest_path("P00001", "P00002", weight="cheapest")
    with pytest.raises(linkscope.UsageError):
        sample.shortest_path("P00001", "P00002", max_gap=3)
    with pytest.raises(linkscope.NotFoundError):
        sample.shortest_path("P00001", "nobody")


def test_neighbors_and_connect(sample, cli):
    nb = sample.neighbors("P00001", depth=2)
    out = run_cli(cli, "neighbors", SAMPLE, "--of", "P00001", "--depth", 2)
    assert sorted(nb.ids()) == sorted(e["id"] for e in out["entities"])
    depth = dict(zip(nb.ids(), nb.depth))
    assert all(depth[e["id"]] == e["depth"] for e in out["entities"])
    net = sample.connect(["P00001", "P00002", "F00001"])
    out = run_cli(cli, "connect", SAMPLE, "--ids", "P00001,P00002,F00001")
    assert net.entities == [e["id"] if isinstance(e, dict) else e for e in out["entities"]]
    assert len(net.links) == len(out["links"]) and net.connected
    assert "Connecting network" in net._repr_html_()
    with pytest.raises(linkscope.UsageError):
        sample.connect(["P00001"])


@pytest.mark.parametrize("measure", ["degree", "betweenness", "closeness", "harmonic",
                                     "pagerank", "eigenvector"])
def test_centrality_equals_cli(sample, cli, measure):
    c = sample.centrality(measure)
    assert owns_memory_elsewhere(c.scores) and len(c) == sample.vertex_count
    out = run_cli(cli, "centrality", SAMPLE, "--measure", measure)
    ref = {s["id"]: s["score"] for s in out["scores"]}
    for i, v in enumerate(sample.ids()):
        assert c.scores[i] == pytest.approx(ref[v], rel=1e-12, abs=1e-15)
    top = c.top(5)
    assert list(top.index) == [s["id"] for s in out["scores"][:5]]
    assert np.asarray(c) is c.scores
    assert c[top.index[0]] == top.iloc[0][measure]
    assert c.to_pandas().loc[top.index[0], measure] == top.iloc[0][measure]


def test_centrality_options(sample):
    piv = sample.centrality("betweenness", pivots=100, seed=3)
    again = sample.centrality("betweenness", pivots=100, seed=3, threads=1)
    assert np.array_equal(piv.scores, again.scores)
    with pytest.raises(linkscope.UsageError):
        sample.centrality("closeness", pivots=10)
    with pytest.raises(linkscope.UsageError):
        sample.centrality("fame")
    assert "<table" in sample.centrality("degree")._repr_html_()


def test_structure(sample, cli):
    st = sample.structure()
    out = run_cli(cli, "structure", SAMPLE)
    assert st["articulation_points"] == out["articulation_points"]
    assert [list(b) for b in st["bridges"]] == out["bridges"]


def test_keyplayers_remove_robustness(sample, cli):
    persons = sample.view(kinds="person")
    kp = persons.keyplayers(k=3, restarts=2)
    kp_default = persons.keyplayers(k=3)
    out = run_cli(cli, "keyplayers", SAMPLE, "--kinds", "person", "--k", 3)
    assert kp_default.set == out["set"]
    assert kp_default.score == pytest.approx(out["score"])
    for key, value in out["before"].items():
        assert kp_default.before[key] == pytest.approx(value)
    for key, value in out["after"].items():
        assert kp_default.after[key] == pytest.approx(value)
    assert len(kp.set) == 3
    assert "Key players" in kp._repr_html_()
    rm = sample.remove(kp_default.set)
    out = run_cli(cli, "remove", SAMPLE, "--ids", ",".join(kp_default.set))
    assert rm.after["largest_component"] == out["after"]["largest_component"]
    assert len(rm.cut) == len(out["cut"])
    df = rm.to_pandas()
    assert len(df) == len(rm.flows_before) and df["cut"].sum() == len(rm.cut)
    assert "Removing" in rm._repr_html_()
    curve = sample.robustness("degree", steps=10)
    assert curve.largest_share[0] >= curve.largest_share[-1]
    assert "<svg" in curve._repr_html_() and len(curve.to_pandas()) == len(curve.removed)
    by_ids = sample.robustness(["P00001", "P00002"])
    assert list(by_ids.removed) == [0, 1, 2]
    with pytest.raises(linkscope.UsageError):
        sample.keyplayers(k=0)
    with pytest.raises(linkscope.UsageError):
        sample.keyplayers(k=2, mode="chaos")


def test_layout(sample):
    ids = sample.communities(seed=1)[3].members
    pos = sample.layout(ids, seed=4)
    assert pos.shape == (len(ids), 2)
    assert ((pos >= 0) & (pos <= 1)).all()
    assert np.array_equal(pos, sample.layout(ids, seed=4))


def test_networkx_round_trip(sample):
    small = sample.neighbors("P00001", depth=2)
    G = small.to_networkx()
    assert G.number_of_nodes() == small.vertex_count
    assert G.nodes["P00001"]["kind"] == "person"
    back = linkscope.Graph.from_networkx(G)
    assert sorted(back.ids()) == sorted(small.ids()) and back.edge_count == small.edge_count
    kar = nx.karate_club_graph()  # its "weight" attributes are ignored: the optimum is unweighted
    g = linkscope.Graph.from_networkx(kar, weight=None)
    best = max(g.communities(seed=s).modularity for s in range(10))
    assert best == pytest.approx(0.4198, abs=1e-3)


def test_igraph_round_trip(sample):
    ig = pytest.importorskip("igraph")
    small = sample.neighbors("P00001", depth=2)
    G = small.to_igraph()
    assert G.vcount() == small.vertex_count and G.ecount() == len(small.links())
    back = linkscope.Graph.from_igraph(G)
    assert sorted(back.ids()) == sorted(small.ids())
    assert isinstance(G, ig.Graph)
