// GraphML and GEXF: well-formed XML (parsed back by Python's ElementTree), ids and names with
// markup characters and non-ASCII text, typed attributes, one edge per link record, projections
// and communities.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "export_test_util.hpp"
#include "linkscope/algo/leiden.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/graph/projection.hpp"
#include "linkscope/graph/view.hpp"

namespace linkscope {
namespace {

using testing::ExportTo;
using testing::LoadString;
using testing::ReadFile;
using testing::TempDir;

// Runs a Python script on a file and returns what it printed (the test fails on a non-zero
// exit).
std::string RunPython(const TempDir& dir, const std::string& script, const std::string& arg) {
  const std::string path = dir.File("check.py", script);
  const std::string command = std::string(LINKSCOPE_PYTHON) + " " + path + " '" + arg + "' 2>&1";
  std::FILE* pipe = popen(command.c_str(), "r");
  EXPECT_NE(pipe, nullptr);
  if (!pipe) return "";
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  EXPECT_EQ(pclose(pipe), 0) << out;
  return out;
}

// Every node as "id|name" and every edge as "source|target|type|directed", one per line, the
// way an XML parser reads the file.
constexpr const char* kGraphMlScript = R"(
import sys, xml.etree.ElementTree as ET
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
root = ET.parse(sys.argv[1]).getroot()
keys = {k.get("id"): (k.get("attr.name"), k.get("attr.type")) for k in root.findall("g:key", ns)}
def data(el):
    return {keys[d.get("key")][0]: d.text for d in el.findall("g:data", ns)}
for n in root.iter("{http://graphml.graphdrawing.org/xmlns}node"):
    print("node", repr(n.get("id")), repr(data(n).get("name")), data(n).get("community"))
for e in root.iter("{http://graphml.graphdrawing.org/xmlns}edge"):
    d = data(e)
    print("edge", repr(e.get("source")), repr(e.get("target")), d.get("type"), d.get("directed"), d.get("weight"))
print("types", sorted(set(v for v in keys.values())))
)";

constexpr const char* kGexfScript = R"(
import sys, xml.etree.ElementTree as ET
G = "{http://gexf.net/1.3}"
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == G + "gexf" and root.get("version") == "1.3"
attrs = {}
for a in root.iter(G + "attributes"):
    for x in a.findall(G + "attribute"):
        attrs[(a.get("class"), x.get("id"))] = x.get("title")
def data(el, cls):
    return {attrs[(cls, v.get("for"))]: v.get("value") for v in el.iter(G + "attvalue")}
for n in root.iter(G + "node"):
    print("node", repr(n.get("id")), repr(n.get("label")), data(n, "node").get("community"))
for e in root.iter(G + "edge"):
    d = data(e, "edge")
    print("edge", repr(e.get("source")), repr(e.get("target")), e.get("label"), d.get("directed"), e.get("weight"))
)";

const std::string kMarkup =
    R"({"record":"entity","id":"A<&\"'>","kind":"person","name":"Zoë \"Z\" <b>&amp;</b>\tx\ny"}
{"record":"entity","id":"名前","kind":"organization","name":"株式会社"}
{"record":"link","from":"A<&\"'>","to":"名前","type":"member_of","source":"R&D <sec>"}
{"record":"link","from":"A<&\"'>","to":"名前","type":"associate","weight":2}
)";

TEST(ExportGraphMl, EscapesIdsAndNames) {
  const Graph g = LoadString("m.jsonl", kMarkup);
  TempDir dir;
  const std::string out = dir.Path("m.graphml");
  const ExportReport r = ExportTo(g.TakeSnapshot(), out, ExportFormat::kGraphMl);
  EXPECT_EQ(r.entities, 2u);
  EXPECT_EQ(r.links, 2u);
  const std::string text = ReadFile(out);
  EXPECT_NE(text.find(R"(<node id="A&lt;&amp;&quot;&apos;&gt;">)"), std::string::npos);
  EXPECT_NE(text.find("R&amp;D &lt;sec&gt;"), std::string::npos);
  EXPECT_NE(text.find(R"(<graph id="linkscope" edgedefault="undirected">)"), std::string::npos);
  const std::string parsed = RunPython(dir, kGraphMlScript, out);
  EXPECT_NE(parsed.find("node 'A<&\"\\'>' 'Zoë \"Z\" <b>&amp;</b>\\tx\\ny' None"),
            std::string::npos)
      << parsed;
  EXPECT_NE(parsed.find("node '名前' '株式会社' None"), std::string::npos) << parsed;
  EXPECT_NE(parsed.find("edge 'A<&\"\\'>' '名前' member_of true 1"), std::string::npos) << parsed;
  EXPECT_NE(parsed.find("edge 'A<&\"\\'>' '名前' associate false 2"), std::string::npos) << parsed;
}

