// Unit tests of the store: init/open rules, adds, duplicates, links, the
// custody chain, fsck findings, recovery of interrupted adds.
#include "parcelproof/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "core/file.h"
#include "core/sha256.h"

namespace parcelproof {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/pp-store-test-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    root_ = tmpl;
    dir_ = root_ + "/store";
    clock_ = MakeFixedClock(1772300000000000LL);
    options_.clock = clock_.get();
    options_.actor = "tester";
  }
  void TearDown() override {
    std::string cmd = "chmod -R u+w '" + root_ + "' && rm -rf '" + root_ + "'";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
  }
  std::string Write(const std::string& name, const std::string& data) {
    std::string path = root_ + "/" + name;
    EXPECT_TRUE(WriteFile(path, data).ok());
    return path;
  }
  std::unique_ptr<Store> MakeStore() {
    auto s = Store::Init(dir_, options_, "station-1");
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(*s) : nullptr;
  }
  StoreItem Doc() {
    StoreItem info;
    info.kind = ItemKind::kDocument;
    info.media_type = "text/plain";
    return info;
  }
  void Sql(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir_ + "/index.sqlite").c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    sqlite3_close(db);
  }

  std::string root_, dir_;
  std::unique_ptr<Clock> clock_;
  Store::Options options_;
};

TEST_F(StoreTest, InitCreatesAStoreThatOpens) {
  ASSERT_NE(MakeStore(), nullptr);
  auto marker = ReadFileLimited(dir_ + "/PARCELPROOF-STORE", 100);
  ASSERT_TRUE(marker.ok());
  EXPECT_EQ(*marker, "parcelproof-store 1\n");
  auto opened = Store::Open(dir_, options_);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ((*opened)->station(), "station-1");
  auto log = (*opened)->Log();
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 1u);
  EXPECT_EQ((*log)[0].action, "init");
  EXPECT_EQ((*log)[0].actor, "tester");
  EXPECT_EQ((*log)[0].time, "2026-02-28T17:33:20.000000Z");
}

TEST_F(StoreTest, RefusesFoldersThatAreNotStores) {
  Write("plain.txt", "x");
  auto opened = Store::Open(root_, options_);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().code(), Status::Code::kUnsupported);
  EXPECT_NE(opened.status().message().find("not a parcelproof store"), std::string::npos);
  auto init = Store::Init(root_, options_);  // not empty
  ASSERT_FALSE(init.ok());
  EXPECT_NE(init.status().message().find("not empty"), std::string::npos);
  ASSERT_NE(MakeStore(), nullptr);
  EXPECT_FALSE(Store::Init(dir_, options_).ok());  // already a store
  EXPECT_EQ(Store::Open(root_ + "/missing", options_).status().code(), Status::Code::kNotFound);
}

TEST_F(StoreTest, RefusesOtherFormatVersions) {
  ASSERT_NE(MakeStore(), nullptr);
  chmod((dir_ + "/PARCELPROOF-STORE").c_str(), 0644);
  ASSERT_TRUE(WriteFile(dir_ + "/PARCELPROOF-STORE", "parcelproof-store 99\n").ok());
  auto opened = Store::Open(dir_, options_);
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.status().message().find("format"), std::string::npos);
}

TEST_F(StoreTest, AddIsContentAddressedReadOnlyAndIdempotent) {
  auto store = MakeStore();
  std::string a = Write("a.txt", "hello evidence");
  auto first = store->AddFile({a, "document", {}}, Doc());
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_FALSE(first->duplicate);
  EXPECT_EQ(first->sha256, Sha256Hex("hello evidence"));
  auto path = store->BlobPath(first->sha256);
  ASSERT_TRUE(path.ok());
  struct stat st;
  ASSERT_EQ(stat(path->c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0222, 0u) << "blob must be read-only";
  auto again = store->AddFile({Write("copy.txt", "hello evidence"), "chat", {}}, Doc());
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->duplicate);
  auto item = store->GetItem(first->sha256);
  ASSERT_TRUE(item.ok());
  EXPECT_EQ(item->original_name, "a.txt");
  EXPECT_EQ(item->roles, (std::vector<std::string>{"document", "chat"}));
  EXPECT_EQ(item->size, 14u);
  auto fsck = store->Fsck();
  ASSERT_TRUE(fsck.ok());
  EXPECT_TRUE(fsck->ok()) << fsck->problems.front();
  EXPECT_EQ(fsck->items, 1);
}

TEST_F(StoreTest, OrdersImportLinksAndLookups) {
  auto store = MakeStore();
  Order o;
  o.id = "1001";
  o.tracking.push_back({"PostNL", "RR123456785NL"});
  o.platform = "shop";
  o.recipient = {"A", {"Street 1"}, "Utrecht", "", "3511 AB", "NL"};
  o.items.push_back({"SKU-1", "Cup", 1});
  auto sum = store->ImportOrders({o}, "orders.json");
  ASSERT_TRUE(sum.ok()) << sum.status().ToString();
  EXPECT_EQ(sum->added, 1);
  EXPECT_EQ(store->ImportOrders({o}, "orders.json")->unchanged, 1);
  o.recipient.name = "B";
  EXPECT_EQ(store->ImportOrders({o}, "orders.json")->updated, 1);
  auto found = store->FindOrder("rr 123456785nl");
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(found->id, "1001");
  EXPECT_EQ(found->recipient.name, "B");
  EXPECT_EQ(store->FindOrder("nope").status().code(), Status::Code::kNotFound);
  auto added = store->AddFile({Write("p.txt", "photo"), "packing", {"1001"}}, Doc());
  ASSERT_TRUE(added.ok());
  auto items = store->ItemsOfOrder("1001");
  ASSERT_TRUE(items.ok());
  ASSERT_EQ(items->size(), 1u);
  EXPECT_EQ((*items)[0].role, "packing");
  auto log = store->Log();
  ASSERT_TRUE(log.ok());
  EXPECT_EQ((*log)[2].action, "order-update");
  EXPECT_NE((*log)[2].detail.find("recipient"), std::string::npos);
}

