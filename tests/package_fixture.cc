#include "package_fixture.h"

#include <dirent.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "archive/zip_reader.h"
#include "core/sha256.h"
#include "sign/ed25519.h"

namespace parcelproof::testing {
namespace {

uint32_t Crc32(const std::string& data) {
  static uint32_t table[256];
  if (table[1] == 0) {
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
      table[i] = c;
    }
  }
  uint32_t c = 0xffffffffu;
  for (unsigned char b : data) c = table[(c ^ b) & 0xff] ^ (c >> 8);
  return c ^ 0xffffffffu;
}

void Put16(std::string* s, uint32_t v) {
  s->push_back(static_cast<char>(v & 0xff));
  s->push_back(static_cast<char>((v >> 8) & 0xff));
}
void Put32(std::string* s, uint32_t v) {
  Put16(s, v & 0xffff);
  Put16(s, v >> 16);
}

const sign::KeyPairPem& TestKey() {
  static const sign::KeyPairPem key = *sign::GenerateKeyPair();
  return key;
}

PackageItem Item(const std::string& dir, const std::string& name, const std::string& bytes,
                 const std::string& role, const std::string& kind, const std::string& type,
                 const std::string& time) {
  WriteBytes(dir + "/" + name, bytes);
  PackageItem it;
  it.sha256 = Sha256Hex(bytes);
  it.size = bytes.size();
  it.source_path = dir + "/" + name;
  it.role = role;
  it.kind = kind;
  it.media_type = type;
  it.original_name = name;
  it.capture_time = time;
  it.capture_time_source = time.empty() ? "" : "exif DateTimeOriginal+OffsetTimeOriginal";
  it.ingested_at = "2026-03-01T12:00:00Z";
  it.station = "pack-1";
  it.order_ids = {"ORD-1001"};
  return it;
}

}  // namespace

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string ReadBytes(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::unique_ptr<SampleInput> MakeSampleInput(const std::string& dir) {
  auto s = std::make_unique<SampleInput>();
  s->private_pem = TestKey().private_pem;
  s->public_pem = TestKey().public_pem;
  s->clock = MakeFixedClock(1772712000LL * 1000000);  // 2026-03-05T12:00:00Z
  PackageInput& in = s->input;
  in.order.id = "ORD-1001";
  in.order.platform = "shop";
  in.order.recipient.name = "Ana <Buyer>";
  in.order.recipient.postal_code = "10115";
  in.order.recipient.country = "DE";
  in.order.tracking.push_back({"UPU", "RR123456785CN"});
  in.order.placed_at = "2026-02-27T09:00:00Z";
  in.reason = "damaged";
  std::string photo(3000, '\0');
  for (size_t i = 0; i < photo.size(); ++i) photo[i] = static_cast<char>(i * 7 + 3);
  PackageItem label = Item(dir, "IMG_0001.JPG", "\xff\xd8label-photo" + photo, "label", "image",
                           "image/jpeg", "2026-03-01T10:22:05+08:00");
  label.barcodes = {"RR123456785CN"};
  label.verdicts = {{"ORD-1001", "PASS", {"tracking number matches"}}};
  label.metadata_json =
      R"({"width":1000,"height":800,"barcodes":[{"text":"RR123456785CN",)"
      R"("format":"Code128","corners":[[100,100],[400,110],[400,200],[100,190]]}]})";
  std::string thumb = "\xff\xd8thumbnail of the label";
  WriteBytes(dir + "/thumb.jpg", thumb);
  label.thumbnail_path = dir + "/thumb.jpg";
  label.thumbnail_sha256 = Sha256Hex(thumb);
  label.thumbnail_size = thumb.size();
  label.thumbnail_media_type = "image/jpeg";
  in.items.push_back(label);
  in.items.push_back(Item(dir, "IMG_0002.JPG", "\xff\xd8packing-photo" + photo, "packing", "image",
                          "image/jpeg", "2026-03-01T10:20:00+08:00"));
  in.items.push_back(Item(dir, "pack.mp4", "....ftypisom" + photo + photo, "packing", "video",
                          "video/mp4", "2026-03-01T02:19:00Z"));
  in.items.push_back(Item(dir, "chat.txt", "buyer: where is it?\nseller: shipped 1 March\n", "chat",
                          "chat", "text/plain", ""));
  in.items.push_back(
      Item(dir, "invoice.pdf", "%PDF-1.4 invoice", "document", "document", "application/pdf", ""));
  in.custody.push_back({1, "2026-03-01T02:22:06.000000Z", "ana", "pack-1", "ingest", label.sha256,
                        "ORD-1001", "IMG_0001.JPG", std::string(64, '0'), std::string(64, 'a')});
  in.timeline.push_back(
      {"2026-02-27T09:00:00Z", "order placed", "order record", "order-placed", "", "", true});
  in.findings.push_back(
      {"info", "zone-unknown", "", "all photos were taken after the order and before the dispute"});
  in.note = "Parcel was intact at dispatch.";
  in.dispute_opened = "2026-03-04T08:00:00Z";
  in.clock = s->clock.get();
  in.private_key_pem = s->private_pem;
  in.checklists_path = std::string(PP_SOURCE_DIR) + "/data/checklists.json";
  return s;
}

int Run(const std::string& command) {
  int rc = std::system(command.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

std::string RawZip(const std::vector<RawEntry>& entries) {
  std::string out, cd;
  for (const RawEntry& e : entries) {
    uint32_t crc = Crc32(e.data);
    uint32_t usize =
        static_cast<uint32_t>(e.declared_size == UINT64_MAX ? e.data.size() : e.declared_size);
    uint32_t offset = static_cast<uint32_t>(out.size());
    uint16_t flags = e.utf8_flag ? 0x800 : 0;
    std::string common;
    Put16(&common, flags);
    Put16(&common, e.method);
    Put16(&common, 0);     // time
    Put16(&common, 0x21);  // date 1980-01-01
    Put32(&common, crc);
    Put32(&common, static_cast<uint32_t>(e.data.size()));
    Put32(&common, usize);
    Put16(&common, static_cast<uint32_t>(e.name.size()));
    Put16(&common, 0);  // extra
    Put32(&out, 0x04034b50);
    Put16(&out, 20);
    out += common + e.name + e.data;
    Put32(&cd, 0x02014b50);
    Put16(&cd, 0x0314);  // made by Unix
    Put16(&cd, 20);
    cd += common;
    Put16(&cd, 0);  // comment
    Put16(&cd, 0);  // disk
    Put16(&cd, 0);  // internal attrs
    Put32(&cd, e.unix_mode << 16);
    Put32(&cd, offset);
    cd += e.name;
  }
  uint32_t cd_offset = static_cast<uint32_t>(out.size());
  out += cd;
  Put32(&out, 0x06054b50);
  Put16(&out, 0);
  Put16(&out, 0);
  Put16(&out, static_cast<uint32_t>(entries.size()));
  Put16(&out, static_cast<uint32_t>(entries.size()));
  Put32(&out, static_cast<uint32_t>(cd.size()));
  Put32(&out, cd_offset);
  Put16(&out, 0);
  return out;
}

std::map<std::string, std::string> ReadEntries(const std::string& zip_path) {
  std::map<std::string, std::string> out;
  archive::ZipLayout layout = archive::InspectZip(zip_path);
  auto reader = archive::ZipReader::Open(zip_path);
  if (!reader.ok()) return out;
  for (const archive::ZipEntryInfo& e : layout.entries) {
    auto data = (*reader)->ReadAll(e, 1 << 30);
    if (data.ok()) out[e.name] = *data;
  }
  return out;
}

void WriteEntries(const std::string& zip_path, const std::map<std::string, std::string>& entries) {
  std::vector<RawEntry> raw;
  for (const auto& [name, data] : entries) {
    RawEntry e;
    e.name = name;
    e.data = data;
    raw.push_back(e);
  }
  WriteBytes(zip_path, RawZip(raw));
}

bool HasFailure(const VerifyReport& report, const std::string& code) {
  for (const VerifyFailure& f : report.failures) {
    if (f.code == code) return true;
  }
  return false;
}

std::string FailureList(const VerifyReport& report) {
  std::string out;
  for (const VerifyFailure& f : report.failures) out += f.code + ": " + f.message + "\n";
  return out.empty() ? "(no failures)" : out;
}

}  // namespace parcelproof::testing