TEST(ExportGexf, EscapesIdsAndNames) {
  const Graph g = LoadString("m.jsonl", kMarkup);
  TempDir dir;
  const std::string out = dir.Path("m.gexf");
  ExportTo(g.TakeSnapshot(), out, ExportFormat::kGexf);
  const std::string parsed = RunPython(dir, kGexfScript, out);
  // Attribute values keep their tabs and line breaks (written as character references).
  EXPECT_NE(parsed.find("node 'A<&\"\\'>' 'Zoë \"Z\" <b>&amp;</b>\\tx\\ny' None"),
            std::string::npos)
      << parsed;
  EXPECT_NE(parsed.find("edge 'A<&\"\\'>' '名前' member_of true 1"), std::string::npos) << parsed;
  EXPECT_NE(parsed.find("edge 'A<&\"\\'>' '名前' associate false 2"), std::string::npos) << parsed;
}

TEST(ExportGraphMl, TypedKeysOnlyForAttributesThatOccur) {
  const Graph g = LoadString("case.jsonl", testing::kEveryField);
  TempDir dir;
  const std::string out = dir.Path("c.graphml");
  ExportTo(g.TakeSnapshot(), out, ExportFormat::kGraphMl);
  const std::string text = ReadFile(out);
  for (const char* key : {R"(for="node" attr.name="kind" attr.type="string")",
                          R"(for="node" attr.name="quantity" attr.type="double")",
                          R"(for="node" attr.name="implicit" attr.type="boolean")",
                          R"(for="node" attr.name="age" attr.type="double")",
                          R"(for="node" attr.name="role" attr.type="string")",
                          R"(for="edge" attr.name="directed" attr.type="boolean")",
                          R"(for="edge" attr.name="weight" attr.type="double")",
                          R"(for="edge" attr.name="handling" attr.type="int")",
                          R"(for="edge" attr.name="grade" attr.type="string")",
                          R"(for="edge" attr.name="confidence" attr.type="double")",
                          R"(for="edge" attr.name="cost" attr.type="double")"}) {
    EXPECT_NE(text.find(key), std::string::npos) << key;
  }
  // No communities given: no community key. Two role values on P1: one string, joined.
  EXPECT_EQ(text.find("attr.name=\"community\""), std::string::npos);
  EXPECT_NE(text.find(">broker|driver</data>"), std::string::npos);
  // One edge per link record, ids from the link numbers.
  size_t edges = 0;
  for (size_t at = text.find("<edge "); at != std::string::npos; at = text.find("<edge ", at + 1)) {
    ++edges;
  }
  EXPECT_EQ(edges, g.model().link_count());
  EXPECT_NE(text.find(R"(<edge id="e0" source="P1" target="P2">)"), std::string::npos);
  EXPECT_NE(text.find(R"(<edge id="e1" source="P1" target="P2">)"), std::string::npos);
}

TEST(ExportGraphMl, DirectedAndCollapsedSnapshotsWriteEachLinkOnce) {
  const Graph g = LoadString("case.jsonl", testing::kEveryField);
  TempDir dir;
  SnapshotOptions directed;
  directed.directed = true;
  SnapshotOptions collapsed;
  collapsed.collapse_parallel = true;
  const std::string plain = dir.Path("plain.graphml");
  ExportTo(g.TakeSnapshot(), plain, ExportFormat::kGraphMl);
  for (const SnapshotOptions& o : {directed, collapsed}) {
    const std::string out = dir.Path("other.graphml");
    const ExportReport r = ExportTo(g.TakeSnapshot(o), out, ExportFormat::kGraphMl);
    EXPECT_EQ(r.links, g.model().link_count());
    EXPECT_EQ(ReadFile(out), ReadFile(plain));
  }
}

