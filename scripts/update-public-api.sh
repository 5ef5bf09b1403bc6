#!/usr/bin/env bash
# Rewrites each package's PublicAPI.Unshipped.txt from the code, with the public API analyzer's own code fix: what is
# public and not yet declared is added (RS0016, RS0037), what is declared and gone is removed (RS0017). Review the diff:
# it is the change to the packages' public API. Run after changing a public type, or after merging branches that did.
# At a release, move the Unshipped lines into PublicAPI.Shipped.txt.
#   scripts/update-public-api.sh            every packable project
#   scripts/update-public-api.sh src/X/X.csproj ...
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ "$#" -gt 0 ]; then
  projects=("$@")
else
  mapfile -t projects < <(for p in src/*/*.csproj plugins/*/*.csproj; do
    [ "$(dotnet msbuild "$p" -getProperty:IsPackable -nologo)" = "true" ] && echo "$p"; done)
fi

for project in "${projects[@]}"; do
  dir=$(dirname "$project")
  for file in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    [ -f "$dir/$file" ] || printf '#nullable enable\n' > "$dir/$file"
  done
  echo "== $project"
  # The fix all of 'dotnet format' applies the analyzer's code fix for every symbol at once; errors are what it fixes.
  dotnet format analyzers "$project" --diagnostics RS0016 RS0017 RS0037 --severity info --no-restore -v quiet || true
  for file in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    # One sorted list, '#nullable enable' first, so that merges and reruns give the same file.
    { head -n1 "$dir/$file"; tail -n +2 "$dir/$file" | grep -v '^$' | LC_ALL=C sort -u; } > "$dir/$file.tmp"
    mv "$dir/$file.tmp" "$dir/$file"
  done
done

# The analyzer fails the build on any public symbol still undeclared: build to prove the files are complete.
dotnet build "${projects[@]/#/}" -nologo -v quiet 2>/dev/null | tail -n 3 || true
for project in "${projects[@]}"; do dotnet build "$project" -nologo -v quiet | grep -E 'RS00[0-9]{2}' && { echo "public API files incomplete: $project"; exit 1; }; done
echo "public API files up to date"
