// Writing the report's files, checksums of the inputs, and the config file.
#include <fmt/format.h>
#include <openssl/evp.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "linkscope/core/error.hpp"
#include "report/report_data.hpp"

namespace linkscope {
namespace {

void WriteFile(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) {
    throw IoError(fmt::format("cannot write {}: {}", path.string(), std::strerror(errno)));
  }
}

// Line and column (1-based) of a byte offset in a text.
std::pair<uint64_t, uint32_t> Place(std::string_view text, size_t offset) {
  uint64_t line = 1;
  size_t start = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      start = i + 1;
    }
  }
  return {line, static_cast<uint32_t>(offset - start + 1)};
}

}  // namespace

ReportInput DigestFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(fmt::format("cannot open {}: {}", path, std::strerror(errno)));
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) {
    throw IoError("SHA-256 is not available");
  }
  ReportInput out;
  out.path = path;
  std::vector<char> buffer(size_t{1} << 20);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto got = static_cast<size_t>(in.gcount());
    if (got == 0) break;
    EVP_DigestUpdate(ctx.get(), buffer.data(), got);
    out.bytes += got;
  }
  if (in.bad()) throw IoError(fmt::format("cannot read {}: {}", path, std::strerror(errno)));
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_DigestFinal_ex(ctx.get(), digest, &size);
  for (unsigned int i = 0; i < size; ++i) out.sha256 += fmt::format("{:02x}", digest[i]);
  return out;
}

ReportConfig ReadReportConfig(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(fmt::format("cannot open {}: {}", path, std::strerror(errno)));
  std::string text;
  {
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = std::move(buffer).str();
  }
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseCommentsFlag | rapidjson::kParseTrailingCommasFlag>(text.data(),
                                                                                  text.size());
  if (doc.HasParseError()) {
    const auto [line, column] = Place(text, doc.GetErrorOffset());
    throw InputError(path, line, column, rapidjson::GetParseError_En(doc.GetParseError()));
  }
  if (!doc.IsObject()) throw InputError(path, 1, 1, "the config must be a JSON object");
  // RapidJSON keeps no offsets of values: a bad key is placed at the line its name is on.
  auto where = [&](std::string_view key) {
    const size_t at = text.find(fmt::format("\"{}\"", key));
    return Place(text, at == std::string::npos ? 0 : at);
  };
  auto fail = [&](std::string_view key, const std::string& reason) {
    const auto [line, column] = where(key);
    throw InputError(path, line, column, fmt::format("\"{}\": {}", key, reason));
  };
  ReportConfig c;
  auto text_of = [&](std::string_view key, const rapidjson::Value& v) {
    if (!v.IsString()) fail(key, "expected a string");
    return std::string(v.GetString(), v.GetStringLength());
  };
  auto strings_of = [&](std::string_view key, const rapidjson::Value& v) {
    std::vector<std::string> out;
    if (!v.IsArray()) fail(key, "expected a list of strings");
    for (const auto& x : v.GetArray()) out.push_back(text_of(key, x));
    return out;
  };
  auto count_of = [&](std::string_view key, const rapidjson::Value& v) {
    if (!v.IsUint()) fail(key, "expected a whole number >= 0");
    return v.GetUint();
  };
  auto real_of = [&](std::string_view key, const rapidjson::Value& v) {
    if (!v.IsNumber() || !(v.GetDouble() >= 0)) fail(key, "expected a number >= 0");
    return v.GetDouble();
  };
  for (const auto& m : doc.GetObject()) {
    const std::string key(m.name.GetString(), m.name.GetStringLength());
    const rapidjson::Value& v = m.value;
    if (key == "title") {
      c.title = text_of(key, v);
    } else if (key == "watch_list") {
      c.watch_list = strings_of(key, v);
    } else if (key == "method") {
      c.method = text_of(key, v);
      if (c.method != "leiden" && c.method != "louvain") fail(key, "expected leiden or louvain");
    } else if (key == "resolution") {
      c.resolution = real_of(key, v);
    } else if (key == "seed") {
      if (!v.IsUint64()) fail(key, "expected a whole number >= 0");
      c.seed = v.GetUint64();
    } else if (key == "kinds") {
      c.kinds = strings_of(key, v);
    } else if (key == "networks") {
      c.networks = count_of(key, v);
    } else if (key == "min_size") {
      c.min_size = count_of(key, v);
    } else if (key == "listed_networks") {
      c.listed_networks = count_of(key, v);
    } else if (key == "drawing_members") {
      c.drawing_members = count_of(key, v);
    } else if (key == "top_entities") {
      c.top_entities = count_of(key, v);
    } else if (key == "key_players") {
      c.key_players = count_of(key, v);
      if (c.key_players == 0) fail(key, "expected a whole number >= 1");
    } else if (key == "exact_betweenness_limit") {
      c.exact_betweenness_limit = count_of(key, v);
    } else if (key == "betweenness_pivots") {
      c.betweenness_pivots = count_of(key, v);
      if (c.betweenness_pivots == 0) fail(key, "expected a whole number >= 1");
    } else if (key == "key_player_limit") {
      c.key_player_limit = count_of(key, v);
    } else if (key == "firearm_traces") {
      c.firearm_traces = count_of(key, v);
    } else if (key == "threads") {
      c.threads = count_of(key, v);
    } else if (key == "risk") {
      if (!v.IsObject()) fail(key, "expected an object of weights");
      for (const auto& w : v.GetObject()) {
        const std::string name(w.name.GetString(), w.name.GetStringLength());
        const double x = real_of(name, w.value);
        if (name == "size") {
          c.risk.size = x;
        } else if (name == "convergence") {
          c.risk.convergence = x;
        } else if (name == "span") {
          c.risk.span = x;
        } else if (name == "seizures") {
          c.risk.seizures = x;
        } else if (name == "firearms") {
          c.risk.firearms = x;
        } else {
          fail(name, "unknown risk weight (size, convergence, span, seizures, firearms)");
        }
      }
    } else {
      fail(key, "unknown key (see docs/report.md)");
    }
  }
  return c;
}

ReportOutput WriteReport(const Graph& graph, const LoadReport& load,
                         const std::vector<ReportInput>& inputs, const ReportConfig& config,
                         uint8_t max_handling, const std::string& dir,
                         const ReportProgress& progress) {
  const report::Report r = report::BuildReport(graph, load, inputs, config, max_handling, progress);
  if (progress) progress("writing", kReportSteps - 1, kReportSteps);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw IoError(fmt::format("cannot create {}: {}", dir, ec.message()));
  const std::filesystem::path base(dir);
  ReportOutput out;
  out.html = (base / "report.html").string();
  out.json = (base / "report.json").string();
  WriteFile(out.html, report::RenderHtml(r));
  WriteFile(out.json, report::RenderJson(r));
  for (const auto& [name, content] : report::RenderCsv(r)) {
    const std::string path = (base / name).string();
    WriteFile(path, content);
    out.csv.push_back(path);
  }
  if (progress) progress("done", kReportSteps, kReportSteps);
  return out;
}

}  // namespace linkscope
