// The HTML report: one self-contained, print-friendly document that analysts hand to partners.
// Inline CSS and SVG only: no scripts, no fonts, no images, no links outside the document. The
// output is also well-formed XML (every element closed, attributes double-quoted, text escaped
// with the five XML references, invalid UTF-8 and characters XML forbids replaced by U+FFFD),
// so a browser and an XML parser read the same tree.
//
// Deterministic: the bytes depend only on the Report. Numbers go through FormatNumber or a
// fixed fmt format (coordinates, percentages); no clock, no randomness, no locale.
#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/report_data.hpp"

namespace linkscope::report {
namespace {

constexpr std::string_view kDash = "\xE2\x80\x94";         // —
constexpr std::string_view kArrow = "\xE2\x86\x92";        // →
constexpr std::string_view kDot = " \xC2\xB7 ";            // ·
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";     // …
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// ---------------------------------------------------------------------------------------------
// Escaping and the element builder

// Appends `s` with & < > " ' escaped. Bytes that are not valid UTF-8, and code points XML 1.0
// does not allow (controls other than tab, newline and return; surrogates; U+FFFE, U+FFFF),
// become U+FFFD, so the document always parses.
void Escape(std::string& out, std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '&':
          out += "&amp;";
          break;
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '"':
          out += "&quot;";
          break;
        case '\'':
          out += "&#39;";
          break;
        default:
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            out += kReplacement;
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    size_t len = 0;
    uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07u;
    }
    bool ok = len != 0 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      ok = (cc & 0xC0u) == 0x80u;
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    if (ok) {
      ok = !(len == 3 && cp < 0x800) && !(len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) &&
           !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFFFE && cp != 0xFFFF;
    }
    if (!ok) {
      out += kReplacement;
      ++i;  // resynchronise on the next byte
      continue;
    }
    out.append(s.substr(i, len));
    i += len;
  }
}

// The first `max_chars` code points of valid UTF-8 text, with an ellipsis when cut.
std::string Truncate(std::string_view s, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0u) == 0x80u) continue;  // continuation byte
    if (chars == max_chars) return std::string(s.substr(0, i)) + std::string(kEllipsis);
    ++chars;
  }
  return std::string(s);
}

using Attr = std::pair<std::string_view, std::string_view>;
using Attrs = std::initializer_list<Attr>;

// Block-level tags get a newline after them, so the source stays readable and diffable.
bool NewlineAfter(std::string_view tag) {
  static constexpr std::string_view kBlock[] = {
      "html", "head",  "body",  "header", "nav",  "main", "section", "footer",
      "div",  "table", "thead", "tbody",  "tr",   "p",    "ul",      "ol",
      "li",   "h1",    "h2",    "h3",     "h4",   "dl",   "dd",      "svg",
      "g",    "style", "title", "meta",   "line", "rect", "circle",  "text"};
  return std::find(std::begin(kBlock), std::end(kBlock), tag) != std::end(kBlock);
}

// Writes elements in order and checks their nesting (tags are literals).
class Html {
 public:
  void Open(std::string_view tag, Attrs attrs = {}) {
    Start(tag, attrs);
    out_ += '>';
    open_.push_back(tag);
  }
  void Close(std::string_view tag) {
    assert(!open_.empty() && open_.back() == tag);
    open_.pop_back();
    out_ += "</";
    out_ += tag;
    out_ += '>';
    if (NewlineAfter(tag)) out_ += '\n';
  }
  // An element without content: <br/>, <meta .../>, <line .../>.
  void Void(std::string_view tag, Attrs attrs = {}) {
    Start(tag, attrs);
    out_ += "/>";
    if (NewlineAfter(tag)) out_ += '\n';
  }
  void Element(std::string_view tag, std::string_view text, Attrs attrs = {}) {
    Open(tag, attrs);
    Text(text);
    Close(tag);
  }
  void Text(std::string_view s) { Escape(out_, s); }
  template <typename... T>
  void Format(fmt::format_string<T...> format, T&&... args) {
    Text(fmt::format(format, std::forward<T>(args)...));
  }
  // Trusted markup: the style sheet and the doctype only.
  void Raw(std::string_view s) { out_ += s; }
  std::string Take() {
    assert(open_.empty());
    return std::move(out_);
  }

 private:
  void Start(std::string_view tag, Attrs attrs) {
    out_ += '<';
    out_ += tag;
    for (const auto& [name, value] : attrs) {
      out_ += ' ';
      out_ += name;
      out_ += "=\"";
      Escape(out_, value);
      out_ += '"';
    }
  }

  std::string out_;
  std::vector<std::string_view> open_;
};

// ---------------------------------------------------------------------------------------------
// Text helpers

std::string Num(double x) { return FormatNumber(x); }
std::string Int(uint64_t x) { return fmt::format("{}", x); }
std::string Fixed1(double x) { return fmt::format("{:.1f}", x); }
std::string Percent(double share) { return fmt::format("{:.1f}%", 100 * share); }

