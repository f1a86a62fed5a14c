#!/usr/bin/env node
// `pnpm export`: run by pnpm as a package binary (not a script), so that it prints only its own words: a
// script would be echoed ("$ tsx …") and a failure followed by "[ELIFECYCLE] Command failed".
// It runs the CLI's JavaScript bundle (built from the TypeScript sources: scripts/compiled-runtime.mjs).
import { runCompiled } from "../../../scripts/compiled-runtime.mjs";

await runCompiled("export");
