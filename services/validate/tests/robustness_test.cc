// Bad input never crashes or overflows: findings, could-not-run entries or a
// precise status.
#include <cstdint>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "fmt/format.h"
#include "google/protobuf/arena.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "gtest/gtest.h"
#include "services/validate/src/config.h"
#include "services/validate/src/validator.h"
#include "services/validate/testing/seed_fixture.h"

namespace juesuan::validate {
namespace {

namespace fv1 = ::juesuan::findings::v1;
namespace rv1 = ::juesuan::report::v1;
namespace vv1 = ::juesuan::validate::v1;

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

const vv1::RuleRun* RunOf(const vv1::ValidateReportResponse& r, std::string_view id) {
  for (const auto& run : r.summary().runs()) {
    if (run.rule_id() == id) return &run;
  }
  return nullptr;
}

TEST(RobustnessTest, EmptyReport) {
  auto r = Validate(rv1::Report(), DefaultConfig());
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->summary().layout(), "GENERIC");
  EXPECT_GT(r->summary().rules_could_not_run(), 0u);
  for (const auto& f : r->findings()) EXPECT_NE(f.severity(), fv1::SEVERITY_UNSPECIFIED);
}

TEST(RobustnessTest, ExtremeAmountsAreNotComputedOn) {
  rv1::Report report = testing::SeedReport();
  // 10^15 万元 does not fit in int64 分; the parser may saturate.
  report.mutable_totals()->mutable_income_total()->set_fen(kMax);
  report.mutable_totals()->mutable_expend_total()->set_fen(kMin);
  report.mutable_procurement()->mutable_total()->set_quantum_fen(0);
  report.mutable_procurement()->mutable_goods()->set_quantum_fen(-5);
  report.mutable_general_public_budget()->mutable_classes(0)->mutable_share()->mutable_value()->set_digits(kMax);
  report.mutable_general_public_budget()->mutable_classes(1)->mutable_share()->mutable_value()->set_scale(40);
  report.mutable_performance_tables(1)->mutable_total_score()->mutable_value()->set_digits(kMin);
  report.mutable_performance_tables(1)->mutable_indicators(0)->mutable_weight()->mutable_value()->set_scale(-3);
  auto r = Validate(report, DefaultConfig());
  ASSERT_TRUE(r.ok()) << r.status();
  const auto* tot = RunOf(*r, "FA-TOT-001");
  ASSERT_NE(tot, nullptr);
  EXPECT_EQ(tot->outcome(), vv1::RULE_OUTCOME_COULD_NOT_RUN);
  EXPECT_NE(tot->reason().find("out of range"), std::string::npos);
}

// Found by fuzz_validate: an indicator without a name made PF-TXT-001 search
// its goal texts for an empty key, which it found at one place forever.
TEST(RobustnessTest, IndicatorsWithoutNamesAreNotSearchedFor) {
  rv1::Report report = testing::SeedReport();
  for (auto& table : *report.mutable_performance_tables()) {
    for (auto& indicator : *table.mutable_indicators()) indicator.clear_level3();
  }
  auto r = Validate(report, DefaultConfig());
  ASSERT_TRUE(r.ok()) << r.status();
  for (const auto& f : r->findings()) EXPECT_NE(f.rule_id(), "PF-TXT-001") << f.message_zh();
}

TEST(RobustnessTest, NegativeTotalsGiveFindings) {
  rv1::Report report = testing::SeedReport();
  report.mutable_totals()->mutable_income_total()->set_fen(-121'390'000);
  auto r = Validate(report, DefaultConfig());
  ASSERT_TRUE(r.ok());
  EXPECT_GT(r->summary().errors(), 0u);
}

TEST(RobustnessTest, ThousandsOfRepeatedStatementsAreGrouped) {
  rv1::Report report = testing::SeedReport();
  for (int i = 0; i < 5000; ++i) {
    auto* st = report.add_statements();
    st->set_subject("gpb.items");
    auto* y = st->mutable_yoy();
    *y->mutable_current() = report.general_public_budget().items(0).amount();
    *y = report.general_public_budget().items(0).yoy();
    *y->mutable_current() = report.general_public_budget().items(0).amount();
    y->mutable_src()->set_line(1000 + i);
  }
  auto r = Validate(report, DefaultConfig());
  ASSERT_TRUE(r.ok());
  int zero_base = 0;
  for (const auto& f : r->findings()) {
    if (f.rule_id() == "FA-YOY-003") {
      ++zero_base;
      EXPECT_EQ(f.operands_size(), 3 * (12 + 5000));
    }
  }
  EXPECT_EQ(zero_base, 1);
}

// Every Provenance reachable from `message`, made contradictory: its end
// before its begin, both past any text, the line and page far beyond the
// document. Distinct spans stay distinct (each value is shifted, not set).
void Contradict(google::protobuf::Message& message) {
  const auto* reflection = message.GetReflection();
  std::vector<const google::protobuf::FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);
  for (const auto* field : fields) {
    if (field->cpp_type() != google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE) continue;
    const int count = field->is_repeated() ? reflection->FieldSize(message, field) : 1;
    for (int i = 0; i < count; ++i) {
      auto* child = field->is_repeated() ? reflection->MutableRepeatedMessage(&message, field, i)
                                         : reflection->MutableMessage(&message, field);
      if (auto* src = dynamic_cast<rv1::Provenance*>(child)) {
        const uint64_t begin = src->byte_begin(), end = src->byte_end();
        src->set_byte_begin(end + 1'000'000'000);
        src->set_byte_end(begin + 999'999'000);
        src->set_line(src->line() + 1'000'000);
        src->set_page(src->page() + 50'000);
      }
      Contradict(*child);
    }
  }
}

// Provenance that cannot be true (end before begin, past the text) is
// evidence to quote, never an index: the same findings come out.
TEST(RobustnessTest, ContradictoryProvenanceGivesTheSameFindings) {
  const rv1::Report clean = testing::SeedReport();
  rv1::Report contradictory = clean;
  Contradict(contradictory);
  auto expected = Validate(clean, DefaultConfig());
  auto actual = Validate(contradictory, DefaultConfig());
  ASSERT_TRUE(expected.ok()) << expected.status();
  ASSERT_TRUE(actual.ok()) << actual.status();
  auto rules = [](const vv1::ValidateReportResponse& r) {
    std::multiset<std::string> out;
    for (const auto& f : r.findings()) out.insert(fmt::format("{} {}", f.rule_id(), f.severity()));
    return out;
  };
  EXPECT_EQ(rules(*actual), rules(*expected));
  EXPECT_GT(actual->findings_size(), 0);
  // The evidence quoted is the report's, as given.
  bool quoted = false;
  for (const auto& f : actual->findings()) {
    for (const auto& o : f.operands()) quoted = quoted || o.src().line() > 1'000'000;
  }
  EXPECT_TRUE(quoted);
}

TEST(RobustnessTest, StatementLimitIsAPreciseStatus) {
  rv1::Report report;
  vv1::ValidateConfig config = DefaultConfig();
  config.set_max_statements(10);
  for (int i = 0; i < 11; ++i) report.add_statements();
  auto r = Validate(report, config);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(std::string(r.status().message()).find("11 statements"), std::string::npos);
}

TEST(RobustnessTest, DisabledRulesAndUnknownLayoutFallBack) {
  rv1::Report report = testing::SeedReport();
  report.mutable_document()->set_layout(rv1::LAYOUT_SICHUAN);
  vv1::ValidateConfig config = DefaultConfig();
  config.add_disabled_rules("FA-SUM-005");
  auto r = Validate(report, config);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->summary().layout(), "GENERIC");
  EXPECT_EQ(RunOf(*r, "FA-SUM-005")->outcome(), vv1::RULE_OUTCOME_SKIPPED);
  for (const auto& f : r->findings()) EXPECT_NE(f.rule_id(), "FA-SUM-005");
}

}  // namespace
}  // namespace juesuan::validate

namespace juesuan::validate {
namespace {

TEST(ArenaTest, ValidateIntoAnArenaResponseMatchesTheHeapResult) {
  const auto report = testing::SeedReport();
  auto heap = Validate(report, DefaultConfig());
  ASSERT_TRUE(heap.ok());
  google::protobuf::Arena arena;
  auto* on_arena = google::protobuf::Arena::CreateMessage<juesuan::validate::v1::ValidateReportResponse>(&arena);
  ASSERT_TRUE(ValidateInto(report, DefaultConfig(), on_arena).ok());
  EXPECT_EQ(on_arena->SerializeAsString(), heap->SerializeAsString());
  // Reuse clears the previous result.
  ASSERT_TRUE(ValidateInto(report, DefaultConfig(), on_arena).ok());
  EXPECT_EQ(on_arena->findings_size(), heap->findings_size());
}

}  // namespace
}  // namespace juesuan::validate