// "1 record", "3 records".
std::string Plural(uint64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string OrDash(const std::string& s) { return s.empty() ? std::string(kDash) : s; }

std::string EntityText(const EntityRef& e) {
  if (e.name.empty() || e.name == e.id) return e.id;
  return fmt::format("{} ({})", e.name, e.id);
}

// "cocaine 5, firearms 2, +3 more".
std::string JoinCounts(const std::vector<Count>& counts, size_t limit) {
  std::string s;
  for (size_t i = 0; i < counts.size() && i < limit; ++i) {
    if (i) s += ", ";
    s += fmt::format("{} {}", counts[i].key.empty() ? "unknown" : counts[i].key, counts[i].count);
  }
  if (counts.size() > limit) s += fmt::format(", +{} more", counts.size() - limit);
  return s;
}

std::string JoinKeys(const std::vector<Count>& counts, size_t limit) {
  std::string s;
  for (size_t i = 0; i < counts.size() && i < limit; ++i) {
    if (i) s += ", ";
    s += counts[i].key.empty() ? "unknown" : counts[i].key;
  }
  if (counts.size() > limit) s += fmt::format(", +{} more", counts.size() - limit);
  return s;
}

template <typename T, typename F>
std::string Join(const std::vector<T>& items, std::string_view sep, F text) {
  std::string s;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) s += sep;
    s += text(items[i]);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Block helpers

void P(Html& h, std::string_view text) { h.Element("p", text); }
void Note(Html& h, std::string_view text) { h.Element("p", text, {{"class", "note"}}); }

struct Col {
  std::string_view name;
  bool numeric = false;
};

void OpenTable(Html& h, std::initializer_list<Col> cols, std::string_view cls = "") {
  if (cls.empty()) {
    h.Open("table");
  } else {
    h.Open("table", {{"class", cls}});
  }
  h.Open("thead");
  h.Open("tr");
  for (const Col& c : cols) {
    if (c.numeric) {
      h.Element("th", c.name, {{"class", "n"}});
    } else {
      h.Element("th", c.name);
    }
  }
  h.Close("tr");
  h.Close("thead");
  h.Open("tbody");
}

void CloseTable(Html& h) {
  h.Close("tbody");
  h.Close("table");
}

void Td(Html& h, std::string_view text) { h.Element("td", text); }
void TdNum(Html& h, std::string_view text) { h.Element("td", text, {{"class", "n"}}); }
// A cell that says visibly what is missing.
void TdOr(Html& h, std::string_view text, std::string_view missing) {
  if (text.empty()) {
    h.Element("td", missing, {{"class", "missing"}});
  } else {
    h.Element("td", text);
  }
}
void TdOrNone(Html& h, std::string_view text, std::string_view none) {
  if (text.empty()) {
    h.Element("td", none, {{"class", "none"}});
  } else {
    h.Element("td", text);
  }
}

void EntitySpan(Html& h, const EntityRef& e) {
  if (!e.name.empty() && e.name != e.id) {
    h.Text(e.name);
    h.Text(" ");
  }
  h.Element("span", e.id, {{"class", "id"}});
}

void TdEntity(Html& h, const EntityRef& e) {
  h.Open("td");
  EntitySpan(h, e);
  h.Close("td");
}

void OpenFacts(Html& h) { h.Open("dl", {{"class", "facts"}}); }
void Fact(Html& h, std::string_view term, std::string_view value) {
  h.Element("dt", term);
  h.Element("dd", value);
}

void OpenSection(Html& h, std::string_view id, std::string_view title) {
  h.Open("section");
  h.Element("h2", title, {{"id", id}});
}

void CountTable(Html& h, std::string_view what, const std::vector<Count>& counts,
                std::string_view empty_key, std::string_view empty_sentence) {
  h.Open("div");
  h.Element("h4", what);
  if (counts.empty()) {
    P(h, empty_sentence);
  } else {
    OpenTable(h, {{what}, {"Count", true}});
    for (const Count& c : counts) {
      h.Open("tr");
      TdOr(h, c.key, empty_key);
      TdNum(h, Int(c.count));
      h.Close("tr");
    }
    CloseTable(h);
  }
  h.Close("div");
}

// Every evidence table: who, what, when, and what backs it (source and grade shown even when
// missing).
void EvidenceTable(Html& h, const std::vector<EvidenceRow>& rows) {
  h.Open("div", {{"class", "scroll"}});
  OpenTable(h,
            {{"From"},
             {"Type"},
             {"To"},
             {"Date"},
             {"Source"},
             {"Grade"},
             {"Confidence", true},
             {"Handling", true},
             {"Link id"}},
            "wide ev");
  for (const EvidenceRow& e : rows) {
    h.Open("tr");
    Td(h, e.from);
    Td(h, e.type);
    Td(h, e.to);
    TdOrNone(h, e.date, "undated");
    TdOr(h, e.source, "no source");
    TdOr(h, e.grade, "ungraded");
    Td(h, Num(e.confidence));
    TdOrNone(h, e.handling ? Int(e.handling) : std::string(), "none");
    TdOrNone(h, e.link_id, kDash);
    h.Close("tr");
  }
  CloseTable(h);
  h.Close("div");
}

// A link to a network's card when it has one, else its id.
void NetworkRef(Html& h, uint32_t id, const Report& r) {
  const auto it = std::find_if(r.networks.begin(), r.networks.end(),
                               [id](const Network& n) { return n.id == id; });
  if (it != r.networks.end() && it->detailed) {
    h.Element("a", Int(id), {{"href", fmt::format("#network-{}", id)}});
  } else {
    h.Text(Int(id));
  }
}

void TdNetworks(Html& h, const std::vector<uint32_t>& ids, const Report& r) {
  h.Open("td");
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i) h.Text(", ");
    NetworkRef(h, ids[i], r);
  }
  h.Close("td");
}

// ---------------------------------------------------------------------------------------------
// Colours

struct KindColour {
  std::string_view kind, colour;
};
constexpr KindColour kPalette[] = {
    {"person", "#1f77b4"},     {"organization", "#9467bd"}, {"firearm", "#d62728"},
    {"ammunition", "#ff7f0e"}, {"seizure", "#2ca02c"},      {"commodity", "#bcbd22"},
    {"location", "#8c564b"},   {"event", "#e377c2"},        {"case", "#7f7f7f"},
    {"vehicle", "#17becf"},    {"phone", "#aec7e8"},        {"account", "#98df8a"},
    {"document", "#c5b0d5"},   {"unknown", "#c7c7c7"}};
constexpr std::string_view kOtherColour = "#555555";
constexpr std::string_view kSeizureColour = "#2ca02c";
constexpr std::string_view kOperationColour = "#1f77b4";

std::string_view KindName(std::string_view kind) { return kind.empty() ? "unknown" : kind; }

std::string_view ColourOf(std::string_view kind) {
  kind = KindName(kind);
  for (const KindColour& k : kPalette) {
    if (k.kind == kind) return k.colour;
  }
  return kOtherColour;
}

// Palette order first, then other kinds alphabetically.
size_t PaletteRank(std::string_view kind) {
  for (size_t i = 0; i < std::size(kPalette); ++i) {
    if (kPalette[i].kind == kind) return i;
  }
  return std::size(kPalette);
}

void Swatch(Html& h, std::string_view colour) {
  h.Open("svg", {{"class", "swatch"},
                 {"width", "10"},
                 {"height", "10"},
                 {"viewBox", "0 0 10 10"},
                 {"aria-hidden", "true"}});
  h.Void("circle", {{"cx", "5"}, {"cy", "5"}, {"r", "5"}, {"fill", colour}});
  h.Close("svg");
}

// ---------------------------------------------------------------------------------------------
// Sections

std::string WithheldSentence(const Handling& hd) {
  if (hd.withheld == 0) {
    return hd.max_handling == 0
               ? std::string("No handling limit was applied; no link record was withheld.")
               : fmt::format("No link record was above handling code {}; none was withheld.",
                             hd.max_handling);
  }
  const bool one = hd.withheld == 1;
  if (hd.max_handling == 0) {
    return fmt::format("{} withheld and {} not reflected anywhere in this report.",
                       Plural(hd.withheld, "link record was", "link records were"),
                       one ? "is" : "are");
  }
  return fmt::format(
      "{} above handling code {} {} withheld and {} not reflected anywhere in this "
      "report.",
      Plural(hd.withheld, "link record", "link records"), hd.max_handling, one ? "was" : "were",
      one ? "is" : "are");
}

void Header(Html& h, const Report& r) {
  const Overview& o = r.overview;
  h.Open("header");
  h.Element("h1", r.title.empty() ? std::string("Network report") : r.title);
  h.Open("p", {{"class", "sub"}});
  h.Format("linkscope {}{}{} from {}{}{}, {}", OrDash(r.version), kDot,
           Plural(o.records, "record", "records"), Plural(o.files.size(), "file", "files"), kDot,
           Plural(o.entities, "entity", "entities"), Plural(o.links, "link", "links"));
  h.Close("p");
  h.Open("p", {{"class", "notice"}});
  h.Element("strong", "Handling: ");
  h.Text(WithheldSentence(r.handling));
  h.Close("p");
  h.Close("header");
}

struct TocEntry {
  std::string_view id, title;
};
constexpr TocEntry kSections[] = {{"overview", "Overview"},
                                  {"networks", "Networks"},
                                  {"convergence", "Crime convergence"},
                                  {"key-players", "Key players"},
                                  {"firearms", "Firearm traces"},
                                  {"watch-list", "Watch list"},
                                  {"timeline", "Timeline"},
                                  {"evidence", "Evidence and handling"},
                                  {"reproducibility", "Reproducibility"}};

