// Shared by the comparison programs (community_compare.cpp, path_compare.cpp): RAII wrappers
// for the igraph C objects they use, and timing helpers.
#pragma once

#include <fmt/format.h>
#include <igraph/igraph.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <vector>

namespace linkscope::compare {

// ---- igraph plumbing -------------------------------------------------------------------

inline void Check(igraph_error_t rc, const char* what) {
  if (rc != IGRAPH_SUCCESS) {
    throw std::runtime_error(fmt::format("{} failed: {}", what, igraph_strerror(rc)));
  }
}

class IntVector {
 public:
  explicit IntVector(igraph_integer_t size = 0) {
    Check(igraph_vector_int_init(&v_, size), "igraph_vector_int_init");
  }
  ~IntVector() { igraph_vector_int_destroy(&v_); }
  IntVector(const IntVector&) = delete;
  IntVector& operator=(const IntVector&) = delete;

  igraph_vector_int_t* get() { return &v_; }
  const igraph_vector_int_t* get() const { return &v_; }
  std::span<igraph_integer_t> span() {
    return {VECTOR(v_), static_cast<size_t>(igraph_vector_int_size(&v_))};
  }
  std::span<const igraph_integer_t> span() const {
    return {VECTOR(v_), static_cast<size_t>(igraph_vector_int_size(&v_))};
  }

 private:
  igraph_vector_int_t v_;
};

class RealVector {
 public:
  explicit RealVector(igraph_integer_t size = 0) {
    Check(igraph_vector_init(&v_, size), "igraph_vector_init");
  }
  ~RealVector() { igraph_vector_destroy(&v_); }
  RealVector(const RealVector&) = delete;
  RealVector& operator=(const RealVector&) = delete;
  igraph_vector_t* get() { return &v_; }

 private:
  igraph_vector_t v_;
};

class IgraphGraph {
 public:
  IgraphGraph(const IntVector& edges, igraph_integer_t n) {
    Check(igraph_create(&g_, edges.get(), n, IGRAPH_UNDIRECTED), "igraph_create");
  }
  ~IgraphGraph() { igraph_destroy(&g_); }
  IgraphGraph(const IgraphGraph&) = delete;
  IgraphGraph& operator=(const IgraphGraph&) = delete;
  const igraph_t* get() const { return &g_; }

 private:
  igraph_t g_;
};

inline void ToIgraph(std::span<const uint32_t> labels, IntVector& out) {
  Check(igraph_vector_int_resize(out.get(), static_cast<igraph_integer_t>(labels.size())),
        "igraph_vector_int_resize");
  std::copy(labels.begin(), labels.end(), out.span().begin());
}

// ---- measuring -------------------------------------------------------------------------

template <typename F>
double Seconds(F&& f) {
  const auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

inline double Median(std::vector<double> v) {
  if (v.empty()) return std::nan("");
  std::sort(v.begin(), v.end());
  const size_t h = v.size() / 2;
  return v.size() % 2 == 1 ? v[h] : (v[h - 1] + v[h]) / 2;
}

}  // namespace linkscope::compare
