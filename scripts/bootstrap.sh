# Shared by scripts/start and scripts/test: a virtualenv with Spil installed, and the npm assets.
# Usage: source scripts/bootstrap.sh [pip-extra]
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

if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
extra="${1:-}"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extra:+[$extra]}"

if [ -f package.json ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "Spil heeft Node.js met npm nodig voor de vormgeving (NL Design System)." >&2
    exit 1
  fi
  if [ -f package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  else
    npm install --no-audit --no-fund --loglevel=error
  fi
fi
