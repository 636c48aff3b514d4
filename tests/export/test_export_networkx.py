"""linkscope export from the command line, read back by networkx: GraphML and GEXF of the sample
case (node and edge counts, attributes of known entities and links, communities), escaping,
view options, CSV and JSON Lines read back by linkscope itself, and exit codes."""

import csv
import json
import os
import pathlib
import subprocess

import networkx as nx
import pytest
from networkx.readwrite import gexf as nx_gexf

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "datasets" / "sample" / "case.jsonl"
CLI = pathlib.Path(os.environ.get("LINKSCOPE_CLI", ROOT / "build" / "release" / "bin" / "linkscope"))


def run(*args, check=True):
    p = subprocess.run([str(CLI), *map(str, args)], capture_output=True, text=True, timeout=300)
    if check:
        assert p.returncode == 0, p.stderr
    return p


def stats(*files):
    return json.loads(run("stats", *files, "--format", "json").stdout)


def read_gexf(path):
    # GEXF 1.3: networkx reads it from 3.5 on; older ones (Debian's 2.8) only lack the
    # namespace, which is all upstream added.
    if "1.3" not in nx_gexf.GEXF.versions:
        nx_gexf.GEXF.versions["1.3"] = {
            "NS_GEXF": "http://gexf.net/1.3",
            "NS_VIZ": "http://gexf.net/1.3/viz",
            "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
            "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            "VERSION": "1.3",
        }
    return nx.read_gexf(str(path), version="1.3")


