#include "args.h"

namespace parcelproof::cli {

Result<Args> Args::Parse(int argc, char** argv, int first, const ArgSpec& spec) {
  Args args;
  bool options_done = false;
  for (int i = first; i < argc; ++i) {
    std::string a = argv[i];
    if (options_done || a.size() < 2 || a[0] != '-' || a == "-") {
      args.positionals_.push_back(a);
      continue;
    }
    if (a == "--") {
      options_done = true;
      continue;
    }
    std::string name = a, value;
    bool has_inline = false;
    size_t eq = a.find('=');
    if (a.rfind("--", 0) == 0 && eq != std::string::npos) {
      name = a.substr(0, eq);
      value = a.substr(eq + 1);
      has_inline = true;
    }
    if (spec.flags.count(name)) {
      if (has_inline) return Status::InvalidArgument(name + " takes no value");
      args.values_[name].push_back("");
    } else if (spec.options.count(name) || spec.list_options.count(name)) {
      if (has_inline) {
        args.values_[name].push_back(value);
        continue;
      }
      if (i + 1 >= argc) return Status::InvalidArgument(name + " needs a value");
      args.values_[name].push_back(argv[++i]);
      while (spec.list_options.count(name) && i + 1 < argc && argv[i + 1][0] != '-') {
        args.values_[name].push_back(argv[++i]);
      }
    } else {
      return Status::InvalidArgument("unknown option " + name);
    }
  }
  return args;
}

std::string Args::Get(const std::string& name, const std::string& fallback) const {
  auto it = values_.find(name);
  return it == values_.end() || it->second.empty() ? fallback : it->second.back();
}

const std::vector<std::string>& Args::GetAll(const std::string& name) const {
  static const std::vector<std::string> kEmpty;
  auto it = values_.find(name);
  return it == values_.end() ? kEmpty : it->second;
}

Result<int> Args::GetInt(const std::string& name, int fallback, int min, int max) const {
  if (!Has(name)) return fallback;
  const std::string text = Get(name);
  const auto bad = [&] {
    return Status::InvalidArgument(name + " takes a whole number from " + std::to_string(min) +
                                   " to " + std::to_string(max) + ", not '" + text + "'");
  };
  if (text.empty() || text.size() > 9 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return bad();
  }
  const int value = std::stoi(text);
  if (value < min || value > max) return bad();
  return value;
}

}  // namespace parcelproof::cli
