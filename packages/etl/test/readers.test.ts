import { render } from "@dx-atlas/schema";
import { describe, expect, it } from "vitest";
import { docx, xlsx, zip } from "../../../test/fixtures/zip-writer.ts";
import { joinPages, layoutPage, type TextItem } from "../src/read/pdf-layout.ts";
import { readDocument } from "../src/read/read-document.ts";
import { formatCellNumber, isDateFormat } from "../src/read/xlsx-number-format.ts";

const texts = async (name: string, bytes: Uint8Array) => {
  const r = await readDocument(name, bytes);
  if (!r.ok) throw new Error(render(r.reason, "en"));
  return r.lines.map((l) => l.text);
};

describe(".docx", () => {
  it("writes tables as tab-separated rows, keeping columns in place under merged cells", async () => {
    const file = docx([
      { p: "PHỤ LỤC" },
      { table: [
        [{ text: "STT", vmerge: "restart" }, { text: "Chỉ tiêu", vmerge: "restart" }, { text: "Kết quả năm 2024", span: 2 }],
        [{ text: "", vmerge: "continue" }, { text: "", vmerge: "continue" }, { text: "Kế hoạch" }, { text: "Thực hiện" }],
        [{ text: "I" }, { text: "Hạ tầng số", span: 3 }],
        [{ text: "1" }, { text: "Tỷ lệ hộ gia đình có Internet cáp quang" }, { text: "80%" }, { text: "82,5%" }],
      ] },
      { p: "Nơi nhận:" },
    ]);
    expect(await texts("pl.docx", file)).toEqual([
      "PHỤ LỤC",
      "STT\tChỉ tiêu\tKết quả năm 2024\t",
      "\t\tKế hoạch\tThực hiện",
      "I\tHạ tầng số\t\t",
      "1\tTỷ lệ hộ gia đình có Internet cáp quang\t80%\t82,5%",
      "Nơi nhận:",
    ]);
    const r = await readDocument("pl.docx", file);
    expect(r.ok && r.lines.map((l) => l.location)).toEqual(["paragraph 1", "table 1, row 1", "table 1, row 2", "table 1, row 3", "table 1, row 4", "paragraph 2"]);
  });

  it("an archive with Word's name but no document in it is refused", async () => {
    expect(await readDocument("x.docx", zip({ "hello.txt": "xin chào" }))).toMatchObject({ ok: false, reason_code: "unsupported_format" });
  });
});

describe(".xlsx", () => {
  it("reads sheets in order, skips hidden ones, writes percent formats as the reader sees them", async () => {
    const file = xlsx([
      { name: "PL1", merges: ["A1:D1"], rows: [
        ["Phụ lục chỉ tiêu chuyển đổi số năm 2025", null, null, null],
        ["STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Chỉ tiêu năm 2025"],
        [{ n: 1 }, "Tỷ lệ người dân có hồ sơ sức khỏe điện tử", "%", { n: 0.968, format: "0%" }],
        [{ n: 2 }, "Số thôn có cáp quang", "thôn", { n: 12 }],
        [{ n: 3 }, "Tỷ lệ chi cho chuyển đổi số", "%", { n: 1.5, format: "0.0\\%" }],
      ] },
      { name: "Ẩn", hidden: true, rows: [["không đọc"]] },
      { name: "PL2", rows: [["Ngày ban hành", { n: 45667, format: "dd/mm/yyyy" }]] },
    ]);
    expect(await texts("pl.xlsx", file)).toEqual([
      "Phụ lục chỉ tiêu chuyển đổi số năm 2025",
      "STT\tNội dung chỉ tiêu\tĐơn vị tính\tChỉ tiêu năm 2025",
      "1\tTỷ lệ người dân có hồ sơ sức khỏe điện tử\t%\t96,8%",
      "2\tSố thôn có cáp quang\tthôn\t12",
      "3\tTỷ lệ chi cho chuyển đổi số\t%\t1,5",
      "Ngày ban hành\t10/01/2025",
    ]);
  });

  it("a merged range is one cell, so a table laid out under merges keeps its columns", async () => {
    const file = xlsx([{ name: "S", merges: ["B1:C1", "B2:C2", "B3:C3", "D3:E3"], rows: [
      ["STT", "Chỉ tiêu", null, "Kết quả"],
      [{ n: 1 }, "Tỷ lệ dân số trưởng thành có điện thoại thông minh", null, "85%"],
      [{ n: 2 }, "Tỷ lệ hộ có cáp quang", null, "70%", null],
    ] }]);
    expect(await texts("s.xlsx", file)).toEqual([
      "STT\tChỉ tiêu\tKết quả",
      "1\tTỷ lệ dân số trưởng thành có điện thoại thông minh\t85%",
      "2\tTỷ lệ hộ có cáp quang\t70%",
    ]);
  });

  it("number formats: percent, dates, plain numbers at full precision with a decimal comma", () => {
    expect(formatCellNumber(0.899, "0%")).toBe("89,9%");
    expect(formatCellNumber(0.1 + 0.2, "General")).toBe("0,3");
    expect(formatCellNumber(4371, "#,##0")).toBe("4371");
    expect(formatCellNumber(0.5, '0.0" %"')).toBe("0,5");
    expect(isDateFormat("dd/mm/yyyy")).toBe(true);
    expect(isDateFormat("[$-42A]d mmmm yyyy")).toBe(true);
    expect(isDateFormat("0.00%")).toBe(false);
    expect(isDateFormat('0" ngày"')).toBe(false);
  });
});

