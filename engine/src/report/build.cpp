// Building the report: every analysis the sections show, in a fixed order.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include "linkscope/algo/leiden.hpp"
#include "linkscope/algo/louvain.hpp"
#include "linkscope/algo/profile.hpp"
#include "linkscope/algo/stats.hpp"
#include "linkscope/centrality/centrality.hpp"
#include "linkscope/core/date.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/disrupt/keyplayers.hpp"
#include "linkscope/graph/view.hpp"
#include "linkscope/layout/layout.hpp"
#include "linkscope/path/path.hpp"
#include "linkscope/version.hpp"
#include "report/report_data.hpp"

namespace linkscope::report {
namespace {

constexpr size_t kRejectedExamples = 20;
constexpr size_t kTimelineCountries = 12;
constexpr size_t kConnectors = 20;
constexpr size_t kBrokers = 100;
constexpr size_t kShownBridges = 5;
// Link types through which a person holds or moves a firearm (roles in a trace).
const std::set<std::string, std::less<>> kPossession = {
    "possessed", "purchased", "sold", "supplied", "transported", "owns", "registered_to"};

std::string Text(std::string_view s) { return std::string(s); }

EntityRef Ref(const Model& m, EntityId e) {
  return EntityRef{Text(m.ExternalId(e)), Text(m.Name(e)), Text(m.KindName(e)), m.Country(e)};
}

EntityRef Ref(const Snapshot& s, VertexId v) { return Ref(s.model(), s.Entity(v)); }

std::vector<Count> Counts(const std::vector<std::pair<std::string, uint64_t>>& v) {
  std::vector<Count> out;
  out.reserve(v.size());
  for (const auto& [k, n] : v) out.push_back({k, n});
  return out;
}

// The evidence of one link record, and the set of links the report cites.
class Evidence {
 public:
  explicit Evidence(const Model& m) : m_(m) {}

  // The evidence of a link, made once however often the report cites it.
  const EvidenceRow& Row(LinkId l) {
    const auto [it, fresh] = cited_.try_emplace(l);
    if (!fresh) return it->second;
    EvidenceRow& r = it->second;
    r.from = Text(m_.ExternalId(m_.From(l)));
    r.to = Text(m_.ExternalId(m_.To(l)));
    r.type = Text(m_.TypeName(l));
    r.date = FormatDateRange(m_.LinkDates(l));
    r.source = Text(m_.Source(l));
    r.grade = m_.LinkGrade(l).ToString();
    r.confidence = m_.Confidence(l, table_);
    r.handling = m_.Handling(l);
    r.link_id = Text(m_.LinkExternalId(l));
    return r;
  }

  std::vector<EvidenceRow> All() const {
    std::vector<EvidenceRow> out;
    for (const auto& [l, row] : cited_) out.push_back(row);
    std::sort(out.begin(), out.end(), [](const EvidenceRow& a, const EvidenceRow& b) {
      return std::tie(a.from, a.to, a.type, a.date, a.source, a.grade, a.link_id) <
             std::tie(b.from, b.to, b.type, b.date, b.source, b.grade, b.link_id);
    });
    return out;
  }

