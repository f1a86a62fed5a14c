// A parser thread: builds the catalog index and gazetteer once, then parses the files it is sent.
import { parentPort, workerData } from "node:worker_threads";
import { contextFrom, parseFile, type ParseSetup, type ParseTask } from "./context.ts";

const setup = workerData as ParseSetup;
const ctx = contextFrom(setup);
let current = -1;
// Each page OCR reads is news for the pool: a progress line, and proof the thread is not stuck.
ctx.onOcrPage = (_file, read, of) => parentPort!.postMessage({ id: current, progress: { read, of } });
parentPort!.on("message", async (msg: { id: number; task: ParseTask }) => {
  current = msg.id;
  // The pool's watchdog counts a file's time from here, not from when it was sent (a thread's first
  // file waits for the thread to load the pipeline).
  parentPort!.postMessage({ id: msg.id, started: true });
  const result = await parseFile(msg.task, ctx, setup.maxFileBytes);
  parentPort!.postMessage({ id: msg.id, result });
});
