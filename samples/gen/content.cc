#include "content.h"

#include <map>
#include <nlohmann/json.hpp>

namespace samplegen {
namespace {

struct CountryInfo {
  const char* numeric;
  const char* name;
  const char* hub;  // destination airport for the routing code
};

const std::map<std::string, CountryInfo>& Countries() {
  static const std::map<std::string, CountryInfo> kCountries = {
      {"AU", {"036", "AUSTRALIA", "SYD"}},      {"CA", {"124", "CANADA", "YUL"}},
      {"CN", {"156", "CHINA", "SZX"}},          {"DE", {"276", "GERMANY", "FRA"}},
      {"ES", {"724", "SPAIN", "MAD"}},          {"FR", {"250", "FRANCE", "CDG"}},
      {"GB", {"826", "UNITED KINGDOM", "LHR"}}, {"IT", {"380", "ITALY", "FCO"}},
      {"JP", {"392", "JAPAN", "NRT"}},          {"NL", {"528", "NETHERLANDS", "AMS"}},
      {"PL", {"616", "POLAND", "WAW"}},         {"SE", {"752", "SWEDEN", "ARN"}},
      {"US", {"840", "UNITED STATES", "JFK"}},
  };
  return kCountries;
}

bool IsUps(const std::string& tracking) { return tracking.rfind("1Z", 0) == 0; }

std::string NoSpaces(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '-') out += c;
  }
  return out;
}

// "Chloé" in NFC -> "Chloe" + U+0301 (only the accents our samples use).
std::string ToNfd(const std::string& s) {
  static const std::map<std::string, std::string> kDecomposed = {
      {"\xC3\xA9", "e\xCC\x81"}, {"\xC3\xA8", "e\xCC\x80"}, {"\xC3\xBC", "u\xCC\x88"},
      {"\xC3\xB6", "o\xCC\x88"}, {"\xC3\xA4", "a\xCC\x88"}, {"\xC3\xAD", "i\xCC\x81"},
      {"\xC3\xA1", "a\xCC\x81"}, {"\xC3\xB3", "o\xCC\x81"}};
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    auto it = i + 1 < s.size() ? kDecomposed.find(s.substr(i, 2)) : kDecomposed.end();
    if (it != kDecomposed.end()) {
      out += it->second;
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<std::string> Sender(bool ups) {
  if (ups)
    return {"BRIGHTLINE GOODS LLC", "4100 COMMERCE DR", "COLUMBUS OH 43219", "UNITED STATES"};
  return {"SHENZHEN JIAYU TRADING CO., LTD", "BLDG 3, 18 BANTIAN RD, LONGGANG",
          "SHENZHEN, GUANGDONG 518129", "CHINA"};
}

std::vector<std::string> Recipient(const parcelproof::Address& a) {
  std::vector<std::string> out = {Ascii(a.name)};
  for (const std::string& l : a.lines) out.push_back(Ascii(l));
  bool city_first =
      a.country == "US" || a.country == "CA" || a.country == "AU" || a.country == "GB";
  out.push_back(Ascii(city_first ? a.city + " " + a.region + " " + a.postal_code
                                 : a.postal_code + " " + a.city));
  auto it = Countries().find(a.country);
  out.push_back(it == Countries().end() ? a.country : it->second.name);
  return out;
}

std::string Payload(const parcelproof::Order& o, const LabelStyle& st,
                    const std::string& tracking) {
  const parcelproof::Address& a = o.recipient;
  std::string postal = st.postal_2d_override.empty() ? a.postal_code : st.postal_2d_override;
  std::string name = st.recipient_nfd ? ToNfd(a.name) : a.name;
  if (st.code2d_format == "DataMatrix") name = Ascii(name);
  if (st.payload == "mh10") {
    std::string gs = "\x1d";
    return "[)>\x1e"
           "01" +
           gs + "96" + NoSpaces(postal) + gs + CountryNumeric(a.country) + gs + "066" + gs +
           tracking + gs + (IsUps(tracking) ? "UPSN" : "UPUN") + gs + tracking.substr(2, 6) + gs +
           "062" + gs + gs + "1/1" + gs + std::to_string((st.weight_g + 999) / 1000) + gs + "Y" +
           gs + Ascii(a.lines.empty() ? "" : a.lines[0]) + gs + Ascii(a.city) + gs +
           Ascii(a.region) + "\x1e\x04";
  }
  if (st.payload == "kv") {
    return "tracking=" + tracking + "\npostal_code=" + postal + "\ncountry=" + a.country +
           "\nrecipient=" + name +
           "\ncity=" + (st.code2d_format == "DataMatrix" ? Ascii(a.city) : a.city);
  }
  nlohmann::ordered_json j = {{"tracking", tracking},
                              {"postal_code", postal},
                              {"country", a.country},
                              {"recipient", name},
                              {"city", a.city}};
  return j.dump();
}

}  // namespace

std::string CountryNumeric(const std::string& alpha2) {
  auto it = Countries().find(alpha2);
  return it == Countries().end() ? "000" : it->second.numeric;
}

std::string Ascii(const std::string& s) {
  static const std::map<std::string, std::string> kMap = {
      {"\xC3\xBC", "ue"}, {"\xC3\xB6", "oe"}, {"\xC3\xA4", "ae"}, {"\xC3\x9F", "ss"},
      {"\xC3\xA9", "e"},  {"\xC3\xA8", "e"},  {"\xC3\xA7", "c"},  {"\xC3\xA1", "a"},
      {"\xC3\xAD", "i"},  {"\xC3\xB3", "o"},  {"\xC3\xB1", "n"},  {"\xC3\xA5", "a"},
      {"\xC3\x8E", "I"},  {"\xC3\xAE", "i"},  {"\xC5\x82", "l"},  {"\xC5\x84", "n"},
      {"\xC3\x96", "OE"}, {"\xC3\x9C", "UE"}, {"\xC5\xBC", "z"},  {"\xC3\xB8", "o"}};
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += s[i];
      continue;
    }
    auto it = i + 1 < s.size() ? kMap.find(s.substr(i, 2)) : kMap.end();
    if (it != kMap.end()) {
      out += it->second;
      ++i;
    } else if ((c & 0xC0) == 0xC0) {
      out += '?';
    }
  }
  return out;
}

