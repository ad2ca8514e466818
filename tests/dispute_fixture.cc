#include "dispute_fixture.h"

#include <sys/stat.h>

#include <memory>
#include <vector>

#include "cli_runner.h"
#include "exif_builder.h"
#include "synthetic_label.h"

namespace parcelproof::testing {
namespace {

const char kOrders[] = R"([
 {"id":"A-1001","platform":"shop","recipient":{"name":"Ana <b>Lima</b> \u202eevil","lines":["Hauptstr. 5"],
  "city":"Berlin","postal_code":"10115","country":"DE"},
  "tracking":[{"carrier":"China Post","number":"RR123456785CN"}],
  "items":[{"sku":"MUG","title":"Red mug","quantity":1}],
  "times":{"placed":"2026-02-27T09:00:00+08:00","shipped":"2026-03-02T10:00:00+08:00"}},
 {"id":"B-2002","platform":"shop","recipient":{"name":"Bo","city":"Oslo","postal_code":"0150",
  "country":"NO"},"tracking":[{"carrier":"China Post","number":"UA284703196CN"}]},
 {"id":"C-3003","platform":"shop","recipient":{"name":"Chen","city":"Paris","postal_code":"75001",
  "country":"FR"},"tracking":[{"carrier":"China Post","number":"LZ309182649CN"}],
  "times":{"placed":"2026-02-27T09:00:00Z"}}
])";

}  // namespace

const char kNote[] =
    "Shipped to the <address> on the order. \xd0\x9e\xd1\x82\xd0\xbf\xd1\x80\xd0\xb0\xd0\xb2"
    "\xd0\xbb\xd0\xb5\xd0\xbd\xd0\xbe / \xe5\xb7\xb2\xe5\x8f\x91\xe8\xb4\xa7 / "
    "\xd8\xaa\xd9\x85 \xd8\xa7\xd9\x84\xd8\xb4\xd8\xad\xd9\x86";

