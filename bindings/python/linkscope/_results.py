"""Result objects: plain attributes, numpy arrays without copies, to_pandas(), notebook display."""

from __future__ import annotations

from typing import Iterator, List, Optional

import numpy as np

from . import _linkscope as _core


def _frame(rows, columns=None, index=None):
    import pandas as pd

    df = pd.DataFrame(rows, columns=columns)
    return df.set_index(index) if index else df


def normalized_mutual_information(a, b) -> float:
    """NMI of two partitions (label arrays of equal length): 1 for identical ones."""
    return _core.nmi(_labels(a), _labels(b))


def adjusted_rand_index(a, b) -> float:
    """Adjusted Rand index of two partitions: 1 for identical ones, about 0 for random ones."""
    return _core.ari(_labels(a), _labels(b))


def _labels(x) -> np.ndarray:
    if isinstance(x, Communities):
        return x.membership
    a = np.asarray(x)
    if a.dtype.kind not in "iu":
        # Any hashable labels (strings, ...): numbered in order of first appearance.
        _, a = np.unique(a.astype(str), return_inverse=True)
    if len(a) and a.min() < 0:
        raise _core.UsageError("labels must be non-negative")
    return np.ascontiguousarray(a, dtype=np.uint32)


class Stats(dict):
    """Network statistics (a dict) that display as a table in a notebook."""

    def _repr_html_(self) -> str:
        from ._display import stats_html

        return stats_html(self)


class Community:
    """One network: its members and profile (sizes, links, density, kinds, commodity mix,
    convergence, countries, top members, bridges)."""

    def __init__(self, graph, profile: dict):
        self._graph = graph
        self._p = profile

    id = property(lambda self: self._p["id"])
    size = property(lambda self: self._p["size"])
    members = property(lambda self: list(self._p["members"]), doc="external ids, sorted")
    internal_links = property(lambda self: self._p["internal_links"])
    external_links = property(lambda self: self._p["external_links"])
    density = property(lambda self: self._p["density"])
    kinds = property(lambda self: dict(self._p["kinds"]))
    seizures = property(lambda self: self._p["seizures"])
    commodities = property(lambda self: dict(self._p["commodities"]),
                           doc="category -> distinct items reached (firearms, gold, drugs, ...)")
    categories = property(lambda self: self._p["categories"],
                          doc="distinct commodity categories: the convergence score")
    entropy = property(lambda self: self._p["entropy"], doc="Shannon entropy of the mix (bits)")
    countries = property(lambda self: dict(self._p["countries"]))
    top_members = property(lambda self: list(self._p["top_members"]))
    bridges = property(lambda self: list(self._p["bridges"]))
    bridge_count = property(lambda self: self._p["bridge_count"])

    def profile(self) -> dict:
        """The profile as a dict (the same keys as the command line's JSON)."""
        return dict(self._p)

    def subgraph(self):
        """The members and the links between them, as a Graph."""
        return self._graph.subgraph(self._p["members"])

    def svg(self, max_members: int = 120, seed: int = 1, width: int = 520) -> str:
        """An SVG drawing of the members (force-directed), coloured by kind."""
        from ._display import community_svg

        return community_svg(self, max_members, seed, width)

    def __repr__(self) -> str:
        mix = ", ".join(f"{k} {v}" for k, v in list(self.commodities.items())[:4]) or "no items"
        return f"<Community {self.id}: {self.size} members; {mix}>"

    def _repr_html_(self) -> str:
        from ._display import community_html

        return community_html(self)