std::string SectionTitle(size_t index) {
  return fmt::format("{}. {}", index + 1, kSections[index].title);
}

void Toc(Html& h) {
  h.Open("nav", {{"class", "toc"}});
  h.Element("strong", "Contents");
  h.Open("ol");
  for (const TocEntry& s : kSections) {
    h.Open("li");
    h.Element("a", s.title, {{"href", fmt::format("#{}", s.id)}});
    h.Close("li");
  }
  h.Close("ol");
  h.Close("nav");
}

std::string ShortHash(const std::string& sha) {
  return sha.size() > 12 ? sha.substr(0, 12) + std::string(kEllipsis) : sha;
}

void OverviewSection(Html& h, const Report& r) {
  const Overview& o = r.overview;
  OpenSection(h, "overview", SectionTitle(0));

  h.Element("h3", "Input files");
  if (o.files.empty()) {
    P(h, "No input file was read.");
  } else {
    h.Open("div", {{"class", "scroll"}});
    OpenTable(h,
              {{"File"},
               {"Format"},
               {"Bytes", true},
               {"SHA-256"},
               {"Records", true},
               {"Entities", true},
               {"Links", true},
               {"Rejected", true},
               {"Withheld", true}},
              "wide");
    for (const Overview::File& f : o.files) {
      h.Open("tr");
      Td(h, f.path);
      TdOr(h, f.format, "unknown");
      TdNum(h, Int(f.bytes));
      h.Open("td");
      if (f.sha256.empty()) {
        h.Element("span", kDash, {{"class", "none"}});
      } else {
        h.Element("code", ShortHash(f.sha256), {{"title", f.sha256}});
      }
      h.Close("td");
      TdNum(h, Int(f.records));
      TdNum(h, Int(f.entity_records));
      TdNum(h, Int(f.links));
      TdNum(h, Int(f.rejected));
      TdNum(h, Int(f.withheld));
      h.Close("tr");
    }
    CloseTable(h);
    h.Close("div");
  }
  h.Open("p");
  h.Format("{} read: {} rejected, {} withheld by the handling limit, {}.",
           Plural(o.records, "record", "records"), o.rejected, o.withheld,
           Plural(o.warnings, "warning", "warnings"));
  h.Close("p");

  h.Element("h3", "Rejected records");
  if (o.rejected == 0) {
    P(h, "No record was rejected.");
  } else {
    if (o.rejected_examples.empty()) {
      P(h, fmt::format("{} rejected; no examples were kept.",
                       Plural(o.rejected, "record was", "records were")));
    } else {
      P(h, fmt::format("{} rejected{}:", Plural(o.rejected, "record was", "records were"),
                       o.rejected_examples.size() < o.rejected
                           ? fmt::format(" (the first {} listed)", o.rejected_examples.size())
                           : std::string()));
      h.Open("ul", {{"class", "rejected"}});
      for (const std::string& e : o.rejected_examples) {
        h.Open("li");
        h.Element("code", e);
        h.Close("li");
      }
      h.Close("ul");
    }
  }

  h.Element("h3", "Graph");
  OpenFacts(h);
  Fact(h, "Entities",
       fmt::format("{} ({} implicit: named by links only)", o.entities, o.implicit_entities));
  Fact(h, "Links",
       fmt::format("{} between {} distinct pairs; {} graded", o.links, o.distinct_pairs,
                   o.graded_links));
  Fact(h, "Firearms",
       fmt::format("{} from {} ({} merged into another record of the same firearm)", o.firearms,
                   Plural(o.firearm_records, "record", "records"), o.merged_firearm_records));
  Fact(h, "Components",
       fmt::format("{}; the largest has {}; {}", o.components,
                   Plural(o.largest_component, "entity", "entities"),
                   Plural(o.isolates, "isolate", "isolates")));
  if (o.first_date.empty() && o.last_date.empty()) {
    Fact(h, "Dates", "no dated links");
  } else {
    Fact(h, "Dates", fmt::format("{} to {}", OrDash(o.first_date), OrDash(o.last_date)));
  }
  h.Close("dl");

  h.Open("div", {{"class", "cols"}});
  CountTable(h, "Kind", o.by_kind, "unknown", "No entities.");
  CountTable(h, "Link type", o.by_link_type, "untyped", "No links.");
  CountTable(h, "Grade", o.by_grade, "ungraded", "No links.");
  h.Close("div");
  h.Close("section");
}

// A small horizontal bar for a 0-100 score, drawn in SVG (no per-row styles).
void RiskBar(Html& h, double risk) {
  const double w = std::isfinite(risk) ? std::clamp(risk, 0.0, 100.0) : 0.0;
  h.Open("svg", {{"class", "bar"},
                 {"width", "60"},
                 {"height", "8"},
                 {"viewBox", "0 0 100 8"},
                 {"aria-hidden", "true"}});
  h.Void("rect", {{"width", "100"}, {"height", "8"}, {"fill", "#e8e8e8"}});
  h.Void("rect", {{"width", Fixed1(w)}, {"height", "8"}, {"fill", "#b03a2e"}});
  h.Close("svg");
}

void FragmentationTable(Html& h, const Fragmentation& before, const Fragmentation& after) {
  OpenTable(h, {{"Measure"}, {"Before", true}, {"After removing the set", true}});
  const auto row = [&h](std::string_view name, const std::string& b, const std::string& a) {
    h.Open("tr");
    Td(h, name);
    TdNum(h, b);
    TdNum(h, a);
    h.Close("tr");
  };
  row("Entities", Int(before.entities), Int(after.entities));
  row("Components", Int(before.components), Int(after.components));
  row("Largest component", Int(before.largest_component), Int(after.largest_component));
  row("Share in the largest component", Percent(before.largest_share),
      Percent(after.largest_share));
  row("Fragmentation (0 connected, 1 all apart)", Num(before.fragmentation),
      Num(after.fragmentation));
  CloseTable(h);
}

void KeyPlayerSetBlock(Html& h, const KeyPlayerSet& kp) {
  if (!kp.computed) {
    Note(h, kp.note.empty() ? std::string("The key-player set was not computed.") : kp.note);
    return;
  }
  if (kp.set.empty()) {
    P(h, "The key-player set is empty.");
  } else {
    P(h, kp.set.size() == 1
             ? std::string("Removing this entity fragments the network most (KPP-Neg):")
             : fmt::format("Removing these {} entities together fragments the network most "
                           "(KPP-Neg):",
                           kp.set.size()));
    h.Open("ol", {{"class", "set"}});
    for (const EntityRef& e : kp.set) {
      h.Open("li");
      EntitySpan(h, e);
      if (!e.kind.empty()) h.Format(" ({})", e.kind);
      h.Close("li");
    }
    h.Close("ol");
  }
  FragmentationTable(h, kp.before, kp.after);
}

