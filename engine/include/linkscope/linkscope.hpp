// The whole public API of linkscope in one include (docs/api.md).
//
//   #include <linkscope/linkscope.hpp>
//   linkscope::Graph g;
//   g.Load({"case.jsonl"});
//   const linkscope::Snapshot s = g.TakeSnapshot();
//   const linkscope::Communities c = linkscope::Leiden(s);
//
// Consumers find the installed package with find_package(linkscope CONFIG REQUIRED) and link
// linkscope::engine. Every header here depends only on the C++ standard library.
#pragma once

#include "linkscope/algo/community.hpp"
#include "linkscope/algo/components.hpp"
#include "linkscope/algo/kcore.hpp"
#include "linkscope/algo/label_propagation.hpp"
#include "linkscope/algo/leiden.hpp"
#include "linkscope/algo/louvain.hpp"
#include "linkscope/algo/profile.hpp"
#include "linkscope/algo/quality.hpp"
#include "linkscope/algo/stats.hpp"
#include "linkscope/centrality/centrality.hpp"
#include "linkscope/core/date.hpp"
#include "linkscope/core/error.hpp"
#include "linkscope/core/interrupt.hpp"
#include "linkscope/core/memory.hpp"
#include "linkscope/core/rng.hpp"
#include "linkscope/core/types.hpp"
#include "linkscope/disrupt/keyplayers.hpp"
#include "linkscope/disrupt/removal.hpp"
#include "linkscope/export/export.hpp"
#include "linkscope/gen/generator.hpp"
#include "linkscope/gen/planted.hpp"
#include "linkscope/graph/graph.hpp"
#include "linkscope/graph/projection.hpp"
#include "linkscope/graph/snapshot.hpp"
#include "linkscope/graph/view.hpp"
#include "linkscope/ingest/load.hpp"
#include "linkscope/layout/layout.hpp"
#include "linkscope/model/country.hpp"
#include "linkscope/model/firearm.hpp"
#include "linkscope/model/grading.hpp"
#include "linkscope/model/kinds.hpp"
#include "linkscope/model/model.hpp"
#include "linkscope/path/path.hpp"
#include "linkscope/path/traversal.hpp"
#include "linkscope/report/report.hpp"
#include "linkscope/version.hpp"
