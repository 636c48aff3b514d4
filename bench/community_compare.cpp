// linkscope_compare: the speed bars of issue #3, measured against igraph C (the peer) in one
// process, on one graph, with the ratio printed.
//
// The graph is a planted partition made by our own generator with a fixed seed (1 M vertices,
// ~7.7 M edges by default). It is built once, as our Snapshot and as an igraph_t from the same
// edge list, and every algorithm then runs ours and igraph's side by side, R times each,
// alternating which goes first so that noise from the (shared) machine hits both. Reported per
// algorithm: median seconds of each, the ratio igraph / ours, the bar and PASS or FAIL; for the
// community algorithms also modularity (ours: Communities::modularity, igraph: igraph_modularity
// with resolution 1), community counts and NMI against the planted partition.
//
// igraph 0.10.2 stops Leiden after one iteration when asked to run until stable
// (n_iterations = -1, igraph issue #2798), so the "until stable" row iterates igraph by hand,
// one iteration per call, which gives exactly the partition of igraph's own loop.
//
// Peak memory during Leiden is measured in a separate first run, before the igraph graph
// exists: the kernel's high-water mark is reset (/proc/self/clear_refs) just before the call.
//
// Where the answer is unique the two must agree exactly: core numbers vertex by vertex,
// components as partitions, and the modularity of our partition as computed by us and by
// igraph. A disagreement is printed loudly and the exit status is 1.
//
// Exit status: 0 everything agrees (and, on the full graph, every bar passes); 1 a mismatch
// (or an error, on stderr); 2 bad usage; 3 a bar failed. --smoke runs a 20 000-vertex graph once:
// agreement is checked, bars are not judged (ratios on a tiny graph mean nothing).
#include <fmt/format.h>
#include <igraph/igraph.h>
#include <malloc.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "compare_util.hpp"
#include "linkscope/algo/community.hpp"
#include "linkscope/algo/components.hpp"
#include "linkscope/algo/kcore.hpp"
#include "linkscope/algo/label_propagation.hpp"
#include "linkscope/algo/leiden.hpp"
#include "linkscope/algo/louvain.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/core/types.hpp"
#include "linkscope/gen/planted.hpp"
#include "linkscope/graph/snapshot.hpp"

namespace linkscope::compare {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitMismatch = 1;
constexpr int kExitUsage = 2;
constexpr int kExitBarFailed = 3;

constexpr double kLeidenBar = 10;
constexpr double kLouvainBar = 10;
constexpr double kLpaBar = 20;
constexpr double kCoreBar = 10;
constexpr double kComponentsBar = 5;
constexpr double kModularitySlack = 0.002;  // ours may be at most this much below igraph's
constexpr double kMemoryBar = 2.5;          // (snapshot + Leiden's working memory) / snapshot
// Our modularity and igraph's of the same partition differ only by summation order.
constexpr double kModularityAgreement = 1e-7;

const std::vector<std::string> kAlgorithms = {"leiden", "louvain", "lpa", "kcore", "components"};

struct Options {
  uint32_t vertices = 1000000;
  uint64_t seed = 1;
  uint32_t repetitions = 3;
  uint32_t threads = 0;
  std::vector<std::string> only = kAlgorithms;
  bool smoke = false;
  bool until_stable = false;
  std::string json;

  bool Runs(std::string_view name) const {
    return std::find(only.begin(), only.end(), name) != only.end();
  }
};

// A field of /proc/self/status in bytes ("VmRSS", "VmHWM"); 0 when absent.
uint64_t StatusBytes(std::string_view field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.size() > field.size() && line.compare(0, field.size(), field) == 0 &&
        line[field.size()] == ':') {
      return std::stoull(line.substr(field.size() + 1)) * 1024;  // the kernel writes kB
    }
  }
  return 0;
}

// Linux resets VmHWM to the current RSS when "5" is written to clear_refs.
bool ResetPeakRss() {
  std::FILE* f = std::fopen("/proc/self/clear_refs", "w");
  if (f == nullptr) return false;
  const bool ok = std::fputs("5", f) >= 0;
  return std::fclose(f) == 0 && ok;
}

uint64_t DistinctLabels(std::span<const igraph_integer_t> labels) {
  std::vector<bool> seen;
  uint64_t count = 0;
  for (const igraph_integer_t l : labels) {
    const auto i = static_cast<size_t>(l);
    if (i >= seen.size()) seen.resize(i + 1);
    if (!seen[i]) {
      seen[i] = true;
      ++count;
    }
  }
  return count;
}

// ---- results ---------------------------------------------------------------------------

struct Samples {
  std::vector<double> seconds;
  std::vector<double> modularity;   // community rows only
  std::vector<double> communities;  // community rows only
  std::vector<double> nmi;          // against the planted partition; community rows only
  std::vector<double> iterations;   // community rows only; see Communities::iterations
};

