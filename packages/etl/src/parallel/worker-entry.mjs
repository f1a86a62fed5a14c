// A worker thread's entry: plain JavaScript, so that it loads without a TypeScript loader; it
// registers tsx's loader on this thread and then imports the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
