// Compiled into each service binary built with tcmalloc
// (juesuan_service_allocator): bounds the memory tcmalloc's per-thread caches
// may hold, all threads together, before the first request.
//
// Why: by default they may grow to 32 MB. juesuan-parse's resident memory
// rose 1.4 MB over its first thousand seed parses while the caches of its
// worker and gRPC threads filled, and went on creeping after that; bounded
// to 1 MB it stays within 0.3 MB over the thousand, at no throughput cost
// that bench/load/parse_service_rss.sh can measure (about 500 parses/s
// either way).
#include <gperftools/malloc_extension.h>

namespace {

constexpr size_t kThreadCacheBytes = size_t{1} << 20;

[[maybe_unused]] const bool kThreadCachesBounded = MallocExtension::instance()->SetNumericProperty(
    "tcmalloc.max_total_thread_cache_bytes", kThreadCacheBytes);

}  // namespace
