"""The Graph: a case file's snapshot, and every analysis on it."""

from __future__ import annotations

import os
import tempfile
from typing import Any, Iterable, Optional, Sequence, Union

import numpy as np

from . import _linkscope as _core
from ._results import (
    Centrality,
    Communities,
    ConnectingNetwork,
    KeyPlayers,
    Path,
    Removal,
    Robustness,
    Stats,
)

# Columns of a links table that are link fields (docs/data-format.md); any other column
# becomes a free property of the link.
_LINK_TEXT = ("from", "to", "type", "date", "start", "end", "source", "grade", "id")
_LINK_NUMBER = ("weight", "handling")
_ENTITY_TEXT = ("id", "kind", "name", "country", "date", "start", "end", "source", "category",
                "unit", "subtype", "make", "model", "calibre", "serial")
_ENTITY_NUMBER = ("quantity",)

# Keyword arguments every path query takes (as on the command line).
_PATH_FILTERS = ("direction", "kinds", "exclude_kinds", "link_types", "exclude_link_types",
                 "exclude", "since", "until", "drop_undated", "min_confidence", "max_hops",
                 "max_cost", "time_respecting", "max_gap")


def _ids(ids: Union[str, Iterable[str]]) -> list:
    if isinstance(ids, str):
        return [p for p in ids.split(",") if p]
    return [str(i) for i in ids]


def _input_error(table: str, row: int, reason: str) -> Exception:
    e = _core.InputError(f"{table}:{row}: {reason}")
    e.file, e.line, e.column, e.reason = table, row, 0, reason
    return e


def _text_column(series) -> tuple:
    """(object array, missing mask or None) for one text column of a DataFrame."""
    import pandas as pd

    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        s = series.dt.tz_convert("UTC") if getattr(series.dt, "tz", None) is not None else series
        midnight = (s.dropna().dt.normalize() == s.dropna()).all()
        text = s.dt.strftime("%Y-%m-%d" if midnight else "%Y-%m-%dT%H:%M:%SZ")
        return text.to_numpy(dtype=object), text.isna().to_numpy()
    # None, NaN, pd.NA and NaT are recognised as "not given" by the engine's reader (a
    # pandas isna() pass would cost more than the whole build).
    return series.to_numpy(dtype=object), None


def _number_column(table: str, name: str, series) -> np.ndarray:
    try:
        return series.to_numpy(dtype="float64", na_value=np.nan)
    except (TypeError, ValueError):
        for row, value in enumerate(series.tolist(), start=1):
            try:
                if value is not None:
                    float(value)
            except (TypeError, ValueError):
                raise _input_error(table, row, f'column "{name}": {value!r} is not a number') from None
        raise


# The words the file readers accept for a boolean.
_TRUE = {"true", "yes", "1", "directed"}
_FALSE = {"false", "no", "0", "undirected"}


def _directed_column(table: str, series) -> np.ndarray:
    out = np.full(len(series), np.nan)
    missing = series.isna().to_numpy()
    for row, value in enumerate(series.tolist()):
        if missing[row]:
            continue
        if isinstance(value, (bool, np.bool_)):
            out[row] = float(bool(value))
        elif isinstance(value, (int, np.integer)) and value in (0, 1):
            out[row] = float(value)
        elif isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            out[row] = float(value.strip().lower() in _TRUE)
        else:
            raise _input_error(table, row + 1, f'column "directed": {value!r} is not true or false')
    return out


def _table(df, table: str, text: Sequence[str], numbers: Sequence[str], renames: dict):
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise _core.UsageError(f"{table}: expected a pandas DataFrame, got {type(df).__name__}")
    columns, props = {}, {}
    for name in df.columns:
        key = renames.get(str(name), str(name))
        series = df[name]
        if key == "caliber":
            key = "calibre"
        if key in columns:
            raise _core.UsageError(f'{table}: two columns give "{key}"')
        if key in text:
            columns[key] = _text_column(series)
        elif key in numbers:
            columns[key] = (_number_column(table, key, series), None)
        elif key == "directed" and table == "links":
            columns[key] = (_directed_column(table, series), None)
        elif pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series.dtype):
            props[key] = (series.to_numpy(dtype="float64", na_value=np.nan), None, True)
        else:
            values, mask = _text_column(series)
            props[key] = (values, mask, False)
    return columns, props


