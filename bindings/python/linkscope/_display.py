"""Notebook display: HTML tables and inline SVG drawings (no scripts, no network resources)."""

from __future__ import annotations

import html
import math

import numpy as np

# One colour per built-in kind; user kinds share the last.
KIND_COLOURS = {
    "person": "#1f77b4", "organization": "#9467bd", "firearm": "#d62728",
    "ammunition": "#ff7f0e", "seizure": "#2ca02c", "commodity": "#bcbd22",
    "location": "#8c564b", "event": "#e377c2", "case": "#7f7f7f", "vehicle": "#17becf",
    "phone": "#aec7e8", "account": "#98df8a", "document": "#c5b0d5", "unknown": "#c7c7c7",
}
_OTHER = "#555555"

_STYLE = ("<style>.linkscope table{border-collapse:collapse;font-size:12px}"
          ".linkscope td,.linkscope th{padding:2px 8px;border-bottom:1px solid #ddd;"
          "text-align:left}</style>")


def _e(x) -> str:
    return html.escape(str(x))


def _table(rows, header=None) -> str:
    out = ["<table>"]
    if header:
        out.append("<tr>" + "".join(f"<th>{_e(h)}</th>" for h in header) + "</tr>")
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>")
    out.append("</table>")
    return "".join(out)


def _mix(d: dict, limit: int = 6) -> str:
    items = list(d.items())
    text = ", ".join(f"{k} {v}" for k, v in items[:limit])
    return text + (", ..." if len(items) > limit else "") if text else "-"


def graph_html(g) -> str:
    st = g.stats(networks=0)
    rows = [("entities", f"{st['entities']:,}"), ("links", f"{st['links']:,}"),
            ("kinds", _mix(st.get("by_kind", {}))),
            ("components", f"{st.get('components', 0):,} (largest {st.get('largest_component', 0):,})")]
    if "by_link_type" in st:
        rows.append(("link types", _mix(st["by_link_type"])))
    if st.get("firearms"):
        rows.append(("firearms", f"{st['firearms']:,} from {st['firearm_records']:,} records"))
    if st.get("first_date"):
        rows.append(("dated links", f"{st['first_date'][:10]} .. {st['last_date'][:10]}"))
    return (f"<div class='linkscope'>{_STYLE}<b>linkscope.Graph</b> ({_e(g._h.origin)})"
            + _table(rows) + "</div>")


def stats_html(st: dict) -> str:
    rows = []
    for key, value in st.items():
        if key == "networks":
            continue
        if isinstance(value, dict):
            value = _mix(value, 8)
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value[:10])
        rows.append((key, value))
    return f"<div class='linkscope'>{_STYLE}" + _table(rows, ("statistic", "value")) + "</div>"


def communities_html(cs, limit: int = 20) -> str:
    head = (f"<p><b>{cs.count:,} communities</b> ({_e(cs.method)}, {_e(cs.objective)}, "
            f"resolution {cs.resolution:g}): modularity {cs.modularity:.4f}</p>")
    rows = []
    for c in cs.communities[:limit]:
        rows.append((c.id, c.size, f"{c.density:.3f}", _mix(c.kinds, 3), _mix(c.commodities, 4),
                     c.categories, f"{c.entropy:.2f}", _mix(c.countries, 4),
                     ", ".join(m["id"] for m in c.top_members[:3])))
    more = f"<p>... and {cs.count - limit:,} more</p>" if cs.count > limit else ""
    return (f"<div class='linkscope'>{_STYLE}{head}"
            + _table(rows, ("id", "size", "density", "kinds", "commodities", "categories",
                            "entropy", "countries", "top members"))
            + more + "</div>")


def community_html(c) -> str:
    rows = [("size", c.size), ("links inside / leaving", f"{c.internal_links} / {c.external_links}"),
            ("density", f"{c.density:.3f}"), ("kinds", _mix(c.kinds)),
            ("seizures", c.seizures), ("commodities", _mix(c.commodities)),
            ("convergence", f"{c.categories} categories, entropy {c.entropy:.2f} bits"),
            ("countries", _mix(c.countries)),
            ("top members", ", ".join(f"{m['id']} {m['name']}".strip() for m in c.top_members)),
            ("bridges", ", ".join(f"{b['id']} (to {len(b['communities'])})" for b in c.bridges)
             or "-")]
    return (f"<div class='linkscope'>{_STYLE}<p><b>Community {c.id}</b></p>"
            f"<div style='display:flex;gap:16px;align-items:flex-start'>{_table(rows)}"
            f"{c.svg()}</div></div>")


def community_svg(c, max_members: int, seed: int, width: int) -> str:
    g = c._graph
    members = c.members
    strength = {m["id"]: m["strength"] for m in c.top_members}
    note = ""
    if len(members) > max_members:
        # The members with the most links inside, then by id.
        sub = g.subgraph(members)
        degree = np.asarray(sub.centrality("degree", normalized=False))
        order = np.lexsort((sub.ids().astype(str), -degree))[:max_members]
        members = sorted(sub.ids()[order].tolist())
        note = f"{max_members} of {c.size} members (most linked)"
    return draw_svg(g, members, seed, width, note, strength)


