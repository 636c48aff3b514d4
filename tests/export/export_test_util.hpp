// Helpers of the export tests: loading, exporting, and comparing two cases field by field
// through the public Model API.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "linkscope/export/export.hpp"
#include "linkscope/graph/graph.hpp"
#include "test_util.hpp"

namespace linkscope::testing {

inline const std::string kSampleCase =
    std::string(LINKSCOPE_SOURCE_DIR) + "/datasets/sample/case.jsonl";

inline Graph LoadFiles(const std::vector<std::string>& paths, const LoadOptions& options = {}) {
  Graph g;
  g.Load(paths, options);
  return g;
}

inline Graph LoadString(const std::string& name, const std::string& text) {
  Graph g;
  g.LoadText(name, text);
  return g;
}

inline std::string PropertyString(const Property& p) {
  switch (p.value.type) {
    case PropertyValue::Type::kString:
      return "s:" + std::string(p.key) + "=" + std::string(p.value.text);
    case PropertyValue::Type::kNumber:
      return "n:" + std::string(p.key) + "=" + std::to_string(p.value.number);
    case PropertyValue::Type::kDate:
      return "d:" + std::string(p.key) + "=" + FormatDateRange(p.value.date);
  }
  return "";
}

inline std::vector<std::string> PropertyStrings(const std::vector<Property>& props) {
  std::vector<std::string> out;
  for (const Property& p : props) out.push_back(PropertyString(p));
  return out;
}

struct CompareOptions {
  bool records = true;     // same records (id, source, serial), same ids finding the entity
  bool properties = true;  // same properties, in order
};

// The same case: the same entities (by external id) with the same fields, and the same links in
// the same order with the same fields.
inline void ExpectSameCase(const Model& a, const Model& b, const CompareOptions& o = {}) {
  ASSERT_EQ(a.entity_count(), b.entity_count());
  for (EntityId e = 0; e < a.entity_count(); ++e) {
    const std::string id(a.ExternalId(e));
    SCOPED_TRACE("entity " + id);
    const std::optional<EntityId> f = b.FindEntity(id);
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(b.ExternalId(*f), id);
    EXPECT_EQ(a.KindName(e), b.KindName(*f));
    EXPECT_EQ(a.Name(e), b.Name(*f));
    EXPECT_EQ(a.Aliases(e), b.Aliases(*f));
    EXPECT_EQ(a.Country(e), b.Country(*f));
    EXPECT_EQ(a.Dates(e), b.Dates(*f));
    EXPECT_EQ(a.Implicit(e), b.Implicit(*f));
    EXPECT_EQ(a.Category(e), b.Category(*f));
    const auto fa = a.Firearm(e);
    const auto fb = b.Firearm(*f);
    ASSERT_EQ(fa.has_value(), fb.has_value());
    if (fa) {
      EXPECT_EQ(fa->make, fb->make);
      EXPECT_EQ(fa->model, fb->model);
      EXPECT_EQ(fa->calibre, fb->calibre);
      EXPECT_EQ(fa->serial, fb->serial);
      EXPECT_EQ(fa->normalized_serial, fb->normalized_serial);
    }
    const auto ca = a.Commodity(e);
    const auto cb = b.Commodity(*f);
    ASSERT_EQ(ca.has_value(), cb.has_value());
    if (ca) {
      EXPECT_EQ(ca->category, cb->category);
      EXPECT_EQ(ca->quantity, cb->quantity);
      EXPECT_EQ(ca->unit, cb->unit);
      EXPECT_EQ(ca->subtype, cb->subtype);
    }
    if (o.properties) {
      EXPECT_EQ(PropertyStrings(a.Properties(e)), PropertyStrings(b.Properties(*f)));
    }
    if (o.records) {
      const std::vector<EntityRecord> ra = a.Records(e);
      const std::vector<EntityRecord> rb = b.Records(*f);
      ASSERT_EQ(ra.size(), rb.size());
      for (size_t i = 0; i < ra.size(); ++i) {
        EXPECT_EQ(ra[i].id, rb[i].id) << i;
        EXPECT_EQ(ra[i].source, rb[i].source) << i;
        EXPECT_EQ(ra[i].serial, rb[i].serial) << i;
        // Every id the entity was known by still finds it.
        EXPECT_EQ(b.FindEntity(ra[i].id), f) << ra[i].id;
      }
    }
  }
  ASSERT_EQ(a.link_count(), b.link_count());
  for (LinkId l = 0; l < a.link_count(); ++l) {
    SCOPED_TRACE("link " + std::to_string(l));
    EXPECT_EQ(a.ExternalId(a.From(l)), b.ExternalId(b.From(l)));
    EXPECT_EQ(a.ExternalId(a.To(l)), b.ExternalId(b.To(l)));
    EXPECT_EQ(a.TypeName(l), b.TypeName(l));
    EXPECT_EQ(a.Directed(l), b.Directed(l));
    EXPECT_EQ(a.Weight(l), b.Weight(l));
    EXPECT_EQ(a.LinkDates(l), b.LinkDates(l));
    EXPECT_EQ(a.Source(l), b.Source(l));
    EXPECT_EQ(a.LinkGrade(l), b.LinkGrade(l));
    EXPECT_EQ(a.Handling(l), b.Handling(l));
    EXPECT_EQ(a.LinkExternalId(l), b.LinkExternalId(l));
    if (o.properties) {
      EXPECT_EQ(PropertyStrings(a.LinkProperties(l)), PropertyStrings(b.LinkProperties(l)));
    }
  }
}

inline ExportReport ExportTo(const Snapshot& s, const std::string& path, ExportFormat format,
                             std::span<const uint32_t> communities = {}) {
  ExportOptions o;
  o.format = format;
  o.communities = communities;
  return Export(s, path, o);
}

// A case with every field: aliases, re-declarations, properties of each type (and a key twice),
// commodities, ammunition, a firearm described by three records under two ids (serials written
// differently), a user kind, an implicit entity, directed and undirected links against their
// types' defaults, undated, dated, minute and open-ended links, parallel links and a self-loop.
inline const std::string kEveryField =
    R"({"record":"entity","id":"P1","kind":"person","name":"Kavo Lemi","aliases":["KL","Big K"],"country":"gha","date":"1980","source":"records","properties":{"role":"broker","age":44,"seen":{"date":"2019-05-02"},"seen_at":{"date":"2019-05-02T10:15"}}}
{"record":"entity","id":"P1","name":"K. Lemi","source":"informant","properties":{"role":"driver","height":1.85}}
{"record":"entity","id":"P2","kind":"person","name":"Sena Doru","country":"NG","start":"2019-01","end":"2019-03-15"}
{"record":"entity","id":"O1","kind":"organisation","name":"Lemi Trading Ltd","country":"GH","start":"2020-02-01"}
{"record":"entity","id":"C1","kind":"commodity","category":"gold","quantity":12.5,"unit":"kg","subtype":"dore bars"}
{"record":"entity","id":"C2","kind":"commodity","category":"Drugs"}
{"record":"entity","id":"A1","kind":"ammunition","make":"Fiocchi","calibre":"9mm","quantity":500,"unit":"rounds"}
{"record":"entity","id":"Z-REC","kind":"firearm","make":"Smith & Wesson","model":"M&P9","calibre":"9mm","serial":"ab-12.345/x","source":"register"}
{"record":"entity","id":"A-REC","kind":"firearm","make":"smith wesson","serial":"AB12345X","source":"seizure report","properties":{"condition":"rusty"}}
{"record":"entity","id":"Z-REC","kind":"firearm","source":"trace","properties":{"condition":"cleaned"}}
{"record":"entity","id":"F9","kind":"firearm","make":"Glock","model":"17"}
{"record":"entity","id":"D1","kind":"drone","name":"Quad","properties":{"range_km":7}}
{"record":"entity","id":"U1","name":"Mystery"}
{"record":"entity","id":"S1","kind":"seizure","date":"2021-06-14","country":"GH","source":"seizure report"}
{"record":"entity","id":"E1","kind":"event","name":"Summit","date":"2021-06-01T10:15:30Z"}
{"record":"link","from":"P1","to":"P2","type":"associate","date":"2019","source":"IR-0042","grade":"B2","handling":2}
{"record":"link","from":"P1","to":"P2","type":"associate","directed":true,"weight":2.5,"id":"L-7"}
{"record":"link","from":"P1","to":"O1","type":"member_of","grade":"a1","start":"2019-01","end":"2019-03-15"}
{"record":"link","from":"P1","to":"T9","type":"called","date":"2021-06-01T10:15Z","weight":3,"grade":"A2"}
{"record":"link","from":"P2","to":"A-REC","type":"possessed","directed":false,"date":"2021-05","grade":"C3","handling":3}
{"record":"link","from":"Z-REC","to":"S1","type":"seized_in","start":"2021-06-14"}
{"record":"link","from":"P2","to":"C1","type":"transported","end":"2021-06-14","grade":"B3","properties":{"vehicle":"truck","cost":1200.5,"when":{"date":"2021-06"}}}
{"record":"link","from":"P1","to":"P1","type":"note","properties":{"text":"self"}}
{"record":"link","from":"D1","to":"E1","type":"Surveilled","source":"drone log"}
{"record":"link","from":"P1","to":"AC1","type":"paid","properties":{"amount":4200}}
{"record":"link","from":"AC1","to":"P2","type":"owns"}
)";

}  // namespace linkscope::testing
