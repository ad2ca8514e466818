#include "package/report_chat.h"

#include "package/report_parts.h"

namespace parcelproof {

std::string MessageAnchor(const std::string& source_sha256, size_t index) {
  return "msg-" + source_sha256.substr(0, 12) + "-" + std::to_string(index);
}

namespace package {
namespace {

// Escaped for HTML after control characters and bidirectional overrides
// were made visible ("<U+202E>"), so a name cannot reorder the page.
std::string Shown(const std::string& s, bool keep_newlines) {
  return Esc(DisplaySafe(s, keep_newlines));
}

std::string Marks(const ChatMessage& m) {
  std::string h;
  for (const std::string& f : m.flags) {
    if (f == "system") continue;
    h += " <span class=\"mark\">" + Esc(f) + "</span>";
  }
  return h;
}

std::string MessageHtml(const PackageConversation& c, const ChatMessage& m, size_t index,
                        const ReportZone& zone) {
  std::string side = m.sender.empty() ? "sys" : m.side == "seller" ? "seller" : "buyer";
  std::string h = "<div class=\"msg " + side + "\" id=\"" +
                  Esc(MessageAnchor(c.source_sha256, index)) + "\"><div class=\"meta\">";
  h += m.has_time ? Esc(FormatTime(m.time, zone)) : "(no time)";
  if (!m.sender.empty()) h += " &middot; <b>" + Shown(m.sender, false) + "</b> (" + Esc(side) + ")";
  h += Marks(m) + "</div><div class=\"text\">" + Shown(m.text, true) + "</div>";
  for (const std::string& a : m.attachments)
    h += "<div class=\"att\">attached: " + Shown(a, false) + "</div>";
  h += "<div class=\"span\">bytes " + std::to_string(m.span_begin) + "-" +
       std::to_string(m.span_end) + "</div></div>";
  return h;
}

}  // namespace

const char kChatStyle[] =
    ".thread{display:flex;flex-direction:column;gap:6px;max-width:800px}"
    ".msg{border:1px solid #ccc;border-radius:8px;padding:4px 8px;max-width:70%}"
    ".msg.buyer{align-self:flex-start;background:#fff}"
    ".msg.seller{align-self:flex-end;background:#e6f4e6}"
    ".msg.sys{align-self:center;background:#f4f4f4;font-size:12px}"
    ".msg .meta,.msg .span{font-size:11px;color:#666}.msg .text{white-space:pre-wrap}"
    ".mark{color:#b00;font-weight:bold}.msg:target{outline:2px solid #06c}";

const PackageConversation* FindConversation(const PackageInput& in, const std::string& sha256) {
  for (const PackageConversation& c : in.conversations) {
    if (c.source_sha256 == sha256) return &c;
  }
  return nullptr;
}

std::string ConversationThreadHtml(const PackageConversation& c, const std::string& export_path,
                                   const ReportZone& zone) {
  std::string h = "<p>" + Esc(c.info.format) + ", " + std::to_string(c.messages.size()) +
                  " message(s), read from " + Link(export_path) + " (sha256 <code>" +
                  Esc(c.source_sha256) + "</code>); each message gives its bytes in that file.";
  h += " Buyer left, seller right.</p>";
  for (const std::string& p : c.info.problems)
    h += "<p class=\"missing\">" + Shown(p, false) + "</p>";
  h += "<div class=\"thread\">";
  for (size_t i = 0; i < c.messages.size(); ++i) h += MessageHtml(c, c.messages[i], i, zone);
  return h + "</div>";
}

}  // namespace package
}  // namespace parcelproof
