// Pieces of report.html. The page is assembled from section functions
// (ReportHtml in report_html.cc), each returning one <section>; a new
// section is one function and one line there.
#ifndef PARCELPROOF_PACKAGE_REPORT_PARTS_H_
#define PARCELPROOF_PACKAGE_REPORT_PARTS_H_

#include <string>
#include <vector>

#include "package/model.h"
#include "package/report_time.h"

namespace parcelproof::package {

// HTML-escapes &, <, >, " and '.
std::string Esc(const std::string& s);
// <a href="path">path</a>
std::string Link(const std::string& path);
// True for chat/text files whose content can be shown inline.
bool IsText(const PackageItem& item);

// The rank of a role in the story: label 0, contents, packing, weight,
// delivery-note, still, document, other (and unknown roles) 7, chat,
// unboxing, buyer-photo 10.
int StoryRank(const std::string& role);
// Indices of m.items in the story's order (within a role, items linked to
// this order first): label, contents, packing,
// weight, delivery note, stills from video, other, then buyer evidence;
// by capture time within a role (no time last).
std::vector<size_t> StoryOrder(const PackageModel& m);
// "label photo IMG_0001.JPG", "packing video pack.mp4".
std::string ItemTitle(const PackageItem& item);
// The id of an item's element in the page: "item-<first 12 hex>".
std::string ItemAnchor(const std::string& sha256);
// Index of the item with this hash, or m.items.size().
size_t ItemIndex(const PackageModel& m, const std::string& sha256);
// The item's findings as <li> sentences with their severity.
std::string ItemFindings(const PackageModel& m, const std::string& sha256);
// One finding in plain words: "<span class=sev-serious>serious</span> ...".
std::string FindingSentence(const PackageModel& m, const PackageFinding& f, bool name_item);
// A small thumbnail (or a file icon) linked to the original, with its name.
std::string EvidenceChip(const PackageModel& m, size_t index);
// This order's label verdict over all items: MISMATCH beats PASS beats
// UNREADABLE; "" when no label was checked against this order. *reasons
// gets that verdict's reasons, joined with "; ".
std::string OrderVerdict(const PackageModel& m, std::string* reasons);

// Video stills (report_stills.cc): "frame at 00:01:23.400 (frame 2502) of
// packing.mp4 (sha256 ...)", the decoder and the stock command; "" for
// other items.
std::string StillCaption(const PackageModel& m, const PackageItem& still);
// "ffmpeg -ss 83.400 -i data/packing/....mp4 -frames:v 1 still.png".
std::string StillCommand(const PackageModel& m, const PackageItem& still);

// The sections, in the order the page shows them.
std::string SummarySection(const PackageModel& m, const ReportZone& zone);
std::string ChecklistSection(const PackageModel& m);
std::string FindingsSection(const PackageModel& m);
std::string TimelineSection(const PackageModel& m, const ReportZone& zone);
std::string PhotoSection(const PackageModel& m, const ReportZone& zone);
std::string OtherFilesSection(const PackageModel& m, const ReportZone& zone);
std::string VerdictSection(const PackageModel& m);
std::string ConversationSection(const PackageModel& m, const ReportZone& zone);
std::string OrderSection(const PackageModel& m, const ReportZone& zone);
std::string CustodySection(const PackageModel& m, const ReportZone& zone);
std::string VerifySection(const PackageModel& m);

}  // namespace parcelproof::package

#endif  // PARCELPROOF_PACKAGE_REPORT_PARTS_H_
