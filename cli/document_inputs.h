// The documents `juesuan analyze` is given: files named on the command line
// are always taken; folders are walked recursively and yield the files that
// are documents by extension (.pdf .docx .txt .text) or by content (a PDF or
// DOCX signature), so a corpus folder's meta.json files are left out.
#pragma once

#include <string>
#include <vector>

namespace juesuan::cli {

struct DocumentInput {
  std::string path;   // to open
  std::string name;   // to show: the path given, or relative to the folder given
};

struct CollectedInputs {
  std::vector<DocumentInput> documents;   // sorted by name within each argument
  std::vector<std::string> problems;      // arguments that do not exist, unreadable folders
  int skipped_files = 0;                  // files in folders that are not documents
};

CollectedInputs CollectDocuments(const std::vector<std::string>& arguments);

// True when `path`'s extension or first bytes say it is a document.
bool LooksLikeDocument(const std::string& path);

}  // namespace juesuan::cli
