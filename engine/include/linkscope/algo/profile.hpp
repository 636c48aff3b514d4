// Community profiles: what an analyst wants to know about each network a community detection
// found — who is in it, how tight it is, what it traffics and where, who matters inside and who
// connects it to other networks.
//
// Communities may be found on a view (persons only, or persons projected through shared
// seizures); the profile still reaches through the whole case file (the snapshot's model) for
// the commodities, firearms and seizures connected to the members.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "linkscope/graph/snapshot.hpp"

namespace linkscope {

struct ProfileOptions {
  uint32_t top_members = 5;  // members listed by internal strength
  uint32_t bridges = 5;      // bridging members listed
  // Link types through which a member "traffics" an item (firearm, ammunition, commodity)
  // it is directly linked to. Items linked to one of the community's seizures always count.
  std::vector<std::string> trafficking_types = {
      "possessed",     "purchased", "sold",      "supplied",    "transported",    "owns",
      "registered_to", "traced_to", "seized_in", "involved_in", "manufactured_in"};
};

struct CommunityProfile {
  uint32_t id = 0;
  uint64_t size = 0;
  std::vector<VertexId> members;  // sorted by external id

  // Edges of the snapshot with both ends inside (self-loops included) / exactly one end.
  uint64_t internal_links = 0;
  uint64_t external_links = 0;
  double internal_weight = 0;
  double external_weight = 0;
  // Distinct pairs of members that are linked, over all pairs of members (0 below 2 members).
  double density = 0;

  std::vector<std::pair<std::string, uint64_t>> kinds;  // entity kind -> members, most first

  // Seizures of the community: seizure members and seizures linked to a member.
  uint64_t seizures = 0;
  // The commodity mix: distinct items reached — members that are firearms, ammunition or
  // commodities; items linked to a seizure of the community; items linked to a member through
  // a trafficking link type — by category: "firearms" (firearms and ammunition), "gold",
  // "drugs", "wildlife", "cash", "fuel", "other". Most first.
  std::vector<std::pair<std::string, uint64_t>> commodities;
  // Crime convergence: the number of distinct categories in the mix, and the Shannon entropy
  // of the mix in bits (0 for one category, log2(k) for k equal shares).
  uint32_t categories = 0;
  double entropy = 0;
  // Countries (ISO alpha-2) of the members and of the community's seizures, most first.
  std::vector<std::pair<std::string, uint64_t>> countries;

  struct Member {
    VertexId vertex = kNoVertex;
    double strength = 0;      // weight of its edges to other members
    uint64_t neighbours = 0;  // distinct neighbours inside
  };
  std::vector<Member> top_members;  // strongest inside first, ties by external id

  struct Bridge {
    VertexId vertex = kNoVertex;
    std::vector<uint32_t> reaches;  // other communities it has edges to, ascending
    double external_weight = 0;
  };
  // Members linked to other communities: most communities reached first, then heaviest
  // external weight, then external id.
  std::vector<Bridge> bridges;
  uint64_t bridge_count = 0;  // all members with an edge leaving the community
};

// Profiles of communities 0..k-1 of `membership` (dense labels below the vertex count, e.g.
// Communities::membership), in id order. Deterministic. O(n log n + m + L log L) for the
// model's L links. Throws UsageError when the membership does not have one label per vertex or
// has a label of n or more, NotFoundError for an unknown trafficking link type that is not in
// the recommended vocabulary.
std::vector<CommunityProfile> ProfileCommunities(const Snapshot& s,
                                                 std::span<const uint32_t> membership,
                                                 const ProfileOptions& options = {});

// The category name of an item entity ("firearms", "gold", ...) or "" when it is no item.
std::string_view ItemCategory(const Model& model, EntityId e);

}  // namespace linkscope