class Communities:
    """The result of community detection: a membership aligned with ``graph.ids()``, the
    quality, the hierarchy, and (computed on first use) every community's profile."""

    def __init__(self, graph, result: dict, top_members: int = 5, bridges: int = 5):
        self._graph = graph
        self._r = result
        self._top = top_members
        self._bridges = bridges
        self._profiles = None

    graph = property(lambda self: self._graph)
    membership = property(lambda self: self._r["membership"],
                          doc="community of every entity (numpy uint32, aligned with graph.ids())")
    sizes = property(lambda self: self._r["sizes"])
    modularity = property(lambda self: self._r["modularity"])
    quality = property(lambda self: self._r["quality"], doc="value of the objective")
    count = property(lambda self: self._r["count"])
    method = property(lambda self: self._r["method"])
    objective = property(lambda self: self._r["objective"])
    resolution = property(lambda self: self._r["resolution"])
    iterations = property(lambda self: self._r["iterations"])
    levels = property(lambda self: list(self._r["levels"]),
                      doc="the hierarchy, finest first: dicts of membership, count, quality")

    @property
    def communities(self) -> List[Community]:
        if self._profiles is None:
            ps = _core.profiles(self._graph._h, self.membership, self._top, self._bridges, [])
            self._profiles = [Community(self._graph, p) for p in ps]
        return self._profiles

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Community]:
        return iter(self.communities)

    def __getitem__(self, i: int) -> Community:
        if self._profiles is None and 0 <= i < self.count:
            p = _core.profiles(self._graph._h, self.membership, self._top, self._bridges, [i])
            return Community(self._graph, p[0])
        return self.communities[i]

    def of(self, entity: str) -> int:
        """The community of one entity."""
        return int(self.membership[self._graph.index(entity)])

    def disconnected(self) -> list:
        """Communities whose members are not connected (always empty for these algorithms)."""
        return _core.disconnected(self._graph._h, self.membership)

    def nmi(self, other) -> float:
        return normalized_mutual_information(self.membership, _labels(other))

    def ari(self, other) -> float:
        return adjusted_rand_index(self.membership, _labels(other))

    def to_pandas(self, min_size: int = 1):
        """One row per community, indexed by id: size, members, links, density, kinds, commodity
        mix, convergence, countries, top members."""
        rows = []
        for c in self.communities:
            if c.size < min_size:
                continue
            p = c._p
            rows.append({
                "id": p["id"], "size": p["size"], "members": list(p["members"]),
                "internal_links": p["internal_links"], "external_links": p["external_links"],
                "density": p["density"], "kinds": dict(p["kinds"]), "seizures": p["seizures"],
                "commodities": dict(p["commodities"]), "categories": p["categories"],
                "entropy": p["entropy"], "countries": dict(p["countries"]),
                "top_members": [m["id"] for m in p["top_members"]],
                "bridge_count": p["bridge_count"],
            })
        return _frame(rows, ["id", "size", "members", "internal_links", "external_links",
                             "density", "kinds", "seizures", "commodities", "categories",
                             "entropy", "countries", "top_members", "bridge_count"], "id")

    def memberships(self):
        """A DataFrame id -> community."""
        import pandas as pd

        return pd.DataFrame({"id": self._graph.ids(), "community": self.membership}).set_index("id")

    def __repr__(self) -> str:
        return (f"<Communities ({self.method}, {self.objective}): {self.count} communities, "
                f"modularity {self.modularity:.4f}>")

    def _repr_html_(self) -> str:
        from ._display import communities_html

        return communities_html(self)


class Path:
    """A path between two entities: the entities in order, the evidence of every link
    (type, date, source, grade, confidence, weight, link id) and its cost."""

    def __init__(self, graph, path: dict, weight: str):
        self._graph = graph
        self._p = path
        self.weight = weight

    entities = property(lambda self: list(self._p["entities"]), doc="external ids, from .. to")
    links = property(lambda self: list(self._p["links"]), doc="evidence dicts, one per step")
    hops = property(lambda self: self._p["hops"])
    cost = property(lambda self: self._p["cost"])
    reliability = property(lambda self: self._p["reliability"],
                           doc="product of the links' confidences")

    def __len__(self) -> int:
        return self.hops

    def to_dict(self) -> dict:
        return dict(self._p)

    def to_pandas(self):
        """One row per link: from, to, type, date, source, grade, confidence, weight, link_id."""
        columns = ["from", "to", "type", "date", "source", "grade", "confidence", "weight",
                   "link_id"]
        if any("time" in link for link in self._p["links"]):
            columns.append("time")  # time-respecting paths: when each step was taken
        return _frame(self.links, columns)

    def __repr__(self) -> str:
        return f"<Path {' - '.join(self.entities)} ({self.hops} hops, cost {self.cost:.4g})>"

    def _repr_html_(self) -> str:
        from ._display import path_html

        return path_html(self)


class ConnectingNetwork:
    """A small network connecting given entities, with the evidence of its links."""

    def __init__(self, graph, result: dict):
        self._graph = graph
        self._r = result

    terminals = property(lambda self: list(self._r["terminals"]))
    entities = property(lambda self: list(self._r["entities"]))
    links = property(lambda self: list(self._r["links"]))
    cost = property(lambda self: self._r["cost"])
    unreachable = property(lambda self: list(self._r["unreachable"]))
    connected = property(lambda self: self._r["connected"])

    def to_pandas(self):
        return _frame(self.links, ["from", "to", "type", "date", "source", "grade", "confidence",
                                   "weight", "link_id"])

    def __repr__(self) -> str:
        return (f"<ConnectingNetwork: {len(self.entities)} entities, {len(self.links)} links, "
                f"cost {self.cost:.4g}{'' if self.connected else ', some unreachable'}>")

    def _repr_html_(self) -> str:
        from ._display import evidence_table_html

        head = (f"<p><b>Connecting network</b> of {len(self.terminals)} entities: "
                f"{len(self.entities)} entities, {len(self.links)} links, cost {self.cost:.4g}"
                + ("" if self.connected else
                   f"; not reachable: {', '.join(self.unreachable)}") + "</p>")
        return head + evidence_table_html(self._graph, self.links)


