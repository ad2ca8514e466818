#include "cli_runner.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace parcelproof::testing {

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "pp-test-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  // Stores make blobs read-only; give write bits back so removal works.
  for (auto it = std::filesystem::recursive_directory_iterator(path_, ec);
       it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    std::filesystem::permissions(it->path(), std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ec);
  }
  std::filesystem::remove_all(path_, ec);
}

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFileOrDie(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << data;
  if (!out) throw std::runtime_error("cannot write " + path);
}

CliRun RunProgram(const std::string& program, const std::vector<std::string>& args,
                  const std::vector<std::string>& env) {
  TempDir io;
  std::string out_path = io.File("out"), err_path = io.File("err");
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&fa, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<std::string> argv_s = {program};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_s;
  for (char** e = environ; *e; ++e) env_s.push_back(*e);
  env_s.insert(env_s.end(), env.begin(), env.end());
  std::vector<char*> envp;
  for (std::string& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid;
  CliRun run;
  int rc = posix_spawnp(&pid, program.c_str(), &fa, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) throw std::runtime_error("cannot start " + program);
  int status = 0;
  waitpid(pid, &status, 0);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.out = ReadFileOrDie(out_path);
  run.err = ReadFileOrDie(err_path);
  return run;
}

CliRun RunCli(const std::vector<std::string>& args, const std::vector<std::string>& env) {
  return RunProgram(PP_CLI_PATH, args, env);
}

std::string FixturesDir() {
  std::string dir = PP_FIXTURES_DIR;
  struct stat st;
  return ::stat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode) ? dir : "";
}

bool HaveProgram(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

bool HaveJsonSchema() {
  return RunProgram("python3", {"-c", "import jsonschema, referencing"}).exit_code == 0;
}

CliRun ValidateAgainstSchema(const std::string& schema, const std::string& json_file) {
  const char kScript[] =
      "import json,sys,pathlib\n"
      "from referencing import Registry, Resource\n"
      "import jsonschema\n"
      "d=pathlib.Path(sys.argv[1]); reg=Registry()\n"
      "for p in d.glob('*.schema.json'):\n"
      "  s=json.load(open(p)); reg=reg.with_resource(s['$id'], Resource.from_contents(s))\n"
      "jsonschema.Draft202012Validator(json.load(open(d/sys.argv[2])), registry=reg)"
      ".validate(json.load(open(sys.argv[3])))\n";
  return RunProgram("python3",
                    {"-c", kScript, std::string(PP_SOURCE_DIR) + "/schemas", schema, json_file});
}

}  // namespace parcelproof::testing
