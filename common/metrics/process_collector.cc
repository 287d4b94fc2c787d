#include "common/metrics/process_collector.h"

#include <dirent.h>
#include <sys/resource.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

namespace juesuan::metrics {
namespace {

// The fields of /proc/self/stat this collector needs, in kernel units.
struct ProcStat {
  unsigned long long utime_ticks = 0;
  unsigned long long stime_ticks = 0;
  unsigned long long start_ticks_since_boot = 0;
  unsigned long long vsize_bytes = 0;
  long long rss_pages = 0;
};

bool ReadProcStat(ProcStat* out) {
  std::ifstream in("/proc/self/stat");
  std::string line;
  if (!std::getline(in, line)) return false;
  // The command name (field 2) may contain spaces; fields after it start
  // behind the last ')'.
  const size_t close = line.rfind(')');
  if (close == std::string::npos) return false;
  std::istringstream fields(line.substr(close + 2));
  std::vector<std::string> f{std::istream_iterator<std::string>(fields), {}};
  // f[0] is field 3 (state); field N is f[N - 3].
  if (f.size() < 22) return false;
  out->utime_ticks = std::stoull(f[14 - 3]);
  out->stime_ticks = std::stoull(f[15 - 3]);
  out->start_ticks_since_boot = std::stoull(f[22 - 3]);
  out->vsize_bytes = std::stoull(f[23 - 3]);
  out->rss_pages = std::stoll(f[24 - 3]);
  return true;
}

long long BootTimeSeconds() {
  std::ifstream in("/proc/stat");
  std::string key;
  while (in >> key) {
    if (key == "btime") {
      long long value = 0;
      in >> value;
      return value;
    }
    in.ignore(1 << 20, '\n');
  }
  return 0;
}

int CountOpenFds() {
  DIR* dir = opendir("/proc/self/fd");
  if (dir == nullptr) return 0;
  int count = 0;
  while (dirent* entry = readdir(dir)) {
    if (entry->d_name[0] != '.') ++count;
  }
  closedir(dir);
  return count - 1;  // the descriptor opendir itself holds
}

prometheus::MetricFamily Family(const std::string& name, const std::string& help,
                                prometheus::MetricType type, double value) {
  prometheus::ClientMetric metric;
  if (type == prometheus::MetricType::Counter) {
    metric.counter.value = value;
  } else {
    metric.gauge.value = value;
  }
  return prometheus::MetricFamily{name, help, type, {metric}};
}

}  // namespace

std::vector<prometheus::MetricFamily> ProcessCollector::Collect() const {
  using prometheus::MetricType;
  std::vector<prometheus::MetricFamily> families;
  ProcStat stat;
  if (ReadProcStat(&stat)) {
    const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
    const double page = static_cast<double>(sysconf(_SC_PAGESIZE));
    families.push_back(Family("process_cpu_seconds_total",
                              "Total user and system CPU time spent in seconds.",
                              MetricType::Counter,
                              (stat.utime_ticks + stat.stime_ticks) / ticks));
    families.push_back(Family("process_resident_memory_bytes",
                              "Resident memory size in bytes.", MetricType::Gauge,
                              stat.rss_pages * page));
    families.push_back(Family("process_virtual_memory_bytes",
                              "Virtual memory size in bytes.", MetricType::Gauge,
                              static_cast<double>(stat.vsize_bytes)));
    families.push_back(Family("process_start_time_seconds",
                              "Start time of the process since unix epoch in seconds.",
                              MetricType::Gauge,
                              BootTimeSeconds() + stat.start_ticks_since_boot / ticks));
  }
  families.push_back(Family("process_open_fds", "Number of open file descriptors.",
                            MetricType::Gauge, CountOpenFds()));
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
    families.push_back(Family("process_max_fds",
                              "Maximum number of open file descriptors.",
                              MetricType::Gauge, static_cast<double>(limit.rlim_cur)));
  }
  return families;
}

}  // namespace juesuan::metrics
