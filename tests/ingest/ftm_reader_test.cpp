// FollowTheMoney entity streams (engine/src/ingest/ftm_reader.cpp, tables in ftm_schema.cpp):
// every mapping rule on small inline streams, forward references, unknown schemata, malformed
// lines (strict and lenient), detection, and the donations file of ../shared/datasets.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/ftm_schema.hpp"
#include "ingest/loader.hpp"
#include "ingest/reader_test_util.hpp"
#include "linkscope/model/kinds.hpp"

namespace linkscope {
namespace {

using testing::Contains;
using testing::Find;
using testing::FindLink;
using testing::Prop;

// One FtM line: {"id": id, "schema": schema, "properties": {props}} (props is raw JSON).
std::string Line(std::string_view id, std::string_view schema, std::string_view props = "") {
  return fmt::format(R"({{"id": "{}", "schema": "{}", "properties": {{{}}}}})", id, schema, props);
}

std::string Lines(const std::vector<std::string>& lines) {
  return fmt::format("{}\n", fmt::join(lines, "\n"));
}

std::optional<std::string> TextProp(const std::vector<Property>& props, std::string_view key) {
  auto v = Prop(props, key);
  if (!v || v->type != PropertyValue::Type::kString) return std::nullopt;
  return std::string(v->text);
}

std::optional<double> NumberProp(const std::vector<Property>& props, std::string_view key) {
  auto v = Prop(props, key);
  if (!v || v->type != PropertyValue::Type::kNumber) return std::nullopt;
  return v->number;
}

size_t CountProps(const std::vector<Property>& props, std::string_view key) {
  size_t n = 0;
  for (const Property& p : props) n += p.key == key ? 1 : 0;
  return n;
}

// ---------------------------------------------------------------------------------------------
// The tables

TEST(FtmSchema, TablesAreConsistent) {
  for (const detail::FtmThing& t : detail::FtmThings()) {
    EXPECT_TRUE(FindBuiltinKind(t.kind)) << t.schema << " -> " << t.kind;
    EXPECT_EQ(detail::FtmKindOf(t.schema), t.kind);
    EXPECT_EQ(detail::FtmThingOf(t.schema), &t);
    EXPECT_EQ(detail::FtmIntervalOf(t.schema), nullptr) << t.schema << " is in both tables";
  }
  for (const detail::FtmInterval& i : detail::FtmIntervals()) {
    EXPECT_EQ(detail::FtmIntervalOf(i.schema), &i);
    EXPECT_FALSE(detail::FtmKindOf(i.schema)) << i.schema;
    EXPECT_FALSE(i.link_type.empty());
    EXPECT_NE(i.from_property, i.to_property);
  }
  for (const detail::FtmReference& r : detail::FtmReferences()) {
    EXPECT_EQ(detail::FtmReferenceOf(r.property), &r);
  }
  EXPECT_FALSE(detail::FtmKindOf("CourtCase"));
  EXPECT_FALSE(detail::FtmKindOf("person"));  // FtM names are case-sensitive
  EXPECT_EQ(detail::FtmIntervalOf("Person"), nullptr);
}

TEST(FtmSchema, TheRequestedMappings) {
  const std::map<std::string_view, std::string_view> kinds = {{"Person", "person"},
                                                              {"Company", "organization"},
                                                              {"Organization", "organization"},
                                                              {"LegalEntity", "organization"},
                                                              {"PublicBody", "organization"},
                                                              {"Vehicle", "vehicle"},
                                                              {"Vessel", "vehicle"},
                                                              {"Airplane", "vehicle"},
                                                              {"BankAccount", "account"},
                                                              {"UserAccount", "account"},
                                                              {"CryptoWallet", "account"},
                                                              {"Address", "location"},
                                                              {"Passport", "document"},
                                                              {"Identification", "document"},
                                                              {"Event", "event"},
                                                              {"Thing", "commodity"},
                                                              {"Asset", "commodity"},
                                                              {"Security", "commodity"},
                                                              {"RealEstate", "commodity"}};
  for (const auto& [schema, kind] : kinds) EXPECT_EQ(detail::FtmKindOf(schema), kind) << schema;

  struct Want {
    std::string_view schema, type, from, to;
    bool directed;
  };
  const Want intervals[] = {
      {"Ownership", "owns", "owner", "asset", true},
      {"Directorship", "director_of", "director", "organization", true},
      {"Membership", "member_of", "member", "organization", true},
      {"Employment", "employed_by", "employee", "employer", true},
      {"Family", "family", "person", "relative", false},
      {"Associate", "associate", "person", "associate", false},
      {"Payment", "paid", "payer", "beneficiary", true},
      {"Representation", "represents", "agent", "client", true},
      {"UnknownLink", "link", "subject", "object", true},
      {"Debt", "owes", "debtor", "creditor", true},
      {"Succession", "succeeded_by", "predecessor", "successor", true},
  };
  for (const Want& w : intervals) {
    const detail::FtmInterval* i = detail::FtmIntervalOf(w.schema);
    ASSERT_NE(i, nullptr) << w.schema;
    EXPECT_EQ(i->link_type, w.type) << w.schema;
    EXPECT_EQ(i->from_property, w.from) << w.schema;
    EXPECT_EQ(i->to_property, w.to) << w.schema;
    EXPECT_EQ(detail::FtmLinkDirected(i->link_type), w.directed) << w.schema;
  }
  const detail::FtmReference* address = detail::FtmReferenceOf("addressEntity");
  ASSERT_NE(address, nullptr);
  EXPECT_EQ(address->link_type, "located_in");
  EXPECT_FALSE(address->reverse);
  EXPECT_EQ(detail::FtmReferenceOf("mainCountry"), nullptr);
}

// ---------------------------------------------------------------------------------------------
// Things

TEST(FtmReader, EveryThingSchemaBecomesItsKind) {
  std::vector<std::string> lines;
  for (const detail::FtmThing& t : detail::FtmThings()) {
    lines.push_back(Line(fmt::format("id-{}", t.schema), t.schema, R"("name": ["x"])"));
  }
  Graph g;
  const LoadReport r = g.LoadText("things.ijson", Lines(lines));
  EXPECT_EQ(r.files[0].format, InputFormat::kFtm);
  EXPECT_EQ(r.files[0].records, lines.size());
  EXPECT_EQ(r.files[0].entity_records, lines.size());
  EXPECT_EQ(r.warning_count, 0u);
  const Model& m = g.model();
  ASSERT_EQ(m.entity_count(), lines.size());
  EXPECT_EQ(m.link_count(), 0u);
  for (const detail::FtmThing& t : detail::FtmThings()) {
    const EntityId e = Find(m, fmt::format("id-{}", t.schema));
    EXPECT_EQ(m.KindName(e), t.kind) << t.schema;
    EXPECT_EQ(TextProp(m.Properties(e), "ftm_schema"), std::string(t.schema));
    EXPECT_FALSE(m.Implicit(e));
  }
}

TEST(FtmReader, PersonFields) {
  Graph g;
  const LoadReport r = g.LoadText(
      "p.ijson",
      Lines({Line(
          "P1", "Person",
          R"("name": ["Ann Kofi", "Ann K."], "alias": ["Annie"], "weakAlias": ["AK"], )"
          R"("previousName": ["Ann Mensah"], "nationality": ["fr"], "country": ["suhh", "de"], )"
          R"("birthDate": ["1970-05-01", "1971"], "deathDate": ["2020"], )"
          R"("publisher": ["Registry"], "sourceUrl": ["https://example.org/p1"], )"
          R"("firstName": ["Ann"], "topics": ["role.pep", "sanction"], "notes": ["  "])")}));
  EXPECT_EQ(r.warning_count, 0u);
  const Model& m = g.model();
  const EntityId p = Find(m, "P1");
  EXPECT_EQ(m.KindName(p), "person");
  EXPECT_EQ(m.Name(p), "Ann Kofi");
  EXPECT_EQ(m.Aliases(p), (std::vector<std::string_view>{"Ann K.", "Annie", "AK", "Ann Mensah"}));
  // "country" comes first; its first value is no ISO code and stays a property.
  EXPECT_EQ(m.Country(p), "DE");
  EXPECT_EQ(FormatDateRange(m.Dates(p)), "1970-05-01");
  const auto records = m.Records(p);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].source, "Registry");
  EXPECT_EQ(records[0].line, 1u);

