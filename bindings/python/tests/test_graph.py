"""Loading, building from pandas, ids, tables, statistics, views and projections."""

import json
import subprocess

import numpy as np
import pandas as pd
import pytest

import linkscope
from conftest import SAMPLE


def test_load_and_counts(sample):
    assert sample.vertex_count == 3026
    assert sample.edge_count == 8355
    assert len(sample) == 3026
    ids = sample.ids()
    assert ids.dtype == object and len(ids) == 3026
    assert "P00001" in sample and "nobody" not in sample
    assert ids[sample.index("P00001")] == "P00001"
    report = sample.report
    assert report["files"][0]["format"] == "jsonl"
    assert report["files"][0]["links"] == 8355 and report["rejected"] == 0


def test_load_accepts_several_files_and_formats(tmp_path):
    links = tmp_path / "calls.csv"
    links.write_text("from,to,type,date\nA,B,called,2020-01-02\nB,C,called,2020-02-03\n")
    people = tmp_path / "people.csv"
    people.write_text("id,kind,name\nA,person,Ann\nB,person,Bob\n")
    g = linkscope.load(people, links)
    assert g.vertex_count == 3 and g.edge_count == 2
    assert g.entity("A")["name"] == "Ann"
    assert g.entity("C")["implicit"] is True
    g2 = linkscope.load([str(links)], input_format="links")
    assert g2.edge_count == 2


def test_strict_error_names_file_line_column(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"record":"entity","id":"A","kind":"person"}\n{"record":"link","from":"A","to":"B","weight":-2}\n')
    with pytest.raises(linkscope.InputError) as err:
        linkscope.load(bad)
    e = err.value
    assert e.file == str(bad) and e.line == 2 and e.column > 0
    assert "weight" in e.reason and isinstance(e, ValueError)
    assert isinstance(e, linkscope.LinkscopeError)


def test_lenient_keeps_good_records(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"record":"entity","id":"A","kind":"person"}\n{"record":"link","from":"A","to":"B","weight":-2}\n'
                   '{"record":"link","from":"A","to":"C"}\n')
    g = linkscope.load(bad, lenient=True)
    assert g.edge_count == 1
    assert g.report["rejected"] == 1
    assert g.report["errors"][0]["line"] == 2


def test_io_and_usage_errors(tmp_path):
    with pytest.raises(linkscope.IoError) as err:
        linkscope.load(tmp_path / "missing.jsonl")
    assert isinstance(err.value, OSError)
    with pytest.raises(linkscope.UsageError):
        linkscope.load(SAMPLE, input_format="xml")
    with pytest.raises(linkscope.UsageError):
        linkscope.load()


def test_from_pandas_matches_the_same_file(sample, tmp_path):
    entities, links = sample.to_pandas()
    g = linkscope.Graph.from_pandas(links, entities.reset_index())
    assert g.vertex_count == sample.vertex_count and g.edge_count == sample.edge_count
    assert sorted(g.ids()) == sorted(sample.ids())
    a = g.communities(seed=1)
    b = sample.communities(seed=1)
    assert a.modularity == pytest.approx(b.modularity, abs=1e-12)
    assert a.count == b.count


def test_from_pandas_columns_and_properties():
    links = pd.DataFrame({
        "src": ["A", "B", "C"], "dst": ["B", "C", "A"],
        "type": ["called", "met", None], "weight": [1.0, 2.5, np.nan],
        "date": pd.to_datetime(["2020-01-01", "2021-05-06", None]),
        "grade": ["B2", None, "A1"], "case_ref": ["x1", "x2", "x3"], "amount": [10, 20, 30],
    })
    entities = pd.DataFrame({"key": ["A", "B"], "kind": ["person", "person"],
                             "name": ["Ann", "Bob"], "age": [31, 45]})
    g = linkscope.Graph.from_pandas(links, entities, source="src", target="dst", entity_id="key")
    assert g.vertex_count == 3 and g.edge_count == 3
    assert g.entity("A")["properties"] == {"age": 31.0}
    assert g.entity("A")["kind"] == "person" and g.entity("C")["implicit"]
    tab = g.links().set_index(["from", "to"])
    assert tab.loc[("B", "C"), "weight"] == 2.5 and tab.loc[("C", "A"), "weight"] == 1.0
    assert tab.loc[("A", "B"), "date"] == "2020-01-01"
    assert tab.loc[("C", "A"), "grade"] == "A1"
    assert set(tab["type"]) == {"called", "met", "link"}


