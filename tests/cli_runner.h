// Test helpers: a temporary folder that cleans up after itself, and running
// the parcelproof CLI with captured output and exit code.
#ifndef PARCELPROOF_TESTS_CLI_RUNNER_H_
#define PARCELPROOF_TESTS_CLI_RUNNER_H_

#include <string>
#include <vector>

namespace parcelproof::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

struct CliRun {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs PP_CLI_PATH with args (no shell), extra environment "K=V" entries
// added, stdin from /dev/null.
CliRun RunCli(const std::vector<std::string>& args, const std::vector<std::string>& env = {});
// Runs any program the same way.
CliRun RunProgram(const std::string& program, const std::vector<std::string>& args,
                  const std::vector<std::string>& env = {});

std::string ReadFileOrDie(const std::string& path);
void WriteFileOrDie(const std::string& path, const std::string& data);
// The shared fixtures folder, or "" when absent (tests then GTEST_SKIP()).
std::string FixturesDir();
bool HaveProgram(const std::string& name);
// True when python3 with jsonschema and referencing is installed.
bool HaveJsonSchema();
// Validates the JSON file against schemas/<schema> (cross-file $refs
// resolved) with python3-jsonschema; exit code 0 when valid, else the
// validator's message in err.
CliRun ValidateAgainstSchema(const std::string& schema, const std::string& json_file);

}  // namespace parcelproof::testing

#endif  // PARCELPROOF_TESTS_CLI_RUNNER_H_
