#!/usr/bin/env bash
# Prints a new RSA 2048 private key as a JWK (RS256, use "sig", a random kid) on standard output:
# the value of the Secret quadrant-gateway-signing-key (key signing-key.jwk.json).
#   scripts/make-signing-key.sh > /dev/shm/signing-key.jwk.json      # keep it off disks and out of git
# Needs openssl, xxd and base64. Nothing is written anywhere else.
set -euo pipefail

pem="$(openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 2>/dev/null)"
text="$(printf '%s\n' "$pem" | openssl rsa -noout -text 2>/dev/null)"

# The hex digits of one field of `openssl rsa -text` (multi-line "aa:bb:..." blocks), without leading zero bytes.
field_hex() {
  printf '%s\n' "$text" | awk -v f="$1:" '
    $0 ~ "^" f { on = 1; next }
    on && /^[^ ]/ { exit }
    on { gsub(/[ :]/, ""); printf "%s", $0 }' | sed 's/^\(00\)*//'
}
b64url() { xxd -r -p | base64 -w0 | tr '+/' '-_' | tr -d '='; }

val() {
  local hex; hex="$(field_hex "$1")"
  [ -n "$hex" ] || { echo "make-signing-key: no $1 in openssl output" >&2; exit 1; }
  [ $(( ${#hex} % 2 )) -eq 0 ] || hex="0$hex"
  printf '%s' "$hex" | b64url
}

e_hex="$(printf '%s\n' "$text" | sed -n 's/^publicExponent: [0-9]* (0x\([0-9a-f]*\))$/\1/p')"
[ $(( ${#e_hex} % 2 )) -eq 0 ] || e_hex="0$e_hex"
kid="$(head -c 16 /dev/urandom | xxd -p)"

printf '{"kty":"RSA","use":"sig","alg":"RS256","kid":"%s","n":"%s","e":"%s","d":"%s","p":"%s","q":"%s","dp":"%s","dq":"%s","qi":"%s"}\n' \
  "$kid" "$(val modulus)" "$(printf '%s' "$e_hex" | b64url)" "$(val privateExponent)" \
  "$(val prime1)" "$(val prime2)" "$(val exponent1)" "$(val exponent2)" "$(val coefficient)"
