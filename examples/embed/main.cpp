// embed CASE_FILE FROM TO: load a case, find its networks, trace FROM -> TO by reliability.
#include <linkscope/linkscope.hpp>

#include <algorithm>
#include <cstdio>
#include <string>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s CASE_FILE FROM TO\n", argv[0]);
    return 2;
  }
  try {
    linkscope::Graph graph;
    const linkscope::LoadReport load = graph.Load({argv[1]});
    const linkscope::Snapshot s = graph.TakeSnapshot();
    std::printf("linkscope %s: %u entities, %llu links (%llu rejected)\n",
                std::string(linkscope::Version()).c_str(), s.vertex_count(),
                static_cast<unsigned long long>(s.edge_count()),
                static_cast<unsigned long long>(load.rejected));

    linkscope::LeidenParams params;
    params.seed = 1;
    const linkscope::Communities c = linkscope::Leiden(s, params);
    std::printf("networks: %u (modularity %.4f); the largest:", c.count(), c.modularity);
    for (size_t i = 0; i < std::min<size_t>(3, c.sizes.size()); ++i) {
      std::printf(" %llu", static_cast<unsigned long long>(c.sizes[i]));
    }
    std::printf("\n");

    linkscope::PathOptions options;
    options.weight = linkscope::PathWeight::kReliability;
    linkscope::PathFinder finder(s, options);
    const std::vector<linkscope::Path> paths =
        finder.Shortest(finder.Resolve(argv[2]), finder.Resolve(argv[3]));
    if (paths.empty()) {
      std::printf("no path from %s to %s\n", argv[2], argv[3]);
      return 0;
    }
    const linkscope::Path& p = paths[0];
    std::printf("most reliable path: %u hops, reliability %.4f\n", p.hops, p.reliability);
    for (const linkscope::Evidence& ev : p.links) {
      std::printf("  %s -[%s %s, %s, grade %s]-> %s\n", std::string(s.ExternalId(ev.from)).c_str(),
                  std::string(ev.type).c_str(), linkscope::FormatDateRange(ev.date).c_str(),
                  ev.source.empty() ? "no source" : std::string(ev.source).c_str(),
                  ev.grade.graded() ? ev.grade.ToString().c_str() : "ungraded",
                  std::string(s.ExternalId(ev.to)).c_str());
    }
    return 0;
  } catch (const linkscope::Error& e) {
    std::fprintf(stderr, "embed: %s\n", e.what());
    return 1;
  }
}