 private:
  const Model& m_;
  ConfidenceTable table_;
  std::map<LinkId, EvidenceRow> cited_;
};

Fragmentation Frag(const linkscope::Fragmentation& f) {
  return Fragmentation{f.vertices, f.components, f.largest_component, f.largest_share,
                       f.fragmentation};
}

KeyPlayerSet KeyPlayersOf(const Snapshot& s, uint32_t k, uint32_t limit, uint64_t seed,
                          uint32_t threads) {
  KeyPlayerSet out;
  if (s.vertex_count() < 2) {
    out.note = "too few entities";
    return out;
  }
  if (s.vertex_count() > limit) {
    out.note = fmt::format("not searched: {} entities, above the key-player limit of {}",
                           s.vertex_count(), limit);
    return out;
  }
  KeyPlayerOptions o;
  o.mode = KeyPlayerMode::kFragment;
  o.k = std::min(k, s.vertex_count() - 1);
  o.seed = seed;
  o.threads = threads;
  const KeyPlayerResult r = FindKeyPlayers(s, o);
  out.computed = true;
  std::vector<VertexId> set = r.set;
  std::sort(set.begin(), set.end(),
            [&](VertexId a, VertexId b) { return s.ExternalId(a) < s.ExternalId(b); });
  for (const VertexId v : set) out.set.push_back(Ref(s, v));
  out.before = Frag(r.before);
  out.after = Frag(r.after);
  return out;
}

// ---- overview --------------------------------------------------------------------------

Overview MakeOverview(const Graph& graph, const LoadReport& load,
                      const std::vector<ReportInput>& inputs, uint8_t max_handling) {
  Overview o;
  std::map<std::string, const ReportInput*, std::less<>> digest;
  for (const ReportInput& in : inputs) digest[in.path] = &in;
  for (const FileReport& f : load.files) {
    Overview::File x;
    x.path = f.path;
    x.format = Text(InputFormatName(f.format));
    const auto it = digest.find(f.path);
    x.sha256 = it == digest.end() ? std::string() : it->second->sha256;
    x.bytes = it == digest.end() ? f.bytes : it->second->bytes;
    x.records = f.records;
    x.entity_records = f.entity_records;
    x.links = f.links;
    x.rejected = f.rejected;
    x.withheld = f.withheld;
    o.records += f.records;
    o.files.push_back(std::move(x));
  }
  o.rejected = load.rejected;
  o.withheld = load.withheld;
  o.warnings = load.warning_count;
  for (size_t i = 0; i < load.errors.size() && i < kRejectedExamples; ++i) {
    // A rejected record may be one above the handling limit, and a reason quotes its content:
    // under a limit only the place is given.
    const Diagnostic& d = load.errors[i];
    o.rejected_examples.push_back(
        max_handling == 0 ? d.ToString()
                          : Diagnostic{d.file, d.line, d.column,
                                       "(reason not shown: a handling limit applies)"}
                                .ToString());
  }
  StatsOptions so;
  so.networks = 0;
  const GraphStats st = ComputeStats(graph.shared_model(), so);
  o.entities = st.entities;
  o.links = st.links;
  o.implicit_entities = st.implicit_entities;
  o.firearms = st.firearms;
  o.firearm_records = st.firearm_records;
  o.merged_firearm_records = st.merged_firearm_records;
  o.distinct_pairs = st.distinct_pairs;
  o.isolates = st.isolates;
  o.components = st.components;
  o.largest_component = st.largest_component;
  o.graded_links = st.graded_links;
  if (st.link_dates.dated()) {
    o.first_date = FormatTimePoint(st.link_dates.lo).substr(0, 10);
    o.last_date = FormatTimePoint(st.link_dates.hi).substr(0, 10);
  }
  o.by_kind = Counts(st.by_kind);
  o.by_link_type = Counts(st.by_link_type);
  o.by_grade = Counts(st.by_grade);
  return o;
}

// ---- networks ----------------------------------------------------------------------------

uint64_t CountOf(const std::vector<std::pair<std::string, uint64_t>>& v, std::string_view key) {
  for (const auto& [k, n] : v) {
    if (k == key) return n;
  }
  return 0;
}

// Members of one community ordered by links to other members (most first), then id.
std::vector<VertexId> ByInnerDegree(const Snapshot& s, std::span<const uint32_t> membership,
                                    const std::vector<VertexId>& members) {
  std::vector<std::pair<uint64_t, VertexId>> order;
  for (const VertexId v : members) {
    uint64_t d = 0;
    for (const VertexId u : s.Out(v)) d += u != v && membership[u] == membership[v];
    order.emplace_back(d, v);
  }
  std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    return s.ExternalId(a.second) < s.ExternalId(b.second);
  });
  std::vector<VertexId> out;
  for (const auto& [d, v] : order) out.push_back(v);
  return out;
}

