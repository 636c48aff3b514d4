// report.json: every figure of the HTML report, machine-readable, in a fixed key order.
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cmath>

#include "report/report_data.hpp"

namespace linkscope::report {
namespace {

class Out {
 public:
  Out() : w_(sb_) { w_.SetIndent(' ', 2); }

  void Key(std::string_view k) { w_.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }
  void Str(std::string_view v) { w_.String(v.data(), static_cast<rapidjson::SizeType>(v.size())); }
  void Num(uint64_t v) { w_.Uint64(v); }
  // Reals are rounded to 12 significant digits, so that the file does not depend on the
  // last bits of a floating-point sum (the same on every run either way).
  void Real(double v) {
    if (!std::isfinite(v)) {
      w_.Null();
      return;
    }
    if (v == std::floor(v) && std::abs(v) < 1e15) {
      w_.Int64(static_cast<int64_t>(v));
      return;
    }
    const double scale = std::pow(10.0, 11 - std::floor(std::log10(std::abs(v))));
    w_.Double(std::round(v * scale) / scale);
  }
  void Bool(bool v) { w_.Bool(v); }

  void S(std::string_view k, std::string_view v) { Key(k), Str(v); }
  void N(std::string_view k, uint64_t v) { Key(k), Num(v); }
  void R(std::string_view k, double v) { Key(k), Real(v); }
  void B(std::string_view k, bool v) { Key(k), Bool(v); }

  void Begin() { w_.StartObject(); }
  void Begin(std::string_view k) { Key(k), w_.StartObject(); }
  void End() { w_.EndObject(); }
  void List() { w_.StartArray(); }
  void List(std::string_view k) { Key(k), w_.StartArray(); }
  void EndList() { w_.EndArray(); }

  void Counts(std::string_view k, const std::vector<Count>& v) {
    Begin(k);
    for (const Count& c : v) N(c.key, c.count);
    End();
  }
  void Strings(std::string_view k, const std::vector<std::string>& v) {
    List(k);
    for (const std::string& s : v) Str(s);
    EndList();
  }
  void Ids(std::string_view k, const std::vector<uint32_t>& v) {
    List(k);
    for (const uint32_t x : v) Num(x);
    EndList();
  }
  void Entity(const EntityRef& e) {
    Begin();
    EntityFields(e);
    End();
  }
  void EntityFields(const EntityRef& e) {
    S("id", e.id);
    S("name", e.name);
    S("kind", e.kind);
    S("country", e.country);
  }
  void Entities(std::string_view k, const std::vector<EntityRef>& v) {
    List(k);
    for (const EntityRef& e : v) Entity(e);
    EndList();
  }
  void Evidence(const EvidenceRow& e) {
    Begin();
    S("from", e.from);
    S("to", e.to);
    S("type", e.type);
    S("date", e.date);
    S("source", e.source);
    S("grade", e.grade);
    R("confidence", e.confidence);
    N("handling", e.handling);
    S("link_id", e.link_id);
    End();
  }
  void Evidences(std::string_view k, const std::vector<EvidenceRow>& v) {
    List(k);
    for (const EvidenceRow& e : v) Evidence(e);
    EndList();
  }
  void Frag(std::string_view k, const Fragmentation& f) {
    Begin(k);
    N("entities", f.entities);
    N("components", f.components);
    N("largest_component", f.largest_component);
    R("largest_share", f.largest_share);
    R("fragmentation", f.fragmentation);
    End();
  }
  void KeySet(std::string_view k, const KeyPlayerSet& s) {
    Begin(k);
    B("computed", s.computed);
    S("note", s.note);
    Entities("set", s.set);
    if (s.computed) {
      Frag("before", s.before);
      Frag("after", s.after);
    }
    End();
  }

  std::string Take() {
    std::string out(sb_.GetString(), sb_.GetSize());
    out += '\n';
    return out;
  }