def sample_records():
    entities, links = {}, []
    with open(SAMPLE, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["record"] == "entity":
                entities.setdefault(r["id"], r)
            else:
                links.append(r)
    return entities, links


@pytest.fixture(scope="module")
def sample_stats():
    return stats(SAMPLE)


@pytest.fixture(scope="module")
def communities():
    """entity id -> community, from `linkscope communities` with the same seed."""
    out = run("communities", SAMPLE, "--seed", "7", "--format", "csv").stdout
    return {row["id"]: int(row["community"]) for row in csv.DictReader(out.splitlines())}


@pytest.fixture(scope="module")
def graphml(tmp_path_factory):
    out = tmp_path_factory.mktemp("graphml") / "case.graphml"
    p = run("export", SAMPLE, "--to", "graphml", "-o", out, "--communities", "leiden", "--seed", "7")
    assert f"wrote {out} (graphml): 3,026 entities, 8,355 links" in p.stdout
    assert "communities: leiden (seed 7)" in p.stdout
    return nx.read_graphml(str(out))


@pytest.fixture(scope="module")
def gexf(tmp_path_factory):
    out = tmp_path_factory.mktemp("gexf") / "case.gexf"
    run("export", SAMPLE, "--to", "gexf", "-o", out, "--communities", "leiden", "--seed", "7")
    return read_gexf(out)


def test_graphml_counts(graphml, sample_stats):
    assert graphml.is_multigraph()  # parallel links are separate edges
    assert graphml.number_of_nodes() == sample_stats["entities"]
    assert graphml.number_of_edges() == sample_stats["links"]


def test_gexf_counts(gexf, sample_stats):
    assert gexf.number_of_nodes() == sample_stats["entities"]
    assert gexf.number_of_edges() == sample_stats["links"]


def test_node_attributes(graphml, gexf, communities):
    entities, _ = sample_records()
    for g in (graphml, gexf):
        for eid in ("P00001", "O00001", "L00001", "C00001", "S00001"):
            node, rec = g.nodes[eid], entities[eid]
            assert node["kind"] == rec["kind"]
            assert node["country"] == rec["country"]
            assert node.get("name") == rec.get("name")
            assert node["label"] == rec.get("name", eid)
            if "date" in rec:
                assert node["date"] == rec["date"]
        p = g.nodes["P00001"]
        assert p["year_of_birth"] == 1978.0
        c = g.nodes["C00001"]
        assert (c["category"], c["quantity"], c["unit"]) == ("gold", 11.5, "kg")
        f = g.nodes["F00001"]
        assert (f["make"], f["model"], f["serial"]) == ("Beretta", "17", "YK794517")
        # Every node has its community, as `linkscope communities` numbers them.
        assert all(isinstance(d["community"], int) for _, d in g.nodes(data=True))
        assert {n: d["community"] for n, d in g.nodes(data=True)} == communities
        # Implicit entities are flagged.
        assert sum(1 for _, d in g.nodes(data=True) if d["implicit"]) == 90


def test_edge_attributes(graphml, gexf):
    _, links = sample_records()
    for g in (graphml, gexf):
        # The first two links of the sample: P00001 - P00004, associate, the second dated.
        edges = g.get_edge_data("P00001", "P00004")
        first, second = edges["e0"], edges["e1"]
        assert (first["type"], first["grade"], first["handling"]) == ("associate", "C2", 2)
        assert first["directed"] is False and first["weight"] == 1.0
        assert "date" not in first
        assert first["source"] == links[0]["source"]
        assert (second["date"], second["grade"]) == (links[1]["date"], links[1]["grade"])
        assert abs(second["confidence"] - 0.48) < 1e-12  # B3
        # A directed, weighted, dated link with a property.
        i = next(i for i, l in enumerate(links) if l["type"] == "paid")
        paid = g.get_edge_data(links[i]["from"], links[i]["to"])[f"e{i}"]
        assert paid["directed"] is True
        assert paid["amount"] == links[i]["properties"]["amount"]
        assert paid["date"] == links[i]["date"]
        assert paid["start"] == links[i]["date"] and paid["end"] == links[i]["date"]
    assert gexf.get_edge_data("P00001", "P00004")["e0"]["label"] == "associate"


def test_escaping(tmp_path):
    case = tmp_path / "odd.jsonl"
    odd = 'A<&"\'>'
    case.write_text(
        json.dumps({"record": "entity", "id": odd, "kind": "person", "name": "Zoë <b>&amp;</b>"}) + "\n"
        + json.dumps({"record": "entity", "id": "名前", "kind": "organization", "name": "株式会社"}) + "\n"
        + json.dumps({"record": "link", "from": odd, "to": "名前", "type": "member_of",
                      "source": "R&D \"x\" <y>"}) + "\n",
        encoding="utf-8")
    run("export", case, "--to", "graphml", "-o", tmp_path / "odd.graphml")
    run("export", case, "--to", "gexf", "-o", tmp_path / "odd.gexf")
    for g in (nx.read_graphml(str(tmp_path / "odd.graphml")), read_gexf(tmp_path / "odd.gexf")):
        assert set(g.nodes) == {odd, "名前"}
        assert g.nodes[odd]["name"] == "Zoë <b>&amp;</b>"
        assert g.nodes["名前"]["name"] == "株式会社"
        (_, _, data), = g.edges(data=True)
        assert data["source"] == 'R&D "x" <y>'


def test_views(tmp_path):
    out = tmp_path / "persons.graphml"
    run("export", SAMPLE, "--to", "graphml", "-o", out, "--kinds", "person", "--link-types",
        "associate,family")
    g = nx.read_graphml(str(out))
    assert g.number_of_nodes() == 1350
    assert {d["kind"] for _, d in g.nodes(data=True)} == {"person"}
    assert {d["type"] for *_, d in g.edges(data=True)} == {"associate", "family"}

    out = tmp_path / "dated.graphml"
    run("export", SAMPLE, "--to", "graphml", "-o", out, "--since", "2022", "--until", "2022",
        "--drop-undated", "--exclude", "P00001")
    g = nx.read_graphml(str(out))
    assert "P00001" not in g
    assert g.number_of_edges() > 0
    assert all(d["date"].startswith("2022") for *_, d in g.edges(data=True))

    out = tmp_path / "handling.jsonl"
    p = run("export", SAMPLE, "--to", "jsonl", "-o", out, "--max-handling-code", "2")
    assert "links above handling code 2 were withheld" in p.stdout
    handling = [json.loads(l).get("handling", 0) for l in out.read_text().splitlines()
                if '"record":"link"' in l]
    assert handling and max(handling) <= 2

    # A projection: persons who share seizures, weighted by how many.
    out = tmp_path / "projected.gexf"
    p = run("export", SAMPLE, "--to", "gexf", "-o", out, "--kinds", "person", "--via", "seizure")
    assert "projected links" in p.stdout
    g = read_gexf(out)
    assert {d["kind"] for _, d in g.nodes(data=True)} == {"person"}
    assert g.number_of_edges() > 0
    assert all(d["label"] == "projected" and d["weight"] >= 1 for *_, d in g.edges(data=True))


def test_jsonl_and_csv_read_back_the_same_case(tmp_path, sample_stats):
    keep = {k: v for k, v in sample_stats.items() if k not in ("files",)}
    run("export", SAMPLE, "--to", "jsonl", "-o", tmp_path / "case.jsonl")
    again = stats(tmp_path / "case.jsonl")
    assert {k: v for k, v in again.items() if k != "files"} == keep
    p = run("export", SAMPLE, "--to", "csv", "-o", tmp_path / "tables")
    entities, links = tmp_path / "tables" / "entities.csv", tmp_path / "tables" / "links.csv"
    assert f"wrote {entities} and {links} (csv)" in p.stdout
    tables = stats(entities, links)
    assert {k: v for k, v in tables.items() if k != "files"} == keep


def test_ftm(tmp_path):
    out = tmp_path / "case.ijson"
    run("export", SAMPLE, "--to", "ftm", "-o", out)
    lines = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 3026 + 8355
    assert all(set(l) == {"id", "schema", "properties"} for l in lines)
    assert all(isinstance(v, list) and v for l in lines for v in l["properties"].values())
    by_id = {l["id"]: l for l in lines}
    assert len(by_id) == len(lines)
    assert by_id["P00001"]["schema"] == "Person"
    assert by_id["P00001"]["properties"]["name"] == ["Sale Gotena"]
    schemata = {l["schema"] for l in lines}
    assert {"Person", "Organization", "Address", "Asset", "Event", "Payment", "Ownership",
            "Membership", "Employment", "Family", "Associate", "UnknownLink"} <= schemata


def test_usage_and_io_errors(tmp_path):
    p = run("export", SAMPLE, "--to", "xlsx", "-o", tmp_path / "x", check=False)
    assert p.returncode == 2
    p = run("export", SAMPLE, "--to", "graphml", check=False)
    assert p.returncode == 2  # -o is required
    p = run("export", SAMPLE, "--to", "graphml", "-o", tmp_path / "x", "--via", "seizure",
            check=False)
    assert p.returncode == 2 and "--via" in p.stderr
    p = run("export", SAMPLE, "--to", "graphml", "-o", tmp_path / "x", "--seed", "3", check=False)
    assert p.returncode == 2
    p = run("export", SAMPLE, "--to", "graphml", "-o", tmp_path / "no" / "such" / "x.graphml",
            check=False)
    assert p.returncode == 1 and "cannot write" in p.stderr
    p = run("export", tmp_path / "missing.jsonl", "--to", "graphml", "-o", tmp_path / "x",
            check=False)
    assert p.returncode == 1
    p = run("export", SAMPLE, "--to", "graphml", "-o", tmp_path / "x", "--kinds", "dragon",
            check=False)
    assert p.returncode == 1 and "dragon" in p.stderr