Drawing Draw(const Snapshot& s, std::span<const uint32_t> membership,
             const std::vector<VertexId>& members, const ReportConfig& c) {
  Drawing d;
  d.members = members.size();
  std::vector<VertexId> shown = ByInnerDegree(s, membership, members);
  if (shown.size() > c.drawing_members) shown.resize(c.drawing_members);
  std::sort(shown.begin(), shown.end(),
            [&](VertexId a, VertexId b) { return s.ExternalId(a) < s.ExternalId(b); });
  std::vector<uint8_t> keep(s.vertex_count(), 0);
  for (const VertexId v : shown) keep[v] = 1;
  const Snapshot sub = InducedView(s, keep);
  // The view keeps the parent's relative order; map it to the drawing's order (by id).
  std::vector<VertexId> order(sub.vertex_count());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](VertexId a, VertexId b) { return sub.ExternalId(a) < sub.ExternalId(b); });
  std::vector<uint32_t> index(sub.vertex_count());
  for (uint32_t i = 0; i < order.size(); ++i) index[order[i]] = i;
  LayoutOptions lo;
  lo.seed = c.seed;
  const std::vector<Point> pos = ForceLayout(sub, order, lo);
  CentralityOptions co;
  co.threads = 1;
  const std::vector<double> bc = Betweenness(sub, co).vertex;
  const double top = bc.empty() ? 0 : *std::max_element(bc.begin(), bc.end());
  // Labels: the most central members (all of them in small drawings).
  std::vector<uint32_t> by_centrality(order.size());
  std::iota(by_centrality.begin(), by_centrality.end(), 0);
  std::stable_sort(by_centrality.begin(), by_centrality.end(),
                   [&](uint32_t a, uint32_t b) { return bc[order[a]] > bc[order[b]]; });
  std::vector<uint8_t> labelled(order.size(), order.size() <= 15);
  for (size_t i = 0; i < by_centrality.size() && i < 10; ++i) labelled[by_centrality[i]] = 1;
  const Model& m = sub.model();
  for (uint32_t i = 0; i < order.size(); ++i) {
    const VertexId v = order[i];
    Drawing::Node node;
    node.id = Text(sub.ExternalId(v));
    const std::string_view name = m.Name(sub.Entity(v));
    node.label = name.empty() ? node.id : Text(name);
    node.kind = Text(m.KindName(sub.Entity(v)));
    node.x = pos[i].x;
    node.y = pos[i].y;
    node.size = top > 0 ? bc[v] / top : 0;
    node.labelled = labelled[i] != 0;
    d.nodes.push_back(std::move(node));
  }
  std::set<std::pair<uint32_t, uint32_t>> edges;
  for (VertexId v = 0; v < sub.vertex_count(); ++v) {
    for (const VertexId u : sub.Out(v)) {
      if (u == v) continue;
      const uint32_t a = std::min(index[v], index[u]);
      const uint32_t b = std::max(index[v], index[u]);
      edges.emplace(a, b);
    }
  }
  d.edges.assign(edges.begin(), edges.end());
  return d;
}

double Capped(double x, double cap) { return std::min(x, cap) / cap; }

struct NetworkStage {
  std::vector<Network> networks;
  std::vector<CommunityProfile> profiles;  // all communities
  uint64_t ranked = 0;
};

