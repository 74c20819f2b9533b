#!/usr/bin/env bash
# Regenerates the compiled EF model (src/ClaimTracker.Infrastructure/Data/CompiledModel) after a change to the
# model (an entity, a property, a configuration class). The test CompiledModelTests fails until this has run.
#
#   migrations/compile-model.sh
#
# The project is built without the old compiled model first (it may no longer compile), then `dotnet ef` (a local
# tool, .config/dotnet-tools.json) generates the new one from the configuration classes, through the design-time
# context in migrations/ClaimTracker.Migrations/DesignTimeContextFactory.cs. The model is SQLite's; PostgreSQL
# builds its own at start (its column types differ).
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/ClaimTracker.Infrastructure/Data/CompiledModel
dotnet tool restore >/dev/null
dotnet build migrations/ClaimTracker.Migrations -p:WithoutCompiledModel=true --nologo -v q
rm -rf "$out"
dotnet ef dbcontext optimize --no-build -p src/ClaimTracker.Infrastructure -s migrations/ClaimTracker.Migrations \
  -o Data/CompiledModel -n ClaimTracker.Infrastructure.Data.CompiledModel
# The app chooses the compiled model for SQLite only (DatabaseServiceCollectionExtensions.ConfigureSqlite); the
# assembly-wide attribute would make EF take it for PostgreSQL too.
rm -f "$out/AppDbContextAssemblyAttributes.cs"
# Rebuild the normal way, so that the next plain build does not reuse the one without the compiled model.
dotnet build migrations/ClaimTracker.Migrations --nologo -v q
echo "compiled model written to $out"
