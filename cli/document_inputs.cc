#include "cli/document_inputs.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace juesuan::cli {
namespace fs = std::filesystem;
namespace {

std::string LowerExtension(const fs::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension;
}

void WalkFolder(const fs::path& root, const std::string& shown_root, CollectedInputs& out) {
  std::error_code error;
  std::vector<DocumentInput> found;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied,
                                      error);
  if (error) {
    out.problems.push_back(shown_root + ": " + error.message());
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (error) {
      out.problems.push_back(shown_root + ": " + error.message());
      break;
    }
    const fs::path& path = it->path();
    if (path.filename().string().rfind('.', 0) == 0) {  // hidden files and folders
      if (it->is_directory(error)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(error)) continue;
    if (!LooksLikeDocument(path.string())) {
      ++out.skipped_files;
      continue;
    }
    const std::string relative = fs::relative(path, root, error).string();
    found.push_back({path.string(), (fs::path(shown_root) / relative).lexically_normal().string()});
  }
  std::sort(found.begin(), found.end(),
            [](const DocumentInput& a, const DocumentInput& b) { return a.name < b.name; });
  out.documents.insert(out.documents.end(), found.begin(), found.end());
}

}  // namespace

bool LooksLikeDocument(const std::string& path) {
  const std::string extension = LowerExtension(fs::path(path));
  if (extension == ".pdf" || extension == ".docx" || extension == ".txt" ||
      extension == ".text") {
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  char head[5] = {};
  in.read(head, sizeof head);
  const std::string magic(head, static_cast<size_t>(in.gcount()));
  return magic.rfind("%PDF-", 0) == 0 || magic.rfind("PK\x03\x04", 0) == 0;
}

CollectedInputs CollectDocuments(const std::vector<std::string>& arguments) {
  CollectedInputs out;
  for (const std::string& argument : arguments) {
    std::error_code error;
    const fs::file_status status = fs::status(argument, error);
    if (error || !fs::exists(status)) {
      // Kept as a document so the run reports it like any other failure.
      out.documents.push_back({argument, argument});
    } else if (fs::is_directory(status)) {
      WalkFolder(argument, fs::path(argument).lexically_normal().filename().empty()
                               ? fs::path(argument).lexically_normal().parent_path().filename().string()
                               : fs::path(argument).lexically_normal().filename().string(),
                 out);
    } else {
      out.documents.push_back({argument, argument});
    }
  }
  return out;
}

}  // namespace juesuan::cli