TEST(ExportGraphMl, ProjectionWritesWeightedEdges) {
  const Graph g = LoadString("p.jsonl",
                             R"({"record":"entity","id":"A","kind":"person"}
{"record":"entity","id":"B","kind":"person"}
{"record":"entity","id":"C","kind":"person"}
{"record":"entity","id":"S1","kind":"seizure"}
{"record":"entity","id":"S2","kind":"seizure"}
{"record":"link","from":"A","to":"S1","type":"arrested_in"}
{"record":"link","from":"B","to":"S1","type":"arrested_in"}
{"record":"link","from":"A","to":"S2","type":"arrested_in"}
{"record":"link","from":"B","to":"S2","type":"arrested_in"}
{"record":"link","from":"C","to":"S2","type":"arrested_in"}
)");
  ProjectionOptions po;
  po.onto = {"person"};
  po.via = {"seizure"};
  const Snapshot p = Project(g.TakeSnapshot(), po);
  ASSERT_TRUE(p.derived());
  TempDir dir;
  const std::string out = dir.Path("p.graphml");
  const ExportReport r = ExportTo(p, out, ExportFormat::kGraphMl);
  EXPECT_EQ(r.entities, 3u);
  EXPECT_EQ(r.links, 3u);
  const std::string parsed = RunPython(dir, kGraphMlScript, out);
  EXPECT_NE(parsed.find("edge 'A' 'B' projected false 2"), std::string::npos) << parsed;
  EXPECT_NE(parsed.find("edge 'A' 'C' projected false 1"), std::string::npos) << parsed;
  EXPECT_NE(parsed.find("edge 'B' 'C' projected false 1"), std::string::npos) << parsed;

  // The projection as JSON Lines loads back as the weighted person network.
  const std::string jsonl = dir.Path("p.jsonl");
  ExportTo(p, jsonl, ExportFormat::kJsonLines);
  const Graph back = testing::LoadFiles({jsonl});
  ASSERT_EQ(back.model().entity_count(), 3u);
  ASSERT_EQ(back.model().link_count(), 3u);
  EXPECT_EQ(back.model().TypeName(0), "projected");
  EXPECT_FALSE(back.model().Directed(0));
  EXPECT_EQ(back.model().Weight(0), 2.0);

  // The CSV tables too.
  const ExportReport csv = ExportTo(p, dir.Path("p_csv"), ExportFormat::kCsv);
  const Graph tables = testing::LoadFiles(csv.files);
  EXPECT_EQ(tables.model().entity_count(), 3u);
  EXPECT_EQ(tables.model().link_count(), 3u);
  EXPECT_EQ(tables.model().Weight(0), 2.0);
}

TEST(ExportGraphMl, CommunitiesAreANodeAttribute) {
  const Graph g = testing::LoadFiles({testing::kSampleCase});
  const Snapshot s = g.TakeSnapshot();
  LeidenParams lp;
  lp.seed = 3;
  const Communities c = Leiden(s, lp);
  TempDir dir;
  for (ExportFormat f : {ExportFormat::kGraphMl, ExportFormat::kGexf}) {
    const std::string out = dir.Path(f == ExportFormat::kGexf ? "c.gexf" : "c.graphml");
    ExportTo(s, out, f, c.membership);
    const std::string parsed =
        RunPython(dir, f == ExportFormat::kGexf ? kGexfScript : kGraphMlScript, out);
    // Every node carries its community.
    for (const std::string id : {"P00001", "F00001", "S00001"}) {
      const VertexId v = s.VertexOfId(id);
      EXPECT_NE(parsed.find(fmt::format("node '{}' ", id)), std::string::npos);
      const size_t line = parsed.find(fmt::format("node '{}' ", id));
      const std::string text = parsed.substr(line, parsed.find('\n', line) - line);
      EXPECT_TRUE(text.ends_with(fmt::format(" {}", c.membership[v]))) << text;
    }
  }
  // The wrong number of ids is a usage error.
  const std::vector<uint32_t> short_list(3, 0);
  EXPECT_THROW(ExportTo(s, dir.Path("x.graphml"), ExportFormat::kGraphMl, short_list), UsageError);
}

TEST(ExportGraphMl, EmptyCase) {
  const Graph g;
  TempDir dir;
  for (ExportFormat f : {ExportFormat::kGraphMl, ExportFormat::kGexf, ExportFormat::kJsonLines,
                         ExportFormat::kFtm}) {
    const std::string out = dir.Path("empty");
    const ExportReport r = ExportTo(g.TakeSnapshot(), out, f);
    EXPECT_EQ(r.entities, 0u);
    EXPECT_EQ(r.links, 0u);
  }
  ExportTo(g.TakeSnapshot(), dir.Path("e.graphml"), ExportFormat::kGraphMl);
  EXPECT_EQ(RunPython(dir, kGraphMlScript, dir.Path("e.graphml")), "types []\n");
}

}  // namespace
}  // namespace linkscope
