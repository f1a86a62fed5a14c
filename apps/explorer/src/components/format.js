// Vietnamese labels and number format for every page: 89,9% not 89.9%; statuses in words staff use.

const nf = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });
const nf2 = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });

/** A number in Vietnamese format: 4.371; 89,9. */
export const num = (v, digits = 1) => (v == null || Number.isNaN(v) ? "" : (digits === 1 ? nf : nf2).format(v));

const UNIT_SUFFIX = { percent: "%", per100: "/100 dân", count: "", bool: "", status: "", mbps: " Mb/s", km: " km" };
const COMPARATOR = { gt: "trên ", gte: "≥ ", lt: "dưới ", lte: "≤ ", increase: "tăng ", decrease: "giảm ", eq: "", range: "" };
const TASK = { done: "Đã thực hiện", in_progress: "Đang thực hiện", not_started: "Chưa thực hiện" };

/** A target or result as staff write it: "trên 75%", "7 - 8%", "96,8%", "Đang thực hiện". */
export function valueText(comparator, value, valueMax, unit, status) {
  if (value == null) return status ? TASK[status] ?? status : "";
  const suffix = UNIT_SUFFIX[unit] ?? "";
  if (unit === "bool") return value >= 1 ? "Đạt" : "Không đạt";
  if (comparator === "range" && valueMax != null) return `${num(value)} - ${num(valueMax)}${suffix}`;
  return `${COMPARATOR[comparator] ?? ""}${num(value)}${suffix}`;
}

export const ATTAINMENT = {
  met: "Đạt", not_met: "Không đạt", in_progress: "Đang thực hiện", no_result: "Chưa có kết quả",
  no_target: "Không có chỉ tiêu", not_comparable: "Không so sánh được",
};
export const ATTAINMENT_COLOR = {
  met: "#1a9850", not_met: "#d73027", in_progress: "#fdae61", no_result: "#bdbdbd", no_target: "#7b8fa6", not_comparable: "#9e9ac8",
};
export const PROGRESS = {
  target_achieved: "Đã đạt chỉ tiêu", on_track: "Đúng tiến độ", acceleration_needed: "Cần tăng tốc",
  limited_progress: "Tiến bộ hạn chế", deterioration: "Đi xuống", not_enough_data: "Chưa đủ dữ liệu",
};
export const DOC_KIND = { plan: "Kế hoạch", report: "Báo cáo" };

/** "xã Hà Tân", or "xã Hà Tân (nay: Tống Sơn)" when the 2025 reform merged it into a unit of another name. */
export function unitLabel(r) {
  const name = [r.unit_level, r.unit_name].filter(Boolean).join(" ") || r.unit_key;
  return r.current_name && r.current_key !== r.unit_key && r.current_name !== r.unit_name ? `${name} (nay: ${r.current_name})` : name;
}

/** "001_e735b5701492984f.txt, dòng 225". */
export const sourceText = (file, line) => (file ? `${file.split("/").pop()}${line ? `, dòng ${line}` : ""}` : "");

/** A note from the message catalog (note_vi, rendered at build time) with short file names: "(…/001.txt, dòng 128)" → "(001.txt, dòng 128)". */
export const shortFiles = (text) => (text ?? "").replace(/\(([^()]*\/)([^()/]+, dòng \d+)\)/g, "($2)");