NetworkStage MakeNetworks(const Snapshot& s, const Communities& c, const ReportConfig& cfg) {
  NetworkStage st;
  ProfileOptions po;
  po.top_members = 5;
  po.bridges = UINT32_MAX;  // all of them: brokers are read from the full lists
  st.profiles = ProfileCommunities(s, c.membership, po);
  uint64_t largest = 0;
  for (const CommunityProfile& p : st.profiles) {
    if (p.size >= cfg.min_size) largest = std::max(largest, p.size);
  }
  const RiskWeights& w = cfg.risk;
  const double total = w.size + w.convergence + w.span + w.seizures + w.firearms;
  if (!(total > 0)) throw UsageError("report: the risk weights must not all be 0");
  for (const CommunityProfile& p : st.profiles) {
    if (p.size < cfg.min_size) continue;
    ++st.ranked;
    Network n;
    n.id = p.id;
    n.size = p.size;
    n.internal_links = p.internal_links;
    n.external_links = p.external_links;
    n.density = p.density;
    n.kinds = Counts(p.kinds);
    n.commodities = Counts(p.commodities);
    n.countries = Counts(p.countries);
    n.categories = p.categories;
    n.entropy = p.entropy;
    n.seizures = p.seizures;
    n.firearms = CountOf(p.commodities, "firearms");
    n.terms.size = largest > 0 ? std::log1p(static_cast<double>(p.size)) /
                                     std::log1p(static_cast<double>(largest))
                               : 0;
    n.terms.convergence = Capped(p.categories, 4);
    n.terms.span = Capped(static_cast<double>(p.countries.size()), 5);
    n.terms.seizures = Capped(static_cast<double>(p.seizures), 10);
    n.terms.firearms = Capped(static_cast<double>(n.firearms), 10);
    n.risk = 100 *
             (w.size * n.terms.size + w.convergence * n.terms.convergence + w.span * n.terms.span +
              w.seizures * n.terms.seizures + w.firearms * n.terms.firearms) /
             total;
    // Rounded so that the ranking does not hang on the last bits of a sum.
    n.risk = std::round(n.risk * 1e6) / 1e6;
    for (const auto& t : p.top_members) n.top_members.push_back({Ref(s, t.vertex), t.strength});
    for (size_t i = 0; i < p.bridges.size() && i < kShownBridges; ++i) {
      n.bridges.push_back({Ref(s, p.bridges[i].vertex), p.bridges[i].reaches});
    }
    n.bridge_count = p.bridge_count;
    for (const VertexId v : p.members) n.member_entities.push_back(Ref(s, v));
    std::sort(n.member_entities.begin(), n.member_entities.end(),
              [](const EntityRef& a, const EntityRef& b) { return a.id < b.id; });
    for (const EntityRef& e : n.member_entities) n.members.push_back(e.id);
    st.networks.push_back(std::move(n));
  }
  std::sort(st.networks.begin(), st.networks.end(), [](const Network& a, const Network& b) {
    if (a.risk != b.risk) return a.risk > b.risk;
    return a.id < b.id;
  });
  if (st.networks.size() > cfg.listed_networks) st.networks.resize(cfg.listed_networks);
  for (size_t i = 0; i < st.networks.size(); ++i) {
    st.networks[i].rank = static_cast<uint32_t>(i + 1);
    st.networks[i].detailed = i < cfg.networks;
  }
  return st;
}

Convergence MakeConvergence(const Snapshot& s, const NetworkStage& st) {
  Convergence out;
  for (const Network& n : st.networks) {
    if (n.categories >= 2) out.networks.push_back(n.id);
  }
  // Categories per community (all communities, not only the listed ones).
  std::vector<std::set<std::string>> cats(st.profiles.size());
  for (const CommunityProfile& p : st.profiles) {
    for (const auto& [k, n] : p.commodities) cats[p.id].insert(k);
  }
  std::vector<Broker> all;
  for (const CommunityProfile& p : st.profiles) {
    for (const auto& b : p.bridges) {
      Broker x;
      x.entity = Ref(s, b.vertex);
      x.networks.push_back(p.id);
      x.networks.insert(x.networks.end(), b.reaches.begin(), b.reaches.end());
      std::sort(x.networks.begin(), x.networks.end());
      std::set<std::string> c;
      for (const uint32_t id : x.networks) c.insert(cats[id].begin(), cats[id].end());
      x.categories.assign(c.begin(), c.end());
      all.push_back(std::move(x));
    }
  }
  auto spans_firearms = [](const Broker& b) {
    const auto has = [&](std::string_view k) {
      return std::find(b.categories.begin(), b.categories.end(), k) != b.categories.end();
    };
    return has("firearms") && (has("gold") || has("drugs") || has("wildlife"));
  };
  for (const Broker& b : all) {
    if (spans_firearms(b)) out.brokers.push_back(b);
  }
  std::sort(out.brokers.begin(), out.brokers.end(), [](const Broker& a, const Broker& b) {
    if (a.categories.size() != b.categories.size()) return a.categories.size() > b.categories.size();
    if (a.networks.size() != b.networks.size()) return a.networks.size() > b.networks.size();
    return a.entity.id < b.entity.id;
  });
  out.brokers_total = out.brokers.size();
  if (out.brokers.size() > kBrokers) out.brokers.resize(kBrokers);
  out.connectors = all;
  std::sort(out.connectors.begin(), out.connectors.end(), [](const Broker& a, const Broker& b) {
    if (a.networks.size() != b.networks.size()) return a.networks.size() > b.networks.size();
    return a.entity.id < b.entity.id;
  });
  if (out.connectors.size() > kConnectors) out.connectors.resize(kConnectors);
  return out;
}

// ---- firearm traces --------------------------------------------------------------------

