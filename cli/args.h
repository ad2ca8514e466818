// A small argument parser: "--name value", "--name=value", boolean flags,
// repeatable options, positionals, "--" ends options.
#ifndef PARCELPROOF_CLI_ARGS_H_
#define PARCELPROOF_CLI_ARGS_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "parcelproof/status.h"

namespace parcelproof::cli {

struct ArgSpec {
  std::set<std::string> flags;    // take no value, e.g. "--json"
  std::set<std::string> options;  // take a value, may repeat, e.g. "--order"
  // Options whose value may be a list after the flag until the next "--x" (e.g. --include A B).
  std::set<std::string> list_options;
};

class Args {
 public:
  // Parses argv[first..argc). Returns InvalidArgument naming a bad flag.
  static Result<Args> Parse(int argc, char** argv, int first, const ArgSpec& spec);

  bool Has(const std::string& name) const { return values_.count(name) > 0; }
  // The last value given for an option, or fallback.
  std::string Get(const std::string& name, const std::string& fallback = "") const;
  const std::vector<std::string>& GetAll(const std::string& name) const;
  // The option's value as a whole number in [min, max], or fallback when the
  // option is absent; InvalidArgument naming the option otherwise
  // ("--jobs takes a whole number from 0 to 256, not 'abc'").
  Result<int> GetInt(const std::string& name, int fallback, int min, int max) const;
  const std::vector<std::string>& positionals() const { return positionals_; }

 private:
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positionals_;
};

}  // namespace parcelproof::cli

#endif  // PARCELPROOF_CLI_ARGS_H_
