// Load -> export -> load gives the same case: JSON Lines (lossless) and the CSV tables, on the
// sample case and on a small case with every field.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "export_test_util.hpp"
#include "linkscope/export/export.hpp"

namespace linkscope {
namespace {

using testing::ExpectSameCase;
using testing::ExportTo;
using testing::LoadFiles;
using testing::LoadString;
using testing::ReadFile;
using testing::TempDir;

TEST(ExportJsonLines, SampleCaseRoundTrips) {
  const Graph a = LoadFiles({testing::kSampleCase});
  TempDir dir;
  const std::string out = dir.Path("case.jsonl");
  const ExportReport r = ExportTo(a.TakeSnapshot(), out, ExportFormat::kJsonLines);
  EXPECT_EQ(r.files, std::vector<std::string>{out});
  EXPECT_EQ(r.entities, a.model().entity_count());
  EXPECT_EQ(r.links, a.model().link_count());
  const Graph b = LoadFiles({out});
  ExpectSameCase(a.model(), b.model());
  // Merged firearms and implicit entities are in the sample: both survive.
  uint32_t implicit = 0;
  uint32_t multi_id_guns = 0;
  for (EntityId e = 0; e < b.model().entity_count(); ++e) {
    implicit += b.model().Implicit(e);
    const auto records = b.model().Records(e);
    multi_id_guns += records.size() > 1 && records[0].id != records[1].id;
  }
  EXPECT_EQ(implicit, 90u);
  EXPECT_GT(multi_id_guns, 0u);
  // And the export of the re-loaded case is the same file.
  const std::string again = dir.Path("again.jsonl");
  ExportTo(b.TakeSnapshot(), again, ExportFormat::kJsonLines);
  EXPECT_EQ(ReadFile(out), ReadFile(again));
}

TEST(ExportJsonLines, EveryFieldRoundTrips) {
  const Graph a = LoadString("case.jsonl", testing::kEveryField);
  TempDir dir;
  const std::string out = dir.Path("out.jsonl");
  ExportTo(a.TakeSnapshot(), out, ExportFormat::kJsonLines);
  const Graph b = LoadFiles({out});
  ExpectSameCase(a.model(), b.model());

  const Model& m = b.model();
  // The gun of three records under two ids is one entity, found by both ids.
  const EntityId gun = *m.FindEntity("Z-REC");
  EXPECT_EQ(m.FindEntity("A-REC"), gun);
  EXPECT_EQ(m.ExternalId(gun), "A-REC");
  ASSERT_EQ(m.Records(gun).size(), 3u);
  EXPECT_EQ(m.Records(gun)[1].serial, "AB12345X");
  // Implicit entities stay implicit; a repeated property key stays twice.
  EXPECT_TRUE(m.Implicit(*m.FindEntity("T9")));
  EXPECT_TRUE(m.Implicit(*m.FindEntity("AC1")));
  EXPECT_FALSE(m.Implicit(*m.FindEntity("U1")));
  const auto props = testing::PropertyStrings(m.Properties(*m.FindEntity("P1")));
  EXPECT_EQ(std::count(props.begin(), props.end(), "s:role=broker"), 1);
  EXPECT_EQ(std::count(props.begin(), props.end(), "s:role=driver"), 1);
  EXPECT_EQ(m.Records(*m.FindEntity("P1")).size(), 2u);

  const std::string text = ReadFile(out);
  // Readable dates: one text where one names the interval, else start/end.
  EXPECT_NE(text.find(R"("date":"2021-06-01T10:15Z")"), std::string::npos);
  EXPECT_NE(text.find(R"("date":"2021-06-01T10:15:30Z")"), std::string::npos);
  EXPECT_NE(text.find(R"("start":"2019-01-01","end":"2019-03-15")"), std::string::npos);
  EXPECT_NE(text.find(R"("seen_at":{"date":"2019-05-02T10:15Z"})"), std::string::npos);
  EXPECT_NE(text.find(R"("start":"2021-06-14")"), std::string::npos);
  // No record for an implicit entity.
  EXPECT_EQ(text.find(R"("id":"T9")"), std::string::npos);
}

TEST(ExportJsonLines, RecordsSplitOnlyWhenAKeyRepeats) {
  // Two records give the same key twice; the entity goes out as two records, in order.
  const Graph a =
      LoadString("a.jsonl",
                 R"({"record":"entity","id":"X","kind":"person","properties":{"a":"1","b":"2"}}
{"record":"entity","id":"X","properties":{"a":"3"}}
)");
  TempDir dir;
  ExportTo(a.TakeSnapshot(), dir.Path("x.jsonl"), ExportFormat::kJsonLines);
  const std::string text = ReadFile(dir.Path("x.jsonl"));
  EXPECT_EQ(text,
            "{\"record\":\"entity\",\"id\":\"X\",\"kind\":\"person\",\"properties\":{\"a\":\"1\","
            "\"b\":\"2\"}}\n"
            "{\"record\":\"entity\",\"id\":\"X\",\"kind\":\"person\",\"properties\":{\"a\":\"3\"}}"
            "\n");
}

TEST(ExportCsv, EveryFieldRoundTripsThroughTheTableReaders) {
  const Graph a = LoadString("case.jsonl", testing::kEveryField);
  TempDir dir;
  const std::string out = dir.Path("tables");
  const ExportReport r = ExportTo(a.TakeSnapshot(), out, ExportFormat::kCsv);
  ASSERT_EQ(r.files.size(), 2u);
  EXPECT_EQ(r.files[0], out + "/entities.csv");
  EXPECT_EQ(r.files[1], out + "/links.csv");
  // Detected from the headers, as a user would load them.
  Graph b;
  const LoadReport load = b.Load(r.files);
  EXPECT_EQ(load.files[0].format, InputFormat::kEntitiesTable);
  EXPECT_EQ(load.files[1].format, InputFormat::kLinksTable);
  ExpectSameCase(a.model(), b.model());

  const std::string entities = ReadFile(r.files[0]);
  EXPECT_EQ(entities.substr(0, entities.find('\n')),
            "id,kind,name,aliases,country,date,start,end,source,category,quantity,unit,subtype,"
            "make,model,calibre,serial,role:string,age:number,seen:date,seen_at:date,"
            "height:number,condition:string,range_km:number");
  const std::string links = ReadFile(r.files[1]);
  EXPECT_EQ(links.substr(0, links.find('\n')),
            "from,to,type,directed,weight,date,start,end,source,grade,handling,id,"
            "vehicle:string,cost:number,when:date,text:string,amount:number");
  EXPECT_NE(links.find("P1,P2,associate,true,2.5,,,,,,,L-7"), std::string::npos);
}

TEST(ExportCsv, SampleCaseRoundTrips) {
  const Graph a = LoadFiles({testing::kSampleCase});
  TempDir dir;
  const ExportReport r = ExportTo(a.TakeSnapshot(), dir.Path("csv"), ExportFormat::kCsv);
  const Graph b = LoadFiles(r.files);
  ExpectSameCase(a.model(), b.model());
}

TEST(ExportCsv, MixedPropertyTypesBecomeAStringColumn) {
  const Graph a = LoadString("a.jsonl",
                             R"({"record":"entity","id":"X","properties":{"v":3}}
{"record":"entity","id":"Y","properties":{"v":"three"}}
{"record":"entity","id":"Z","properties":{"v":{"date":"2020"}}}
)");
  TempDir dir;
  const ExportReport r = ExportTo(a.TakeSnapshot(), dir.Path("csv"), ExportFormat::kCsv);
  const std::string entities = ReadFile(r.files[0]);
  EXPECT_NE(entities.find(",v:string\n"), std::string::npos);
  const Graph b = LoadFiles(r.files);
  const Model& m = b.model();
  EXPECT_EQ(testing::PropertyStrings(m.Properties(*m.FindEntity("X"))),
            std::vector<std::string>{"s:v=3"});
  EXPECT_EQ(testing::PropertyStrings(m.Properties(*m.FindEntity("Z"))),
            std::vector<std::string>{"s:v=2020"});
}

TEST(ExportFormats, ParseAndName) {
  for (ExportFormat f : {ExportFormat::kGraphMl, ExportFormat::kGexf, ExportFormat::kJsonLines,
                         ExportFormat::kCsv, ExportFormat::kFtm}) {
    EXPECT_EQ(ParseExportFormat(ExportFormatName(f)), f);
  }
  EXPECT_EQ(ParseExportFormat("GraphML"), ExportFormat::kGraphMl);
  EXPECT_FALSE(ParseExportFormat("xlsx").has_value());
  EXPECT_FALSE(ParseExportFormat("").has_value());
}

}  // namespace
}  // namespace linkscope