struct Row {
  std::string name;
  std::string ours_call;
  std::string igraph_call;
  double bar = 0;  // igraph seconds / our seconds must reach this
  bool community = false;
  bool modularity_bar = false;
  bool gates = true;  // counts towards the exit status (informational rows do not)
  Samples ours;
  Samples igraph;

  double Ratio() const { return Median(igraph.seconds) / Median(ours.seconds); }
  bool SpeedPasses() const { return Ratio() >= bar; }
  bool ModularityPasses() const {
    return !modularity_bar ||
           Median(ours.modularity) >= Median(igraph.modularity) - kModularitySlack;
  }
  bool Passes() const { return SpeedPasses() && ModularityPasses(); }
};

struct MemoryResult {
  bool measured = false;
  bool reset = false;  // clear_refs worked; else the figure is a VmHWM delta (a lower bound)
  uint64_t rss_before = 0;
  uint64_t peak = 0;
  uint64_t working = 0;
  uint64_t snapshot = 0;
  double seconds = 0;
  uint32_t iterations = 0;  // of that run, to compare with the timed runs
  double modularity = 0;
  double Ratio() const {
    return static_cast<double>(snapshot + working) / static_cast<double>(snapshot);
  }
  bool Passes() const { return Ratio() <= kMemoryBar; }
};

struct Context {
  const Options& options;
  const Snapshot& snapshot;
  const IgraphGraph& graph;
  const IntVector& truth;  // planted community per vertex, for NMI
  std::vector<Row> rows;
  std::vector<std::string> mismatches;

  void Mismatch(std::string what) {
    fmt::print("\n*** MISMATCH: {} ***\n\n", what);
    std::fflush(stdout);
    mismatches.push_back(std::move(what));
  }
};

double Nmi(const IntVector& a, const IntVector& b) {
  igraph_real_t nmi = 0;
  Check(igraph_compare_communities(a.get(), b.get(), &nmi, IGRAPH_COMMCMP_NMI),
        "igraph_compare_communities");
  return nmi;
}

double IgraphModularity(const IgraphGraph& g, const IntVector& membership) {
  igraph_real_t q = 0;
  Check(igraph_modularity(g.get(), membership.get(), nullptr, 1.0, false, &q), "igraph_modularity");
  return q;
}

// Runs ours and the peer `repetitions` times, alternating which goes first. Repetition r uses
// seed + r on both sides, so each repetition is reproducible and the modularity figures are
// medians over several seeds rather than one lucky or unlucky draw.
void Interleave(const Options& o, Row& row, const std::function<double(uint64_t)>& ours,
                const std::function<double(uint64_t)>& peer,
                const std::function<void()>& after_both = {}) {
  for (uint32_t r = 0; r < o.repetitions; ++r) {
    const uint64_t seed = o.seed + r;
    double t_ours = 0;
    double t_peer = 0;
    if (r % 2 == 0) {
      t_ours = ours(seed);
      t_peer = peer(seed);
    } else {
      t_peer = peer(seed);
      t_ours = ours(seed);
    }
    row.ours.seconds.push_back(t_ours);
    row.igraph.seconds.push_back(t_peer);
    fmt::print("  {} {}/{}: ours {:.3f} s, igraph {:.3f} s\n", row.name, r + 1, o.repetitions,
               t_ours, t_peer);
    std::fflush(stdout);
    if (after_both) after_both();
  }
}

// `peer` returns the iterations it ran (0: not reported).
void RunCommunity(Context& c, Row row, const std::function<Communities(uint64_t)>& ours,
                  const std::function<uint32_t(uint64_t, igraph_vector_int_t*)>& peer) {
  row.community = true;
  const uint32_t n = c.snapshot.vertex_count();
  IntVector ours_membership;
  IntVector peer_membership(n);
  auto run_ours = [&](uint64_t seed) {
    Communities result;
    const double t = Seconds([&] { result = ours(seed); });
    if (result.membership.size() != n) {
      c.Mismatch(fmt::format("{}: our membership has {} labels for {} vertices", row.name,
                             result.membership.size(), n));
      return t;
    }
    ToIgraph(result.membership, ours_membership);
    const double q_igraph = IgraphModularity(c.graph, ours_membership);
    if (std::abs(q_igraph - result.modularity) > kModularityAgreement) {
      c.Mismatch(fmt::format(
          "{}: modularity of our partition is {:.9f} by Communities::modularity but {:.9f} "
          "by igraph_modularity",
          row.name, result.modularity, q_igraph));
    }
    row.ours.modularity.push_back(result.modularity);
    row.ours.communities.push_back(result.count());
    row.ours.iterations.push_back(result.iterations);
    row.ours.nmi.push_back(Nmi(ours_membership, c.truth));
    return t;
  };
  auto run_peer = [&](uint64_t seed) {
    Check(igraph_rng_seed(igraph_rng_default(), seed), "igraph_rng_seed");
    uint32_t iterations = 0;
    const double t = Seconds([&] { iterations = peer(seed, peer_membership.get()); });
    row.igraph.iterations.push_back(iterations);
    row.igraph.modularity.push_back(IgraphModularity(c.graph, peer_membership));
    row.igraph.communities.push_back(static_cast<double>(DistinctLabels(peer_membership.span())));
    row.igraph.nmi.push_back(Nmi(peer_membership, c.truth));
    return t;
  };
  Interleave(c.options, row, run_ours, run_peer);
  c.rows.push_back(std::move(row));
}