def test_from_pandas_integer_ids_become_strings():
    links = pd.DataFrame({"from": [1, 2, 3], "to": [2, 3, 1]})
    g = linkscope.Graph.from_pandas(links)
    assert sorted(g.ids()) == ["1", "2", "3"]


def test_from_pandas_bad_rows():
    links = pd.DataFrame({"from": ["A", "B", "C"], "to": ["B", None, "A"]})
    with pytest.raises(linkscope.InputError) as err:
        linkscope.Graph.from_pandas(links)
    assert err.value.file == "links" and err.value.line == 2 and "to" in err.value.reason
    g = linkscope.Graph.from_pandas(links, lenient=True)
    assert g.edge_count == 2 and g.report["rejected"] == 1
    bad_weight = pd.DataFrame({"from": ["A"], "to": ["B"], "weight": ["heavy"]})
    with pytest.raises(linkscope.InputError) as err:
        linkscope.Graph.from_pandas(bad_weight)
    assert err.value.line == 1 and "weight" in err.value.reason
    with pytest.raises(linkscope.UsageError):
        linkscope.Graph.from_pandas(pd.DataFrame({"a": ["x"], "b": ["y"]}))
    with pytest.raises(linkscope.UsageError):
        linkscope.Graph.from_pandas([("A", "B")])


def test_generate_is_deterministic(tmp_path):
    a = linkscope.generate(entities=500, seed=7)
    b = linkscope.generate(entities=500, seed=7, path=str(tmp_path / "c.jsonl"),
                           truth_path=str(tmp_path / "t.csv"))
    assert (tmp_path / "c.jsonl").exists() and (tmp_path / "t.csv").exists()
    assert list(a.ids()) == list(b.ids()) and a.edge_count == b.edge_count


def test_stats_match_cli(sample, cli):
    st = sample.stats()
    out = json.loads(subprocess.run([cli, "stats", SAMPLE, "--format", "json"], check=True,
                                    capture_output=True, text=True).stdout)
    assert st["entities"] == out["entities"] and st["links"] == out["links"]
    assert st["components"] == out["components"]
    assert "<table>" in st._repr_html_()


def test_views_and_projection(sample):
    persons = sample.view(kinds="person")
    assert set(persons.entities()["kind"]) == {"person"}
    assert persons.vertex_count < sample.vertex_count
    dated = sample.view(since="2019", until="2020", drop_undated=True)
    assert dated.edge_count < sample.edge_count
    for d in dated.links()["date"]:
        assert d[:4] in ("2019", "2020") or "/" in d
    without = sample.view(exclude=["P00001"])
    assert "P00001" not in without
    proj = sample.project(onto="person", via="seizure")
    assert proj.vertex_count > 0 and set(proj.entities()["kind"]) == {"person"}
    assert proj.links()["weight"].min() >= 1
    with pytest.raises(linkscope.NotFoundError):
        sample.view(kinds="dragon")
    with pytest.raises(linkscope.UsageError):
        sample.view(max_handling=9)
    sub = sample.subgraph(["P00001", "F00001", "S00001"])
    assert sub.vertex_count == 3
    assert "<table>" in sub._repr_html_()


def test_entity_details(sample):
    e = sample.entity("F00001")
    assert e["kind"] == "firearm" and "firearm" in e and e["records"]
    with pytest.raises(linkscope.NotFoundError) as err:
        sample.entity("nobody")
    assert isinstance(err.value, KeyError)


def test_tables_round_trip_through_pandas(sample):
    entities, links = sample.to_pandas()
    assert entities.index.name == "id" and len(entities) == sample.vertex_count
    assert {"from", "to", "type", "weight", "date", "source", "grade", "handling"} <= set(links)


def test_from_pandas_missing_values_of_every_kind():
    links = pd.DataFrame({
        "from": pd.array(["A", "B", "C", "D"], dtype="string"),
        "to": ["B", "C", "D", "A"],
        "source": pd.array(["r1", pd.NA, None, np.nan], dtype=object),
        "date": pd.to_datetime(["2020-03-04 10:15", None, "2021-01-01", pd.NaT]),
    })
    g = linkscope.Graph.from_pandas(links)
    tab = g.links().set_index("from")
    assert tab.loc["A", "source"] == "r1"
    assert (tab.loc[["B", "C", "D"], "source"] == "").all()
    assert tab.loc["A", "date"] == "2020-03-04T10:15:00Z"
    assert tab.loc["B", "date"] == "" and tab.loc["D", "date"] == ""
    with pytest.raises(linkscope.InputError) as err:
        linkscope.Graph.from_pandas(pd.DataFrame({"from": pd.array(["A", pd.NA], dtype="string"),
                                                  "to": ["B", "C"]}))
    assert err.value.line == 2 and "from" in err.value.reason


