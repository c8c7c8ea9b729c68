#pragma once
// A strict RFC 4180 reader, so tests check an exported CSV field by field rather than by counting
// lines. Records end with CRLF (the last one may end without it); fields are separated by commas;
// a field in double quotes may hold commas, CR, LF and "" for one quote. Anything RFC 4180 does
// not allow throws std::runtime_error naming the byte offset: a bare CR or LF outside quotes, a
// quote inside an unquoted field, text after a closing quote, a quote left open, or records of
// different lengths.
#include <cstddef>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace rp::test {

using CsvRecord = std::vector<std::string>;

inline std::vector<CsvRecord> parse_csv(std::string_view text) {
  const auto fail = [](const std::string& what, std::size_t at) {
    throw std::runtime_error("CSV: " + what + " at byte " + std::to_string(at));
  };
  std::vector<CsvRecord> records;
  if (text.empty()) return records;
  CsvRecord record;
  std::string field;
  std::size_t i = 0;
  const auto end_field = [&] {
    record.push_back(std::move(field));
    field.clear();
  };
  const auto end_record = [&] {
    end_field();
    if (!records.empty() && record.size() != records.front().size())
      fail("a record of " + std::to_string(record.size()) + " fields after records of " +
               std::to_string(records.front().size()),
           i);
    records.push_back(std::move(record));
    record.clear();
  };
  while (true) {
    if (i < text.size() && text[i] == '"') {  // a quoted field
      ++i;
      while (true) {
        if (i >= text.size()) fail("a quote left open", i);
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += text[i++];
      }
    } else {  // an unquoted field
      while (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
        if (text[i] == '"') fail("a quote inside an unquoted field", i);
        field += text[i++];
      }
    }
    if (i == text.size()) {
      end_record();
      return records;
    }
    if (text[i] == ',') {
      end_field();
      ++i;
    } else if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      i += 2;
      end_record();
      if (i == text.size()) return records;
    } else if (text[i] == '\r' || text[i] == '\n') {
      fail("a line break that is not CRLF", i);
    } else {
      fail("text after a closing quote", i);
    }
  }
}

// A CSV file with a header: each record a row of named columns.
struct CsvTable {
  CsvRecord header;
  std::vector<CsvRecord> rows;

  std::size_t column(std::string_view name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return i;
    throw std::runtime_error("CSV: no column '" + std::string(name) + "'");
  }
};

inline CsvTable parse_csv_table(std::string_view text) {
  auto records = parse_csv(text);
  if (records.empty()) throw std::runtime_error("CSV: no header");
  CsvTable table;
  table.header = std::move(records.front());
  table.rows.assign(std::make_move_iterator(records.begin() + 1), std::make_move_iterator(records.end()));
  return table;
}

}  // namespace rp::test