// PDF pages are built from positioned text items (x, y in points, y up), as pdf.js gives them.
const item = (text: string, x: number, y: number, size = 12): TextItem => ({ text, x, y, width: text.length * size * 0.5, size });

describe("PDF layout", () => {
  it("rebuilds a table whose cells wrap, whichever way the cells are aligned", () => {
    // Row 1: indicator wraps over three lines, the other cells sit on the last one (bottom-aligned).
    // Row 2: cells top-aligned, the indicator wraps below them. Rows are 6 pt further apart than lines.
    const page = [
      item("STT", 60, 700), item("Chỉ tiêu", 100, 700), item("Kết quả", 330, 700), item("Ghi chú", 420, 700),
      item("1", 60, 666), item("Tỷ lệ người dân có hồ sơ", 100, 680), item("sức khỏe điện tử được", 100, 666), item("cập nhật", 100, 652), item("96,8%", 330, 652),
      item("2", 60, 626), item("Tỷ lệ hộ gia đình có", 100, 626), item("đạt 75%", 330, 626), item("Internet cáp quang", 100, 612),
    ];
    expect(layoutPage(page, 1).lines.map((l) => l.text)).toEqual([
      "STT\tChỉ tiêu\tKết quả\tGhi chú",
      "1\tTỷ lệ người dân có hồ sơ sức khỏe điện tử được cập nhật\t96,8%\t",
      "2\tTỷ lệ hộ gia đình có Internet cáp quang\tđạt 75%\t",
    ]);
  });

  it("rows spaced like text start where the first column is filled", () => {
    const page = [
      item("TT", 60, 700), item("Nội dung", 100, 700), item("Chỉ tiêu", 330, 700),
      item("1", 60, 686), item("Tỷ lệ dân số trưởng thành có", 100, 686), item("trên 80%", 330, 686),
      item("điện thoại thông minh", 100, 672),
      item("2", 60, 658), item("Tỷ lệ hộ có cáp quang", 100, 658), item("85%", 330, 658),
    ];
    expect(layoutPage(page, 1).lines.map((l) => l.text)).toEqual([
      "TT\tNội dung\tChỉ tiêu",
      "1\tTỷ lệ dân số trưởng thành có điện thoại thông minh\ttrên 80%",
      "2\tTỷ lệ hộ có cáp quang\t85%",
    ]);
  });

  it("re-joins a paragraph the PDF wrapped, drops page numbers and the header row repeated on the next page", () => {
    const p1 = layoutPage([
      item("Tỷ lệ hộ gia đình có đường Internet cáp quang băng rộng đạt", 60, 760),
      item("trên 85%; tỷ lệ người dân có tài khoản thanh toán đạt 80%.", 60, 746),
      item("- Phủ sóng 4G đến 100% thôn.", 60, 726),
      item("STT", 60, 700), item("Chỉ tiêu", 100, 700), item("Kết quả", 400, 700),
      item("1", 60, 680), item("Tỷ lệ thủ tục hành chính trực tuyến", 100, 680), item("90%", 400, 680),
      item("7", 300, 40),
    ], 1);
    const p2 = layoutPage([
      item("STT", 60, 760), item("Chỉ tiêu", 100, 760), item("Kết quả", 400, 760),
      item("2", 60, 740), item("Tỷ lệ hồ sơ được số hóa", 100, 740), item("100%", 400, 740),
      item("8", 300, 40),
    ], 2);
    const lines = joinPages([p1, p2]);
    expect(lines.map((l) => l.text)).toEqual([
      "Tỷ lệ hộ gia đình có đường Internet cáp quang băng rộng đạt trên 85%; tỷ lệ người dân có tài khoản thanh toán đạt 80%.",
      "- Phủ sóng 4G đến 100% thôn.",
      "STT\tChỉ tiêu\tKết quả",
      "1\tTỷ lệ thủ tục hành chính trực tuyến\t90%",
      "2\tTỷ lệ hồ sơ được số hóa\t100%",
    ]);
    expect(lines.map((l) => l.location)).toEqual(["page 1", "page 1", "page 1", "page 1", "page 2"]);
  });

  it("glues a word a narrow column broke, but not an abbreviation", () => {
    const page = [
      item("STT", 60, 700), item("Đơn vị", 100, 700), item("Phối hợp", 200, 700),
      item("1", 60, 680), item("Công an phườn", 100, 680), item("Trung tâm Phục vụ", 200, 680),
      item("g", 100, 666), item("HCC", 200, 666),
    ];
    expect(layoutPage(page, 1).lines[1]!.text).toBe("1\tCông an phường\tTrung tâm Phục vụ HCC");
  });
});