// The drawing of a network: positions in [0, 1]² scaled into a fixed canvas.
void DrawingBlock(Html& h, const Drawing& d) {
  if (d.nodes.empty()) {
    P(h, "No member was drawn.");
    return;
  }
  constexpr double kWidth = 560, kHeight = 400, kPad = 28;
  const auto px = [](double v, double extent) {
    const double t = std::isfinite(v) ? std::clamp(v, 0.0, 1.0) : 0.5;
    return kPad + t * (extent - 2 * kPad);
  };
  const auto radius = [](double size) {
    return 3.5 + 8.5 * (std::isfinite(size) ? std::clamp(size, 0.0, 1.0) : 0.0);
  };

  h.Open("svg", {{"class", "drawing"},
                 {"width", "560"},
                 {"height", "400"},
                 {"viewBox", "0 0 560 400"},
                 {"role", "img"},
                 {"aria-label", fmt::format("Drawing of {} of the network",
                                            Plural(d.nodes.size(), "member", "members"))}});
  h.Open("g", {{"stroke", "#c4c4c4"}, {"stroke-width", "1"}});
  for (const auto& [a, b] : d.edges) {
    if (a >= d.nodes.size() || b >= d.nodes.size()) continue;
    const Drawing::Node& u = d.nodes[a];
    const Drawing::Node& v = d.nodes[b];
    h.Void("line", {{"x1", Fixed1(px(u.x, kWidth))},
                    {"y1", Fixed1(px(u.y, kHeight))},
                    {"x2", Fixed1(px(v.x, kWidth))},
                    {"y2", Fixed1(px(v.y, kHeight))}});
  }
  h.Close("g");
  h.Open("g", {{"stroke", "#ffffff"}, {"stroke-width", "1"}});
  for (const Drawing::Node& n : d.nodes) {
    h.Open("circle", {{"cx", Fixed1(px(n.x, kWidth))},
                      {"cy", Fixed1(px(n.y, kHeight))},
                      {"r", Fixed1(radius(n.size))},
                      {"fill", ColourOf(n.kind)}});
    if (n.label.empty() || n.label == n.id) {
      h.Element("title", fmt::format("{} ({})", n.id, KindName(n.kind)));
    } else {
      h.Element("title", fmt::format("{} {} {} ({})", n.id, kDash, n.label, KindName(n.kind)));
    }
    h.Close("circle");
  }
  h.Close("g");
  // Labels last, above every node; a white halo keeps them readable over lines.
  h.Open("g", {{"class", "labels"},
               {"font-size", "10"},
               {"fill", "#222222"},
               {"stroke", "#ffffff"},
               {"stroke-width", "3"},
               {"stroke-linejoin", "round"},
               {"paint-order", "stroke"}});
  for (const Drawing::Node& n : d.nodes) {
    if (!n.labelled) continue;
    const double x = px(n.x, kWidth), y = px(n.y, kHeight), rr = radius(n.size);
    const bool left = x > kWidth - 130;
    const std::string label = Truncate(n.label.empty() ? n.id : n.label, 28);
    if (left) {
      h.Element("text", label,
                {{"x", Fixed1(x - rr - 3)}, {"y", Fixed1(y + 3.5)}, {"text-anchor", "end"}});
    } else {
      h.Element("text", label, {{"x", Fixed1(x + rr + 3)}, {"y", Fixed1(y + 3.5)}});
    }
  }
  h.Close("g");
  h.Close("svg");

  // Legend: the kinds drawn, palette order then the others alphabetically.
  std::vector<Count> kinds;
  for (const Drawing::Node& n : d.nodes) {
    const std::string_view kind = KindName(n.kind);
    auto it =
        std::find_if(kinds.begin(), kinds.end(), [kind](const Count& c) { return c.key == kind; });
    if (it == kinds.end()) {
      kinds.push_back({std::string(kind), 1});
    } else {
      ++it->count;
    }
  }
  std::sort(kinds.begin(), kinds.end(), [](const Count& a, const Count& b) {
    const size_t ra = PaletteRank(a.key), rb = PaletteRank(b.key);
    return ra != rb ? ra < rb : a.key < b.key;
  });
  h.Open("ul", {{"class", "legend"}});
  for (const Count& k : kinds) {
    h.Open("li");
    Swatch(h, ColourOf(k.key));
    h.Format("{} ({})", k.key, k.count);
    h.Close("li");
  }
  h.Close("ul");
  std::string caption;
  if (d.nodes.size() < d.members) {
    caption = fmt::format("{} of {} members shown (the most linked). ", d.nodes.size(), d.members);
  }
  caption += "Circle size: betweenness inside the network; labels: the most central members.";
  Note(h, caption);
}

void NetworkCard(Html& h, const Network& n, const Report& r) {
  h.Open("div", {{"class", "card"}, {"id", fmt::format("network-{}", n.id)}});
  h.Element("h3",
            fmt::format("Network {}{}rank {}{}risk {}", n.id, kDot, n.rank, kDot, Num(n.risk)));
  h.Open("div", {{"class", "cols"}});
  h.Open("div", {{"class", "profile"}});
  OpenFacts(h);
  Fact(h, "Size", Plural(n.size, "entity", "entities"));
  Fact(h, "Kinds", n.kinds.empty() ? std::string(kDash) : JoinCounts(n.kinds, n.kinds.size()));
  Fact(h, "Commodity mix",
       n.commodities.empty() ? std::string("none")
                             : JoinCounts(n.commodities, n.commodities.size()));
  Fact(h, "Convergence",
       fmt::format("{}, entropy {}", Plural(n.categories, "category", "categories"),
                   Num(n.entropy)));
  Fact(h, "Countries",
       n.countries.empty() ? std::string("none recorded")
                           : JoinCounts(n.countries, n.countries.size()));
  Fact(h, "Density", Num(n.density));
  Fact(h, "Links",
       fmt::format("{} internal, {} to entities outside the network", n.internal_links,
                   n.external_links));
  Fact(h, "Seizures", Int(n.seizures));
  Fact(h, "Firearms and ammunition", Int(n.firearms));
  Fact(h, "Risk terms",
       fmt::format("size {}, convergence {}, span {}, seizures {}, firearms {}", Num(n.terms.size),
                   Num(n.terms.convergence), Num(n.terms.span), Num(n.terms.seizures),
                   Num(n.terms.firearms)));
  h.Close("dl");
  h.Close("div");
  h.Open("div", {{"class", "figure"}});
  DrawingBlock(h, n.drawing);
  h.Close("div");
  h.Close("div");

  h.Element("h4", "Top members");
  if (n.top_members.empty()) {
    P(h, "No members listed.");
  } else {
    OpenTable(h, {{"Entity"}, {"Kind"}, {"Country"}, {"Strength", true}});
    for (const Member& m : n.top_members) {
      h.Open("tr");
      TdEntity(h, m.entity);
      TdOrNone(h, m.entity.kind, "unknown");
      TdOrNone(h, m.entity.country, kDash);
      TdNum(h, Num(m.strength));
      h.Close("tr");
    }
    CloseTable(h);
  }

  h.Element("h4", "Bridges to other networks");
  if (n.bridges.empty()) {
    P(h, n.bridge_count == 0 ? "No member links to another network."
                             : fmt::format("{} link to other networks; none is listed.",
                                           Plural(n.bridge_count, "member", "members")));
  } else {
    if (n.bridge_count > n.bridges.size()) {
      P(h, fmt::format("{} link to other networks; the first {} are listed.",
                       Plural(n.bridge_count, "member", "members"), n.bridges.size()));
    }
    OpenTable(h, {{"Entity"}, {"Kind"}, {"Other networks"}});
    for (const Bridge& b : n.bridges) {
      h.Open("tr");
      TdEntity(h, b.entity);
      TdOrNone(h, b.entity.kind, "unknown");
      TdNetworks(h, b.networks, r);
      h.Close("tr");
    }
    CloseTable(h);
  }

  h.Element("h4", "Key players");
  KeyPlayerSetBlock(h, n.key_players);
  h.Close("div");
}

