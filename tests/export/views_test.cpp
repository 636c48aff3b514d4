// Exports of views: only the view's entities and the link records of its edges; an implicit
// entity whose links the view dropped keeps a record; bad paths are I/O errors.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "export_test_util.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/graph/view.hpp"

namespace linkscope {
namespace {

using testing::ExportTo;
using testing::LoadFiles;
using testing::LoadString;
using testing::ReadFile;
using testing::TempDir;

// The view exported as JSON Lines and loaded again.
Graph RoundTrip(const Snapshot& view, const TempDir& dir) {
  const std::string out = dir.Path("view.jsonl");
  const ExportReport r = ExportTo(view, out, ExportFormat::kJsonLines);
  EXPECT_EQ(r.entities, view.vertex_count());
  return LoadFiles({out});
}

TEST(ExportViews, KindsKeepTheirEntitiesAndTheLinksBetweenThem) {
  const Graph g = LoadFiles({testing::kSampleCase});
  ViewFilter f;
  f.kinds = {"person", "organization"};
  const Snapshot view = MakeView(g.TakeSnapshot(), f);
  TempDir dir;
  const Graph back = RoundTrip(view, dir);
  const Model& m = back.model();
  ASSERT_EQ(m.entity_count(), view.vertex_count());
  for (EntityId e = 0; e < m.entity_count(); ++e) {
    EXPECT_TRUE(m.KindName(e) == "person" || m.KindName(e) == "organization") << m.KindName(e);
    EXPECT_NE(view.VertexOf(*g.model().FindEntity(m.ExternalId(e))), kNoVertex);
  }
  uint64_t expected = 0;
  const Model& gm = g.model();
  for (LinkId l = 0; l < gm.link_count(); ++l) {
    const auto kind = [&](EntityId e) { return gm.KindName(e); };
    const bool in = (kind(gm.From(l)) == "person" || kind(gm.From(l)) == "organization") &&
                    (kind(gm.To(l)) == "person" || kind(gm.To(l)) == "organization");
    expected += in;
  }
  EXPECT_EQ(m.link_count(), expected);
}

TEST(ExportViews, LinkTypesDatesAndExclusions) {
  const Graph g = LoadString("case.jsonl", testing::kEveryField);
  const Snapshot all = g.TakeSnapshot();
  TempDir dir;
  {
    ViewFilter f;
    f.link_types = {"associate"};
    const Graph back = RoundTrip(MakeView(all, f), dir);
    const Model& m = back.model();
    EXPECT_EQ(m.entity_count(), g.model().entity_count());
    ASSERT_EQ(m.link_count(), 2u);
    EXPECT_EQ(m.TypeName(0), "associate");
    EXPECT_EQ(m.LinkExternalId(1), "L-7");
    // T9 was named only by a call the view dropped: it keeps a record (and is declared now).
    const auto t9 = m.FindEntity("T9");
    ASSERT_TRUE(t9.has_value());
    EXPECT_FALSE(m.Implicit(*t9));
    EXPECT_EQ(m.KindName(*t9), "unknown");
  }
  {
    ViewFilter f;
    std::string error;
    f.window = ParseDateRange("2021-06-01", "", &error);
    f.keep_undated = false;
    const Graph back = RoundTrip(MakeView(all, f), dir);
    const Model& m = back.model();
    // called (2021-06-01T10:15), seized_in (from 2021-06-14), transported (until 2021-06-14).
    ASSERT_EQ(m.link_count(), 3u);
    EXPECT_EQ(m.TypeName(0), "called");
    EXPECT_TRUE(m.Implicit(*m.FindEntity("T9")));
  }
  {
    ViewFilter f;
    f.exclude = {"P2"};
    const Graph back = RoundTrip(MakeView(all, f), dir);
    const Model& m = back.model();
    EXPECT_FALSE(m.FindEntity("P2").has_value());
    for (LinkId l = 0; l < m.link_count(); ++l) {
      EXPECT_NE(m.ExternalId(m.From(l)), "P2");
      EXPECT_NE(m.ExternalId(m.To(l)), "P2");
    }
    EXPECT_EQ(m.entity_count(), g.model().entity_count() - 1);
  }
}

TEST(ExportViews, WithheldLinksAreNotExported) {
  LoadOptions lo;
  lo.max_handling = 2;
  const Graph g = LoadFiles({testing::kSampleCase}, lo);
  TempDir dir;
  const Graph back = RoundTrip(g.TakeSnapshot(), dir);
  const Model& m = back.model();
  ASSERT_EQ(m.link_count(), g.model().link_count());
  for (LinkId l = 0; l < m.link_count(); ++l) EXPECT_LE(m.Handling(l), 2);
}

TEST(ExportErrors, BadPathsAreIoErrors) {
  const Graph g = LoadString("case.jsonl", testing::kEveryField);
  const Snapshot s = g.TakeSnapshot();
  TempDir dir;
  // (CSV creates its directory: see CsvNeedsADirectory.)
  for (ExportFormat f : {ExportFormat::kGraphMl, ExportFormat::kGexf, ExportFormat::kJsonLines,
                         ExportFormat::kFtm}) {
    SCOPED_TRACE(std::string(ExportFormatName(f)));
    EXPECT_THROW(ExportTo(s, dir.Path("no/such/dir/out"), f), IoError);
  }
}

TEST(ExportErrors, CsvNeedsADirectory) {
  const Graph g = LoadString("case.jsonl", testing::kEveryField);
  const Snapshot s = g.TakeSnapshot();
  TempDir dir;
  const std::string file = dir.File("a-file", "x");
  EXPECT_THROW(ExportTo(s, file, ExportFormat::kCsv), IoError);
  EXPECT_THROW(ExportTo(s, file + "/sub", ExportFormat::kCsv), IoError);
  EXPECT_EQ(ReadFile(file), "x");
  // Nested directories are created.
  const ExportReport r = ExportTo(s, dir.Path("a/b/c"), ExportFormat::kCsv);
  EXPECT_EQ(r.files.size(), 2u);
}

TEST(ExportErrors, EmptyPathIsAUsageError) {
  const Graph g;
  EXPECT_THROW(ExportTo(g.TakeSnapshot(), "", ExportFormat::kGraphMl), UsageError);
}

TEST(ExportErrors, WritingADirectoryFails) {
  const Graph g;
  TempDir dir;
  EXPECT_THROW(ExportTo(g.TakeSnapshot(), dir.Path(""), ExportFormat::kJsonLines), IoError);
}

}  // namespace
}  // namespace linkscope
