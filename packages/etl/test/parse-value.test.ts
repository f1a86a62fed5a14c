import { render } from "@dx-atlas/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseValue } from "../src/values/index.ts";

const num = (input: string, hint?: "percent" | "bool" | null) => {
  const v = parseValue(input, { unitHint: hint ?? null });
  if (v.kind !== "number") throw new Error(`${input} → ${v.kind}`);
  return [v.comparator, v.value, v.value_max, v.unit, v.numerator, v.denominator];
};

describe("parseValue", () => {
  it.each([
    ["đạt 89,9%", ["eq", 89.9, null, "percent", null, null]],
    ["4371/4864", ["eq", 89.9, null, "percent", 4371, 4864]],
    ["6/6 thôn", ["eq", 100, null, "percent", 6, 6]],
    ["Đạt từ 7 - 8% GRDP", ["range", 7, 8, "percent", null, null]],
    ["Tăng 6%", ["increase", 6, null, "percent", null, null]],
    ["Giảm 10%", ["decrease", 10, null, "percent", null, null]],
    ["trên 80%", ["gt", 80, null, "percent", null, null]],
    ["hơn 70%", ["gt", 70, null, "percent", null, null]],
    ["tối thiểu 90%", ["gte", 90, null, "percent", null, null]],
    ["từ 80% trở lên", ["gte", 80, null, "percent", null, null]],
    ["90% trở lên", ["gte", 90, null, "percent", null, null]],
    ["không dưới 85%", ["gte", 85, null, "percent", null, null]],
    ["dưới 5%", ["lt", 5, null, "percent", null, null]],
    ["≤ 3%", ["lte", 3, null, "percent", null, null]],
    ["tối đa 2%", ["lte", 2, null, "percent", null, null]],
    ["≥ 95%", ["gte", 95, null, "percent", null, null]],
    ["≥ 1%/năm", ["gte", 1, null, "percent", null, null]],
    ["65%.", ["eq", 65, null, "percent", null, null]],
    ["0,9%", ["eq", 0.9, null, "percent", null, null]],
    ["98.6%", ["eq", 98.6, null, "percent", null, null]],
    ["19.559", ["eq", 19559, null, "count", null, null]],
    ["1.234,5", ["eq", 1234.5, null, "count", null, null]],
    ["(Ghi rõ bao nhiêu/ bao nhiêu, đạt 81%)", ["eq", 81, null, "percent", null, null]],
    ["(Ghi rõ bao nhiêu/ bao nhiêu thôn, 6/6 Thôn đạt 100%)", ["eq", 100, null, "percent", 6, 6]],
    ["Phấn đấu từ 60 đến 70%", ["range", 60, 70, "percent", null, null]],
  ])("parseValue(%j)", (input, expected) => {
    expect(num(input)).toEqual(expected);
  });

  it("parseValue('100') under a '%' unit column is percent 100", () => {
    expect(num("100", "percent")).toEqual(["eq", 100, null, "percent", null, null]);
  });

  it.each([
    ["Đang thực hiện", "in_progress"], ["Đang Thực hiện", "in_progress"], ["Đã Thực hiện", "done"],
    ["Đã ban hành", "done"], ["Đã triển khai", "done"], ["Hoàn thành", "done"], ["Chưa triển khai", "not_started"],
    ["Đã ban hành và triển khai kế hoạch chưa ? Đã ban hành", "done"], ["Tiếp tục triển khai", "in_progress"],
  ])("parseValue(%j) is status %s", (input, status) => {
    expect(parseValue(input)).toMatchObject({ kind: "status", status });
  });

  it("parseValue('Đạt') is bool 1 and 'Không đạt' bool 0", () => {
    expect(parseValue("Đạt")).toMatchObject({ kind: "bool", value: 1 });
    expect(parseValue("Không đạt")).toMatchObject({ kind: "bool", value: 0 });
  });

  it.each(["(Ghi rõ bao nhiêu/ bao nhiêu, đạt ...%)", "(Ghi rõ bao nhiêu/ bao nhiêu, đạt …%)", "(Ghi rõ bao nhiêu/bao nhiêu)"])(
    "parseValue(%j) is the unfilled placeholder, never a value", (input) => {
      expect(parseValue(input).kind).toBe("placeholder");
    });

  it("parseValue('') is empty and prose is unparsed with a reason", () => {
    expect(parseValue("  ").kind).toBe("empty");
    expect(parseValue("Các doanh nghiệp viễn thông")).toMatchObject({ kind: "unparsed", reason: { code: "value.no_number" } });
  });

  it("parseValue never throws and always returns a value or a reasoned 'unparsed' (property)", () => {
    const vietnamese = fc.constantFrom("đạt", "trên", "≥", "%", "/", ",", ".", "từ", "-", "trở lên", "Đã", "Đang", "thực hiện", "(Ghi rõ bao nhiêu/ bao nhiêu,", "...", " ", "9", "0", "năm", "Tăng", "$\\geq", "\u0301");
    const input = fc.oneof(fc.string({ maxLength: 200 }), fc.array(vietnamese, { maxLength: 30 }).map((a) => a.join(" ")), fc.string({ unit: "binary", maxLength: 100 }));
    fc.assert(fc.property(input, (s) => {
      const v = parseValue(s);
      if (v.kind === "unparsed") return render(v.reason, "en").length > 0 && render(v.reason, "vi").length > 0;
      if (v.kind === "number") return Number.isFinite(v.value) && (v.value_max === null || v.value_max >= v.value);
      return ["status", "bool", "placeholder", "empty"].includes(v.kind);
    }), { numRuns: 3000 });
  });
});
