"""linkscope: link analysis for criminal networks, at C++ speed, from Python.

Load case files (or build a graph from pandas DataFrames), find the trafficking networks and
profile them, trace how suspects are connected and through which evidence, and find the key
players whose removal breaks a network::

    import linkscope
    g = linkscope.load("case.jsonl")
    nets = g.communities(method="leiden", seed=1)
    nets.to_pandas()
    g.shortest_path("P00001", "P00002", weight="reliability")

Every result is a plain object with numpy arrays (no copies) and ``to_pandas()``; in Jupyter
graphs, communities, paths and tables display themselves. Computations release the GIL and
stop on Ctrl-C (KeyboardInterrupt). Errors are ``linkscope.LinkscopeError`` subclasses:
``InputError`` (with ``file``, ``line``, ``column``, ``reason``), ``NotFoundError`` (also a
``KeyError``), ``UsageError`` (also a ``ValueError``) and ``IoError`` (also an ``OSError``).
"""

from ._linkscope import (  # noqa: F401
    InputError,
    IoError,
    LinkscopeError,
    NotFoundError,
    UsageError,
    __version__,
)
from ._graph import Graph, generate, load  # noqa: F401
from ._results import (  # noqa: F401
    Centrality,
    Communities,
    Community,
    ConnectingNetwork,
    KeyPlayers,
    Path,
    Removal,
    Robustness,
    Stats,
    adjusted_rand_index,
    normalized_mutual_information,
)

__all__ = [
    "Centrality",
    "Communities",
    "Community",
    "ConnectingNetwork",
    "Graph",
    "InputError",
    "IoError",
    "KeyPlayers",
    "LinkscopeError",
    "NotFoundError",
    "Path",
    "Removal",
    "Robustness",
    "Stats",
    "UsageError",
    "__version__",
    "adjusted_rand_index",
    "generate",
    "load",
    "normalized_mutual_information",
]