  const auto props = m.Properties(p);
  EXPECT_EQ(TextProp(props, "ftm_schema"), "Person");
  EXPECT_EQ(TextProp(props, "country"), "suhh");
  EXPECT_EQ(TextProp(props, "nationality"), "fr");
  EXPECT_EQ(TextProp(props, "birthDate"), "1971");  // the other value
  EXPECT_EQ(TextProp(props, "deathDate"), "2020");
  EXPECT_EQ(TextProp(props, "sourceUrl"), "https://example.org/p1");
  EXPECT_EQ(TextProp(props, "firstName"), "Ann");
  EXPECT_EQ(TextProp(props, "topics"), "role.pep; sanction");
  for (std::string_view taken :
       {"name", "alias", "weakAlias", "previousName", "publisher", "notes"}) {
    EXPECT_FALSE(Prop(props, taken)) << taken;
  }
  EXPECT_EQ(props.size(), 8u);
}

TEST(FtmReader, OrganizationAddressAccountAndFallbackNames) {
  Graph g;
  g.LoadText(
      "o.ijson",
      Lines(
          {Line(
               "C1", "Company",
               R"("name": ["Acme Ltd"], "jurisdiction": ["gb"], "incorporationDate": ["2001-02"], )"
               R"("registrationNumber": ["00012345"], "dissolutionDate": ["2010"])"),
           Line("A1", "Address",
                R"("full": ["1 High St, Accra", "1 High Street, Accra"], "country": ["gh"], )"
                R"("city": ["Accra"])"),
           Line("B1", "BankAccount",
                R"("iban": ["GB29NWBK60161331926819"], "openingDate": ["2015"], )"
                R"("closingDate": ["2018-06"], "balance": ["1200.50"])"),
           Line("T1", "Thing", R"("summary": ["a thing"])"),
           Line("S1", "Asset",
                R"("name": ["Gold bars"], "amount": ["100", "250.5"], )"
                R"("amountUsd": ["lots"])")}));
  const Model& m = g.model();
  const EntityId c = Find(m, "C1");
  EXPECT_EQ(m.KindName(c), "organization");
  EXPECT_EQ(m.Country(c), "GB");  // from "jurisdiction"
  EXPECT_EQ(FormatDateRange(m.Dates(c)), "2001-02");
  EXPECT_EQ(TextProp(m.Properties(c), "registrationNumber"), "00012345");  // not a number
  EXPECT_EQ(TextProp(m.Properties(c), "dissolutionDate"), "2010");

  const EntityId a = Find(m, "A1");
  EXPECT_EQ(m.KindName(a), "location");
  EXPECT_EQ(m.Name(a), "1 High St, Accra");  // "full" names an address without "name"
  EXPECT_EQ(m.Country(a), "GH");
  EXPECT_EQ(TextProp(m.Properties(a), "full"), "1 High St, Accra; 1 High Street, Accra");

  const EntityId b = Find(m, "B1");
  EXPECT_EQ(m.KindName(b), "account");
  EXPECT_EQ(m.Name(b), "GB29NWBK60161331926819");
  EXPECT_EQ(TextProp(m.Properties(b), "iban"), "GB29NWBK60161331926819");
  EXPECT_EQ(FormatDateRange(m.Dates(b)), "2015-01-01/2018-06-30");
  EXPECT_EQ(NumberProp(m.Properties(b), "balance"), 1200.5);

  const EntityId t = Find(m, "T1");
  EXPECT_EQ(m.Name(t), "T1");  // nothing else names it
  EXPECT_EQ(TextProp(m.Properties(t), "summary"), "a thing");

  // Number properties: every value a number gives number properties, else one text.
  const auto s = m.Properties(Find(m, "S1"));
  EXPECT_EQ(CountProps(s, "amount"), 2u);
  EXPECT_EQ(NumberProp(s, "amount"), 100.0);
  EXPECT_EQ(TextProp(s, "amountUsd"), "lots");
}

