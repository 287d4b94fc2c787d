#include "common/grpc/caller_auth.h"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <fstream>
#include <sstream>
#include <utility>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <grpc/grpc_security_constants.h>

namespace juesuan {
namespace {

constexpr std::string_view kHealthServicePrefix = "/grpc.health.v1.Health/";
constexpr std::string_view kBearerPrefix = "Bearer ";

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
    if (lower(text[i]) != lower(prefix[i])) return false;
  }
  return true;
}

// Non-empty pieces of `text` between any of `separators`.
std::vector<std::string> Split(std::string_view text, std::string_view separators) {
  std::vector<std::string> pieces;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find_first_of(separators, begin);
    if (end == std::string_view::npos) end = text.size();
    if (end > begin) pieces.emplace_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return pieces;
}

std::array<uint8_t, 32> Sha256(std::string_view data) {
  std::array<uint8_t, 32> digest{};
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest.data());
  return digest;
}

bool ParseHexDigest(std::string_view hex, std::array<uint8_t, 32>& out) {
  if (hex.size() != 64) return false;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (size_t i = 0; i < 32; ++i) {
    const int high = nibble(hex[2 * i]);
    const int low = nibble(hex[2 * i + 1]);
    if (high < 0 || low < 0) return false;
    out[i] = static_cast<uint8_t>(high * 16 + low);
  }
  return true;
}

bool MethodAllowed(const CallerEntry& entry, std::string_view method) {
  for (const std::string& pattern : entry.methods) {
    if (pattern == "*" || pattern == method) return true;
    if (pattern.size() >= 2 && pattern.back() == '*' &&
        method.substr(0, pattern.size() - 1) == std::string_view(pattern).substr(0, pattern.size() - 1)) {
      return true;
    }
  }
  return false;
}

// Keeps log lines parseable whatever a client puts in a peer or path.
std::string LogSafe(std::string_view text) {
  std::string safe;
  for (char c : text.substr(0, 200)) {
    safe.push_back((c > ' ' && c < 127 && c != '"') ? c : '_');
  }
  return safe.empty() ? "-" : safe;
}

absl::StatusOr<CallerEntry> ParseLine(const std::vector<std::string>& fields, size_t line) {
  auto invalid = [line](std::string_view why) {
    return absl::InvalidArgumentError(fmt::format("callers file line {}: {}", line, why));
  };
  if (fields.size() != 4) {
    return invalid("expected '<token|cert> <identity> <credential> <methods>'");
  }
  CallerEntry entry;
  entry.identity = fields[1];
  if (fields[0] == "token") {
    entry.kind = CallerEntry::Kind::kToken;
    if (!ParseHexDigest(fields[2], entry.token_sha256)) {
      return invalid("the credential of a token entry must be its SHA-256 (64 hex digits)");
    }
  } else if (fields[0] == "cert") {
    entry.kind = CallerEntry::Kind::kCertificate;
    entry.common_name = fields[2];
  } else {
    return invalid("the first field must be 'token' or 'cert'");
  }
  for (const std::string& method : Split(fields[3], ",")) {
    if (method != "*" && !StartsWith(method, "/")) {
      return invalid("methods are '*', '/package.Service/*' or '/package.Service/Method'");
    }
    entry.methods.emplace_back(method);
  }
  return entry;
}

}  // namespace

std::string Sha256Hex(std::string_view data) {
  std::string hex;
  for (uint8_t byte : Sha256(data)) hex += fmt::format("{:02x}", byte);
  return hex;
}

CallerAuthenticator::CallerAuthenticator(std::vector<CallerEntry> entries)
    : entries_(std::move(entries)) {}

absl::StatusOr<std::vector<CallerEntry>> CallerAuthenticator::ParseCallers(
    std::string_view text) {
  std::vector<CallerEntry> entries;
  size_t line_number = 0;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    begin = end + 1;
    ++line_number;
    const size_t comment = line.find('#');
    if (comment != std::string_view::npos) line = line.substr(0, comment);
    const std::vector<std::string> fields = Split(line, " \t\r");
    if (fields.empty()) continue;
    absl::StatusOr<CallerEntry> entry = ParseLine(fields, line_number);
    if (!entry.ok()) return entry.status();
    entries.push_back(*std::move(entry));
  }
  return entries;
}