namespace {

// A JPEG with an APP1 EXIF segment (DateTimeOriginal + OffsetTimeOriginal) spliced in.
std::string WithCaptureTime(const std::string& jpeg, const std::string& local,
                            const std::string& offset) {
  TiffBuilder b;
  b.exif.push_back(AsciiEntry(0x9003, local));
  b.exif.push_back(AsciiEntry(0x9011, offset));
  std::string app1 = std::string("Exif\0\0", 6) + b.Build();
  uint32_t len = static_cast<uint32_t>(app1.size() + 2);
  std::string seg = std::string("\xFF\xE1", 2) + char(len >> 8) + char(len & 0xFF) + app1;
  return jpeg.substr(0, 2) + seg + jpeg.substr(2);
}

void Photo(const std::string& path, const std::vector<SymbolSpec>& symbols,
           const std::string& local) {
  std::string tmp = path + ".tmp.jpg";
  if (symbols.empty()) {
    WritePlainImage(tmp, 900, 600);
  } else {
    WriteSyntheticLabel(tmp, 1000, 640, symbols, 0);
  }
  std::string bytes = ReadFileOrDie(tmp);
  WriteFileOrDie(path, local.empty() ? bytes : WithCaptureTime(bytes, local, "+08:00"));
  std::remove(tmp.c_str());
}

// A WhatsApp (Android) export at +08:00: 18 messages, 15 before the dispute
// (2026-03-04 16:00 +08:00), one deleted, one edited, one with markup.
const char kChat[] =
    "27/02/26, 09:10 - Ana: Hello, I ordered the red mug\n"
    "27/02/26, 09:12 - Mei: Thank you Ana, it ships within 3 days\n"
    "28/02/26, 18:40 - Ana: Can you send it to Hauptstr. 5?\n"
    "28/02/26, 18:45 - Mei: Yes, that is the address on the order\n"
    "01/03/26, 10:30 - Mei: Packed today, photo of the label taken\n"
    "01/03/26, 10:31 - Ana: great\n"
    "02/03/26, 10:05 - Mei: Shipped, tracking RR123456785CN\n"
    "02/03/26, 10:06 - Ana: This message was deleted\n"
    "02/03/26, 10:07 - Ana: thanks\n"
    "03/03/26, 08:00 - Ana: the tracking says Oslo?? <b>wrong</b>\n"
    "03/03/26, 08:20 - Mei: It shows Hauptstr. 5 for me <This message was edited>\n"
    "03/03/26, 08:25 - Ana: I moved, did you not see my message\n"
    "03/03/26, 08:30 - Mei: The order and your messages say Hauptstr. 5\n"
    "04/03/26, 09:00 - Ana: I will open a dispute\n"
    "04/03/26, 09:05 - Mei: Please wait, I can ask the carrier\n"
    "04/03/26, 17:00 - Ana: Dispute opened\n"
    "04/03/26, 17:10 - Mei: I sent the evidence to the platform\n"
    "05/03/26, 09:00 - Ana: ok\n";

std::string Build(DisputeFixture* f) {
  const std::string& d = f->dir;
  std::string mh10 =
      "[)>\x1e"
      "01\x1d"
      "02\x1d"
      "10115\x1d"
      "276\x1d"
      "066\x1dRR123456785CN\x1e\x04";
  Photo(d + "/label.jpg",
        {{"Code128", "RR123456785CN", 40, 40, 560, 150},
         {"QRCode", "postal_code=10115\ncountry=DE\nservice=standard", 700, 40, 220, 220},
         {"DataMatrix", mh10, 700, 360, 220, 220}},
        "2026:03:01 10:22:05");
  Photo(d + "/packing.jpg", {}, "2026:03:01 10:20:00");
  Photo(d + "/nodate.jpg", {}, "");
  Photo(d + "/b_label.jpg", {{"Code128", "UA284703196CN", 40, 40, 560, 150}},
        "2026:03:01 11:00:00");
  Photo(d + "/c_label.jpg", {{"Code128", "UA284703196CN", 40, 40, 560, 150}},
        "2026:03:01 12:00:00");
  WriteFileOrDie(d + "/chat.txt", kChat);
  WriteFileOrDie(d + "/orders.json", kOrders);
  std::vector<std::vector<std::string>> steps = {
      {"init", "--store", f->store, "--station", "pack-1"},
      {"orders", "import", d + "/orders.json", "--store", f->store},
      {"ingest", d + "/label.jpg", d + "/b_label.jpg", "--store", f->store},
      {"ingest", d + "/packing.jpg", "--order", "A-1001", "--role", "packing", "--store", f->store},
      {"ingest", d + "/nodate.jpg", "--order", "A-1001", "--role", "contents", "--store", f->store},
      {"ingest", d + "/chat.txt", "--order", "A-1001", "--role", "chat", "--zone", "+08:00", "--me",
       "Mei", "--store", f->store},
      {"ingest", d + "/c_label.jpg", "--order", "C-3003", "--role", "label", "--store", f->store},
      {"keygen", d + "/k"}};
  for (const auto& s : steps) {
    CliRun r = RunCli(s);
    if (r.exit_code != 0) return s[0] + " failed: " + r.out + r.err;
  }
  f->key = d + "/k.key";
  f->pub = d + "/k.pub";
  CliRun show = RunCli({"show", "B-2002", "--store", f->store, "--json"});
  size_t at = show.out.find("\"sha256\":\"");
  if (at == std::string::npos) return "show B-2002: " + show.out + show.err;
  std::string b_label = show.out.substr(at + 10, 64);
  std::vector<std::string> env = {"SOURCE_DATE_EPOCH=1772712000"};
  f->pass_zip = d + "/pass.zip";
  CliRun a = RunCli({"bundle", "A-1001", "--reason", "wrong-address", "--key", f->key, "-o",
                     f->pass_zip, "--include", b_label, "--note", kNote, "--dispute-opened",
                     "2026-03-04T08:00:00Z", "--store", f->store},
                    env);
  if (a.exit_code != 0) return "bundle A: " + a.out + a.err;
  f->mismatch_zip = d + "/mismatch.zip";
  CliRun c = RunCli({"bundle", "C-3003", "--reason", "wrong-address", "--key", f->key, "-o",
                     f->mismatch_zip, "--store", f->store},
                    env);
  if (c.exit_code != 0) return "bundle C: " + c.out + c.err;
  std::string keep = ArtefactDir("packages");
  WriteFileOrDie(keep + "/pass.zip", ReadFileOrDie(f->pass_zip));
  WriteFileOrDie(keep + "/mismatch.zip", ReadFileOrDie(f->mismatch_zip));
  return "";
}

}  // namespace

const DisputeFixture& GetDisputeFixture() {
  static TempDir dir;  // removed when the process ends
  static DisputeFixture f = [] {
    DisputeFixture fx;
    fx.dir = dir.path();
    fx.store = fx.dir + "/store";
    fx.error = Build(&fx);
    return fx;
  }();
  return f;
}

std::string ArtefactDir(const std::string& name) {
  std::string cli = PP_CLI_PATH;
  std::string dir = cli.substr(0, cli.find_last_of('/')) + "/test-artefacts";
  ::mkdir(dir.c_str(), 0755);
  dir += "/" + name;
  ::mkdir(dir.c_str(), 0755);
  return dir;
}

bool Unzip(const std::string& zip, const std::string& dir) {
  if (!HaveProgram("unzip")) return false;
  CliRun r = RunProgram("unzip", {"-q", "-o", zip, "-d", dir});
  return r.exit_code == 0;
}

}  // namespace parcelproof::testing
