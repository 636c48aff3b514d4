// linkscope generate: a synthetic case file with planted trafficking networks.
#include <fmt/format.h>

#include <chrono>

#include "common.hpp"
#include "linkscope/gen/generator.hpp"

namespace linkscope::cli {

int RunGenerate(const GenerateArgs& args, OutputFormat format) {
  GeneratorOptions o;
  o.entities = args.entities;
  o.seed = args.seed;
  o.first_year = args.first_year;
  o.last_year = args.last_year;
  std::string truth = args.truth;
  if (truth.empty()) {
    const size_t dot = args.output.rfind('.');
    const size_t slash = args.output.rfind('/');
    const bool has_ext = dot != std::string::npos && (slash == std::string::npos || dot > slash);
    truth = (has_ext ? args.output.substr(0, dot) : args.output) + ".truth.csv";
  }
  const auto start = std::chrono::steady_clock::now();
  const GeneratorReport r = GenerateCase(o, args.output, truth);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (format == OutputFormat::kJson) {
    rapidjson::StringBuffer sb;
    JsonWriter w(sb);
    w.StartObject();
    Json(w, "output", args.output);
    Json(w, "truth", truth);
    Json(w, "seed", args.seed);
    Json(w, "entity_records", r.entity_records);
    Json(w, "links", r.links);
    Json(w, "networks", r.networks);
    Json(w, "brokers", r.brokers);
    Json(w, "implicit_ids", r.implicit);
    Json(w, "firearms", r.firearms);
    Json(w, "firearm_records", r.firearm_records);
    Json(w, "bytes", r.bytes);
    Json(w, "seconds", seconds);
    w.EndObject();
    PrintJson(sb);
  } else {
    fmt::print(
        "wrote {}: {} entity records, {} links, {} planted networks ({} brokers), "
        "{} firearms in {} records, {} ids named only by links; {:.1f} MB in {:.1f} s\n",
        args.output, Thousands(r.entity_records), Thousands(r.links), Thousands(r.networks),
        Thousands(r.brokers), Thousands(r.firearms), Thousands(r.firearm_records),
        Thousands(r.implicit), static_cast<double>(r.bytes) / 1e6, seconds);
    fmt::print("wrote {}: the planted network of every entity record\n", truth);
  }
  return kExitOk;
}

}  // namespace linkscope::cli