def test_from_pandas_directed_default_and_words():
    links = pd.DataFrame({"from": ["A", "B"], "to": ["B", "C"]})
    assert (linkscope.Graph.from_pandas(links, directed=True).links()["directed"] == 1).all()
    assert (linkscope.Graph.from_pandas(links).links()["directed"] == 0).all()
    words = pd.DataFrame({"from": ["A", "B", "C"], "to": ["B", "C", "A"],
                          "directed": pd.array([True, None, False], dtype="boolean")})
    tab = linkscope.Graph.from_pandas(words, directed=True).links().set_index("from")
    assert list(tab.loc[["A", "B", "C"], "directed"]) == [1, 1, 0]
    text = pd.DataFrame({"from": ["A", "B"], "to": ["B", "C"], "directed": ["yes", "no"]})
    assert list(linkscope.Graph.from_pandas(text).links()["directed"]) == [1, 0]
    with pytest.raises(linkscope.InputError):
        linkscope.Graph.from_pandas(pd.DataFrame({"from": ["A"], "to": ["B"], "directed": ["maybe"]}))


def test_to_pandas_round_trips_ranges_and_missing_codes(tmp_path):
    case = tmp_path / "case.jsonl"
    case.write_text(
        '{"record":"entity","id":"A","kind":"person","name":"Ann"}\n'
        '{"record":"link","from":"A","to":"B","type":"met","start":"2019-03","end":"2019-05"}\n'
        '{"record":"link","from":"B","to":"C","type":"paid","date":"2020","handling":3}\n')
    g = linkscope.load(case)
    entities, links = g.to_pandas()
    again = linkscope.Graph.from_pandas(links, entities.reset_index())
    a = g.links().sort_values(["from", "to"]).reset_index(drop=True)
    b = again.links().sort_values(["from", "to"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b)
    assert a.loc[0, "start"] == "2019-03-01" and a.loc[0, "end"] == "2019-05-31"
    assert np.isnan(a.loc[0, "handling"]) and a.loc[1, "handling"] == 3
    back = linkscope.Graph.from_networkx(g.to_networkx())
    assert back.edge_count == g.edge_count


def test_wrongly_typed_options_name_the_option(sample):
    with pytest.raises(linkscope.UsageError, match="pivots"):
        sample.centrality("betweenness", pivots="many")
    with pytest.raises(linkscope.UsageError, match="seed"):
        sample.communities(seed=-1)


def test_export_formats(sample, tmp_path):
    import networkx as nx

    small = sample.neighbors("P00001", depth=2)
    nets = small.communities(seed=1)
    r = small.export(tmp_path / "n.graphml", communities=nets)
    assert r["entities"] == small.vertex_count and r["files"] == [str(tmp_path / "n.graphml")]
    G = nx.read_graphml(tmp_path / "n.graphml")
    assert G.number_of_nodes() == small.vertex_count
    assert G.nodes["P00001"]["kind"] == "person"
    assert G.nodes["P00001"]["community"] == nets.of("P00001")
    small.export(tmp_path / "n.jsonl")
    again = linkscope.load(tmp_path / "n.jsonl")
    assert sorted(again.ids()) == sorted(small.ids()) and again.edge_count == small.edge_count
    small.export(tmp_path / "tables", format="csv")
    assert (tmp_path / "tables" / "links.csv").exists()
    small.export(tmp_path / "n.ijson")
    ftm = linkscope.load(tmp_path / "n.ijson")
    assert ftm.vertex_count >= small.vertex_count - 1
    with pytest.raises(linkscope.UsageError):
        small.export(tmp_path / "n.xyz")
    with pytest.raises(linkscope.UsageError):
        small.export(tmp_path / "n.graphml", format="pdf")
    with pytest.raises(linkscope.IoError):
        small.export(tmp_path / "missing-dir" / "deeper" / "n.graphml")
