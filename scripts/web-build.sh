#!/usr/bin/env bash
# Build the web app (web/ → web/dist, which the API serves under /app/): the Makefile's
# setup step runs it when web/'s sources, lock file or API schema changed. npm ci runs
# only when the lock file changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/../web"
if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
  echo "web/: npm and Node.js 20.19 or newer are needed to build the web app" \
       "(Debian: apt-get install nodejs npm)" >&2
  exit 1
fi
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number);
              process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
  echo "web/: Node.js $(node --version) is too old: the build (Vite) needs 20.19 or newer" >&2
  exit 1
fi
if ! cmp -s package-lock.json node_modules/.st-installed-lock 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
  cp package-lock.json node_modules/.st-installed-lock
fi
npm run --silent generate >/dev/null
npx --no-install tsc --noEmit
npx --no-install vite build --logLevel warn
