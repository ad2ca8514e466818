// Figures for the dispute package (issue 4): bundle and verify of about 2 GB
// of evidence, mostly video. Run through bench/package_bench.sh, which times
// each step with /usr/bin/time -v against sha256sum over the same files.
//   package_bench gen DIR [MB]      writes the corpus and DIR/corpus.tsv
//   package_bench bundle DIR OUT.zip
//   package_bench verify OUT.zip
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/sha256.h"
#include "parcelproof/clock.h"
#include "parcelproof/package.h"
#include "sign/ed25519.h"

namespace {

using namespace parcelproof;

struct Spec {
  const char* name;
  const char* role;
  const char* kind;
  const char* type;
  double share;  // of the total
  int count;
};

// 90% video, 9% photos, the rest documents and chats.
const Spec kSpecs[] = {{"pack", "packing", "video", "video/mp4", 0.90, 6},
                       {"photo", "contents", "image", "image/jpeg", 0.09, 60},
                       {"label", "label", "image", "image/jpeg", 0.005, 5},
                       {"invoice", "document", "document", "application/pdf", 0.004, 4},
                       {"chat", "chat", "chat", "text/plain", 0.001, 2}};

int Gen(const std::string& dir, double megabytes) {
  std::ofstream index(dir + "/corpus.tsv");
  uint64_t x = 0x9e3779b97f4a7c15ull;
  std::vector<char> buf(1 << 20);
  for (const Spec& s : kSpecs) {
    uint64_t each = static_cast<uint64_t>(megabytes * s.share * 1048576 / s.count);
    for (int i = 0; i < s.count; ++i) {
      std::string ext = std::string(s.type).substr(std::string(s.type).find('/') + 1);
      std::string path =
          dir + "/" + s.name + std::to_string(i) + "." + (ext == "plain" ? "txt" : ext);
      FILE* f = std::fopen(path.c_str(), "wb");
      if (!f) return 3;
      Sha256 h;
      for (uint64_t done = 0; done < each;) {
        size_t n = static_cast<size_t>(std::min<uint64_t>(buf.size(), each - done));
        for (size_t k = 0; k + 8 <= n; k += 8) {
          x ^= x << 13, x ^= x >> 7, x ^= x << 17;
          std::memcpy(&buf[k], &x, 8);
        }
        if (s.type[0] == 't')
          for (size_t k = 0; k < n; ++k) buf[k] = 'a' + (buf[k] & 15);
        std::fwrite(buf.data(), 1, n, f);
        h.Update(buf.data(), n);
        done += n;
      }
      std::fclose(f);
      index << path << '\t' << each << '\t' << h.FinalHex() << '\t' << s.role << '\t' << s.kind
            << '\t' << s.type << '\n';
    }
  }
  return 0;
}

int Bundle(const std::string& dir, const std::string& out) {
  std::unique_ptr<Clock> clock = MakeFixedClock(1772712000LL * 1000000);
  PackageInput in;
  in.order.id = "BENCH-1";
  in.reason = "damaged";
  in.clock = clock.get();
  in.private_key_pem = sign::GenerateKeyPair()->private_pem;
  std::ifstream index(dir + "/corpus.tsv");
  std::string line;
  while (std::getline(index, line)) {
    std::istringstream fields(line);
    PackageItem it;
    std::string size;
    std::getline(fields, it.source_path, '\t');
    std::getline(fields, size, '\t');
    std::getline(fields, it.sha256, '\t');
    std::getline(fields, it.role, '\t');
    std::getline(fields, it.kind, '\t');
    std::getline(fields, it.media_type, '\t');
    it.size = std::stoull(size);
    it.original_name = it.source_path.substr(it.source_path.rfind('/') + 1);
    it.capture_time = "2026-03-01T10:00:00Z";
    in.items.push_back(it);
  }
  Result<PackageSummary> s = BuildPackage(in, out);
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.status().ToString().c_str());
    return 1;
  }
  std::printf("bundled %zu files, %llu bytes\n", s->payload_files,
              static_cast<unsigned long long>(s->payload_bytes));
  return 0;
}

int Verify(const std::string& zip) {
  Result<VerifyReport> r = VerifyPackage(zip, {});
  if (!r.ok() || !r->ok()) {
    std::fprintf(stderr, "verify failed\n%s\n", r.ok() ? VerifyReportJson(*r).c_str() : "");
    return 1;
  }
  std::printf("verified %zu files, %llu bytes\n", r->payload_files,
              static_cast<unsigned long long>(r->payload_bytes));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "gen" && argc >= 3) return Gen(argv[2], argc > 3 ? std::atof(argv[3]) : 2048);
  if (mode == "bundle" && argc == 4) return Bundle(argv[2], argv[3]);
  if (mode == "verify" && argc == 3) return Verify(argv[2]);
  std::fprintf(stderr, "usage: package_bench gen DIR [MB] | bundle DIR OUT.zip | verify OUT.zip\n");
  return 2;
}
