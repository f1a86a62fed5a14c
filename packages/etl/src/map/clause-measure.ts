import type { Measure } from "@dx-atlas/schema";
import { statedYears } from "../metadata/document-year.ts";

// What a value written in a sentence is — a target or a result — and for which year, from the
// clause's own words before the section's or the document's. "Phấn đấu 50% hộ gia đình …", "đặt mục
// tiêu …", "dự kiến …", "sẽ …", and a floor ("tối thiểu", "ít nhất": a result is a number reached) set targets; "đến nay …", "đã …", "đạt được", "hiện có", "tính đến" (not "kết quả": it is in indicator names, "số hoá kết quả giải quyết TTHC"; nor the "đã" of a description, "dữ liệu đã được số hóa"),
// "xếp hạng" give results. A clause with both, or neither, takes the section's (then the document's).

const TARGET_WORDS = /phấn đấu|đặt mục tiêu|mục tiêu(?:[ \t]+cụ thể)?[ \t]+(?:đến|đặt ra|là|năm)|đề ra mục tiêu|dự kiến|khuyến khích|(?<![\p{L}])sẽ(?![\p{L}])|đến (?:hết|cuối) năm 20\d\d|tối thiểu|ít nhất|không dưới|không thấp hơn/iu;
const ACTUAL_WORDS = /đến nay|(?<![\p{L}])(?<!(?:dữ liệu|thông tin|hồ sơ|tài liệu|văn bản|kết quả)[ \t]+)đã(?![\p{L}])(?![ \t]+được)|đạt được|hiện có|hiện nay|hiện đang|tính đến|xếp hạng|xếp thứ|đứng thứ|so với cùng kỳ|thực hiện được|thành lập được/iu;

/** The clause's own measure, or the fallback when its words do not say (or say both). */
export function clauseMeasure(clause: string, fallback: Measure): Measure {
  const target = TARGET_WORDS.test(clause);
  const actual = ACTUAL_WORDS.test(clause);
  if (target && !actual) return "target";
  if (actual && !target) return "actual";
  return fallback;
}

/** The year a clause names for its value ("năm 2024", "6 tháng đầu năm 2023", "đến hết năm 2025"), else the fallback. */
export function clauseYear(clause: string, fallback: number | null): number | null {
  return statedYears(clause)[0] ?? fallback;
}
