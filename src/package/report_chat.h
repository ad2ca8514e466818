// The conversation part of report.html: a readable thread (buyer left,
// seller right, system lines centred), each message with its time, its
// sender shown escaped, its marks (edited, deleted, media omitted), its
// attachments and its byte span in the export.
#ifndef PARCELPROOF_PACKAGE_REPORT_CHAT_H_
#define PARCELPROOF_PACKAGE_REPORT_CHAT_H_

#include <string>

#include "package/model.h"
#include "package/report_time.h"

namespace parcelproof::package {

// The conversation read from the chat item with this hash; nullptr when none.
const PackageConversation* FindConversation(const PackageInput& in, const std::string& sha256);
// The thread of one conversation; export_path is the export's data/... path.
std::string ConversationThreadHtml(const PackageConversation& c, const std::string& export_path,
                                   const ReportZone& zone);
// CSS for the thread (added to the page's style).
extern const char kChatStyle[];

}  // namespace parcelproof::package

#endif  // PARCELPROOF_PACKAGE_REPORT_CHAT_H_
