// Settings that clients and servers must agree on, kept in one place
// (NOTES C.3 #2 and #3: message size must be raised on both sides; client
// keepalive must not ping faster than the server permits).
#pragma once

#include <cstdint>

namespace juesuan::grpc_limits {

// Documents up to 64 MiB plus room for the request envelope.
inline constexpr int64_t kMaxDocumentBytes = int64_t{64} << 20;
inline constexpr int64_t kMessageOverheadBytes = int64_t{1} << 20;
inline constexpr int64_t kDefaultMaxMessageBytes = kMaxDocumentBytes + kMessageOverheadBytes;

// Server: accept client pings every 10 s, even between calls.
inline constexpr int kServerMinRecvPingIntervalMs = 10'000;
// Server: ping idle clients every 2 min, drop them after 20 s without answer.
inline constexpr int kServerKeepaliveTimeMs = 120'000;
inline constexpr int kServerKeepaliveTimeoutMs = 20'000;
// Server: send GOAWAY after 5 min so clients re-resolve and spread over new
// pods; in-flight calls then get 1 min to finish.
inline constexpr int kMaxConnectionAgeMs = 300'000;
inline constexpr int kMaxConnectionAgeGraceMs = 60'000;

// Client: ping every 30 s (>= the server's 10 s minimum), 10 s timeout.
inline constexpr int kClientKeepaliveTimeMs = 30'000;
inline constexpr int kClientKeepaliveTimeoutMs = 10'000;

// Client: after a backend disappears, retry the connection after 100 ms,
// backing off to at most 1 s (gRPC's default grows to 120 s), so a restarted
// backend is used again within about a second of coming back.
inline constexpr int kClientInitialReconnectBackoffMs = 100;
inline constexpr int kClientMaxReconnectBackoffMs = 1'000;

}  // namespace juesuan::grpc_limits