void NetworksSection(Html& h, const Report& r) {
  OpenSection(h, "networks", SectionTitle(1));
  const size_t detailed = static_cast<size_t>(std::count_if(
      r.networks.begin(), r.networks.end(), [](const Network& n) { return n.detailed; }));
  P(h,
    fmt::format("Communities were detected with {} (modularity {}): {}, of which {} large "
                "enough to rank as networks.",
                r.method.empty() ? std::string("an unnamed method") : r.method, Num(r.modularity),
                Plural(r.communities, "community", "communities"), Plural(r.ranked, "is", "are")));
  if (r.networks.empty()) {
    P(h, "No community was large enough to rank as a network.");
    h.Close("section");
    return;
  }
  P(h, fmt::format("{} listed by risk; {} described in full below. Risk (0 to 100) weighs size, "
                   "commodity convergence, country span, seizures and firearms; the weights "
                   "are under Reproducibility.",
                   Plural(r.networks.size(), "network is", "networks are"),
                   Plural(detailed, "is", "are")));
  h.Open("div", {{"class", "scroll"}});
  OpenTable(h,
            {{"Rank", true},
             {"Network", true},
             {"Risk"},
             {"Size", true},
             {"Categories", true},
             {"Commodities"},
             {"Countries"},
             {"Seizures", true},
             {"Firearms", true}},
            "wide");
  for (const Network& n : r.networks) {
    h.Open("tr");
    TdNum(h, Int(n.rank));
    h.Open("td", {{"class", "n"}});
    NetworkRef(h, n.id, r);
    h.Close("td");
    h.Open("td", {{"class", "risk"}});
    RiskBar(h, n.risk);
    h.Text(Num(n.risk));
    h.Close("td");
    TdNum(h, Int(n.size));
    TdNum(h, Int(n.categories));
    TdOrNone(h, JoinCounts(n.commodities, 4), "none");
    TdOrNone(h, JoinKeys(n.countries, 6), "none");
    TdNum(h, Int(n.seizures));
    TdNum(h, Int(n.firearms));
    h.Close("tr");
  }
  CloseTable(h);
  h.Close("div");

  h.Element("h3", "Networks in detail");
  if (detailed == 0) {
    P(h, "No network is described in full.");
  }
  for (const Network& n : r.networks) {
    if (n.detailed) NetworkCard(h, n, r);
  }
  h.Close("section");
}

void BrokerTable(Html& h, const std::vector<Broker>& brokers, const Report& r) {
  OpenTable(h, {{"Entity"}, {"Kind"}, {"Country"}, {"Networks"}, {"Categories"}});
  for (const Broker& b : brokers) {
    h.Open("tr");
    TdEntity(h, b.entity);
    TdOrNone(h, b.entity.kind, "unknown");
    TdOrNone(h, b.entity.country, kDash);
    TdNetworks(h, b.networks, r);
    TdOrNone(h, Join(b.categories, ", ", [](const std::string& s) { return s; }), "none");
    h.Close("tr");
  }
  CloseTable(h);
}

void ConvergenceSection(Html& h, const Report& r) {
  const Convergence& c = r.convergence;
  OpenSection(h, "convergence", SectionTitle(2));
  h.Element("h3", "Networks reaching several commodities");
  if (c.networks.empty()) {
    P(h, "No ranked network reaches more than one commodity category.");
  } else {
    OpenTable(h, {{"Rank", true},
                  {"Network", true},
                  {"Risk", true},
                  {"Categories", true},
                  {"Entropy", true},
                  {"Commodity mix"}});
    for (const uint32_t id : c.networks) {
      const auto it = std::find_if(r.networks.begin(), r.networks.end(),
                                   [id](const Network& n) { return n.id == id; });
      h.Open("tr");
      if (it == r.networks.end()) {
        TdOrNone(h, "", kDash);
        TdNum(h, Int(id));
        for (int i = 0; i < 3; ++i) TdOrNone(h, "", kDash);
        TdOrNone(h, "", "not listed");
      } else {
        TdNum(h, Int(it->rank));
        h.Open("td", {{"class", "n"}});
        NetworkRef(h, id, r);
        h.Close("td");
        TdNum(h, Num(it->risk));
        TdNum(h, Int(it->categories));
        TdNum(h, Num(it->entropy));
        TdOrNone(h, JoinCounts(it->commodities, it->commodities.size()), "none");
      }
      h.Close("tr");
    }
    CloseTable(h);
  }

  h.Element("h3", "Brokers");
  if (c.brokers.empty()) {
    P(h, "No entity links networks that reach firearms and another commodity category.");
  } else {
    P(h, c.brokers_total > c.brokers.size()
             ? fmt::format("Entities linked to several networks that together reach firearms "
                           "and another commodity category, most categories first: the first "
                           "{} of {}.",
                           c.brokers.size(), c.brokers_total)
             : std::string("Entities linked to several networks that together reach firearms "
                           "and another commodity category, most categories first."));
    BrokerTable(h, c.brokers, r);
  }

  h.Element("h3", "Connectors");
  if (c.connectors.empty()) {
    P(h, "No entity links two or more networks.");
  } else {
    P(h, "Entities that link the most networks.");
    BrokerTable(h, c.connectors, r);
  }
  h.Close("section");
}

void KeyPlayersSection(Html& h, const Report& r) {
  const KeyPlayers& k = r.key_players;
  OpenSection(h, "key-players", SectionTitle(3));
  h.Element("h3", "Betweenness");
  if (k.betweenness.empty()) {
    P(h, "No betweenness ranking: the graph has no entities to rank.");
  } else {
    if (k.sampled) {
      Note(h, fmt::format("Betweenness was estimated from {} (the graph is above the exact "
                          "limit); scores are approximate, the ranking of the top entities is "
                          "usually stable.",
                          Plural(k.pivots, "sampled pivot", "sampled pivots")));
    } else {
      Note(h, "Betweenness is exact.");
    }
    OpenTable(h, {{"#", true}, {"Entity"}, {"Kind"}, {"Country"}, {"Betweenness", true}});
    for (size_t i = 0; i < k.betweenness.size(); ++i) {
      const Central& c = k.betweenness[i];
      h.Open("tr");
      TdNum(h, Int(i + 1));
      TdEntity(h, c.entity);
      TdOrNone(h, c.entity.kind, "unknown");
      TdOrNone(h, c.entity.country, kDash);
      TdNum(h, Num(c.score));
      h.Close("tr");
    }
    CloseTable(h);
  }
  h.Element("h3", "Key-player set of the whole graph");
  KeyPlayerSetBlock(h, k.overall);
  h.Close("section");
}