 private:
  rapidjson::StringBuffer sb_;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w_;
};

void Overview_(Out& o, const Overview& v) {
  o.Begin("overview");
  o.List("files");
  for (const Overview::File& f : v.files) {
    o.Begin();
    o.S("path", f.path);
    o.S("format", f.format);
    o.S("sha256", f.sha256);
    o.N("bytes", f.bytes);
    o.N("records", f.records);
    o.N("entity_records", f.entity_records);
    o.N("links", f.links);
    o.N("rejected", f.rejected);
    o.N("withheld", f.withheld);
    o.End();
  }
  o.EndList();
  o.N("records", v.records);
  o.N("rejected", v.rejected);
  o.N("withheld", v.withheld);
  o.N("warnings", v.warnings);
  o.Strings("rejected_examples", v.rejected_examples);
  o.Begin("statistics");
  o.N("entities", v.entities);
  o.N("links", v.links);
  o.N("implicit_entities", v.implicit_entities);
  o.N("firearms", v.firearms);
  o.N("firearm_records", v.firearm_records);
  o.N("merged_firearm_records", v.merged_firearm_records);
  o.N("distinct_pairs", v.distinct_pairs);
  o.N("isolates", v.isolates);
  o.N("components", v.components);
  o.N("largest_component", v.largest_component);
  o.N("graded_links", v.graded_links);
  o.S("first_date", v.first_date);
  o.S("last_date", v.last_date);
  o.Counts("by_kind", v.by_kind);
  o.Counts("by_link_type", v.by_link_type);
  o.Counts("by_grade", v.by_grade);
  o.End();
  o.End();
}

void Network_(Out& o, const Network& n) {
  o.Begin();
  o.N("rank", n.rank);
  o.N("id", n.id);
  o.R("risk", n.risk);
  o.Begin("risk_terms");
  o.R("size", n.terms.size);
  o.R("convergence", n.terms.convergence);
  o.R("span", n.terms.span);
  o.R("seizures", n.terms.seizures);
  o.R("firearms", n.terms.firearms);
  o.End();
  o.N("size", n.size);
  o.N("internal_links", n.internal_links);
  o.N("external_links", n.external_links);
  o.R("density", n.density);
  o.Counts("kinds", n.kinds);
  o.Counts("commodities", n.commodities);
  o.N("categories", n.categories);
  o.R("entropy", n.entropy);
  o.Counts("countries", n.countries);
  o.N("seizures", n.seizures);
  o.N("firearms", n.firearms);
  o.List("top_members");
  for (const Member& m : n.top_members) {
    o.Begin();
    o.EntityFields(m.entity);
    o.R("strength", m.strength);
    o.End();
  }
  o.EndList();
  o.N("bridge_count", n.bridge_count);
  o.List("bridges");
  for (const Bridge& b : n.bridges) {
    o.Begin();
    o.EntityFields(b.entity);
    o.Ids("networks", b.networks);
    o.End();
  }
  o.EndList();
  o.Strings("members", n.members);
  o.B("detailed", n.detailed);
  if (n.detailed) {
    o.Begin("drawing");
    o.N("members", n.drawing.members);
    o.List("nodes");
    for (const Drawing::Node& x : n.drawing.nodes) {
      o.Begin();
      o.S("id", x.id);
      o.S("label", x.label);
      o.S("kind", x.kind);
      o.R("x", x.x);
      o.R("y", x.y);
      o.R("size", x.size);
      o.B("labelled", x.labelled);
      o.End();
    }
    o.EndList();
    o.List("edges");
    for (const auto& [a, b] : n.drawing.edges) {
      o.List();
      o.Num(a);
      o.Num(b);
      o.EndList();
    }
    o.EndList();
    o.End();
    o.KeySet("key_players", n.key_players);
  }
  o.End();
}

void Brokers(Out& o, std::string_view k, const std::vector<Broker>& v) {
  o.List(k);
  for (const Broker& b : v) {
    o.Begin();
    o.EntityFields(b.entity);
    o.Ids("networks", b.networks);
    o.Strings("categories", b.categories);
    o.End();
  }
  o.EndList();
}

}  // namespace

std::string RenderJson(const Report& r) {
  Out o;
  o.Begin();
  o.S("title", r.title);
  o.S("linkscope_version", r.version);
  Overview_(o, r.overview);

  o.Begin("networks");
  o.S("method", r.method);
  o.R("modularity", r.modularity);
  o.N("communities", r.communities);
  o.N("ranked", r.ranked);
  o.N("listed", r.networks.size());
  o.List("ranking");
  for (const Network& n : r.networks) Network_(o, n);
  o.EndList();
  o.End();

  o.Begin("convergence");
  o.Ids("networks", r.convergence.networks);
  o.N("brokers_total", r.convergence.brokers_total);
  Brokers(o, "brokers", r.convergence.brokers);
  Brokers(o, "connectors", r.convergence.connectors);
  o.End();

  o.Begin("key_players");
  o.B("sampled", r.key_players.sampled);
  o.N("pivots", r.key_players.pivots);
  o.List("betweenness");
  for (const Central& c : r.key_players.betweenness) {
    o.Begin();
    o.EntityFields(c.entity);
    o.R("score", c.score);
    o.End();
  }
  o.EndList();
  o.KeySet("overall", r.key_players.overall);
  o.End();

  o.Begin("firearm_traces");
  o.N("traced", r.firearms_traced);
  o.N("listed", r.firearms.size());
  o.List("firearms");
  for (const FirearmTrace& t : r.firearms) {
    o.Begin();
    o.EntityFields(t.firearm);
    o.S("make", t.make);
    o.S("model", t.model);
    o.S("calibre", t.calibre);
    o.S("serial", t.serial);
    o.N("records", t.records);
    o.Strings("sources", t.sources);
    o.N("seizures", t.seizures);
    o.List("chain");
    for (const FirearmTrace::Step& s : t.chain) {
      o.Begin();
      o.S("date", s.date);
      o.S("role", s.role);
      o.Key("entity");
      o.Entity(s.entity);
      o.Key("evidence");
      o.Evidence(s.evidence);
      o.End();
    }
    o.EndList();
    o.End();
  }
  o.EndList();
  o.End();

  o.Begin("watch_list");
  o.Entities("entities", r.watch.entities);
  o.Strings("missing", r.watch.missing);
  o.List("paths");
  for (const WatchPath& p : r.watch.paths) {
    o.Begin();
    o.S("from", p.from);
    o.S("to", p.to);
    o.B("found", p.found);
    o.N("hops", p.hops);
    o.R("reliability", p.reliability);
    o.Entities("entities", p.entities);
    o.Evidences("links", p.links);
    o.End();
  }
  o.EndList();
  o.Begin("connecting_network");
  o.B("connected", r.watch.connected);
  o.Entities("entities", r.watch.network);
  o.Evidences("links", r.watch.network_links);
  o.Strings("unreachable", r.watch.unreachable);
  o.End();
  o.End();

  o.Begin("timeline");
  o.List("years");
  for (const int y : r.timeline.years) o.Num(static_cast<uint64_t>(y));
  o.EndList();
  o.Strings("countries", r.timeline.countries);
  o.List("seizures_by_year");
  for (const uint64_t x : r.timeline.seizures_by_year) o.Num(x);
  o.EndList();
  o.List("operations_by_year");
  for (const uint64_t x : r.timeline.operations_by_year) o.Num(x);
  o.EndList();
  o.List("cells");
  for (const Timeline::Cell& c : r.timeline.cells) {
    o.Begin();
    o.N("year", static_cast<uint64_t>(c.year));
    o.S("country", c.country);
    o.N("seizures", c.seizures);
    o.N("operations", c.operations);
    o.End();
  }
  o.EndList();
  o.N("undated_seizures", r.timeline.undated_seizures);
  o.N("undated_operations", r.timeline.undated_operations);
  o.End();

  o.Begin("handling");
  o.N("max_handling_code", r.handling.max_handling);
  o.N("withheld", r.handling.withheld);
  o.N("cited", r.handling.cited);
  o.N("cited_without_source", r.handling.cited_without_source);
  o.Counts("cited_by_grade", r.handling.cited_by_grade);
  o.End();

  o.Evidences("evidence", r.evidence);

  o.Begin("reproducibility");
  o.S("linkscope_version", r.version);
  o.List("inputs");
  for (const Overview::File& f : r.overview.files) {
    o.Begin();
    o.S("path", f.path);
    o.S("sha256", f.sha256);
    o.N("bytes", f.bytes);
    o.End();
  }
  o.EndList();
  o.Begin("parameters");
  for (const auto& [k, v] : r.parameters) o.S(k, v);
  o.End();
  o.End();
  o.End();
  return o.Take();
}

}  // namespace linkscope::report
