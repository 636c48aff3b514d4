#include "linkscope/gen/generator.hpp"

#include <fmt/format.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "linkscope/core/date.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/core/rng.hpp"

namespace linkscope {
namespace {

// ---------------------------------------------------------------------------------------------
// Vocabulary of the synthetic world. Countries follow the documented routes of the four trades.

enum Trade : uint8_t { kFirearms = 0, kGold, kDrugs, kWildlife, kTradeCount };
constexpr const char* kTradeName[kTradeCount] = {"firearms", "gold", "drugs", "wildlife"};

struct Route {
  std::vector<const char*> source, transit, destination;
};
const Route kRoutes[kTradeCount] = {
    {{"US", "BE", "TR", "CZ", "RS"},
     {"PA", "CR", "GH", "NG", "AE"},
     {"CO", "EC", "BR", "CD", "GH"}},
    {{"CD", "GH", "BR", "EC", "PE"}, {"UG", "RW", "PA", "AE", "TR"}, {"AE", "CH", "IN", "TR"}},
    {{"CO", "EC", "PE", "BO"}, {"CR", "PA", "BR", "GH", "NG"}, {"ES", "NL", "BE", "US", "IT"}},
    {{"CD", "MZ", "TZ", "NG", "CM"}, {"KE", "NG", "AE", "MY"}, {"VN", "CN", "TH"}},
};

constexpr const char* kSyllables[] = {"ka", "lo", "mi", "ra", "te", "zu", "no", "vi", "sa", "de",
                                      "ba", "ko", "ri", "na", "to", "le", "ma", "su", "fe", "go",
                                      "ya", "di", "po", "ne", "ru", "xa", "bi", "lu", "ze", "ho"};
constexpr const char* kMakes[] = {"Glock", "Beretta", "Smith & Wesson", "Taurus",    "Zastava",
                                  "CZ",    "Norinco", "Browning",       "Sig Sauer", "Ruger"};
constexpr const char* kModels[] = {"17",   "92FS",     "M&P9", "G2C", "M70",   "75",
                                   "NP22", "Hi-Power", "P226", "SR9", "AK-47", "M16"};
constexpr const char* kCalibres[] = {"9mm",       "9mm",       "9mm",         ".45 ACP",
                                     "7.62x39mm", "5.56x45mm", ".38 Special", "12 gauge"};
constexpr const char* kDrugTypes[] = {"cocaine", "cocaine", "heroin", "cannabis resin",
                                      "methamphetamine"};
constexpr const char* kSpecies[] = {
    "Loxodonta africana ivory (CITES I)", "Manis gigantea scales (CITES I)",
    "Diceros bicornis horn (CITES I)", "Geochelone elegans (CITES I)",
    "Pterocarpus santalinus timber (CITES II)"};
constexpr const char* kGoldForms[] = {"dore bars 85%", "nuggets", "refined bars 99.5%",
                                      "gold dust"};

double D(uint64_t x) { return static_cast<double>(x); }

std::string Pick(Rng& rng, const std::vector<const char*>& v) { return v[rng.Below(v.size())]; }
template <size_t N>
const char* Pick(Rng& rng, const char* const (&v)[N]) {
  return v[rng.Below(N)];
}

std::string Word(Rng& rng, int syllables) {
  std::string w;
  for (int i = 0; i < syllables; ++i) w += kSyllables[rng.Below(std::size(kSyllables))];
  w[0] = static_cast<char>(w[0] - 'a' + 'A');
  return w;
}

// ---------------------------------------------------------------------------------------------
// Output

class Writer {
 public:
  Writer(const std::string& path) : path_(path) {
    file_ = std::fopen(path.c_str(), "wb");
    if (!file_) throw IoError("cannot write " + path + ": " + std::strerror(errno));
    buf_.reserve(kFlush + 4096);
  }
  ~Writer() {
    if (file_) std::fclose(file_);
  }
  void Append(std::string_view s) {
    buf_.append(s);
    if (buf_.size() >= kFlush) Flush();
  }
  void Close() {
    Flush();
    if (std::fclose(file_) != 0) {
      file_ = nullptr;
      throw IoError("cannot write " + path_ + ": " + std::strerror(errno));
    }
    file_ = nullptr;
  }
  uint64_t bytes() const { return bytes_ + buf_.size(); }

 private:
  static constexpr size_t kFlush = size_t{1} << 20;
  void Flush() {
    if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), file_) != buf_.size()) {
      throw IoError("cannot write " + path_ + ": " + std::strerror(errno));
    }
    bytes_ += buf_.size();
    buf_.clear();
  }
  std::string path_;
  FILE* file_ = nullptr;
  std::string buf_;
  uint64_t bytes_ = 0;
};

using Json = rapidjson::Writer<rapidjson::StringBuffer>;

struct Prop {
  const char* key;
  std::string text;
  double number = 0;
  bool is_number = false;
};

