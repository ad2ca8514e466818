// Loading an order file, JSON or CSV by content.
#include "core/file.h"
#include "parcelproof/order.h"

namespace parcelproof {

constexpr uint64_t kMaxOrderFileBytes = 256ull << 20;

Result<std::vector<Order>> LoadOrdersFile(const std::string& path) {
  Result<std::string> text = ReadFileLimited(path, kMaxOrderFileBytes);
  if (!text.ok()) return text.status();
  size_t first = text->find_first_not_of(" \t\r\n");
  if (text->compare(0, 3, "\xEF\xBB\xBF") == 0) first = text->find_first_not_of(" \t\r\n", 3);
  if (first == std::string::npos) return Status::Corrupt(path + ": empty order file");
  char c = (*text)[first];
  if (c == '{' || c == '[') return ParseOrdersJson(text->substr(first), path);
  return ParseOrdersCsv(*text, path);
}

}  // namespace parcelproof