TEST_F(StoreTest, FsckNamesTamperedMissingAndOrphanBlobs) {
  auto store = MakeStore();
  auto a = store->AddFile({Write("a.txt", "aaaa"), "document", {}}, Doc());
  auto b = store->AddFile({Write("b.txt", "bbbb"), "document", {}}, Doc());
  ASSERT_TRUE(a.ok() && b.ok());
  std::string pa = *store->BlobPath(a->sha256), pb = *store->BlobPath(b->sha256);
  chmod(pa.c_str(), 0644);
  ASSERT_TRUE(WriteFile(pa, "aaab").ok());
  chmod(pa.c_str(), 0444);
  ASSERT_EQ(unlink(pb.c_str()), 0);
  std::string orphan_sha = Sha256Hex("orphan");
  mkdir((dir_ + "/blobs/" + orphan_sha.substr(0, 2)).c_str(), 0755);
  ASSERT_TRUE(
      WriteFile(dir_ + "/blobs/" + orphan_sha.substr(0, 2) + "/" + orphan_sha, "orphan").ok());
  auto r = store->Fsck();
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->problems.size(), 3u);
  std::string all;
  for (const std::string& p : r->problems) all += p + "\n";
  EXPECT_NE(all.find(a->sha256 + ": content changed"), std::string::npos) << all;
  EXPECT_NE(all.find(b->sha256 + ": blob missing"), std::string::npos) << all;
  EXPECT_NE(all.find("orphan blob"), std::string::npos) << all;
}

TEST_F(StoreTest, CustodyLogIsAppendOnlyAndChained) {
  auto store = MakeStore();
  ASSERT_TRUE(store->AppendLog("bundle", "", "1001", "package x.zip").ok());
  auto log = store->Log();
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 2u);
  EXPECT_EQ((*log)[1].prev_hash, (*log)[0].entry_hash);
  EXPECT_EQ((*log)[1].entry_hash, Sha256Hex(CustodyEntryCanonical((*log)[1])));
  store.reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ + "/index.sqlite").c_str(), &db), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "UPDATE custody SET detail='x'", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  Sql("DROP TRIGGER custody_no_update; UPDATE custody SET detail='forged' WHERE seq=2");
  auto reopened = Store::Open(dir_, options_);
  ASSERT_TRUE(reopened.ok());
  auto r = (*reopened)->Fsck();
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->problems.size(), 1u);
  EXPECT_NE(r->problems[0].find("entry 2: entry altered"), std::string::npos);
}

TEST_F(StoreTest, InterruptedAddIsPendingThenDiscarded) {
  auto store = MakeStore();
  auto staged = store->Stage(Write("x.txt", "never committed"));
  ASSERT_TRUE(staged.ok());
  auto r = store->Fsck();
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->ok());
  EXPECT_EQ(r->notes.size(), 1u);
  store.reset();
  // Pretend the process that staged it died.
  Sql("UPDATE pending SET pid = 999999999");
  auto reopened = Store::Open(dir_, options_);
  ASSERT_TRUE(reopened.ok());
  EXPECT_NE(access(staged->blob_path.c_str(), F_OK), 0) << "uncommitted blob removed";
  auto r2 = (*reopened)->Fsck();
  EXPECT_TRUE(r2->ok());
  EXPECT_TRUE(r2->notes.empty());
  EXPECT_EQ((*reopened)->Log()->back().action, "recovered");
}

TEST_F(StoreTest, ReadOnlyStoreIsRefusedForWriting) {
  if (geteuid() == 0) GTEST_SKIP() << "root ignores file permissions";
  ASSERT_NE(MakeStore(), nullptr);
  chmod(dir_.c_str(), 0555);
  auto opened = Store::Open(dir_, options_);
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.status().message().find("read-only"), std::string::npos);
  chmod(dir_.c_str(), 0755);
}

TEST_F(StoreTest, LockedStoreGivesAClearError) {
  ASSERT_NE(MakeStore(), nullptr);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ + "/index.sqlite").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  options_.busy_timeout_ms = 50;
  auto store = Store::Open(dir_, options_);
  ASSERT_TRUE(store.ok());
  auto added = (*store)->AddFile({Write("a.txt", "a"), "document", {}}, Doc());
  ASSERT_FALSE(added.ok());
  EXPECT_EQ(added.status().code(), Status::Code::kBusy);
  EXPECT_NE(added.status().message().find("store is locked by another process"), std::string::npos);
  sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto r = (*store)->Fsck();
  EXPECT_TRUE(r->ok()) << r->problems.front();
}

}  // namespace
}  // namespace parcelproof