// Same partition under any renaming of the labels: the label map is a bijection. Labels are
// igraph's, in [0, n). O(n).
bool SamePartition(std::span<const igraph_integer_t> a, std::span<const igraph_integer_t> b) {
  if (a.size() != b.size()) return false;
  std::vector<igraph_integer_t> ab(a.size(), -1);
  std::vector<igraph_integer_t> ba(b.size(), -1);
  for (size_t i = 0; i < a.size(); ++i) {
    const auto x = static_cast<size_t>(a[i]);
    const auto y = static_cast<size_t>(b[i]);
    if (x >= ab.size() || y >= ba.size()) return false;
    if (ab[x] == -1 && ba[y] == -1) {
      ab[x] = b[i];
      ba[y] = a[i];
    } else if (ab[x] != b[i] || ba[y] != a[i]) {
      return false;
    }
  }
  return true;
}

// Our Leiden iterates until an iteration changes nothing (at most this many).
constexpr uint32_t kMaxLeidenIterations = 100;

void RunLeiden(Context& c, uint32_t iterations, bool gates) {
  // Modularity through igraph's generic objective: node weights = degrees and resolution
  // 1 / (2m) turn Σ_ij (A_ij − γ n_i n_j) δ(c_i, c_j) into modularity (igraph's documentation).
  RealVector degrees;
  Check(igraph_strength(c.graph.get(), degrees.get(), igraph_vss_all(), IGRAPH_ALL, true, nullptr),
        "igraph_strength");
  const double resolution = 1.0 / (2.0 * static_cast<double>(igraph_ecount(c.graph.get())));
  Row row;
  row.name = iterations == 0
                 ? std::string("leiden")
                 : fmt::format("leiden/{}-iteration{}", iterations, iterations == 1 ? "" : "s");
  row.ours_call = fmt::format("Leiden(snapshot, LeidenParams{{.iterations = {}, .seed, .threads}})",
                              iterations);
  row.igraph_call =
      iterations == 0
          ? std::string(
                "igraph_community_leiden(g, NULL, degrees, 1/(2m), beta 0.01, start false, "
                "n_iterations 1, ...), then again with start true and n_iterations 1 until the "
                "partition does not change (at most 100 iterations)")
          : fmt::format(
                "igraph_community_leiden(g, NULL, degrees, 1/(2m), beta 0.01, start false, "
                "n_iterations {}, ...)",
                iterations);
  row.bar = kLeidenBar;
  row.modularity_bar = true;
  row.gates = gates;
  IntVector previous;
  RunCommunity(
      c, std::move(row),
      [&](uint64_t seed) {
        LeidenParams p;
        p.iterations = iterations;
        p.seed = seed;
        p.threads = c.options.threads;
        return Leiden(c.snapshot, p);
      },
      [&](uint64_t, igraph_vector_int_t* membership) -> uint32_t {
        igraph_integer_t clusters = 0;
        igraph_real_t quality = 0;
        auto leiden = [&](bool start, igraph_integer_t n_iterations) {
          Check(igraph_community_leiden(c.graph.get(), nullptr, degrees.get(), resolution, 0.01,
                                        start, n_iterations, membership, &clusters, &quality),
                "igraph_community_leiden");
        };
        if (iterations > 0) {
          leiden(false, iterations);
          return iterations;
        }
        // "Until stable" by hand: igraph 0.10.2's n_iterations = -1 stops after the first
        // iteration (igraph issue #2798, fixed in 2025), which would compare one igraph
        // iteration with our run to convergence. Each call continues from the previous
        // partition and the same random stream, as igraph's own loop does.
        leiden(false, 1);
        uint32_t done = 1;
        while (done < kMaxLeidenIterations) {
          Check(igraph_vector_int_update(previous.get(), membership), "igraph_vector_int_update");
          leiden(true, 1);
          ++done;
          if (SamePartition(
                  previous.span(),
                  {VECTOR(*membership), static_cast<size_t>(igraph_vector_int_size(membership))})) {
            break;
          }
        }
        return done;
      });
}