// ---------------------------------------------------------------------------------------------
// The world

struct Entity {
  std::string id;
  int network = -1;  // planted network, -1 = shared infrastructure or unaffiliated
  const char* role = "";
};

struct Gun {
  std::vector<uint32_t> records;  // entity indices of the records describing it
  int network = -1;
};

struct Network {
  int id = 0;
  uint64_t size = 0;
  std::array<bool, kTradeCount> trades{};
  std::string source, transit, destination;
  std::vector<uint32_t> persons, phones, accounts, vehicles, orgs, guns, ammo, seizures,
      commodities, meetings, documents;
  int case_entity = -1;
};

class Generator {
 public:
  Generator(const GeneratorOptions& o, Writer& out, Writer& truth)
      : o_(o), rng_(o.seed), out_(out), truth_(truth) {}

  GeneratorReport Run();

 private:
  // Budget of entity records per kind.
  struct Budget {
    uint64_t persons, phones, accounts, vehicles, orgs, firearm_records, ammo, seizures,
        commodities, locations, operations, meetings, cases, documents;
  };

  uint32_t NewEntity(const char* prefix, uint64_t number, int network, const char* role) {
    entities_.push_back(Entity{fmt::format("{}{:0{}}", prefix, number, width_), network, role});
    return static_cast<uint32_t>(entities_.size() - 1);
  }
  const std::string& Id(uint32_t e) const { return entities_[e].id; }

  std::string Date(int year_lo, int year_hi) {
    const int y = static_cast<int>(rng_.Between(year_lo, year_hi));
    const int m = static_cast<int>(rng_.Between(1, 12));
    const int d = static_cast<int>(rng_.Between(1, 28));
    return fmt::format("{:04}-{:02}-{:02}", y, m, d);
  }
  std::string AnyDate() { return Date(o_.first_year, o_.last_year); }
  // A date a few days to months after `date`.
  std::string After(const std::string& date, int max_days) {
    std::string err;
    auto r = ParseDate(date, &err);
    const int64_t last = DaysFromCivil(o_.last_year, 12, 31);
    const int64_t days = std::min(r->lo / 86400 + rng_.Between(1, max_days), last);
    return FormatDateRange(DateRange{days * 86400, days * 86400 + 86399});
  }

  const char* Grade(const char* const* choices, size_t n) { return choices[rng_.Below(n)]; }

  void BeginRecord() {
    sb_.Clear();
    json_.Reset(sb_);
  }
  void EndRecord() {
    out_.Append(std::string_view(sb_.GetString(), sb_.GetSize()));
    out_.Append("\n");
  }
  void Key(const char* k) { json_.Key(k); }
  void Str(const char* k, std::string_view v) {
    json_.Key(k);
    json_.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
  }

  void WriteEntity(uint32_t e, const char* kind, const std::string& name, const char* country,
                   const std::string& date, const std::string& source,
                   const std::vector<std::pair<const char*, std::string>>& fields,
                   const std::vector<Prop>& props, const std::vector<std::string>& aliases = {},
                   double quantity = -1) {
    BeginRecord();
    json_.StartObject();
    Str("record", "entity");
    Str("id", Id(e));
    Str("kind", kind);
    if (!name.empty()) Str("name", name);
    if (!aliases.empty()) {
      Key("aliases");
      json_.StartArray();
      for (const auto& a : aliases) json_.String(a.c_str());
      json_.EndArray();
    }
    if (country && *country) Str("country", country);
    if (!date.empty()) Str("date", date);
    if (!source.empty()) Str("source", source);
    for (const auto& [k, v] : fields) Str(k, v);
    if (quantity >= 0) {
      Key("quantity");
      json_.Double(quantity);
    }
    if (!props.empty()) {
      Key("properties");
      json_.StartObject();
      for (const Prop& p : props) {
        Key(p.key);
        if (p.is_number) {
          json_.Double(p.number);
        } else {
          json_.String(p.text.c_str());
        }
      }
      json_.EndObject();
    }
    json_.EndObject();
    EndRecord();
    ++report_.entity_records;
    truth_.Append(fmt::format(
        "{},{},{}\n", Id(e),
        entities_[e].network < 0 ? std::string() : fmt::format("N{:04}", entities_[e].network),
        entities_[e].role));
  }

  // A graded, dated link. `weight` is a strength (a count of calls, say); an amount of money
  // is no strength, so a payment carries it as the property "amount" instead.
  void Link(uint32_t from, uint32_t to, const char* type, const std::string& date,
            const std::string& source, const char* grade, int handling, double weight = 0,
            int directed = -1, double amount = 0) {
    BeginRecord();
    json_.StartObject();
    Str("record", "link");
    Str("from", Id(from));
    Str("to", Id(to));
    Str("type", type);
    if (directed >= 0) {
      Key("directed");
      json_.Bool(directed == 1);
    }
    if (weight > 0) {
      Key("weight");
      json_.Double(weight);
    }
    if (!date.empty()) Str("date", date);
    if (!source.empty()) Str("source", source);
    if (grade && *grade) Str("grade", grade);
    if (handling > 0) {
      Key("handling");
      json_.Int(handling);
    }
    if (amount > 0) {
      Key("properties");
      json_.StartObject();
      Key("amount");
      json_.Double(amount);
      json_.EndObject();
    }
    json_.EndObject();
    EndRecord();
    ++report_.links;
  }