std::vector<FirearmTrace> MakeFirearmTraces(const Snapshot& s, Evidence& ev, uint64_t* traced,
                                            uint32_t listed) {
  const Model& m = s.model();
  std::vector<FirearmTrace> out;
  std::vector<std::vector<LinkId>> steps_of;  // per trace: the link of every step, in order
  for (VertexId v = 0; v < s.vertex_count(); ++v) {
    const EntityId e = s.Entity(v);
    const std::optional<FirearmInfo> info = m.Firearm(e);
    if (m.KindName(e) != "firearm") continue;
    const std::vector<EntityRecord> records = m.Records(e);
    FirearmTrace t;
    t.firearm = Ref(m, e);
    if (info) {
      t.make = Text(info->make);
      t.model = Text(info->model);
      t.calibre = Text(info->calibre);
      t.serial = Text(info->serial);
    }
    t.records = static_cast<uint32_t>(records.size());
    std::set<std::string> sources;
    for (const EntityRecord& r : records) {
      if (!r.source.empty()) sources.insert(Text(r.source));
    }
    t.sources.assign(sources.begin(), sources.end());
    std::set<LinkId> links;
    const auto out_edges = s.Out(v);
    for (uint64_t i = 0; i < out_edges.size(); ++i) {
      for (const LinkId l : s.EdgeLinks(s.OutEdge(v, i))) links.insert(l);
    }
    std::set<EntityId> seizures;
    std::vector<LinkId> step_links;
    for (const LinkId l : links) {
      const EntityId other = m.From(l) == e ? m.To(l) : m.From(l);
      if (other == e) continue;
      const std::string_view kind = m.KindName(other);
      const std::string_view type = m.TypeName(l);
      FirearmTrace::Step step;
      step.date = FormatDateRange(m.LinkDates(l));
      if (kind == "seizure") {
        step.role = "seizure";
        seizures.insert(other);
      } else if (type == "traced_to") {
        step.role = "trace";
      } else if (kPossession.contains(type)) {
        step.role = "possessor";
      } else {
        step.role = "other";
      }
      step.entity = Ref(m, other);  // its evidence is made once the trace is listed
      t.chain.push_back(std::move(step));
      step_links.push_back(l);
    }
    t.seizures = static_cast<uint32_t>(seizures.size());
    if (t.records < 2 && t.seizures < 2) {
      continue;  // seen once: nothing to trace
    }
    // Date order (by the first second each date covers), undated last, then entity id.
    std::vector<std::pair<TimePoint, size_t>> order;
    for (size_t i = 0; i < t.chain.size(); ++i) {
      const DateRange d = m.LinkDates(step_links[i]);
      order.emplace_back(d.dated() ? d.lo : kOpenEnd, i);
    }
    std::stable_sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
      if (a.first != b.first) return a.first < b.first;
      return t.chain[a.second].entity.id < t.chain[b.second].entity.id;
    });
    std::vector<FirearmTrace::Step> chain;
    std::vector<LinkId> chain_links;
    for (const auto& [d, i] : order) {
      chain.push_back(std::move(t.chain[i]));
      chain_links.push_back(step_links[i]);
    }
    t.chain = std::move(chain);
    out.push_back(std::move(t));
    steps_of.push_back(std::move(chain_links));
  }
  *traced = out.size();
  std::vector<size_t> rank(out.size());
  std::iota(rank.begin(), rank.end(), 0);
  std::stable_sort(rank.begin(), rank.end(), [&](size_t x, size_t y) {
    const FirearmTrace& a = out[x];
    const FirearmTrace& b = out[y];
    if (a.seizures != b.seizures) return a.seizures > b.seizures;
    if (a.records != b.records) return a.records > b.records;
    return a.firearm.id < b.firearm.id;
  });
  if (rank.size() > listed) rank.resize(listed);
  // Only the traces listed cite their links.
  std::vector<FirearmTrace> shown;
  for (const size_t i : rank) {
    FirearmTrace& t = out[i];
    for (size_t k = 0; k < t.chain.size(); ++k) t.chain[k].evidence = ev.Row(steps_of[i][k]);
    shown.push_back(std::move(t));
  }
  return shown;
}

// ---- watch list --------------------------------------------------------------------------