void RunLouvain(Context& c) {
  Row row;
  row.name = "louvain";
  row.ours_call = "Louvain(snapshot, LouvainParams{.seed, .threads})";
  row.igraph_call = "igraph_community_multilevel(g, NULL, resolution 1, ...)";
  row.bar = kLouvainBar;
  row.modularity_bar = true;
  RunCommunity(
      c, std::move(row),
      [&](uint64_t seed) {
        LouvainParams p;
        p.seed = seed;
        p.threads = c.options.threads;
        return Louvain(c.snapshot, p);
      },
      [&](uint64_t, igraph_vector_int_t* membership) -> uint32_t {
        RealVector modularity;
        Check(igraph_community_multilevel(c.graph.get(), nullptr, 1.0, membership, nullptr,
                                          modularity.get()),
              "igraph_community_multilevel");
        return 0;
      });
}

void RunLabelPropagation(Context& c) {
  Row row;
  row.name = "lpa";
  row.ours_call = "LabelPropagation(snapshot, LabelPropagationParams{.seed, .threads})";
  row.igraph_call = "igraph_community_label_propagation(g, ..., IGRAPH_ALL, NULL, NULL, NULL)";
  row.bar = kLpaBar;
  RunCommunity(
      c, std::move(row),
      [&](uint64_t seed) {
        LabelPropagationParams p;
        p.seed = seed;
        p.threads = c.options.threads;
        return LabelPropagation(c.snapshot, p);
      },
      [&](uint64_t, igraph_vector_int_t* membership) -> uint32_t {
        Check(igraph_community_label_propagation(c.graph.get(), membership, IGRAPH_ALL, nullptr,
                                                 nullptr, nullptr),
              "igraph_community_label_propagation");
        return 0;
      });
}

void RunCores(Context& c) {
  Row row;
  row.name = "kcore";
  row.ours_call = "CoreNumbers(snapshot, CoreOptions{.threads})";
  row.igraph_call = "igraph_coreness(g, ..., IGRAPH_ALL)";
  row.bar = kCoreBar;
  const uint32_t n = c.snapshot.vertex_count();
  Cores ours;
  IntVector peer(n);
  Interleave(
      c.options, row,
      [&](uint64_t) {
        CoreOptions o;
        o.threads = c.options.threads;
        return Seconds([&] { ours = CoreNumbers(c.snapshot, o); });
      },
      [&](uint64_t) {
        return Seconds([&] {
          Check(igraph_coreness(c.graph.get(), peer.get(), IGRAPH_ALL), "igraph_coreness");
        });
      },
      [&] {
        // Core numbers are unique: any difference is a bug on one side.
        const auto theirs = peer.span();
        if (ours.core.size() != theirs.size()) {
          c.Mismatch(fmt::format("kcore: {} core numbers from us, {} from igraph", ours.core.size(),
                                 theirs.size()));
          return;
        }
        uint64_t differ = 0;
        VertexId first = kNoVertex;
        for (VertexId v = 0; v < n; ++v) {
          if (ours.core[v] != static_cast<uint64_t>(theirs[v])) {
            if (differ++ == 0) first = v;
          }
        }
        if (differ > 0) {
          c.Mismatch(fmt::format(
              "kcore: core numbers differ at {} vertices; first: vertex \"{}\" ours {} igraph {}",
              differ, c.snapshot.ExternalId(first), ours.core[first], theirs[first]));
        }
      });
  const auto theirs = peer.span();
  const igraph_integer_t degeneracy =
      theirs.empty() ? 0 : *std::max_element(theirs.begin(), theirs.end());
  fmt::print("  kcore: degeneracy ours {}, igraph {}\n", ours.degeneracy, degeneracy);
  c.rows.push_back(std::move(row));
}

