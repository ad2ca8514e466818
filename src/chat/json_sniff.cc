#include "chat/json_sniff.h"

#include <nlohmann/json.hpp>
#include <string>

namespace parcelproof::chat {
namespace {

// Accepts every event; remembers where parsing failed.
struct Sax {
  using json = nlohmann::json;
  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(json::number_integer_t) { return true; }
  bool number_unsigned(json::number_unsigned_t) { return true; }
  bool number_float(json::number_float_t, const std::string&) { return true; }
  bool string(std::string&) { return true; }
  bool binary(json::binary_t&) { return true; }
  bool start_object(std::size_t) { return true; }
  bool key(std::string&) { return true; }
  bool end_object() { return true; }
  bool start_array(std::size_t) { return true; }
  bool end_array() { return true; }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) {
    failed = true;
    error_position = position;
    return false;
  }
  bool failed = false;
  std::size_t error_position = 0;
};

}  // namespace

bool LooksLikeJson(std::string_view head, bool truncated) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  size_t first = head.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || (head[first] != '{' && head[first] != '[')) return false;
  Sax sax;
  nlohmann::json::sax_parse(head.begin(), head.end(), &sax, nlohmann::json::input_format_t::json,
                            true);
  if (!sax.failed) return true;
  // Cut inside the document (perhaps inside a UTF-8 sequence): fine if the
  // error is at the cut.
  return truncated && sax.error_position + 4 >= head.size();
}

}  // namespace parcelproof::chat