LabelContent LabelForOrder(const parcelproof::Order& o, const LabelStyle& st) {
  const std::string& tracking =
      st.tracking_override.empty() ? o.tracking.at(0).number : st.tracking_override;
  bool ups = IsUps(tracking);
  const parcelproof::Address& a = o.recipient;
  auto country = Countries().find(a.country);
  std::string hub = country == Countries().end() ? "XXX" : country->second.hub;
  LabelContent c;
  c.carrier = Ascii(o.tracking.at(0).carrier);
  for (char& ch : c.carrier) ch = static_cast<char>(toupper(static_cast<unsigned char>(ch)));
  c.service = ups ? "UPS WORLDWIDE EXPEDITED" : "REGISTERED AIRMAIL / PRIORITY";
  c.service_mark = ups ? "2" : "R";
  c.sender = Sender(ups);
  c.recipient = Recipient(a);
  c.tracking = tracking;
  std::string postal = NoSpaces(a.postal_code);
  c.routing = ups ? a.country + " " + postal.substr(0, 3) + " " + st.sort_code.substr(1, 1) + "-" +
                        st.sort_code.substr(0, 2)
                  : "SZX-" + hub + "-" + st.sort_code;
  c.gs1_ai = st.gs1_ai;
  c.gs1_value = (st.gs1_ai == "421" ? CountryNumeric(a.country) : "") + postal;
  c.code2d_format = st.code2d_format;
  c.code2d_text = Payload(o, st, tracking);
  c.footer = {"ORDER " + o.id + "   " + o.platform,
              "WEIGHT " + std::to_string(st.weight_g) + " G   SHIP DATE " + st.ship_date,
              "ITEMS " + std::to_string(o.items.size())};
  return c;
}

}  // namespace samplegen
