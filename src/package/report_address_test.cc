#include "package/report_address.h"

#include <gtest/gtest.h>

namespace parcelproof::package {
namespace {

TEST(ReportAddressTest, ShowsTheReadFieldsBesideTheOrdersAndOutlinesTheBlock) {
  PackageInput in;
  in.order.recipient = {"Anna Schmidt", {"Hauptstr. 5"}, "Berlin", "", "10115", "DE"};
  PackageModel m;
  m.input = &in;
  PackageItem item;
  item.metadata_json =
      R"({"scan":{"images":[{"file":"a.jpg","width":2000,"height":1500,"address":{)"
      R"("text":"x","lines":["x"],"fields":{"postal_code":{"value":"10117","confidence":0.93}},)"
      R"("confidence":0.9,"corners":[[10,20],[300,20],[300,200],[10,200]],"script":"Latin",)"
      R"("notes":[]}}]}})";
  m.items = {item, PackageItem()};
  m.paths = {"data/label/a.jpg", "data/label/b.jpg"};
  m.thumbs = {"thumbnails/label/a.jpg", ""};
  std::string html = AddressSection(m);
  EXPECT_NE(html.find("<h2>Printed address</h2>"), std::string::npos);
  EXPECT_NE(html.find("10117 <small>(0.93)</small></td><td>10115"), std::string::npos) << html;
  EXPECT_NE(html.find("Hauptstr. 5"), std::string::npos);
  EXPECT_NE(html.find("points=\"10,20 300,20 300,200 10,200 \""), std::string::npos);
  EXPECT_NE(html.find("viewBox=\"0 0 2000 1500\""), std::string::npos);
  EXPECT_EQ(html.find("b.jpg"), std::string::npos);  // no address metadata: not shown
}

TEST(ReportAddressTest, NothingReadNoSection) {
  PackageInput in;
  PackageModel m;
  m.input = &in;
  PackageItem item;
  item.metadata_json = "not json";
  m.items = {item};
  m.paths = {"data/label/a.jpg"};
  m.thumbs = {""};
  EXPECT_EQ(AddressSection(m), "");
}

}  // namespace
}  // namespace parcelproof::package
