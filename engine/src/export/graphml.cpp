// GraphML (http://graphml.graphdrawing.org/) for Gephi, Cytoscape, yEd and networkx: typed
// <key> declarations, one <node> per entity and one <edge> per link record. The graph is
// declared undirected and every edge carries a "directed" attribute: GraphML's own per-edge
// direction makes networkx refuse a mixed graph.
#include <fmt/format.h>

#include <iterator>

#include "export/attributes.hpp"

namespace linkscope::detail {
namespace {

std::string_view GraphMlType(AttrType t) {
  switch (t) {
    case AttrType::kString:
      return "string";
    case AttrType::kDouble:
      return "double";
    case AttrType::kInt:
      return "int";
    case AttrType::kBool:
      return "boolean";
  }
  return "string";
}

void Keys(std::string& out, const std::vector<AttrDef>& defs, std::string_view domain,
          std::string_view prefix) {
  for (size_t i = 0; i < defs.size(); ++i) {
    if (!defs[i].used) continue;
    fmt::format_to(std::back_inserter(out), "  <key id=\"{}{}\" for=\"{}\" attr.name=\"", prefix, i,
                   domain);
    AppendXml(out, defs[i].name, true);
    fmt::format_to(std::back_inserter(out), "\" attr.type=\"{}\"/>\n", GraphMlType(defs[i].type));
  }
}

void Data(std::string& out, const std::vector<AttrValue>& values, std::string_view prefix) {
  for (const AttrValue& a : values) {
    fmt::format_to(std::back_inserter(out), "      <data key=\"{}{}\">", prefix, a.attr);
    AppendXml(out, a.text, false);
    out += "</data>\n";
  }
}

}  // namespace

ExportReport WriteGraphMl(const ExportSet& x, const std::string& path) {
  const Snapshot& s = *x.s;
  const AttrTables attrs(x);
  OutFile out(path);
  std::string& b = out.buf();
  b += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  b += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
       "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
       "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
       "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  Keys(b, attrs.node_defs(), "node", "kn");
  Keys(b, attrs.edge_defs(), "edge", "ke");
  b += "  <graph id=\"linkscope\" edgedefault=\"undirected\">\n";
  std::vector<AttrValue> values;
  for (VertexId v = 0; v < s.vertex_count(); ++v) {
    b += "    <node id=\"";
    AppendXml(b, s.ExternalId(v), true);
    b += "\">\n";
    attrs.NodeValues(v, &values);
    Data(b, values, "kn");
    b += "    </node>\n";
    out.MaybeFlush();
  }
  for (size_t i = 0; i < x.link_count(); ++i) {
    b += "    <edge id=\"";
    b += attrs.EdgeId(i);
    b += "\" source=\"";
    AppendXml(b, s.ExternalId(attrs.EdgeSource(i)), true);
    b += "\" target=\"";
    AppendXml(b, s.ExternalId(attrs.EdgeTarget(i)), true);
    b += "\">\n";
    attrs.EdgeValues(i, &values);
    Data(b, values, "ke");
    b += "    </edge>\n";
    out.MaybeFlush();
  }
  b += "  </graph>\n</graphml>\n";
  out.Close();
  return OneFileReport(x, path);
}

}  // namespace linkscope::detail