def draw_svg(g, members, seed: int = 1, width: int = 520, note: str = "",
             emphasis: dict = None) -> str:
    """An SVG of the given entities and the links between them, coloured by kind."""
    height = int(width * 0.75)
    sub = g.subgraph(members)
    ids = list(sub.ids())
    if not ids:
        return "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'></svg>"
    pos = sub.layout(ids, seed=seed)
    at = {v: i for i, v in enumerate(ids)}
    ents = sub.entities()
    degree = np.asarray(sub.centrality("degree", normalized=False))
    pad = 28
    xy = [(pad + p[0] * (width - 2 * pad), pad + p[1] * (height - 2 * pad)) for p in pos]
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
             f"viewBox='0 0 {width} {height}' font-family='sans-serif' font-size='10'>",
             f"<rect width='{width}' height='{height}' fill='white' stroke='#ddd'/>"]
    links = sub.links()
    seen = set()
    for a, b in zip(links["from"], links["to"]):
        if a == b or a not in at or b not in at:
            continue
        key = (min(a, b), max(a, b))
        if key in seen:
            continue
        seen.add(key)
        (x1, y1), (x2, y2) = xy[at[a]], xy[at[b]]
        parts.append(f"<line x1='{x1:.1f}' y1='{y1:.1f}' x2='{x2:.1f}' y2='{y2:.1f}' "
                     "stroke='#999' stroke-opacity='0.6'/>")
    top = max(1.0, float(degree.max()) if len(degree) else 1.0)
    label_all = len(ids) <= 40
    for i, v in enumerate(ids):
        kind = ents.at[v, "kind"]
        name = ents.at[v, "name"] or v
        r = 3 + 6 * math.sqrt(degree[i] / top)
        x, y = xy[i]
        parts.append(f"<circle cx='{x:.1f}' cy='{y:.1f}' r='{r:.1f}' "
                     f"fill='{KIND_COLOURS.get(kind, _OTHER)}' stroke='white'>"
                     f"<title>{_e(v)} {_e(name)} ({_e(kind)})</title></circle>")
        if label_all or degree[i] >= 0.5 * top or (emphasis and v in emphasis):
            parts.append(f"<text x='{x + r + 2:.1f}' y='{y + 3:.1f}' fill='#222'>"
                         f"{_e(str(name)[:24])}</text>")
    kinds = sorted(set(ents["kind"]))
    for j, kind in enumerate(kinds[:10]):
        y = 14 + 13 * j
        parts.append(f"<circle cx='10' cy='{y - 3}' r='4' fill='{KIND_COLOURS.get(kind, _OTHER)}'/>"
                     f"<text x='18' y='{y}' fill='#444'>{_e(kind)}</text>")
    if note:
        parts.append(f"<text x='{width - 6}' y='{height - 6}' text-anchor='end' fill='#666'>"
                     f"{_e(note)}</text>")
    parts.append("</svg>")
    return "".join(parts)


def evidence_table_html(g, links) -> str:
    rows = [(l["from"], l["type"], l["to"], l["date"] or "undated", l["source"] or "-",
             l["grade"] or "ungraded", f"{l['confidence']:.3f}", l["link_id"] or "-")
            for l in links]
    return (f"<div class='linkscope'>{_STYLE}"
            + _table(rows, ("from", "link", "to", "date", "source", "grade", "confidence",
                            "link id")) + "</div>")


def path_html(p) -> str:
    g = p._graph
    ents = {v: g.entity(v) for v in p.entities}
    chain = []
    for i, v in enumerate(p.entities):
        e = ents[v]
        colour = KIND_COLOURS.get(e["kind"], _OTHER)
        chain.append(f"<span style='border:2px solid {colour};border-radius:4px;padding:1px 4px'>"
                     f"{_e(v)} {_e(e['name'])} <small>({_e(e['kind'])})</small></span>")
        if i < len(p.links):
            l = p.links[i]
            chain.append(f" <small>—{_e(l['type'])} {_e(l['date'] or 'undated')} "
                         f"{_e(l['grade'] or 'ungraded')}→</small> ")
    head = (f"<p><b>Path</b> by {_e(p.weight)}: {p.hops} hops, cost {p.cost:.4g}, "
            f"reliability {p.reliability:.4f}</p><p>{''.join(chain)}</p>")
    return head + evidence_table_html(g, p.links)


def before_after_html(before: dict, after: dict) -> str:
    keys = ("vertices", "components", "largest_component", "largest_share", "fragmentation")
    rows = [(k, _num(before.get(k)), _num(after.get(k))) for k in keys]
    return f"<div class='linkscope'>{_STYLE}" + _table(rows, ("", "before", "after")) + "</div>"


def _num(x) -> str:
    return f"{x:.4f}" if isinstance(x, float) else str(x)


def curve_svg(xs, ys, width: int = 420, height: int = 220) -> str:
    """A line chart of ys (0..1) against xs."""
    pad = 30
    xs = np.asarray(xs, dtype=float)
    ys = np.asarray(ys, dtype=float)
    top = max(1.0, float(xs.max()) if len(xs) else 1.0)
    pts = " ".join(f"{pad + x / top * (width - 2 * pad):.1f},"
                   f"{height - pad - y * (height - 2 * pad):.1f}" for x, y in zip(xs, ys))
    return (f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
            "font-family='sans-serif' font-size='10'>"
            f"<rect width='{width}' height='{height}' fill='white' stroke='#ddd'/>"
            f"<polyline points='{pts}' fill='none' stroke='#d62728' stroke-width='2'/>"
            f"<text x='{pad}' y='{pad - 8}'>largest component share</text>"
            f"<text x='{width - pad}' y='{height - 8}' text-anchor='end'>removed ({int(top)})</text>"
            "</svg>")
