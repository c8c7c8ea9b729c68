#include "terminal/export.hpp"

#include <string_view>

#include "app/paths.hpp"
#include "store/files.hpp"

namespace rp::terminal {

namespace {
// RFC 4180: quote a field holding a comma, quote or line break, doubling inner quotes. Text that
// a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) gets a
// leading apostrophe, so it is shown as text (OWASP's advice on CSV injection).
std::string csv_field(const std::string& value) {
  std::string text = value;
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) text.insert(0, 1, '\'');
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}
}  // namespace

std::int64_t export_csv(app::App& app, const std::filesystem::path& file) {
  store::check_output_target(file, app.store().path(), app::backup_root());
  return store::write_file_atomically(file, [&](std::ostream& out) {
    out << "time,profile,session_kind,item_id,roles,topic,correct,latency_ms,confidence\r\n";
    std::int64_t rows = 0;
    store::Export(app.store()).answers(app.profile_id(), [&](const store::ExportRow& row) {
      out << core::format_iso8601_utc(row.answered_ms) << ',' << csv_field(row.profile) << ',' << row.session_kind << ','
          << csv_field(row.item) << ',' << csv_field(row.roles) << ',' << csv_field(row.topic) << ','
          << (row.correct ? (*row.correct ? "1" : "0") : "") << ',' << row.latency_ms << ','
          << (row.sure ? (*row.sure ? "sure" : "not sure") : "") << "\r\n";
      ++rows;
    });
    return rows;
  });
}

}  // namespace rp::terminal
