// GEXF 1.3 (https://gexf.net/) for Gephi: a static graph, nodes labelled by name, typed
// attributes (attvalues) for everything else, edges with their weight and their link type as
// label. Dates are attributes ("date", "start", "end" as ISO text), not GEXF spells: a static
// graph opens in every Gephi version and in networkx. Like GraphML, the graph is undirected with
// a "directed" attribute per edge (networkx refuses a mixed graph).
#include <fmt/format.h>

#include <iterator>

#include "export/attributes.hpp"

namespace linkscope::detail {
namespace {

std::string_view GexfType(AttrType t) {
  switch (t) {
    case AttrType::kString:
      return "string";
    case AttrType::kDouble:
      return "double";
    case AttrType::kInt:
      return "integer";
    case AttrType::kBool:
      return "boolean";
  }
  return "string";
}

// The attributes GEXF carries as XML attributes of the element itself.
bool Native(bool node, uint32_t attr) { return node ? attr == kNodeLabel : attr == kEdgeWeight; }

void Declare(std::string& out, const std::vector<AttrDef>& defs, bool node) {
  bool any = false;
  for (uint32_t i = 0; i < defs.size(); ++i) any = any || (defs[i].used && !Native(node, i));
  if (!any) return;
  fmt::format_to(std::back_inserter(out), "    <attributes class=\"{}\" mode=\"static\">\n",
                 node ? "node" : "edge");
  for (uint32_t i = 0; i < defs.size(); ++i) {
    if (!defs[i].used || Native(node, i)) continue;
    fmt::format_to(std::back_inserter(out), "      <attribute id=\"{}\" title=\"", i);
    AppendXml(out, defs[i].name, true);
    fmt::format_to(std::back_inserter(out), "\" type=\"{}\"/>\n", GexfType(defs[i].type));
  }
  out += "    </attributes>\n";
}

void Values(std::string& out, const std::vector<AttrValue>& values, bool node) {
  bool open = false;
  for (const AttrValue& a : values) {
    if (Native(node, a.attr)) continue;
    if (!open) {
      out += ">\n        <attvalues>\n";
      open = true;
    }
    fmt::format_to(std::back_inserter(out), "          <attvalue for=\"{}\" value=\"", a.attr);
    AppendXml(out, a.text, true);
    out += "\"/>\n";
  }
  if (open) {
    out += "        </attvalues>\n      ";
    out += node ? "</node>\n" : "</edge>\n";
  } else {
    out += "/>\n";
  }
}

}  // namespace

ExportReport WriteGexf(const ExportSet& x, const std::string& path) {
  const Snapshot& s = *x.s;
  const Model& m = *x.m;
  const AttrTables attrs(x);
  OutFile out(path);
  std::string& b = out.buf();
  b += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  b += "<gexf xmlns=\"http://gexf.net/1.3\" "
       "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
       "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
       "version=\"1.3\">\n";
  b += "  <meta>\n    <creator>linkscope</creator>\n  </meta>\n";
  b += "  <graph mode=\"static\" defaultedgetype=\"undirected\">\n";
  Declare(b, attrs.node_defs(), true);
  Declare(b, attrs.edge_defs(), false);
  std::vector<AttrValue> values;
  b += "    <nodes>\n";
  for (VertexId v = 0; v < s.vertex_count(); ++v) {
    const EntityId e = s.Entity(v);
    const std::string_view name = m.Name(e);
    b += "      <node id=\"";
    AppendXml(b, m.ExternalId(e), true);
    b += "\" label=\"";
    AppendXml(b, name.empty() ? m.ExternalId(e) : name, true);
    b += '"';
    attrs.NodeValues(v, &values);
    Values(b, values, true);
    out.MaybeFlush();
  }
  b += "    </nodes>\n    <edges>\n";
  for (size_t i = 0; i < x.link_count(); ++i) {
    b += "      <edge id=\"";
    b += attrs.EdgeId(i);
    b += "\" source=\"";
    AppendXml(b, s.ExternalId(attrs.EdgeSource(i)), true);
    b += "\" target=\"";
    AppendXml(b, s.ExternalId(attrs.EdgeTarget(i)), true);
    b += "\" label=\"";
    AppendXml(b, x.derived() ? kProjectedType : m.TypeName(x.links[i]), true);
    fmt::format_to(std::back_inserter(b), "\" weight=\"{}\"", NumberText(attrs.EdgeWeight(i)));
    attrs.EdgeValues(i, &values);
    Values(b, values, false);
    out.MaybeFlush();
  }
  b += "    </edges>\n  </graph>\n</gexf>\n";
  out.Close();
  return OneFileReport(x, path);
}

}  // namespace linkscope::detail
