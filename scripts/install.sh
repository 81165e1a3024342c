# Shared install steps for scripts/run and scripts/test. Sourced, not run.
# Every step is idempotent and skips itself when nothing changed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV="$ROOT/.venv"
STAMPS="$ROOT/.install"
mkdir -p "$STAMPS"

# Debian packages the portal needs at run time: WeasyPrint (pango, harfbuzz, a font),
# pyttsx3 (espeak-ng), audio encoding (opus-tools), and the toolchains to install the rest.
RUN_DEBS=(ca-certificates python3 python3-venv python3-dev gcc nodejs npm libespeak-ng1 espeak-ng
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-noto-core
  opus-tools sox)
# Extra for the tests: Debian's Chromium (never a downloaded browser) and pdftoppm.
TEST_DEBS=(chromium poppler-utils)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing_debs() {
  local pkg
  for pkg in "$@"; do
    # A command that is already on PATH (a newer Python or Node) counts as present.
    case "$pkg" in
      python3) command -v python3 >/dev/null && continue ;;
      nodejs) command -v node >/dev/null && continue ;;
      npm) command -v npm >/dev/null && continue ;;
      python3-venv) python3 -c 'import ensurepip, venv' 2>/dev/null && continue ;;
      python3-dev) python3 -c 'import sysconfig,os,sys; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' 2>/dev/null && continue ;;
    esac
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)" = installed ] || echo "$pkg"
  done
}

ensure_debs() {
  local need
  need=$(missing_debs "$@")
  [ -z "$need" ] && return 0
  say "Installing Debian packages: $(echo $need)"
  as_root apt-get update -qq
  # shellcheck disable=SC2086
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need
}

hash_of() { cat "$@" | sha256sum | cut -d' ' -f1; }

# True when the stamp says this input was installed in this mode, or in test mode,
# which installs everything run mode does and more.
stamp_ok() {
  local name=$1 hash=$2 mode=$3 have
  have=$(cat "$STAMPS/$name" 2>/dev/null || true)
  [ "$have" = "$hash-$mode" ] || [ "$have" = "$hash-test" ]
}

ensure_venv() {
  local extras=$1 hash
  hash=$(hash_of "$ROOT/pyproject.toml")
  if [ ! -x "$VENV/bin/python" ]; then
    say "Creating the virtual environment in .venv"
    python3 -m venv "$VENV"
  fi
  if ! stamp_ok pip "$hash" "$extras"; then
    say "Installing Python packages ($extras)"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    if [ "$extras" = run ]; then
      "$VENV/bin/python" -m pip install --quiet -e "$ROOT"
    else
      "$VENV/bin/python" -m pip install --quiet -e "$ROOT[$extras]"
    fi
    echo "$hash-$extras" > "$STAMPS/pip"
  fi
}

ensure_npm() {
  local mode=$1 hash
  hash=$(hash_of "$ROOT/package-lock.json")
  if ! stamp_ok npm "$hash" "$mode" || [ ! -d "$ROOT/node_modules/nhsuk-frontend" ]; then
    say "Installing npm packages ($mode)"
    if [ "$mode" = run ]; then
      (cd "$ROOT" && npm ci --omit=dev --no-audit --no-fund --loglevel=error)
    else
      (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
    fi
    echo "$hash-$mode" > "$STAMPS/npm"
  fi
}

flask_cmd() { (cd "$ROOT" && "$VENV/bin/flask" --app wsgi "$@"); }

build_portal() {
  local hash
  # What the built files come from: skipped when none of it changed, so two test runs
  # started side by side never rebuild the files the other is serving.
  hash=$(hash_of "$ROOT/package-lock.json" "$ROOT/portal/assets.py" "$ROOT"/translations/*/LC_MESSAGES/*.po)
  if [ "$(cat "$STAMPS/build" 2>/dev/null || true)" = "$hash" ] && built_files_present; then
    return 0
  fi
  say "Copying NHS.UK frontend assets, making the Urdu web font and compiling translations"
  flask_cmd build-assets
  flask_cmd translate compile
  echo "$hash" > "$STAMPS/build"
}


built_files_present() {
  local po
  [ -d "$ROOT/portal/static/dist/fonts" ] || return 1
  for po in "$ROOT"/translations/*/LC_MESSAGES/messages.po; do
    [ -f "${po%.po}.mo" ] || return 1
  done
}

# install run|test
install() {
  local mode=$1
  if [ "$mode" = test ]; then
    ensure_debs "${RUN_DEBS[@]}" "${TEST_DEBS[@]}"
  else
    ensure_debs "${RUN_DEBS[@]}"
  fi
  ensure_venv "$mode"
  ensure_npm "$mode"
  build_portal
}
