// `juesuan analyze` run as a process over a folder built like a bureau's
// inbox: corpus documents under Chinese names with spaces and full-width
// characters, nested folders, a non-document file and one garbage file.
#include <filesystem>
#include <fstream>
#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/e2e/process.h"

namespace {

namespace fs = std::filesystem;
using juesuan::testing::CommandResult;
using juesuan::testing::MakeTempDir;
using juesuan::testing::ReadFileOrEmpty;
using juesuan::testing::RunCommand;

const std::string kShared = JUESUAN_SHARED_DIR;

// The documents copied into the inbox, by the name they get there.
struct Inbox {
  std::string root;
  std::vector<std::string> documents;  // names relative to the inbox folder
  std::string garbage;                 // relative name of the undecodable file
};

Inbox BuildInbox() {
  Inbox inbox;
  inbox.root = MakeTempDir() + "/收件箱 2024";
  fs::create_directories(inbox.root + "/区财政局（第二批）");
  const std::vector<std::pair<std::string, std::string>> copies = {
      {kShared + "/seed/000_0d0d50dd571d51d1.txt", "普陀区 某部门 2024年度部门决算.txt"},
      {kShared + "/corpus/003/text.txt", "区财政局（第二批）/中共 普陀区委　社会工作部（全角空格）.txt"},
      {kShared + "/corpus/004/text.txt", "区财政局（第二批）/２０２４年 财政局 决算.txt"},
  };
  for (const auto& [from, to] : copies) {
    fs::copy_file(from, inbox.root + "/" + to);
    inbox.documents.push_back(to);
  }
  // Not a document by extension or content: left out, and said so.
  std::ofstream(inbox.root + "/说明.json") << "{\"note\": \"not a document\"}";
  inbox.garbage = "区财政局（第二批）/损坏 文件.txt";
  std::ofstream garbage(inbox.root + "/" + inbox.garbage, std::ios::binary);
  for (int i = 0; i < 4096; ++i) garbage.put(static_cast<char>((i * 7919) % 256));
  inbox.documents.push_back(inbox.garbage);
  return inbox;
}

CommandResult Analyze(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {JUESUAN_CLI_BINARY, "analyze"};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv, absl::Seconds(240));
}