TEST(FtmReader, EventAndDocumentDates) {
  Graph g;
  g.LoadText("e.ijson",
             Lines({Line("E1", "Event",
                         R"("name": ["Summit"], "startDate": ["2019-03-01"], )"
                         R"("endDate": ["2019-03-03"])"),
                    Line("E2", "Event",
                         R"("name": ["Raid"], "date": ["2020-01-05"], )"
                         R"("startDate": ["2020"])"),
                    Line("D1", "Passport", R"("number": ["X123"], "startDate": ["2015"])")}));
  const Model& m = g.model();
  EXPECT_EQ(FormatDateRange(m.Dates(Find(m, "E1"))), "2019-03-01/2019-03-03");
  // "date" wins; "startDate" stays a property.
  EXPECT_EQ(FormatDateRange(m.Dates(Find(m, "E2"))), "2020-01-05");
  EXPECT_EQ(TextProp(m.Properties(Find(m, "E2")), "startDate"), "2020");
  const EntityId d = Find(m, "D1");
  EXPECT_EQ(m.KindName(d), "document");
  EXPECT_EQ(m.Name(d), "X123");
  EXPECT_EQ(FormatDateRange(m.Dates(d)), "2015-01-01/..");
}

TEST(FtmReader, BadDatesStayPropertiesWithAWarning) {
  Graph g;
  const std::string person =
      Line("P1", "Person", R"("name": ["Ann"], "birthDate": ["1970-13-01"])");
  const std::string own = Line("O1", "Ownership",
                               R"("owner": ["P1"], "asset": ["P1"], "startDate": ["2021"], )"
                               R"("endDate": ["2020"])");
  const LoadReport r = g.LoadText("d.ijson", Lines({person, own}));
  EXPECT_EQ(r.rejected, 0u);
  ASSERT_EQ(r.warnings.size(), 2u);
  EXPECT_EQ(r.warnings[0].line, 1u);
  EXPECT_EQ(r.warnings[0].column, person.find("\"1970-13-01\"") + 1);
  EXPECT_TRUE(Contains(r.warnings[0].message, "birthDate")) << r.warnings[0].message;
  EXPECT_EQ(r.warnings[1].line, 2u);
  EXPECT_EQ(r.warnings[1].column, own.find("\"2020\"") + 1);  // the end is blamed
  const Model& m = g.model();
  EXPECT_FALSE(m.Dates(Find(m, "P1")).dated());
  EXPECT_EQ(TextProp(m.Properties(Find(m, "P1")), "birthDate"), "1970-13-01");
  ASSERT_EQ(m.link_count(), 1u);
  EXPECT_FALSE(m.LinkDates(0).dated());
  EXPECT_EQ(TextProp(m.LinkProperties(0), "startDate"), "2021");
  EXPECT_EQ(TextProp(m.LinkProperties(0), "endDate"), "2020");
}

// ---------------------------------------------------------------------------------------------
// Intervals and references