void RunComponents(Context& c) {
  Row row;
  row.name = "components";
  row.ours_call = "WeakComponents(snapshot)";
  row.igraph_call = "igraph_connected_components(g, ..., IGRAPH_WEAK)";
  row.bar = kComponentsBar;
  const uint32_t n = c.snapshot.vertex_count();
  Components ours;
  IntVector peer(n);
  IntVector sizes;
  igraph_integer_t count = 0;
  Interleave(
      c.options, row, [&](uint64_t) { return Seconds([&] { ours = WeakComponents(c.snapshot); }); },
      [&](uint64_t) {
        return Seconds([&] {
          Check(igraph_connected_components(c.graph.get(), peer.get(), sizes.get(), &count,
                                            IGRAPH_WEAK),
                "igraph_connected_components");
        });
      },
      [&] {
        // The numbering differs by design (ours: by size, then smallest external id), so the
        // two are compared as partitions: the label map must be a bijection.
        const auto theirs = peer.span();
        if (ours.component.size() != theirs.size() || ours.count() != count) {
          c.Mismatch(
              fmt::format("components: ours {} components over {} vertices, igraph {} "
                          "over {}",
                          ours.count(), ours.component.size(), count, theirs.size()));
          return;
        }
        std::vector<igraph_integer_t> to_theirs(ours.count(), -1);
        std::vector<uint32_t> to_ours(static_cast<size_t>(count), kNone32);
        for (VertexId v = 0; v < n; ++v) {
          const uint32_t a = ours.component[v];
          const igraph_integer_t b = theirs[v];
          if (to_theirs[a] == -1 && to_ours[static_cast<size_t>(b)] == kNone32) {
            to_theirs[a] = b;
            to_ours[static_cast<size_t>(b)] = a;
          } else if (to_theirs[a] != b || to_ours[static_cast<size_t>(b)] != a) {
            c.Mismatch(fmt::format(
                "components: vertex \"{}\" is in our component {} and igraph's {}, which do "
                "not correspond",
                c.snapshot.ExternalId(v), a, b));
            return;
          }
        }
      });
  fmt::print("  components: {} (ours), {} (igraph)\n", ours.count(), count);
  c.rows.push_back(std::move(row));
}

// Leiden's working memory, in a run of its own before the igraph graph exists.
MemoryResult MeasureLeidenMemory(const Options& o, const Snapshot& s) {
  MemoryResult m;
  m.measured = true;
  m.snapshot = s.MemoryBytes();
  LeidenParams p;
  p.seed = o.seed;
  p.threads = o.threads;
  // Hand free heap pages back to the kernel first: otherwise Leiden could reuse memory left
  // over from building the graph without raising RSS, and its working memory would look
  // smaller than it is.
  malloc_trim(0);
  const uint64_t hwm_before = StatusBytes("VmHWM");
  m.reset = ResetPeakRss();
  m.rss_before = StatusBytes("VmRSS");
  Communities result;
  m.seconds = Seconds([&] { result = Leiden(s, p); });
  m.peak = StatusBytes("VmHWM");
  m.iterations = result.iterations;
  m.modularity = result.modularity;
  if (m.reset) {
    m.working = m.peak > m.rss_before ? m.peak - m.rss_before : 0;
  } else {
    fmt::print(
        "  note: /proc/self/clear_refs is not writable, so the high-water mark could not be "
        "reset; working memory is the VmHWM delta, a lower bound\n");
    m.working = m.peak > hwm_before ? m.peak - hwm_before : 0;
  }
  return m;
}

// ---- reporting -------------------------------------------------------------------------

double MiB(uint64_t bytes) { return static_cast<double>(bytes) / (1 << 20); }

std::string Verdict(const Options& o, bool pass) {
  if (o.smoke) return "not judged (smoke)";
  return pass ? "PASS" : "FAIL";
}

void PrintSummary(const Context& c, const MemoryResult& mem) {
  const Options& o = c.options;
  fmt::print("\n{:<22} {:>10} {:>11} {:>9} {:>7}  {}\n", "algorithm", "ours [s]", "igraph [s]",
             "ratio", "bar", "verdict");
  for (const Row& r : c.rows) {
    std::string verdict = Verdict(o, r.Passes());
    if (!r.gates) verdict += " (informational)";
    fmt::print("{:<22} {:>10.3f} {:>11.3f} {:>8.1f}x {:>5}x  {}\n", r.name, Median(r.ours.seconds),
               Median(r.igraph.seconds), r.Ratio(), fmt::format(">={:g}", r.bar), verdict);
    if (r.community) {
      fmt::print("{:<22} modularity ours {:.4f}, igraph {:.4f}{}\n", "", Median(r.ours.modularity),
                 Median(r.igraph.modularity),
                 r.modularity_bar ? fmt::format(" (bar: ours >= igraph - {}: {})", kModularitySlack,
                                                Verdict(o, r.ModularityPasses()))
                                  : std::string());
      fmt::print(
          "{:<22} communities ours {:.0f}, igraph {:.0f}; NMI vs planted ours {:.4f}, "
          "igraph {:.4f}\n",
          "", Median(r.ours.communities), Median(r.igraph.communities), Median(r.ours.nmi),
          Median(r.igraph.nmi));
      if (Median(r.igraph.iterations) > 0) {
        fmt::print("{:<22} iterations ours {:.0f}, igraph {:.0f}\n", "", Median(r.ours.iterations),
                   Median(r.igraph.iterations));
      }
    }
  }
  if (mem.measured) {
    fmt::print(
        "\nLeiden peak memory: working {:.1f} MiB (peak RSS {:.1f} MiB - {:.1f} MiB before{}), "
        "snapshot {:.1f} MiB; (snapshot + working) / snapshot = {:.2f} (bar <= {}): {}\n",
        MiB(mem.working), MiB(mem.peak), MiB(mem.rss_before),
        mem.reset ? "" : "; VmHWM delta, not reset", MiB(mem.snapshot), mem.Ratio(), kMemoryBar,
        Verdict(o, mem.Passes()));
  }
  if (!c.mismatches.empty()) {
    fmt::print("\n*** {} MISMATCH(ES) between linkscope and igraph: ***\n", c.mismatches.size());
    for (const std::string& m : c.mismatches) fmt::print("***   {}\n", m);
  }
}

using JsonWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void Key(JsonWriter& w, std::string_view key) {
  w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
}
void Str(JsonWriter& w, std::string_view value) {
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}
// JSON has no NaN or infinity (a stub or a zero-second run gives one): write null.
void Num(JsonWriter& w, double value) {
  if (std::isfinite(value)) {
    w.Double(value);
  } else {
    w.Null();
  }
}
void Nums(JsonWriter& w, std::string_view key, const std::vector<double>& values) {
  Key(w, key);
  w.StartArray();
  for (const double v : values) Num(w, v);
  w.EndArray();
}

void WriteSamples(JsonWriter& w, std::string_view key, const Samples& s, bool community) {
  Key(w, key);
  w.StartObject();
  Nums(w, "seconds", s.seconds);
  Key(w, "median_seconds");
  Num(w, Median(s.seconds));
  if (community) {
    Nums(w, "modularity", s.modularity);
    Key(w, "median_modularity");
    Num(w, Median(s.modularity));
    Nums(w, "communities", s.communities);
    Nums(w, "nmi_planted", s.nmi);
    Nums(w, "iterations", s.iterations);
  }
  w.EndObject();
}

struct GraphFacts {
  PlantedPartitionOptions planted;
  uint32_t planted_communities = 0;
  uint64_t edges = 0;
  double generate_seconds = 0;
  double snapshot_seconds = 0;
};

void WriteJson(const std::string& path, const Context& c, const GraphFacts& g,
               const MemoryResult& mem, bool pass) {
  const Options& o = c.options;
  rapidjson::StringBuffer sb;
  JsonWriter w(sb);
  w.StartObject();
  Key(w, "program");
  Str(w, "linkscope_compare");
  Key(w, "igraph_version");
  Str(w, IGRAPH_VERSION);
  Key(w, "smoke");
  w.Bool(o.smoke);
  Key(w, "repetitions");
  w.Uint(o.repetitions);
  Key(w, "seed");
  w.Uint64(o.seed);
  Key(w, "threads");
  w.Uint(o.threads);
  Key(w, "hardware_threads");
  w.Uint(std::thread::hardware_concurrency());

  Key(w, "graph");
  w.StartObject();
  Key(w, "generator");
  Str(w, "planted_partition");
  Key(w, "vertices");
  w.Uint(g.planted.vertices);
  Key(w, "edges");
  w.Uint64(g.edges);
  Key(w, "min_community");
  w.Uint(g.planted.min_community);
  Key(w, "max_community");
  w.Uint(g.planted.max_community);
  Key(w, "mean_degree");
  w.Double(g.planted.mean_degree);
  Key(w, "mixing");
  w.Double(g.planted.mixing);
  Key(w, "seed");
  w.Uint64(g.planted.seed);
  Key(w, "planted_communities");
  w.Uint(g.planted_communities);
  Key(w, "snapshot_bytes");
  w.Uint64(c.snapshot.MemoryBytes());
  Key(w, "generate_seconds");
  w.Double(g.generate_seconds);
  Key(w, "snapshot_seconds");
  w.Double(g.snapshot_seconds);
  w.EndObject();

  Key(w, "algorithms");
  w.StartArray();
  for (const Row& r : c.rows) {
    w.StartObject();
    Key(w, "name");
    Str(w, r.name);
    Key(w, "ours_call");
    Str(w, r.ours_call);
    Key(w, "igraph_call");
    Str(w, r.igraph_call);
    WriteSamples(w, "ours", r.ours, r.community);
    WriteSamples(w, "igraph", r.igraph, r.community);
    Key(w, "ratio");
    Num(w, r.Ratio());
    Key(w, "bar");
    w.Double(r.bar);
    Key(w, "judged");
    w.Bool(!o.smoke);
    Key(w, "gates");
    w.Bool(r.gates);
    Key(w, "speed_pass");
    w.Bool(r.SpeedPasses());
    if (r.modularity_bar) {
      Key(w, "modularity_slack");
      w.Double(kModularitySlack);
      Key(w, "modularity_pass");
      w.Bool(r.ModularityPasses());
    }
    Key(w, "pass");
    w.Bool(r.Passes());
    w.EndObject();
  }
  w.EndArray();

  if (mem.measured) {
    Key(w, "leiden_memory");
    w.StartObject();
    Key(w, "clear_refs_reset");
    w.Bool(mem.reset);
    Key(w, "rss_before_bytes");
    w.Uint64(mem.rss_before);
    Key(w, "peak_rss_bytes");
    w.Uint64(mem.peak);
    Key(w, "working_bytes");
    w.Uint64(mem.working);
    Key(w, "snapshot_bytes");
    w.Uint64(mem.snapshot);
    Key(w, "ratio");
    Num(w, mem.Ratio());
    Key(w, "bar");
    w.Double(kMemoryBar);
    Key(w, "pass");
    w.Bool(mem.Passes());
    Key(w, "seconds");
    w.Double(mem.seconds);
    Key(w, "iterations");
    w.Uint(mem.iterations);
    Key(w, "modularity");
    w.Double(mem.modularity);
    w.EndObject();
  }

  Key(w, "mismatches");
  w.StartArray();
  for (const std::string& m : c.mismatches) Str(w, m);
  w.EndArray();
  Key(w, "pass");
  w.Bool(pass);
  w.EndObject();

  std::ofstream out(path, std::ios::binary);
  out.write(sb.GetString(), static_cast<std::streamsize>(sb.GetSize()));
  out << '\n';
  if (!out) throw std::runtime_error(fmt::format("cannot write {}", path));
}

