// BuildUploadSet: a verified package -> the files one platform accepts.
#include <algorithm>

#include "core/sha256.h"
#include "parcelproof/upload.h"
#include "upload/evidence_fields.h"
#include "upload/profiles.h"
#include "upload/summary_doc.h"
#include "upload/upload_files.h"

namespace parcelproof {
namespace {

using nlohmann::json;
using upload::PackageContents;
using upload::Profile;

const int kMaxPhotos = 6;               // our selection: label and the key photos
const uint64_t kOwnFileCap = 8000000;   // when a platform publishes no per-file limit
const uint64_t kPhotoCap = 2500000;     // no photo needs more
const uint64_t kSmallestPhoto = 60000;  // below this a photo shows nothing useful

struct Budget {
  uint64_t file = 0, total = 0, files = 0;  // total/files: UINT64_MAX when unlimited
  uint64_t used = 0, count = 0;
  std::string file_src, total_src, files_src;
};

Budget MakeBudget(const Profile& p) {
  Budget b;
  b.file = p.max_file_bytes.value ? p.max_file_bytes.value : kOwnFileCap;
  b.file_src = p.max_file_bytes.value ? p.max_file_bytes.source : "no published limit; ours";
  b.total = p.max_total_bytes.value ? p.max_total_bytes.value : UINT64_MAX;
  b.total_src = p.max_total_bytes.source;
  b.files = p.max_files.value ? p.max_files.value : UINT64_MAX;
  b.files_src = p.max_files.source;
  return b;
}

std::string Str(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

struct SummaryOut {
  std::vector<std::pair<std::string, std::string>> files;  // name, bytes
  std::string media_type;
  uint64_t bytes = 0;
  size_t pictures = 0;
  int pages = 0;
};

// Renders the summary with fewer and smaller pictures until it fits.
Result<SummaryOut> FitSummary(const PackageContents& pkg, const json& ev, const Profile& p,
                              const Budget& b, const upload::SummaryFacts& facts,
                              const std::vector<const json*>& photos, pdf::Paper paper) {
  struct Level {
    size_t pictures;
    int side;
    uint64_t each;
  };
  const Level kLevels[] = {
      {4, 1100, 350000}, {4, 800, 160000}, {2, 640, 100000}, {1, 520, 60000}, {0, 0, 0}};
  bool pdf_ok = p.Accepts("pdf");
  uint64_t smallest = UINT64_MAX;
  for (const Level& lv : kLevels) {
    std::vector<upload::SummaryPicture> pics;
    for (const json* it : photos) {
      if (pics.size() >= lv.pictures) break;
      Result<FittedJpeg> f = upload::FitPhoto(pkg, *it, lv.side, lv.each);
      if (f.ok()) pics.push_back({it, std::move(*f)});
    }
    pdf::Document doc = upload::SummaryDocument(ev, facts, pics);
    SummaryOut out;
    out.pictures = pics.size();
    if (pdf_ok) {
      int pages = 0;
      Result<std::string> bytes = pdf::RenderPdf(doc, paper, &pages);
      if (!bytes.ok()) return bytes.status();
      out.media_type = "application/pdf";
      out.bytes = bytes->size();
      out.files.emplace_back("summary.pdf", std::move(*bytes));
      out.pages = pages;
    } else {
      Result<std::vector<std::string>> pages = pdf::RenderPng(doc, paper, 110);
      if (!pages.ok()) return pages.status();
      out.media_type = "image/png";
      for (size_t i = 0; i < pages->size(); ++i) {
        out.bytes += (*pages)[i].size();
        out.files.emplace_back("summary" + std::to_string(i + 1) + ".png", std::move((*pages)[i]));
      }
    }
    bool fits = out.bytes <= b.total && out.files.size() <= b.files;
    for (const auto& f : out.files) fits = fits && f.second.size() <= b.file;
    if (pdf_ok && p.max_pdf_pages.value)
      fits = fits && out.pages <= static_cast<int>(p.max_pdf_pages.value);
    if (fits) return out;
    smallest = std::min<uint64_t>(smallest, out.bytes);
  }
  return Status::Unsupported(
      "platform " + p.id + " cannot take even the summary: the smallest summary (no pictures) is " +
      std::to_string(smallest) + " bytes in " + (pdf_ok ? "one PDF" : "PNG pages") +
      ", beyond the limit of " + std::to_string(std::min(b.file, b.total)) + " bytes (" +
      (b.file <= b.total ? b.file_src : b.total_src) + ")");
}

Status VerifyFirst(const std::string& zip, VerifyReport* report) {
  Result<VerifyReport> r = VerifyPackage(zip, {});
  if (!r.ok()) return r.status();
  *report = *r;
  if (r->ok()) return Status::Ok();
  std::string msg = zip + " does not verify (" + std::to_string(r->failures.size()) +
                    " problem(s)); nothing written:";
  for (const VerifyFailure& f : r->failures) msg += "\n  " + f.code + "  " + f.message;
  return Status::VerifyFailed(msg);
}

UploadFile Record(const std::string& name, const std::string& kind, const std::string& type,
                  const std::string& bytes, const json* source) {
  UploadFile f{name, kind, type, bytes.size(), Sha256Hex(bytes), "", ""};
  if (source) {
    f.source_sha256 = Str(*source, "sha256");
    f.source_path = Str(*source, "path");
  }
  return f;
}

// The photos after the summary, each re-encoded into its share of what is left.
Status AddPhotos(const PackageContents& pkg, const std::vector<const json*>& photos,
                 const std::string& dir, Budget* b, UploadSet* set) {
  size_t n = std::min<size_t>(photos.size(), kMaxPhotos);
  for (size_t i = 0; i < photos.size(); ++i) {
    const json& it = *photos[i];
    std::string what = Str(it, "path");
    if (i >= n) {
      set->left_out.push_back({what, "only the " + std::to_string(kMaxPhotos) +
                                         " most important photos go into an upload set (label, "
                                         "contents, packing, weight, ...); it is in the package"});
      continue;
    }
    if (b->count >= b->files) {
      set->left_out.push_back({what, "the platform's limit of " + std::to_string(b->files) +
                                         " files is reached (" + b->files_src + ")"});
      continue;
    }
    uint64_t left = b->total == UINT64_MAX ? UINT64_MAX : b->total - b->used;
    uint64_t share = left == UINT64_MAX ? kPhotoCap : left / (n - i);
    uint64_t target = std::min({b->file, share, kPhotoCap});
    if (target < kSmallestPhoto) {
      set->left_out.push_back({what, "the total limit of " + std::to_string(b->total) + " bytes (" +
                                         b->total_src + ") leaves only " + std::to_string(left) +
                                         " bytes"});
      continue;
    }
    Result<FittedJpeg> f = upload::FitPhoto(pkg, it, 2400, target);
    if (!f.ok()) {
      set->left_out.push_back({what, "cannot be re-encoded within " + std::to_string(target) +
                                         " bytes: " + f.status().message()});
      continue;
    }
    std::string name = Str(it, "sha256").substr(0, 12) + ".jpg";
    PP_RETURN_IF_ERROR(upload::WriteNew(dir + "/" + name, f->jpeg));
    set->files.push_back(Record(name, "photo", "image/jpeg", f->jpeg, &it));
    b->used += f->jpeg.size();
    ++b->count;
  }
  return Status::Ok();
}

// Videos, chat exports and other documents: said why they are not in the set.
void ExplainOthers(const json& ev, const Profile& p, UploadSet* set) {
  for (const json& it : ev["items"]) {
    std::string kind = Str(it, "kind");
    if (kind == "image" && Str(it, "role") != "chat") continue;
    std::string why = kind == "video" ? p.name +
                                            " takes no video; the package holds it (its stills "
                                            "are photos of the set)"
                      : Str(it, "role") == "chat"
                          ? "conversations go in as an excerpt in the summary; the package holds it"
                          : "documents stay in the package; the summary lists them";
    set->left_out.push_back({Str(it, "path"), why});
  }
}

}  // namespace

Result<UploadSet> BuildUploadSet(const UploadSetRequest& req) {
  if (!req.clock) return Status::InvalidArgument("upload-set: no clock");
  if (req.paper != "a4" && req.paper != "letter") {
    return Status::InvalidArgument("--paper must be a4 or letter");
  }
  std::string profiles = req.platforms_path.empty() ? DefaultPlatformsPath() : req.platforms_path;
  Result<Profile> profile = upload::LoadProfile(profiles, req.platform);
  if (!profile.ok()) return profile.status();
  VerifyReport report;
  PP_RETURN_IF_ERROR(VerifyFirst(req.package_path, &report));
  Result<std::unique_ptr<PackageContents>> pkg =
      PackageContents::Open(req.package_path, report.bag_name);
  if (!pkg.ok()) return pkg.status();
  Result<std::string> text = (*pkg)->Read("evidence.json", 256ull << 20);
  if (!text.ok()) return text.status();
  json ev = json::parse(*text, nullptr, false);
  if (ev.is_discarded()) {
    return Status::Corrupt(req.package_path + ": evidence.json is not a parcelproof evidence file");
  }
  // The signature says who made the package, not that its JSON is well formed.
  std::string problem = upload::EvidenceFieldProblem(ev);
  if (!problem.empty()) {
    return Status::Corrupt(req.package_path + ": evidence.json: " + problem);
  }
  Result<std::string> zip_sha = Sha256File(req.package_path);
  if (!zip_sha.ok()) return zip_sha.status();

  UploadSet set;
  set.platform = profile->id;
  set.platform_name = profile->name;
  set.package_path = req.package_path;
  set.package_sha256 = *zip_sha;
  set.package_id = report.package_id;
  set.fingerprint = report.fingerprint;
  Budget budget = MakeBudget(*profile);
  for (const auto& [name, l] :
       {std::pair<const char*, const upload::Limit*>{"max_file_bytes", &profile->max_file_bytes},
        {"max_total_bytes", &profile->max_total_bytes},
        {"max_files", &profile->max_files},
        {"max_pdf_pages", &profile->max_pdf_pages},
        {"max_name_chars", &profile->max_name_chars}}) {
    if (l->value) set.limits.push_back({name, l->value, l->source});
  }
  upload::SummaryFacts facts{BaseName(req.package_path), *zip_sha,
                             FormatUtc(req.clock->NowMicros())};
  std::vector<const json*> photos = upload::StoryPhotos(ev);
  Result<SummaryOut> summary =
      FitSummary(**pkg, ev, *profile, budget, facts, photos,
                 req.paper == "a4" ? pdf::Paper::kA4 : pdf::Paper::kLetter);
  if (!summary.ok()) return summary.status();
  PP_RETURN_IF_ERROR(upload::PrepareOutDir(req.out_dir));
  for (const auto& [name, bytes] : summary->files) {
    PP_RETURN_IF_ERROR(upload::WriteNew(req.out_dir + "/" + name, bytes));
    set.files.push_back(Record(name, summary->files.size() == 1 ? "summary" : "summary-page",
                               summary->media_type, bytes, nullptr));
    budget.used += bytes.size();
    ++budget.count;
  }
  PP_RETURN_IF_ERROR(AddPhotos(**pkg, photos, req.out_dir, &budget, &set));
  ExplainOthers(ev, *profile, &set);
  set.total_bytes = budget.used;
  set.manifest_path = req.out_dir + "/upload-set.json";
  std::string manifest = UploadSetJson(set);
  PP_RETURN_IF_ERROR(upload::WriteNew(set.manifest_path, manifest));
  return set;
}

}  // namespace parcelproof
