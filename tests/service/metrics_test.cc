#include <unistd.h>

#include <ctime>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <prometheus/text_serializer.h>

#include "common/metrics/build_info.h"
#include "common/metrics/process_collector.h"
#include "common/metrics/rpc_metrics_interceptor.h"
#include "common/runtime/main_support.h"

namespace juesuan {
namespace {

TEST(GrpcCodeNameTest, UsesGoSpellings) {
  EXPECT_EQ(metrics::GrpcCodeName(grpc::StatusCode::OK), "OK");
  EXPECT_EQ(metrics::GrpcCodeName(grpc::StatusCode::CANCELLED), "Canceled");
  EXPECT_EQ(metrics::GrpcCodeName(grpc::StatusCode::INVALID_ARGUMENT), "InvalidArgument");
  EXPECT_EQ(metrics::GrpcCodeName(grpc::StatusCode::DEADLINE_EXCEEDED), "DeadlineExceeded");
  EXPECT_EQ(metrics::GrpcCodeName(grpc::StatusCode::RESOURCE_EXHAUSTED), "ResourceExhausted");
  EXPECT_EQ(metrics::GrpcCodeName(grpc::StatusCode::FAILED_PRECONDITION),
            "FailedPrecondition");
  EXPECT_EQ(metrics::GrpcCodeName(grpc::StatusCode::UNAUTHENTICATED), "Unauthenticated");
}

TEST(RpcMetricsTest, MethodSeriesAreCachedAndLabelled) {
  prometheus::Registry registry;
  metrics::RpcMetrics rpc(registry);
  metrics::MethodMetrics& first = rpc.ForMethod("/juesuan.parse.v1.ParseService/ParseDocument",
                                                "unary");
  metrics::MethodMetrics& again = rpc.ForMethod("/juesuan.parse.v1.ParseService/ParseDocument",
                                                "unary");
  EXPECT_EQ(&first, &again);
  first.Started();
  first.Handled(grpc::StatusCode::NOT_FOUND, 0.002);
  first.Handled(grpc::StatusCode::NOT_FOUND, 0.002);
  const std::string text = prometheus::TextSerializer().Serialize(registry.Collect());
  EXPECT_NE(text.find("grpc_server_handled_total{grpc_code=\"NotFound\",grpc_method="
                      "\"ParseDocument\",grpc_service=\"juesuan.parse.v1.ParseService\","
                      "grpc_type=\"unary\"} 2"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("grpc_server_started_total{grpc_method=\"ParseDocument\","
                      "grpc_service=\"juesuan.parse.v1.ParseService\",grpc_type=\"unary\"} 1"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("grpc_server_handling_seconds_bucket{grpc_method=\"ParseDocument\","
                      "grpc_service=\"juesuan.parse.v1.ParseService\",grpc_type=\"unary\","
                      "le=\"0.0025\"} 2"),
            std::string::npos)
      << text;
}

double ValueOf(const std::vector<prometheus::MetricFamily>& families, const std::string& name) {
  for (const auto& family : families) {
    if (family.name != name) continue;
    const auto& metric = family.metric.at(0);
    return family.type == prometheus::MetricType::Counter ? metric.counter.value
                                                          : metric.gauge.value;
  }
  ADD_FAILURE() << "missing " << name;
  return -1;
}

TEST(ProcessCollectorTest, ReportsThisProcess) {
  const auto families = metrics::ProcessCollector().Collect();
  EXPECT_EQ(families.size(), 6u);
  EXPECT_GT(ValueOf(families, "process_resident_memory_bytes"), 1e5);
  EXPECT_GE(ValueOf(families, "process_virtual_memory_bytes"),
            ValueOf(families, "process_resident_memory_bytes"));
  EXPECT_GE(ValueOf(families, "process_cpu_seconds_total"), 0.0);
  const double open = ValueOf(families, "process_open_fds");
  EXPECT_GE(open, 3.0);  // stdin, stdout, stderr at least
  EXPECT_GE(ValueOf(families, "process_max_fds"), open);
  const double started = ValueOf(families, "process_start_time_seconds");
  const double now = static_cast<double>(std::time(nullptr));
  EXPECT_LE(started, now + 1);
  EXPECT_GT(started, now - 3600);  // this test process started within the hour
}

TEST(ProcessCollectorTest, OpenFdsFollowsOpenFiles) {
  const double before = ValueOf(metrics::ProcessCollector().Collect(), "process_open_fds");
  std::ifstream a("/proc/self/stat");
  std::ifstream b("/proc/self/stat");
  const double after = ValueOf(metrics::ProcessCollector().Collect(), "process_open_fds");
  EXPECT_EQ(after, before + 2);
}

TEST(BuildInfoTest, ExportsServiceAndVersion) {
  prometheus::Registry registry;
  metrics::RegisterBuildInfo(registry, "juesuan-test");
  const std::string text = prometheus::TextSerializer().Serialize(registry.Collect());
  EXPECT_NE(text.find("juesuan_build_info{service=\"juesuan-test\",version=\"" +
                      metrics::BuildVersion() + "\"} 1"),
            std::string::npos)
      << text;
  EXPECT_FALSE(metrics::BuildVersion().empty());
}

TEST(PortFileTest, WritesPortWithNewline) {
  const std::string path = ::testing::TempDir() + "/port_file_test.port";
  ASSERT_TRUE(WritePortFile(path, 50051).ok());
  std::ifstream in(path);
  std::string content((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(content, "50051\n");
  EXPECT_FALSE(WritePortFile("/nonexistent-dir/x.port", 1).ok());
}

}  // namespace
}  // namespace juesuan
