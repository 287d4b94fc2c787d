#!/usr/bin/env bash
# Generates throw-away test certificates into DIR (never commit the output):
#   ca.pem/ca.key              test CA "juesuan-test-ca"
#   server.pem/server.key      CN=localhost, SAN DNS:localhost, IP:127.0.0.1 (by ca)
#   client.pem/client.key      CN=analyze-gateway (by ca)
#   stranger.pem/stranger.key  CN=stranger (by ca; a valid cert not in any callers file)
#   other-ca.pem, other-client.pem/.key   CN=analyze-gateway issued by another CA
# Usage: make_test_certs.sh DIR
set -euo pipefail
dir=${1:?usage: make_test_certs.sh DIR}
mkdir -p "$dir"
cd "$dir"
days=2
key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
ca() {  # ca NAME CN
  key "$1.key"
  openssl req -x509 -new -key "$1.key" -out "$1.pem" -days $days -subj "/CN=$2" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
}
leaf() {  # leaf NAME CN CA EXTENSIONS
  key "$1.key"
  openssl req -new -key "$1.key" -out "$1.csr" -subj "/CN=$2"
  printf '%s\n' "$4" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA "$3.pem" -CAkey "$3.key" -CAcreateserial \
    -out "$1.pem" -days $days -extfile "$1.ext" 2>/dev/null
  rm -f "$1.csr" "$1.ext"
}
ca ca juesuan-test-ca
ca other-ca juesuan-other-ca
leaf server localhost ca "subjectAltName=DNS:localhost,IP:127.0.0.1
extendedKeyUsage=serverAuth"
leaf client analyze-gateway ca "extendedKeyUsage=clientAuth"
leaf stranger stranger ca "extendedKeyUsage=clientAuth"
leaf other-client analyze-gateway other-ca "extendedKeyUsage=clientAuth"
chmod 600 ./*.key
