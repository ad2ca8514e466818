// The CLI explains itself: --version, help VERB, VERB --help with every
// option and its default, a man page and a bash completion from the same
// table; and every option the help names is one the verb accepts.
#include <gtest/gtest.h>

#include <cctype>
#include <sstream>

#include "cli_runner.h"
#include "parcelproof/version.h"

namespace parcelproof {
namespace {

using testing::RunCli;

const char* const kVerbs[] = {"scan", "check",  "keygen",  "bundle",  "verify",
                              "init", "orders", "ingest",  "show",    "export",
                              "log",  "fsck",   "inspect", "timeline"};

// The options listed under "options:" in a verb's help, each with its
// argument word if any: {"--jobs", "N"}, {"--json", ""}.
std::vector<std::pair<std::string, std::string>> OptionsIn(const std::string& help) {
  std::vector<std::pair<std::string, std::string>> out;
  std::istringstream lines(help.substr(help.find("\noptions:\n")));
  std::string line;
  std::getline(lines, line);
  std::getline(lines, line);
  while (std::getline(lines, line) && !line.empty()) {
    if (line.rfind("  -", 0) != 0) continue;
    std::istringstream words(line);
    std::string name, arg;
    words >> name >> arg;
    // An argument is an upper-case word ("N", "DIR", "HASH..."), not the text.
    if (arg.empty() || !std::isupper(static_cast<unsigned char>(arg[0]))) arg.clear();
    out.push_back({name, arg});
  }
  return out;
}

TEST(HelpCliTest, VersionIsTheLibraryVersion) {
  auto r = RunCli({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, std::string("parcelproof ") + Version() + "\n");
  EXPECT_EQ(std::string(Version()), "0.2.0");
}

TEST(HelpCliTest, OverviewListsEveryVerb) {
  auto r = RunCli({"help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* v : kVerbs)
    EXPECT_NE(r.out.find(std::string("  ") + v + " "), std::string::npos) << v;
  auto none = RunCli({});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("usage: parcelproof VERB"), std::string::npos);
}

TEST(HelpCliTest, EveryVerbHasFullHelpEndingWithANewline) {
  for (const char* v : kVerbs) {
    auto a = RunCli({v, "--help"});
    auto b = RunCli({"help", v});
    auto c = RunCli({v, "-h"});
    EXPECT_EQ(a.exit_code, 0) << v;
    EXPECT_EQ(a.out, b.out) << v;
    EXPECT_EQ(a.out, c.out) << v;
    EXPECT_EQ(a.out.rfind(std::string("usage: parcelproof ") + v, 0), 0u) << a.out;
    ASSERT_FALSE(a.out.empty());
    EXPECT_EQ(a.out.back(), '\n') << v;
    for (const char* part : {"\noptions:\n", "\nexamples:\n", "\nexit codes: "}) {
      EXPECT_NE(a.out.find(part), std::string::npos) << v << " lacks " << part;
    }
    const std::string examples = a.out.substr(a.out.find("\nexamples:\n"));
    EXPECT_NE(examples.find(std::string("parcelproof ") + v), std::string::npos) << v;
    std::istringstream lines(a.out);
    std::string line;
    while (std::getline(lines, line)) EXPECT_LE(line.size(), 100u) << v << ": " << line;
  }
}

// The help with every run of spaces and newlines made one space.
std::string Unwrapped(const std::string& text) {
  std::istringstream words(text);
  std::string out, word;
  while (words >> word) out += (out.empty() ? "" : " ") + word;
  return out;
}

TEST(HelpCliTest, DefaultsAreStated) {
  auto scan = RunCli({"scan", "--help"});
  scan.out = Unwrapped(scan.out);
  EXPECT_NE(scan.out.find("(default: 60)"), std::string::npos) << scan.out;
  EXPECT_NE(scan.out.find("(default: one per core)"), std::string::npos);
  auto bundle = RunCli({"help", "bundle"});
  bundle.out = Unwrapped(bundle.out);
  EXPECT_NE(bundle.out.find("(default: dispute-<order>-<reason>.zip)"), std::string::npos);
}

// Every option the help documents is accepted by the verb's own parser: the
// run may fail for other reasons (missing files, no store), never with
// "unknown option".
TEST(HelpCliTest, EveryDocumentedOptionIsAccepted) {
  testing::TempDir dir;
  const std::vector<std::string> env = {"PARCELPROOF_STORE=" + dir.File("none")};
  for (const char* v : kVerbs) {
    auto options = OptionsIn(RunCli({v, "--help"}).out);
    EXPECT_FALSE(options.empty()) << v;
    for (const auto& [name, arg] : options) {
      if (name == "--help") continue;
      std::vector<std::string> args = {v, name};
      if (!arg.empty()) args.push_back(dir.File("x"));  // a value, never a file that exists
      auto r = RunCli(args, env);
      EXPECT_EQ(r.err.find("unknown option"), std::string::npos)
          << v << " " << name << ": " << r.err;
      EXPECT_EQ(r.err.find("needs a value"), std::string::npos) << v << " " << name;
      EXPECT_EQ(r.err.find("takes no value"), std::string::npos) << v << " " << name;
    }
  }
}

TEST(HelpCliTest, UnknownVerbAndUnknownHelpAreUsageErrors) {
  EXPECT_EQ(RunCli({"frobnicate"}).exit_code, 2);
  auto r = RunCli({"help", "frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown verb 'frobnicate'"), std::string::npos);
  // After "--" a "--help" is an operand, not a request for help.
  auto s = RunCli({"scan", "--", "--help"});
  EXPECT_EQ(s.exit_code, 3) << s.out << s.err;
}

// Numbers are checked, not read with atoi: "--jobs abc" was silently 0.
TEST(HelpCliTest, NumericOptionsAreValidated) {
  for (const char* verb : {"scan", "check", "ingest"}) {
    for (const char* bad : {"abc", "-1", "3x", "", "99999999999"}) {
      std::vector<std::string> args = {verb, "--jobs", bad, "nothing.jpg"};
      if (std::string(verb) == "check") args.insert(args.end(), {"--tracking", "X"});
      auto r = RunCli(args);
      EXPECT_EQ(r.exit_code, 2) << verb << " --jobs '" << bad << "': " << r.err;
      EXPECT_NE(
          r.err.find(std::string("--jobs takes a whole number from 0 to 256, not '") + bad + "'"),
          std::string::npos)
          << r.err;
    }
  }
  auto t = RunCli({"scan", "--timeout", "0", "x.jpg"});
  EXPECT_EQ(t.exit_code, 2);
  EXPECT_NE(t.err.find("--timeout takes a whole number from 1 to 86400, not '0'"),
            std::string::npos)
      << t.err;
}

TEST(HelpCliTest, ManPageAndCompletionComeFromTheSameTable) {
  auto man = RunCli({"help", "--man"});
  EXPECT_EQ(man.exit_code, 0);
  EXPECT_EQ(man.out.rfind(".TH PARCELPROOF 1", 0), 0u);
  auto bash = RunCli({"help", "--bash-completion"});
  EXPECT_EQ(bash.exit_code, 0);
  EXPECT_NE(bash.out.find("complete -o filenames -F _parcelproof parcelproof"), std::string::npos);
  for (const char* v : kVerbs) {
    EXPECT_NE(man.out.find(std::string(".SH ") + v + "\n"), std::string::npos) << v;
    EXPECT_NE(bash.out.find(std::string("    ") + v + ") opts=\""), std::string::npos) << v;
  }
  EXPECT_NE(bash.out.find("scan) opts=\"--help --jobs --json --no-ocr --timeout\""),
            std::string::npos)
      << bash.out;
  if (testing::HaveProgram("bash")) {
    // The script is valid bash and completes verbs.
    testing::TempDir dir;
    testing::WriteFileOrDie(dir.File("c.bash"), bash.out);
    auto r = testing::RunProgram(
        "bash", {"-c", "source " + dir.File("c.bash") +
                           "; COMP_WORDS=(parcelproof sc); COMP_CWORD=1; _parcelproof; "
                           "echo ${COMPREPLY[@]}"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "scan\n");
  }
}

// `cmake --install` puts the binary, the man page, the bash completion and
// the data files where a system looks for them, and the installed binary
// runs from there.
TEST(HelpCliTest, InstallPutsBinaryManPageCompletionAndData) {
  if (!testing::HaveProgram("cmake")) GTEST_SKIP() << "cmake not installed";
  std::string build = PP_CLI_PATH;
  build = build.substr(0, build.rfind('/'));
  testing::TempDir prefix;
  auto r = testing::RunProgram("cmake", {"--install", build, "--prefix", prefix.path()});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  for (const char* f :
       {"/bin/parcelproof", "/libexec/parcelproof/parcelproof-media",
        "/share/man/man1/parcelproof.1", "/share/bash-completion/completions/parcelproof",
        "/share/parcelproof/checklists.json"}) {
    EXPECT_FALSE(testing::ReadFileOrDie(prefix.path() + f).empty()) << f;
  }
  auto v = testing::RunProgram(prefix.path() + "/bin/parcelproof", {"--version"});
  EXPECT_EQ(v.out, std::string("parcelproof ") + Version() + "\n");
  // A verb of parcelproof-media, through the installed front end.
  auto scan = testing::RunProgram(prefix.path() + "/bin/parcelproof", {"scan", "--help"});
  EXPECT_EQ(scan.exit_code, 0) << scan.err;
  EXPECT_EQ(testing::ReadFileOrDie(prefix.path() + "/share/man/man1/parcelproof.1"),
            RunCli({"help", "--man"}).out);
}

}  // namespace
}  // namespace parcelproof
