import { resolve } from "node:path";
import { DEFAULT_WAREHOUSE } from "../paths.ts";

/** The directory the user ran `pnpm …` from (pnpm changes into the package otherwise). */
export const cwd = process.env.INIT_CWD ?? process.cwd();

export const warehousePath = (db: string | undefined) => (db ? resolve(cwd, db) : DEFAULT_WAREHOUSE);

/** Runs a CLI main, mapping a thrown error to one line on stderr and exit code 1. */
export function runCli(name: string, main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err: Error) => {
    console.error(`${name}: ${err.message}`);
    process.exitCode = 1;
  });
}