WatchList MakeWatchList(const Snapshot& s, const ReportConfig& c, Evidence& ev) {
  WatchList w;
  std::vector<VertexId> present;
  std::set<std::string> seen;
  for (const std::string& id : c.watch_list) {
    if (!seen.insert(id).second) continue;
    const auto e = s.model().FindEntity(id);
    const VertexId v = e ? s.VertexOf(*e) : kNoVertex;
    if (v == kNoVertex) {
      w.missing.push_back(id);
      continue;
    }
    present.push_back(v);
    w.entities.push_back(Ref(s, v));
  }
  PathOptions po;
  po.weight = PathWeight::kReliability;
  PathFinder finder(s, po);
  auto evidence_of = [&](const std::vector<linkscope::Evidence>& links) {
    std::vector<EvidenceRow> rows;
    for (const linkscope::Evidence& x : links) {
      if (x.link != kNoLink) rows.push_back(ev.Row(x.link));
    }
    return rows;
  };
  for (size_t i = 0; i < present.size(); ++i) {
    for (size_t j = i + 1; j < present.size(); ++j) {
      WatchPath p;
      p.from = Text(s.ExternalId(present[i]));
      p.to = Text(s.ExternalId(present[j]));
      const std::vector<Path> found = finder.Shortest(present[i], present[j], 1);
      if (!found.empty()) {
        const Path& path = found[0];
        p.found = true;
        p.hops = path.hops;
        p.reliability = path.reliability;
        for (const VertexId v : path.vertices) p.entities.push_back(Ref(s, v));
        p.links = evidence_of(path.links);
      }
      w.paths.push_back(std::move(p));
    }
  }
  if (present.size() >= 2) {
    const ConnectingNetwork net = Connect(s, present, po);
    w.connected = net.unreachable.empty();
    std::vector<VertexId> vs = net.vertices;
    std::sort(vs.begin(), vs.end(),
              [&](VertexId a, VertexId b) { return s.ExternalId(a) < s.ExternalId(b); });
    for (const VertexId v : vs) w.network.push_back(Ref(s, v));
    w.network_links = evidence_of(net.links);
    for (const VertexId v : net.unreachable) w.unreachable.push_back(Text(s.ExternalId(v)));
  } else {
    w.connected = present.size() == 1;
  }
  return w;
}

// ---- timeline ----------------------------------------------------------------------------

bool IsOperation(const Model& m, EntityId e) {
  if (m.KindName(e) != "event") return false;
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
  };
  // "operation" as a word: "law-enforcement operation", not "cooperation".
  auto has_word = [](const std::string& text, std::string_view word) {
    for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
      const bool start = at == 0 || !std::isalpha(static_cast<unsigned char>(text[at - 1]));
      const size_t end = at + word.size();
      const bool stop = end == text.size() || !std::isalpha(static_cast<unsigned char>(text[end]));
      if (start && stop) return true;
    }
    return false;
  };
  for (const Property& p : m.Properties(e)) {
    if (p.value.type == PropertyValue::Type::kString && lower(p.key) == "event_type" &&
        has_word(lower(p.value.text), "operation")) {
      return true;
    }
  }
  return lower(m.Name(e)).rfind("operation", 0) == 0;
}

