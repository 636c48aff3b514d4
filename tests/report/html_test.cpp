// The HTML report: one self-contained document (no scripts, no external resources, no inline
// styles), well-formed (a tag-balance and reference checker here, Python's XML parser when the
// build names an interpreter), every section present, user text escaped everywhere, evidence
// rows that show missing sources and grades, the "nothing to show" sentences of an empty
// report, and identical bytes for the same Report.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/report_data.hpp"

namespace linkscope::report {
namespace {

constexpr std::string_view kNasty = "<b>&\"'";
constexpr std::string_view kNastyEscaped = "&lt;b&gt;&amp;&quot;&#39;";
constexpr std::string_view kSha =
    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

const char* const kSectionIds[] = {"overview",    "firearms",    "networks",
                                   "convergence", "key-players", "watch-list",
                                   "timeline",    "evidence",    "reproducibility"};

size_t Occurrences(const std::string& s, std::string_view what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) {
    ++n;
  }
  return n;
}

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

// Walks the tags: the doctype first, one root, every element closed in order (or self-closed
// with "/>"), names plain, attributes name="value" with no '<' or '"' inside the value. Returns
// "" when the document passes, else what is wrong and where.
std::string CheckTags(const std::string& html) {
  std::vector<std::string> open;
  size_t roots = 0;
  size_t i = 0;
  const auto fail = [&html](size_t at, const std::string& what) {
    return what + " at byte " + std::to_string(at) + ": " + html.substr(at, 60);
  };
  while ((i = html.find('<', i)) != std::string::npos) {
    if (html.compare(i, 15, "<!DOCTYPE html>") == 0) {
      if (i != 0) return fail(i, "doctype not first");
      i += 15;
      continue;
    }
    if (html.compare(i, 2, "<!") == 0 || html.compare(i, 2, "<?") == 0) {
      return fail(i, "unexpected declaration, comment or processing instruction");
    }
    const size_t end = html.find('>', i);
    if (end == std::string::npos) return fail(i, "unterminated tag");
    std::string_view tag(html.data() + i + 1, end - i - 1);
    if (!tag.empty() && tag.front() == '/') {
      const std::string name(tag.substr(1));
      if (open.empty()) return fail(i, "closing " + name + " with nothing open");
      if (open.back() != name) return fail(i, "closing " + name + " inside " + open.back());
      open.pop_back();
      i = end + 1;
      continue;
    }
    const bool self_closing = !tag.empty() && tag.back() == '/';
    if (self_closing) tag.remove_suffix(1);
    size_t k = 0;
    while (k < tag.size() && IsNameChar(tag[k])) ++k;
    if (k == 0) return fail(i, "bad tag name");
    const std::string name(tag.substr(0, k));
    // Attributes.
    while (k < tag.size()) {
      if (tag[k] != ' ') return fail(i, "expected a space before an attribute");
      ++k;
      const size_t name_start = k;
      while (k < tag.size() && IsNameChar(tag[k])) ++k;
      if (k == name_start) return fail(i, "bad attribute name");
      if (tag.substr(name_start, 2) == "on") return fail(i, "event handler attribute");
      if (tag.substr(k, 2) != "=\"") return fail(i, "attribute without a double-quoted value");
      k += 2;
      const size_t close = tag.find('"', k);
      if (close == std::string_view::npos) return fail(i, "unterminated attribute value");
      if (tag.substr(k, close - k).find('<') != std::string_view::npos) {
        return fail(i, "'<' in an attribute value");
      }
      k = close + 1;
    }
    if (open.empty()) {
      if (++roots > 1) return fail(i, "second root element");
      if (name != "html") return fail(i, "root is not html");
    }
    if (!self_closing) open.push_back(name);
    i = end + 1;
  }
  if (!open.empty()) return "unclosed element " + open.back();
  if (roots != 1) return "no root element";
  return "";
}

// Every '&' starts one of the five XML references or a numeric one.
std::string CheckReferences(const std::string& html) {
  for (size_t at = html.find('&'); at != std::string::npos; at = html.find('&', at + 1)) {
    const size_t semi = html.find(';', at);
    if (semi == std::string::npos || semi - at > 10) return "bare & at " + std::to_string(at);
    const std::string ref = html.substr(at + 1, semi - at - 1);
    if (ref == "amp" || ref == "lt" || ref == "gt" || ref == "quot" || ref == "apos") continue;
    bool numeric = ref.size() >= 2 && ref[0] == '#';
    for (size_t k = 1; numeric && k < ref.size(); ++k) numeric = ref[k] >= '0' && ref[k] <= '9';
    if (!numeric) return "reference &" + ref + "; at " + std::to_string(at);
  }
  return "";
}

bool ValidUtf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80           ? 1
                 : (c >> 5) == 0x6  ? 2
                 : (c >> 4) == 0xE  ? 3
                 : (c >> 3) == 0x1E ? 4
                                    : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    if (len == 1 && c < 0x20 && c != '\n' && c != '\t' && c != '\r') return false;
    i += len;
  }
  return true;
}

