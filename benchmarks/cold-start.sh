#!/usr/bin/env bash
# Cold start of the main job, whole process: 'targets assess' on the bundled Cần Thơ sample against an empty .NET console
# program, every variant in ONE hyperfine run (apt-get install -y hyperfine), so that the ratios are of one run.
#
# Variants: each git revision in REVISIONS (default: where this branch left main) and the working tree, each as a
# Release build (JIT) and as a ReadyToRun publish (what the 'targets' tool ships); the working tree's ReadyToRun build
# again with runtime settings (TieredPGO, TieredCompilation) switched. A lever is measured as the revision that adds it
# against the one before it: REVISIONS="abc123 def456" benchmarks/cold-start.sh
# Results: out/cold-start/results.md (a Markdown table). Run from anywhere in the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
out=out/cold-start
rm -rf "$out" && mkdir -p "$out"
base=$(git merge-base HEAD main 2>/dev/null || git merge-base HEAD origin/main)
read -r -a revisions <<<"${REVISIONS:-$base}"

publish() { # source-folder name
  dotnet publish "$1/src/Targets.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$out/$2-r2r" -v quiet -nologo
  dotnet publish "$1/src/Targets.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=false \
    -o "$out/$2-jit" -v quiet -nologo
}

dotnet build benchmarks/EmptyConsole -c Release -o "$out/empty" -v quiet -nologo
commands=(-n "empty console" "dotnet $out/empty/EmptyConsole.dll")
for revision in "${revisions[@]}"; do
  short=$(git rev-parse --short "$revision")
  git worktree add --detach "$out/src-$short" "$revision" >/dev/null
  publish "$out/src-$short" "$short"
  git worktree remove --force "$out/src-$short"
  commands+=(-n "$short, Release build (JIT)" "dotnet $out/$short-jit/targets.dll assess"
             -n "$short, ReadyToRun" "dotnet $out/$short-r2r/targets.dll assess")
done
publish . tree
commands+=(-n "this tree, Release build (JIT)" "dotnet $out/tree-jit/targets.dll assess"
           -n "this tree, ReadyToRun (the tool)" "dotnet $out/tree-r2r/targets.dll assess"
           -n "this tree, ReadyToRun, TieredPGO off" "env DOTNET_TieredPGO=0 dotnet $out/tree-r2r/targets.dll assess"
           -n "this tree, ReadyToRun, TieredPGO on" "env DOTNET_TieredPGO=1 dotnet $out/tree-r2r/targets.dll assess"
           -n "this tree, ReadyToRun, TieredCompilation off" "env DOTNET_TieredCompilation=0 dotnet $out/tree-r2r/targets.dll assess")

# Every variant prints the same report.
reference=$(dotnet "$out/tree-r2r/targets.dll" assess)
[ "$(dotnet "$out/tree-jit/targets.dll" assess)" = "$reference" ] || { echo "the JIT build prints another report"; exit 1; }

hyperfine -N --warmup 3 --runs "${RUNS:-20}" --export-markdown "$out/results.md" "${commands[@]}"
cat "$out/results.md"