// ---- the program -----------------------------------------------------------------------

// Progress goes to a file in long runs: flush so it shows while the run goes on.
void Section(const char* title) {
  fmt::print("{}\n", title);
  std::fflush(stdout);
}

int Run(const Options& o) {
  igraph_set_error_handler(igraph_error_handler_printignore);  // errors come back as codes

  GraphFacts facts;
  facts.planted.vertices = o.vertices;
  facts.planted.seed = o.seed;
  const PlantedPartitionOptions& po = facts.planted;
  fmt::print(
      "graph: planted partition, {} vertices, communities of {}-{}, mean degree {}, mixing {}, "
      "seed {}\n",
      po.vertices, po.min_community, po.max_community, po.mean_degree, po.mixing, po.seed);
  PlantedPartition planted;
  facts.generate_seconds = Seconds([&] { planted = GeneratePlantedPartition(po); });
  facts.planted_communities = planted.communities;
  facts.edges = planted.edges.size();
  std::optional<Snapshot> built;
  facts.snapshot_seconds =
      Seconds([&] { built.emplace(Snapshot::Build(PlantedPartitionModel(planted))); });
  const Snapshot& s = *built;
  const uint32_t n = s.vertex_count();
  fmt::print(
      "       {} edges, {} planted communities; generated in {:.2f} s, snapshot in {:.2f} s "
      "({:.1f} MiB, topology {:.1f} MiB)\n",
      facts.edges, facts.planted_communities, facts.generate_seconds, facts.snapshot_seconds,
      MiB(s.MemoryBytes()), MiB(s.TopologyBytes()));
  fmt::print("igraph {} (single-threaded); linkscope threads {} ({} hardware threads)\n",
             IGRAPH_VERSION, o.threads == 0 ? std::string("0 = all") : std::to_string(o.threads),
             std::thread::hardware_concurrency());
  fmt::print("repetitions {} (ours and igraph interleaved), algorithm seeds {}..{}\n\n",
             o.repetitions, o.seed, o.seed + o.repetitions - 1);
  std::fflush(stdout);

  // The generator numbers vertices its own way; the snapshot's numbering is the one both
  // sides use, so igraph vertex v is snapshot vertex v.
  std::vector<VertexId> vertex(planted.vertices);
  for (uint32_t p = 0; p < planted.vertices; ++p) vertex[p] = s.VertexOfId(std::to_string(p));

  MemoryResult mem;
  if (o.Runs("leiden")) {
    fmt::print("Leiden memory run (untimed, before the igraph graph exists)\n");
    std::fflush(stdout);
    mem = MeasureLeidenMemory(o, s);
    fmt::print("  took {:.3f} s ({} iterations, modularity {:.4f}); working memory {:.1f} MiB\n",
               mem.seconds, mem.iterations, mem.modularity, MiB(mem.working));
    std::fflush(stdout);
  }

  IntVector truth(n);
  for (uint32_t p = 0; p < planted.vertices; ++p) truth.span()[vertex[p]] = planted.community[p];
  std::optional<IgraphGraph> graph;
  {
    IntVector edges(static_cast<igraph_integer_t>(2 * planted.edges.size()));
    auto e = edges.span();
    for (size_t i = 0; i < planted.edges.size(); ++i) {
      e[2 * i] = vertex[planted.edges[i].first];
      e[2 * i + 1] = vertex[planted.edges[i].second];
    }
    graph.emplace(edges, n);
  }
  planted = {};

  Context c{o, s, *graph, truth, {}, {}};
  // Both sides must see the same graph, or nothing below means anything.
  {
    IntVector degree;
    Check(igraph_degree(graph->get(), degree.get(), igraph_vss_all(), IGRAPH_ALL, true),
          "igraph_degree");
    const auto d = degree.span();
    uint64_t differ = 0;
    for (VertexId v = 0; v < n; ++v) differ += s.OutDegree(v) != static_cast<uint64_t>(d[v]);
    if (igraph_vcount(graph->get()) != n ||
        static_cast<uint64_t>(igraph_ecount(graph->get())) != s.edge_count() || differ > 0) {
      c.Mismatch(fmt::format(
          "graphs differ: snapshot {} vertices {} edges, igraph {} vertices "
          "{} edges, {} degrees differ",
          n, s.edge_count(), igraph_vcount(graph->get()), igraph_ecount(graph->get()), differ));
    }
  }

  if (o.Runs("leiden")) {
    Section("Leiden");
    // The bar is judged on the defaults: two iterations, ours (LeidenParams{}) and
    // python-igraph's and R igraph's. One iteration is what igraph 0.10.2 runs when asked for
    // n_iterations = -1; until stable (igraph iterated by hand) takes minutes per repetition,
    // so it runs only with --until-stable. Both are informational.
    RunLeiden(c, 2, true);
    RunLeiden(c, 1, false);
    if (c.options.until_stable) RunLeiden(c, 0, false);
  }
  if (o.Runs("louvain")) {
    Section("Louvain");
    RunLouvain(c);
  }
  if (o.Runs("lpa")) {
    Section("Label propagation");
    RunLabelPropagation(c);
  }
  if (o.Runs("kcore")) {
    Section("k-core");
    RunCores(c);
  }
  if (o.Runs("components")) {
    Section("Connected components");
    RunComponents(c);
  }

  PrintSummary(c, mem);
  bool bars = true;
  for (const Row& r : c.rows) bars = bars && (!r.gates || r.Passes());
  if (mem.measured) bars = bars && mem.Passes();
  const bool pass = c.mismatches.empty() && (o.smoke || bars);
  if (!o.json.empty()) WriteJson(o.json, c, facts, mem, pass);
  if (!c.mismatches.empty()) return kExitMismatch;
  if (!o.smoke && !bars) return kExitBarFailed;
  return kExitOk;
}

}  // namespace
}  // namespace linkscope::compare

