// grpc_probe: asks a gRPC server whether it is healthy and which services it
// offers (a stand-in for grpcurl / grpc_cli, which Debian 12 does not ship).
//
//   grpc_probe [--timeout_ms=N] HOST:PORT [SERVICE]
//
// Prints "health: <STATUS>" for SERVICE ("" = the whole server), then one
// "service: <name>" line per service listed by reflection. Exit code 0 when
// the health status is SERVING and the listing succeeded, 1 otherwise, 2 on
// usage errors.
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include "grpc/health/v1/health.grpc.pb.h"
#include "grpc/reflection/v1alpha/reflection.grpc.pb.h"

namespace {

struct ProbeArgs {
  std::string target;
  std::string service;
  int timeout_ms = 5000;
};

bool ParseArgs(int argc, char** argv, ProbeArgs* args) {
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const std::string timeout_prefix = "--timeout_ms=";
    if (arg.rfind(timeout_prefix, 0) == 0) {
      args->timeout_ms = std::atoi(arg.c_str() + timeout_prefix.size());
      if (args->timeout_ms <= 0) return false;
    } else if (!arg.empty() && arg[0] == '-') {
      return false;
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.empty() || positional.size() > 2) return false;
  args->target = positional[0];
  if (positional.size() == 2) args->service = positional[1];
  return true;
}

void SetDeadline(grpc::ClientContext& context, int timeout_ms) {
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::milliseconds(timeout_ms));
}

bool CheckHealth(const std::shared_ptr<grpc::Channel>& channel, const ProbeArgs& args) {
  auto stub = grpc::health::v1::Health::NewStub(channel);
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(args.service);
  grpc::health::v1::HealthCheckResponse response;
  grpc::ClientContext context;
  SetDeadline(context, args.timeout_ms);
  const grpc::Status status = stub->Check(&context, request, &response);
  if (!status.ok()) {
    std::cout << "health: rpc error " << status.error_code() << " "
              << status.error_message() << "\n";
    return false;
  }
  std::cout << "health: "
            << grpc::health::v1::HealthCheckResponse::ServingStatus_Name(response.status())
            << "\n";
  return response.status() == grpc::health::v1::HealthCheckResponse::SERVING;
}

bool ListServices(const std::shared_ptr<grpc::Channel>& channel, const ProbeArgs& args) {
  using grpc::reflection::v1alpha::ServerReflection;
  using grpc::reflection::v1alpha::ServerReflectionRequest;
  using grpc::reflection::v1alpha::ServerReflectionResponse;
  auto stub = ServerReflection::NewStub(channel);
  grpc::ClientContext context;
  SetDeadline(context, args.timeout_ms);
  auto stream = stub->ServerReflectionInfo(&context);
  ServerReflectionRequest request;
  request.set_list_services("");
  ServerReflectionResponse response;
  const bool exchanged = stream->Write(request) && stream->WritesDone() &&
                         stream->Read(&response);
  ServerReflectionResponse unexpected;
  while (stream->Read(&unexpected)) {
    // One request gets one answer; drain anything else so Finish() returns.
  }
  const grpc::Status status = stream->Finish();
  if (!exchanged || !status.ok()) {
    std::cout << "reflection: rpc error " << status.error_code() << " "
              << status.error_message() << "\n";
    return false;
  }
  for (const auto& service : response.list_services_response().service()) {
    std::cout << "service: " << service.name() << "\n";
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  ProbeArgs args;
  if (!ParseArgs(argc, argv, &args)) {
    std::cerr << "usage: grpc_probe [--timeout_ms=N] HOST:PORT [SERVICE]\n";
    return 2;
  }
  auto channel = grpc::CreateChannel(args.target, grpc::InsecureChannelCredentials());
  const bool healthy = CheckHealth(channel, args);
  const bool listed = ListServices(channel, args);
  return healthy && listed ? 0 : 1;
}
