// The message catalog (packages/schema/src/messages/catalog.ts): every code has a Vietnamese and an
// English text naming the same parameters; every code the warehouse can hold is in it; what the ETL
// stores renders back to the English it also stores; the commands speak Vietnamese by default, and
// their --json is what it was before the catalog (test/golden/json, written by the code before it).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  attainmentStatusSchema, comparisonMissingSchema, formatDate, formatNumber, fromStored, measureSchema, MESSAGES, OMITTED_IN_VI, progressStatusSchema,
  rejectSchema, render, taskStatusSchema, templateParams, tierSchema, trendProgressSchema, valueUnitSchema, warningSchema, type Message, type MessageCode,
} from "../packages/schema/src/index.ts";
import { openWarehouse, queryRows } from "../packages/metrics/src/index.ts";
import { REVIEW_KINDS } from "../packages/etl/src/review/review-items.ts";
import { runEtl } from "../packages/etl/src/run-etl.ts";
import { etlCli, repo, tempDir } from "./helpers.ts";

const codes = Object.keys(MESSAGES) as MessageCode[];
const enumOf = (schema: { options: readonly string[] }) => schema.options;

describe("the message catalog", () => {
  it("has a Vietnamese and an English text for every code, naming the same parameters", () => {
    expect(codes.length).toBeGreaterThan(200);
    for (const code of codes) {
      const { vi, en } = MESSAGES[code];
      expect(vi.trim(), `${code}: vi`).not.toBe("");
      expect(en.trim(), `${code}: en`).not.toBe("");
      const omitted = OMITTED_IN_VI[code] ?? [];
      expect(templateParams(vi), code).toEqual(templateParams(en).filter((p) => !omitted.includes(p)));
    }
  });

  it("has every code the warehouse can hold: reasons, warnings, review kinds, statuses, notes", () => {
    const needed = [
      ...enumOf(rejectSchema.shape.reason_code).map((c) => `reason.${c}`),
      ...enumOf(warningSchema.shape.code).map((c) => `warning.${c}`),
      ...REVIEW_KINDS.map((k) => `review.${k}`),
      ...enumOf(attainmentStatusSchema).map((s) => `status.${s}`),
      ...enumOf(progressStatusSchema).map((s) => `progress.${s}`),
      ...enumOf(comparisonMissingSchema.shape.reason).map((s) => `missing.${s}`),
      ...enumOf(taskStatusSchema).map((s) => `task.${s}`),
      ...enumOf(tierSchema).map((s) => `tier.${s}`),
      ...enumOf(trendProgressSchema.shape.target_source.unwrap()).map((s) => `target_source.${s}`),
      ...enumOf(measureSchema).flatMap((m) => [`measure.${m}`, `term.${m}`]),
      ...enumOf(valueUnitSchema).map((u) => `unit.${u}`),
    ];
    expect(needed.filter((c) => !(c in MESSAGES))).toEqual([]);
  });

  it("has every code the sources name (msg(\"…\"), say(lang, \"…\"), code: \"…\" in SQL notes)", () => {
    const named = new Set<string>();
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|js)$/.test(e.name)) {
          const text = readFileSync(p, "utf8");
          for (const m of text.matchAll(/\b(?:msg|say\(\w+,|t)\(\s*"([a-z_]+\.[a-z_.]+)"/g)) named.add(m[1]!);
          for (const m of text.matchAll(/\bcode: "([a-z_]+\.[a-z_.]+)"/g)) named.add(m[1]!);
          for (const m of text.matchAll(/'code', '([a-z_]+\.[a-z_.]+)'/g)) named.add(m[1]!);
        }
      }
    };
    for (const d of ["packages/etl/src", "packages/metrics/src", "apps/explorer/scripts"]) walk(repo(d));
    expect(named.size).toBeGreaterThan(80);
    expect([...named].filter((c) => !(c in MESSAGES))).toEqual([]);
  });

  it("writes numbers and dates the Vietnamese way, and English with its own", () => {
    expect(render({ code: "note.value_at", params: { value: 89.9, suffix: "%", file: "a.txt", line: 1279 } }, "vi")).toBe("89,9% (a.txt, dòng 1279)");
    expect(render({ code: "note.value_at", params: { value: 89.9, suffix: "%", file: "a.txt", line: 1279 } }, "en")).toBe("89.9% (a.txt:1279)");
    expect(formatNumber(4371, "vi")).toBe("4.371");
    expect(formatDate("2024-04-15", "vi")).toBe("15/4/2024");
    expect(render({ code: "doc.year_from_date", params: { year: 2024, published: "2024-04-15" } }, "vi")).toContain("lấy năm 2024 theo ngày ban hành 15/4/2024");
    expect(render({ code: "read.pdf_needs_ocr", params: { pages: 1 } }, "en")).toContain("(1 page of images");
    expect(render({ code: "read.pdf_needs_ocr", params: { pages: 3 } }, "en")).toContain("(3 pages of images");
  });
});

