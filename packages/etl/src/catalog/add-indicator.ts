import { readFileSync, writeFileSync } from "node:fs";
import { parseDocument } from "yaml";
import { indicatorSchema, type Indicator } from "@dx-atlas/schema";

// A new catalog entry from the review (`pnpm etl review --accept ID --new CODE --name "…"`), appended to
// the catalog file with its comments and order kept, so that the analyst's addition is reviewable in git.

const PILLAR_OF: Record<string, Indicator["pillar"]> = {
  cqs: "chinh_quyen_so", kts: "kinh_te_so", xhs: "xa_hoi_so", hts: "ha_tang_so", dls: "du_lieu_so", nls: "nhan_luc_so", attt: "an_toan_thong_tin", tcs: "the_che_so",
};

/** Appends an indicator; throws when the code is taken, its prefix names no pillar, or the entry is invalid. */
export function addIndicator(path: string, e: { code: string; name: string; unit?: string; direction?: string; phrasing: string; note: string }): Indicator {
  const doc = parseDocument(readFileSync(path, "utf8"));
  if (doc.errors.length > 0) throw new Error(`${path}: not valid YAML: ${doc.errors[0]!.message}`);
  const list = doc.contents as unknown as { items: { get(k: string): unknown }[]; add(v: unknown): void };
  if (!Array.isArray(list?.items)) throw new Error(`${path}: the catalog must be a list of indicators`);
  if (list.items.some((i) => i.get("code") === e.code)) throw new Error(`${e.code} is already in the catalog (${path}): map to it with --as ${e.code}`);
  const pillar = PILLAR_OF[e.code.split(".")[0] ?? ""];
  if (!pillar) throw new Error(`${e.code}: a code starts with its pillar (${Object.keys(PILLAR_OF).join(", ")}), e.g. xhs.community_tech_teams`);
  const parsed = indicatorSchema.safeParse({
    code: e.code, name_vi: e.name, name_en: e.name, pillar, unit: e.unit ?? "percent", direction: e.direction ?? "higher",
    source: e.note, phrasings: [e.phrasing],
  });
  if (!parsed.success) throw new Error(`${e.code}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const { not_phrasings: _none, ...entry } = parsed.data;
  list.add(doc.createNode(entry));
  writeFileSync(path, doc.toString({ lineWidth: 0 }));
  return parsed.data;
}
