// A parser thread: builds the catalog index and gazetteer once, then parses the files it is sent.
import { parentPort, workerData } from "node:worker_threads";
import { contextFrom, parseFile, type ParseSetup, type ParseTask } from "./context.ts";

const setup = workerData as ParseSetup;
const ctx = contextFrom(setup);
parentPort!.on("message", async (msg: { id: number; task: ParseTask }) => {
  const result = await parseFile(msg.task, ctx, setup.maxFileBytes);
  parentPort!.postMessage({ id: msg.id, result });
});
