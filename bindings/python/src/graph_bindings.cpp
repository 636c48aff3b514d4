// The graph handle: loading, building from tables, ids and tables out, statistics, views.
#include <fmt/format.h>

#include <cmath>
#include <deque>

#include "convert.hpp"
#include "linkscope/algo/components.hpp"
#include "linkscope/algo/stats.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/export/export.hpp"
#include "linkscope/gen/generator.hpp"
#include "linkscope/graph/projection.hpp"
#include "linkscope/graph/view.hpp"
#include "linkscope/ingest/load.hpp"

namespace linkscope::python {
namespace {

LoadOptions LoadOptionsFrom(Options& o) {
  LoadOptions lo;
  lo.lenient = o.Get<bool>("lenient", false);
  const std::string format = o.Get<std::string>("input_format", "auto");
  const std::optional<InputFormat> f = ParseInputFormat(format);
  if (!f) {
    throw UsageError(fmt::format(
        "input_format must be auto, jsonl, links, entities, edgelist, matrix, gml or ftm, not "
        "\"{}\"",
        format));
  }
  lo.format = *f;
  lo.directed = o.Get<bool>("directed", false);
  lo.default_kind = o.Get<std::string>("default_kind", lo.default_kind);
  lo.column_kind = o.Get<std::string>("column_kind", "");
  lo.link_type = o.Get<std::string>("link_type", lo.link_type);
  return lo;
}

// A text column of a table: views into the Python strings (kept alive by `keep`), or into
// strings made here for values that are not str (numbers become their text; None, NaN,
// pandas' NA and NaT and the rows flagged missing become "not given").
struct TextHolder {
  std::vector<std::string_view> views;
  std::deque<std::string> made;
  py::object keep;
};

void ReadText(const py::handle& column, const py::handle& missing, TextHolder* out) {
  out->keep = py::reinterpret_borrow<py::object>(column);
  const py::ssize_t n = py::len(column);
  out->views.assign(static_cast<size_t>(n), std::string_view());
  const bool has_missing = !missing.is_none();
  py::array_t<bool> mask;
  if (has_missing) mask = py::array_t<bool>::ensure(missing);
  auto take = [&](py::ssize_t i, PyObject* item) {
    if (has_missing && mask.at(i)) return;
    if (item == Py_None) return;
    if (PyUnicode_Check(item)) {
      Py_ssize_t size = 0;
      const char* data = PyUnicode_AsUTF8AndSize(item, &size);
      if (data == nullptr) throw py::error_already_set();
      out->views[static_cast<size_t>(i)] = std::string_view(data, static_cast<size_t>(size));
      return;
    }
    if (PyFloat_Check(item) && std::isnan(PyFloat_AsDouble(item))) return;
    const std::string_view type = Py_TYPE(item)->tp_name;
    if (type == "NAType" || type == "NaTType") return;  // pandas' missing values
    out->made.push_back(py::str(item).cast<std::string>());
    out->views[static_cast<size_t>(i)] = out->made.back();
  };
  // A numpy object array: walk its pointers; anything else: iterate.
  if (py::isinstance<py::array>(column)) {
    py::array a = py::reinterpret_borrow<py::array>(column);
    if (a.dtype().kind() == 'O' && a.ndim() == 1) {
      const auto* base = static_cast<const char*>(a.data());
      const py::ssize_t stride = a.strides(0);
      for (py::ssize_t i = 0; i < n; ++i) {
        take(i, *reinterpret_cast<PyObject* const*>(base + i * stride));
      }
      return;
    }
  }
  py::ssize_t i = 0;
  for (py::handle item : column) take(i++, item.ptr());
}

// The columns of one table, as the Python layer hands them over: a dict name -> (values,
// missing mask or None); numbers arrive as float64 arrays with NaN for "not given".
struct TableColumns {
  std::deque<TextHolder> text;
  std::deque<py::array_t<double>> numbers;
  std::vector<int8_t> directed;
};

TextColumn Text(TableColumns& t, const py::dict& columns, const char* name) {
  if (!columns.contains(name)) return {};
  py::tuple pair = columns[name].cast<py::tuple>();
  t.text.emplace_back();
  ReadText(pair[0], pair[1], &t.text.back());
  return t.text.back().views;
}

NumberColumn Number(TableColumns& t, const py::dict& columns, const char* name) {
  if (!columns.contains(name)) return {};
  py::tuple pair = columns[name].cast<py::tuple>();
  t.numbers.push_back(py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(pair[0]));
  if (!t.numbers.back()) throw UsageError(fmt::format("column \"{}\" is not numeric", name));
  const py::array_t<double>& a = t.numbers.back();
  return {a.data(), static_cast<size_t>(a.size())};
}

std::vector<PropertyColumn> Properties(TableColumns& t, const py::dict& props) {
  std::vector<PropertyColumn> out;
  for (auto item : props) {
    PropertyColumn c;
    c.key = py::str(item.first).cast<std::string>();
    py::tuple spec = py::reinterpret_borrow<py::tuple>(item.second);  // (values, mask, numeric)
    if (spec[2].cast<bool>()) {
      t.numbers.push_back(py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(spec[0]));
      c.number = {t.numbers.back().data(), static_cast<size_t>(t.numbers.back().size())};
    } else {
      t.text.emplace_back();
      ReadText(spec[0], spec[1], &t.text.back());
      c.text = t.text.back().views;
    }
    out.push_back(std::move(c));
  }
  return out;
}

Handle FromTables(const py::object& entities, const py::object& entity_props,
                  const py::dict& links, const py::dict& link_props, size_t entity_rows,
                  size_t link_rows, const py::dict& options) {
  Options o(options, "from_pandas");
  const LoadOptions lo = LoadOptionsFrom(o);
  o.Done();
  TableColumns et;
  TableColumns lt;
  EntityTable e;
  e.rows = entity_rows;
  if (!entities.is_none()) {
    const py::dict d = entities.cast<py::dict>();
    e.id = Text(et, d, "id");
    e.kind = Text(et, d, "kind");
    e.label = Text(et, d, "name");
    e.country = Text(et, d, "country");
    e.date = Text(et, d, "date");
    e.start = Text(et, d, "start");
    e.end = Text(et, d, "end");
    e.source = Text(et, d, "source");
    e.category = Text(et, d, "category");
    e.unit = Text(et, d, "unit");
    e.subtype = Text(et, d, "subtype");
    e.make = Text(et, d, "make");
    e.model = Text(et, d, "model");
    e.calibre = Text(et, d, "calibre");
    e.serial = Text(et, d, "serial");
    e.quantity = Number(et, d, "quantity");
    if (!entity_props.is_none()) e.properties = Properties(et, entity_props.cast<py::dict>());
  }
  LinkTable l;
  l.rows = link_rows;
  l.from = Text(lt, links, "from");
  l.to = Text(lt, links, "to");
  l.type = Text(lt, links, "type");
  l.date = Text(lt, links, "date");
  l.start = Text(lt, links, "start");
  l.end = Text(lt, links, "end");
  l.source = Text(lt, links, "source");
  l.grade = Text(lt, links, "grade");
  l.id = Text(lt, links, "id");
  l.weight = Number(lt, links, "weight");
  l.handling = Number(lt, links, "handling");
  if (links.contains("directed")) {
    const NumberColumn d = Number(lt, links, "directed");  // 1, 0, NaN
    lt.directed.resize(d.size());
    for (size_t i = 0; i < d.size(); ++i) {
      lt.directed[i] = std::isnan(d[i]) ? int8_t{-1} : static_cast<int8_t>(d[i] != 0);
    }
    l.directed = lt.directed;
  }
  l.properties = Properties(lt, link_props);
  return Compute([&] {
    Graph g;
    LoadReport report = g.AddTables(e, l, lo);
    return MakeHandle(g, std::move(report), "pandas");
  });
}

py::dict StatsDict(const GraphStats& st) {
  py::dict d;
  d["entities"] = st.entities;
  d["links"] = st.links;
  d["implicit_entities"] = st.implicit_entities;
  d["firearms"] = st.firearms;
  d["firearm_records"] = st.firearm_records;
  d["merged_firearm_records"] = st.merged_firearm_records;
  d["directed_links"] = st.directed_links;
  d["self_loops"] = st.self_loops;
  d["distinct_pairs"] = st.distinct_pairs;
  d["isolates"] = st.isolates;
  d["graded_links"] = st.graded_links;
  d["first_date"] = st.link_dates.dated() ? FormatTimePoint(st.link_dates.lo) : std::string();
  d["last_date"] = st.link_dates.dated() ? FormatTimePoint(st.link_dates.hi) : std::string();
  auto counts = [](const std::vector<std::pair<std::string, uint64_t>>& v) {
    py::dict out;
    for (const auto& [k, n] : v) out[py::str(k)] = n;
    return out;
  };
  d["by_kind"] = counts(st.by_kind);
  d["by_link_type"] = counts(st.by_link_type);
  d["by_grade"] = counts(st.by_grade);
  d["components"] = st.components;
  d["largest_component"] = st.largest_component;
  d["component_sizes"] = st.component_sizes;
  d["strong_components"] = st.strong_components;
  d["largest_strong_component"] = st.largest_strong_component;
  py::dict degree;
  degree["min"] = st.degree.min;
  degree["max"] = st.degree.max;
  degree["mean"] = st.degree.mean;
  degree["median"] = st.degree.median;
  d["degree"] = degree;
  py::list networks;
  for (const NetworkSummary& n : st.networks) {
    py::dict x;
    x["size"] = n.size;
    x["links"] = n.links;
    x["kinds"] = counts(n.kinds);
    x["countries"] = n.countries;
    py::list members;
    for (const auto& mem : n.top_members) {
      members.append(py::dict(py::arg("id") = mem.id, py::arg("name") = mem.name,
                              py::arg("kind") = mem.kind, py::arg("degree") = mem.degree));
    }
    x["top_members"] = members;
    networks.append(x);
  }
  d["networks"] = networks;
  return d;
}

// Statistics of a view: what its snapshot holds (the model's statistics describe the whole
// case file, not the view).
py::dict ViewStatsDict(const Snapshot& s) {
  const Model& m = s.model();
  std::map<std::string, uint64_t, std::less<>> kinds;
  uint64_t isolates = 0;
  for (VertexId v = 0; v < s.vertex_count(); ++v) {
    ++kinds[std::string(m.KindName(s.Entity(v)))];
    isolates += s.OutDegree(v) == 0 && s.InDegree(v) == 0;
  }
  std::vector<std::pair<std::string, uint64_t>> by_kind(kinds.begin(), kinds.end());
  std::stable_sort(by_kind.begin(), by_kind.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  const Components c = WeakComponents(s);
  py::dict d;
  d["entities"] = s.vertex_count();
  d["links"] = s.edge_count();
  d["isolates"] = isolates;
  py::dict k;
  for (const auto& [name, n] : by_kind) k[py::str(name)] = n;
  d["by_kind"] = k;
  d["components"] = c.count();
  d["largest_component"] = c.sizes.empty() ? uint64_t{0} : c.sizes[0];
  std::vector<uint64_t> sizes(c.sizes.begin(), c.sizes.begin() + std::min<size_t>(10, c.sizes.size()));
  d["component_sizes"] = sizes;
  return d;
}

py::dict EntityDict(const Snapshot& s, VertexId v) {
  const Model& m = s.model();
  const EntityId e = s.Entity(v);
  py::dict d;
  d["id"] = Id(s, v);
  d["kind"] = std::string(m.KindName(e));
  d["name"] = std::string(m.Name(e));
  d["country"] = m.Country(e);
  d["dates"] = FormatDateRange(m.Dates(e));
  d["implicit"] = m.Implicit(e);
  d["aliases"] = m.Aliases(e);
  const CommodityCategory cat = m.Category(e);
  (void)cat;
  if (auto f = m.Firearm(e)) {
    d["firearm"] = py::dict(py::arg("make") = std::string(f->make), py::arg("model") = std::string(f->model),
                            py::arg("calibre") = std::string(f->calibre),
                            py::arg("serial") = std::string(f->serial),
                            py::arg("normalized_serial") = f->normalized_serial);
  }
  py::list records;
  for (const EntityRecord& r : m.Records(e)) {
    records.append(py::dict(py::arg("id") = std::string(r.id), py::arg("source") = std::string(r.source),
                            py::arg("file") = std::string(r.file), py::arg("line") = r.line));
  }
  d["records"] = records;
  py::dict props;
  for (const Property& p : m.Properties(e)) {
    const std::string key(p.key);
    switch (p.value.type) {
      case PropertyValue::Type::kString:
        props[py::str(key)] = std::string(p.value.text);
        break;
      case PropertyValue::Type::kNumber:
        props[py::str(key)] = p.value.number;
        break;
      case PropertyValue::Type::kDate:
        props[py::str(key)] = FormatDateRange(p.value.date);
        break;
    }
  }
  d["properties"] = props;
  return d;
}

// Columns of the entities (vertices) of a snapshot, for DataFrames.
py::dict EntitiesTable(const Snapshot& s) {
  const Model& m = s.model();
  const uint32_t n = s.vertex_count();
  py::list id(n), kind(n), name(n), country(n), implicit(n);
  for (VertexId v = 0; v < n; ++v) {
    const EntityId e = s.Entity(v);
    id[v] = Id(s, v);
    const std::string_view k = m.KindName(e);
    kind[v] = py::str(k.data(), k.size());
    const std::string_view nm = m.Name(e);
    name[v] = py::str(nm.data(), nm.size());
    country[v] = m.Country(e);
    implicit[v] = py::bool_(m.Implicit(e));
  }
  py::dict d;
  d["id"] = id;
  d["kind"] = kind;
  d["name"] = name;
  d["country"] = country;
  d["implicit"] = implicit;
  return d;
}

// Columns of the link records behind a snapshot's edges (every link between its vertices;
// for a projection, its edges with their weights).
py::dict LinksTable(const Snapshot& s) {
  const Model& m = s.model();
  std::vector<LinkId> links;
  std::vector<std::pair<VertexId, VertexId>> derived;
  std::vector<double> derived_w;
  for (EdgeId e = 0; e < s.edge_count(); ++e) {
    if (s.derived()) {
      derived.push_back(s.Endpoints(e));
      derived_w.push_back(s.EdgeWeight(e));
    } else {
      for (const LinkId l : s.EdgeLinks(e)) links.push_back(l);
    }
  }
  std::sort(links.begin(), links.end());
  links.erase(std::unique(links.begin(), links.end()), links.end());
  py::dict d;
  if (s.derived()) {
    py::list from(derived.size()), to(derived.size());
    for (size_t i = 0; i < derived.size(); ++i) {
      from[i] = Id(s, derived[i].first);
      to[i] = Id(s, derived[i].second);
    }
    d["from"] = from;
    d["to"] = to;
    d["weight"] = ToNumpy(std::move(derived_w));
    return d;
  }
  const size_t k = links.size();
  py::list from(k), to(k), type(k), date(k), start(k), end(k), source(k), grade(k), id(k);
  std::vector<double> weight(k);
  std::vector<double> handling(k);  // NaN: none recorded (so from_pandas reads it back)
  std::vector<uint8_t> directed(k);
  for (size_t i = 0; i < k; ++i) {
    const LinkId l = links[i];
    const std::string_view a = m.ExternalId(m.From(l));
    const std::string_view b = m.ExternalId(m.To(l));
    from[i] = py::str(a.data(), a.size());
    to[i] = py::str(b.data(), b.size());
    const std::string_view t = m.TypeName(l);
    type[i] = py::str(t.data(), t.size());
    // A date that is one day, month or year stays one text; a range becomes start and end, as
    // the input format writes it (so the table loads back as it was).
    const std::string text = FormatDateRange(m.LinkDates(l));
    const size_t slash = text.find('/');
    if (slash == std::string::npos) {
      date[i] = text;
      start[i] = "";
      end[i] = "";
    } else {
      date[i] = "";
      const std::string lo = text.substr(0, slash);
      const std::string hi = text.substr(slash + 1);
      start[i] = lo == ".." ? "" : lo;
      end[i] = hi == ".." ? "" : hi;
    }
    const std::string_view src = m.Source(l);
    source[i] = py::str(src.data(), src.size());
    grade[i] = m.LinkGrade(l).ToString();
    const std::string_view lid = m.LinkExternalId(l);
    id[i] = py::str(lid.data(), lid.size());
    weight[i] = m.Weight(l);
    handling[i] = m.Handling(l) == 0 ? std::nan("") : m.Handling(l);
    directed[i] = m.Directed(l);
  }
  d["from"] = from;
  d["to"] = to;
  d["type"] = type;
  d["directed"] = ToNumpy(std::move(directed));
  d["weight"] = ToNumpy(std::move(weight));
  d["date"] = date;
  d["start"] = start;
  d["end"] = end;
  d["source"] = source;
  d["grade"] = grade;
  d["handling"] = ToNumpy(std::move(handling));
  d["id"] = id;
  return d;
}

Handle View(const Handle& h, const py::dict& options) {
  Options o(options, "view");
  ViewFilter f;
  f.kinds = o.Strings("kinds");
  f.link_types = o.Strings("link_types");
  f.window = WindowFrom(o);
  f.keep_undated = !o.Get<bool>("drop_undated", false);
  f.min_confidence = o.Get<double>("min_confidence", 0.0);
  if (!(f.min_confidence >= 0 && f.min_confidence <= 1)) {
    throw UsageError("min_confidence must be in [0, 1]");
  }
  const int64_t handling = o.Get<int64_t>("max_handling", 0);
  if (handling < 0 || handling > kMaxHandlingCode) {
    throw UsageError(fmt::format("max_handling must be 0 (no limit) to {}", kMaxHandlingCode));
  }
  f.max_handling = static_cast<uint8_t>(handling);
  f.exclude = o.Strings("exclude");
  o.Done();
  return Compute([&] { return DeriveHandle(h, MakeView(h->s(), f), "view"); });
}

}  // namespace

void BindGraph(py::module_& m) {
  py::class_<GraphHandle, Handle>(m, "GraphHandle",
                                  "A snapshot of a case file (immutable; share it across threads).")
      .def_property_readonly("vertex_count", [](const GraphHandle& h) { return h.s().vertex_count(); })
      .def_property_readonly("edge_count", [](const GraphHandle& h) { return h.s().edge_count(); })
      .def_property_readonly("entity_count", [](const GraphHandle& h) { return h.model->entity_count(); })
      .def_property_readonly("link_count", [](const GraphHandle& h) { return h.model->link_count(); })
      .def_property_readonly("directed", [](const GraphHandle& h) { return h.s().directed(); })
      .def_property_readonly("weighted", [](const GraphHandle& h) { return h.s().weighted(); })
      .def_property_readonly("derived", [](const GraphHandle& h) { return h.s().derived(); })
      .def_property_readonly("origin", [](const GraphHandle& h) { return h.origin; })
      .def("ids", [](const GraphHandle& h) {
        const Snapshot& s = h.s();
        py::array out(py::dtype("O"), std::vector<py::ssize_t>{static_cast<py::ssize_t>(s.vertex_count())});
        auto** data = static_cast<PyObject**>(out.mutable_data());
        for (VertexId v = 0; v < s.vertex_count(); ++v) {
          const std::string_view id = s.ExternalId(v);
          PyObject* str = PyUnicode_FromStringAndSize(id.data(), static_cast<Py_ssize_t>(id.size()));
          if (str == nullptr) throw py::error_already_set();
          Py_XDECREF(data[v]);
          data[v] = str;
        }
        return out;
      })
      .def("index", [](const GraphHandle& h, const std::string& id) { return h.s().VertexOfId(id); })
      .def("has", [](const GraphHandle& h, const std::string& id) {
        const auto e = h.model->FindEntity(id);
        return e.has_value() && h.s().VertexOf(*e) != kNoVertex;
      })
      .def("depth", [](const GraphHandle& h) { return std::vector<uint32_t>(h.depth); })
      .def("report", [](const GraphHandle& h) { return LoadReportDict(h.report); })
      .def("entity", [](const GraphHandle& h, const std::string& id) {
        return EntityDict(h.s(), h.s().VertexOfId(id));
      })
      .def("entities_table", [](const GraphHandle& h) { return EntitiesTable(h.s()); })
      .def("links_table", [](const GraphHandle& h) { return LinksTable(h.s()); })
      .def("stats", [](const Handle& h, uint32_t networks) {
        if (h->origin == "load" || h->origin == "pandas") {
          StatsOptions so;
          so.networks = networks;
          const GraphStats st = Compute([&] { return ComputeStats(h->model, so); });
          return StatsDict(st);
        }
        return ViewStatsDict(h->s());
      }, py::arg("networks") = 5)
      .def("view", &View)
      .def("project", [](const Handle& h, std::vector<std::string> onto, std::vector<std::string> via,
                         uint32_t min_shared) {
        ProjectionOptions po;
        po.onto = std::move(onto);
        po.via = std::move(via);
        po.min_shared = min_shared;
        if (po.onto.empty()) throw UsageError("project: give the kinds to project onto");
        if (min_shared == 0) throw UsageError("project: min_shared must be >= 1");
        return Compute([&] { return DeriveHandle(h, Project(h->s(), po), "projection"); });
      });

  m.def("export", [](const Handle& h, const std::string& path, const std::string& format,
                     const py::object& communities) {
    const std::optional<ExportFormat> f = ParseExportFormat(format);
    if (!f) {
      throw UsageError(fmt::format(
          "format must be graphml, gexf, jsonl, csv or ftm, not \"{}\"", format));
    }
    ExportOptions o;
    o.format = *f;
    py::array_t<uint32_t, py::array::c_style | py::array::forcecast> labels;
    if (!communities.is_none()) {
      labels = py::array_t<uint32_t, py::array::c_style | py::array::forcecast>::ensure(communities);
      if (!labels || labels.ndim() != 1) throw UsageError("communities must be one label per entity");
      o.communities = {labels.data(), static_cast<size_t>(labels.size())};
    }
    const ExportReport r = Compute([&] { return Export(h->s(), path, o); });
    py::dict d;
    d["files"] = r.files;
    d["entities"] = r.entities;
    d["links"] = r.links;
    return d;
  });
  m.def("induced", [](const Handle& h, const std::vector<std::string>& ids) {
    const Snapshot& s = h->s();
    std::vector<uint8_t> keep(s.vertex_count(), 0);
    for (const VertexId v : VerticesOf(s, ids)) keep[v] = 1;
    return DeriveHandle(h, InducedView(s, keep), "view");
  });
  m.def("load", [](const std::vector<std::string>& paths, const py::dict& options) {
    Options o(options, "load");
    const LoadOptions lo = LoadOptionsFrom(o);
    o.Done();
    if (paths.empty()) throw UsageError("load: give at least one file");
    return Compute([&] {
      Graph g;
      LoadReport report = g.Load(paths, lo);
      return MakeHandle(g, std::move(report), "load");
    });
  });
  m.def("from_tables", &FromTables);
  m.def("generate", [](uint64_t entities, uint64_t seed, int first_year, int last_year,
                       const std::string& path, const std::string& truth_path) {
    GeneratorOptions go;
    go.entities = entities;
    go.seed = seed;
    go.first_year = first_year;
    go.last_year = last_year;
    const GeneratorReport r = Compute([&] { return GenerateCase(go, path, truth_path); });
    py::dict d;
    d["entity_records"] = r.entity_records;
    d["links"] = r.links;
    d["networks"] = r.networks;
    d["firearms"] = r.firearms;
    d["firearm_records"] = r.firearm_records;
    d["brokers"] = r.brokers;
    d["implicit"] = r.implicit;
    d["bytes"] = r.bytes;
    return d;
  });
}

}  // namespace linkscope::python
