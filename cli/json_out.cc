#include "json_out.h"

#include <cstdio>

#include "parcelproof/version.h"

namespace parcelproof::cli {

std::string WithVersion(const std::string& doc) {
  const size_t open = doc.find('{');
  if (open == std::string::npos) return doc;
  const std::string head = doc.substr(0, open + 1);
  const std::string rest = doc.substr(open + 1);
  const size_t next = doc.find_first_not_of(" \t\r\n", open + 1);
  const bool pretty = open + 1 < doc.size() && doc[open + 1] == '\n';
  const std::string member =
      std::string(pretty ? "\"version\": \"" : "\"version\":\"") + Version() + "\"";
  if (next == std::string::npos || doc[next] == '}') return head + member + rest;
  if (pretty) {  // keep the document's indentation
    return head + "\n" + doc.substr(open + 2, next - open - 2) + member + "," + rest;
  }
  return head + member + "," + rest;
}

void PrintJsonDocument(const std::string& doc) { std::printf("%s\n", WithVersion(doc).c_str()); }

}  // namespace parcelproof::cli