// The values of every `attr="..."` in the document.
std::vector<std::string> AttributeValues(const std::string& html, std::string_view attr) {
  std::vector<std::string> values;
  const std::string key = " " + std::string(attr) + "=\"";
  for (size_t at = html.find(key); at != std::string::npos; at = html.find(key, at + 1)) {
    const size_t start = at + key.size();
    values.push_back(html.substr(start, html.find('"', start) - start));
  }
  return values;
}

EntityRef Ref(std::string id, std::string name, std::string kind, std::string country = "") {
  return EntityRef{std::move(id), std::move(name), std::move(kind), std::move(country)};
}

EvidenceRow Ev(std::string from, std::string type, std::string to, std::string date,
               std::string source, std::string grade, std::string link_id = "") {
  EvidenceRow e;
  e.from = std::move(from);
  e.type = std::move(type);
  e.to = std::move(to);
  e.date = std::move(date);
  e.source = std::move(source);
  e.grade = std::move(grade);
  e.confidence = 0.75;
  e.handling = 1;
  e.link_id = std::move(link_id);
  return e;
}

Report Sample() {
  Report r;
  r.title = "Operation Nightjar";
  r.version = "0.9.0 \"rc\"";
  r.method = "leiden";
  r.modularity = 0.4312;
  r.communities = 7;
  r.ranked = 2;

  Overview& o = r.overview;
  Overview::File f;
  f.path = "cases/nightjar.jsonl";
  f.format = "jsonl";
  f.sha256 = std::string(kSha);
  f.bytes = 20480;
  f.records = 120;
  f.entity_records = 40;
  f.links = 78;
  f.rejected = 2;
  f.withheld = 412;
  o.files.push_back(f);
  o.records = 120;
  o.rejected = 2;
  o.withheld = 412;
  o.warnings = 1;
  o.rejected_examples = {"cases/nightjar.jsonl:7:12: unknown kind \"<b>\""};
  o.entities = 40;
  o.links = 78;
  o.implicit_entities = 3;
  o.firearms = 4;
  o.firearm_records = 6;
  o.merged_firearm_records = 2;
  o.distinct_pairs = 70;
  o.components = 2;
  o.largest_component = 37;
  o.isolates = 1;
  o.graded_links = 50;
  o.first_date = "2018-03-01";
  o.last_date = "2021-11-30";
  o.by_kind = {{"person", 25}, {"firearm", 4}, {"seizure", 5}};
  o.by_link_type = {{"associate", 40}, {"seized_in", 10}};
  o.by_grade = {{"B2", 30}, {"", 28}};

  Network big;
  big.id = 0;
  big.rank = 1;
  big.risk = 73.25;
  big.terms = {0.8, 0.75, 0.4, 0.5, 0.3};
  big.size = 9;
  big.internal_links = 14;
  big.external_links = 3;
  big.density = 0.3889;
  big.kinds = {{"person", 6}, {"firearm", 2}, {"seizure", 1}};
  big.commodities = {{"firearms", 2}, {"cocaine", 1}};
  big.countries = {{"IT", 5}, {"AL", 2}};
  big.categories = 2;
  big.entropy = 0.9183;
  big.seizures = 1;
  big.firearms = 2;
  big.top_members = {{Ref("P1", "Marco <Il Capo>", "person", "IT"), 0.61},
                     {Ref("P2", "", "person", "AL"), 0.2}};
  big.bridges = {{Ref("P2", "", "person", "AL"), {1}}};
  big.bridge_count = 1;
  big.members = {"F1", "F2", "P1", "P2", "P3", "P4", "P5", "P6", "S1"};
  big.detailed = true;
  big.drawing.members = 9;
  big.drawing.nodes = {{"P1", "Marco <Il Capo>", "person", 0.1, 0.2, 1.0, true},
                       {"F1", "Beretta 92", "firearm", 0.9, 0.5, 0.3, true},
                       {"S1", "S1", "seizure", 0.5, 0.95, 0.0, false},
                       {"X1", "odd", "submarine", 0.0, 1.0, 0.5, false}};
  big.drawing.edges = {{0, 1}, {1, 2}, {0, 3}};
  big.key_players.computed = true;
  big.key_players.set = {Ref("P1", "Marco <Il Capo>", "person", "IT")};
  big.key_players.before = {9, 1, 9, 1.0, 0.0};
  big.key_players.after = {8, 3, 4, 0.5, 0.6071};
  r.networks.push_back(big);

  Network small;
  small.id = 1;
  small.rank = 2;
  small.risk = 12.5;
  small.size = 3;
  small.categories = 1;
  small.commodities = {{"heroin", 1}};
  small.countries = {{"AL", 3}};
  small.key_players.note = "not described in full";
  r.networks.push_back(small);

  Broker broker;
  broker.entity = Ref("P2", "", "person", "AL");
  broker.networks = {0, 1};
  broker.categories = {"firearms", "heroin"};
  r.convergence.networks = {0};
  r.convergence.brokers = {broker};
  r.convergence.connectors = {broker};

  r.key_players.betweenness = {{Ref("P1", "Marco <Il Capo>", "person", "IT"), 0.61},
                               {Ref("P2", "", "person", "AL"), 0.2}};
  r.key_players.sampled = true;
  r.key_players.pivots = 256;
  r.key_players.overall.computed = false;
  r.key_players.overall.note = "The graph has more than 20000 entities; key players not searched.";

  FirearmTrace t;
  t.firearm = Ref("F1", "Beretta 92", "firearm");
  t.make = "Beretta";
  t.model = "92FS";
  t.calibre = "9mm";
  t.serial = "BER-0042";
  t.records = 3;
  t.sources = {"CARABINIERI-17", "INTERPOL-iARMS"};
  t.seizures = 2;
  t.chain = {
      {"2019-04-02", "seizure", Ref("S1", "Port of Bari", "seizure", "IT"),
       Ev("F1", "seized_in", "S1", "2019-04-02", "CARABINIERI-17", "A1", "L1")},
      {"2020-01-15", "possessor", Ref("P1", "Marco <Il Capo>", "person", "IT"),
       Ev("P1", "possesses", "F1", "2020-01-15", "", "", "L2")},
      {"", "trace", Ref("S2", "", "seizure"),
       Ev("F1", "traced_to", "S2", "", "INTERPOL-iARMS", "C3", "L3")},
  };
  r.firearms = {t};
  r.firearms_traced = 3;

  r.watch.entities = {Ref("P1", "Marco <Il Capo>", "person", "IT"),
                      Ref("P9", "Lena", "person", "DE")};
  r.watch.missing = {"P404"};
  WatchPath found;
  found.from = "P1";
  found.to = "P9";
  found.found = true;
  found.hops = 2;
  found.reliability = 0.5625;
  found.entities = {Ref("P1", "Marco <Il Capo>", "person"), Ref("P2", "", "person"),
                    Ref("P9", "Lena", "person")};
  found.links = {Ev("P1", "associate", "P2", "2020-02-01", std::string(kNasty), "B2", "L4"),
                 Ev("P9", "associate", "P2", "", "", "", "")};
  r.watch.paths = {found};
  r.watch.connected = true;
  r.watch.network = found.entities;
  r.watch.network_links = found.links;

  r.timeline.years = {2018, 2019, 2020, 2021};
  r.timeline.countries = {"IT", "AL"};
  r.timeline.cells = {{2019, "IT", 3, 1}, {2019, "AL", 0, 2}, {2021, "IT", 1, 0}};
  r.timeline.seizures_by_year = {0, 3, 0, 1};
  r.timeline.operations_by_year = {0, 3, 0, 0};
  r.timeline.undated_seizures = 2;
  r.timeline.undated_operations = 0;

  r.handling.max_handling = 2;
  r.handling.withheld = 412;
  r.handling.cited = 5;
  r.handling.cited_without_source = 2;
  r.handling.cited_by_grade = {{"A1", 1}, {"B2", 1}, {"C3", 1}, {"", 2}};

  r.parameters = {
      {"method", "leiden"}, {"resolution", "1"}, {"seed", "1"}, {"watch_list", "P1, P9, P404"}};
  r.evidence = {Ev("F1", "seized_in", "S1", "2019-04-02", "CARABINIERI-17", "A1", "L1"),
                Ev("P1", "associate", "P2", "2020-02-01", std::string(kNasty), "B2", "L4"),
                Ev("P1", "possesses", "F1", "2020-01-15", "", "", "L2"),
                Ev("P9", "associate", "P2", "", "", "", "")};
  return r;
}

