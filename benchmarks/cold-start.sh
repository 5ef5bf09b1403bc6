#!/usr/bin/env bash
# Cold start of the main job, whole process: 'targets assess' (the bundled Cần Thơ sample, text) against an empty .NET
# console program, every variant in ONE hyperfine run (apt-get install -y hyperfine), so that the ratios are of one run.
#
# Variants:
# - the 'targets' tool as users get it: packed from this tree into a feed of its own and installed with
#   'dotnet tool install' (on linux-x64 that is the ReadyToRun package), and the portable package ('any', JIT) that
#   'dotnet tool install' falls back to on other platforms;
# - the installed tool with one runtime setting switched each (TieredPGO, TieredCompilation, concurrent GC, ICU instead
#   of invariant globalization): a lever that holds is set in src/Targets.Cli/Targets.Cli.csproj;
# - each git revision in REVISIONS (default: where this branch left main) as a Release build (JIT) and as a ReadyToRun
#   publish, so that a lever added by a revision is measured against the one before it:
#   REVISIONS="abc123 def456" benchmarks/cold-start.sh
# Every variant must print the same bytes (checked before timing). Results: out/cold-start/results.md (Markdown).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
out=$PWD/out/cold-start
rm -rf "$out" && mkdir -p "$out"
base=$(git merge-base HEAD main 2>/dev/null || git merge-base HEAD origin/main)
read -r -a revisions <<<"${REVISIONS:-$base}"

dotnet build benchmarks/EmptyConsole -c Release -o "$out/empty" -v quiet -nologo
commands=(-n "empty console" "$out/empty/EmptyConsole"
          -n "empty console, dotnet EmptyConsole.dll" "dotnet $out/empty/EmptyConsole.dll")

# The tool from a feed, in a packages folder of its own (never a cached copy of the same version).
dotnet pack src/Targets.Cli -c Release -o "$out/feed" -v quiet -nologo
version=$(dotnet msbuild src/Targets.Cli -getProperty:Version -nologo)
NUGET_PACKAGES="$out/packages" dotnet tool install Targets.Cli --version "$version" --tool-path "$out/tool" \
  --add-source "$out/feed" >/dev/null
tool="$out/tool/targets"
unzip -q "$out/feed/Targets.Cli.any.$version.nupkg" -d "$out/any"
portable="dotnet $out/any/tools/net10.0/any/targets.dll"
# The installed tool's folder again, with ICU instead of invariant globalization (a runtimeconfig setting, which the
# environment does not override).
cp -r "$(dirname "$(readlink -f "$tool")")" "$out/icu"
jq '.runtimeOptions.configProperties["System.Globalization.Invariant"] = false' \
  "$out/icu/targets.runtimeconfig.json" > "$out/icu/runtimeconfig.tmp" && mv "$out/icu/runtimeconfig.tmp" "$out/icu/targets.runtimeconfig.json"

commands+=(-n "targets tool, installed (linux-x64: ReadyToRun)" "$tool assess"
           -n "targets tool, portable package (JIT)" "$portable assess"
           -n "installed tool, TieredPGO off" "env DOTNET_TieredPGO=0 $tool assess"
           -n "installed tool, TieredCompilation off" "env DOTNET_TieredCompilation=0 $tool assess"
           -n "installed tool, concurrent GC off" "env DOTNET_gcConcurrent=0 $tool assess"
           -n "installed tool, ICU globalization" "$out/icu/targets assess")

publish() { # source-folder name
  dotnet publish "$1/src/Targets.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$out/$2-r2r" -v quiet -nologo
  dotnet publish "$1/src/Targets.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=false \
    -o "$out/$2-jit" -v quiet -nologo
}
for revision in "${revisions[@]}"; do
  short=$(git rev-parse --short "$revision")
  git worktree add --detach "$out/src-$short" "$revision" >/dev/null
  publish "$out/src-$short" "$short"
  git worktree remove --force "$out/src-$short"
  commands+=(-n "$short, Release build (JIT)" "dotnet $out/$short-jit/targets.dll assess"
             -n "$short, ReadyToRun" "dotnet $out/$short-r2r/targets.dll assess")
done

# Every variant of this tree prints the same bytes, in every text format.
for format in text md json; do
  "$tool" assess --format "$format" > "$out/reference.$format"
  for variant in "$portable" "env DOTNET_TieredPGO=0 $tool" "env DOTNET_TieredCompilation=0 $tool" \
                 "env DOTNET_gcConcurrent=0 $tool" "$out/icu/targets"; do
    $variant assess --format "$format" | cmp -s - "$out/reference.$format" \
      || { echo "'$variant assess --format $format' prints another report"; exit 1; }
  done
done

hyperfine -N --warmup 3 --runs "${RUNS:-20}" --export-markdown "$out/results.md" --export-json "$out/results.json" \
  "${commands[@]}"
# Each mean over the empty console's (the first command) of this same run.
{ printf '| Command | Mean ± σ | × empty console |\n|---|---:|---:|\n'
  jq -r '.results[0].mean as $empty | .results[] |
    "| \(.command) | \(.mean*1000|round) ± \(.stddev*1000|round) ms | \(.mean/$empty*10|round/10) |"' "$out/results.json"
} | tee "$out/ratios.md"