Timeline MakeTimeline(const Model& m) {
  Timeline t;
  struct Key {
    int year;
    std::string country;
    auto operator<=>(const Key&) const = default;
  };
  std::map<Key, std::pair<uint64_t, uint64_t>> cells;
  std::map<std::string, uint64_t> by_country;
  int first = 0, last = 0;
  bool any = false;
  for (EntityId e = 0; e < m.entity_count(); ++e) {
    const bool seizure = m.KindName(e) == "seizure";
    const bool operation = !seizure && IsOperation(m, e);
    if (!seizure && !operation) continue;
    const DateRange d = m.Dates(e);
    if (!d.dated() || d.lo == kOpenStart) {
      (seizure ? t.undated_seizures : t.undated_operations) += 1;
      continue;
    }
    const int year = std::stoi(FormatTimePoint(d.lo).substr(0, 4));
    std::string country = m.Country(e);
    if (country.empty()) country = "unknown";
    auto& cell = cells[{year, country}];
    (seizure ? cell.first : cell.second) += 1;
    ++by_country[country];
    first = any ? std::min(first, year) : year;
    last = any ? std::max(last, year) : year;
    any = true;
  }
  if (!any) return t;
  for (int y = first; y <= last; ++y) t.years.push_back(y);
  std::vector<std::pair<std::string, uint64_t>> countries(by_country.begin(), by_country.end());
  std::stable_sort(countries.begin(), countries.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::set<std::string> named;
  for (size_t i = 0; i < countries.size() && i < kTimelineCountries; ++i) {
    named.insert(countries[i].first);
    t.countries.push_back(countries[i].first);
  }
  if (countries.size() > kTimelineCountries) t.countries.push_back("other");
  std::map<Key, std::pair<uint64_t, uint64_t>> folded;
  for (const auto& [k, v] : cells) {
    auto& f = folded[{k.year, named.contains(k.country) ? k.country : "other"}];
    f.first += v.first;
    f.second += v.second;
  }
  t.seizures_by_year.assign(t.years.size(), 0);
  t.operations_by_year.assign(t.years.size(), 0);
  for (const int y : t.years) {
    for (const std::string& c : t.countries) {
      const auto it = folded.find({y, c});
      if (it == folded.end()) continue;
      t.cells.push_back({y, c, it->second.first, it->second.second});
      t.seizures_by_year[static_cast<size_t>(y - first)] += it->second.first;
      t.operations_by_year[static_cast<size_t>(y - first)] += it->second.second;
    }
  }
  return t;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& x : v) out += (out.empty() ? "" : ",") + x;
  return out;
}

std::vector<std::pair<std::string, std::string>> Parameters(const ReportConfig& c,
                                                            uint8_t max_handling) {
  return {
      {"title", c.title},
      {"method", c.method},
      {"objective", "modularity"},
      {"resolution", FormatNumber(c.resolution)},
      {"seed", fmt::format("{}", c.seed)},
      {"kinds", c.kinds.empty() ? "all" : Join(c.kinds)},
      {"networks", fmt::format("{}", c.networks)},
      {"min_size", fmt::format("{}", c.min_size)},
      {"listed_networks", fmt::format("{}", c.listed_networks)},
      {"drawing_members", fmt::format("{}", c.drawing_members)},
      {"top_entities", fmt::format("{}", c.top_entities)},
      {"key_players", fmt::format("{}", c.key_players)},
      {"exact_betweenness_limit", fmt::format("{}", c.exact_betweenness_limit)},
      {"betweenness_pivots", fmt::format("{}", c.betweenness_pivots)},
      {"key_player_limit", fmt::format("{}", c.key_player_limit)},
      {"firearm_traces", fmt::format("{}", c.firearm_traces)},
      {"risk.size", FormatNumber(c.risk.size)},
      {"risk.convergence", FormatNumber(c.risk.convergence)},
      {"risk.span", FormatNumber(c.risk.span)},
      {"risk.seizures", FormatNumber(c.risk.seizures)},
      {"risk.firearms", FormatNumber(c.risk.firearms)},
      {"watch_list", c.watch_list.empty() ? "none" : Join(c.watch_list)},
      {"max_handling_code", max_handling == 0 ? "none" : fmt::format("{}", max_handling)},
      {"path_weight", "reliability (-log confidence, default grading table)"},
      {"key_player_mode", "fragment (KPP-Neg)"},
  };
}

void CheckConfig(const ReportConfig& c) {
  if (c.method != "leiden" && c.method != "louvain") {
    throw UsageError(fmt::format("report: method must be leiden or louvain, not \"{}\"", c.method));
  }
  if (!(c.resolution >= 0) || !std::isfinite(c.resolution)) {
    throw UsageError("report: resolution must be a number >= 0");
  }
  if (c.key_players == 0) throw UsageError("report: key_players must be >= 1");
  for (const double w : {c.risk.size, c.risk.convergence, c.risk.span, c.risk.seizures,
                         c.risk.firearms}) {
    if (!(w >= 0) || !std::isfinite(w)) throw UsageError("report: risk weights must be >= 0");
  }
}

}  // namespace

