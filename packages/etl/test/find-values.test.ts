import { describe, expect, it } from "vitest";
import { findValuesInText } from "../src/values/index.ts";
import { splitClauses } from "../src/map/split-clauses.ts";

const found = (text: string) => findValuesInText(text).map((m) => [m.value.comparator, m.value.value, m.value.unit]);

describe("findValuesInText", () => {
  it("findValuesInText reads targets inside indicator text, in genre variants", () => {
    expect(found("Tỷ lệ dân số trưởng thành có điện thoại thông minh đạt trên 80%.")).toEqual([["gt", 80, "percent"]]);
    expect(found("Phấn đấu 95% hộ gia đình có địa chỉ số")).toEqual([["eq", 95, "percent"]]);
    expect(found("Phần đầu trên 30% các phòng")).toEqual([["gt", 30, "percent"]]);
    expect(found("Tỷ lệ … đạt không dưới 85 %")).toEqual([["gte", 85, "percent"]]);
    expect(found("Tỷ lệ hộ nghèo dưới 2%")).toEqual([["lt", 2, "percent"]]);
    expect(found("Có ít nhất 04 doanh nghiệp công nghệ số")).toEqual([["gte", 4, "count"]]);
  });

  it("findValuesInText ignores ages, years, dates, document numbers and network names", () => {
    expect(found("Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản ngân hàng")).toEqual([]);
    expect(found("Quyết định số 1829/QĐ-UBND ngày 30/5/2023 giai đoạn 2022 - 2025 phủ sóng 4G/5G")).toEqual([]);
    expect(found("truy cập băng rộng cố định với tốc độ trên 01 Gbps/s")).toEqual([]);
  });

  it("findValuesInText joins a fraction with the percent that follows it", () => {
    const [m] = findValuesInText("ứng dụng sổ sức khỏe điện tử 4371/4864 đạt 89,9%.");
    expect(m?.value).toMatchObject({ value: 89.9, numerator: 4371, denominator: 4864 });
  });

  it("splitClauses gives one clause per target", () => {
    const text = "100% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình; 50% dịch vụ công trực tuyến toàn trình được tích hợp trên Cổng dịch vụ công quốc gia.";
    expect(splitClauses(text, findValuesInText(text)).map((c) => c.text)).toEqual([
      "100% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình",
      "50% dịch vụ công trực tuyến toàn trình được tích hợp trên Cổng dịch vụ công quốc gia.",
    ]);
  });
});
