import { describe, expect, it } from "vitest";
import { findCountsInText, findValuesInText } from "../packages/etl/src/values/find-values.ts";
import { clauseMeasure, clauseYear } from "../packages/etl/src/map/clause-measure.ts";
import { buildGazetteer } from "../packages/etl/src/gazetteer/index.ts";
import { nationalUnits } from "../packages/etl/src/gazetteer/national-lists.ts";
import { processDocument } from "../packages/etl/src/process-document.ts";
import { catalogIndex, processText } from "./helpers.ts";

// Invented texts in the genre's shapes (written for the project, keyed here by hand): a commune
// portal's post with values anywhere, the value before its indicator, counts, approximations, a
// target and a result in one paragraph, and a year in the clause.
const POST = `Xã Yên Trường đẩy mạnh chuyển đổi số
Theo UBND xã Yên Trường (huyện Yên Định, tỉnh Thanh Hóa), tính đến hết tháng 3/2025, xã đã thành lập 12 Tổ công nghệ số cộng đồng tại 12 thôn; 100% cán bộ, công chức xã có máy tính phục vụ công việc. Tỷ lệ hộ gia đình có đường Internet cáp quang băng rộng đạt gần 98%.
Năm 2025, xã phấn đấu 100% thôn, bản có sóng di động 4G; tối thiểu 80% hồ sơ thủ tục hành chính được xử lý hoàn toàn trực tuyến.`;

describe("values the way units write them", () => {
  it("reads counts with their noun and scale words, approximations, and not dates as fractions", () => {
    expect(findCountsInText("toàn tỉnh đã kích hoạt hơn 2,2 triệu tài khoản, riêng năm nay 30 nghìn tài khoản").map((c) => [c.value.comparator, c.value.value])).toEqual([["gt", 2_200_000], ["eq", 30_000]]);
    expect(findCountsInText("thành lập 32 Tổ công nghệ số cộng đồng tại 32 thôn").map((c) => c.value.value)).toEqual([32, 32]);
    expect(findCountsInText("năm 2024, 3 năm qua, lớp 8, 4G, 21.000 km cáp quang")).toEqual([]);
    expect(findValuesInText("đạt gần 98%, khoảng 70% và xấp xỉ 100%").map((v) => v.value.comparator)).toEqual(["approx", "approx", "approx"]);
    expect(findValuesInText("tính đến hết tháng 3/2025 đạt 26,3%").map((v) => v.value.value)).toEqual([26.3]);
  });

  it("a clause's own words say target or result, and its year", () => {
    expect(clauseMeasure("Năm 2025, xã phấn đấu 100% thôn, bản có sóng di động 4G", "actual")).toBe("target");
    expect(clauseMeasure("đến nay đã có 95% hộ gia đình có Internet", "target")).toBe("actual");
    expect(clauseMeasure("Tỷ lệ hồ sơ giải quyết trực tuyến đạt 85%", "actual")).toBe("actual");
    expect(clauseYear("trong 6 tháng đầu năm 2023, tỷ lệ … đạt 44%", 2024)).toBe(2023);
    expect(clauseYear("Nghị quyết số 06-NQ/TU ngày 10/11/2021 về chuyển đổi số đến năm 2025, định hướng đến năm 2030", 2024)).toBe(2024);
  });

  it("a post with values anywhere gives the results and the targets it states, each in its clause", async () => {
    const r = await processText("inbox/yen-truong-post.txt", POST);
    expect(r.submission).toMatchObject({ unit_name: "Yên Trường", doc_kind: "report" });
    const got = r.observations.map((o) => [o.indicator_code, o.measure, o.period_year, o.comparator, o.value]).sort();
    expect(got).toEqual([
      ["cqs.online_dossier_processing", "target", 2025, "gte", 80],
      ["hts.household_fiber_broadband", "actual", 2025, "approx", 98],
      ["hts.officials_computers", "actual", 2025, "eq", 100],
      ["hts.village_mobile_broadband", "target", 2025, "eq", 100],
      ["xhs.community_tech_teams", "actual", 2025, "eq", 12],
    ]);
  });
});

// A plan's review of last year, as a converter left its table: one cell per line, then a pipe table.
const FLATTENED = `KẾ HOẠCH
Chuyển đổi số trên địa bàn xã Yên Trường năm 2025
I. ĐÁNH GIÁ KẾT QUẢ NĂM 2024
Chỉ tiêu
Đề ra năm 2024
Kết quả thực hiện
Đánh giá
- Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng
+ Cấp xã
90%
92,5%
Vượt
- Tỷ lệ hộ gia đình có đường Internet cáp quang băng rộng
85%
80%
Không đạt
II. MỤC TIÊU NĂM 2025
STT | Tên chỉ tiêu | Đơn vị tính | Chỉ tiêu năm 2025
1 | Tỷ lệ cán bộ, công chức có máy tính phục vụ công việc | % | 100%
`;

describe("tables as converters leave them", () => {
  it("reads a table flattened to one cell per line (a parent row above '+' rows) and a pipe table", async () => {
    const r = await processText("inbox/yen-truong-kh-2025.txt", FLATTENED);
    const got = r.observations.map((o) => [o.indicator_code, o.measure, o.period_year, o.value]).sort();
    expect(got).toEqual([
      ["cqs.work_files_online", "actual", 2024, 92.5],
      ["cqs.work_files_online", "target", 2024, 90],
      ["hts.household_fiber_broadband", "actual", 2024, 80],
      ["hts.household_fiber_broadband", "target", 2024, 85],
      ["hts.officials_computers", "target", 2025, 100],
    ]);
  });
});

