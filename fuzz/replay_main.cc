// Replays fuzz inputs through a fuzz target's entry point without libFuzzer:
// the regression test for every crash input a fuzzing run found (kept in
// fuzz/regressions/TARGET/) and for the seed inputs. Built with the normal
// compiler, and under ASan/UBSan in the sanitizer build of the test suite.
//   replay_TARGET PATH...   (files, or folders whose files are replayed)
// Exit 0 when every input was replayed; 2 when no input was found (a replay
// of nothing proves nothing). A crash or a sanitizer report ends the process.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
// Defined by the targets that need one-time set-up; weak so the others link.
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace {

std::vector<std::filesystem::path> InputsUnder(const std::filesystem::path& path) {
  std::vector<std::filesystem::path> inputs;
  if (std::filesystem::is_regular_file(path)) {
    inputs.push_back(path);
  } else if (std::filesystem::is_directory(path)) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
      if (entry.is_regular_file()) inputs.push_back(entry.path());
    }
  }
  return inputs;
}

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize != nullptr) LLVMFuzzerInitialize(&argc, &argv);
  std::vector<std::filesystem::path> inputs;
  for (int i = 1; i < argc; ++i) {
    for (auto& input : InputsUnder(argv[i])) inputs.push_back(std::move(input));
  }
  if (inputs.empty()) {
    std::cerr << "no inputs found under the given paths\n";
    return 2;
  }
  for (const auto& input : inputs) {
    const std::string bytes = ReadAll(input);
    std::cout << "replay " << input.filename().string() << " (" << bytes.size() << " bytes)\n"
              << std::flush;
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  }
  std::cout << "replayed " << inputs.size() << " inputs, none crashed\n";
  return 0;
}