Report BuildReport(const Graph& graph, const LoadReport& load,
                   const std::vector<ReportInput>& inputs, const ReportConfig& config,
                   uint8_t max_handling, const ReportProgress& progress) {
  CheckConfig(config);
  uint32_t step = 1;  // 0 is the caller's loading; the last two are WriteReport's
  auto note = [&](std::string_view what) {
    if (progress) progress(what, step, kReportSteps);
    ++step;
  };
  Report r;
  r.title = config.title;
  r.version = std::string(Version());
  r.method = config.method;
  note("statistics");
  r.overview = MakeOverview(graph, load, inputs, max_handling);

  const Snapshot all = graph.TakeSnapshot();
  Evidence ev(all.model());
  // The networks are found on the entities of config.kinds (all of them: the snapshot itself).
  std::optional<Snapshot> narrowed;
  if (!config.kinds.empty()) {
    ViewFilter filter;
    filter.kinds = config.kinds;
    narrowed.emplace(MakeView(all, filter));
  }
  const Snapshot& view = narrowed ? *narrowed : all;
  note("communities");
  Communities c;
  if (config.method == "leiden") {
    LeidenParams p;
    p.resolution = config.resolution;
    p.seed = config.seed;
    p.threads = config.threads;
    c = Leiden(view, p);
  } else {
    LouvainParams p;
    p.resolution = config.resolution;
    p.seed = config.seed;
    p.threads = config.threads;
    c = Louvain(view, p);
  }
  r.modularity = c.modularity;
  r.communities = c.count();
  note("network profiles");
  NetworkStage st = MakeNetworks(view, c, config);
  r.ranked = st.ranked;
  r.convergence = MakeConvergence(view, st);

  note("drawings and key players per network");
  {
    // Members by id for every detailed network.
    std::unordered_map<uint32_t, const CommunityProfile*> profile;
    for (const CommunityProfile& p : st.profiles) profile[p.id] = &p;
    for (Network& n : st.networks) {
      if (!n.detailed) continue;
      const CommunityProfile& p = *profile.at(n.id);
      n.drawing = Draw(view, c.membership, p.members, config);
      std::vector<uint8_t> keep(view.vertex_count(), 0);
      for (const VertexId v : p.members) keep[v] = 1;
      const Snapshot sub = InducedView(view, keep);
      n.key_players = KeyPlayersOf(sub, config.key_players, config.key_player_limit, config.seed,
                                   config.threads);
    }
  }
  r.networks = std::move(st.networks);

  note("betweenness");
  {
    CentralityOptions co;
    co.threads = config.threads;
    co.seed = config.seed;
    if (view.vertex_count() > config.exact_betweenness_limit) {
      co.pivots = std::min(config.betweenness_pivots, view.vertex_count());
      r.key_players.sampled = true;
      r.key_players.pivots = co.pivots;
    }
    const std::vector<double> bc = view.vertex_count() == 0 ? std::vector<double>()
                                                            : Betweenness(view, co).vertex;
    std::vector<VertexId> order(view.vertex_count());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](VertexId a, VertexId b) {
      if (bc[a] != bc[b]) return bc[a] > bc[b];
      return view.ExternalId(a) < view.ExternalId(b);
    });
    for (size_t i = 0; i < order.size() && i < config.top_entities; ++i) {
      r.key_players.betweenness.push_back({Ref(view, order[i]), bc[order[i]]});
    }
  }
  note("key players");
  r.key_players.overall = KeyPlayersOf(view, config.key_players, config.key_player_limit,
                                       config.seed, config.threads);
  note("firearm traces");
  r.firearms = MakeFirearmTraces(all, ev, &r.firearms_traced, config.firearm_traces);
  note("watch list");
  r.watch = MakeWatchList(all, config, ev);
  note("timeline");
  r.timeline = MakeTimeline(all.model());

  r.evidence = ev.All();
  r.handling.max_handling = max_handling;
  r.handling.withheld = load.withheld;
  r.handling.cited = r.evidence.size();
  std::map<std::string, uint64_t> grades;
  for (const EvidenceRow& e : r.evidence) {
    r.handling.cited_without_source += e.source.empty();
    ++grades[e.grade.empty() ? "ungraded" : e.grade];
  }
  for (const auto& [g, n] : grades) r.handling.cited_by_grade.push_back({g, n});
  r.parameters = Parameters(config, max_handling);
  return r;
}

}  // namespace linkscope::report
