// Firearm resolution: records of the same make and serial are one gun, whatever their ids,
// sources or serial spelling, and the gun keeps every record.
#include <gtest/gtest.h>

#include "linkscope/core/error.hpp"
#include "linkscope/graph/graph.hpp"
#include "test_util.hpp"

namespace linkscope {
namespace {

std::string Gun(const std::string& id, const std::string& make, const std::string& serial,
                const std::string& source) {
  return R"({"record":"entity","id":")" + id + R"(","kind":"firearm","make":")" + make +
         R"(","serial":")" + serial + R"(","source":")" + source + "\"}\n";
}

TEST(FirearmResolution, SerialVariantsFromSeveralSourcesMergeAndKeepAllRecords) {
  Graph g;
  g.LoadText("register.jsonl", Gun("REG-1", "Glock", "AB-12.345", "firearms register") +
                                   Gun("SEZ-9", "GLOCK", "ab 12345", "seizure report"));
  g.LoadText("trace.jsonl", Gun("TR-4", "glock", "AB/12345", "trace request") +
                                R"({"record":"link","from":"P1","to":"TR-4","type":"possessed"})"
                                "\n"
                                R"({"record":"link","from":"SEZ-9","to":"S1","type":"seized_in"})"
                                "\n");
  const Model& m = g.model();
  const EntityId gun = *m.FindEntity("REG-1");
  EXPECT_EQ(*m.FindEntity("SEZ-9"), gun);
  EXPECT_EQ(*m.FindEntity("TR-4"), gun);
  EXPECT_EQ(m.ExternalId(gun), "REG-1");  // the smallest id, whatever the load order
  const auto records = m.Records(gun);
  ASSERT_EQ(records.size(), 3u);
  std::vector<std::string> sources;
  for (const auto& r : records) sources.emplace_back(r.source);
  std::sort(sources.begin(), sources.end());
  EXPECT_EQ(sources,
            (std::vector<std::string>{"firearms register", "seizure report", "trace request"}));
  // Each record keeps the serial as it wrote it.
  EXPECT_EQ(records[1].serial, "ab 12345");
  // Both links now touch the one gun.
  EXPECT_EQ(m.To(0), gun);
  EXPECT_EQ(m.From(1), gun);
  EXPECT_EQ(m.entity_count(), 3u);  // gun, P1, S1
}

TEST(FirearmResolution, DifferentMakesOrMissingSerialsStayApart) {
  Graph g;
  g.LoadText("a.jsonl", Gun("A", "Glock", "X1", "s") + Gun("B", "Taurus", "X1", "s") +
                            Gun("C", "Glock", "", "s") + Gun("D", "Glock", "", "s") +
                            Gun("E", "", "X1", "s"));
  EXPECT_EQ(g.model().entity_count(), 5u);
}

TEST(FirearmResolution, AnImplicitEntityDeclaredLaterMergesIntoTheKnownGun) {
  // F2 is first only named by a link; its record then shows it is the gun F1.
  Graph g;
  g.LoadText("a.jsonl", Gun("F1", "Beretta", "Z-99", "register") +
                            R"({"record":"link","from":"P1","to":"F2","type":"possessed"})"
                            "\n" +
                            Gun("F2", "beretta", "z99", "seizure"));
  const Model& m = g.model();
  ASSERT_EQ(m.entity_count(), 2u);
  const EntityId gun = *m.FindEntity("F1");
  EXPECT_EQ(*m.FindEntity("F2"), gun);
  EXPECT_EQ(m.To(0), gun);
  EXPECT_FALSE(m.Implicit(gun));
  EXPECT_EQ(m.Records(gun).size(), 2u);
  // Entity ids stay dense after the merge.
  EXPECT_EQ(m.ExternalId(0), "F1");
  EXPECT_EQ(m.ExternalId(1), "P1");
}

TEST(FirearmResolution, OrderDoesNotChangeTheResult) {
  const std::string a = Gun("Z-REC", "CZ", "A1/B2", "x");
  const std::string b = Gun("A-REC", "cz", "a1b2", "y");
  for (const auto& text : {a + b, b + a}) {
    Graph g;
    g.LoadText("x.jsonl", text);
    ASSERT_EQ(g.model().entity_count(), 1u);
    EXPECT_EQ(g.model().ExternalId(0), "A-REC");
  }
}

TEST(FirearmResolution, ConflictingSerialForTheSameIdIsAnError) {
  Graph g;
  try {
    g.LoadText("a.jsonl", Gun("F1", "Glock", "111", "a") + Gun("F1", "Glock", "222", "b"));
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 2u);
    EXPECT_NE(e.reason().find("serial"), std::string::npos) << e.what();
    EXPECT_NE(e.reason().find("a.jsonl:1"), std::string::npos) << e.what();
  }
  EXPECT_EQ(g.model().entity_count(), 0u);
}

TEST(FirearmResolution, AcrossCsvAndJsonFiles) {
  testing::TempDir dir;
  const std::string csv = dir.File("guns.csv",
                                   "id,kind,make,model,serial,source\n"
                                   "G-1,firearm,Zastava,M70,\"77 123-45\",customs\n");
  const std::string jsonl = dir.File("case.jsonl", Gun("H-7", "ZASTAVA", "7712345", "police"));
  Graph g;
  g.Load({csv, jsonl});
  ASSERT_EQ(g.model().entity_count(), 1u);
  const auto info = g.model().Firearm(0);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->model, "M70");
  EXPECT_EQ(info->normalized_serial, "7712345");
}

}  // namespace
}  // namespace linkscope

namespace linkscope {
namespace {

TEST(FirearmResolution, AKnownGunsMakeAndSerialAreItsIdentity) {
  // g5 is a Colt whose first record has no serial; a record giving it another make is an error,
  // not a warning that would leave a Glock key pointing at a Colt.
  Graph g;
  g.LoadText("a.jsonl",
             R"({"record":"entity","id":"g5","kind":"firearm","make":"Colt","model":"M1911"})"
             "\n");
  try {
    g.LoadText("b.jsonl",
               R"({"record":"entity","id":"g5","kind":"firearm","make":"Glock","serial":"123"})"
               "\n");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(e.reason().find("has make \"Colt\" (a.jsonl:1); this record gives \"Glock\""),
              std::string::npos)
        << e.what();
    EXPECT_EQ(e.column(), 54u);  // the make
  }
  // A record that completes the identity (serial only) builds the key from the known make.
  g.LoadText("c.jsonl",
             R"({"record":"entity","id":"g5","kind":"firearm","serial":"1-23"})"
             "\n"
             R"({"record":"entity","id":"g7","kind":"firearm","make":"COLT","serial":"123"})"
             "\n"
             R"({"record":"entity","id":"g8","kind":"firearm","make":"Glock","serial":"123"})"
             "\n");
  const Model& m = g.model();
  EXPECT_EQ(*m.FindEntity("g7"), *m.FindEntity("g5"));
  EXPECT_NE(*m.FindEntity("g8"), *m.FindEntity("g5"));
  EXPECT_EQ(m.Firearm(*m.FindEntity("g5"))->make, "Colt");
}

}  // namespace
}  // namespace linkscope
