import type { Comparator, TaskStatus } from "../../packages/schema/src/index.ts";
import type { Random } from "./random.ts";

/** What a value cell or clause should be read as: the ground truth for one observation. */
export interface TruthValue { comparator: Comparator | null; value: number | null; value_max: number | null; status: TaskStatus | null }

/** A value as printed, with its truth (null: the cell says nothing, e.g. the form's unfilled placeholder). */
export interface PrintedValue { text: string; truth: TruthValue | null }

const num = (x: number, comma: boolean) => (comma ? String(x).replace(".", ",") : String(x));

/** A target as plans print it: "trên 80%", "≥ 95%", "$\geq 80\%$", "Đạt từ 70 - 80%", "100%", "tối thiểu 60%". */
export function printTarget(r: Random, inText: boolean): PrintedValue {
  const v = r.weighted([[r.int(5, 19) * 5, 6], [100, 3], [r.int(500, 990) / 10, 1]] as const);
  const comma = r.chance(0.7);
  const form = r.weighted([["gt", 4], ["gte", 4], ["eq", 4], ["range", 1], ["gte_words", 1], ["latex", inText ? 0 : 1]] as const);
  const t = (comparator: Comparator, value: number, value_max: number | null = null): TruthValue => ({ comparator, value, value_max, status: null });
  switch (form) {
    case "gt": return { text: `${inText ? "đạt " : r.pick(["Trên ", "Đạt trên ", "trên "])}${inText ? "trên " : ""}${num(v === 100 ? 95 : v, comma)}%`, truth: t("gt", v === 100 ? 95 : v) };
    case "gte": return { text: `${inText ? "đạt " : ""}${r.pick(["≥ ", "≥", ">= "])}${num(v, comma)}%`, truth: t("gte", v) };
    case "gte_words": return { text: `${inText ? "đạt " : ""}${r.pick(["tối thiểu ", "ít nhất "])}${num(v, comma)}%`, truth: t("gte", v) };
    case "latex": return { text: `$\\geq ${v}\\%$`, truth: t("gte", v) };
    case "range": {
      const lo = Math.min(v, 90);
      return { text: `${inText ? "đạt " : "Đạt "}từ ${lo} - ${lo + 5}%`, truth: t("range", lo, lo + 5) };
    }
    default: return { text: `${inText ? "đạt " : r.pick(["", "Đạt "])}${num(v, comma)}%`, truth: t("eq", v) };
  }
}

/** A result as reports print it: "89,9%", "đạt 95%", "4371/4864", or the unfilled placeholder. */
export function printResult(r: Random, placeholderRate: number): PrintedValue {
  if (r.chance(placeholderRate)) return { text: r.pick(["(Ghi rõ bao nhiêu/ bao nhiêu, đạt ...%)", "…%", "(đạt ....%)"]), truth: null };
  const form = r.weighted([["percent", 6], ["fraction", 1]] as const);
  if (form === "fraction") {
    const d = r.int(200, 9000);
    const n = r.int(Math.floor(d * 0.4), d);
    return { text: `${n}/${d}`, truth: { comparator: "eq", value: Math.round((1000 * n) / d) / 10, value_max: null, status: null } };
  }
  const v = r.chance(0.2) ? 100 : r.int(300, 999) / 10;
  return { text: `${r.pick(["", "Đạt ", "đạt "])}${num(v, r.chance(0.7))}%`, truth: { comparator: "eq", value: v, value_max: null, status: null } };
}

const STATUS_TEXT: Record<TaskStatus, string[]> = {
  done: ["Đã triển khai", "Đã hoàn thành", "Hoàn thành", "Đã thực hiện"],
  in_progress: ["Đang thực hiện", "Đang triển khai"],
  not_started: ["Chưa triển khai", "Chưa thực hiện"],
};

/** A task result in words ("Đang thực hiện"). */
export function printStatus(r: Random): PrintedValue {
  const status = r.weighted([["done", 5], ["in_progress", 3], ["not_started", 1]] as const);
  return { text: r.pick(STATUS_TEXT[status]!), truth: { comparator: null, value: null, value_max: null, status } };
}