describe("what the ETL stores", () => {
  let db: string;
  beforeAll(async () => {
    const dir = tempDir();
    db = join(dir, "w.duckdb");
    // The samples, the bad fixtures (legacy .doc, password, truncated, a bomb, a scan read without
    // OCR) and files rejected for what they say: empty, binary, not about digital transformation,
    // no unit the lists know.
    const inbox = join(dir, "inbox");
    mkdirSync(inbox);
    for (const f of readdirSync(repo("data/samples"))) copyFileSync(repo(`data/samples/${f}`), join(inbox, f));
    for (const f of readdirSync(repo("test/fixtures/bad")).filter((f) => f !== "README.md")) copyFileSync(repo(`test/fixtures/bad/${f}`), join(inbox, `bad-${f}`));
    writeFileSync(join(inbox, "empty.txt"), "");
    writeFileSync(join(inbox, "binary.txt"), Buffer.from([0, 1, 2, 3, 0, 0, 7, 8]));
    writeFileSync(join(inbox, "not-dx.txt"), "KẾ HOẠCH\nTổ chức hội nghị tổng kết công tác thi đua khen thưởng năm 2024\n");
    writeFileSync(join(inbox, "no-unit.txt"), "KẾ HOẠCH\nChuyển đổi số năm 2024\nMục tiêu: 100% hồ sơ công việc được xử lý trên môi trường mạng.\n");
    await runEtl({ inputs: [inbox], db, cwd: dir, workers: 0, ocr: false });
  }, 120_000);

  it("is a catalog code with parameters that render back to the English reason it also stores", async () => {
    const wh = await openWarehouse(db, { readOnly: true });
    try {
      const stored = await queryRows(wh.conn, `SELECT reason_code AS kind, message_code, message_params, reason AS english FROM rejects
        UNION ALL SELECT code, message_code, message_params, message FROM warnings`) as { kind: string; message_code: string; message_params: string | null; english: string }[];
      expect(stored.length).toBeGreaterThan(20);
      const codesIn = (m: unknown): string[] => Array.isArray(m) ? m.flatMap(codesIn) : m && typeof m === "object"
        ? [...("code" in m ? [String((m as Message).code)] : []), ...Object.values((m as Message).params ?? {}).flatMap(codesIn)] : [];
      for (const s of stored) {
        expect(s.message_code, s.english).not.toBeNull();
        const m = fromStored(s.message_code, s.message_params, s.english);
        expect(codesIn(m).filter((c) => !(c in MESSAGES)), s.english).toEqual([]);
        expect(render(m, "en")).toBe(s.english);
        expect(render(m, "vi")).not.toBe(s.english);
      }
      const kinds = new Set(stored.map((s) => s.message_code));
      expect(kinds.size).toBeGreaterThan(12);
      // The metric notes: codes and parameters beside the English note.
      const notes = await queryRows(wh.conn, "SELECT note, notes FROM target_vs_actual WHERE notes IS NOT NULL") as { note: string; notes: string }[];
      expect(notes.length).toBeGreaterThan(3);
      for (const n of notes) {
        const list = JSON.parse(n.notes) as Message[];
        expect(codesIn(list).filter((c) => !(c in MESSAGES))).toEqual([]);
        expect(list.length).toBe(n.note.split("; ").length);
      }
    } finally {
      wh.close();
    }
  });
});

