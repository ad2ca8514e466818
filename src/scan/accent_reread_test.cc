// The rule that decides which recipient and city lines the Latin-script
// model reads again, on lines as the English model reads them.
#include "scan/accent_reread.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parcelproof {
namespace {

constexpr double kSure = 0.95;

// `text`'s words (split at spaces) with the confidences given, in order.
OcrLine Line(const std::string& text, const std::vector<double>& confidences) {
  OcrLine line;
  line.text = text;
  line.confidence = 0.9;
  size_t at = 0;
  for (double c : confidences) {
    size_t end = text.find(' ', at);
    if (end == std::string::npos) end = text.size();
    line.words.push_back(OcrWord{at, end, c});
    at = end + 1;
  }
  return line;
}

TEST(AccentRereadTest, WordsThatMayHideALetter) {
  EXPECT_TRUE(MayHideLetter("Grin"));
  EXPECT_TRUE(MayHideLetter("Krakéw"));
  EXPECT_TRUE(MayHideLetter("Austin,"));
  EXPECT_TRUE(MayHideLetter("C)"));    // one capital: a broken code
  EXPECT_TRUE(MayHideLetter("1Al1"));  // letters among digits
  EXPECT_TRUE(MayHideLetter("Ab"));    // two letters, not two capitals
  EXPECT_FALSE(MayHideLetter("ON"));
  EXPECT_FALSE(MayHideLetter("TX,"));
  EXPECT_FALSE(MayHideLetter("(BC)"));
  EXPECT_FALSE(MayHideLetter("78701"));
  EXPECT_FALSE(MayHideLetter("00-026"));
  EXPECT_FALSE(MayHideLetter("-"));
  EXPECT_FALSE(MayHideLetter("10?"));
  EXPECT_FALSE(MayHideLetter(""));
}

struct Case {
  const char* text;
  std::vector<double> confidences;
  const char* country;
  bool reread;
};

TEST(AccentRereadTest, LinesWorthTheLatinModel) {
  const std::vector<Case> cases = {
      // Look-alikes of accented letters, unsure.
      {"Felix Grin", {0.96, 0.51}, "DE", true},
      {"80331 Munchen", {0.93, 0.87}, "DE", true},
      {"31-042 Krakéw", {0.93, 0.53}, "PL", true},
      {"Elif Fernandez", {0.96, 0.49}, "ES", true},
      // Any unsure word of letters: the look-alike may be a sure neighbour.
      {"Sao Paulo - SP", {0.95, 0.92, 0.92, 0.96}, "BR", true},
      {"Austin, TX 78701", {0.88, 0.96, 0.96}, "US", true},
      // Postal codes broken by the English model.
      {"1015 C) Amsterdam", {0.93, 0.0, 0.96}, "NL", true},
      {"Vancouver BC V6B 1Al1", {0.96, 0.93, 0.91, 0.66}, "CA", true},
      {"Toronto ON MSV 2T6", {0.96, 0.96, 0.46, 0.89}, "CA", true},
      // Unsure only of a postal code that fits, a two-capital code, digits.
      {"Toronto ON M5V 2T6", {0.96, 0.93, 0.86, 0.89}, "CA", false},
      {"Vancouver BC V6B 1A1", {0.96, 0.92, 0.86, 0.91}, "CA", false},
      {"3511 LX Amsterdam", {0.92, 0.92, 0.96}, "NL", false},
      {"1015 CJ Amsterdam", {0.96, 0.87, 0.96}, "NL", false},
      {"Toronto ON M5V 2T6", {0.96, 0.96, 0.57, 0.90}, "CA", false},
      // A code's letters too unsure for a verdict: the Latin model may vouch.
      {"1015 CJ Amsterdam", {0.96, 0.59, 0.96}, "NL", true},
      {"00-026 Warszawa", {0.82, 0.96}, "PL", false},
      {"1100-148 Lisboa", {0.91, 0.96}, "PT", false},
      {"Austin, TX 78701", {0.96, 0.93, 0.93}, "US", false},
      {"Austin, TX 78701", {0.96, 0.93, 0.93}, "", false},
      {"10?", {0.54}, "", false},
      // Sure of every word.
      {"Sara Weber", {0.96, 0.97}, "DE", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(WorthLatinReread(Line(c.text, c.confidences), c.country, kSure), c.reread)
        << c.text << " (" << c.country << ")";
  }
}

TEST(AccentRereadTest, LineWithoutWordsGoesByItsConfidence) {
  OcrLine line;
  line.text = "Felix Grin";
  line.confidence = 0.6;
  EXPECT_TRUE(WorthLatinReread(line, "DE", kSure));
  line.confidence = 0.97;
  EXPECT_FALSE(WorthLatinReread(line, "DE", kSure));
  line.text = "80331";
  line.confidence = 0.6;
  EXPECT_FALSE(WorthLatinReread(line, "DE", kSure));
}

struct SpanCase {
  const char* text;
  std::vector<double> confidences;
  const char* country;
  const char* span;  // the bytes for the Latin model to read
};

TEST(AccentRereadTest, TheWordsTheLatinModelReads) {
  const std::vector<SpanCase> cases = {
      // A postal code that fits, and codes beside it, stay as read.
      {"80331 Munchen", {0.93, 0.87}, "DE", "Munchen"},
      {"31-042 Krakéw", {0.93, 0.53}, "PL", "Krakéw"},
      {"Austin, TX 78701", {0.88, 0.96, 0.96}, "US", "Austin,"},
      {"Curitiba - PR", {0.92, 0.92, 0.96}, "BR", "Curitiba"},
      // Sure words of letters are read too ("Sao" is read sure).
      {"Sao Paulo - SP", {0.95, 0.92, 0.92, 0.96}, "BR", "Sao Paulo"},
      {"Felix Grin", {0.96, 0.51}, "DE", "Felix Grin"},
      // A digit beside no code that fits: a broken code, read whole.
      {"1015 C) Amsterdam", {0.93, 0.0, 0.96}, "NL", "1015 C) Amsterdam"},
      {"Vancouver BC V6B 1Al1", {0.96, 0.93, 0.91, 0.66}, "CA", "Vancouver BC V6B 1Al1"},
      {"©8002 Barcelona", {0.49, 0.92}, "ES", "©8002 Barcelona"},
      // The code's letters are the reason: the whole line.
      {"1015 CJ Amsterdam", {0.96, 0.59, 0.96}, "NL", "1015 CJ Amsterdam"},
  };
  for (const SpanCase& c : cases) {
    OcrLine line = Line(c.text, c.confidences);
    size_t begin = 99, end = 99;
    LatinSpan(line, c.country, kSure, &begin, &end);
    ASSERT_LE(begin, end) << c.text;
    EXPECT_EQ(line.text.substr(begin, end - begin), c.span) << c.text;
  }
}

TEST(AccentRereadTest, SpanOfALineWithoutWordsIsTheLine) {
  OcrLine line;
  line.text = "80331 Munchen";
  size_t begin = 99, end = 99;
  LatinSpan(line, "DE", kSure, &begin, &end);
  EXPECT_EQ(begin, 0u);
  EXPECT_EQ(end, line.text.size());
}

// A 200 x 40 picture whose every pixel is its column, and a line at
// (10, 10), 180 x 20 of three words: "Jan" 10..60, "Novak" 80..140, "PR" 160..190.
GrayPixels Columns(OcrLine* line) {
  GrayPixels p;
  p.width = 200;
  p.height = 40;
  for (int y = 0; y < p.height; ++y) {
    for (int x = 0; x < p.width; ++x) p.data.push_back(static_cast<uint8_t>(x));
  }
  *line = Line("Jan Novak PR", {0.96, 0.5, 0.96});
  line->x = 10;
  line->y = 10;
  line->w = 180;
  line->h = 20;
  const int xs[] = {10, 80, 160}, ws[] = {50, 60, 30};
  for (size_t i = 0; i < 3; ++i) {
    line->words[i].x = xs[i];
    line->words[i].w = ws[i];
    line->words[i].y = 10;
    line->words[i].h = 20;
  }
  return p;
}

TEST(AccentRereadTest, SpanPictureIsCutInTheGapsToItsNeighbours) {
  OcrLine line;
  GrayPixels p = Columns(&line);
  GrayPixels novak = SpanPicture(p, line, 4, 9);
  ASSERT_EQ(novak.width, 80);   // columns 70 (60..80) to 150 (140..160)
  EXPECT_EQ(novak.height, 30);  // SubPicture's rows: 10 - 5 to 30 + 5
  EXPECT_EQ(novak.data.front(), 70);
  EXPECT_EQ(novak.data.back(), 149);
  // At the line's ends, SubPicture's padding.
  GrayPixels jan_novak = SpanPicture(p, line, 0, 9);
  ASSERT_EQ(jan_novak.width, 145);
  EXPECT_EQ(jan_novak.data.front(), 5);
  GrayPixels pr = SpanPicture(p, line, 10, 12);
  ASSERT_EQ(pr.width, 45);
  EXPECT_EQ(pr.data.back(), 194);
}

TEST(AccentRereadTest, SpanPictureNeedsTheWordsBoxes) {
  OcrLine line;
  GrayPixels p = Columns(&line);
  line.words[0].w = 0;
  EXPECT_EQ(SpanPicture(p, line, 4, 9).width, 0);
}

}  // namespace
}  // namespace parcelproof
