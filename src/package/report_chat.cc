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

// The package item holding a zip's media member of this name: its index in
// m.items, or -1 when the member is not among the items.
int MediaItem(const PackageConversation& c, const PackageModel& m, const std::string& name) {
  for (const ChatMedia& media : c.info.media) {
    if (media.name != name) continue;
    for (size_t i = 0; i < m.items.size(); ++i) {
      if (m.items[i].sha256 == media.sha256) return static_cast<int>(i);
    }
  }
  return -1;
}

std::string AttachmentHtml(const PackageConversation& c, const PackageModel& m,
                           const std::string& name) {
  int i = MediaItem(c, m, name);
  if (i < 0) return "<div class=\"att\">attached: " + Shown(name, false) + "</div>";
  size_t k = static_cast<size_t>(i);
  std::string h = "<div class=\"att\"><a href=\"" + Esc(m.paths[k]) + "\">";
  if (!m.thumbs[k].empty()) {
    h += "<img src=\"" + Esc(m.thumbs[k]) + "\" alt=\"" + Shown(name, false) + "\"><br>";
  }
  return h + "attached: " + Shown(name, false) + "</a> (sha256 <code>" +
         Esc(m.items[k].sha256.substr(0, 12)) + "</code>)</div>";
}

std::string MessageHtml(const PackageConversation& c, const ChatMessage& msg, size_t index,
                        const ReportZone& zone, const PackageModel& model) {
  const ChatMessage& m = msg;
  std::string side = m.sender.empty() ? "sys" : m.side == "seller" ? "seller" : "buyer";
  std::string h = "<div class=\"msg " + side + "\" id=\"" +
                  Esc(MessageAnchor(c.source_sha256, index)) + "\"><div class=\"meta\">";
  h += m.has_time ? Esc(FormatTime(m.time, zone)) : "(no time)";
  if (!m.sender.empty()) h += " &middot; <b>" + Shown(m.sender, false) + "</b> (" + Esc(side) + ")";
  h += Marks(m) + "</div><div class=\"text\">" + Shown(m.text, true) + "</div>";
  for (const std::string& a : m.attachments) h += AttachmentHtml(c, model, a);
  h += "<div class=\"span\">bytes " + std::to_string(m.span_begin) + "-" +
       std::to_string(m.span_end) + "</div></div>";
  return h;
}

// The line standing for the messages a long conversation leaves out.
std::string OmittedHtml(const PackageConversation& c, const PackageModel& m) {
  std::string where = "the export";
  for (size_t i = 0; i < m.items.size(); ++i) {
    if (!c.full_sha256.empty() && m.items[i].sha256 == c.full_sha256) {
      where = Link(m.paths[i]) + " (every message with its span) and the export";
    }
  }
  return "<div class=\"msg sys omitted\">" + std::to_string(c.omitted) +
         " more message(s) (messages " + std::to_string(c.omitted_from) + " to " +
         std::to_string(c.omitted_from + c.omitted - 1) + ") are not shown here: see " + where +
         ".</div>";
}

}  // namespace

const char kChatStyle[] =
    ".thread{display:flex;flex-direction:column;gap:6px;max-width:800px}"
    ".msg{border:1px solid #ccc;border-radius:8px;padding:4px 8px;max-width:70%}"
    ".msg.buyer{align-self:flex-start;background:#fff}"
    ".msg.seller{align-self:flex-end;background:#e6f4e6}"
    ".msg.sys{align-self:center;background:#f4f4f4;font-size:12px}"
    ".msg .meta,.msg .span{font-size:11px;color:#666}.msg .text{white-space:pre-wrap}"
    ".msg .att img{max-height:120px;border:1px solid #ccc}"
    ".mark{color:#b00;font-weight:bold}.msg:target{outline:2px solid #06c}";

const PackageConversation* FindConversation(const PackageInput& in, const std::string& sha256) {
  for (const PackageConversation& c : in.conversations) {
    if (c.source_sha256 == sha256) return &c;
  }
  return nullptr;
}

std::string ConversationThreadHtml(const PackageConversation& c, const std::string& export_path,
                                   const ReportZone& zone, const PackageModel& m) {
  std::string h = "<p>" + Esc(c.info.format) + ", " + std::to_string(c.info.message_count) +
                  " message(s), read from " + Link(export_path) + " (sha256 <code>" +
                  Esc(c.source_sha256) + "</code>); each message gives its bytes in that file.";
  h += " Buyer left, seller right.</p>";
  for (const std::string& p : c.info.problems)
    h += "<p class=\"missing\">" + Shown(p, false) + "</p>";
  h += "<div class=\"thread\">";
  for (size_t i = 0; i < c.messages.size(); ++i) {
    if (c.omitted > 0 && i == c.omitted_from) h += OmittedHtml(c, m);
    size_t index = i < c.omitted_from || c.omitted == 0 ? i : i + c.omitted;
    h += MessageHtml(c, c.messages[i], index, zone, m);
  }
  return h + "</div>";
}

}  // namespace package
}  // namespace parcelproof
