import { describe, expect, it } from "vitest";
import { processSample, processText } from "./helpers.ts";

describe("metadata of the samples", () => {
  it.each([
    ["000_ba22a904d416ce71", { doc_kind: "plan", doc_number: "55/KH-UBND", issue_date: "2024-04-15", doc_year: 2024, unit_name: "Mỹ Hòa", unit_level: "phường", district: "Long Xuyên", province: "An Giang", unit_code: "30307", unit_era: "before-2025-07" }],
    ["001_e735b5701492984f", { doc_kind: "report", doc_number: null, issue_date: "2023-12", doc_year: 2023, unit_name: "Hà Tân", unit_level: "xã", district: "Hà Trung", province: "Thanh Hóa", unit_code: "15322", unit_era: "before-2025-07" }],
    ["002_d48d77757f9ad9ed", { doc_kind: "plan", doc_number: null, issue_date: null, doc_year: 2025, period_years: [2024, 2025], unit_name: "Yên Hùng", unit_level: "xã", district: "Yên Định", province: "Thanh Hóa", unit_code: "15433", unit_era: "before-2025-07" }],
    ["003_9b08d0edd2879f30", { doc_kind: "plan", doc_number: null, issue_date: "2026", doc_year: 2026, unit_name: "Minh Hưng", unit_level: "phường", district: null, province: "Đồng Nai", unit_code: "25441", unit_era: "after-2025-07" }],
    ["004_4584c0042fd042d8", { doc_kind: "plan", doc_number: null, issue_date: null, doc_year: 2024, unit_name: "Bắc Giang", unit_level: "thành phố", district: "Bắc Giang", province: "Bắc Giang", unit_code: "213", unit_era: "before-2025-07" }],
  ])("sample %s", async (name, expected) => {
    expect((await processSample(name)).submission).toMatchObject(expected);
  });

  it("sample 002 is flagged for naming another commune (copied text)", async () => {
    const w = (await processSample("002_d48d77757f9ad9ed")).warnings.filter((x) => x.code === "unit_name_mismatch");
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toMatch(/Yên Trường/);
  });

  it("the other Minh Hưng (xã, Bù Đăng) resolves when the document names its district", async () => {
    const doc = "Số: 12/BC-UBND\n\nMinh Hưng, ngày 05 tháng 12 năm 2024\n\nBÁO CÁO\n\nKết quả chuyển đổi số xã Minh Hưng năm 2024\n\nKính gửi: UBND huyện Bù Đăng, tỉnh Bình Phước\n\nII. KẾT QUẢ\n\n- Tỷ lệ người dân có hồ sơ sức khỏe điện tử đạt 91,5%.\n";
    const r = await processText("minh-hung-xa.txt", doc);
    expect(r.submission).toMatchObject({ doc_kind: "report", doc_number: "12/BC-UBND", issue_date: "2024-12-05", unit_code: "25408", unit_level: "xã", district: "Bù Đăng" });
    expect(r.observations).toMatchObject([{ indicator_code: "xhs.ehealth_record", measure: "actual", value: 91.5, period_year: 2024 }]);
  });

  it("a phường Minh Hưng report of 2024 resolves to the Chơn Thành ward", async () => {
    const doc = "BÁO CÁO\n\nKết quả chuyển đổi số phường Minh Hưng năm 2024\n\nKính gửi: UBND thị xã Chơn Thành\n";
    expect((await processText("minh-hung-phuong.txt", doc)).submission).toMatchObject({ unit_code: "25441", unit_era: "before-2025-07", district: "Chơn Thành" });
  });
});

describe("bad input", () => {
  it("an empty file is rejected with the reason", async () => {
    expect((await processText("empty.txt", "")).rejects).toMatchObject([{ scope: "file", reason_code: "empty", source_file: "empty.txt" }]);
  });
  it("a text that is not a DX plan or report is rejected", async () => {
    expect((await processText("menu.txt", "Thực đơn tuần 12\n\nThứ hai: cơm gà\n")).rejects[0]).toMatchObject({ reason_code: "not_dx_document" });
  });
  it("a document about a unit the gazetteer does not know is rejected and names what it found", async () => {
    const r = await processText("x.txt", "KẾ HOẠCH\n\nChuyển đổi số xã Không Có Thật năm 2024\n\nI. MỤC TIÊU\n\n- Tỷ lệ dân số trưởng thành có điện thoại thông minh đạt 80%.\n");
    expect(r.submission).toBeNull();
    expect(r.rejects[0]).toMatchObject({ reason_code: "unknown_unit", reason: expect.stringMatching(/xã Không Có Thật/) });
  });
});
