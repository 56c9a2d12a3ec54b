# Shared by scripts/start and scripts/test: a virtualenv with Spil installed, and the npm assets.
# Usage: source scripts/bootstrap.sh [pip-extra]
#
# Installs only what changed: a start with the same pyproject.toml and package-lock.json as the
# last successful install touches no registry (and so also works offline). A failed install
# never breaks a working one: npm installs into a staging folder that replaces node_modules only
# when it is complete, and a failed pip install keeps the previous installation in use.
set -euo pipefail
REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_DIR"

PYTHON="${SPIL_PYTHON:-}"
if [ -z "$PYTHON" ]; then
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 \
      && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
      PYTHON="$candidate"
      break
    fi
  done
fi
if [ -z "$PYTHON" ]; then
  echo "Spil heeft Python 3.11 nodig (niet gevonden als python3.11 of python3)." >&2
  exit 1
fi

spil_fingerprint() {
  # What an install depends on: the given files and words (e.g. the pip extra).
  local files=() words=()
  for item in "$@"; do
    if [ -f "$item" ]; then files+=("$item"); else words+=("$item"); fi
  done
  { cat "${files[@]}"; printf '%s\n' "${words[@]}"; } | sha256sum | cut -d' ' -f1
}

extra="${1:-}"
# One stamp per extra; installing with an extra (e.g. test) also installs the plain set.
pip_stamp=".venv/.spil-installed${extra:+-$extra}"
pip_wanted="$(spil_fingerprint pyproject.toml)"
if [ -f "$pip_stamp" ] && [ "$(cat "$pip_stamp")" = "$pip_wanted" ] && [ -x .venv/bin/spil ]; then
  : # unchanged since the last install
else
  fresh=0
  if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
    fresh=1
  fi
  if [ "$fresh" = 1 ]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip || true
  fi
  if .venv/bin/python -m pip install --quiet --disable-pip-version-check \
    -e ".${extra:+[$extra]}"; then
    echo "$pip_wanted" >"$pip_stamp"
    echo "$pip_wanted" >.venv/.spil-installed
  elif [ -x .venv/bin/spil ] && .venv/bin/python -c 'import spil.cli' 2>/dev/null; then
    echo "Let op: de Python-pakketten konden niet worden bijgewerkt (geen verbinding?);" \
      "Spil gebruikt de vorige installatie. Start later opnieuw om bij te werken." >&2
  else
    echo "Spil kon de Python-pakketten niet installeren; controleer de internetverbinding" \
      "en start opnieuw." >&2
    exit 1
  fi
fi

if [ -f package.json ]; then
  npm_stamp=node_modules/.spil-installed
  npm_wanted="$(spil_fingerprint package.json $( [ -f package-lock.json ] && echo package-lock.json ))"
  if [ -f "$npm_stamp" ] && [ "$(cat "$npm_stamp")" = "$npm_wanted" ]; then
    : # unchanged since the last install
  else
    if ! command -v npm >/dev/null 2>&1; then
      echo "Spil heeft Node.js met npm nodig voor de vormgeving (NL Design System)." >&2
      exit 1
    fi
    # npm ci first empties node_modules; let it do that in a staging folder instead.
    staging="$(mktemp -d "$REPO_DIR/.npm-staging.XXXXXX")"
    cp package.json "$staging/"
    [ -f package-lock.json ] && cp package-lock.json "$staging/"
    if (cd "$staging" && if [ -f package-lock.json ]; then
          npm ci --no-audit --no-fund --loglevel=error
        else
          npm install --no-audit --no-fund --loglevel=error
        fi); then
      echo "$npm_wanted" >"$staging/node_modules/.spil-installed"
      rm -rf node_modules.previous
      [ -d node_modules ] && mv node_modules node_modules.previous
      mv "$staging/node_modules" node_modules
      rm -rf node_modules.previous "$staging"
    else
      rm -rf "$staging"
      if [ -d node_modules/htmx.org ]; then
        echo "Let op: de vormgeving (npm) kon niet worden bijgewerkt (geen verbinding?);" \
          "Spil gebruikt de vorige installatie. Start later opnieuw om bij te werken." >&2
      else
        echo "Spil kon de vormgeving (npm) niet installeren; controleer de internetverbinding" \
          "en start opnieuw." >&2
        exit 1
      fi
    fi
  fi
fi