int main(int argc, char** argv) {
  using linkscope::compare::Options;
  Options o;
  CLI::App app{
      "linkscope_compare: community detection, k-core and components against igraph C on a "
      "planted-partition graph (issue #3)"};
  auto* vertices = app.add_option("--vertices", o.vertices, "Vertices of the planted graph")
                       ->capture_default_str();
  app.add_option("--seed", o.seed,
                 "Seed of the graph; repetition r runs the algorithms with seed + r")
      ->capture_default_str();
  auto* reps = app.add_option("--repetitions", o.repetitions, "Runs of each side per algorithm")
                   ->capture_default_str()
                   ->check(CLI::PositiveNumber);
  app.add_option("--threads", o.threads, "linkscope threads (0 = all hardware threads)")
      ->capture_default_str();
  app.add_option("--only", o.only, "Comma-separated subset of leiden,louvain,lpa,kcore,components")
      ->delimiter(',')
      ->check(CLI::IsMember(linkscope::compare::kAlgorithms));
  app.add_flag("--smoke", o.smoke,
               "20 000 vertices, one repetition; checks agreement, does not judge the bars")
      ->excludes(vertices)
      ->excludes(reps);
  app.add_flag("--until-stable", o.until_stable,
               "Also run Leiden until an iteration changes nothing (igraph: 3-4 min a run)");
  app.add_option("--json", o.json, "Also write every figure to this file as JSON");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : linkscope::compare::kExitUsage;
  }
  if (o.smoke) {
    o.vertices = 20000;
    o.repetitions = 1;
  }
  try {
    return linkscope::compare::Run(o);
  } catch (const linkscope::UsageError& e) {
    std::fprintf(stderr, "linkscope_compare: %s\n", e.what());
    return linkscope::compare::kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "linkscope_compare: %s\n", e.what());
    return linkscope::compare::kExitMismatch;
  }
}