describe("the commands on the samples", () => {
  let dir: string;
  let db: string;
  beforeAll(() => { dir = tempDir(); db = join(dir, "w.duckdb"); }, 1000);
  const normalised = (json: string) => {
    const d = JSON.parse(json) as Record<string, unknown> & { load: { metrics: Record<string, unknown> } };
    for (const k of ["seconds", "peak_rss_mb", "db"]) delete d[k];
    delete d.load.metrics.seconds;
    return d;
  };

  it("pnpm etl speaks Vietnamese by default, English with --lang en, and its --json is as it was", () => {
    const vi = etlCli(repo(""), ["data/samples", "--db", db, "--workers", "0"], { DX_LANG: "" });
    expect(vi).toMatch(/^tệp +đọc dạng +loại văn bản +đơn vị +năm +dòng +đã khớp +chưa khớp +giá trị +cảnh báo +loại bỏ +tình trạng$/m);
    expect(vi).toMatch(/001_e735b5701492984f\.txt +utf-8 +báo cáo +xã Hà Tân +2023 +53 +51 +0 +80 +1 +8 +đã nạp/);
    expect(vi).toContain("5 tệp: nạp 5 (0 thay bản trước), 0 không đổi, 0 trùng, 0 bị từ chối; 231 giá trị từ 205 dòng, 1 chưa khớp chỉ tiêu, 6 cảnh báo, 11 dòng loại bỏ;");
    expect(vi).toMatch(/giây trên luồng chính, bộ nhớ tối đa \d+ MB\./);
    expect(vi).toContain("Cần rà soát (12; tất cả nằm trong bảng 'rejects' và 'warnings' của kho dữ liệu):");
    expect(vi).toContain("data/samples/001_e735b5701492984f.txt:221: Ô kết quả để nguyên mẫu, chưa điền: \"(Ghi rõ bao nhiêu/ bao nhiêu, đạt ...%)\". Đề nghị đơn vị điền số liệu.");
    // A long line is cut after its last full sentence, not in the middle of a command.
    expect(vi).toContain("data/samples/001_e735b5701492984f.txt:198: Một giá trị kết quả \"(Ghi rõ bao nhiêu/ bao nhiêu, đạt 98,6%)\" ghi chung cho 2 chỉ tiêu trong văn bản: không biết thuộc chỉ tiêu nào.\n");
    expect(vi).toMatch(/^Kho dữ liệu: .*w\.duckdb {2}· {2}tiếp theo: pnpm metrics target-vs-actual/m);
    const en = etlCli(repo(""), ["data/samples", "--db", db, "--workers", "0", "--lang", "en"], { DX_LANG: "" });
    expect(en).toContain("5 files: 0 loaded (0 replacing an earlier version), 5 unchanged (already in the warehouse, not re-read), 0 duplicates, 0 rejected;");
    expect(etlCli(repo(""), ["data/samples", "--db", db, "--workers", "0"], { DX_LANG: "en" })).toContain("5 files: 0 loaded");
    expect(etlCli(repo(""), ["--help"], { DX_LANG: "" })).toMatch(/^Cách dùng:\n {2}pnpm etl \[TỆP_HOẶC_THƯ_MỤC…\]/);
    expect(etlCli(repo(""), ["--help", "--lang", "en"], { DX_LANG: "" })).toMatch(/^Usage:\n {2}pnpm etl \[FILES_OR_DIRS…\]/);
    // --json: the English, stable fields of before the catalog, on a fresh warehouse.
    const fresh = join(tempDir(), "w.duckdb");
    const json = etlCli(repo(""), ["data/samples", "--db", fresh, "--workers", "0", "--json"], { DX_LANG: "" });
    const before = JSON.parse(readFileSync(repo("test/golden/json/etl-samples.json"), "utf8"));
    expect(normalised(json)).toEqual(before);
  });

  it("pnpm etl review lists each finding in Vietnamese, with what to do, and its --json is as it was", () => {
    const vi = etlCli(repo(""), ["review", "--db", db], { DX_LANG: "" });
    expect(vi).toContain("[3fa4ce92] :198   dòng chưa đọc   Một giá trị kết quả \"(Ghi rõ bao nhiêu/ bao nhiêu, đạt 98,6%)\" ghi chung cho 2 chỉ tiêu trong văn bản: không biết thuộc chỉ tiêu nào.");
    expect(vi).toContain("các kết quả ghi khác nhau: \"4371/4864 đạt 89,9%\" (data/samples/001_e735b5701492984f.txt, dòng 128), \"(Ghi rõ");
    expect(vi).toContain("sửa: pnpm etl review --accept 3fa4ce92 --value \"…\" --as MÃ");
    expect(vi).toContain("[a2424219] :233   khớp chưa chắc  Đã gán mã kts.digital_economy_share_grdp với độ tin cậy 0,67 (giá trị \"Đạt từ 7 - 8% GRDP\"): xác nhận hoặc sửa lại.");
    expect(vi).toContain("sửa: pnpm etl review --accept fd399044 --unit \"xã …, huyện …\"   (đơn vị ban hành data/samples/002_d48d77757f9ad9ed.txt; hoặc mã đơn vị hành chính)");
    expect(vi).toMatch(/^Cần rà soát 23: .*3 khớp chưa chắc.*8 mâu thuẫn.*1 ô để nguyên mẫu.*1 chưa khớp\.$/m);
    const en = etlCli(repo(""), ["review", "--db", db, "--lang", "en"], { DX_LANG: "" });
    expect(en).toContain("[3fa4ce92] :198   row not read    ambiguous_result: one result \"(Ghi rõ bao nhiêu/ bao nhiêu, đạt 98,6%)\" for 2 targets in the text: cannot tell which it belongs to");
    const json = etlCli(repo(""), ["review", "--db", db, "--json"], { DX_LANG: "" });
    expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(repo("test/golden/json/review-samples.json"), "utf8")));
  });

  it("pnpm metrics prints Vietnamese headers, statuses, numbers and notes by default; --json keeps the English note", () => {
    const metrics = (args: string[], lang: string) => execFileSync(repo("node_modules/.bin/tsx"), [repo("packages/metrics/src/cli/metrics.ts"), ...args, "--db", db],
      { encoding: "utf8", env: { ...process.env, INIT_CWD: repo(""), DX_LANG: lang } });
    const vi = metrics(["target-vs-actual", "--unit", "Hà Tân", "--indicator", "xhs.ehealth_record"], "");
    expect(vi).toMatch(/^đơn vị +chỉ tiêu +năm +chỉ tiêu KH +kết quả +đánh giá +chênh lệch +tỷ lệ đạt/);
    expect(vi).toMatch(/xã Hà Tân → Tống Sơn +xhs\.ehealth_record +2023 +90% +96,8% +đạt +6,8 +1,076 .*các kết quả ghi khác nhau: 89,9% \(001_e735b5701492984f\.txt, dòng 128\)/);
    expect(vi).toContain("1 dòng: 1 đạt.");
    expect(metrics(["target-vs-actual", "--unit", "Hà Tân", "--indicator", "xhs.ehealth_record"], "en")).toContain("1 row: 1 met.");
    const [row] = JSON.parse(metrics(["target-vs-actual", "--unit", "Hà Tân", "--indicator", "xhs.ehealth_record", "--json"], "")) as { note: string; notes: string }[];
    expect(row!.note).toBe("results disagree: 89.9% (data/samples/001_e735b5701492984f.txt:128), 96.8% (data/samples/001_e735b5701492984f.txt:225)");
    expect(JSON.parse(row!.notes)[0].code).toBe("note.results_disagree");
  });
});
