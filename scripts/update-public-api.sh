#!/usr/bin/env bash
# Regenerates each package's PublicAPI.Unshipped.txt from the code. Run it after changing a public type, member or
# signature in src/ or plugins/, and after merging branches that did: the build fails (RS0016, RS0017) until the files
# match the code. Review the diff it leaves: it is the change to the packages' public API.
#
# The Unshipped file is rebuilt from nothing, so that what was renamed or removed goes too (the analyzer has no fix
# for a declared symbol that is gone): it keeps its '#nullable enable' header and its '*REMOVED*' lines (a shipped
# symbol removed on purpose), then the analyzer's own code fix (RS0016, applied by 'dotnet format' to every symbol at
# once) declares each public symbol that PublicAPI.Shipped.txt does not. Shipped files are never touched: at a release,
# move the Unshipped lines into PublicAPI.Shipped.txt by hand.
#   scripts/update-public-api.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The packable projects: the ones the analyzer runs on (Directory.Build.targets).
mapfile -t projects < <(for p in src/*/*.csproj plugins/*/*.csproj; do
  [ "$(dotnet msbuild "$p" -getProperty:IsPackable -nologo)" = "true" ] && echo "$p"; done)

for project in "${projects[@]}"; do
  dir=$(dirname "$project")
  [ -f "$dir/PublicAPI.Shipped.txt" ] || printf '#nullable enable\n' > "$dir/PublicAPI.Shipped.txt"
  { echo '#nullable enable'; grep -h '^\*REMOVED\*' "$dir/PublicAPI.Unshipped.txt" 2>/dev/null || true; } > "$dir/PublicAPI.Unshipped.tmp"
  mv "$dir/PublicAPI.Unshipped.tmp" "$dir/PublicAPI.Unshipped.txt"
done

dotnet restore Targets.slnx -v quiet -nologo
for project in "${projects[@]}"; do
  echo "== $project"
  # RS0016's fix, for every undeclared symbol of the project at once. 'dotnet format' exits non-zero when it changed
  # files (and when it could not fix something): the build below is the judge.
  dotnet format analyzers "$project" --diagnostics RS0016 --severity warn --no-restore -v quiet || true
  # One order (ordinal, header first), so that reruns and merges give the same file.
  dir=$(dirname "$project")
  { echo '#nullable enable'; tail -n +2 "$dir/PublicAPI.Unshipped.txt" | { grep -v '^$' || true; } | LC_ALL=C sort -u; } > "$dir/PublicAPI.Unshipped.tmp"
  mv "$dir/PublicAPI.Unshipped.tmp" "$dir/PublicAPI.Unshipped.txt"
done

# The build fails on any public symbol still undeclared or declared and gone.
for project in "${projects[@]}"; do
  if ! log=$(dotnet build "$project" -nologo -v quiet 2>&1); then
    grep -E 'error' <<<"$log" | sort -u | head -n 20
    echo "$project does not build: the public API files do not match the code, or the analyzer asks for a change to the API"
    exit 1
  fi
done
echo "public API files up to date (${#projects[@]} projects)"