class Graph:
    """A snapshot of a case file: entities (vertices) and links (edges), immutable.

    Make one with :func:`linkscope.load`, :meth:`Graph.from_pandas`,
    :meth:`Graph.from_networkx` or :func:`linkscope.generate`; views, projections and
    neighbourhoods are Graphs too, sharing the case file. Vertices are listed by
    :meth:`ids` (external ids); every per-entity array a method returns is aligned with it.
    Weights are strengths for communities and centrality, distances for
    ``shortest_path(weight="distance")``. Safe to query from several threads at once.
    """

    __slots__ = ("_h", "_ids", "_index", "_depth")

    def __init__(self, handle):
        if not isinstance(handle, _core.GraphHandle):
            raise TypeError("use linkscope.load, Graph.from_pandas or Graph.from_networkx")
        self._h = handle
        self._ids = None
        self._index = None
        self._depth = None

    # ---- making graphs ---------------------------------------------------------------------

    @classmethod
    def from_pandas(cls, links, entities=None, source: str = "from", target: str = "to",
                    entity_id: str = "id", *, lenient: bool = False, directed: bool = False,
                    default_kind: str = "unknown", link_type: str = "link") -> "Graph":
        """Builds a graph from a links table and, optionally, an entities table.

        Ids are strings (or anything ``str()`` turns into one); the mapping to dense ids is
        linkscope's. Link columns: ``source``/``target`` (the two ends) and any of ``type``,
        ``directed``, ``weight`` (a strength > 0), ``date``/``start``/``end`` (text or
        datetime64), ``source`` (evidence reference), ``grade`` (e.g. "B2"), ``handling``
        (1-5), ``id``. Entity columns: ``entity_id`` and any of ``kind``, ``name``,
        ``country``, dates, ``source``, ``category``, ``quantity``, ``unit``, ``subtype``,
        ``make``, ``model``, ``calibre``, ``serial``. Other columns become free properties.
        Missing values (None, NaN, NaT) mean "not given".

        Strict by default: the first bad row raises InputError (``file`` is "entities" or
        "links", ``line`` the row position + 1) and nothing is built. ``lenient=True`` skips
        bad rows and lists them in ``g.report["errors"]``.
        """
        link_cols, link_props = _table(links, "links", _LINK_TEXT, _LINK_NUMBER,
                                       {source: "from", target: "to"})
        if "from" not in link_cols or "to" not in link_cols:
            raise _core.UsageError(f'links: needs the columns "{source}" and "{target}"')
        ent_cols = ent_props = None
        rows = 0
        if entities is not None:
            ent_cols, ent_props = _table(entities, "entities", _ENTITY_TEXT, _ENTITY_NUMBER,
                                         {entity_id: "id"})
            if "id" not in ent_cols:
                raise _core.UsageError(f'entities: needs the column "{entity_id}"')
            rows = len(entities)
        options = dict(lenient=lenient, directed=directed, default_kind=default_kind,
                       link_type=link_type)
        return cls(_core.from_tables(ent_cols, ent_props, link_cols, link_props, rows,
                                     len(links), options))

    @classmethod
    def from_networkx(cls, graph, kind: str = "kind", type: str = "type",
                      weight: Optional[str] = "weight") -> "Graph":
        """Builds a graph from a networkx graph: node names become ids (``str()``), the node
        attribute ``kind`` the kind, edge attributes ``type`` and ``weight`` the link type and
        strength (``weight=None``: every link weighs 1, a "weight" attribute is ignored);
        other attributes that linkscope knows (name, country, date, grade, ...) are kept, the
        rest become properties."""
        from ._interop import from_networkx

        return from_networkx(cls, graph, kind, type, weight)

    @classmethod
    def from_igraph(cls, graph, name: str = "name", kind: str = "kind", type: str = "type",
                    weight: Optional[str] = "weight") -> "Graph":
        """Builds a graph from a python-igraph Graph (vertex attribute ``name`` as id, else the
        vertex index)."""
        from ._interop import from_igraph

        return from_igraph(cls, graph, name, kind, type, weight)

    def to_networkx(self):
        """A networkx Graph (MultiGraph when two entities share several links; DiGraph types
        are not separated) with the entities' kind, name and country and every link's fields
        as attributes."""
        from ._interop import to_networkx

        return to_networkx(self)

    def to_igraph(self):
        """A python-igraph Graph with the same attributes as :meth:`to_networkx`."""
        from ._interop import to_igraph

        return to_igraph(self)

    # ---- what it holds ---------------------------------------------------------------------

    def ids(self) -> np.ndarray:
        """External ids of the vertices, in vertex order (every per-entity array is aligned
        with this)."""
        if self._ids is None:
            self._ids = self._h.ids()
            self._ids.flags.writeable = False
        return self._ids

    def index(self, entity: str) -> int:
        """Position of an entity in :meth:`ids` (NotFoundError when it is not here)."""
        return self._h.index(str(entity))

    def __len__(self) -> int:
        return self._h.vertex_count

    def __contains__(self, entity) -> bool:
        return isinstance(entity, str) and self._h.has(entity)

    @property
    def vertex_count(self) -> int:
        return self._h.vertex_count

    @property
    def edge_count(self) -> int:
        return self._h.edge_count

    @property
    def report(self) -> dict:
        """What the load or build read: files, record counts, rejected records and warnings."""
        return self._h.report()

    @property
    def depth(self) -> Optional[np.ndarray]:
        """For a neighbourhood: steps from the centres, aligned with :meth:`ids`."""
        d = self._h.depth()
        return np.asarray(d, dtype=np.uint32) if d or self._h.origin == "neighbourhood" else None

    def entity(self, entity: str) -> dict:
        """Everything known of one entity: kind, name, country, dates, firearm details, the
        records merged into it and its properties."""
        return self._h.entity(str(entity))

    def entities(self):
        """The entities as a DataFrame indexed by id: kind, name, country, implicit."""
        import pandas as pd

        return pd.DataFrame(self._h.entities_table()).set_index("id")

    def links(self):
        """The link records between this graph's entities as a DataFrame (for a projection,
        its weighted edges)."""
        import pandas as pd

        return pd.DataFrame(self._h.links_table())

    def to_pandas(self):
        """(entities, links) DataFrames; ``Graph.from_pandas(links, entities.reset_index())``
        builds the graph again."""
        return self.entities(), self.links()

    def stats(self, networks: int = 5) -> Stats:
        """Network statistics: counts by kind, link type and grade, components, degrees and the
        largest networks (for a view: what the view holds)."""
        return Stats(self._h.stats(networks))

    # ---- views -----------------------------------------------------------------------------

    def view(self, kinds=None, link_types=None, since: Optional[str] = None,
             until: Optional[str] = None, drop_undated: bool = False,
             min_confidence: float = 0.0, max_handling: int = 0, exclude=None) -> "Graph":
        """The graph narrowed to entities of ``kinds``, links of ``link_types``, links dated in
        [since, until] (undated ones kept unless drop_undated), links of at least
        ``min_confidence`` or at most handling code ``max_handling``, without ``exclude``."""
        options = dict(kinds=kinds, link_types=link_types, since=since, until=until,
                       drop_undated=drop_undated, min_confidence=min_confidence,
                       max_handling=max_handling,
                       exclude=None if exclude is None else _ids(exclude))
        return Graph(self._h.view(options))

    def project(self, onto, via=None, min_shared: int = 1) -> "Graph":
        """Entities of kinds ``onto`` linked when they share ``via`` neighbours (e.g. persons
        through shared seizures), weighted by how many they share."""
        onto = _ids(onto)
        via = [] if via is None else _ids(via)
        return Graph(self._h.project(onto, via, min_shared))

    def export(self, path: Union[str, os.PathLike], format: Optional[str] = None,
               communities=None) -> dict:
        """Writes the graph (a view as it is) for other tools: ``format`` graphml, gexf (Gephi,
        Cytoscape, yEd), jsonl (linkscope's own, lossless), csv (a directory with entities.csv
        and links.csv) or ftm (FollowTheMoney); by default from the extension. ``communities``:
        a Communities result or one label per entity, written as the attribute "community".
        Returns the files written and the counts (docs/export.md)."""
        path = os.fspath(path)
        if format is None:
            ext = os.path.splitext(path)[1].lower().lstrip(".")
            format = {"graphml": "graphml", "gexf": "gexf", "jsonl": "jsonl", "ndjson": "jsonl",
                      "ijson": "ftm", "ftm": "ftm", "": "csv"}.get(ext)
            if format is None:
                raise _core.UsageError(f"{path}: give format= (graphml, gexf, jsonl, csv or ftm)")
        if communities is not None and hasattr(communities, "membership"):
            communities = communities.membership
        if communities is not None:
            communities = _labels(self, communities)
        return _core.export(self._h, path, format, communities)

    def subgraph(self, ids) -> "Graph":
        """The entities given and the links between them."""
        return Graph(_core.induced(self._h, _ids(ids)))

    # ---- communities -----------------------------------------------------------------------

    def communities(self, method: str = "leiden", objective: str = "modularity",
                    resolution: float = 1.0, seed: int = 0, threads: Optional[int] = None,
                    randomness: Optional[float] = None, iterations: Optional[int] = None,
                    top_members: int = 5, bridges: int = 5) -> Communities:
        """The networks: ``method`` leiden, louvain or lpa; ``objective`` modularity or cpm
        with ``resolution`` γ. Weights are strengths. The same seed gives the same communities
        for any thread count and any order of the input."""
        options = dict(method=method, objective=objective, resolution=resolution, seed=seed,
                       threads=threads, randomness=randomness, iterations=iterations)
        return Communities(self, _core.communities(self._h, options), top_members, bridges)

    def partition(self, membership, top_members: int = 5, bridges: int = 5) -> Communities:
        """Scores and profiles a partition given by the caller (one label per entity, aligned
        with :meth:`ids`, or a dict id -> label)."""
        labels = _labels(self, membership)
        result = {"method": "given", "objective": "modularity", "resolution": 1.0,
                  "quality": _core.quality(self._h, labels, "modularity", 1.0),
                  "modularity": _core.quality(self._h, labels, "modularity", 1.0),
                  "count": int(labels.max()) + 1 if len(labels) else 0, "iterations": 0,
                  "sizes": np.bincount(labels).astype(np.uint64) if len(labels) else
                  np.zeros(0, np.uint64), "levels": [], "membership": labels}
        return Communities(self, result, top_members, bridges)

    def quality(self, membership, objective: str = "modularity", resolution: float = 1.0) -> float:
        """Modularity or CPM quality of a partition (aligned with :meth:`ids` or a dict)."""
        return _core.quality(self._h, _labels(self, membership), objective, resolution)

    def modularity(self, membership, resolution: float = 1.0) -> float:
        """Modularity (resolution γ) of a partition."""
        return self.quality(membership, "modularity", resolution)

    def cores(self, mode: str = "all", threads: Optional[int] = None) -> np.ndarray:
        """k-core number of every entity (distinct neighbours), aligned with :meth:`ids`."""
        return _core.cores(self._h, mode, threads or 0)

    def components(self, strong: bool = False) -> np.ndarray:
        """Connected component of every entity (largest is 0)."""
        return _core.components(self._h, strong)

    # ---- paths -----------------------------------------------------------------------------

    def shortest_path(self, a: str, b: str, weight: str = "hops", k: int = 1,
                      all_shortest: int = 0, **filters) -> Union[Optional[Path], list]:
        """How ``a`` and ``b`` are connected, with the evidence of every link.

        ``weight``: hops, distance (weights read as distances) or reliability (the path that
        maximises the product of the links' confidences). ``k`` > 1: Yen's k shortest
        loopless paths (a list); ``all_shortest`` = N: up to N equally short paths (a list).
        Filters as on the command line: direction, kinds, exclude_kinds, link_types,
        exclude_link_types, exclude, since, until, drop_undated, min_confidence, max_hops,
        max_cost, time_respecting, max_gap (days). With k == 1: a Path, or None when there is
        none.
        """
        _check_filters(filters)
        filters["weight"] = weight
        found = _core.shortest_paths(self._h, str(a), str(b), k, all_shortest, filters)
        paths = [Path(self, p, weight) for p in found]
        if k == 1 and all_shortest == 0:
            return paths[0] if paths else None
        return paths

    def neighbors(self, a, depth: int = 1, forward_in_time: bool = False, **filters) -> "Graph":
        """The neighbourhood of one entity or several, ``depth`` steps out, as a Graph whose
        ``depth`` gives each entity's distance from them."""
        _check_filters(filters)
        return Graph(_core.neighbors(self._h, _ids(a), depth, forward_in_time, filters))

    def connect(self, ids, weight: str = "hops", **filters) -> ConnectingNetwork:
        """A small network connecting the given entities (Steiner tree approximation), with
        the evidence of every link."""
        _check_filters(filters)
        filters["weight"] = weight
        return ConnectingNetwork(self, _core.connect(self._h, _ids(ids), filters))

    # ---- centrality and disruption ---------------------------------------------------------

    def centrality(self, measure: str = "betweenness", weighted: bool = False,
                   normalized: bool = True, endpoints: bool = False, pivots: int = 0,
                   seed: int = 1, threads: Optional[int] = None, damping: float = 0.85,
                   tolerance: float = 1e-10, max_iterations: int = 1000,
                   mode: str = "all") -> Centrality:
        """Scores of every entity, aligned with :meth:`ids`: degree, betweenness (``pivots``
        > 0: sampled), closeness, harmonic, pagerank or eigenvector. ``weighted``: weights as
        distances (path measures) or strengths (pagerank, eigenvector)."""
        options = dict(weighted=weighted, normalized=normalized, endpoints=endpoints,
                       pivots=pivots, seed=seed, threads=threads, damping=damping,
                       tolerance=tolerance, max_iterations=max_iterations, mode=mode)
        return Centrality(self, measure, _core.centrality(self._h, measure, options))

    def structure(self) -> dict:
        """Articulation points (entities whose removal disconnects their network) and bridges
        (links whose removal does)."""
        return _core.structure(self._h)

    def keyplayers(self, k: int = 3, mode: str = "fragment", reach_depth: int = 1,
                   restarts: int = 8, max_swap_rounds: int = 50, seed: int = 1,
                   threads: Optional[int] = None) -> KeyPlayers:
        """The k entities whose removal fragments the network most (``mode`` fragment or
        distance; KPP-Neg) or that reach most of it (``mode`` reach; KPP-Pos)."""
        options = dict(mode=mode, reach_depth=reach_depth, restarts=restarts,
                       max_swap_rounds=max_swap_rounds, seed=seed, threads=threads)
        return KeyPlayers(self, _core.keyplayers(self._h, k, options))

    def remove(self, ids, distance_weighted: bool = False) -> Removal:
        """What removing these entities does: fragmentation before and after, and the
        commodity flows between countries it cuts."""
        return Removal(self, _core.remove(self._h, _ids(ids), distance_weighted))

    def robustness(self, order: Union[str, Sequence[str]] = "degree", steps: int = 0,
                   threads: Optional[int] = None) -> Robustness:
        """The largest component's share as entities are removed in ``order`` (degree,
        betweenness, or a list of ids)."""
        if not isinstance(order, str):
            order = _ids(order)
        return Robustness(_core.robustness(self._h, order, steps, threads or 0))

    def layout(self, ids=None, seed: int = 1, iterations: int = 300) -> np.ndarray:
        """Force-directed positions in [0, 1]² of the given entities (all when None), one row
        (x, y) per id, for drawing."""
        ids = list(self.ids()) if ids is None else _ids(ids)
        return _core.layout(self._h, ids, seed, iterations)

    # ---- display ---------------------------------------------------------------------------

    def __repr__(self) -> str:
        return (f"<linkscope.Graph: {self.vertex_count:,} entities, {self.edge_count:,} edges"
                f" ({self._h.origin})>")

    def _repr_html_(self) -> str:
        from ._display import graph_html

        return graph_html(self)