void FirearmsSection(Html& h, const Report& r) {
  OpenSection(h, "firearms", SectionTitle(4));
  if (r.firearms.empty()) {
    P(h, "No firearm was seen in more than one seizure or record.");
    h.Close("section");
    return;
  }
  const uint64_t traced = std::max<uint64_t>(r.firearms_traced, r.firearms.size());
  if (traced > r.firearms.size()) {
    P(h, fmt::format("{} seen in more than one seizure or record; the {} with the most seizures "
                     "are listed.",
                     Plural(traced, "firearm was", "firearms were"), r.firearms.size()));
  } else {
    P(h, fmt::format("{} seen in more than one seizure or record.",
                     Plural(traced, "firearm was", "firearms were")));
  }
  for (size_t i = 0; i < r.firearms.size(); ++i) {
    const FirearmTrace& f = r.firearms[i];
    h.Open("div", {{"class", "card"}, {"id", fmt::format("firearm-{}", i + 1)}});
    h.Open("h3");
    h.Text("Firearm ");
    EntitySpan(h, f.firearm);
    h.Close("h3");
    OpenFacts(h);
    Fact(h, "Make", OrDash(f.make));
    Fact(h, "Model", OrDash(f.model));
    Fact(h, "Calibre", OrDash(f.calibre));
    Fact(h, "Serial", OrDash(f.serial));
    Fact(h, "Records", fmt::format("{} merged into this firearm", f.records));
    Fact(h, "Sources",
         f.sources.empty() ? std::string("none recorded")
                           : Join(f.sources, "; ", [](const std::string& s) { return s; }));
    Fact(h, "Seizures", Int(f.seizures));
    h.Close("dl");
    if (f.chain.empty()) {
      P(h, "No link of this firearm is recorded.");
    } else {
      h.Open("div", {{"class", "scroll"}});
      OpenTable(h, {{"Date"}, {"Role"}, {"Entity"}, {"Link type"}, {"Source"}, {"Grade"}}, "wide");
      for (const FirearmTrace::Step& s : f.chain) {
        h.Open("tr");
        TdOrNone(h, s.date, "undated");
        TdOrNone(h, s.role, kDash);
        TdEntity(h, s.entity);
        Td(h, s.evidence.type);
        TdOr(h, s.evidence.source, "no source");
        TdOr(h, s.evidence.grade, "ungraded");
        h.Close("tr");
      }
      CloseTable(h);
      h.Close("div");
    }
    h.Close("div");
  }
  h.Close("section");
}

void EntityTable(Html& h, const std::vector<EntityRef>& entities) {
  OpenTable(h, {{"Entity"}, {"Kind"}, {"Country"}});
  for (const EntityRef& e : entities) {
    h.Open("tr");
    TdEntity(h, e);
    TdOrNone(h, e.kind, "unknown");
    TdOrNone(h, e.country, kDash);
    h.Close("tr");
  }
  CloseTable(h);
}

void IdList(Html& h, const std::vector<std::string>& ids) {
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i) h.Text(", ");
    h.Element("span", ids[i], {{"class", "id"}});
  }
}

void WatchSection(Html& h, const Report& r) {
  const WatchList& w = r.watch;
  OpenSection(h, "watch-list", SectionTitle(5));
  if (w.entities.empty() && w.missing.empty() && w.paths.empty()) {
    P(h, "No watch list was given.");
    h.Close("section");
    return;
  }
  h.Element("h3", "Watched entities");
  if (w.entities.empty()) {
    P(h, "None of the watched entities is in the data.");
  } else {
    EntityTable(h, w.entities);
  }
  if (!w.missing.empty()) {
    h.Open("p");
    h.Format("Not in the data ({}): ", w.missing.size());
    IdList(h, w.missing);
    h.Text(".");
    h.Close("p");
  }

  h.Element("h3", "Paths between watched entities");
  if (w.paths.empty()) {
    P(h, "Fewer than two watched entities are in the data; there is no pair to connect.");
  }
  const auto named = [&w](const std::string& id) {
    for (const EntityRef& e : w.entities) {
      if (e.id == id) return EntityText(e);
    }
    return id;
  };
  for (const WatchPath& p : w.paths) {
    h.Open("div", {{"class", "path"}});
    h.Element("h4", fmt::format("{} {} {}", named(p.from), kArrow, named(p.to)));
    if (!p.found) {
      P(h, "No path connects them in the data.");
      h.Close("div");
      continue;
    }
    P(h, fmt::format("Most reliable path: {}, reliability {}.", Plural(p.hops, "hop", "hops"),
                     Num(p.reliability)));
    if (!p.entities.empty()) {
      h.Open("p", {{"class", "chain"}});
      for (size_t i = 0; i < p.entities.size(); ++i) {
        if (i) h.Format(" {} ", kArrow);
        EntitySpan(h, p.entities[i]);
      }
      h.Close("p");
    }
    if (p.links.empty()) {
      P(h, "No link is recorded for this path.");
    } else {
      EvidenceTable(h, p.links);
    }
    h.Close("div");
  }

  h.Element("h3", "Connecting network");
  if (w.network.empty()) {
    P(h, "No connecting network was found.");
  } else {
    if (w.connected) {
      P(h, fmt::format("The connecting network reaches every watched entity in the data: {} and "
                       "{}.",
                       Plural(w.network.size(), "entity", "entities"),
                       Plural(w.network_links.size(), "link", "links")));
    } else {
      P(h, fmt::format("The connecting network does not reach every watched entity: {} and {}.",
                       Plural(w.network.size(), "entity", "entities"),
                       Plural(w.network_links.size(), "link", "links")));
    }
    EntityTable(h, w.network);
    if (!w.network_links.empty()) EvidenceTable(h, w.network_links);
  }
  if (!w.unreachable.empty()) {
    h.Open("p");
    h.Format("Not reachable from the other watched entities ({}): ", w.unreachable.size());
    IdList(h, w.unreachable);
    h.Text(".");
    h.Close("p");
  }
  h.Close("section");
}

// A tick step of 1, 2 or 5 times a power of ten giving about four ticks up to `peak`.
uint64_t TickStep(uint64_t peak) {
  const uint64_t target = std::max<uint64_t>(1, (peak + 3) / 4);
  uint64_t p = 1;
  while (p <= target / 10) p *= 10;
  constexpr uint64_t kMultiples[] = {1, 2, 5, 10};
  for (const uint64_t m : kMultiples) {
    if (m * p >= target) return m * p;
  }
  return 10 * p;
}