TEST(FtmReader, EveryIntervalSchemaBecomesALink) {
  std::vector<std::string> lines = {Line("X", "Person"), Line("Y", "Company")};
  for (const detail::FtmInterval& i : detail::FtmIntervals()) {
    lines.push_back(
        Line(fmt::format("L-{}", i.schema), i.schema,
             fmt::format(R"("{}": ["X"], "{}": ["Y"])", i.from_property, i.to_property)));
  }
  Graph g;
  const LoadReport r = g.LoadText("links.ijson", Lines(lines));
  EXPECT_EQ(r.rejected, 0u);
  EXPECT_EQ(r.implicit_created, 0u);
  const Model& m = g.model();
  EXPECT_EQ(m.entity_count(), 2u);
  ASSERT_EQ(m.link_count(), detail::FtmIntervals().size());
  for (LinkId l = 0; l < m.link_count(); ++l) {
    const detail::FtmInterval& i = detail::FtmIntervals()[l];
    EXPECT_EQ(m.TypeName(l), i.link_type) << i.schema;
    EXPECT_EQ(m.ExternalId(m.From(l)), "X") << i.schema;
    EXPECT_EQ(m.ExternalId(m.To(l)), "Y") << i.schema;
    EXPECT_EQ(m.Directed(l), detail::FtmLinkDirected(i.link_type)) << i.schema;
    EXPECT_EQ(m.LinkExternalId(l), fmt::format("L-{}", i.schema));
    EXPECT_EQ(TextProp(m.LinkProperties(l), "ftm_schema"), std::string(i.schema));
    EXPECT_EQ(m.Weight(l), 1.0);
  }
}

