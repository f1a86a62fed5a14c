/** The job of each column of an indicator table, read from its header row. */
export type ColumnRole = "label" | "indicator" | "unit" | "target" | "result" | "responsible" | "partner" | "note" | "deadline";

const ROLE_RULES: [RegExp, ColumnRole][] = [
  [/^(stt|tt|số\s*tt|số\s*thứ\s*tự)$/iu, "label"],
  [/kết quả|ước (đạt|thực hiện)|thực hiện năm|đã đạt/iu, "result"],
  [/đơn vị tính|^đvt$/iu, "unit"],
  [/chỉ tiêu\s+(năm|phấn đấu|kế hoạch|giao|cụ thể|đề ra)|kế hoạch năm|mục tiêu năm|chỉ tiêu\s*\d{4}|^năm\s*20\d\d$|^(chỉ tiêu|mục tiêu) phấn đấu|^đề ra\b|kế hoạch đề ra/iu, "target"],
  [/phối hợp/iu, "partner"],
  [/đơn vị (theo dõi|báo cáo|chủ trì|thực hiện)|chủ trì|cơ quan (chủ trì|thực hiện)|trách nhiệm/iu, "responsible"],
  [/ghi chú|^đánh giá$/iu, "note"],
  [/thời (gian|hạn)|tiến độ/iu, "deadline"],
  [/chỉ tiêu|mục tiêu|nội dung|nhiệm vụ|tên/iu, "indicator"],
];

/** Roles of a header row's cells, or null when the row is not an indicator-table header. */
export function readHeader(cells: string[]): { roles: (ColumnRole | null)[]; targetYear: number | null; resultYear: number | null } | null {
  const roles = cells.map((c) => {
    const t = c.trim();
    return t === "" ? null : ROLE_RULES.find(([re]) => re.test(t))?.[1] ?? null;
  });
  // Two "indicator" columns, one of them naming a year ("Mục tiêu" | "Chỉ tên năm 2024", an OCR misreading
  // of "Chỉ tiêu năm 2024"), and no target or result column: the one with the year holds the values.
  if (!roles.includes("target") && !roles.includes("result")) {
    const named = roles.flatMap((r, i) => (r === "indicator" ? [i] : []));
    const dated = named.filter((i) => /\b20\d\d\b/u.test(cells[i]!));
    if (named.length >= 2 && dated.length === 1 && dated[0] !== named[0]) roles[dated[0]!] = "target";
  }
  if (!roles.includes("indicator") || !(roles.includes("label") || roles.includes("target") || roles.includes("result"))) return null;
  const yearOfRole = (role: ColumnRole) => {
    const i = roles.indexOf(role);
    const m = i >= 0 ? /(20\d\d)/.exec(cells[i]!) : null;
    return m ? Number(m[1]) : null;
  };
  return { roles, targetYear: yearOfRole("target"), resultYear: yearOfRole("result") };
}