def _check_filters(filters: dict) -> None:
    for key in filters:
        if key not in _PATH_FILTERS:
            raise _core.UsageError(f'unknown option "{key}" (path filters: {", ".join(_PATH_FILTERS)})')
    for key in ("kinds", "exclude_kinds", "link_types", "exclude_link_types", "exclude"):
        if key in filters and filters[key] is not None:
            filters[key] = _ids(filters[key])


def _labels(g: Graph, membership) -> np.ndarray:
    if isinstance(membership, dict):
        labels = np.zeros(len(g), dtype=np.uint32)
        index = {v: i for i, v in enumerate(g.ids())}
        distinct = {}
        seen = np.zeros(len(g), dtype=bool)
        for entity, label in membership.items():
            i = index.get(str(entity))
            if i is None:
                raise _core.NotFoundError(f'unknown entity "{entity}"')
            labels[i] = distinct.setdefault(label, len(distinct))
            seen[i] = True
        if not seen.all():
            missing = g.ids()[~seen][0]
            raise _core.UsageError(f'membership gives no community for "{missing}"')
        return labels
    labels = np.ascontiguousarray(membership)
    if labels.ndim != 1 or len(labels) != len(g):
        raise _core.UsageError(f"membership must have one label per entity ({len(g)})")
    if not np.issubdtype(labels.dtype, np.integer) or (len(labels) and labels.min() < 0):
        raise _core.UsageError("membership labels must be non-negative integers")
    return labels.astype(np.uint32, copy=False)


