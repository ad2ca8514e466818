#include "order/csv.h"

namespace parcelproof {
namespace {

class CsvParser {
 public:
  explicit CsvParser(const std::string& text) : text_(text) {
    if (text_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
  }

  Result<std::vector<CsvRow>> Run() {
    std::vector<CsvRow> rows;
    while (pos_ < text_.size()) {
      CsvRow row;
      row.line = line_;
      Status s = ReadRow(&row.fields);
      if (!s.ok()) return s;
      bool blank = row.fields.size() == 1 && row.fields[0].empty();
      if (!blank) rows.push_back(std::move(row));
    }
    return rows;
  }

 private:
  Status ReadRow(std::vector<std::string>* fields) {
    while (true) {
      std::string field;
      PP_RETURN_IF_ERROR(ReadField(&field));
      fields->push_back(std::move(field));
      if (pos_ >= text_.size()) return Status::Ok();
      char c = text_[pos_++];
      if (c == ',') continue;
      if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      ++line_;
      return Status::Ok();
    }
  }

  Status ReadField(std::string* out) {
    if (pos_ < text_.size() && text_[pos_] == '"') return ReadQuoted(out);
    while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' &&
           text_[pos_] != '\r') {
      out->push_back(text_[pos_++]);
    }
    return Status::Ok();
  }

  Status ReadQuoted(std::string* out) {
    size_t start_line = line_;
    ++pos_;
    while (pos_ < text_.size()) {
      char c = text_[pos_++];
      if (c == '"') {
        if (pos_ < text_.size() && text_[pos_] == '"') {
          out->push_back('"');
          ++pos_;
          continue;
        }
        if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' &&
            text_[pos_] != '\r') {
          return Status::Corrupt("line " + std::to_string(line_) + ": text after a closing quote");
        }
        return Status::Ok();
      }
      if (c == '\n') ++line_;
      out->push_back(c);
    }
    return Status::Corrupt("line " + std::to_string(start_line) + ": quote never closed");
  }

  const std::string& text_;
  size_t pos_ = 0;
  size_t line_ = 1;
};

}  // namespace

Result<std::vector<CsvRow>> ParseCsv(const std::string& text) { return CsvParser(text).Run(); }

}  // namespace parcelproof
