// FollowTheMoney export: schemata and properties of entities and links, stable ids, and the
// export read back by the FtM reader.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "export_test_util.hpp"

namespace linkscope {
namespace {

using testing::ExportTo;
using testing::LoadString;
using testing::ReadFile;
using testing::TempDir;

struct FtmEntity {
  std::string schema;
  std::map<std::string, std::vector<std::string>> props;
  std::vector<std::string> operator[](const std::string& key) const {
    auto it = props.find(key);
    return it == props.end() ? std::vector<std::string>{} : it->second;
  }
};

// id -> entity, every line checked to be {"id": string, "schema": string, "properties":
// {string: [string, ...]}}.
std::map<std::string, FtmEntity> ReadFtm(const std::string& path, std::vector<std::string>* ids) {
  std::map<std::string, FtmEntity> out;
  std::istringstream in(ReadFile(path));
  std::string line;
  while (std::getline(in, line)) {
    rapidjson::Document d;
    d.Parse(line.c_str());
    EXPECT_FALSE(d.HasParseError()) << line;
    EXPECT_TRUE(d.IsObject() && d.MemberCount() == 3) << line;
    if (!d.IsObject() || !d.HasMember("id") || !d["id"].IsString()) continue;
    const std::string id = d["id"].GetString();
    FtmEntity e;
    EXPECT_TRUE(d["schema"].IsString());
    e.schema = d["schema"].GetString();
    EXPECT_TRUE(d["properties"].IsObject());
    for (const auto& p : d["properties"].GetObject()) {
      EXPECT_TRUE(p.value.IsArray()) << line;
      for (const auto& v : p.value.GetArray()) {
        EXPECT_TRUE(v.IsString()) << line;
        e.props[p.name.GetString()].push_back(v.GetString());
      }
      EXPECT_FALSE(e.props[p.name.GetString()].empty()) << line;
    }
    EXPECT_EQ(out.count(id), 0u) << "id twice: " << id;
    out[id] = e;
    if (ids) ids->push_back(id);
  }
  return out;
}

using Values = std::vector<std::string>;

TEST(ExportFtm, EntitySchemataAndProperties) {
  const Graph g = LoadString("case.jsonl", testing::kEveryField);
  TempDir dir;
  const std::string out = dir.Path("case.ijson");
  const ExportReport r = ExportTo(g.TakeSnapshot(), out, ExportFormat::kFtm);
  EXPECT_EQ(r.entities, g.model().entity_count());
  EXPECT_EQ(r.links, g.model().link_count());
  std::vector<std::string> ids;
  const auto ftm = ReadFtm(out, &ids);
  ASSERT_EQ(ids.size(), g.model().entity_count() + g.model().link_count());

  const FtmEntity& p1 = ftm.at("P1");
  EXPECT_EQ(p1.schema, "Person");
  EXPECT_EQ(p1["name"], Values{"Kavo Lemi"});
  EXPECT_EQ(p1["alias"], (Values{"KL", "Big K", "K. Lemi"}));
  EXPECT_EQ(p1["country"], Values{"gh"});
  EXPECT_EQ(p1["birthDate"], Values{"1980"});
  EXPECT_EQ(p1["publisher"], (Values{"records", "informant"}));
  EXPECT_EQ(p1["role"], (Values{"broker", "driver"}));
  EXPECT_EQ(p1["age"], Values{"44"});
  EXPECT_EQ(p1["seen"], Values{"2019-05-02"});
  EXPECT_TRUE(p1["linkscope_kind"].empty());

  EXPECT_EQ(ftm.at("O1").schema, "Organization");
  EXPECT_EQ(ftm.at("O1")["startDate"], Values{"2020-02-01"});  // open: not one date

  const FtmEntity& gun = ftm.at("A-REC");
  EXPECT_EQ(gun.schema, "Asset");
  EXPECT_EQ(gun["name"], Values{"Smith & Wesson M&P9"});
  EXPECT_EQ(gun["registrationNumber"], Values{"ab-12.345/x"});
  EXPECT_EQ(gun["make"], Values{"Smith & Wesson"});
  EXPECT_EQ(gun["model"], Values{"M&P9"});
  EXPECT_EQ(gun["calibre"], Values{"9mm"});
  EXPECT_EQ(gun["description"], Values{"Smith & Wesson M&P9, 9mm, serial ab-12.345/x"});
  EXPECT_EQ(gun["publisher"], (Values{"register", "seizure report", "trace"}));
  EXPECT_EQ(gun["linkscope_kind"], Values{"firearm"});
  EXPECT_EQ(ftm.count("Z-REC"), 0u);  // one entity per gun, under its id

  const FtmEntity& gold = ftm.at("C1");
  EXPECT_EQ(gold.schema, "Asset");
  EXPECT_EQ(gold["description"], Values{"12.5 kg gold (dore bars)"});
  EXPECT_EQ(gold["quantity"], Values{"12.5"});
  EXPECT_TRUE(gold["linkscope_kind"].empty());  // Asset reads back as a commodity

  EXPECT_EQ(ftm.at("A1")["description"], Values{"500 rounds 9mm ammunition"});
  EXPECT_EQ(ftm.at("A1")["linkscope_kind"], Values{"ammunition"});

  const FtmEntity& seizure = ftm.at("S1");
  EXPECT_EQ(seizure.schema, "Event");
  EXPECT_EQ(seizure["summary"], Values{"seizure"});
  EXPECT_EQ(seizure["date"], Values{"2021-06-14"});
  EXPECT_EQ(seizure["country"], Values{"gh"});
  EXPECT_EQ(seizure["linkscope_kind"], Values{"seizure"});

  EXPECT_EQ(ftm.at("E1").schema, "Event");
  EXPECT_EQ(ftm.at("E1")["date"], Values{"2021-06-01T10:15:30Z"});
  EXPECT_TRUE(ftm.at("E1")["linkscope_kind"].empty());

  const FtmEntity& drone = ftm.at("D1");
  EXPECT_EQ(drone.schema, "Asset");
  EXPECT_EQ(drone["linkscope_kind"], Values{"drone"});
  ASSERT_EQ(drone["ftm_note"].size(), 1u);
  EXPECT_EQ(drone["range_km"], Values{"7"});

  EXPECT_EQ(ftm.at("U1").schema, "LegalEntity");
  EXPECT_EQ(ftm.at("U1")["linkscope_kind"], Values{"unknown"});
  // An implicit entity is written too, named by its id.
  EXPECT_EQ(ftm.at("T9")["name"], Values{"T9"});
}

TEST(ExportFtm, LinksAreIntervals) {
  const Graph g = LoadString("case.jsonl", testing::kEveryField);
  TempDir dir;
  const std::string out = dir.Path("case.ijson");
  ExportTo(g.TakeSnapshot(), out, ExportFormat::kFtm);
  std::vector<std::string> ids;
  const auto ftm = ReadFtm(out, &ids);
  const size_t entities = g.model().entity_count();
  auto link = [&](LinkId l) { return ftm.at(ids[entities + l]); };

  // associate, undated, with a grade and a handling code; its id is a stable hash.
  EXPECT_EQ(link(0).schema, "Associate");
  EXPECT_EQ(link(0)["person"], Values{"P1"});
  EXPECT_EQ(link(0)["associate"], Values{"P2"});
  EXPECT_EQ(link(0)["date"], Values{"2019"});
  EXPECT_EQ(link(0)["publisher"], Values{"IR-0042"});
  EXPECT_EQ(link(0)["grade"], Values{"B2"});
  EXPECT_EQ(link(0)["handling"], Values{"2"});
  EXPECT_TRUE(ids[entities].starts_with("link-"));
  // Its own id, a weight and a direction the schema does not have.
  EXPECT_EQ(ids[entities + 1], "L-7");
  EXPECT_EQ(link(1)["weight"], Values{"2.5"});
  EXPECT_EQ(link(1)["directed"], Values{"true"});
  // member_of with a range.
  EXPECT_EQ(link(2).schema, "Membership");
  EXPECT_EQ(link(2)["member"], Values{"P1"});
  EXPECT_EQ(link(2)["organization"], Values{"O1"});
  EXPECT_EQ(link(2)["startDate"], Values{"2019-01-01"});
  EXPECT_EQ(link(2)["endDate"], Values{"2019-03-15"});
  EXPECT_EQ(link(3).schema, "Call");
  EXPECT_EQ(link(3)["caller"], Values{"P1"});
  EXPECT_EQ(link(3)["receiver"], Values{"T9"});
  // possessed has no interval: UnknownLink with the type as role; the gun under its id.
  EXPECT_EQ(link(4).schema, "UnknownLink");
  EXPECT_EQ(link(4)["subject"], Values{"P2"});
  EXPECT_EQ(link(4)["object"], Values{"A-REC"});
  EXPECT_EQ(link(4)["role"], Values{"possessed"});
  EXPECT_EQ(link(4)["directed"], Values{"false"});
  EXPECT_EQ(link(6)["cost"], Values{"1200.5"});
  EXPECT_EQ(link(6)["when"], Values{"2021-06"});
  EXPECT_EQ(link(6)["endDate"], Values{"2021-06-14"});
  EXPECT_EQ(link(9).schema, "Payment");
  EXPECT_EQ(link(9)["payer"], Values{"P1"});
  EXPECT_EQ(link(9)["beneficiary"], Values{"AC1"});
  EXPECT_EQ(link(9)["amount"], Values{"4200"});
  EXPECT_EQ(link(10).schema, "Ownership");
  EXPECT_EQ(link(10)["owner"], Values{"AC1"});
  EXPECT_EQ(link(10)["asset"], Values{"P2"});

  // The same case gives the same ids and bytes every time.
  const std::string again = dir.Path("again.ijson");
  ExportTo(g.TakeSnapshot(), again, ExportFormat::kFtm);
  EXPECT_EQ(ReadFile(out), ReadFile(again));
}

TEST(ExportFtm, ParallelLinksGetDistinctIds) {
  const Graph g = LoadString("p.jsonl", R"({"record":"link","from":"A","to":"B","type":"met"}
{"record":"link","from":"A","to":"B","type":"met"}
{"record":"link","from":"A","to":"B","type":"met","date":"2020"}
)");
  TempDir dir;
  ExportTo(g.TakeSnapshot(), dir.Path("p.ijson"), ExportFormat::kFtm);
  std::vector<std::string> ids;
  ReadFtm(dir.Path("p.ijson"), &ids);
  ASSERT_EQ(ids.size(), 5u);
  EXPECT_EQ(ids[3], ids[2] + "-1");
  EXPECT_NE(ids[4].substr(0, ids[2].size()), ids[2]);
}

TEST(ExportFtm, FtmSchemaPropertyIsWrittenBack) {
  const Graph g = LoadString(
      "f.jsonl",
      R"({"record":"entity","id":"V1","kind":"vehicle","name":"MV Sea","properties":{"ftm_schema":"Vessel","imoNumber":"9074729"}}
{"record":"entity","id":"X1","kind":"person","properties":{"owner":"not an id"}}
)");
  TempDir dir;
  ExportTo(g.TakeSnapshot(), dir.Path("f.ijson"), ExportFormat::kFtm);
  const auto ftm = ReadFtm(dir.Path("f.ijson"), nullptr);
  EXPECT_EQ(ftm.at("V1").schema, "Vessel");
  EXPECT_TRUE(ftm.at("V1")["ftm_schema"].empty());
  EXPECT_EQ(ftm.at("V1")["imoNumber"], Values{"9074729"});
  EXPECT_TRUE(ftm.at("V1")["linkscope_kind"].empty());
  // A text property named like an FtM reference would become a link on reading: a note.
  EXPECT_TRUE(ftm.at("X1")["owner"].empty());
  EXPECT_EQ(ftm.at("X1")["notes"], Values{"owner: not an id"});
}

TEST(ExportFtm, ReadBackByTheFtmReader) {
  const std::optional<InputFormat> ftm_format = ParseInputFormat("ftm");
  if (!ftm_format) GTEST_SKIP() << "this build has no FtM reader";
  const Graph g = LoadString("case.jsonl", testing::kEveryField);
  TempDir dir;
  const std::string out = dir.Path("case.ijson");
  ExportTo(g.TakeSnapshot(), out, ExportFormat::kFtm);
  LoadOptions lo;
  lo.format = *ftm_format;
  Graph back;
  back.Load({out}, lo);
  const Model& a = g.model();
  const Model& b = back.model();
  ASSERT_EQ(b.entity_count(), a.entity_count());
  ASSERT_EQ(b.link_count(), a.link_count());
  for (EntityId e = 0; e < a.entity_count(); ++e) {
    const std::string id(a.ExternalId(e));
    SCOPED_TRACE(id);
    const auto f = b.FindEntity(id);
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(b.Country(*f), a.Country(e));
    if (!a.Name(e).empty()) {
      EXPECT_EQ(b.Name(*f), a.Name(e));
    }
    const std::string_view kind = a.KindName(e);
    if (kind == "person" || kind == "organization" || kind == "event" || kind == "commodity" ||
        kind == "location" || kind == "vehicle" || kind == "account" || kind == "document") {
      EXPECT_EQ(b.KindName(*f), kind);
    }
  }
  EXPECT_EQ(b.Dates(*b.FindEntity("P1")), a.Dates(*a.FindEntity("P1")));
  EXPECT_EQ(b.Dates(*b.FindEntity("S1")), a.Dates(*a.FindEntity("S1")));
  for (LinkId l = 0; l < a.link_count(); ++l) {
    SCOPED_TRACE(l);
    EXPECT_EQ(b.ExternalId(b.From(l)), a.ExternalId(a.From(l)));
    EXPECT_EQ(b.ExternalId(b.To(l)), a.ExternalId(a.To(l)));
    EXPECT_EQ(b.LinkDates(l), a.LinkDates(l));
    EXPECT_EQ(b.Source(l), a.Source(l));
    const std::string_view type = a.TypeName(l);
    if (type == "associate" || type == "member_of" || type == "called" || type == "paid" ||
        type == "owns") {
      EXPECT_EQ(b.TypeName(l), type);
    } else {
      EXPECT_EQ(b.TypeName(l), "link");
    }
  }
}

}  // namespace
}  // namespace linkscope
