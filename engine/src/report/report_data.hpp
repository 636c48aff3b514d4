// The report as data (internal): what the builder computes and the HTML, JSON and CSV writers
// print. Every list is in its final order; every text is ready to print (ids, names, ISO dates).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "linkscope/report/report.hpp"

namespace linkscope::report {

struct Count {
  std::string key;
  uint64_t count = 0;
};

struct EntityRef {
  std::string id;
  std::string name;  // "" when none
  std::string kind;
  std::string country;  // ISO alpha-2, "" when none
};

// One link the report asserts, with what backs it.
struct EvidenceRow {
  std::string from, to;  // external ids, in the direction of the record
  std::string type;
  std::string date;    // ISO 8601, "" when undated
  std::string source;  // the record's source reference, "" when none
  std::string grade;   // e.g. "B2", "" when ungraded
  double confidence = 1;
  uint32_t handling = 0;  // 0 when none recorded
  std::string link_id;    // the record's own id, "" when none
};

struct Overview {
  struct File {
    std::string path, format, sha256;
    uint64_t bytes = 0, records = 0, entity_records = 0, links = 0, rejected = 0, withheld = 0;
  };
  std::vector<File> files;
  uint64_t records = 0;
  uint64_t rejected = 0;
  uint64_t withheld = 0;
  uint64_t warnings = 0;
  std::vector<std::string> rejected_examples;  // "file:line:column: reason", the first few
  uint64_t entities = 0, links = 0, implicit_entities = 0, firearms = 0, firearm_records = 0,
           merged_firearm_records = 0, distinct_pairs = 0, isolates = 0, components = 0,
           largest_component = 0, graded_links = 0;
  std::string first_date, last_date;  // of dated links, "" when none
  std::vector<Count> by_kind, by_link_type, by_grade;
};

// A drawing of a network: positions in [0, 1]².
struct Drawing {
  struct Node {
    std::string id, label, kind;
    double x = 0, y = 0;
    double size = 0;  // in [0, 1]: the member's betweenness inside the network, scaled
    bool labelled = false;
  };
  std::vector<Node> nodes;
  std::vector<std::pair<uint32_t, uint32_t>> edges;  // indices into nodes
  uint64_t members = 0;                               // all members (nodes may be fewer)
};

struct Fragmentation {
  uint32_t entities = 0;
  uint32_t components = 0;
  uint32_t largest_component = 0;
  double largest_share = 0;
  double fragmentation = 0;
};

struct KeyPlayerSet {
  bool computed = false;
  std::string note;  // why not, when not computed
  std::vector<EntityRef> set;
  Fragmentation before, after;
};

struct Member {
  EntityRef entity;
  double strength = 0;
};

struct Bridge {
  EntityRef entity;
  std::vector<uint32_t> networks;  // other networks (community ids) it links to
};

struct Network {
  uint32_t id = 0;    // community id (communities numbered by size, then smallest id)
  uint32_t rank = 0;  // 1 = highest risk
  double risk = 0;    // 0-100
  struct Terms {
    double size = 0, convergence = 0, span = 0, seizures = 0, firearms = 0;
  } terms;
  uint64_t size = 0, internal_links = 0, external_links = 0;
  double density = 0;
  std::vector<Count> kinds, commodities, countries;
  uint32_t categories = 0;
  double entropy = 0;
  uint64_t seizures = 0;
  uint64_t firearms = 0;  // firearms and ammunition in the mix
  std::vector<Member> top_members;
  std::vector<Bridge> bridges;
  uint64_t bridge_count = 0;
  std::vector<std::string> members;  // external ids, sorted
  std::vector<EntityRef> member_entities;  // the same members, with name, kind and country
  bool detailed = false;             // among the networks described in full
  Drawing drawing;                   // detailed networks only
  KeyPlayerSet key_players;          // detailed networks only
};

// An entity linked to several networks, with the commodity categories those networks reach.
struct Broker {
  EntityRef entity;
  std::vector<uint32_t> networks;
  std::vector<std::string> categories;
};

struct Convergence {
  std::vector<uint32_t> networks;  // ids of ranked networks with 2+ categories, by rank
  std::vector<Broker> brokers;     // span firearms and another category, most categories first
  uint64_t brokers_total = 0;      // all of them (brokers lists the first 100)
  std::vector<Broker> connectors;  // link the most networks
};

struct Central {
  EntityRef entity;
  double score = 0;
};

struct KeyPlayers {
  std::vector<Central> betweenness;
  bool sampled = false;
  uint32_t pivots = 0;
  KeyPlayerSet overall;
};

struct FirearmTrace {
  EntityRef firearm;
  std::string make, model, calibre, serial;
  uint32_t records = 0;                  // records merged into this firearm
  std::vector<std::string> sources;      // sources of those records, sorted, distinct
  uint32_t seizures = 0;
  struct Step {
    std::string date;     // of the link, "" when undated (undated steps come last)
    std::string role;     // "seizure", "possessor", "trace", "other"
    EntityRef entity;     // the seizure or person at this step
    EvidenceRow evidence;
  };
  std::vector<Step> chain;
};

struct WatchPath {
  std::string from, to;
  bool found = false;
  uint32_t hops = 0;
  double reliability = 0;
  std::vector<EntityRef> entities;
  std::vector<EvidenceRow> links;
};

struct WatchList {
  std::vector<EntityRef> entities;  // the watched ids present in the data
  std::vector<std::string> missing;  // watched ids not in the data
  std::vector<WatchPath> paths;      // every pair, in the order of the list
  bool connected = false;            // the connecting network reaches every watched entity
  std::vector<EntityRef> network;    // its entities
  std::vector<EvidenceRow> network_links;
  std::vector<std::string> unreachable;
};

struct Timeline {
  std::vector<int> years;               // ascending, every year between the first and last
  std::vector<std::string> countries;   // the most active first (at most 12, then "other")
  struct Cell {
    int year = 0;
    std::string country;
    uint64_t seizures = 0, operations = 0;
  };
  std::vector<Cell> cells;  // non-zero only, by year then country order
  std::vector<uint64_t> seizures_by_year, operations_by_year;  // aligned with years
  uint64_t undated_seizures = 0, undated_operations = 0;
};

struct Handling {
  uint32_t max_handling = 0;  // 0: no limit applied
  uint64_t withheld = 0;      // links left out
  uint64_t cited = 0;         // distinct links the report cites
  uint64_t cited_without_source = 0;
  std::vector<Count> cited_by_grade;
};

struct Report {
  std::string title;
  std::string version;
  Overview overview;
  std::string method;
  double modularity = 0;
  uint64_t communities = 0;     // all communities found
  uint64_t ranked = 0;          // of at least min_size
  std::vector<Network> networks;  // ranked (at most listed_networks), by risk
  Convergence convergence;
  KeyPlayers key_players;
  std::vector<FirearmTrace> firearms;
  uint64_t firearms_traced = 0;  // all firearms with 2+ records or seizures (listed: fewer)
  WatchList watch;
  Timeline timeline;
  Handling handling;
  std::vector<std::pair<std::string, std::string>> parameters;  // name -> value, as printed
  std::vector<EvidenceRow> evidence;  // every link cited, distinct, sorted
};

// Builds it (the long part); progress as in WriteReport.
Report BuildReport(const Graph& graph, const LoadReport& load,
                   const std::vector<ReportInput>& inputs, const ReportConfig& config,
                   uint8_t max_handling, const ReportProgress& progress);

// The three writers. Text formatting of numbers is shared: FormatNumber.
std::string RenderHtml(const Report& r);
std::string RenderJson(const Report& r);
// (file name, content) of every CSV table.
std::vector<std::pair<std::string, std::string>> RenderCsv(const Report& r);

// Numbers as every writer prints them: integers plainly, others with at most 6 significant
// digits ("0.0432", "12.5"), never an exponent for values people read.
std::string FormatNumber(double x);

}  // namespace linkscope::report
