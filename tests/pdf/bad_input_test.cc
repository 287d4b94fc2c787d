// Broken and hostile PDF/DOCX input: a precise status each, no crash, no hang.
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/pdf/pdf_test_support.h"

namespace juesuan::parse::testing {
namespace {

using ::testing::HasSubstr;

void ExpectError(const absl::StatusOr<report::v1::Report>& r, absl::StatusCode code,
                 std::string_view message) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), code) << r.status();
  EXPECT_THAT(std::string(r.status().message()), HasSubstr(std::string(message)));
}

TEST(BadPdf, Truncated) {
  const std::string pdf = ReadFileOrDie(CorpusPdfPath("003"));
  ExpectError(ParseBytes(pdf.substr(0, pdf.size() / 2)), absl::StatusCode::kInvalidArgument,
              "PDF is truncated: no %%EOF marker");
}

TEST(BadPdf, DamagedBody) {
  ExpectError(ParseBytes("%PDF-1.7\nnothing here\n%%EOF\n"), absl::StatusCode::kInvalidArgument,
              "PDF is damaged");
}

TEST(BadPdf, EncryptedWithPassword) {
  ExpectError(ParseBytes(ReadFileOrDie(FixturePath("encrypted.pdf"))),
              absl::StatusCode::kFailedPrecondition, "encrypted with a password");
}

TEST(BadPdf, NoTextLayer) {
  ExpectError(ParseBytes(ReadFileOrDie(FixturePath("image_only.pdf"))),
              absl::StatusCode::kFailedPrecondition, "no text layer on any of its 1 pages");
}

TEST(BadPdf, TooManyPages) {
  const absl::Time start = absl::Now();
  ExpectError(ParseBytes(MakePlainPdf(2000)), absl::StatusCode::kResourceExhausted,
              "PDF has 2000 pages; the limit is 500 pages");
  EXPECT_LT(absl::Now() - start, absl::Seconds(10));
}

// Pages read in turn, or in runs on several threads: every thread stops.
TEST(BadPdf, DeadlineHonouredBetweenPages) {
  const std::string pdf = MakePlainPdf(2000);
  for (uint32_t threads : {1u, 3u}) {
    ParseOptions options;
    options.max_pdf_pages = 5000;
    options.pdf_page_threads = threads;
    options.deadline = absl::Now() + absl::Milliseconds(50);
    const absl::Time start = absl::Now();
    ExpectError(ParseBytes(pdf, options), absl::StatusCode::kDeadlineExceeded,
                "while reading PDF page");
    EXPECT_LT(absl::Now() - start, absl::Seconds(5)) << threads << " threads";
  }
}

TEST(BadPdf, ManyPagesWithinLimitRead) {
  ParseOptions options;
  options.max_pdf_pages = 5000;
  // Plain pages are no 决算 disclosure, but they are read, not refused.
  ExpectError(ParseBytes(MakePlainPdf(2000), options), absl::StatusCode::kInvalidArgument,
              "not a 决算 disclosure");
}

TEST(BadPdf, PdfNamedFileThatIsText) {
  // A ".pdf" whose bytes are text is text: the format comes from the bytes.
  auto r = ParseBytes(ReadFileOrDie(std::string(JUESUAN_SHARED_DIR) + "/corpus/001/text.txt"));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->document().format(), report::v1::FORMAT_TEXT);
  ExpectError(ParseBytes("This file claims to be a PDF but is plain text.\n"),
              absl::StatusCode::kInvalidArgument, "not a 决算 disclosure");
}

TEST(BadDocx, ZipBomb) {
  const absl::Time start = absl::Now();
  ExpectError(ParseBytes(ReadFileOrDie(FixturePath("bomb.docx"))),
              absl::StatusCode::kResourceExhausted, "the limit is 268435456 bytes");
  EXPECT_LT(absl::Now() - start, absl::Seconds(10));
}

TEST(BadDocx, DeeplyNestedXml) {
  ExpectError(ParseBytes(ReadFileOrDie(FixturePath("deep.docx"))),
              absl::StatusCode::kInvalidArgument, "nests elements deeper than 256 levels");
}

TEST(BadDocx, TruncatedZip) {
  const std::string docx = ReadFileOrDie(FixturePath("merged.docx"));
  ExpectError(ParseBytes(docx.substr(0, docx.size() / 2)), absl::StatusCode::kInvalidArgument,
              "DOCX is not a readable zip archive");
}

TEST(BadDocx, ZipWithoutDocument) {
  // An empty zip archive: end-of-central-directory record only... preceded
  // by a local header signature so that it is detected as a zip.
  std::string zip("PK\x03\x04", 4);
  ExpectError(ParseBytes(zip), absl::StatusCode::kInvalidArgument, "DOCX");
}

}  // namespace
}  // namespace juesuan::parse::testing