void TimelineChart(Html& h, const Timeline& t) {
  const size_t n = t.years.size();
  const auto at = [](const std::vector<uint64_t>& v, size_t i) -> uint64_t {
    return i < v.size() ? v[i] : 0;
  };
  uint64_t peak = 0;
  for (size_t i = 0; i < n; ++i) {
    peak = std::max({peak, at(t.seizures_by_year, i), at(t.operations_by_year, i)});
  }
  const uint64_t step = TickStep(peak);
  const uint64_t top = std::max(step, (peak + step - 1) / step * step);
  constexpr double kLeft = 50, kRight = 12, kTop = 16, kPlot = 200, kBottom = 40;
  const double slot = std::clamp(840.0 / static_cast<double>(n), 2.0, 90.0);
  const double width = std::ceil(kLeft + slot * static_cast<double>(n) + kRight);
  const double height = kTop + kPlot + kBottom;
  const double base = kTop + kPlot;
  const auto y_of = [&](uint64_t v) {
    return base - static_cast<double>(v) / static_cast<double>(top) * kPlot;
  };
  const std::string w_text = fmt::format("{}", static_cast<int>(width));
  const std::string h_text = fmt::format("{}", static_cast<int>(height));

  h.Open("svg", {{"class", "chart"},
                 {"width", w_text},
                 {"height", h_text},
                 {"viewBox", fmt::format("0 0 {} {}", w_text, h_text)},
                 {"role", "img"},
                 {"aria-label", "Seizures and operations per year"}});
  // Grid and counts on the left axis.
  h.Open("g", {{"font-size", "10"}, {"fill", "#555555"}});
  for (uint64_t v = 0; v <= top; v += step) {
    const std::string y = Fixed1(y_of(v));
    h.Void("line", {{"x1", Fixed1(kLeft)},
                    {"y1", y},
                    {"x2", Fixed1(width - kRight)},
                    {"y2", y},
                    {"stroke", v == 0 ? "#888888" : "#e6e6e6"}});
    h.Element("text", Int(v),
              {{"x", Fixed1(kLeft - 6)}, {"y", Fixed1(y_of(v) + 3.5)}, {"text-anchor", "end"}});
  }
  h.Element("text", "count",
            {{"x", "12"},
             {"y", Fixed1(kTop + kPlot / 2)},
             {"text-anchor", "middle"},
             {"transform", fmt::format("rotate(-90 12 {})", Fixed1(kTop + kPlot / 2))}});
  h.Close("g");

  // Bars: seizures then operations, side by side in each year's slot.
  const double bar = slot * 0.38;
  const size_t label_every = std::max<size_t>(1, static_cast<size_t>(std::ceil(34.0 / slot)));
  h.Open("g", {{"font-size", "9"}, {"fill", "#333333"}, {"text-anchor", "middle"}});
  for (size_t i = 0; i < n; ++i) {
    const double x0 = kLeft + slot * static_cast<double>(i);
    const struct {
      uint64_t value;
      double x;
      std::string_view colour, what;
    } bars[] = {{at(t.seizures_by_year, i), x0 + slot * 0.1, kSeizureColour, "seizures"},
                {at(t.operations_by_year, i), x0 + slot * 0.52, kOperationColour, "operations"}};
    for (const auto& b : bars) {
      if (b.value == 0) continue;
      const double y = y_of(b.value);
      h.Open("rect", {{"x", Fixed1(b.x)},
                      {"y", Fixed1(y)},
                      {"width", Fixed1(bar)},
                      {"height", Fixed1(base - y)},
                      {"fill", b.colour}});
      h.Element("title", fmt::format("{}: {} {}", t.years[i], b.value, b.what));
      h.Close("rect");
      const std::string count = Int(b.value);
      if (static_cast<double>(count.size()) * 5.4 <= slot * 0.44) {
        h.Element("text", count, {{"x", Fixed1(b.x + bar / 2)}, {"y", Fixed1(y - 3)}});
      }
    }
    if (i % label_every == 0) {
      h.Element("text", fmt::format("{}", t.years[i]),
                {{"x", Fixed1(x0 + slot / 2)}, {"y", Fixed1(base + 14)}, {"font-size", "10"}});
    }
  }
  h.Element("text", "year",
            {{"x", Fixed1(kLeft + slot * static_cast<double>(n) / 2)},
             {"y", Fixed1(base + 32)},
             {"font-size", "10"}});
  h.Close("g");
  h.Close("svg");

  h.Open("ul", {{"class", "legend"}});
  h.Open("li");
  Swatch(h, kSeizureColour);
  h.Text("seizures");
  h.Close("li");
  h.Open("li");
  Swatch(h, kOperationColour);
  h.Text("operations");
  h.Close("li");
  h.Close("ul");
}

void TimelineSection(Html& h, const Report& r) {
  const Timeline& t = r.timeline;
  OpenSection(h, "timeline", SectionTitle(6));
  const std::string undated = fmt::format("Undated, so not in the chart: {} and {}.",
                                          Plural(t.undated_seizures, "seizure", "seizures"),
                                          Plural(t.undated_operations, "operation", "operations"));
  if (t.years.empty()) {
    P(h, "No dated seizure or operation.");
    if (t.undated_seizures || t.undated_operations) P(h, undated);
    h.Close("section");
    return;
  }
  uint64_t seizures = 0, operations = 0;
  for (const uint64_t v : t.seizures_by_year) seizures += v;
  for (const uint64_t v : t.operations_by_year) operations += v;
  P(h, fmt::format("{} and {} dated between {} and {}.", Plural(seizures, "seizure", "seizures"),
                   Plural(operations, "operation", "operations"), t.years.front(), t.years.back()));
  TimelineChart(h, t);
  if (t.undated_seizures || t.undated_operations) P(h, undated);

  h.Element("h3", "By year and country");
  if (t.cells.empty()) {
    P(h, "No seizure or operation is attributed to a year and country.");
    h.Close("section");
    return;
  }
  // Columns: the listed countries, then any other a cell names (in order of appearance).
  std::vector<std::string> countries = t.countries;
  for (const Timeline::Cell& c : t.cells) {
    if (std::find(countries.begin(), countries.end(), c.country) == countries.end()) {
      countries.push_back(c.country);
    }
  }
  Note(h, "Each cell: seizures / operations.");
  h.Open("div", {{"class", "scroll"}});
  h.Open("table", {{"class", "wide grid"}});
  h.Open("thead");
  h.Open("tr");
  h.Element("th", "Year");
  for (const std::string& c : countries) {
    h.Element("th", c.empty() ? std::string("no country") : c, {{"class", "n"}});
  }
  h.Element("th", "Total", {{"class", "n"}});
  h.Close("tr");
  h.Close("thead");
  h.Open("tbody");
  for (size_t i = 0; i < t.years.size(); ++i) {
    const int year = t.years[i];
    const uint64_t ys = i < t.seizures_by_year.size() ? t.seizures_by_year[i] : 0;
    const uint64_t yo = i < t.operations_by_year.size() ? t.operations_by_year[i] : 0;
    std::vector<const Timeline::Cell*> row(countries.size(), nullptr);
    bool any = ys || yo;
    for (const Timeline::Cell& c : t.cells) {
      if (c.year != year) continue;
      const size_t col = static_cast<size_t>(
          std::find(countries.begin(), countries.end(), c.country) - countries.begin());
      row[col] = &c;
      any = true;
    }
    if (!any) continue;
    h.Open("tr");
    Td(h, fmt::format("{}", year));
    for (const Timeline::Cell* c : row) {
      if (c == nullptr) {
        h.Element("td", "", {{"class", "n"}});
      } else {
        TdNum(h, fmt::format("{} / {}", c->seizures, c->operations));
      }
    }
    TdNum(h, fmt::format("{} / {}", ys, yo));
    h.Close("tr");
  }
  CloseTable(h);
  h.Close("div");
  h.Close("section");
}

