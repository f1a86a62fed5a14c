import { fileURLToPath } from "node:url";

const root = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));

/** The warehouse `pnpm etl` writes and the metric commands read, and where `pnpm export` writes. */
export const DEFAULT_WAREHOUSE = root("data/warehouse.duckdb");
export const DEFAULT_EXPORT_DIR = root("data/export");
