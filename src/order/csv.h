// RFC 4180 CSV splitting: quoted fields, doubled quotes, CRLF, UTF-8 BOM.
#ifndef PARCELPROOF_ORDER_CSV_H_
#define PARCELPROOF_ORDER_CSV_H_

#include <string>
#include <vector>

#include "parcelproof/status.h"

namespace parcelproof {

struct CsvRow {
  size_t line = 0;  // 1-based line where the row starts
  std::vector<std::string> fields;
};

// Splits text into rows; blank lines are skipped. Corrupt on an unterminated
// quote or text after a closing quote, naming the line.
Result<std::vector<CsvRow>> ParseCsv(const std::string& text);

}  // namespace parcelproof

#endif  // PARCELPROOF_ORDER_CSV_H_