class Centrality:
    """Scores of every entity (numpy, aligned with ``graph.ids()``); ``np.asarray(result)``
    gives them too."""

    def __init__(self, graph, measure: str, scores: np.ndarray):
        self._graph = graph
        self.measure = measure
        self.scores = scores

    def __array__(self, dtype=None):
        return self.scores if dtype is None else self.scores.astype(dtype)

    def __len__(self) -> int:
        return len(self.scores)

    def __getitem__(self, entity):
        if isinstance(entity, str):
            return float(self.scores[self._graph.index(entity)])
        return self.scores[entity]

    def top(self, n: int = 10):
        """The n highest, ties by id: a DataFrame indexed by id with kind, name and score."""
        ids = self._graph.ids()
        order = np.lexsort((ids.astype(str), -self.scores))[:n]
        entities = self._graph.entities()
        df = entities.loc[ids[order], ["kind", "name"]].copy()
        df[self.measure] = self.scores[order]
        return df

    def to_pandas(self):
        """A DataFrame indexed by id: the score of every entity."""
        import pandas as pd

        return pd.DataFrame({"id": self._graph.ids(), self.measure: self.scores}).set_index("id")

    def __repr__(self) -> str:
        return f"<Centrality {self.measure}: {len(self.scores)} scores>"

    def _repr_html_(self) -> str:
        return (f"<p><b>{self.measure}</b> of {len(self.scores):,} entities; the top 10:</p>"
                + self.top(10).to_html())


class KeyPlayers:
    """A key-player set and what removing it does."""

    def __init__(self, graph, result: dict):
        self._graph = graph
        self._r = result

    set = property(lambda self: list(self._r["set"]), doc="external ids")
    mode = property(lambda self: self._r["mode"])
    score = property(lambda self: self._r["score"])
    before = property(lambda self: dict(self._r["before"]))
    after = property(lambda self: dict(self._r["after"]))
    reached = property(lambda self: self._r["reached"])
    converged = property(lambda self: self._r["converged"])

    def to_dict(self) -> dict:
        return dict(self._r)

    def to_pandas(self):
        return self._graph.entities().loc[self.set, ["kind", "name"]]

    def __repr__(self) -> str:
        return f"<KeyPlayers ({self.mode}): {', '.join(self.set)}; score {self.score:.4f}>"

    def _repr_html_(self) -> str:
        from ._display import before_after_html

        return (f"<p><b>Key players</b> ({self.mode}, k = {len(self.set)}): score "
                f"{self.score:.4f}</p>" + self.to_pandas().to_html()
                + before_after_html(self.before, self.after))


class Removal:
    """What removing entities does: fragmentation before and after, the commodity flows
    between countries before and after, and those cut."""

    def __init__(self, graph, result: dict):
        self._graph = graph
        self._r = result

    removed = property(lambda self: list(self._r["removed"]))
    before = property(lambda self: dict(self._r["before"]))
    after = property(lambda self: dict(self._r["after"]))
    flows_before = property(lambda self: list(self._r["flows_before"]))
    flows_after = property(lambda self: list(self._r["flows_after"]))
    cut = property(lambda self: list(self._r["cut"]))

    def to_dict(self) -> dict:
        return dict(self._r)

    def to_pandas(self):
        """One row per flow before the removal, with its witnesses after and whether it is cut."""
        after = {(f["category"], f["country_a"], f["country_b"]): f["witnesses"]
                 for f in self.flows_after}
        rows = [{"category": f["category"], "country_a": f["country_a"],
                 "country_b": f["country_b"], "witnesses_before": f["witnesses"],
                 "witnesses_after": after.get((f["category"], f["country_a"], f["country_b"]), 0)}
                for f in self.flows_before]
        df = _frame(rows, ["category", "country_a", "country_b", "witnesses_before",
                           "witnesses_after"])
        df["cut"] = df["witnesses_after"] == 0
        return df

    def __repr__(self) -> str:
        return (f"<Removal of {len(self.removed)}: largest share {self.before['largest_share']:.3f}"
                f" -> {self.after['largest_share']:.3f}, {len(self.cut)} flows cut>")

    def _repr_html_(self) -> str:
        from ._display import before_after_html

        return (f"<p><b>Removing</b> {', '.join(self.removed)}: {len(self.cut)} of "
                f"{len(self.flows_before)} commodity flows cut</p>"
                + before_after_html(self.before, self.after) + self.to_pandas().to_html())


class Robustness:
    """The largest component's share as entities are removed one after another."""

    def __init__(self, result: dict):
        self._r = result

    order = property(lambda self: self._r["order"])
    sequence = property(lambda self: list(self._r["sequence"]))
    removed = property(lambda self: self._r["removed"])
    largest_share = property(lambda self: self._r["largest_share"])
    components = property(lambda self: self._r["components"])

    def to_pandas(self):
        import pandas as pd

        return pd.DataFrame({"removed": self.removed, "largest_share": self.largest_share,
                             "components": self.components,
                             "largest_component": self._r["largest_component"]})

    def __repr__(self) -> str:
        return f"<Robustness by {self.order}: {len(self.removed)} points>"

    def _repr_html_(self) -> str:
        from ._display import curve_svg

        return (f"<p><b>Robustness</b> (removal by {self.order})</p>"
                + curve_svg(self.removed, self.largest_share))