void ExpectWellFormed(const std::string& html) {
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
  EXPECT_EQ(CheckTags(html), "");
  EXPECT_EQ(CheckReferences(html), "");
  EXPECT_TRUE(ValidUtf8(html));
  EXPECT_NE(html.find("<meta charset=\"utf-8\"/>"), std::string::npos);
  // Self-contained: no scripts, nothing fetched, no inline styles.
  for (const char* banned : {"<script", "http://", "https://", "<img", "<link", "<iframe",
                             "<object", "@import", "url(", " style=", "src="}) {
    EXPECT_EQ(html.find(banned), std::string::npos) << banned;
  }
  // Internal links only, and each has a target.
  std::set<std::string> ids;
  for (const std::string& id : AttributeValues(html, "id")) {
    EXPECT_TRUE(ids.insert(id).second) << "duplicate id " << id;
  }
  for (const std::string& href : AttributeValues(html, "href")) {
    ASSERT_FALSE(href.empty());
    EXPECT_EQ(href[0], '#') << href;
    EXPECT_TRUE(ids.count(href.substr(1))) << "no target for " << href;
  }
  for (const char* id : kSectionIds) {
    EXPECT_NE(html.find(std::string("<h2 id=\"") + id + "\">"), std::string::npos) << id;
    EXPECT_NE(html.find(std::string("href=\"#") + id + "\""), std::string::npos) << id;
  }
  EXPECT_EQ(html.find("<tbody></tbody>"), std::string::npos) << "an empty table";
}

