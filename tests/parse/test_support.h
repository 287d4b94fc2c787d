// Helpers shared by the parse tests: reading shared documents and parsing
// them with the built-in configuration.
#pragma once

#include <random>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "juesuan/report/v1/report.pb.h"
#include "services/parse/src/parser.h"
#include "services/parse/src/passages.h"

namespace juesuan::parse::testing {

std::string SharedPath(const std::string& relative);   // under ../shared
std::string ReadFile(const std::string& path);
const DocumentParser& Parser();
absl::StatusOr<report::v1::Report> ParseBytes(const std::string& content);
report::v1::Report ParseSharedOrDie(const std::string& relative);

// Hundredths of 万元 (the printing quantum of the documents) of an amount.
int64_t Cents(const report::v1::Amount& a);
// Hundredths of a percentage point of a percent.
int64_t PercentCents(const report::v1::Percent& p);

// The seed's path, then each corpus document's text.txt.
std::vector<std::string> SeedAndCorpusTextPaths();

// A passage of `text` alone, its offsets counted from 0.
Passage PassageOf(const std::string& text);

// Fewer than `max_pieces` of `pieces` drawn at random and joined: strings
// made of a pattern's own parts, for comparing a matcher with its regex.
std::string RandomJoin(std::mt19937& rng, const std::vector<std::string>& pieces, int max_pieces);

inline constexpr char kSeed[] = "seed/000_0d0d50dd571d51d1.txt";

}  // namespace juesuan::parse::testing