TEST(FtmReader, LinkFields) {
  Graph g;
  const LoadReport r = g.LoadText(
      "pay.ijson",
      Lines({Line("PAY1", "Payment",
                  R"("payer": ["A"], "beneficiary": ["B"], "date": ["2011-12-29"], )"
                  R"("amount": ["12.5"], "amountEur": ["100000"], "currency": ["EUR"], )"
                  R"("purpose": ["donation"], "summary": ["first", "second"], )"
                  R"("sourceUrl": ["https://example.org/pay1"], "namesMentioned": ["Ann", "Bee"])"),
             Line("OWN1", "Ownership",
                  R"("owner": ["A", "C"], "asset": ["B"], "startDate": ["2019-01"], )"
                  R"("endDate": ["2019-03-15"], "percentage": ["25%"], "sharesCount": ["100"], )"
                  R"("publisher": ["Registry"], "sourceUrl": ["https://example.org/own1"])"),
             Line("FAM1", "Family",
                  R"("person": ["A"], "relative": ["C"], )"
                  R"("relationship": ["sister"])")}));
  EXPECT_EQ(r.warning_count, 0u);
  const Model& m = g.model();
  ASSERT_EQ(m.link_count(), 4u);  // two owners: one link each

  EXPECT_EQ(m.TypeName(0), "paid");
  EXPECT_TRUE(m.Directed(0));
  EXPECT_EQ(FormatDateRange(m.LinkDates(0)), "2011-12-29");
  EXPECT_EQ(m.LinkExternalId(0), "PAY1");
  EXPECT_EQ(m.Source(0), "https://example.org/pay1");
  const auto pay = m.LinkProperties(0);
  EXPECT_EQ(NumberProp(pay, "amount"), 12.5);
  EXPECT_EQ(NumberProp(pay, "amountEur"), 100000.0);
  EXPECT_EQ(TextProp(pay, "currency"), "EUR");
  EXPECT_EQ(TextProp(pay, "purpose"), "donation");
  EXPECT_EQ(TextProp(pay, "summary"), "first; second");
  EXPECT_EQ(TextProp(pay, "namesMentioned"), "Ann; Bee");
  EXPECT_EQ(TextProp(pay, "ftm_schema"), "Payment");
  for (std::string_view taken : {"payer", "beneficiary", "date", "sourceUrl"}) {
    EXPECT_FALSE(Prop(pay, taken)) << taken;
  }

  for (LinkId l : {LinkId{1}, LinkId{2}}) {
    EXPECT_EQ(m.TypeName(l), "owns");
    EXPECT_EQ(m.ExternalId(m.To(l)), "B");
    EXPECT_EQ(m.LinkExternalId(l), "OWN1");
    EXPECT_EQ(FormatDateRange(m.LinkDates(l)), "2019-01-01/2019-03-15");
    EXPECT_EQ(m.Source(l), "Registry");  // "publisher" before "sourceUrl"
    const auto own = m.LinkProperties(l);
    EXPECT_EQ(TextProp(own, "percentage"), "25%");
    EXPECT_EQ(NumberProp(own, "sharesCount"), 100.0);
    EXPECT_EQ(TextProp(own, "sourceUrl"), "https://example.org/own1");
  }
  EXPECT_EQ(m.ExternalId(m.From(1)), "A");
  EXPECT_EQ(m.ExternalId(m.From(2)), "C");

  EXPECT_EQ(m.TypeName(3), "family");
  EXPECT_FALSE(m.Directed(3));
  EXPECT_EQ(TextProp(m.LinkProperties(3), "relationship"), "sister");
  // The ends were never declared: implicit entities, as for every reader.
  EXPECT_EQ(r.implicit_created, 3u);
  EXPECT_TRUE(m.Implicit(Find(m, "A")));
}

TEST(FtmReader, ReferencePropertiesBecomeLinks) {
  Graph g;
  const LoadReport r = g.LoadText(
      "refs.ijson",
      Lines({Line("AD1", "Address", R"("full": ["1 High St"])"),
             Line("AD2", "Address", R"("full": ["2 Low St"])"),
             Line("P1", "Person",
                  R"("name": ["Ann"], "addressEntity": ["AD1", "AD2"], "mainCountry": ["gh"], )"
                  R"("publisher": ["Registry"])"),
             Line("V1", "Vehicle",
                  R"("registrationNumber": ["GR-1234"], "owner": ["P1"], )"
                  R"("operator": ["C1"])"),
             Line("PP1", "Passport", R"("number": ["X1"], "holder": ["P1"])"),
             Line("C1", "Company", R"("name": ["Acme"], "addressEntity": ["AD2"])")}));
  EXPECT_EQ(r.rejected, 0u);
  const Model& m = g.model();
  EXPECT_EQ(m.entity_count(), 6u);
  for (EntityId e = 0; e < m.entity_count(); ++e) EXPECT_FALSE(m.Implicit(e)) << m.ExternalId(e);
  ASSERT_EQ(m.link_count(), 6u);
  struct Want {
    const char *from, *to, *type, *property;
  };
  const Want want[] = {{"P1", "AD1", "located_in", "addressEntity"},
                       {"P1", "AD2", "located_in", "addressEntity"},
                       {"P1", "V1", "owns", "owner"},
                       {"C1", "V1", "uses", "operator"},
                       {"PP1", "P1", "registered_to", "holder"},
                       {"C1", "AD2", "located_in", "addressEntity"}};
  for (LinkId l = 0; l < m.link_count(); ++l) {
    EXPECT_EQ(m.ExternalId(m.From(l)), want[l].from) << l;
    EXPECT_EQ(m.ExternalId(m.To(l)), want[l].to) << l;
    EXPECT_EQ(m.TypeName(l), want[l].type) << l;
    EXPECT_TRUE(m.Directed(l)) << l;
    EXPECT_EQ(TextProp(m.LinkProperties(l), "ftm_property"), want[l].property) << l;
    EXPECT_EQ(m.LinkExternalId(l), "") << l;
  }
  EXPECT_EQ(m.Source(0), "Registry");  // the thing's source
  const auto props = m.Properties(Find(m, "P1"));
  EXPECT_FALSE(Prop(props, "addressEntity"));
  EXPECT_EQ(TextProp(props, "mainCountry"), "gh");  // a country, not a reference
  EXPECT_EQ(m.Country(Find(m, "P1")), "");
}

TEST(FtmReader, ForwardReferencesResolveByIdInOneFileAndAcrossFiles) {
  const std::string payments = Lines({
      Line("PAY1", "Payment", R"("payer": ["P1"], "beneficiary": ["O1"], "date": ["2010"])"),
      Line("P1", "Person", R"("name": ["Ann"], "addressEntity": ["AD1"])"),
  });
  const std::string rest = Lines({Line("O1", "Organization", R"("name": ["Party"])"),
                                  Line("AD1", "Address", R"("full": ["1 High St"])")});
  for (bool one_file : {true, false}) {
    testing::TempDir dir;
    std::vector<std::string> paths;
    if (one_file) {
      paths.push_back(dir.File("all.ijson", fmt::format("{}{}", payments, rest)));
    } else {
      paths.push_back(dir.File("payments.ijson", payments));
      paths.push_back(dir.File("rest.json", rest));  // .json detected as FtM by content
    }
    Graph g;
    const LoadReport r = g.Load(paths);
    EXPECT_EQ(r.rejected, 0u);
    for (const FileReport& f : r.files) EXPECT_EQ(f.format, InputFormat::kFtm) << f.path;
    // The payment, an end and the address came before their declarations: implicit while
    // loading, declared at the end.
    EXPECT_EQ(r.implicit_created, 3u);
    const Model& m = g.model();
    ASSERT_EQ(m.entity_count(), 3u);  // P1, O1, AD1; the payment is a link
    for (EntityId e = 0; e < m.entity_count(); ++e) {
      EXPECT_FALSE(m.Implicit(e)) << m.ExternalId(e);
    }
    EXPECT_EQ(m.link_count(), 2u);
    EXPECT_EQ(m.LinkExternalId(*FindLink(m, "P1", "O1")), "PAY1");
    EXPECT_EQ(m.KindName(Find(m, "O1")), "organization");
    EXPECT_EQ(m.KindName(Find(m, "AD1")), "location");
    EXPECT_EQ(m.Name(Find(m, "O1")), "Party");
    EXPECT_TRUE(FindLink(m, "P1", "O1"));
    EXPECT_TRUE(FindLink(m, "P1", "AD1"));
  }
}

TEST(FtmReader, UnknownSchemataAreKeptWithAWarning) {
  const std::string court = Line("CC1", "CourtCase",
                                 R"("name": ["State v. Ann"], "date": ["2019"], )"
                                 R"("addressEntity": ["AD1"], "caseNumber": ["17/2019"])");
  Graph g;
  const LoadReport r = g.LoadText(
      "cases.ijson", Lines({Line("P1", "Person", R"("name": ["Ann"])"), court,
                            Line("CP1", "CourtCaseParty",
                                 R"("party": ["P1"], "case": ["CC1"], "role": ["accused"])"),
                            Line("AD1", "Address", R"("full": ["Court St 1"])")}));
  EXPECT_EQ(r.rejected, 0u);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].file, "cases.ijson");
  EXPECT_EQ(r.warnings[0].line, 2u);
  EXPECT_EQ(r.warnings[0].column, court.find("\"CourtCase\"") + 1);
  EXPECT_TRUE(Contains(r.warnings[0].message, "\"CourtCase\"")) << r.warnings[0].message;
  EXPECT_TRUE(Contains(r.warnings[0].message, "\"courtcase\"")) << r.warnings[0].message;
  const Model& m = g.model();
  const EntityId c = Find(m, "CC1");
  EXPECT_EQ(m.KindName(c), "courtcase");
  EXPECT_EQ(m.Name(c), "State v. Ann");
  EXPECT_EQ(FormatDateRange(m.Dates(c)), "2019");
  EXPECT_EQ(TextProp(m.Properties(c), "caseNumber"), "17/2019");
  EXPECT_EQ(TextProp(m.Properties(c), "ftm_schema"), "CourtCase");
  const auto party = FindLink(m, "P1", "CC1");
  ASSERT_TRUE(party);
  EXPECT_EQ(m.TypeName(*party), "involved_in");
  EXPECT_EQ(TextProp(m.LinkProperties(*party), "role"), "accused");
  const auto located = FindLink(m, "CC1", "AD1");
  ASSERT_TRUE(located);
  EXPECT_EQ(m.TypeName(*located), "located_in");
}

