// Helpers shared by the reader tests (table, edge list, matrix, GML), on top of test_util.hpp:
// load options, a full dump of a model, look-ups by external id, and checks for strict and
// lenient load failures. Each test file keeps its own BaseGraph() and format-specific helpers.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "linkscope/core/error.hpp"
#include "linkscope/graph/graph.hpp"
#include "test_util.hpp"

namespace linkscope::testing {

inline LoadOptions Lenient() {
  LoadOptions o;
  o.lenient = true;
  return o;
}

inline LoadOptions Format(InputFormat f, bool lenient = false) {
  LoadOptions o;
  o.format = f;
  o.lenient = lenient;
  return o;
}

inline std::string PropText(const Property& p) {
  std::ostringstream out;
  out.precision(17);
  out << p.key << "=";
  switch (p.value.type) {
    case PropertyValue::Type::kString:
      out << "s:" << p.value.text;
      break;
    case PropertyValue::Type::kNumber:
      out << "n:" << p.value.number;
      break;
    case PropertyValue::Type::kDate:
      out << "d:" << FormatDateRange(p.value.date);
      break;
  }
  return out.str();
}

// Everything observable about a model, to check that a failed load changed nothing.
inline std::string Dump(const Model& m) {
  std::ostringstream out;
  out.precision(17);
  for (EntityId e = 0; e < m.entity_count(); ++e) {
    out << "E " << m.ExternalId(e) << " kind=" << m.KindName(e) << " name=" << m.Name(e)
        << " country=" << m.Country(e) << " dates=" << FormatDateRange(m.Dates(e))
        << " implicit=" << m.Implicit(e) << " records=" << m.Records(e).size();
    for (std::string_view a : m.Aliases(e)) out << " alias=" << a;
    for (const Property& p : m.Properties(e)) out << " " << PropText(p);
    out << "\n";
  }
  for (LinkId l = 0; l < m.link_count(); ++l) {
    out << "L " << m.ExternalId(m.From(l)) << (m.Directed(l) ? "->" : "--") << m.ExternalId(m.To(l))
        << " type=" << m.TypeName(l) << " w=" << m.Weight(l)
        << " dates=" << FormatDateRange(m.LinkDates(l)) << " source=" << m.Source(l)
        << " grade=" << m.LinkGrade(l).ToString() << " handling=" << +m.Handling(l)
        << " id=" << m.LinkExternalId(l);
    for (const Property& p : m.LinkProperties(l)) out << " " << PropText(p);
    out << "\n";
  }
  return out.str();
}

inline EntityId Find(const Model& m, std::string_view id) {
  const auto e = m.FindEntity(id);
  if (!e) throw std::runtime_error("no entity " + std::string(id));
  return *e;
}

// The first link from -> to (either way round for undirected links), or nullopt.
inline std::optional<LinkId> FindLink(const Model& m, std::string_view from, std::string_view to) {
  const auto a = m.FindEntity(from);
  const auto b = m.FindEntity(to);
  if (!a || !b) return std::nullopt;
  for (LinkId l = 0; l < m.link_count(); ++l) {
    if (m.From(l) == *a && m.To(l) == *b) return l;
    if (!m.Directed(l) && m.From(l) == *b && m.To(l) == *a) return l;
  }
  return std::nullopt;
}

inline std::optional<PropertyValue> Prop(const std::vector<Property>& props, std::string_view key) {
  for (const Property& p : props) {
    if (p.key == key) return p.value;
  }
  return std::nullopt;
}

inline DateRange Date(std::string_view text) {
  auto d = ParseDate(text, nullptr);
  if (!d) throw std::runtime_error("bad test date " + std::string(text));
  return *d;
}

inline bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

struct Failure {
  bool thrown = false;
  std::string file;
  uint64_t line = 0;
  uint32_t column = 0;
  std::string reason;
};

// A strict load that must fail: returns where, and checks the graph is exactly as before.
inline Failure StrictFailure(Graph& g, const std::string& name, std::string_view text,
                             const LoadOptions& options = {}) {
  const std::string before = Dump(g.model());
  Failure f;
  try {
    g.LoadText(name, text, options);
  } catch (const InputError& e) {
    f = Failure{true, e.file(), e.line(), e.column(), e.reason()};
  }
  EXPECT_TRUE(f.thrown) << "no InputError for " << name;
  EXPECT_EQ(Dump(g.model()), before) << "a failed strict load changed the graph";
  return f;
}

// The Failure was thrown, at line l, column c.
#define EXPECT_AT(failure, l, c)    \
  do {                              \
    EXPECT_TRUE((failure).thrown);  \
    EXPECT_EQ((failure).line, l);   \
    EXPECT_EQ((failure).column, c); \
  } while (0)

// Lenient load of a file with exactly one bad record.
inline LoadReport LenientOneError(Graph& g, const std::string& name, std::string_view text,
                                  uint64_t line, uint32_t column, LoadOptions options = Lenient()) {
  options.lenient = true;
  LoadReport r = g.LoadText(name, text, options);
  EXPECT_EQ(r.rejected, 1u);
  EXPECT_EQ(r.errors.size(), 1u);
  if (!r.errors.empty()) {
    EXPECT_EQ(r.errors[0].file, name);
    EXPECT_EQ(r.errors[0].line, line) << r.errors[0].message;
    EXPECT_EQ(r.errors[0].column, column) << r.errors[0].message;
  }
  return r;
}

// Loads `text` as `name` into `g` strictly, which must throw at line:column with `reason` in the
// message and change nothing; then leniently, which must reject that one record and add exactly
// the links `good` (from, to). Lenient loading uses `options` with lenient set.
inline void CheckBadLinkRecord(Graph& g, const std::string& name, std::string_view text,
                               uint64_t line, uint32_t column, std::string_view reason,
                               const std::vector<std::pair<const char*, const char*>>& good,
                               const LoadOptions& options = {}) {
  const Failure f = StrictFailure(g, name, text, options);
  EXPECT_AT(f, line, column);
  EXPECT_EQ(f.file, name);
  EXPECT_TRUE(Contains(f.reason, reason)) << f.reason;

  const uint32_t links_before = g.model().link_count();
  const LoadReport r = LenientOneError(g, name, text, line, column, options);
  if (!r.errors.empty()) {
    EXPECT_TRUE(Contains(r.errors[0].message, reason)) << r.errors[0].message;
  }
  EXPECT_EQ(r.files[0].rejected, 1u);
  EXPECT_EQ(r.links_added, good.size());
  EXPECT_EQ(g.model().link_count(), links_before + good.size());
  for (const auto& [from, to] : good) EXPECT_TRUE(FindLink(g.model(), from, to)) << from << to;
}

}  // namespace linkscope::testing
