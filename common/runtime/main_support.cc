#include "common/runtime/main_support.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <exception>
#include <fstream>

#include <prometheus/exposer.h>
#include <spdlog/spdlog.h>

#include "common/metrics/build_info.h"
#include "common/metrics/process_collector.h"

namespace juesuan {
namespace {

sigset_t TerminationSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  return signals;
}

absl::StatusOr<std::unique_ptr<prometheus::Exposer>> StartExposer(
    const std::string& address) {
  try {
    return std::make_unique<prometheus::Exposer>(address);
  } catch (const std::exception& e) {
    return absl::UnavailableError("cannot serve /metrics on '" + address + "': " + e.what());
  }
}

int FirstPort(const prometheus::Exposer& exposer) {
  const std::vector<int> ports = exposer.GetListeningPorts();
  return ports.empty() ? 0 : ports.front();
}

bool AnnouncePort(const std::string& path, int port) {
  if (path.empty()) return true;
  const absl::Status written = WritePortFile(path, port);
  if (!written.ok()) spdlog::error("msg=\"{}\"", written.ToString());
  return written.ok();
}

}  // namespace

void BlockTerminationSignals() {
  const sigset_t signals = TerminationSignals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

absl::Status WritePortFile(const std::string& path, int port) {
  const std::string temporary = path + ".tmp." + std::to_string(getpid());
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << port << "\n";
    if (!out.flush()) return absl::InternalError("cannot write port file " + temporary);
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    return absl::InternalError("cannot rename " + temporary + " to " + path);
  }
  return absl::OkStatus();
}

int ServeUntilTerminated(const std::string& service_name, const ServeOptions& options,
                         const std::vector<grpc::Service*>& services,
                         const std::vector<std::string>& health_service_names,
                         std::shared_ptr<prometheus::Registry> registry) {
  metrics::RegisterBuildInfo(*registry, service_name);
  auto process_collector = std::make_shared<metrics::ProcessCollector>();

  auto exposer = StartExposer(options.metrics_address);
  if (!exposer.ok()) {
    spdlog::critical("msg=\"{}\"", exposer.status().ToString());
    return 1;
  }
  (*exposer)->RegisterCollectable(registry);
  (*exposer)->RegisterCollectable(process_collector);

  auto server =
      GrpcServer::Start(options.server, services, health_service_names, registry);
  if (!server.ok()) {
    spdlog::critical("msg=\"{}\"", server.status().ToString());
    return 1;
  }
  const int metrics_port = FirstPort(**exposer);
  spdlog::info("msg=\"serving\" version={} grpc_address={} grpc_port={} metrics_port={}",
               metrics::BuildVersion(), options.server.address, (*server)->port(),
               metrics_port);
  if (!AnnouncePort(options.port_file, (*server)->port()) ||
      !AnnouncePort(options.metrics_port_file, metrics_port)) {
    (*server)->Shutdown(absl::ZeroDuration());
    return 1;
  }

  const sigset_t signals = TerminationSignals();
  int signal_number = 0;
  sigwait(&signals, &signal_number);
  spdlog::info("msg=\"draining\" signal={} grace={}", signal_number,
               absl::FormatDuration(options.shutdown_grace));
  (*server)->Shutdown(options.shutdown_grace);
  (*server)->Wait();
  spdlog::info("msg=\"stopped\"");
  return 0;
}

}  // namespace juesuan
