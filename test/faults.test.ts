// Faults: a real `kill -9` of a child `pnpm etl` at known points inside the load and at random times,
// two runs at once, a read-only and a full file system. After each, every table's row count and content
// hash must be what it was before the run (or what a finished run leaves), and the next run completes.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runEtl } from "../packages/etl/src/run-etl.ts";
import { repo, SAMPLES, tempDir, warehouseFingerprint } from "./helpers.ts";

const CLI = repo("packages/etl/src/cli/main.ts");
const now = () => new Date("2026-11-23T00:00:00Z");

/** A folder with the five samples and a warehouse holding the first of them. */
async function baseline(root = tempDir()): Promise<{ dir: string; db: string; before: Record<string, string> }> {
  mkdirSync(join(root, "in"), { recursive: true });
  for (const s of SAMPLES) copyFileSync(repo(`data/samples/${s}.txt`), join(root, "in", `${s}.txt`));
  const db = join(root, "w.duckdb");
  await runEtl({ inputs: [`in/${SAMPLES[0]}.txt`], db, cwd: root, now });
  return { dir: root, db, before: await warehouseFingerprint(db) };
}

/** Starts `pnpm etl in --db DB` as its own process; resolves `paused` when it reports DX_PAUSED. */
function startEtl(dir: string, db: string, pauseAt?: string) {
  const child = spawn(process.execPath, ["--import", "tsx", CLI, "in", "--db", db], {
    cwd: repo(""), env: { ...process.env, INIT_CWD: dir, ...(pauseAt ? { DX_TEST_PAUSE_AT: pauseAt } : {}) }, stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  const paused = new Promise<void>((resolve, reject) => {
    child.stderr.on("data", (b: Buffer) => { stderr += b.toString(); if (stderr.includes("DX_PAUSED")) resolve(); });
    child.on("exit", () => reject(new Error(`the ETL exited before pausing: ${stderr}`)));
  });
  paused.catch(() => undefined); // awaited only by the tests that pause; a kill before that is no error
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal === "SIGKILL" ? -9 : code)));
  return { child, paused, exited, stderr: () => stderr };
}

const etlSync = (dir: string, db: string, ...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", CLI, ...args, "--db", db], { cwd: repo(""), env: { ...process.env, INIT_CWD: dir }, encoding: "utf8" });

describe("kill -9 in the middle of a load", () => {
  it.each(["file:1", "file:3", "commit"])("at %s: the warehouse is as before the run, and the next run completes", async (at) => {
    const { dir, db, before } = await baseline();
    const run = startEtl(dir, db, at);
    await run.paused;
    run.child.kill("SIGKILL");
    expect(await run.exited).toBe(-9);
    expect(await warehouseFingerprint(db)).toEqual(before);
    const next = await runEtl({ inputs: ["in"], db, cwd: dir, now });
    expect(next.load).toMatchObject({ loaded: 4, unchanged: 1, rejected: 0 });
  }, 60_000);

  it("at random times: the warehouse is either as before or as after a finished run, never between", async () => {
    const { dir, db, before } = await baseline();
    // What a finished run leaves, from a copy of the same start.
    const done = await baseline();
    await runEtl({ inputs: ["in"], db: done.db, cwd: done.dir, now });
    const after = await warehouseFingerprint(done.db);
    const outcomes: string[] = [];
    for (const delay of [300, 900, 1500, 2100]) {
      const run = startEtl(dir, db);
      const timer = setTimeout(() => run.child.kill("SIGKILL"), delay);
      const code = await run.exited;
      clearTimeout(timer);
      const state = await warehouseFingerprint(db);
      // loaded_at differs between runs: compare the tables that do not carry it.
      const strip = (f: Record<string, string>) => Object.fromEntries(Object.entries(f).filter(([t]) => !["files", "metrics_state", "metrics_files"].includes(t)));
      if (JSON.stringify(strip(state)) === JSON.stringify(strip(before))) outcomes.push(`${delay} ms: killed (${code}), as before`);
      else { expect(strip(state)).toEqual(strip(after)); outcomes.push(`${delay} ms: finished (${code})`); break; }
    }
    console.log(outcomes.join("\n"));
    const next = await runEtl({ inputs: ["in"], db, cwd: dir, now });
    expect(next.load.loaded + next.load.unchanged).toBe(5);
  }, 120_000);
});

describe("two runs at once", () => {
  it("the second stops with a clear message naming the first; nothing is corrupted", async () => {
    const { dir, db, before } = await baseline();
    const first = startEtl(dir, db, "file:2");
    await first.paused;
    const second = etlSync(dir, db, "in");
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`the warehouse .*w\\.duckdb is in use by another process \\(PID ${first.child.pid}, .*\\): another pnpm etl may be loading it\\. Wait for that run to finish and try again; nothing was changed`));
    const reader = spawnSync(process.execPath, ["--import", "tsx", repo("packages/metrics/src/cli/metrics.ts"), "target-vs-actual", "--db", db], { cwd: repo(""), env: { ...process.env, INIT_CWD: dir }, encoding: "utf8" });
    expect(reader.stderr).toMatch(/is in use by another process/);
    first.child.kill("SIGKILL");
    await first.exited;
    expect(await warehouseFingerprint(db)).toEqual(before);
    expect(etlSync(dir, db, "in").status).toBe(0);
  }, 60_000);
});

