#!/usr/bin/env bash
# Makes sure WebKitGTK's WebDriver (with its MiniBrowser), a virtual X server and the GObject bindings of
# WebKitGTK for Debian's python3 are present for the WebKit end-to-end tests. Installs only what is missing, with
# apt-get: directly as root, through sudo otherwise.
set -euo pipefail

# A command or file per package: the package is installed when its marker is absent.
declare -A MARKERS=(
  [webkit2gtk-driver]=/usr/bin/WebKitWebDriver
  [xvfb]=/usr/bin/xvfb-run
  [xauth]=/usr/bin/xauth
  [python3-gi]=/usr/lib/python3/dist-packages/gi/__init__.py
  [gir1.2-webkit2-4.1]=/usr/lib/x86_64-linux-gnu/girepository-1.0/WebKit2-4.1.typelib
)

missing=()
for package in "${!MARKERS[@]}"; do
  marker=${MARKERS[$package]}
  # The typelib's folder depends on the architecture: ask dpkg when the amd64 path is not there.
  if [ ! -e "$marker" ] && ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed'; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "webkit: present (webkit2gtk-driver $(dpkg-query -W -f='${Version}' webkit2gtk-driver 2>/dev/null))"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "webkit: missing ${missing[*]} and apt-get is not available; install them by hand" >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "webkit: missing ${missing[*]}; run as root or install sudo: apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "webkit: installing the Debian packages ${missing[*]}"
${SUDO[@]+"${SUDO[@]}"} apt-get update -qq
${SUDO[@]+"${SUDO[@]}"} env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

for package in "${missing[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed'; then
    echo "webkit: apt-get finished but $package is still not installed" >&2
    exit 1
  fi
done
echo "webkit: installed webkit2gtk-driver $(dpkg-query -W -f='${Version}' webkit2gtk-driver)"