TEST(FtmReader, OtherTopLevelKeysAreIgnored) {
  // caption, datasets, referents, first_seen, ...: derived or bookkeeping data of FtM tools.
  Graph g;
  const LoadReport r = g.LoadText(
      "x.ijson",
      "\xEF\xBB\xBF{\"caption\": \"Ann\", \"datasets\": [\"a\", {\"b\": [1, null]}], "
      "\"referents\": [], \"first_seen\": \"2020-01-01\", \"target\": true, \"score\": 0.5, "
      "\"id\": \"P1\", \"schema\": \"Person\", \"properties\": {\"name\": [\"Ann\"]}, "
      "\"last_seen\": null}\r\n"
      "\n"
      "   \n");
  EXPECT_EQ(r.files[0].format, InputFormat::kFtm);
  EXPECT_EQ(r.files[0].records, 1u);
  const Model& m = g.model();
  ASSERT_EQ(m.entity_count(), 1u);
  EXPECT_EQ(m.Name(0), "Ann");
  EXPECT_EQ(m.Properties(0).size(), 1u);  // ftm_schema only
}

// ---------------------------------------------------------------------------------------------
// Malformed lines

struct Bad {
  std::string line;
  std::string at;  // the column is where this text first occurs in the line ("" = column 1)
  std::string reason;
};

TEST(FtmReader, MalformedLinesStrictAndLenient) {
  const std::string good1 = Line("A", "Person", R"("name": ["Ann"])");
  const std::string good3 = Line("B", "Company", R"("name": ["Bee"])");
  const Bad cases[] = {
      {"# not json", "", "invalid JSON"},
      {R"(["a"])", "", "each line must be a JSON object"},
      {R"({"schema": "Person", "properties": {}})", "", "without \"id\""},
      {R"({"id": "X", "properties": {"name": ["x"]}})", "", "without \"schema\""},
      {R"({"id": "X", "schema": "Person", "properties": []})", "[]",
       "field \"properties\" must be an object"},
      {R"({"id": "X", "schema": "Person", "properties": "none"})", "\"none\"",
       "field \"properties\" must be an object"},
      {R"({"id": "X", "schema": "Person", "properties": {"name": "Xe"}})", "\"Xe\"",
       "property \"name\" must be a list of strings"},
      {R"({"id": "X", "schema": "Person", "properties": {"name": null}})", "null",
       "property \"name\" must be a list of strings"},
      {R"({"id": "X", "schema": "Person", "properties": {"name": ["Xe", 3]}})", "3]",
       "property \"name\": values must be strings"},
      {R"({"id": "X", "schema": "Person", "properties": {"name": [["Xe"]]}})", "[\"Xe\"]",
       "values must be strings"},
      {R"({"id": "X", "schema": "Person", "properties": {"name": [{"v": "Xe"}]}})", "{\"v\"",
       "values must be strings"},
      {R"({"id": 5, "schema": "Person", "properties": {}})", "5,", "field \"id\" must be a string"},
      {R"({"id": "X", "schema": ["Person"], "properties": {}})", "[\"Person\"]",
       "field \"schema\" must be a string"},
      {R"({"id": " ", "schema": "Person", "properties": {}})", "\" \"", "empty id"},
      {R"({"id": "X", "schema": "", "properties": {}})", "\"\"", "\"schema\" is empty"},
      {R"({"id": "X", "id": "Y", "schema": "Person", "properties": {}})", "\"id\": \"Y\"",
       "field \"id\" appears twice"},
      {R"({"id": "X", "schema": "Person", "properties": {"name": ["a"], "name": ["b"]}})",
       "\"name\": [\"b\"]", "property \"name\" appears twice"},
      {R"({"id": "X", "schema": "Person", "properties": {"": ["v"]}})",
       "\"\":", "empty property name"},
      {R"({"id": "X", "schema": "Person", "properties": {}}  xtra)", "xtra", "unexpected text"},
      {R"({"id": "X", "schema": "Person", "properties": {"addressEntity": ["a\u0001b"]}})",
       "\"a\\u", "control character"},
      {R"({"id": "X", "schema": "Payment", "properties": {"payer": ["A"]}})", "{\"payer\"",
       "Payment without \"beneficiary\""},
      {R"({"id": "X", "schema": "Payment", "properties": {"payer": ["A"], "beneficiary": [" "]}})",
       "\"beneficiary\"", "Payment without \"beneficiary\""},
      {R"({"id": "X", "schema": "Ownership", "properties": {}, "caption": "x"})", "{}",
       "Ownership without \"owner\""},
      {R"({"id": "X", "schema": "Family"})", "", "Family without \"person\""},
      {R"({"id": "X", "schema": "Debt", "properties": {"debtor": ["\u0007"], "creditor": ["B"]}})",
       "\"\\u0007\"", "property \"debtor\""},
      {R"({"id": "X", "schema": "9Lives", "properties": {}})", "\"9Lives\"", "bad kind"},
  };
  for (const Bad& c : cases) {
    SCOPED_TRACE(c.line);
    const uint32_t column = c.at.empty() ? 1u : static_cast<uint32_t>(c.line.find(c.at) + 1);
    ASSERT_TRUE(c.at.empty() || c.line.find(c.at) != std::string::npos);
    const std::string text = Lines({good1, c.line, good3});
    Graph g;
    const testing::Failure f = testing::StrictFailure(g, "bad.ijson", text);
    EXPECT_AT(f, 2u, column);
    EXPECT_EQ(f.file, "bad.ijson");
    EXPECT_TRUE(Contains(f.reason, c.reason)) << f.reason;
    EXPECT_EQ(g.model().entity_count(), 0u);

    const LoadReport r = testing::LenientOneError(g, "bad.ijson", text, 2, column);
    if (!r.errors.empty()) {
      EXPECT_TRUE(Contains(r.errors[0].message, c.reason));
    }
    const Model& m = g.model();
    // The bad line leaves nothing behind: no entity, no link, no implicit end.
    EXPECT_EQ(m.entity_count(), 2u);
    EXPECT_EQ(m.link_count(), 0u);
    EXPECT_TRUE(m.FindEntity("A"));
    EXPECT_TRUE(m.FindEntity("B"));
    EXPECT_EQ(r.files[0].records, 3u);
    EXPECT_EQ(r.files[0].rejected, 1u);
  }
}