describe("a value said of another unit", () => {
  it("is kept as an other_unit reject, not credited to the document's unit", async () => {
    const text = `Xã Yên Trường (huyện Yên Định, tỉnh Thanh Hóa) đẩy mạnh chuyển đổi số
Năm 2024, tỷ lệ hộ gia đình có đường Internet cáp quang băng rộng của xã đã đạt 81%; trong khi đó xã Yên Hùng có đường Internet cáp quang băng rộng đến 95% hộ gia đình.`;
    const r = await processText("inbox/yen-truong-news.txt", text);
    expect(r.observations.map((o) => [o.indicator_code, o.value])).toEqual([["hts.household_fiber_broadband", 81]]);
    expect(r.rejects.find((x) => x.reason_code === "other_unit")?.reason).toMatch(/said of xã Yên Hùng/);
  });
});

describe("ranks, scores and speeds", () => {
  it("reads a ranking as a place (not a fraction), a score as an index and a speed in Mbps; another province's rank is other_unit", async () => {
    const text = `Tỉnh Thanh Hóa: kết quả chuyển đổi số năm 2023
Chỉ số chuyển đổi số (DTI) cấp tỉnh năm 2023 của Thanh Hóa đạt 0,5123 điểm, xếp thứ 19/63 tỉnh, thành phố, tăng 4 bậc so với năm 2022. Tốc độ truy cập Internet trung bình đạt 65 Mbps. Trong khi đó, Nghệ An xếp thứ 12 về chỉ số chuyển đổi số DTI.`;
    const r = await processDocument("inbox/thanh-hoa-2023.txt", new TextEncoder().encode(text), { catalog: catalogIndex, gazetteer: buildGazetteer(nationalUnits()) });
    const got = r.observations.map((o) => [o.indicator_code, o.comparator, o.value, o.unit, o.denominator, o.period_year]).sort();
    expect(got).toEqual([
      ["hts.household_broadband_speed", "eq", 65, "mbps", null, 2023],
      ["tcs.dti_rank", "eq", 19, "rank", 63, 2023],
      ["tcs.dti_rank", "increase", 4, "rank", null, 2023],
      ["tcs.dti_score", "eq", 0.5123, "index", null, 2023],
    ]);
    expect(r.rejects.find((x) => x.reason_code === "other_unit")?.reason).toMatch(/said of Nghệ An/);
  });
});

// An invented district report (keyed by hand) in shapes the realdocs showed: a tally of the plan's
// targets, a restated target with its result in brackets per tier, counts in one sentence, teams at
// two tiers with their members, and one share for two indicators joined by "và".
const DISTRICT = `UBND HUYỆN YÊN ĐỊNH
BÁO CÁO
Kết quả thực hiện chuyển đổi số năm 2024 trên địa bàn huyện Yên Định
Qua rà soát, Kế hoạch chuyển đổi số năm 2024 của huyện có 20 chỉ tiêu. Đến nay: 15 chỉ tiêu đạt, 03 chỉ tiêu chưa đạt, còn 02 chỉ tiêu đang tiếp tục thực hiện.
- Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt tối thiểu 90% tại cấp huyện và 80% tại cấp xã (Kết quả: cấp huyện đạt 93,5%; cấp xã đạt 84,2%).
- Bộ phận một cửa huyện tiếp nhận 2.150 hồ sơ (trong đó 1.870 hồ sơ trực tuyến) và đã giải quyết 2.102 hồ sơ.
- Đã thành lập 19 Tổ công nghệ số cộng đồng cấp xã và 164 Tổ công nghệ số cộng đồng cấp thôn với 1.230 thành viên.
- Trên 85% hộ gia đình có đường Internet cáp quang băng rộng và dân số trưởng thành có điện thoại thông minh.`;

describe("a district's report in the genre's shapes", () => {
  it("reads tallies, bracketed results by tier, counts, teams by tier and a share for two indicators", async () => {
    const r = await processDocument("inbox/yen-dinh-2024.txt", new TextEncoder().encode(DISTRICT), { catalog: catalogIndex, gazetteer: buildGazetteer(nationalUnits()) });
    expect(r.submission).toMatchObject({ unit_name: "Yên Định", unit_level: "huyện", doc_kind: "report", doc_year: 2024 });
    const got = r.observations.map((o) => [o.indicator_code, o.measure, o.comparator, o.value]).sort();
    expect(got).toEqual([
      ["cqs.tthc_dossiers_received", "actual", "eq", 2150],
      ["cqs.tthc_dossiers_resolved", "actual", "eq", 2102],
      ["cqs.tthc_online_dossiers_count", "actual", "eq", 1870],
      // Each tier is a concept of its own: "cấp huyện" in a district's report is its own agencies', not
      // the whole district's (that would include its communes).
      ["cqs.work_files_online_cap_huyen", "actual", "eq", 93.5],
      ["cqs.work_files_online_cap_huyen", "target", "gte", 90],
      ["cqs.work_files_online_cap_xa", "actual", "eq", 84.2],
      ["cqs.work_files_online_cap_xa", "target", "gte", 80],
      ["hts.household_fiber_broadband", "actual", "gt", 85],
      ["tcs.plan_targets_achieved", "actual", "eq", 15],
      ["tcs.plan_targets_in_progress", "actual", "eq", 2],
      ["tcs.plan_targets_not_achieved", "actual", "eq", 3],
      ["xhs.adult_smartphone", "actual", "gt", 85],
      ["xhs.community_tech_team_members", "actual", "eq", 1230],
      ["xhs.community_tech_teams_cap_thon", "actual", "eq", 164],
      ["xhs.community_tech_teams_cap_xa", "actual", "eq", 19],
    ]);
    expect(r.warnings.filter((w) => w.code === "duplicate_in_row")).toEqual([]);
  });
});