// A read-only and a full file system need mounts (tmpfs, bind,ro): root in CI; skipped where not allowed.
const mnt = join(tempDir(), "mnt");
const canMount = (() => {
  mkdirSync(mnt, { recursive: true });
  const ok = spawnSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", mnt]).status === 0;
  if (ok) spawnSync("umount", [mnt]);
  return ok;
})();

describe.runIf(canMount)("file system faults (tmpfs mounts)", () => {
  let base: Awaited<ReturnType<typeof baseline>>;
  beforeAll(async () => { base = await baseline(); });

  it("a full disk: a clear error, the warehouse as before, and the run completes once there is room", async () => {
    const small = join(mnt, "small");
    mkdirSync(small, { recursive: true });
    // Room for the warehouse of one sample and a little more, not for the rows and metrics of five.
    const room = Math.ceil((statSync(base.db).size + 128 * 1024) / 1024);
    expect(spawnSync("mount", ["-t", "tmpfs", "-o", `size=${room}k`, "tmpfs", small]).status).toBe(0);
    try {
      copyFileSync(base.db, join(small, "w.duckdb"));
      const r = etlSync(base.dir, join(small, "w.duckdb"), "in");
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/the disk holding the warehouse is full \(.*No space left on device\)\. Free some space and run again; nothing was changed\./);
      expect(await warehouseFingerprint(join(small, "w.duckdb"))).toEqual(base.before);
      expect(spawnSync("mount", ["-o", "remount,size=64m", small]).status).toBe(0);
      expect(etlSync(base.dir, join(small, "w.duckdb"), "in").status).toBe(0);
    } finally {
      spawnSync("umount", [small]);
    }
  }, 60_000);

  it("a read-only warehouse: pnpm etl says so; pnpm metrics still reads it", async () => {
    const ro = join(mnt, "ro");
    mkdirSync(ro, { recursive: true });
    expect(spawnSync("mount", ["--bind", "-o", "ro", base.dir, ro]).status).toBe(0);
    try {
      const r = etlSync(base.dir, join(ro, "w.duckdb"), "in");
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/cannot write the warehouse .*w\.duckdb: it is on a read-only file system .*pnpm etl needs to write it/);
      const read = spawnSync(process.execPath, ["--import", "tsx", repo("packages/metrics/src/cli/metrics.ts"), "target-vs-actual", "--db", join(ro, "w.duckdb")], { cwd: repo(""), encoding: "utf8" });
      expect(read.status).toBe(0);
      expect(read.stdout).toContain("Mỹ Hòa");
    } finally {
      spawnSync("umount", [ro]);
    }
    expect(existsSync(join(base.dir, "w.duckdb"))).toBe(true);
  }, 60_000);
});

