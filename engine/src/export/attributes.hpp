// Node and edge attributes of the graph formats (GraphML, GEXF), internal: which attributes
// exist (only those some element has), their types, and each element's values as text.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "export/export_common.hpp"
#include "linkscope/model/grading.hpp"

namespace linkscope::detail {

enum class AttrType : uint8_t { kString, kDouble, kInt, kBool };

struct AttrDef {
  std::string name;
  AttrType type = AttrType::kString;
  bool used = false;  // some element has a value: declared in the file
};

struct AttrValue {
  uint32_t attr = 0;
  std::string text;
};

// Built-in attributes, by index; free properties follow them.
enum NodeAttr : uint32_t {
  kNodeLabel,  // name, or the id when there is none (GEXF: the node's label)
  kNodeKind,
  kNodeName,
  kNodeAliases,  // joined with '|'
  kNodeCountry,
  kNodeDate,  // as linkscope prints it: "2019", "2019-01-01/2019-03-15"
  kNodeStart,
  kNodeEnd,
  kNodeImplicit,
  kNodeSource,  // the sources of its records, joined with '|'
  kNodeCategory,
  kNodeQuantity,
  kNodeUnit,
  kNodeSubtype,
  kNodeMake,
  kNodeModel,
  kNodeCalibre,
  kNodeSerial,
  kNodeCommunity,
  kNodeBuiltins
};

enum EdgeAttr : uint32_t {
  kEdgeType,
  kEdgeDirected,
  kEdgeWeight,
  kEdgeDate,
  kEdgeStart,
  kEdgeEnd,
  kEdgeSource,
  kEdgeGrade,
  kEdgeHandling,
  kEdgeLinkId,
  kEdgeConfidence,  // of the grade, default table
  kEdgeBuiltins
};

class AttrTables {
 public:
  // Two passes over the set's elements: property keys and their types, then which attributes
  // occur.
  explicit AttrTables(const ExportSet& x);

  const std::vector<AttrDef>& node_defs() const { return node_; }
  const std::vector<AttrDef>& edge_defs() const { return edge_; }

  // The values of vertex v and of the i-th written edge (a link of x.links, or of
  // x.derived_edges), by ascending attribute index; `out` is overwritten.
  void NodeValues(VertexId v, std::vector<AttrValue>* out) const;
  void EdgeValues(size_t i, std::vector<AttrValue>* out) const;

  // Endpoints and external edge id of the i-th written edge.
  VertexId EdgeSource(size_t i) const;
  VertexId EdgeTarget(size_t i) const;
  std::string EdgeId(size_t i) const;
  double EdgeWeight(size_t i) const;

 private:
  void AddProperties(std::span<const Property> props, bool node, std::vector<AttrValue>* out) const;
  void Collect(std::span<const Property> props, bool node);

  const ExportSet& x_;
  std::vector<AttrDef> node_;
  std::vector<AttrDef> edge_;
  bool any_implicit_ = false;
  ConfidenceTable confidence_;
  // Property key -> attribute index, and whether every value is a single number.
  struct PropInfo {
    uint32_t attr = 0;
    bool numeric = true;
  };
  std::unordered_map<std::string_view, PropInfo> node_props_;
  std::unordered_map<std::string_view, PropInfo> edge_props_;
};

}  // namespace linkscope::detail
