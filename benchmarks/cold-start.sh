#!/usr/bin/env bash
# Cold start of the main job, whole process: the built CLI assessing its bundled sample against an empty .NET console
# program, in one hyperfine run (apt-get install -y hyperfine). Run from the repository root: benchmarks/cold-start.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Targets.Cli -c Release -v quiet -nologo
dotnet build benchmarks/EmptyConsole -c Release -v quiet -nologo
dotnet publish src/Targets.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o out/cold-start/r2r -v quiet -nologo
hyperfine -N --warmup 3 --runs 20 \
  -n "empty console" "dotnet benchmarks/EmptyConsole/bin/Release/net10.0/EmptyConsole.dll" \
  -n "targets assess (Release build)" "dotnet src/Targets.Cli/bin/Release/net10.0/targets.dll assess" \
  -n "targets assess (ReadyToRun publish)" "dotnet out/cold-start/r2r/targets.dll assess" \
  -n "targets assess (TieredPGO off)" "env DOTNET_TieredPGO=0 dotnet src/Targets.Cli/bin/Release/net10.0/targets.dll assess" \
  "$@"
