#!/usr/bin/env bash
# Installs the Debian packages the build and the tests need; a no-op when all are present.
set -e
PKGS="build-essential clang python3 python3-pytest libcmocka-dev libmbedtls-dev mtools dosfstools telnet hyperfine libclang-rt-14-dev libjansson-dev sigrok-cli vsftpd lftp ftp curl openssl libssl-dev iproute2 python3-serial python3-platformdirs picocom screen"
missing=()
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "deps: installing ${missing[*]}"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