TEST(FtmReader, AKindConflictRejectsTheLineWithItsReferenceLinks) {
  const std::string text = Lines({Line("A", "Person", R"("name": ["Ann"])"),
                                  Line("A", "Company", R"("addressEntity": ["AD1"])"),
                                  Line("AD1", "Address", R"("full": ["1 High St"])")});
  Graph g;
  const testing::Failure f = testing::StrictFailure(g, "k.ijson", text);
  EXPECT_AT(f, 2u, static_cast<uint32_t>(Line("A", "Company").find("\"Company\"") + 1));
  EXPECT_TRUE(Contains(f.reason, "has kind \"person\"")) << f.reason;
  const LoadReport r = testing::LenientOneError(g, "k.ijson", text, 2, f.column);
  EXPECT_EQ(g.model().link_count(), 0u);
  EXPECT_EQ(g.model().entity_count(), 2u);
  (void)r;
}

TEST(FtmReader, RedeclarationsMergeAsForEveryReader) {
  Graph g;
  const LoadReport r = g.LoadText(
      "m.ijson", Lines({Line("A", "Organization", R"("name": ["Acme"], "country": ["gh"])"),
                        Line("A", "Company", R"("name": ["Acme Ltd"], "country": ["ng"])")}));
  const Model& m = g.model();
  ASSERT_EQ(m.entity_count(), 1u);
  EXPECT_EQ(m.Name(0), "Acme");
  EXPECT_EQ(m.Aliases(0), (std::vector<std::string_view>{"Acme Ltd"}));
  EXPECT_EQ(m.Country(0), "GH");
  EXPECT_EQ(m.Records(0).size(), 2u);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_TRUE(Contains(r.warnings[0].message, "country")) << r.warnings[0].message;
}

// ---------------------------------------------------------------------------------------------
// Detection and names

TEST(FtmDetect, ExtensionsAndContent) {
  using detail::DetectFormat;
  const std::string ftm = fmt::format("{}\n", Line("P1", "Person", R"("name": ["Ann"])"));
  const std::string props_first =
      R"({"id": "P1", "properties": {"name": ["Ann"]}, "schema": "Person"})";
  const std::string linkscope = R"({"record":"entity","id":"A","properties":{"schema":"x"}})";
  EXPECT_EQ(DetectFormat("a.ijson", ""), InputFormat::kFtm);
  EXPECT_EQ(DetectFormat("A.IJSON", "from,to\n"), InputFormat::kFtm);
  for (const char* path : {"a.json", "a.jsonl", "a.ndjson", "a.txt", "noext", "-"}) {
    EXPECT_EQ(DetectFormat(path, ftm), InputFormat::kFtm) << path;
    EXPECT_EQ(DetectFormat(path, props_first), InputFormat::kFtm) << path;
    EXPECT_EQ(DetectFormat(path, fmt::format("\xEF\xBB\xBF\n  \n{}", ftm)), InputFormat::kFtm)
        << path;
    EXPECT_EQ(DetectFormat(path, linkscope), InputFormat::kJsonLines) << path;
    EXPECT_EQ(DetectFormat(path, "{\"id\":\"A\"}\n"), InputFormat::kJsonLines) << path;
  }
  // A first line cut off by the detection window inside its properties still decides.
  EXPECT_EQ(DetectFormat("a.json", R"({"id": "P1", "properties": {"notes": ["a very lo)"),
            InputFormat::kFtm);
  EXPECT_EQ(DetectFormat("a.json", R"({"record": "entity", "schema": "x")"),
            InputFormat::kJsonLines);
  EXPECT_EQ(DetectFormat("a.csv", "id,schema\n"), InputFormat::kEntitiesTable);
}

