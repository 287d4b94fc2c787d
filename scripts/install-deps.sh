#!/usr/bin/env bash
# Installs every Debian 12 package juesuan needs to build and test.
# Runs apt-get directly as root, through sudo otherwise.
set -euo pipefail

PACKAGES=(
  # toolchain
  cmake g++ pkg-config ninja-build ccache
  # gRPC / Protobuf / Abseil / Prometheus (NOTES A.2; libgrpc++-dev and
  # protobuf-compiler-grpc are required by gRPC's CMake package)
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler grpc-proto
  libabsl-dev prometheus-cpp-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  # text, formats, logging, CLI
  libicu-dev libre2-dev libspdlog-dev libfmt-dev libcli11-dev nlohmann-json3-dev
  libpoppler-cpp-dev poppler-utils libpugixml-dev
  # libzip's CMake config checks that these tools exist (NOTES pitfall 13)
  libzip-dev zipcmp zipmerge ziptool
  curl
  # deploy checks (tests/deploy): promtool and a local Prometheus, yamllint.
  # kubectl (with kustomize), Node.js and npm come with the machine image;
  # the npm packages are pinned in tests/deploy/package-lock.json and
  # installed into the build tree by the deploy_node_modules test.
  prometheus yamllint
  # hardening: test certificates (tests/harden), token hashing (libcrypto),
  # libFuzzer targets with clang-14 (fuzz/)
  openssl libssl-dev clang-14 libclang-rt-14-dev
)

SUDO=()
if [[ "$(id -u)" -ne 0 ]]; then
  SUDO=(sudo)
fi

"${SUDO[@]}" apt-get update
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y --no-install-recommends "${PACKAGES[@]}"
