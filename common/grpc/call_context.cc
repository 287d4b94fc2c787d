#include "common/grpc/call_context.h"

#include <chrono>
#include <cstdint>
#include <random>
#include <string_view>

#include <fmt/format.h>

namespace juesuan {

absl::Time CallDeadline(const grpc::CallbackServerContext& context) {
  const auto deadline = context.deadline();
  // Anything beyond a century is "no deadline"; converting it could overflow.
  if (deadline >= std::chrono::system_clock::now() + std::chrono::hours(24 * 365 * 100)) {
    return absl::InfiniteFuture();
  }
  return absl::FromChrono(deadline);
}

std::string CallRequestId(const grpc::CallbackServerContext& context) {
  const auto& metadata = context.client_metadata();
  const auto it = metadata.find("x-request-id");
  if (it == metadata.end()) return "-";
  std::string id;
  for (char c : std::string_view(it->second.data(), it->second.size())) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                      (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    if (safe && id.size() < 64) id.push_back(c);
  }
  return id.empty() ? "-" : id;
}

std::string CallRequestIdOrNew(const grpc::CallbackServerContext& context) {
  std::string id = CallRequestId(context);
  if (id != "-") return id;
  thread_local std::mt19937_64 generator{std::random_device{}()};
  return fmt::format("{:016x}", generator());
}

}  // namespace juesuan
