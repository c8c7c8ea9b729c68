#include "terminal/export.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace rp::terminal {

namespace {
// RFC 4180: quote a field holding a comma, quote or line break, doubling inner quotes.
std::string csv_field(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}
}  // namespace

std::int64_t export_csv(app::App& app, const std::filesystem::path& file) {
  const std::filesystem::path temp = file.string() + ".partial";
  std::ofstream out(temp, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error(fmt::format("{}: cannot write here ({})", file.string(), std::strerror(errno)));
  out << "time,profile,session_kind,item_id,roles,topic,correct,latency_ms,confidence\r\n";
  std::int64_t rows = 0;
  store::Export(app.store()).answers(app.profile_id(), [&](const store::ExportRow& row) {
    out << core::format_iso8601_utc(row.answered_ms) << ',' << csv_field(row.profile) << ',' << row.session_kind << ','
        << csv_field(row.item) << ',' << csv_field(row.roles) << ',' << csv_field(row.topic) << ','
        << (row.correct ? (*row.correct ? "1" : "0") : "") << ',' << row.latency_ms << ','
        << (row.sure ? (*row.sure ? "sure" : "not sure") : "") << "\r\n";
    ++rows;
  });
  out.flush();
  if (!out) {
    std::filesystem::remove(temp);
    throw std::runtime_error(fmt::format("{}: writing failed (disk full?)", file.string()));
  }
  out.close();
  std::error_code ec;
  std::filesystem::rename(temp, file, ec);
  if (ec) {
    std::filesystem::remove(temp);
    throw std::runtime_error(fmt::format("{}: cannot replace the file ({})", file.string(), ec.message()));
  }
  return rows;
}

}  // namespace rp::terminal
