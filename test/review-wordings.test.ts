import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openWarehouse, queryRows } from "../packages/metrics/src/index.ts";
import { readReviewRows } from "../packages/etl/src/review/read-review.ts";
import { formatReview, recurringWordings, reviewItems } from "../packages/etl/src/review/review-items.ts";
import { runEtl } from "../packages/etl/src/run-etl.ts";
import { etlCli, repo, tempDir } from "./helpers.ts";

// Three invented commune posts that report one thing the catalog does not know, worded alike.
const post = (unit: string, district: string, value: string) => `Xã ${unit} đẩy mạnh chuyển đổi số
Tính đến cuối năm 2024, theo UBND xã ${unit} (huyện ${district}, tỉnh Thanh Hóa), tỷ lệ hộ nông dân bán nông sản qua livestream đã đạt ${value}.`;

describe("recurring unmapped wordings", () => {
  it("are grouped across files, and one accepted wording (a new catalog entry) maps the value in all three", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "in"));
    writeFileSync(join(dir, "in", "ha-tan.txt"), post("Hà Tân", "Hà Trung", "12%"));
    writeFileSync(join(dir, "in", "yen-truong.txt"), post("Yên Trường", "Yên Định", "8,5%"));
    writeFileSync(join(dir, "in", "yen-hung.txt"), post("Yên Hùng", "Yên Định", "15%"));
    const catalog = join(dir, "indicators.yaml");
    copyFileSync(repo("data/catalog/indicators.yaml"), catalog);
    const corrections = join(dir, "corrections.yaml");
    const db = join(dir, "w.duckdb");
    await runEtl({ inputs: ["in"], db, cwd: dir, catalogPath: catalog, correctionsPath: corrections });
    let wh = await openWarehouse(db, { readOnly: true });
    const items = reviewItems(await readReviewRows(wh.conn));
    wh.close();
    const [group] = recurringWordings(items);
    expect(group?.files).toEqual(["in/ha-tan.txt", "in/yen-hung.txt", "in/yen-truong.txt"]);
    expect(formatReview(items, "en")).toMatch(/Unmapped wordings in several files[\s\S]*3 files/);
    expect(formatReview(items)).toMatch(/Cách ghi chưa khớp chỉ tiêu, gặp ở nhiều tệp[\s\S]*3 tệp/);
    const out = etlCli(dir, ["review", "--db", db, "--corrections", corrections, "--catalog", catalog, "--accept", group!.ids[0]!, "--new", "kts.livestream_farm_sales", "--name", "Tỷ lệ hộ nông dân bán nông sản qua livestream"]);
    expect(out).toMatch(/Added kts\.livestream_farm_sales/);
    expect(readFileSync(catalog, "utf8")).toMatch(/# DX Atlas — indicator catalog[\s\S]*code: kts\.livestream_farm_sales/); // comments kept
    await runEtl({ inputs: ["in"], db, cwd: dir, catalogPath: catalog, correctionsPath: corrections });
    wh = await openWarehouse(db, { readOnly: true });
    const rows = await queryRows(wh.conn, "SELECT source_file, value FROM observations WHERE indicator_code = 'kts.livestream_farm_sales' ORDER BY source_file");
    wh.close();
    expect(rows).toEqual([{ source_file: "in/ha-tan.txt", value: 12 }, { source_file: "in/yen-hung.txt", value: 15 }, { source_file: "in/yen-truong.txt", value: 8.5 }]);
  });
});
