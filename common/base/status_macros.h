// Status propagation helpers. Debian's Abseil 20220623 ships no
// status_macros.h, so the project keeps its own two macros here.
#pragma once

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define JUESUAN_CONCAT_INNER(a, b) a##b
#define JUESUAN_CONCAT(a, b) JUESUAN_CONCAT_INNER(a, b)

// Returns from the enclosing function when `expr` is not OK.
#define RETURN_IF_ERROR(expr)                  \
  do {                                         \
    const ::absl::Status _status = (expr);     \
    if (!_status.ok()) return _status;         \
  } while (0)

// `ASSIGN_OR_RETURN(auto x, MakeX());` — declares/assigns on success,
// returns the error otherwise.
#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL(JUESUAN_CONCAT(_statusor_, __LINE__), lhs, expr)
#define ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                          \
  if (!tmp.ok()) return tmp.status();         \
  lhs = *std::move(tmp)

#include <string_view>
#include "absl/strings/string_view.h"

namespace juesuan {
// Debian's Abseil has its own absl::string_view (no implicit conversion from
// std::string_view); use this where an Abseil API wants one.
inline absl::string_view ToAbsl(std::string_view s) { return {s.data(), s.size()}; }
}  // namespace juesuan
