#include "tests/support/loopback_service.h"

#include <utility>

#include <prometheus/text_serializer.h>

#include "common/grpc/client_channel.h"

namespace juesuan::testing {

void LoopbackServiceTest::StartService(const std::string& service_name, size_t workers,
                                       size_t queue, const ServiceFactory& make,
                                       MessageLimits limits) {
  StopService();
  gate_ = std::make_unique<PoolGate>();
  registry_ = std::make_shared<prometheus::Registry>();
  pool_ = std::make_unique<WorkerPool>(workers, queue);
  service_ = make(*pool_, *registry_);
  GrpcServerOptions options;
  options.address = "127.0.0.1:0";
  options.max_message_bytes = limits.server_bytes;
  auto server = GrpcServer::Start(options, {service_.get()}, {service_name}, registry_);
  ASSERT_TRUE(server.ok()) << server.status();
  server_ = *std::move(server);
  ASSERT_GT(server_->port(), 0);
  ClientChannelOptions client;
  client.max_message_bytes = limits.client_bytes;
  channel_ = MakeClientChannel(Address(), client);
}

void LoopbackServiceTest::StopService() {
  ReleasePool();
  if (server_ != nullptr) server_->Shutdown(absl::Seconds(5));
  server_.reset();  // every call finished, or Shutdown would not have returned
  service_.reset();
  pool_.reset();
}

std::string LoopbackServiceTest::Address() const {
  return "127.0.0.1:" + std::to_string(server_->port());
}

std::unique_ptr<grpc::ClientContext> LoopbackServiceTest::Context(
    std::chrono::milliseconds timeout) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + timeout);
  return context;
}

grpc::Status LoopbackServiceTest::Health(const std::string& service,
                                         grpc::health::v1::HealthCheckResponse* response) {
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(service);
  return grpc::health::v1::Health::NewStub(channel_)->Check(Context().get(), request, response);
}

std::string LoopbackServiceTest::Metrics() const {
  return prometheus::TextSerializer().Serialize(registry_->Collect());
}

void LoopbackServiceTest::OccupyPool(bool fill_queue) {
  PoolGate* gate = gate_.get();
  ASSERT_TRUE(pool_->Submit([gate] {
    gate->busy.Notify();
    gate->release.WaitForNotification();
  }));
  ASSERT_TRUE(gate->busy.WaitForNotificationWithTimeout(absl::Seconds(10)));
  if (!fill_queue) return;
  ASSERT_TRUE(pool_->Submit([gate] {
    gate->release.WaitForNotification();
    gate->queued_task_done.Notify();
  }));
}

void LoopbackServiceTest::ReleasePool() {
  if (gate_ != nullptr && !gate_->release.HasBeenNotified()) gate_->release.Notify();
}

bool LoopbackServiceTest::QueuedTaskDone(absl::Duration timeout) {
  return gate_->queued_task_done.WaitForNotificationWithTimeout(timeout);
}

}  // namespace juesuan::testing
