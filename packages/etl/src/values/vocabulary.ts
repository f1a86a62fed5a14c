import type { Comparator, TaskStatus } from "@dx-atlas/schema";

// The words of Vietnamese administrative writing that qualify a number. Matching is done on
// lower-cased NFC text; order matters where one phrase is a prefix of another (longest first).
export const COMPARATOR_WORDS: readonly [string, Comparator][] = [
  ["không vượt quá", "lte"], ["không quá", "lte"], ["tối đa", "lte"], ["không cao hơn", "lte"],
  ["không thấp hơn", "gte"], ["không dưới", "gte"], ["không ít hơn", "gte"],
  ["tối thiểu", "gte"], ["ít nhất", "gte"], ["trở lên", "gte"],
  ["cao hơn", "gt"], ["nhiều hơn", "gt"], ["vượt", "gt"], ["trên", "gt"], ["hơn", "gt"],
  ["thấp hơn", "lt"], ["dưới", "lt"],
  ["xấp xỉ", "approx"], ["khoảng", "approx"], ["gần", "approx"],
  ["≥", "gte"], [">=", "gte"], ["≤", "lte"], ["<=", "lte"], [">", "gt"], ["<", "lt"],
];

/** Lead-in words that carry no comparison of their own ("Phần đầu" is a common typo of "Phấn đấu"). */
export const NEUTRAL_LEAD_WORDS = ["phấn đấu", "phần đầu", "đạt tỷ lệ", "đạt mức", "đạt", "bằng", "là", "đến", "tới"];

export const INCREASE_WORDS = ["tăng trưởng", "tăng thêm", "tăng"];
export const DECREASE_WORDS = ["giảm"];

/** "Đã thực hiện" → done … The verb list covers what appears in result columns. */
const STATUS_VERBS = "thực hiện|triển khai|ban hành|hoàn thành|xây dựng|cung cấp|kết nối|tổ chức|áp dụng|phê duyệt|đưa vào|vận hành|lắp đặt|cập nhật|số hóa|số hoá|duy trì";
export const STATUS_PATTERNS: readonly [RegExp, TaskStatus][] = [
  [new RegExp(`^(?:đã\\s+)?hoàn\\s+thành\\b`, "u"), "done"],
  [new RegExp(`^đã\\s+(?:được\\s+)?(?:${STATUS_VERBS})`, "u"), "done"],
  [new RegExp(`^(?:đang|tiếp tục)\\s+(?:được\\s+)?(?:${STATUS_VERBS})`, "u"), "in_progress"],
  [new RegExp(`^chưa\\s+(?:được\\s+)?(?:${STATUS_VERBS})`, "u"), "not_started"],
];

/** "Đạt" alone means achieved; "Không đạt" / "Chưa đạt" means not. */
export const BOOL_TRUE = /^(đạt|có|hoàn thành|x)$/u;
export const BOOL_FALSE = /^(không đạt|chưa đạt|không|chưa có)$/u;
