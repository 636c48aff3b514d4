// Shared pieces of the Python bindings: the graph handle, conversions at the border, the
// exception mapping and running engine calls without the GIL (interruptibly).
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <fmt/format.h>

#include <memory>
#include <type_traits>
#include <string>
#include <utility>
#include <vector>

#include "linkscope/core/error.hpp"
#include "linkscope/graph/graph.hpp"
#include "linkscope/graph/snapshot.hpp"
#include "linkscope/path/path.hpp"

namespace linkscope::python {

namespace py = pybind11;

// What a Python Graph holds: the case file (shared with the views taken of it) and the
// snapshot the analyses run on. Snapshots are immutable, so several Python threads may query
// one handle at once.
struct GraphHandle {
  std::shared_ptr<const Model> model;
  std::shared_ptr<const Snapshot> snapshot;
  // For neighbourhoods: the distance of every vertex from the centres (empty otherwise).
  std::vector<uint32_t> depth;
  LoadReport report;  // of the load or build that made it (empty for views)
  std::string origin;  // "load", "pandas", "view", "projection", "neighbourhood", ...

  const Snapshot& s() const { return *snapshot; }
};
using Handle = std::shared_ptr<GraphHandle>;

// A handle for a fresh snapshot of `graph`.
Handle MakeHandle(const Graph& graph, LoadReport report, std::string origin);
// A handle for a snapshot derived from `parent` (a view, a projection).
Handle DeriveHandle(const Handle& parent, Snapshot snapshot, std::string origin);

// A vector handed to numpy without a copy: the array's base (a capsule) owns the data.
template <typename T>
py::array_t<T> ToNumpy(std::vector<T>&& v) {
  auto* owned = new std::vector<T>(std::move(v));
  py::capsule base(owned, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  return py::array_t<T>({static_cast<py::ssize_t>(owned->size())}, {sizeof(T)}, owned->data(),
                        base);
}

// Runs an engine call with the GIL released. On the main thread Ctrl-C (SIGINT) asks the
// engine to stop (it polls at safe points) and the call raises KeyboardInterrupt; the
// Python-level handler is back in place afterwards.
class InterruptScope {
 public:
  InterruptScope();
  ~InterruptScope();
  InterruptScope(const InterruptScope&) = delete;
  InterruptScope& operator=(const InterruptScope&) = delete;
  // True when SIGINT arrived during the scope.
  bool interrupted() const;

 private:
  bool installed_ = false;
  struct Saved;
  std::unique_ptr<Saved> saved_;
};

// Converts a linkscope::Interrupted into KeyboardInterrupt; the rest is the translator's.
void RaiseInterrupted();

template <typename F>
auto Compute(F&& f) -> decltype(f()) {
  InterruptScope scope;
  bool stopped = false;
  try {
    py::gil_scoped_release release;
    return f();
  } catch (const std::exception& e) {
    stopped = scope.interrupted();
    if (!stopped) throw;
  }
  RaiseInterrupted();
  throw py::error_already_set();  // not reached: RaiseInterrupted throws
}

// Vertices of external ids (NotFoundError naming the first unknown one).
std::vector<VertexId> VerticesOf(const Snapshot& s, const std::vector<std::string>& ids);
py::str Id(const Snapshot& s, VertexId v);
py::list Ids(const Snapshot& s, const std::vector<VertexId>& vertices);

template <typename T>
constexpr const char* TypeName() {
  if constexpr (std::is_same_v<T, bool>) {
    return "expected True or False";
  } else if constexpr (std::is_same_v<T, std::string>) {
    return "expected a string";
  } else if constexpr (std::is_floating_point_v<T>) {
    return "expected a number";
  } else if constexpr (std::is_unsigned_v<T>) {
    return "expected a whole number >= 0";
  } else {
    return "expected a whole number";
  }
}

// Reads options from a dict, refusing keys nobody asked for (a typo must not pass silently).
class Options {
 public:
  Options(const py::dict& d, std::string what);
  bool Has(const char* key) const;
  template <typename T>
  T Get(const char* key, T fallback) {
    used_.push_back(key);
    if (!Has(key)) return fallback;
    py::object v = dict_[key];
    if (v.is_none()) return fallback;
    try {
      return v.cast<T>();
    } catch (const py::cast_error&) {
      throw UsageError(fmt::format("{}: option \"{}\" cannot be {} ({})", what_, key,
                                   py::repr(v).cast<std::string>(), TypeName<T>()));
    }
  }
  std::vector<std::string> Strings(const char* key);  // a str, or a list of them
  // Throws UsageError naming the first key that was never read.
  void Done() const;

 private:
  py::dict dict_;
  std::string what_;
  std::vector<std::string> used_;
};

// Path options (the keyword arguments every path query takes, as on the command line).
PathOptions PathOptionsFrom(Options& o);
// A date window from "since"/"until" (YYYY[-MM[-DD]]), or none.
std::optional<DateRange> WindowFrom(Options& o);

py::dict EvidenceDict(const Snapshot& s, const Evidence& ev);
py::dict PathDict(const Snapshot& s, const Path& p);
py::dict LoadReportDict(const LoadReport& r);

void BindGraph(py::module_& m);
void BindAnalysis(py::module_& m);

}  // namespace linkscope::python