TEST(ReportHtml, SampleIsWellFormedAndSelfContained) {
  const std::string html = RenderHtml(Sample());
  ExpectWellFormed(html);
  EXPECT_NE(html.find("<title>Operation Nightjar</title>"), std::string::npos);
}

TEST(ReportHtml, UserTextIsEscapedEverywhere) {
  const std::string html = RenderHtml(Sample());
  EXPECT_EQ(html.find(kNasty), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_EQ(html.find("<Il Capo>"), std::string::npos);
  // In three evidence tables: the path's, the connecting network's and the full one.
  EXPECT_EQ(Occurrences(html, std::string("<td>") + std::string(kNastyEscaped) + "</td>"), 3u);
  EXPECT_NE(html.find("Marco &lt;Il Capo&gt;"), std::string::npos);
  EXPECT_NE(html.find("unknown kind &quot;&lt;b&gt;&quot;"), std::string::npos);
  // In attributes too.
  EXPECT_NE(html.find("content=\"linkscope 0.9.0 &quot;rc&quot;\""), std::string::npos);
}

TEST(ReportHtml, InvalidTextBecomesReplacementCharacters) {
  Report r = Sample();
  r.title = std::string("bad \x01 byte \xff end \xed\xa0\x80 ok \xc3\xa9");
  r.evidence[0].source = std::string("trunc\xe2\x82");
  const std::string html = RenderHtml(r);
  EXPECT_TRUE(ValidUtf8(html));
  EXPECT_EQ(CheckTags(html), "");
  EXPECT_NE(html.find("bad \xEF\xBF\xBD byte \xEF\xBF\xBD end"), std::string::npos);
  EXPECT_NE(html.find("ok \xc3\xa9"), std::string::npos);  // valid UTF-8 kept as it is
}

TEST(ReportHtml, SameReportSameBytes) {
  const Report r = Sample();
  const std::string a = RenderHtml(r);
  const Report copy = r;
  EXPECT_EQ(a, RenderHtml(copy));
  EXPECT_EQ(a, RenderHtml(r));
}

TEST(ReportHtml, Overview) {
  const std::string html = RenderHtml(Sample());
  // The table shows a short hash with the full one in its title; Reproducibility in full.
  EXPECT_NE(html.find(std::string("title=\"") + std::string(kSha) + "\""), std::string::npos);
  EXPECT_NE(html.find(std::string("<code class=\"hash\">") + std::string(kSha) + "</code>"),
            std::string::npos);
  EXPECT_NE(html.find("cases/nightjar.jsonl"), std::string::npos);
  EXPECT_NE(html.find("2 records were rejected (the first 1 listed):"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"missing\">ungraded</td><td class=\"n\">28</td>"),
            std::string::npos);
}

TEST(ReportHtml, NetworksRankingAndCard) {
  const std::string html = RenderHtml(Sample());
  // Ranking: the detailed network links to its card, the other does not.
  EXPECT_NE(html.find("<a href=\"#network-0\">0</a>"), std::string::npos);
  EXPECT_EQ(html.find("href=\"#network-1\""), std::string::npos);
  EXPECT_NE(html.find("<div class=\"card\" id=\"network-0\">"), std::string::npos);
  EXPECT_EQ(html.find("id=\"network-1\""), std::string::npos);
  EXPECT_NE(html.find("firearms 2, cocaine 1"), std::string::npos);
  EXPECT_NE(html.find("<rect width=\"73.2\" height=\"8\""), std::string::npos);  // risk bar

  // Drawing: one circle per node coloured by kind, unknown kinds grey, one line per edge,
  // labels of labelled nodes only, a title per node, a legend.
  const size_t svg = html.find("<svg class=\"drawing\"");
  ASSERT_NE(svg, std::string::npos);
  const std::string drawing = html.substr(svg, html.find("</svg>", svg) - svg);
  EXPECT_EQ(Occurrences(drawing, "<circle "), 4u);
  EXPECT_EQ(Occurrences(drawing, "<line "), 3u);
  EXPECT_EQ(Occurrences(drawing, "<text "), 2u);
  EXPECT_EQ(Occurrences(drawing, "<title>"), 4u);
  EXPECT_NE(drawing.find("fill=\"#1f77b4\""), std::string::npos);
  EXPECT_NE(drawing.find("fill=\"#d62728\""), std::string::npos);
  EXPECT_NE(drawing.find("fill=\"#2ca02c\""), std::string::npos);
  EXPECT_NE(drawing.find("fill=\"#555555\""), std::string::npos);
  EXPECT_NE(drawing.find(">Marco &lt;Il Capo&gt;</text>"), std::string::npos);
  EXPECT_NE(drawing.find("<title>P1 \xE2\x80\x94 Marco &lt;Il Capo&gt; (person)</title>"),
            std::string::npos);
  EXPECT_NE(drawing.find("paint-order=\"stroke\""), std::string::npos);
  // Positions scaled into the canvas with padding: (0.1, 0.2) -> (78.4, 96.8).
  EXPECT_NE(drawing.find("cx=\"78.4\" cy=\"96.8\" r=\"12.0\""), std::string::npos);
  EXPECT_NE(html.find("person (1)</li>"), std::string::npos);
  EXPECT_NE(html.find("submarine (1)</li>"), std::string::npos);
  EXPECT_NE(html.find("4 of 9 members shown"), std::string::npos);
  Report r = Sample();
  r.networks[0].drawing.members = 4;
  EXPECT_EQ(RenderHtml(r).find("members shown"), std::string::npos);

  // Key players of the card, and the note of a set not computed.
  EXPECT_NE(html.find("<td>Fragmentation (0 connected, 1 all apart)</td><td class=\"n\">0</td>"
                      "<td class=\"n\">0.6071</td>"),
            std::string::npos);
  EXPECT_NE(html.find("more than 20000 entities"), std::string::npos);
  EXPECT_NE(html.find("256 sampled pivots"), std::string::npos);
}

TEST(ReportHtml, FirearmWatchTimelineEvidence) {
  const std::string html = RenderHtml(Sample());
  // Firearm chain, in the builder's (date) order, missing source and grade visible.
  const size_t a = html.find("<td>2019-04-02</td><td>seizure</td>");
  const size_t b = html.find("<td>2020-01-15</td><td>possessor</td>");
  const size_t c = html.find("<td class=\"none\">undated</td><td>trace</td>");
  ASSERT_NE(a, std::string::npos);
  ASSERT_NE(b, std::string::npos);
  ASSERT_NE(c, std::string::npos);
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
  EXPECT_NE(html.find("<td>possesses</td><td class=\"missing\">no source</td>"
                      "<td class=\"missing\">ungraded</td>"),
            std::string::npos);
  EXPECT_NE(html.find("BER-0042"), std::string::npos);

  // Watch list.
  EXPECT_NE(html.find("Marco &lt;Il Capo&gt; (P1) \xE2\x86\x92 Lena (P9)"), std::string::npos);
  EXPECT_NE(html.find("2 hops, reliability 0.5625"), std::string::npos);
  EXPECT_NE(html.find("<span class=\"id\">P404</span>"), std::string::npos);

  // Timeline: bars with their counts, the year x country table, the undated counts.
  EXPECT_NE(html.find("<svg class=\"chart\""), std::string::npos);
  EXPECT_NE(html.find("<title>2019: 3 seizures</title>"), std::string::npos);
  EXPECT_NE(html.find("<title>2019: 3 operations</title>"), std::string::npos);
  EXPECT_NE(html.find("<td>2019</td><td class=\"n\">3 / 1</td><td class=\"n\">0 / 2</td>"
                      "<td class=\"n\">3 / 3</td>"),
            std::string::npos);
  EXPECT_EQ(html.find("<td>2018</td>"), std::string::npos);  // nothing that year
  EXPECT_NE(html.find("2 seizures and 0 operations"), std::string::npos);

  // Handling, stated plainly.
  EXPECT_NE(html.find("412 link records above handling code 2 were withheld and are not "
                      "reflected anywhere in this report."),
            std::string::npos);
  // Every evidence row shows its source and grade, or says they are missing.
  const size_t ev = html.find("<h2 id=\"evidence\">");
  const size_t ev_end = html.find("<h2 id=\"reproducibility\">");
  const std::string evidence = html.substr(ev, ev_end - ev);
  EXPECT_EQ(Occurrences(evidence, "<td class=\"missing\">no source</td>"), 2u);
  EXPECT_EQ(Occurrences(evidence, "<td class=\"missing\">ungraded</td>"), 3u);  // + by grade
  EXPECT_NE(evidence.find("<td>L1</td>"), std::string::npos);

  // Reproducibility: every parameter.
  EXPECT_NE(html.find("<td><code>watch_list</code></td><td>P1, P9, P404</td>"), std::string::npos);
}

TEST(ReportHtml, EmptyReportSaysSo) {
  const std::string html = RenderHtml(Report{});
  ExpectWellFormed(html);
  for (const char* sentence : {
           "No input file was read.",
           "No record was rejected.",
           "No community was large enough to rank as a network.",
           "No ranked network reaches more than one commodity category.",
           "No entity links networks that reach firearms and another commodity category.",
           "No entity links two or more networks.",
           "No betweenness ranking",
           "The key-player set was not computed.",
           "No firearm was seen in more than one seizure or record.",
           "No watch list was given.",
           "No dated seizure or operation.",
           "No handling limit was applied; no link record was withheld.",
           "This report cites no links.",
           "No parameters were recorded.",
       }) {
    EXPECT_NE(html.find(sentence), std::string::npos) << sentence;
  }
  EXPECT_EQ(html.find("<table"), std::string::npos);
  EXPECT_EQ(html.find("<svg class=\"chart\""), std::string::npos);
  EXPECT_NE(html.find("<title>Network report</title>"), std::string::npos);
}

TEST(ReportHtml, LargeEvidenceTableStaysCompact) {
  Report r = Sample();
  for (int i = 0; i < 5000; ++i) {
    r.evidence.push_back(Ev(fmt::format("P{}", i), "associate", fmt::format("P{}", i + 1),
                            "2020-01-01", fmt::format("SRC-{}", i), "B2", fmt::format("L{}", i)));
  }
  const std::string html = RenderHtml(r);
  const std::string small = RenderHtml(Sample());
  // About 170 bytes a row: the markup of nine cells and the text.
  EXPECT_LT(html.size() - small.size(), 5000u * 220u);
  EXPECT_EQ(CheckTags(html), "");
}

TEST(ReportHtml, ManyYearsAndAWideDrawingStayWellFormed) {
  Report r = Sample();
  r.timeline = {};
  for (int y = 1950; y <= 2024; ++y) {
    r.timeline.years.push_back(y);
    r.timeline.seizures_by_year.push_back(static_cast<uint64_t>(y % 7) * 1000);
    r.timeline.operations_by_year.push_back(static_cast<uint64_t>(y % 3));
  }
  r.networks[0].drawing.edges.push_back({0, 99});  // out of range: ignored
  r.networks[0].drawing.nodes[0].x = 7.5;          // outside [0, 1]: clamped
  const std::string html = RenderHtml(r);
  EXPECT_EQ(CheckTags(html), "");
  EXPECT_NE(html.find("<title>1950: 4000 seizures</title>"), std::string::npos);
  EXPECT_NE(html.find("cx=\"532.0\""), std::string::npos);
}

// Python's XML parser reads the document as it is (the test the report's consumers rely on).
TEST(ReportHtml, ParsesAsXml) {
#ifndef LINKSCOPE_PYTHON
  GTEST_SKIP() << "no Python interpreter named by the build";
#else
  for (const Report& r : {Sample(), Report{}}) {
    const std::string cmd = std::string("'") + LINKSCOPE_PYTHON +
                            "' -c 'import sys, xml.etree.ElementTree as E; "
                            "root = E.fromstring(sys.stdin.buffer.read()); "
                            "sys.exit(0 if root.tag == \"html\" else 3)'";
    FILE* pipe = popen(cmd.c_str(), "w");
    ASSERT_NE(pipe, nullptr) << cmd;
    const std::string html = RenderHtml(r);
    ASSERT_EQ(fwrite(html.data(), 1, html.size(), pipe), html.size());
    EXPECT_EQ(pclose(pipe), 0) << "xml.etree rejected the report";
  }
#endif
}

}  // namespace
}  // namespace linkscope::report
