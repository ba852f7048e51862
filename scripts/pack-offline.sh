#!/bin/sh
# Packs duban with its production dependencies into one tarball (npm pack with bundled dependencies), for a machine
# that cannot reach the npm registry. Run it on a machine like the target (same OS, CPU and Node.js major version):
# the better-sqlite3 binary inside is the one built here. docs/operations.md says how to install the tarball.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cd "$root"
npm run build
cp -R package.json package-lock.json LICENSE README.md dist sheets-templates docs node_modules "$stage"/
mkdir -p "$stage/config"
cp config/duban.example.yaml "$stage/config/"
cd "$stage"
npm prune --omit=dev --ignore-scripts --no-audit --no-fund
npm pkg set bundleDependencies=true --json
# The tarball carries dist/ already built: nothing to build (or to approve) on the target.
npm pkg delete scripts.prepare
npm pack --ignore-scripts --pack-destination "$root"
