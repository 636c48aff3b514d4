#include "convert.hpp"

#include <fmt/format.h>
#include <pythread.h>

#include <algorithm>
#include <csignal>
#include <cmath>

#include "linkscope/core/date.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/core/interrupt.hpp"

namespace linkscope::python {

Handle MakeHandle(const Graph& graph, LoadReport report, std::string origin) {
  auto h = std::make_shared<GraphHandle>();
  h->model = graph.shared_model();
  h->snapshot = std::make_shared<const Snapshot>(graph.TakeSnapshot());
  h->report = std::move(report);
  h->origin = std::move(origin);
  return h;
}

Handle DeriveHandle(const Handle& parent, Snapshot snapshot, std::string origin) {
  auto h = std::make_shared<GraphHandle>();
  h->model = parent->model;
  h->snapshot = std::make_shared<const Snapshot>(std::move(snapshot));
  h->origin = std::move(origin);
  return h;
}

// ---- interruption --------------------------------------------------------------------------

namespace {

extern "C" void OnInterrupt(int) { RequestInterrupt(); }

unsigned long MainThread() {
  static const unsigned long ident = [] {
    py::gil_scoped_acquire gil;
    return py::module_::import("threading").attr("main_thread")().attr("ident").cast<unsigned long>();
  }();
  return ident;
}

}  // namespace

struct InterruptScope::Saved {
  struct sigaction previous {};
};

InterruptScope::InterruptScope() {
  // Only the main thread receives Python's SIGINT; elsewhere the call runs to its end.
  if (PyThread_get_thread_ident() != MainThread()) return;
  // A program that installed its own SIGINT handler (or ignores SIGINT) keeps it: only
  // Python's default (KeyboardInterrupt) is taken over for the call.
  {
    static PyObject* const signal_module = PyImport_ImportModule("signal");
    if (signal_module == nullptr) {
      PyErr_Clear();
      return;
    }
    py::module_ sig = py::reinterpret_borrow<py::module_>(signal_module);
    if (!sig.attr("getsignal")(SIGINT).is(sig.attr("default_int_handler"))) return;
  }
  ClearInterrupt();
  saved_ = std::make_unique<Saved>();
  struct sigaction ours {};
  ours.sa_handler = OnInterrupt;
  sigemptyset(&ours.sa_mask);
  installed_ = sigaction(SIGINT, &ours, &saved_->previous) == 0;
}

InterruptScope::~InterruptScope() {
  if (!installed_) return;
  sigaction(SIGINT, &saved_->previous, nullptr);
  // A Ctrl-C that came after the engine's last safe point: let Python see it now.
  if (InterruptRequested()) PyErr_SetInterrupt();
  ClearInterrupt();
}

bool InterruptScope::interrupted() const { return installed_ && InterruptRequested(); }

void RaiseInterrupted() {
  ClearInterrupt();
  PyErr_SetNone(PyExc_KeyboardInterrupt);
  throw py::error_already_set();
}

// ---- ids and options -----------------------------------------------------------------------

std::vector<VertexId> VerticesOf(const Snapshot& s, const std::vector<std::string>& ids) {
  std::vector<VertexId> out;
  out.reserve(ids.size());
  for (const std::string& id : ids) out.push_back(s.VertexOfId(id));
  return out;
}

py::str Id(const Snapshot& s, VertexId v) {
  const std::string_view id = s.ExternalId(v);
  return {id.data(), id.size()};
}

py::list Ids(const Snapshot& s, const std::vector<VertexId>& vertices) {
  py::list out(vertices.size());
  for (size_t i = 0; i < vertices.size(); ++i) out[i] = Id(s, vertices[i]);
  return out;
}

Options::Options(const py::dict& d, std::string what) : dict_(d), what_(std::move(what)) {}

bool Options::Has(const char* key) const { return dict_.contains(key); }

std::vector<std::string> Options::Strings(const char* key) {
  used_.push_back(key);
  if (!Has(key)) return {};
  py::object v = dict_[key];
  if (v.is_none()) return {};
  if (py::isinstance<py::str>(v)) {
    // "person,firearm" as on the command line, or one name.
    std::vector<std::string> out;
    const std::string text = v.cast<std::string>();
    size_t start = 0;
    while (start <= text.size()) {
      const size_t comma = std::min(text.find(',', start), text.size());
      if (comma > start) out.push_back(text.substr(start, comma - start));
      start = comma + 1;
    }
    return out;
  }
  std::vector<std::string> out;
  for (py::handle item : v) out.push_back(py::str(item).cast<std::string>());
  return out;
}

void Options::Done() const {
  for (auto item : dict_) {
    const std::string key = py::str(item.first).cast<std::string>();
    if (std::find(used_.begin(), used_.end(), key) == used_.end()) {
      throw UsageError(fmt::format("{}: unknown option \"{}\"", what_, key));
    }
  }
}

std::optional<DateRange> WindowFrom(Options& o) {
  const std::string since = o.Get<std::string>("since", "");
  const std::string until = o.Get<std::string>("until", "");
  if (since.empty() && until.empty()) return std::nullopt;
  std::string error;
  std::optional<DateRange> window = ParseDateRange(since, until, &error);
  if (!window) throw UsageError(fmt::format("since/until: {}", error));
  return window;
}

PathOptions PathOptionsFrom(Options& o) {
  PathOptions p;
  const std::string direction = o.Get<std::string>("direction", "any");
  if (direction == "forward") {
    p.direction = Direction::kForward;
  } else if (direction == "backward") {
    p.direction = Direction::kBackward;
  } else if (direction != "any") {
    throw UsageError(fmt::format("direction must be forward, backward or any, not \"{}\"", direction));
  }
  const std::string weight = o.Get<std::string>("weight", "hops");
  if (weight == "distance") {
    p.weight = PathWeight::kDistance;
  } else if (weight == "reliability") {
    p.weight = PathWeight::kReliability;
  } else if (weight != "hops") {
    throw UsageError(fmt::format("weight must be hops, distance or reliability, not \"{}\"", weight));
  }
  p.kinds = o.Strings("kinds");
  p.exclude_kinds = o.Strings("exclude_kinds");
  p.link_types = o.Strings("link_types");
  p.exclude_link_types = o.Strings("exclude_link_types");
  p.exclude = o.Strings("exclude");
  p.window = WindowFrom(o);
  p.keep_undated = !o.Get<bool>("drop_undated", false);
  p.min_confidence = o.Get<double>("min_confidence", 0.0);
  if (!(p.min_confidence >= 0 && p.min_confidence <= 1)) {
    throw UsageError("min_confidence must be in [0, 1]");
  }
  const int64_t max_hops = o.Get<int64_t>("max_hops", 0);
  if (max_hops < 0) throw UsageError("max_hops must be >= 0 (0: no limit)");
  p.max_hops = static_cast<uint32_t>(max_hops);
  p.max_cost = o.Get<double>("max_cost", p.max_cost);
  p.time_respecting = o.Get<bool>("time_respecting", false);
  const double gap_days = o.Get<double>("max_gap", std::nan(""));
  if (!std::isnan(gap_days)) {
    if (!(gap_days >= 0)) throw UsageError("max_gap must be >= 0 days");
    if (!p.time_respecting) throw UsageError("max_gap applies with time_respecting=True");
    p.max_gap_seconds = static_cast<int64_t>(std::llround(gap_days * 86400.0));
  }
  return p;
}

// ---- results -------------------------------------------------------------------------------

py::dict EvidenceDict(const Snapshot& s, const Evidence& ev) {
  py::dict d;
  d["from"] = Id(s, ev.from);
  d["to"] = Id(s, ev.to);
  d["type"] = py::str(ev.type.data(), ev.type.size());
  d["link_id"] = py::str(ev.link_id.data(), ev.link_id.size());
  d["date"] = FormatDateRange(ev.date);
  d["source"] = py::str(ev.source.data(), ev.source.size());
  d["grade"] = ev.grade.ToString();
  d["confidence"] = ev.confidence;
  d["weight"] = ev.weight;
  // As on the command line: only time-respecting paths give each step's time.
  if (ev.time != kUndated) d["time"] = FormatTimePoint(ev.time);
  return d;
}

py::dict PathDict(const Snapshot& s, const Path& p) {
  py::dict d;
  d["entities"] = Ids(s, p.vertices);
  py::list links(p.links.size());
  for (size_t i = 0; i < p.links.size(); ++i) links[i] = EvidenceDict(s, p.links[i]);
  d["links"] = links;
  d["hops"] = p.hops;
  d["cost"] = p.cost;
  d["reliability"] = p.reliability;
  return d;
}

py::dict LoadReportDict(const LoadReport& r) {
  py::dict d;
  py::list files;
  for (const FileReport& f : r.files) {
    py::dict x;
    x["path"] = f.path;
    x["format"] = std::string(InputFormatName(f.format));
    x["bytes"] = f.bytes;
    x["records"] = f.records;
    x["entity_records"] = f.entity_records;
    x["links"] = f.links;
    x["rejected"] = f.rejected;
    files.append(x);
  }
  d["files"] = files;
  auto diagnostics = [](const std::vector<Diagnostic>& list) {
    py::list out;
    for (const Diagnostic& g : list) {
      py::dict x;
      x["file"] = g.file;
      x["line"] = g.line;
      x["column"] = g.column;
      x["message"] = g.message;
      out.append(x);
    }
    return out;
  };
  d["errors"] = diagnostics(r.errors);
  d["warnings"] = diagnostics(r.warnings);
  d["rejected"] = r.rejected;
  d["warning_count"] = r.warning_count;
  d["entities_created"] = r.entities_created;
  d["implicit_created"] = r.implicit_created;
  d["firearm_merges"] = r.firearm_merges;
  d["links_added"] = r.links_added;
  return d;
}

}  // namespace linkscope::python
