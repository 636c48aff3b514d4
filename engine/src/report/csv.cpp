// The report's CSV tables (RFC 4180), one per section that has rows.
#include <fmt/format.h>

#include <iterator>

#include "core/text.hpp"
#include "report/report_data.hpp"

namespace linkscope::report {
namespace {

class Table {
 public:
  explicit Table(std::initializer_list<std::string_view> header) {
    for (const std::string_view h : header) Cell(h);
    EndRow();
  }
  Table& Cell(std::string_view v) {
    if (!first_) out_ += ',';
    first_ = false;
    detail::AppendCsvField(out_, v);
    return *this;
  }
  Table& Cell(uint64_t v) { return Cell(fmt::format("{}", v)); }
  Table& Real(double v) { return Cell(FormatNumber(v)); }
  void EndRow() {
    out_ += "\r\n";
    first_ = true;
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
  bool first_ = true;
};

std::string Mix(const std::vector<Count>& v) {
  std::string out;
  for (const Count& c : v) {
    if (!out.empty()) out += ';';
    fmt::format_to(std::back_inserter(out), "{}:{}", c.key, c.count);
  }
  return out;
}

void EvidenceCells(Table& t, const EvidenceRow& e) {
  t.Cell(e.from).Cell(e.to).Cell(e.type).Cell(e.date).Cell(e.source).Cell(e.grade);
  t.Real(e.confidence).Cell(uint64_t{e.handling}).Cell(e.link_id);
}

}  // namespace

std::vector<std::pair<std::string, std::string>> RenderCsv(const Report& r) {
  std::vector<std::pair<std::string, std::string>> out;

  Table inputs({"path", "format", "sha256", "bytes", "records", "entity_records", "links",
                "rejected", "withheld"});
  for (const Overview::File& f : r.overview.files) {
    inputs.Cell(f.path).Cell(f.format).Cell(f.sha256).Cell(f.bytes).Cell(f.records);
    inputs.Cell(f.entity_records).Cell(f.links).Cell(f.rejected).Cell(f.withheld);
    inputs.EndRow();
  }
  out.emplace_back("inputs.csv", inputs.Take());

  Table networks({"rank", "id", "risk", "size", "internal_links", "external_links", "density",
                  "categories", "entropy", "commodities", "countries", "seizures", "firearms",
                  "kinds", "top_members"});
  Table members({"network", "id", "name", "kind", "country"});
  for (const Network& n : r.networks) {
    networks.Cell(uint64_t{n.rank}).Cell(uint64_t{n.id}).Real(n.risk).Cell(n.size);
    networks.Cell(n.internal_links).Cell(n.external_links).Real(n.density);
    networks.Cell(uint64_t{n.categories}).Real(n.entropy).Cell(Mix(n.commodities));
    networks.Cell(Mix(n.countries)).Cell(n.seizures).Cell(n.firearms).Cell(Mix(n.kinds));
    std::string top;
    for (const Member& m : n.top_members) top += (top.empty() ? "" : ";") + m.entity.id;
    networks.Cell(top);
    networks.EndRow();
    for (const EntityRef& e : n.member_entities) {
      members.Cell(uint64_t{n.id}).Cell(e.id).Cell(e.name).Cell(e.kind).Cell(e.country);
      members.EndRow();
    }
  }
  out.emplace_back("networks.csv", networks.Take());
  out.emplace_back("network_members.csv", members.Take());

  Table keys({"scope", "measure", "id", "name", "kind", "score"});
  for (const Central& c : r.key_players.betweenness) {
    keys.Cell("overall").Cell(r.key_players.sampled ? "betweenness (sampled)" : "betweenness");
    keys.Cell(c.entity.id).Cell(c.entity.name).Cell(c.entity.kind).Real(c.score);
    keys.EndRow();
  }
  auto kpp = [&](std::string_view scope, const KeyPlayerSet& s) {
    for (const EntityRef& e : s.set) {
      keys.Cell(scope).Cell("kpp-neg").Cell(e.id).Cell(e.name).Cell(e.kind);
      keys.Real(s.after.fragmentation);
      keys.EndRow();
    }
  };
  kpp("overall", r.key_players.overall);
  for (const Network& n : r.networks) {
    if (n.detailed) kpp(fmt::format("network {}", n.id), n.key_players);
  }
  out.emplace_back("key_players.csv", keys.Take());

  Table convergence({"list", "id", "name", "kind", "networks", "categories"});
  auto brokers = [&](std::string_view list, const std::vector<Broker>& v) {
    for (const Broker& b : v) {
      std::string nets, cats;
      for (const uint32_t x : b.networks) nets += fmt::format("{}{}", nets.empty() ? "" : ";", x);
      for (const std::string& c : b.categories) cats += (cats.empty() ? "" : ";") + c;
      convergence.Cell(list).Cell(b.entity.id).Cell(b.entity.name).Cell(b.entity.kind);
      convergence.Cell(nets).Cell(cats);
      convergence.EndRow();
    }
  };
  brokers("broker", r.convergence.brokers);
  brokers("connector", r.convergence.connectors);
  out.emplace_back("convergence.csv", convergence.Take());

  Table firearms({"firearm", "serial", "make", "model", "calibre", "records", "seizures", "date",
                  "role", "entity", "entity_name", "entity_kind", "link_from", "link_to", "type",
                  "link_date", "source", "grade", "confidence", "handling", "link_id"});
  for (const FirearmTrace& t : r.firearms) {
    for (const FirearmTrace::Step& s : t.chain) {
      firearms.Cell(t.firearm.id).Cell(t.serial).Cell(t.make).Cell(t.model).Cell(t.calibre);
      firearms.Cell(uint64_t{t.records}).Cell(uint64_t{t.seizures}).Cell(s.date).Cell(s.role);
      firearms.Cell(s.entity.id).Cell(s.entity.name).Cell(s.entity.kind);
      EvidenceCells(firearms, s.evidence);
      firearms.EndRow();
    }
  }
  out.emplace_back("firearm_traces.csv", firearms.Take());

  Table paths({"from", "to", "found", "hops", "reliability", "step", "link_from", "link_to",
               "type", "date", "source", "grade", "confidence", "handling", "link_id"});
  for (const WatchPath& p : r.watch.paths) {
    if (!p.found) {
      paths.Cell(p.from).Cell(p.to).Cell("no").Cell("").Cell("");
      for (int i = 0; i < 10; ++i) paths.Cell("");
      paths.EndRow();
      continue;
    }
    for (size_t i = 0; i < p.links.size(); ++i) {
      paths.Cell(p.from).Cell(p.to).Cell("yes").Cell(uint64_t{p.hops}).Real(p.reliability);
      paths.Cell(uint64_t{i + 1});
      EvidenceCells(paths, p.links[i]);
      paths.EndRow();
    }
  }
  out.emplace_back("watch_paths.csv", paths.Take());

  Table timeline({"year", "country", "seizures", "operations"});
  for (const Timeline::Cell& c : r.timeline.cells) {
    timeline.Cell(fmt::format("{}", c.year)).Cell(c.country).Cell(c.seizures).Cell(c.operations);
    timeline.EndRow();
  }
  out.emplace_back("timeline.csv", timeline.Take());

  Table evidence({"from", "to", "type", "date", "source", "grade", "confidence", "handling",
                  "link_id"});
  for (const EvidenceRow& e : r.evidence) {
    EvidenceCells(evidence, e);
    evidence.EndRow();
  }
  out.emplace_back("evidence.csv", evidence.Take());

  Table params({"parameter", "value"});
  for (const auto& [k, v] : r.parameters) {
    params.Cell(k).Cell(v);
    params.EndRow();
  }
  params.Cell("linkscope_version").Cell(r.version);
  params.EndRow();
  out.emplace_back("parameters.csv", params.Take());
  return out;
}

}  // namespace linkscope::report