absl::StatusOr<std::shared_ptr<CallerAuthenticator>> CallerAuthenticator::FromFile(
    const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError("cannot read callers file '" + path + "'");
  std::ostringstream text;
  text << in.rdbuf();
  absl::StatusOr<std::vector<CallerEntry>> entries = ParseCallers(text.str());
  if (!entries.ok()) {
    return absl::InvalidArgumentError(path + ": " + std::string(entries.status().message()));
  }
  return std::make_shared<CallerAuthenticator>(*std::move(entries));
}

// Every token entry is compared (no early exit), so the time taken does not
// depend on which entry, if any, matched.
const CallerEntry* CallerAuthenticator::FindToken(std::string_view token) const {
  const std::array<uint8_t, 32> presented = Sha256(token);
  const CallerEntry* match = nullptr;
  for (const CallerEntry& entry : entries_) {
    if (entry.kind != CallerEntry::Kind::kToken) continue;
    const bool equal =
        CRYPTO_memcmp(presented.data(), entry.token_sha256.data(), presented.size()) == 0;
    if (equal && match == nullptr) match = &entry;
  }
  return match;
}

const CallerEntry* CallerAuthenticator::FindCertificate(std::string_view common_name) const {
  if (common_name.empty()) return nullptr;
  for (const CallerEntry& entry : entries_) {
    if (entry.kind == CallerEntry::Kind::kCertificate && entry.common_name == common_name) {
      return &entry;
    }
  }
  return nullptr;
}

absl::StatusOr<std::string> CallerAuthenticator::Authorize(
    std::string_view method, std::string_view authorization_header,
    std::string_view certificate_common_name) const {
  const CallerEntry* caller = nullptr;
  if (!authorization_header.empty()) {
    if (!StartsWithIgnoreCase(authorization_header, kBearerPrefix)) {
      return absl::UnauthenticatedError("the authorization header must be 'Bearer <token>'");
    }
    caller = FindToken(authorization_header.substr(kBearerPrefix.size()));
    if (caller == nullptr) return absl::UnauthenticatedError("unknown bearer token");
  } else {
    caller = FindCertificate(certificate_common_name);
    if (caller == nullptr) {
      return absl::UnauthenticatedError(
          "credentials required: a bearer token or a known client certificate");
    }
  }
  if (!MethodAllowed(*caller, method)) {
    return absl::PermissionDeniedError(
        fmt::format("caller '{}' may not call {}", caller->identity, LogSafe(method)));
  }
  return caller->identity;
}

grpc::Status CallerAuthenticator::Process(const InputMetadata& auth_metadata,
                                          grpc::AuthContext* context,
                                          OutputMetadata* consumed_auth_metadata,
                                          OutputMetadata* /*response_metadata*/) {
  auto value_of = [&auth_metadata](std::string_view key) -> std::string_view {
    const auto it = auth_metadata.find(grpc::string_ref(key.data(), key.size()));
    if (it == auth_metadata.end()) return {};
    return std::string_view(it->second.data(), it->second.size());
  };
  const std::string_view method = value_of(":path");
  if (StartsWith(method, kHealthServicePrefix)) return grpc::Status::OK;

  const std::string_view authorization = value_of("authorization");
  if (!authorization.empty()) {
    consumed_auth_metadata->emplace("authorization", std::string(authorization));
  }
  std::string common_name;
  if (context->IsPeerAuthenticated()) {
    const auto names = context->FindPropertyValues(GRPC_X509_CN_PROPERTY_NAME);
    if (!names.empty()) common_name.assign(names.front().data(), names.front().size());
  }
  const absl::StatusOr<std::string> identity =
      Authorize(method, authorization, common_name);
  if (!identity.ok()) {
    spdlog::warn("msg=\"call refused\" code={} method={} certificate_cn={} reason=\"{}\"",
                 absl::StatusCodeToString(identity.status().code()), LogSafe(method),
                 LogSafe(common_name), std::string(identity.status().message()));
    return grpc::Status(static_cast<grpc::StatusCode>(identity.status().code()),
                        std::string(identity.status().message()));
  }
  // The auth context is shared by every call of the connection, so the
  // identity is logged here, per call, with the request id for correlation
  // (storing it in the context would mix up concurrent callers).
  spdlog::info("msg=\"caller authenticated\" caller={} method={} request_id={}",
               LogSafe(*identity), LogSafe(method), LogSafe(value_of("x-request-id")));
  return grpc::Status::OK;
}

}  // namespace juesuan
