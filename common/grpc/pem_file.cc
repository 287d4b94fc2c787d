#include "common/grpc/pem_file.h"

#include <fstream>
#include <sstream>

namespace juesuan {

absl::StatusOr<std::string> ReadPemFile(const std::string& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(what + ": cannot read '" + path + "'");
  std::ostringstream contents;
  contents << in.rdbuf();
  if (contents.str().find("-----BEGIN") == std::string::npos) {
    return absl::InvalidArgumentError(what + ": '" + path + "' holds no PEM block");
  }
  return contents.str();
}

}  // namespace juesuan
