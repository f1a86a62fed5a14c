import { msg } from "@dx-atlas/schema";
import { Worker } from "node:worker_threads";
import type { FileResult } from "../process-document.ts";
import { contextFrom, fileReject, parseFile, type ParseSetup, type ParseTask } from "./context.ts";

/**
 * Parses files on `size` worker threads (0: on this thread) and hands the results back in the order
 * the tasks were given, whatever order the threads finish in, so a run's output does not depend on
 * timing. At most `size × 4` files are in flight, so memory does not grow with the inbox.
 */
export async function* parseAll(tasks: Iterable<ParseTask>, setup: ParseSetup, size: number, onOcrPage?: OcrProgress): AsyncGenerator<FileResult> {
  if (size <= 0) {
    // Built on the first file: a run with nothing to parse (an unchanged inbox) never pays for it.
    let ctx: (ReturnType<typeof contextFrom> & { onOcrPage?: OcrProgress }) | undefined;
    for (const t of tasks) yield await parseFile(t, (ctx ??= { ...contextFrom(setup), onOcrPage }), setup.maxFileBytes);
    return;
  }
  // A worker runs what the main thread runs: from the sources, worker-entry.mjs registers tsx's loader;
  // from a bundle, ./worker-entry.mjs is the worker's bundle (scripts/compiled-runtime.mjs), whose
  // source map points errors at the .ts lines. A loader inherited from the parent (`node --import
  // tsx`) and registered again would deadlock: drop it.
  const execArgv = [...withoutLoaders(process.execArgv), "--enable-source-maps"];
  const done = new Map<number, FileResult>();
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const signal = () => { const w = wake; wake = null; w?.(); };
  const idle: Worker[] = [];
  const workers = new Set<Worker>();
  /** What each busy thread is parsing, and since when. */
  const busy = new Map<Worker, { id: number; task: ParseTask; since: number }>();
  const spawn = () => {
    const w = new Worker(new URL("./worker-entry.mjs", import.meta.url), { workerData: setup, execArgv });
    w.on("message", (m: { id: number; result?: FileResult; started?: boolean; progress?: { read: number; of: number } }) => {
      if (!workers.has(w)) return; // stopped by the watchdog: its file is already rejected
      // A page read by OCR restarts the watchdog's clock: a long scan is slow, not stuck.
      if (m.started || m.progress) {
        const job = busy.get(w);
        if (job?.id === m.id) { job.since = performance.now(); if (m.progress) onOcrPage?.(job.task.name, m.progress.read, m.progress.of); }
        return;
      }
      busy.delete(w); done.set(m.id, m.result!); idle.push(w); signal(); });
    w.on("error", (err) => { failure = new Error(`a parser thread failed${busy.has(w) ? ` on ${busy.get(w)!.task.name}` : ""}: ${err.message}`); signal(); });
    workers.add(w);
    idle.push(w);
  };
  for (let i = 0; i < size; i++) spawn();
  // The hard limit: processDocument gives up on its own at fileSeconds between stages and rows; a
  // thread stuck inside one step (or one OCR page) for twice that is stopped, its file rejected, and a
  // new thread started.
  const hardMs = setup.fileSeconds * 2000;
  const watchdog = setInterval(() => {
    const now = performance.now();
    for (const [w, job] of busy) {
      if (!(now - job.since >= hardMs)) continue;
      busy.delete(w);
      workers.delete(w);
      void w.terminate();
      done.set(job.id, fileReject(job.task.name, "timed_out", msg("read.stopped", { seconds: setup.fileSeconds * 2 })));
      spawn();
      signal();
    }
  }, Math.min(1000, Math.max(50, hardMs / 4)));
  watchdog.unref();
  const pending = tasks[Symbol.iterator]();
  let sent = 0;
  let next = 0;
  let exhausted = false;
  try {
    for (;;) {
      while (!exhausted && idle.length > 0 && sent - next < size * 4) {
        const t = pending.next();
        if (t.done) { exhausted = true; break; }
        const w = idle.pop()!;
        busy.set(w, { id: sent, task: t.value, since: Number.POSITIVE_INFINITY }); // counted once the thread starts it
        w.postMessage({ id: sent++, task: t.value });
      }
      // One result at a time, then back to sending: while this generator is suspended at `yield`,
      // threads finish and go idle, and must get new work before we wait again.
      if (done.has(next)) {
        const r = done.get(next)!;
        done.delete(next++);
        yield r;
        continue;
      }
      if (failure) throw failure;
      if (exhausted && next === sent) return;
      await new Promise<void>((resolve) => { wake = resolve; });
    }
  } finally {
    clearInterval(watchdog);
    await Promise.all([...workers].map((w) => w.terminate()));
  }
}

/** Told after each page OCR reads in a file: pages read so far, of the file's pages. */
export type OcrProgress = (file: string, read: number, of: number) => void;

/** Node options minus module loaders (--import/--require/--loader and their values). */
function withoutLoaders(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (/^--(import|require|loader|experimental-loader)$/.test(a) || a === "-r") { i++; continue; }
    if (/^--(import|require|loader|experimental-loader)=/.test(a)) continue;
    out.push(a);
  }
  return out;
}
