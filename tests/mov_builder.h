// Test helper: QuickTime/MP4 files built box by box, with Apple's
// moov/meta (handler mdta, keys + ilst) metadata.
#ifndef PARCELPROOF_TESTS_MOV_BUILDER_H_
#define PARCELPROOF_TESTS_MOV_BUILDER_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace parcelproof::testing {

// n big-endian bytes of v.
inline std::string MovBe(uint64_t v, int n) {
  std::string s;
  for (int i = n - 1; i >= 0; --i) s += static_cast<char>((v >> (8 * i)) & 0xFF);
  return s;
}

inline std::string MovBox(const std::string& type, const std::string& body) {
  return MovBe(body.size() + 8, 4) + type + body;
}

// mvhd version 0: created (seconds since 1904), timescale 1000, duration_ms.
inline std::string MovMvhd(uint64_t created_1904, uint64_t duration_ms) {
  return MovBox("mvhd", MovBe(0, 4) + MovBe(created_1904, 4) + MovBe(created_1904, 4) +
                            MovBe(1000, 4) + MovBe(duration_ms, 4) + std::string(80, '\0'));
}

// A 'keys' box body with the given declared count and keys (namespace mdta).
inline std::string MovKeys(uint64_t count, const std::vector<std::string>& keys) {
  std::string body = MovBe(0, 4) + MovBe(count, 4);
  for (const std::string& k : keys) body += MovBe(8 + k.size(), 4) + "mdta" + k;
  return body;
}

// An ilst item for 1-based key `index` holding one data atom of `type`.
inline std::string MovItem(uint32_t index, const std::string& value, uint32_t type = 1) {
  return MovBox(MovBe(index, 4), MovBox("data", MovBe(type, 4) + MovBe(0, 4) + value));
}

// moov/meta with handler mdta from a keys body and ilst body.
inline std::string MovMeta(const std::string& keys_body, const std::string& ilst_body,
                           const std::string& handler = "mdta") {
  std::string hdlr = MovBe(0, 4) + MovBe(0, 4) + handler + std::string(13, '\0');
  return MovBox("meta",
                MovBox("hdlr", hdlr) + MovBox("keys", keys_body) + MovBox("ilst", ilst_body));
}

// A QuickTime file: ftyp 'qt  ', moov(moov_body), a small mdat.
inline std::string MovFile(const std::string& moov_body) {
  return MovBox("ftyp", "qt  " + MovBe(0, 4) + "qt  ") + MovBox("moov", moov_body) +
         MovBox("mdat", std::string(16, '\0'));
}

// An iPhone-like MOV: mvhd (UTC, 2026-03-03T03:00:05Z) and the creationdate
// `date` as key 3 of make, model, creationdate.
inline std::string IphoneMov(const std::string& date) {
  const uint64_t kMvhd1904 = 1772506805ull + 2082844800ull;
  std::vector<std::string> keys = {"com.apple.quicktime.make", "com.apple.quicktime.model",
                                   "com.apple.quicktime.creationdate"};
  std::string ilst = MovItem(1, "Apple") + MovItem(2, "iPhone 15") + MovItem(3, date);
  return MovFile(MovMvhd(kMvhd1904, 4000) + MovMeta(MovKeys(3, keys), ilst));
}

// A MOV with mvhd (2026-03-03T03:00:05Z) and an XMP packet whose
// xmp:CreateDate attribute is `date`, in a top-level uuid box.
inline std::string XmpMov(const std::string& date) {
  const std::string uuid("\xBE\x7A\xCF\xCB\x97\xA9\x42\xE8\x9C\x71\x99\x94\x91\xE3\xAF\xAC", 16);
  std::string packet =
      "<?xpacket begin='\xEF\xBB\xBF' id='W5M0MpCehiHzreSzNTczkc9d'?>"
      "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF "
      "xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description rdf:about='' "
      "xmlns:xmp='http://ns.adobe.com/xap/1.0/' xmp:CreateDate='" +
      date + "'></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end='w'?>";
  return MovFile(MovMvhd(1772506805ull + 2082844800ull, 1000)) + MovBox("uuid", uuid + packet);
}

}  // namespace parcelproof::testing

#endif  // PARCELPROOF_TESTS_MOV_BUILDER_H_