def load(*paths: Union[str, os.PathLike], lenient: bool = False,
         input_format: Optional[str] = None, directed: bool = False,
         default_kind: str = "unknown", column_kind: str = "", link_type: str = "link") -> Graph:
    """Loads case files (JSON Lines, CSV/TSV links or entities tables, edge lists, matrices,
    GML; the format from the extension and header unless ``input_format`` says). Strict by
    default: the first bad record raises InputError with its file, line and column, and
    nothing is loaded; ``lenient=True`` skips bad records (see ``g.report``)."""
    if len(paths) == 1 and isinstance(paths[0], (list, tuple)):
        paths = tuple(paths[0])
    options = dict(lenient=lenient, input_format=input_format or "auto", directed=directed,
                   default_kind=default_kind, column_kind=column_kind, link_type=link_type)
    return Graph(_core.load([os.fspath(p) for p in paths], options))


def generate(entities: int = 10000, seed: int = 1, path: Optional[str] = None,
             truth_path: Optional[str] = None, first_year: int = 2016,
             last_year: int = 2024) -> Graph:
    """A synthetic case file with planted trafficking networks (deterministic for a seed),
    loaded as a Graph. ``path``/``truth_path`` keep the JSON Lines file and the ground truth
    (CSV id,network,role); otherwise they are temporary."""
    with tempfile.TemporaryDirectory(prefix="linkscope-") as tmp:
        case = path or os.path.join(tmp, "case.jsonl")
        truth = truth_path or os.path.join(tmp, "case.truth.csv")
        _core.generate(entities, seed, first_year, last_year, case, truth)
        return load(case)
