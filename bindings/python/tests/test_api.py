"""The public surface: stubs cover it, help() has something to say, and building from pandas
agrees with networkx on arbitrary tables (property test)."""

import ast
import inspect
import pathlib

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import linkscope

STUB = pathlib.Path(linkscope.__file__).with_name("__init__.pyi")


def stub_names():
    tree = ast.parse(STUB.read_text())
    names, members = set(), {}
    for node in tree.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            names.add(node.name)
        if isinstance(node, ast.ClassDef):
            members[node.name] = {n.name for n in node.body if isinstance(n, ast.FunctionDef)} | {
                n.target.id for n in node.body if isinstance(n, ast.AnnAssign)}
        if isinstance(node, ast.AnnAssign):
            names.add(node.target.id)
    return names, members


def test_stubs_cover_the_public_api():
    names, members = stub_names()
    assert set(linkscope.__all__) <= names
    for cls in (linkscope.Graph, linkscope.Communities, linkscope.Community, linkscope.Path,
                linkscope.Centrality, linkscope.KeyPlayers, linkscope.Removal,
                linkscope.Robustness, linkscope.ConnectingNetwork):
        public = {n for n in dir(cls) if not n.startswith("_")}
        missing = public - members[cls.__name__]
        assert not missing, f"{cls.__name__}: not in the stubs: {sorted(missing)}"


def test_docstrings():
    for name in ("load", "generate", "normalized_mutual_information", "adjusted_rand_index"):
        assert inspect.getdoc(getattr(linkscope, name))
    for name, member in inspect.getmembers(linkscope.Graph):
        if not name.startswith("_") and callable(member):
            assert inspect.getdoc(member), f"Graph.{name} has no docstring"
    assert "linkscope.load" in linkscope.__doc__


ids = st = None
try:
    from hypothesis import given, settings, strategies as st
except ImportError:  # pragma: no cover - hypothesis comes with the setup script
    given = None


if given is not None:
    names = st.text(alphabet="abcdefgh", min_size=1, max_size=3)

    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.tuples(names, names, st.floats(0.1, 5.0)), min_size=1, max_size=40))
    def test_from_pandas_agrees_with_networkx(rows):
        df = pd.DataFrame(rows, columns=["from", "to", "weight"])
        g = linkscope.Graph.from_pandas(df)
        G = nx.from_pandas_edgelist(df, "from", "to", edge_attr="weight",
                                    create_using=nx.MultiGraph)
        assert sorted(g.ids()) == sorted(G.nodes)
        assert g.edge_count == G.number_of_edges()
        simple = nx.Graph(G)
        simple.remove_edges_from(nx.selfloop_edges(simple))
        degree = g.centrality("degree", normalized=False)
        # Degree centrality counts distinct neighbours (self-loops aside).
        for v in g.ids():
            assert degree[v] == simple.degree(v)
        comp = g.components()
        assert comp.max() + 1 == nx.number_connected_components(simple)
