#!/usr/bin/env node
// `pnpm export`: run by pnpm as a package binary (not a script), so that it prints only its own words: a
// script would be echoed ("$ tsx …") and a failure followed by "[ELIFECYCLE] Command failed".
// Plain JavaScript, so it starts without a loader; it registers tsx's loader, then runs the TypeScript CLI.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/export.ts");