TEST(FtmDetect, NameAndExplicitFormat) {
  EXPECT_EQ(InputFormatName(InputFormat::kFtm), "ftm");
  EXPECT_EQ(ParseInputFormat("ftm"), InputFormat::kFtm);
  EXPECT_EQ(ParseInputFormat("FTM"), InputFormat::kFtm);
  Graph g;
  LoadOptions o;
  o.format = InputFormat::kFtm;
  const LoadReport r = g.LoadText("export.dat", Line("P1", "Person"), o);
  EXPECT_EQ(r.files[0].format, InputFormat::kFtm);
  EXPECT_EQ(g.model().KindName(0), "person");
  // Read as linkscope JSON Lines, an FtM line is an error.
  o.format = InputFormat::kJsonLines;
  EXPECT_THROW(g.LoadText("export.dat", Line("P2", "Person"), o), InputError);
}

// ---------------------------------------------------------------------------------------------
// The real file

TEST(FtmRealDataset, DonationsLoadCompletely) {
  LINKSCOPE_REQUIRE_DATASETS();
  const std::string path = testing::Dataset("ftm_donations_nomenklatura/donations.ijson");

  // An independent scan: schemata, payments (id -> date, amount), addressEntity values.
  std::map<std::string, int> schemata;
  struct Payment {
    std::string date;
    double amount;
    std::string payer, beneficiary;
  };
  std::map<std::string, Payment> payments;
  std::vector<std::pair<std::string, std::string>> addresses;  // thing -> address
  {
    std::ifstream in(path);
    ASSERT_TRUE(in) << path;
    std::string line;
    while (std::getline(in, line)) {
      rapidjson::Document d;
      d.Parse(line.c_str());
      ASSERT_FALSE(d.HasParseError()) << line;
      const std::string id = d["id"].GetString();
      const std::string schema = d["schema"].GetString();
      ++schemata[schema];
      const auto& props = d["properties"];
      if (schema == "Payment") {
        payments[id] =
            Payment{props["date"][0].GetString(), std::stod(props["amountEur"][0].GetString()),
                    props["payer"][0].GetString(), props["beneficiary"][0].GetString()};
      }
      if (props.HasMember("addressEntity")) {
        for (const auto& v : props["addressEntity"].GetArray()) {
          addresses.emplace_back(id, v.GetString());
        }
      }
    }
  }
  EXPECT_EQ(schemata["Person"], 22);
  EXPECT_EQ(schemata["Company"], 56);
  EXPECT_EQ(schemata["Organization"], 17);
  EXPECT_EQ(schemata["Address"], 89);
  EXPECT_EQ(payments.size(), 290u);

  Graph g;
  const LoadReport r = g.Load({path});
  ASSERT_EQ(r.files.size(), 1u);
  EXPECT_EQ(r.files[0].format, InputFormat::kFtm);
  EXPECT_EQ(r.rejected, 0u);
  EXPECT_EQ(r.warning_count, 0u);
  EXPECT_EQ(r.files[0].records, 474u);
  EXPECT_EQ(r.files[0].entity_records, 22u + 73u + 89u);
  const Model& m = g.model();

  std::map<std::string, int> kinds;
  for (EntityId e = 0; e < m.entity_count(); ++e) {
    ++kinds[std::string(m.KindName(e))];
    EXPECT_FALSE(m.Implicit(e)) << "undeclared id " << m.ExternalId(e);
    EXPECT_FALSE(m.Name(e).empty()) << m.ExternalId(e);
  }
  EXPECT_EQ(m.entity_count(), 184u);
  EXPECT_EQ(kinds["person"], 22);
  EXPECT_EQ(kinds["organization"], 73);
  EXPECT_EQ(kinds["location"], 89);
  EXPECT_EQ(kinds.size(), 3u);

  size_t paid = 0;
  size_t located = 0;
  std::vector<std::pair<std::string, std::string>> located_links;
  for (LinkId l = 0; l < m.link_count(); ++l) {
    if (m.TypeName(l) == "paid") {
      ++paid;
      const auto it = payments.find(std::string(m.LinkExternalId(l)));
      ASSERT_NE(it, payments.end()) << m.LinkExternalId(l);
      EXPECT_EQ(FormatDateRange(m.LinkDates(l)), it->second.date);
      EXPECT_EQ(NumberProp(m.LinkProperties(l), "amountEur"), it->second.amount);
      EXPECT_EQ(m.ExternalId(m.From(l)), it->second.payer);
      EXPECT_EQ(m.ExternalId(m.To(l)), it->second.beneficiary);
      EXPECT_TRUE(m.Directed(l));
    } else if (m.TypeName(l) == "located_in") {
      ++located;
      located_links.emplace_back(m.ExternalId(m.From(l)), m.ExternalId(m.To(l)));
      EXPECT_EQ(m.KindName(m.To(l)), "location");
    } else {
      ADD_FAILURE() << "unexpected link type " << m.TypeName(l);
    }
  }
  EXPECT_EQ(paid, 290u);
  EXPECT_EQ(located, addresses.size());
  EXPECT_EQ(located_links, addresses);
  EXPECT_EQ(m.link_count(), 290u + addresses.size());
}

}  // namespace
}  // namespace linkscope
