"""networkx and python-igraph conversions (each imported only when used)."""

from __future__ import annotations

import numpy as np

_ENTITY_FIELDS = ("kind", "name", "country", "date", "start", "end", "source", "category",
                  "quantity", "unit", "subtype", "make", "model", "calibre", "serial")
_LINK_FIELDS = ("type", "directed", "weight", "date", "start", "end", "source", "grade",
                "handling", "id")


def _frames(nodes, node_attrs, edges, edge_attrs, kind, type_, weight):
    import pandas as pd

    ent_rows = []
    for n, attrs in zip(nodes, node_attrs):
        row = {"id": str(n)}
        for k, v in attrs.items():
            key = "kind" if k == kind else k
            if key != "id":
                row[key] = v
        ent_rows.append(row)
    link_rows = []
    for (a, b), attrs in zip(edges, edge_attrs):
        row = {"from": str(a), "to": str(b)}
        for k, v in attrs.items():
            if weight is None and k == "weight":
                continue  # the caller asked for an unweighted graph
            key = "type" if k == type_ else "weight" if k == weight else k
            if key not in ("from", "to"):
                row[key] = v
        link_rows.append(row)
    entities = pd.DataFrame(ent_rows) if ent_rows else None
    links = pd.DataFrame(link_rows, columns=None if link_rows else ["from", "to"])
    return entities, links


def from_networkx(cls, graph, kind, type_, weight):
    nodes = list(graph.nodes)
    node_attrs = [graph.nodes[n] for n in nodes]
    if graph.is_multigraph():
        edges = [(a, b) for a, b, _ in graph.edges(keys=True)]
        edge_attrs = [d for _, _, _, d in graph.edges(keys=True, data=True)]
    else:
        edges = list(graph.edges())
        edge_attrs = [d for _, _, d in graph.edges(data=True)]
    entities, links = _frames(nodes, node_attrs, edges, edge_attrs, kind, type_, weight)
    if graph.is_directed() and len(links) and "directed" not in links:
        links["directed"] = True
    return cls.from_pandas(links, entities)


def from_igraph(cls, graph, name, kind, type_, weight):
    vs_attrs = graph.vs.attributes()
    names = graph.vs[name] if name in vs_attrs else list(range(graph.vcount()))
    # to_igraph keeps the entity's name as "label" (igraph's "name" is the vertex id).
    node_attrs = [{("name" if k == "label" else k): v[k] for k in vs_attrs
                   if k != name and v[k] is not None} for v in graph.vs]
    es_attrs = graph.es.attributes()
    edges = [(names[e.source], names[e.target]) for e in graph.es]
    edge_attrs = [{k: e[k] for k in es_attrs if e[k] is not None} for e in graph.es]
    entities, links = _frames(names, node_attrs, edges, edge_attrs, kind, type_, weight)
    if graph.is_directed() and len(links) and "directed" not in links:
        links["directed"] = True
    return cls.from_pandas(links, entities)


def _clean(d: dict) -> dict:
    out = {}
    for k, v in d.items():
        if v is None or (isinstance(v, float) and np.isnan(v)) or v == "":
            continue
        out[k] = v.item() if isinstance(v, np.generic) else v
    return out


def to_networkx(g):
    import networkx as nx

    entities, links = g.to_pandas()
    multi = len(links) and links.duplicated(["from", "to"]).any()
    out = nx.MultiGraph() if multi else nx.Graph()
    for entity, row in entities.iterrows():
        out.add_node(entity, **_clean(row.to_dict()))
    for row in links.to_dict("records"):
        a, b = row.pop("from"), row.pop("to")
        out.add_edge(a, b, **_clean(row))
    return out


def to_igraph(g):
    import igraph as ig

    entities, links = g.to_pandas()
    out = ig.Graph(n=len(entities), directed=False)
    out.vs["name"] = list(entities.index)
    for col in entities.columns:
        out.vs["label" if col == "name" else col] = entities[col].tolist()
    index = {v: i for i, v in enumerate(entities.index)}
    out.add_edges([(index[a], index[b]) for a, b in zip(links["from"], links["to"])])
    for col in links.columns:
        if col not in ("from", "to"):
            out.es[col] = [x.item() if isinstance(x, np.generic) else x for x in links[col]]
    return out
