// Caller authentication and authorisation for juesuan gRPC servers.
//
// A callers file maps credentials to caller identities and each identity to
// the methods it may call. One entry per line, '#' starts a comment:
//
//   token <identity> <sha256-hex of the token> <methods>
//   cert  <identity> <certificate common name>  <methods>
//
// <methods> is a comma-separated list of full method names
// ("/juesuan.parse.v1.ParseService/ParseDocument"), service wildcards
// ("/juesuan.parse.v1.ParseService/*") or "*" for every method. The file
// holds token hashes only (`printf %s "$TOKEN" | sha256sum`), never tokens.
//
// On each call:
//   - grpc.health.v1.Health is always allowed (probes carry no credentials);
//   - "authorization: Bearer <token>" is hashed and compared with every token
//     entry in constant time; an unknown token is UNAUTHENTICATED (a bad token
//     never falls back to the certificate);
//   - without a token, a verified client certificate (mTLS) whose common name
//     matches a cert entry identifies the caller;
//   - otherwise UNAUTHENTICATED; an identity not allowed the method is
//     PERMISSION_DENIED.
// Each authenticated call is logged with its identity, method and
// x-request-id (msg="caller authenticated"); the token is consumed, so
// handlers never see it. Rejections are logged with the method and reason;
// tokens are never logged.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <grpcpp/security/auth_context.h>
#include <grpcpp/security/auth_metadata_processor.h>

#include "absl/status/statusor.h"

namespace juesuan {

struct CallerEntry {
  enum class Kind { kToken, kCertificate };
  Kind kind = Kind::kToken;
  std::string identity;
  std::array<uint8_t, 32> token_sha256{};  // kToken
  std::string common_name;                 // kCertificate
  std::vector<std::string> methods;        // full names, "/svc/*" or "*"
};

class CallerAuthenticator final : public grpc::AuthMetadataProcessor {
 public:
  explicit CallerAuthenticator(std::vector<CallerEntry> entries);

  // Parses a callers file (format above). INVALID_ARGUMENT names the line.
  static absl::StatusOr<std::vector<CallerEntry>> ParseCallers(std::string_view text);
  static absl::StatusOr<std::shared_ptr<CallerAuthenticator>> FromFile(
      const std::string& path);

  // Checks are in-memory and cheap: run them inline on the call's thread.
  bool IsBlocking() const override { return false; }

  grpc::Status Process(const InputMetadata& auth_metadata, grpc::AuthContext* context,
                       OutputMetadata* consumed_auth_metadata,
                       OutputMetadata* response_metadata) override;

  // The decision alone, for tests: the identity, or UNAUTHENTICATED /
  // PERMISSION_DENIED. `bearer_token` empty means none was sent;
  // `certificate_common_name` empty means no verified client certificate.
  absl::StatusOr<std::string> Authorize(std::string_view method,
                                        std::string_view authorization_header,
                                        std::string_view certificate_common_name) const;

  size_t size() const { return entries_.size(); }

 private:
  const CallerEntry* FindToken(std::string_view token) const;
  const CallerEntry* FindCertificate(std::string_view common_name) const;

  std::vector<CallerEntry> entries_;
};

// SHA-256 of `data` as 64 lower-case hex digits (for writing callers files).
std::string Sha256Hex(std::string_view data);

}  // namespace juesuan