void EvidenceSection(Html& h, const Report& r) {
  const Handling& hd = r.handling;
  OpenSection(h, "evidence", SectionTitle(7));
  h.Element("h3", "Handling");
  OpenFacts(h);
  Fact(h, "Handling limit",
       hd.max_handling == 0
           ? std::string("none")
           : fmt::format("code {}: link records with a higher handling code were left out at load",
                         hd.max_handling));
  Fact(h, "Withheld", Plural(hd.withheld, "link record", "link records"));
  h.Close("dl");
  h.Element("p", WithheldSentence(hd), {{"class", "notice"}});

  h.Element("h3", "Cited links");
  P(h, fmt::format("This report cites {}; {} no source reference.",
                   Plural(hd.cited, "distinct link", "distinct links"),
                   Plural(hd.cited_without_source, "has", "have")));
  if (!hd.cited_by_grade.empty()) {
    OpenTable(h, {{"Grade"}, {"Cited links", true}});
    for (const Count& c : hd.cited_by_grade) {
      h.Open("tr");
      TdOr(h, c.key, "ungraded");
      TdNum(h, Int(c.count));
      h.Close("tr");
    }
    CloseTable(h);
  }

  h.Element("h3", "Evidence");
  if (r.evidence.empty()) {
    P(h, "This report cites no links.");
  } else {
    Note(h,
         "Every link the report asserts, in the direction of its record. Grades follow the "
         "source and information grading of the records; confidence is the weight the "
         "analysis gave the link.");
    EvidenceTable(h, r.evidence);
  }
  h.Close("section");
}

void ReproducibilitySection(Html& h, const Report& r) {
  OpenSection(h, "reproducibility", SectionTitle(8));
  P(h,
    "The report depends only on the input files and the parameters below: the same files and "
    "parameters give a byte-identical report.");
  OpenFacts(h);
  Fact(h, "linkscope version", OrDash(r.version));
  Fact(h, "Community detection", OrDash(r.method));
  h.Close("dl");

  h.Element("h3", "Inputs");
  if (r.overview.files.empty()) {
    P(h, "No input file was read.");
  } else {
    h.Open("div", {{"class", "scroll"}});
    OpenTable(h, {{"File"}, {"Format"}, {"Bytes", true}, {"SHA-256"}}, "wide");
    for (const Overview::File& f : r.overview.files) {
      h.Open("tr");
      Td(h, f.path);
      TdOr(h, f.format, "unknown");
      TdNum(h, Int(f.bytes));
      h.Open("td");
      if (f.sha256.empty()) {
        h.Element("span", "not computed", {{"class", "missing"}});
      } else {
        h.Element("code", f.sha256, {{"class", "hash"}});
      }
      h.Close("td");
      h.Close("tr");
    }
    CloseTable(h);
    h.Close("div");
  }

  h.Element("h3", "Parameters");
  if (r.parameters.empty()) {
    P(h, "No parameters were recorded.");
  } else {
    OpenTable(h, {{"Parameter"}, {"Value"}});
    for (const auto& [name, value] : r.parameters) {
      h.Open("tr");
      h.Open("td");
      h.Element("code", name);
      h.Close("td");
      TdOrNone(h, value, "(empty)");
      h.Close("tr");
    }
    CloseTable(h);
  }
  h.Close("section");
}

// Print-friendly, no external fonts; XML-safe (no '<', '>' or '&').
constexpr std::string_view kStyle = R"css(
:root{color-scheme:light}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif;font-size:14px;line-height:1.45;color:#1a1a1a;background:#fff;max-width:1100px;margin:0 auto;padding:24px 28px}
h1{font-size:26px;margin:0 0 4px}
h2{font-size:20px;border-bottom:2px solid #333;padding-bottom:3px;margin:36px 0 12px}
h3{font-size:16px;margin:22px 0 8px}
h4{font-size:14px;margin:16px 0 6px}
p{margin:6px 0}
a{color:#1b4f8a;text-decoration:none}
.sub{color:#555;margin:0 0 10px}
.notice{border:1px solid #c9a227;background:#fdf8e4;padding:8px 12px;margin:10px 0}
.note{color:#555;font-size:13px}
nav.toc{border:1px solid #ccc;border-radius:4px;padding:8px 14px;margin:16px 0}
nav.toc ol{margin:4px 0 0;padding-left:22px;columns:3}
table{border-collapse:collapse;margin:8px 0 14px;font-size:13px}
table.wide{width:100%}
th,td{border:1px solid #d4d4d4;padding:3px 7px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{font-variant:small-caps;letter-spacing:.03em;background:#f2f2f2;font-weight:600}
tbody tr:nth-child(even){background:#fafafa}
.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.risk{white-space:nowrap;font-variant-numeric:tabular-nums}
.id,code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:12px}
code.hash{overflow-wrap:anywhere}
.missing{color:#a52a2a;font-style:italic}
.none{color:#888}
.card{border:1px solid #b8b8b8;border-radius:4px;padding:2px 16px 10px;margin:16px 0}
.cols{display:flex;flex-wrap:wrap;gap:0 28px;align-items:flex-start}
.profile{flex:1 1 340px}
.figure{flex:0 1 560px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:8px 0}
dl.facts dt{color:#555}
dl.facts dd{margin:0}
ul.legend{list-style:none;padding:0;margin:6px 0;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:12px}
svg.swatch{vertical-align:-1px;margin-right:4px}
svg.bar{vertical-align:middle;margin-right:6px}
svg.drawing,svg.chart{display:block;max-width:100%;height:auto;border:1px solid #e2e2e2;background:#fff}
svg text{font-family:inherit}
svg.drawing text{paint-order:stroke}
p.chain{line-height:1.8}
.scroll{overflow-x:auto}
table.ev td:nth-child(1),table.ev td:nth-child(3),table.ev td:nth-child(9){font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:12px}
table.ev td:nth-child(7),table.ev td:nth-child(8){text-align:right;font-variant-numeric:tabular-nums}
footer{margin-top:40px;border-top:1px solid #ccc;color:#666;font-size:12px}
@page{margin:14mm}
@media print{body{max-width:none;padding:0;font-size:11px}table{font-size:10px}a{color:inherit}.scroll{overflow:visible}h2,h3,h4{break-after:avoid}tr,.figure,svg{break-inside:avoid}.card{break-inside:auto}}
)css";

}  // namespace

std::string RenderHtml(const Report& r) {
  Html h;
  h.Raw("<!DOCTYPE html>\n");
  h.Open("html", {{"lang", "en"}});
  h.Raw("\n");
  h.Open("head");
  h.Void("meta", {{"charset", "utf-8"}});
  h.Void("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
  h.Void("meta", {{"name", "generator"}, {"content", fmt::format("linkscope {}", r.version)}});
  h.Element("title", r.title.empty() ? std::string("Network report") : r.title);
  h.Open("style");
  h.Raw(kStyle);
  h.Close("style");
  h.Close("head");
  h.Open("body");
  Header(h, r);
  Toc(h);
  h.Open("main");
  OverviewSection(h, r);
  NetworksSection(h, r);
  ConvergenceSection(h, r);
  KeyPlayersSection(h, r);
  FirearmsSection(h, r);
  WatchSection(h, r);
  TimelineSection(h, r);
  EvidenceSection(h, r);
  ReproducibilitySection(h, r);
  h.Close("main");
  h.Open("footer");
  P(h, fmt::format("Generated by linkscope {}. The report depends only on its inputs and "
                   "parameters; see Reproducibility.",
                   OrDash(r.version)));
  h.Close("footer");
  h.Close("body");
  h.Close("html");
  return h.Take();
}

}  // namespace linkscope::report