  Budget Plan() const;
  uint64_t Take(uint64_t& pool, double want);
  void Populate(Network& net, Budget& b, const Budget& total, double share, double fire_share,
                double goods_share);
  void MakeShared(const Budget& b);
  void MakeNetworks(Budget& b);
  void WriteNetwork(Network& net);
  void WriteBrokers();
  void WriteLeftovers(Budget& b);
  void WriteNoise();

  std::string PersonName() { return Word(rng_, 2) + " " + Word(rng_, 3); }
  std::string Serial() {
    std::string s;
    s += static_cast<char>('A' + rng_.Below(26));
    s += static_cast<char>('A' + rng_.Below(26));
    const int digits = static_cast<int>(rng_.Between(5, 7));
    for (int i = 0; i < digits; ++i) s += static_cast<char>('0' + rng_.Below(10));
    return s;
  }
  // The make as another source writes it: other case, or without spaces.
  std::string MakeVariant(const std::string& make) {
    std::string out;
    const uint64_t style = rng_.Below(4);
    for (char c : make) {
      if (style == 1 && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      if (style == 2 && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (style == 3 && c == ' ') continue;
      out += c;
    }
    return out;
  }
  // The same serial as another source writes it: other case, separators, spacing.
  std::string SerialVariant(const std::string& s) {
    std::string out;
    const uint64_t style = rng_.Below(5);
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (style == 1 && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      out += c;
      if (i == 1 && style == 0) out += '-';
      if (i == 1 && style == 2) out += ' ';
      if (i == 0 && style == 3) out += '.';
      if (i == 3 && style == 4) out += '/';
    }
    return out;
  }

  const GeneratorOptions& o_;
  Rng rng_;
  Writer& out_;
  Writer& truth_;
  int width_ = 6;
  rapidjson::StringBuffer sb_;
  Json json_{sb_};
  std::vector<Entity> entities_;
  std::vector<Network> networks_;
  std::vector<Gun> guns_;
  std::vector<uint32_t> locations_;
  std::vector<std::string> location_country_;
  std::vector<uint32_t> operations_;
  std::vector<uint32_t> brokers_;
  std::vector<uint32_t> all_persons_;
  uint64_t counters_[16] = {};
  GeneratorReport report_;
};

Generator::Budget Generator::Plan() const {
  const uint64_t n = o_.entities;
  auto part = [&](double f) { return static_cast<uint64_t>(static_cast<double>(n) * f); };
  Budget b{};
  b.phones = part(0.12);
  b.accounts = part(0.05);
  b.vehicles = part(0.03);
  b.orgs = part(0.03);
  b.firearm_records = part(0.07);
  b.ammo = part(0.01);
  b.seizures = part(0.07);
  b.commodities = part(0.07);
  b.locations = std::max<uint64_t>(part(0.03), 10);
  b.operations = part(0.015);
  b.meetings = part(0.025);
  b.cases = part(0.01);
  b.documents = part(0.02);
  const uint64_t others = b.phones + b.accounts + b.vehicles + b.orgs + b.firearm_records + b.ammo +
                          b.seizures + b.commodities + b.locations + b.operations + b.meetings +
                          b.cases + b.documents;
  b.persons = n - others;
  return b;
}

void Generator::MakeShared(const Budget& b) {
  // Places along the routes: ports, airports, border posts, markets.
  std::vector<std::string> countries;
  for (const Route& r : kRoutes) {
    for (const auto* list : {&r.source, &r.transit, &r.destination}) {
      for (const char* c : *list) {
        if (std::find(countries.begin(), countries.end(), c) == countries.end()) {
          countries.emplace_back(c);
        }
      }
    }
  }
  constexpr const char* kPlaces[] = {"port",      "airport",   "border post", "market",
                                     "warehouse", "mine site", "free zone"};
  for (uint64_t i = 0; i < b.locations; ++i) {
    const std::string& c = countries[i % countries.size()];
    const uint32_t e = NewEntity("L", i + 1, -1, "place");
    locations_.push_back(e);
    location_country_.push_back(c);
    WriteEntity(e, "location", fmt::format("{} {} {}", Word(rng_, 2), kPlaces[rng_.Below(7)], c),
                c.c_str(), "", "gazetteer", {}, {});
  }
  for (uint64_t i = 0; i < b.operations; ++i) {
    const uint32_t e = NewEntity("E", ++counters_[0], -1, "operation");
    operations_.push_back(e);
    const std::string start = AnyDate();
    WriteEntity(e, "event", fmt::format("Operation {}", Word(rng_, 3)), "", start,
                "joint operations register", {}, {Prop{"event_type", "law-enforcement operation"}});
  }
}

void Generator::MakeNetworks(Budget& b) {
  // Cells of 5-60 persons, most of them small; a few persons stay unaffiliated.
  uint64_t persons = b.persons - b.persons / 40;
  int id = 0;
  while (persons >= 5) {
    const double u = rng_.Uniform();
    uint64_t size = std::min<uint64_t>(5 + static_cast<uint64_t>(55.0 * u * u), persons);
    if (persons - size < 5) size = persons;
    persons -= size;
    Network net;
    net.id = ++id;
    net.size = size;
    // One to three trades.
    const uint64_t primary = rng_.Below(kTradeCount);
    net.trades[primary] = true;
    if (rng_.Chance(0.45)) net.trades[rng_.Below(kTradeCount)] = true;
    if (rng_.Chance(0.15)) net.trades[rng_.Below(kTradeCount)] = true;
    const Route& r = kRoutes[primary];
    net.source = Pick(rng_, r.source);
    net.transit = Pick(rng_, r.transit);
    net.destination = Pick(rng_, r.destination);
    b.persons -= size;
    networks_.push_back(std::move(net));
  }
  report_.networks = networks_.size();
}

void Generator::WriteNetwork(Network& net) {
  const double p = static_cast<double>(net.persons.size());
  const std::string tag = fmt::format("N{:04}", net.id);
  const std::string countries[3] = {net.source, net.transit, net.destination};
  auto country = [&]() -> const char* { return countries[rng_.Below(3)].c_str(); };
  auto pool_date = [&]() { return AnyDate(); };
  static constexpr const char* kReliable[] = {"A1", "A2", "B1", "B2", "B2", "B2"};
  static constexpr const char* kUsual[] = {"B2", "B2", "B3", "C2", "C3", "C3", "B1", "F6"};
  static constexpr const char* kWeak[] = {"C3", "C4", "D3", "D4", "E5", "F6", "F6"};

  // Entity records.
  for (uint32_t e : net.persons) {
    std::vector<std::string> aliases;
    if (rng_.Chance(0.2)) aliases.push_back(Word(rng_, 2));
    std::vector<Prop> props;
    if (rng_.Chance(0.5))
      props.push_back(Prop{"year_of_birth", "", double(rng_.Between(1955, 2003)), true});
    WriteEntity(e, "person", PersonName(), country(), "", "criminal records", {}, props, aliases);
  }
  for (uint32_t e : net.orgs) {
    WriteEntity(e, "organization",
                fmt::format("{} {} Ltd", Word(rng_, 2), kTradeName[rng_.Below(4)]), country(), "",
                "company register", {},
                {Prop{"sector", rng_.Chance(0.5) ? "import-export" : "logistics"}});
  }
  for (uint32_t e : net.phones) {
    WriteEntity(e, "phone", fmt::format("+{} {:09}", 200 + rng_.Below(80), rng_.Below(1000000000)),
                country(), "", "subscriber records", {}, {});
  }
  for (uint32_t e : net.accounts) {
    WriteEntity(
        e, "account",
        fmt::format("{}{:02} {:012}", country(), rng_.Below(100), rng_.Below(1000000000000ULL)),
        country(), "", "financial intelligence", {}, {});
  }
  for (uint32_t e : net.vehicles) {
    WriteEntity(e, "vehicle", fmt::format("{} truck", Word(rng_, 2)), country(), "",
                "vehicle register", {},
                {Prop{"plate", fmt::format("{}-{:04}", Word(rng_, 1), rng_.Below(10000))}});
  }
  for (uint32_t e : net.documents) {
    WriteEntity(e, "document", rng_.Chance(0.5) ? "shipping manifest" : "invoice", country(),
                pool_date(), "customs", {}, {});
  }
  if (net.case_entity >= 0) {
    WriteEntity(static_cast<uint32_t>(net.case_entity), "case",
                fmt::format("Case {}", Word(rng_, 2)), net.destination.c_str(), "",
                "case management", {}, {});
  }
  for (uint32_t e : net.meetings) {
    WriteEntity(e, "event", fmt::format("Meeting at {}", Word(rng_, 2)), country(), pool_date(),
                "surveillance log", {}, {Prop{"event_type", "meeting"}});
  }
  // Seizures: a date, a country on the route, a place there.
  std::vector<std::string> seizure_dates;
  std::vector<uint32_t> seizure_place;
  for (uint32_t e : net.seizures) {
    const std::string date = pool_date();
    seizure_dates.push_back(date);
    // A place in one of the route countries (fall back to any place).
    uint32_t place = locations_[rng_.Below(locations_.size())];
    for (int tries = 0; tries < 8; ++tries) {
      const size_t i = rng_.Below(locations_.size());
      if (location_country_[i] == countries[0] || location_country_[i] == countries[1] ||
          location_country_[i] == countries[2]) {
        place = locations_[i];
        break;
      }
    }
    seizure_place.push_back(place);
    WriteEntity(e, "seizure", fmt::format("Seizure {}", Id(e)), country(), date, "seizure report",
                {}, {});
  }
  // Commodities of the network's trades (firearms are separate entities).
  std::vector<int> commodity_trade;
  std::vector<int> trades;
  for (int t = 1; t < kTradeCount; ++t) {
    if (net.trades[t]) trades.push_back(t);
  }
  for (uint32_t e : net.commodities) {
    const int t = trades.empty() ? kDrugs : trades[rng_.Below(trades.size())];
    commodity_trade.push_back(t);
    std::vector<std::pair<const char*, std::string>> f;
    double qty;
    if (t == kGold) {
      f = {{"category", "gold"}, {"unit", "kg"}, {"subtype", Pick(rng_, kGoldForms)}};
      qty = static_cast<double>(rng_.Between(1, 400)) / 4.0;
    } else if (t == kDrugs) {
      f = {{"category", "drugs"}, {"unit", "kg"}, {"subtype", Pick(rng_, kDrugTypes)}};
      qty = static_cast<double>(rng_.Between(1, 2000)) / 2.0;
    } else {
      f = {{"category", "wildlife"}, {"unit", "kg"}, {"subtype", Pick(rng_, kSpecies)}};
      qty = static_cast<double>(rng_.Between(1, 800)) / 2.0;
    }
    WriteEntity(e, "commodity", "", country(), "", "seizure report", f, {}, {}, qty);
  }
  for (uint32_t e : net.ammo) {
    WriteEntity(e, "ammunition", "", country(), "", "seizure report",
                {{"calibre", Pick(rng_, kCalibres)}, {"unit", "rounds"}}, {}, {},
                static_cast<double>(rng_.Between(20, 2000)));
  }
  // Firearm records: one gun may be described by several records from different sources,
  // each with its own id and its own way of writing the serial.
  for (uint32_t g : net.guns) {
    Gun& gun = guns_[g];
    const std::string make = Pick(rng_, kMakes);
    const std::string model = Pick(rng_, kModels);
    const std::string calibre = Pick(rng_, kCalibres);
    const std::string serial = Serial();
    static constexpr const char* kSources[] = {"national firearms register", "seizure report",
                                               "trace request", "customs declaration",
                                               "INTERPOL iARMS"};
    // Every record of a gun gives the country where it was first registered.
    const char* registered = net.source.c_str();
    for (size_t i = 0; i < gun.records.size(); ++i) {
      WriteEntity(gun.records[i], "firearm", "", registered, "", kSources[i % 5],
                  {{"make", i == 0 ? make : MakeVariant(make)},
                   {"model", model},
                   {"calibre", calibre},
                   {"serial", i == 0 ? serial : SerialVariant(serial)}},
                  {});
    }
  }

  // Links inside the network.
  const auto& P = net.persons;
  auto person = [&]() { return P[rng_.Below(P.size())]; };
  for (size_t i = 0; i < P.size(); ++i) {
    const int k = static_cast<int>(rng_.Between(1, 3));
    for (int j = 0; j < k; ++j) {
      const uint32_t other = person();
      if (other == P[i]) continue;
      Link(P[i], other, "associate", rng_.Chance(0.6) ? pool_date() : "",
           fmt::format("intelligence report IR-{}-{:05}", tag, rng_.Below(100000)),
           Grade(kUsual, std::size(kUsual)), static_cast<int>(rng_.Between(1, 3)));
    }
    if (rng_.Chance(0.12)) {
      const uint32_t relative = person();
      if (relative != P[i]) Link(P[i], relative, "family", "", "civil registry", "A1", 1);
    }
  }
  // Phones: a user each, calls mostly inside the network.
  for (uint32_t ph : net.phones) {
    Link(person(), ph, "uses", "", "subscriber records", Grade(kReliable, 6), 2);
  }
  if (net.phones.size() >= 2) {
    const uint64_t calls = static_cast<uint64_t>(p * 1.5);
    for (uint64_t c = 0; c < calls; ++c) {
      const uint32_t a = net.phones[rng_.Below(net.phones.size())];
      uint32_t b = net.phones[rng_.Below(net.phones.size())];
      if (rng_.Chance(0.05)) {
        // A number with no subscriber record: only the call records name it, so it enters the
        // case as an implicit entity.
        b = NewEntity("X", ++counters_[12], net.id, "unregistered phone");
        truth_.Append(fmt::format("{},N{:04},{}\n", Id(b), net.id, entities_[b].role));
        ++report_.implicit;
      }
      if (a == b) continue;
      std::string date = pool_date();
      if (rng_.Chance(0.3)) {
        date += fmt::format("T{:02}:{:02}:00Z", rng_.Below(24), rng_.Below(60));
      }
      Link(a, b, "called", date, fmt::format("CDR {} {}", net.source, date.substr(0, 4)),
           Grade(kReliable, 6), 2, static_cast<double>(rng_.Between(1, 12)));
    }
  }
  // Money.
  for (uint32_t acct : net.accounts) {
    const uint32_t owner =
        !net.orgs.empty() && rng_.Chance(0.3) ? net.orgs[rng_.Below(net.orgs.size())] : person();
    Link(owner, acct, "owns", "", "bank records", "A2", 3);
  }
  if (net.accounts.size() >= 2) {
    for (size_t i = 0; i < net.accounts.size() * 3; ++i) {
      const uint32_t a = net.accounts[rng_.Below(net.accounts.size())];
      const uint32_t b = net.accounts[rng_.Below(net.accounts.size())];
      if (a == b) continue;
      Link(a, b, "paid", pool_date(), fmt::format("FIU disclosure {}", rng_.Below(100000)),
           Grade(kReliable, 6), 3, 0, -1, static_cast<double>(rng_.Between(1, 500)) * 100.0);
    }
  }
  for (uint32_t org : net.orgs) {
    for (int j = 0; j < 2; ++j) {
      Link(person(), org, rng_.Chance(0.5) ? "member_of" : "employed_by", "", "company register",
           "B2", 1);
    }
  }
  for (uint32_t v : net.vehicles) {
    Link(person(), v, "uses", "", "vehicle register", "B2", 1);
  }
  // Meetings: attended by several members.
  for (uint32_t m : net.meetings) {
    const int k = static_cast<int>(rng_.Between(3, 8));
    for (int j = 0; j < k; ++j) {
      Link(person(), m, "attended", "", "surveillance log", Grade(kUsual, std::size(kUsual)), 3);
    }
  }
  // Seizures: arrests, places, operations, the goods and guns seized.
  for (size_t s = 0; s < net.seizures.size(); ++s) {
    const uint32_t seizure = net.seizures[s];
    const std::string& date = seizure_dates[s];
    const std::string src = fmt::format("seizure report {}", Id(seizure));
    Link(seizure, seizure_place[s], "located_in", date, src, "A1", 1);
    if (!operations_.empty() && rng_.Chance(0.7)) {
      Link(seizure, operations_[rng_.Below(operations_.size())], "involved_in", date, src, "A1", 2);
    }
    if (net.case_entity >= 0) {
      Link(seizure, static_cast<uint32_t>(net.case_entity), "involved_in", date, src, "A1", 2);
    }
    const int arrests = static_cast<int>(rng_.Between(1, 3));
    for (int j = 0; j < arrests; ++j) {
      Link(person(), seizure, "arrested_in", date, src, "A1", 2);
    }
    if (!net.documents.empty() && rng_.Chance(0.4)) {
      Link(net.documents[rng_.Below(net.documents.size())], seizure, "seized_in", date, src, "A2",
           2);
    }
  }
  for (size_t c = 0; c < net.commodities.size(); ++c) {
    const uint32_t item = net.commodities[c];
    if (!net.seizures.empty()) {
      const size_t s = rng_.Below(net.seizures.size());
      Link(item, net.seizures[s], "seized_in", seizure_dates[s], "seizure report", "A1", 2);
    }
    const uint32_t carrier = !net.vehicles.empty() && rng_.Chance(0.3)
                                 ? net.vehicles[rng_.Below(net.vehicles.size())]
                                 : person();
    Link(carrier, item, "transported", pool_date(), "surveillance log",
         Grade(kUsual, std::size(kUsual)), 3);
  }
  for (uint32_t a : net.ammo) {
    if (!net.seizures.empty()) {
      const size_t s = rng_.Below(net.seizures.size());
      Link(a, net.seizures[s], "seized_in", seizure_dates[s], "seizure report", "A1", 2);
    }
    Link(person(), a, "possessed", pool_date(), "seizure report", "B2", 2);
  }
  // A gun's life: bought, passed on, held, seized (recurring guns several times, in date order).
  for (uint32_t g : net.guns) {
    const Gun& gun = guns_[g];
    std::string date = Date(o_.first_year, std::max(o_.first_year, o_.last_year - 2));
    const uint32_t buyer = person();
    Link(buyer, gun.records[0], "purchased", date, "trace request", "B2", 3);
    uint32_t holder = buyer;
    for (size_t i = 0; i < gun.records.size(); ++i) {
      const uint32_t record = gun.records[i];
      date = After(date, 240);
      const uint32_t next = person();
      if (next != holder) {
        Link(holder, next, "supplied", date, "informant report", Grade(kWeak, std::size(kWeak)), 4,
             0, 1);
        holder = next;
      }
      Link(holder, record, "possessed", date, "informant report", Grade(kUsual, std::size(kUsual)),
           3);
      if (!net.seizures.empty()) {
        const size_t s = rng_.Below(net.seizures.size());
        Link(record, net.seizures[s], "seized_in", After(date, 60), "seizure report", "A1", 2);
      }
    }
  }
}

void Generator::WriteBrokers() {
  // Brokers sit in one network and deal with members of others, often in another trade.
  for (uint32_t b : brokers_) {
    const int home = entities_[b].network;
    const int partners = static_cast<int>(rng_.Between(1, 3));
    for (int j = 0; j < partners; ++j) {
      const Network& other = networks_[rng_.Below(networks_.size())];
      if (other.id == home) continue;
      const uint32_t contact = other.persons[rng_.Below(other.persons.size())];
      static constexpr const char* kTypes[] = {"associate", "supplied", "paid", "met"};
      const char* type = kTypes[rng_.Below(4)];
      static constexpr const char* kGrades[] = {"B2", "C3", "C2", "B3", "D4"};
      Link(b, contact, type, AnyDate(),
           fmt::format("informant report INF-{:04}", rng_.Below(10000)), kGrades[rng_.Below(5)],
           static_cast<int>(rng_.Between(2, 4)));
    }
  }
  report_.brokers = brokers_.size();
}

void Generator::WriteNoise() {
  // Weak, unconfirmed links between random people: what real intelligence looks like.
  const uint64_t noise = std::max<uint64_t>(report_.links / 30, 1);
  if (all_persons_.size() < 2) return;
  static constexpr const char* kGrades[] = {"D4", "E5", "F6", "C4", "F6"};
  for (uint64_t i = 0; i < noise; ++i) {
    const uint32_t a = all_persons_[rng_.Below(all_persons_.size())];
    const uint32_t b = all_persons_[rng_.Below(all_persons_.size())];
    if (a == b) continue;
    // Open-source mentions are often not graded at all.
    const char* grade = rng_.Chance(0.3) ? "" : kGrades[rng_.Below(5)];
    Link(a, b, rng_.Chance(0.5) ? "associate" : "communicated", "",
         fmt::format("open source OS-{:05}", rng_.Below(100000)), grade, 1);
  }
}

// Takes about `want` (stochastically rounded) from a pool.
uint64_t Generator::Take(uint64_t& pool, double want) {
  auto k = static_cast<uint64_t>(want);
  if (rng_.Uniform() < want - static_cast<double>(k)) ++k;
  k = std::min(k, pool);
  pool -= k;
  return k;
}

void Generator::Populate(Network& net, Budget& b, const Budget& total, double share,
                         double fire_share, double goods_share) {
  for (uint64_t i = 0; i < net.size; ++i) {
    const bool broker = rng_.Chance(0.03);
    const uint32_t e = NewEntity("P", ++counters_[1], net.id, broker ? "broker" : "member");
    net.persons.push_back(e);
    all_persons_.push_back(e);
    if (broker) brokers_.push_back(e);
  }
  auto make = [&](std::vector<uint32_t>& into, uint64_t k, const char* prefix, int counter,
                  const char* role) {
    for (uint64_t i = 0; i < k; ++i) {
      into.push_back(NewEntity(prefix, ++counters_[counter], net.id, role));
    }
  };
  make(net.phones, Take(b.phones, D(total.phones) * share), "T", 2, "phone");
  make(net.accounts, Take(b.accounts, D(total.accounts) * share), "AC", 3, "account");
  make(net.vehicles, Take(b.vehicles, D(total.vehicles) * share), "V", 4, "vehicle");
  make(net.orgs, Take(b.orgs, D(total.orgs) * share), "O", 5, "front company");
  make(net.documents, Take(b.documents, D(total.documents) * share), "D", 6, "document");
  make(net.meetings, Take(b.meetings, D(total.meetings) * share), "E", 0, "meeting");
  make(net.seizures, std::max<uint64_t>(Take(b.seizures, D(total.seizures) * share), 0), "S", 7,
       "seizure");
  if (net.seizures.empty() && b.seizures > 0) {
    --b.seizures;
    net.seizures.push_back(NewEntity("S", ++counters_[7], net.id, "seizure"));
  }
  if (b.cases > 0 && rng_.Chance(D(total.cases) / static_cast<double>(networks_.size()))) {
    --b.cases;
    net.case_entity = static_cast<int>(NewEntity("K", ++counters_[8], net.id, "case"));
  }
  if (goods_share > 0) {
    make(net.commodities, Take(b.commodities, D(total.commodities) * goods_share), "C", 9,
         "commodity");
  }
  if (fire_share > 0) {
    make(net.ammo, Take(b.ammo, D(total.ammo) * fire_share), "A", 10, "ammunition");
    uint64_t records = Take(b.firearm_records, D(total.firearm_records) * fire_share);
    while (records > 0) {
      // Most guns are known from one record; recurring guns from two to four sources.
      uint64_t r = rng_.Chance(0.35) ? static_cast<uint64_t>(rng_.Between(2, 4)) : 1;
      r = std::min(r, records);
      records -= r;
      Gun gun;
      gun.network = net.id;
      for (uint64_t i = 0; i < r; ++i) {
        gun.records.push_back(NewEntity("F", ++counters_[11], net.id, "firearm"));
      }
      net.guns.push_back(static_cast<uint32_t>(guns_.size()));
      guns_.push_back(std::move(gun));
      ++report_.firearms;
      report_.firearm_records += r;
    }
  }
}

void Generator::WriteLeftovers(Budget& b) {
  // Records that belong to no planted network: bystanders, registered guns never linked to a
  // case, loose phones. Each gets a weak tie or none, as in real holdings.
  std::vector<uint32_t> loose;
  auto make = [&](uint64_t& pool, const char* prefix, int counter, const char* kind) {
    for (; pool > 0; --pool) {
      const uint32_t e = NewEntity(prefix, ++counters_[counter], -1, "unaffiliated");
      std::vector<std::pair<const char*, std::string>> fields;
      if (std::string_view(kind) == "firearm") {
        fields = {{"make", Pick(rng_, kMakes)},
                  {"model", Pick(rng_, kModels)},
                  {"calibre", Pick(rng_, kCalibres)},
                  {"serial", Serial()}};
        ++report_.firearms;
        ++report_.firearm_records;
      } else if (std::string_view(kind) == "commodity") {
        fields = {{"category", rng_.Chance(0.5) ? "cash" : "fuel"}};
      } else if (std::string_view(kind) == "ammunition") {
        fields = {{"calibre", Pick(rng_, kCalibres)}};
      }
      const std::string name = std::string_view(kind) == "person" ? PersonName() : "";
      WriteEntity(e, kind, name, "", "", "records", fields, {});
      if (std::string_view(kind) == "person") all_persons_.push_back(e);
      loose.push_back(e);
    }
  };
  make(b.persons, "P", 1, "person");
  make(b.phones, "T", 2, "phone");
  make(b.accounts, "AC", 3, "account");
  make(b.vehicles, "V", 4, "vehicle");
  make(b.orgs, "O", 5, "organization");
  make(b.documents, "D", 6, "document");
  make(b.meetings, "E", 0, "event");
  make(b.seizures, "S", 7, "seizure");
  make(b.cases, "K", 8, "case");
  make(b.commodities, "C", 9, "commodity");
  make(b.ammo, "A", 10, "ammunition");
  make(b.firearm_records, "F", 11, "firearm");
  static constexpr const char* kGrades[] = {"D4", "E5", "F6", "C3"};
  for (uint32_t e : loose) {
    if (all_persons_.empty() || !rng_.Chance(0.6)) continue;
    const uint32_t p = all_persons_[rng_.Below(all_persons_.size())];
    if (p == e) continue;
    Link(p, e, "communicated", "", "open source", kGrades[rng_.Below(4)], 1);
  }
}

GeneratorReport Generator::Run() {
  width_ = std::max(5, static_cast<int>(fmt::format("{}", o_.entities).size()));
  const Budget total = Plan();
  Budget b = total;
  MakeShared(b);
  b.locations = 0;
  b.operations = 0;
  MakeNetworks(b);

  double persons = 0;
  double fire_persons = 0;
  double goods_persons = 0;
  for (const Network& net : networks_) {
    persons += static_cast<double>(net.size);
    if (net.trades[kFirearms]) fire_persons += static_cast<double>(net.size);
    if (net.trades[kGold] || net.trades[kDrugs] || net.trades[kWildlife]) {
      goods_persons += static_cast<double>(net.size);
    }
  }
  for (Network& net : networks_) {
    const double size = static_cast<double>(net.size);
    const double fire = net.trades[kFirearms] && fire_persons > 0 ? size / fire_persons : 0;
    const bool goods = net.trades[kGold] || net.trades[kDrugs] || net.trades[kWildlife];
    Populate(net, b, total, size / persons, fire,
             goods && goods_persons > 0 ? size / goods_persons : 0);
    WriteNetwork(net);
  }
  WriteBrokers();
  WriteLeftovers(b);
  WriteNoise();
  return report_;
}

}  // namespace

GeneratorReport GenerateCase(const GeneratorOptions& options, const std::string& path,
                             const std::string& truth_path) {
  if (options.entities < 100) throw UsageError("generate: --entities must be at least 100");
  if (options.first_year < 1900 || options.last_year > 2100 ||
      options.first_year > options.last_year) {
    throw UsageError("generate: bad year range");
  }
  Writer out(path);
  Writer truth(truth_path);
  truth.Append("id,network,role\n");
  Generator g(options, out, truth);
  GeneratorReport report = g.Run();
  out.Close();
  truth.Close();
  report.bytes = out.bytes();
  return report;
}

}  // namespace linkscope