TEST(CliAnalyzeTest, EveryDocumentOfAFolderGetsALineAndTheGarbageAnErrorRecord) {
  const Inbox inbox = BuildInbox();
  const CommandResult run = Analyze({inbox.root, "--jobs", "2"});
  ASSERT_FALSE(run.timed_out);
  EXPECT_EQ(run.exit_code, 1) << "a document failed\n" << run.out << run.err;
  const std::string folder = fs::path(inbox.root).filename().string();
  for (const std::string& document : inbox.documents) {
    EXPECT_NE(run.out.find("== " + folder + "/" + document + " =="), std::string::npos)
        << document << "\n" << run.out;
  }
  EXPECT_NE(run.out.find("FAILED INVALID_ARGUMENT"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("4 documents: 3 analysed, 1 failed"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("说明.json"), std::string::npos);
  EXPECT_NE(run.err.find("1 files in the folders given are not documents"), std::string::npos);
  // Not a TTY: one plain progress line per document.
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 5) << run.err;
}

TEST(CliAnalyzeTest, JsonLinesCarryOneRecordPerDocument) {
  const Inbox inbox = BuildInbox();
  const CommandResult run = Analyze({inbox.root, "--format", "json"});
  ASSERT_FALSE(run.timed_out);
  EXPECT_EQ(run.exit_code, 1);
  std::istringstream lines(run.out);
  std::string line;
  int analysed = 0, errors = 0;
  while (std::getline(lines, line)) {
    const nlohmann::json record = nlohmann::json::parse(line);
    if (record.contains("analysis")) {
      ++analysed;
      EXPECT_EQ(record["analysis"]["stages"].size(), 3u);
    } else {
      ++errors;
      EXPECT_NE(record["document"].get<std::string>().find("损坏 文件"), std::string::npos);
      EXPECT_EQ(record["error"]["code"], "INVALID_ARGUMENT");
    }
  }
  EXPECT_EQ(analysed, 3);
  EXPECT_EQ(errors, 1);
}

// The exit status follows the findings: 0 without error findings, 3 with.
TEST(CliAnalyzeTest, ExitStatusOfACleanRunFollowsTheErrorFindings) {
  const std::string seed = kShared + "/seed/000_0d0d50dd571d51d1.txt";
  const CommandResult json = Analyze({seed, "--format", "json"});
  ASSERT_FALSE(json.timed_out);
  const nlohmann::json record = nlohmann::json::parse(json.out);
  ASSERT_TRUE(record.contains("analysis")) << json.out;
  int errors = 0;
  const auto count = [&](const nlohmann::json& findings) {
    for (const auto& finding : findings) errors += finding.value("severity", "") == "SEVERITY_ERROR";
  };
  count(record["analysis"]["validation"].value("findings", nlohmann::json::array()));
  for (const auto& table : record["analysis"]["scoring"].value("tables", nlohmann::json::array())) {
    count(table.value("findings", nlohmann::json::array()));
  }
  EXPECT_EQ(json.exit_code, errors > 0 ? 3 : 0) << errors << " error findings";
  const CommandResult text = Analyze({seed});
  EXPECT_EQ(text.exit_code, json.exit_code);
  EXPECT_NE(text.out.find(std::to_string(errors) + " errors"), std::string::npos) << text.out;
}

TEST(CliAnalyzeTest, CsvHasAByteOrderMarkAndOneRowPerFinding) {
  const Inbox inbox = BuildInbox();
  const std::string out = MakeTempDir() + "/报告 输出";
  const CommandResult run = Analyze({inbox.root, "--format", "csv", "--output", out});
  ASSERT_FALSE(run.timed_out);
  const std::string csv = ReadFileOrEmpty(out + "/findings.csv");
  ASSERT_GE(csv.size(), 3u);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.find("document,rule,severity,message,page,line,quote\r\n"), 3u);
  EXPECT_NE(csv.find("损坏 文件.txt,,failed,INVALID_ARGUMENT"), std::string::npos) << csv;
  // Summary on stdout when the reports go to files.
  EXPECT_NE(run.out.find("4 documents"), std::string::npos);
}

TEST(CliAnalyzeTest, HtmlWritesOnePagePerDocumentAndAnIndex) {
  const Inbox inbox = BuildInbox();
  const std::string out = MakeTempDir() + "/html";
  const CommandResult run = Analyze({inbox.root, "--format", "html", "--output", out});
  ASSERT_FALSE(run.timed_out);
  const std::string index = ReadFileOrEmpty(out + "/index.html");
  int pages = 0;
  for (const auto& entry : fs::directory_iterator(out)) {
    pages += entry.path().extension() == ".html" && entry.path().filename() != "index.html";
  }
  EXPECT_EQ(pages, 4);
  EXPECT_NE(index.find("FAILED INVALID_ARGUMENT"), std::string::npos);
  EXPECT_EQ(index.find("http://"), std::string::npos) << "no external resources";
  EXPECT_EQ(index.find("https://"), std::string::npos) << "no external resources";
}

TEST(CliAnalyzeTest, MissingFileIsAnErrorRecordNotAnAbort) {
  const std::string seed = kShared + "/seed/000_0d0d50dd571d51d1.txt";
  const CommandResult run = Analyze({seed, "/nonexistent/文件 一.pdf"});
  EXPECT_EQ(run.exit_code, 1) << run.out << "\nstderr:\n" << run.err;
  EXPECT_NE(run.out.find("FAILED NOT_FOUND"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("2 documents: 1 analysed, 1 failed"), std::string::npos) << run.out;
}

}  // namespace
