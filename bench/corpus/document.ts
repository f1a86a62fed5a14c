import type { Indicator, Measure } from "../../packages/schema/src/index.ts";
import type { Random } from "./random.ts";
import type { SyntheticUnit } from "./units.ts";
import { printResult, printStatus, printTarget, type PrintedValue, type TruthValue } from "./values.ts";

/** One observation the document states, as the ETL should read it. */
export interface TruthObservation extends TruthValue { indicator_code: string; measure: Measure; period_year: number }

export interface SyntheticDocument {
  kind: "plan" | "report";
  year: number;
  unit: SyntheticUnit;
  /** The document as text: one paragraph per line, tables as tab-separated rows. */
  lines: string[];
  truth: TruthObservation[];
  shape: string;
}

const ABBREVIATE: [RegExp, string][] = [[/thủ tục hành chính/g, "TTHC"], [/dịch vụ công trực tuyến/g, "DVCTT"], [/cơ sở dữ liệu/g, "CSDL"], [/công nghệ thông tin/g, "CNTT"]];
const OLD_TONES: [RegExp, string][] = [[/hóa/g, "hoá"], [/hòa/g, "hoà"], [/thủy/g, "thuỷ"], [/khỏe/g, "khoẻ"]];

/** How a typist words an indicator: its catalog name or a phrasing, sometimes abbreviated or with the old tone placement. */
function wording(r: Random, ind: Indicator): string {
  let text = ind.unit === "percent" && ind.phrasings.length > 0 && r.chance(0.4) ? `Tỷ lệ ${r.pick(ind.phrasings)}` : ind.name_vi;
  if (r.chance(0.2)) for (const [re, abbr] of ABBREVIATE) text = text.replace(re, abbr);
  if (r.chance(0.2)) for (const [re, old] of OLD_TONES) text = text.replace(re, old);
  return text;
}

const PILLAR_TITLES: Record<string, string> = {
  chinh_quyen_so: "Chính quyền số", kinh_te_so: "Kinh tế số", xa_hoi_so: "Xã hội số", ha_tang_so: "Hạ tầng số",
  du_lieu_so: "Dữ liệu số", nhan_luc_so: "Nhân lực số", an_toan_thong_tin: "An toàn thông tin mạng", the_che_so: "Thể chế số",
};
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];

const FILLER = [
  "Tiếp tục quán triệt, tuyên truyền nâng cao nhận thức của cán bộ, công chức và người dân về vai trò của chuyển đổi số; gắn nhiệm vụ chuyển đổi số với nhiệm vụ phát triển kinh tế - xã hội của địa phương.",
  "Phân công cụ thể nhiệm vụ cho từng bộ phận chuyên môn, các thôn, tổ dân phố; định kỳ kiểm tra, đôn đốc, báo cáo kết quả thực hiện theo quy định.",
  "Duy trì hoạt động của Tổ công nghệ số cộng đồng; hướng dẫn người dân cài đặt, sử dụng các ứng dụng, nền tảng số thiết yếu.",
  "Bố trí kinh phí từ nguồn ngân sách được giao và huy động các nguồn lực hợp pháp khác để thực hiện các nhiệm vụ chuyển đổi số.",
  "Đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước, bảo đảm an toàn, an ninh thông tin mạng.",
];

const levelTitle = (l: string) => l.toUpperCase();

/** The letterhead, number, place and date, title and legal bases: what makes the document's kind, unit and year findable. */
function preamble(r: Random, d: { kind: "plan" | "report"; year: number; unit: SyntheticUnit }): string[] {
  const { unit, year } = d;
  const afterReform = year >= 2026;
  const level = afterReform && unit.level === "thị trấn" ? "xã" : unit.level;
  const lines = [
    `ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`.replace("\t", "      "),
    `${levelTitle(level)} ${unit.name.toUpperCase()}      Độc lập - Tự do - Hạnh phúc`,
    "",
    `Số: ${r.chance(0.2) ? "" : r.int(1, 250)}/${d.kind === "plan" ? "KH" : "BC"}-UBND      ${unit.name}, ngày ${r.int(1, 28)} tháng ${d.kind === "plan" ? r.int(1, 4) : 12} năm ${year}`,
    "",
    d.kind === "plan" ? "KẾ HOẠCH" : "BÁO CÁO",
    d.kind === "plan" ? `Chuyển đổi số trên địa bàn ${level} ${unit.name} năm ${year}` : `Kết quả thực hiện nhiệm vụ chuyển đổi số năm ${year} trên địa bàn ${level} ${unit.name}`,
    "",
  ];
  const superior = afterReform ? `tỉnh ${unit.province.name}` : `${unit.district.level} ${unit.district.name}`;
  for (let i = r.int(1, 4); i > 0; i--) {
    lines.push(`Căn cứ Kế hoạch số ${r.int(10, 999)}/KH-UBND ngày ${r.int(1, 28)}/${r.int(1, 12)}/${year - 1} của Ủy ban nhân dân ${superior} về chuyển đổi số${afterReform ? "" : ` trên địa bàn tỉnh ${unit.province.name}`} năm ${year};`, "");
  }
  lines.push(d.kind === "plan"
    ? `Ủy ban nhân dân ${level} ${unit.name} xây dựng Kế hoạch chuyển đổi số năm ${year} như sau:`
    : `Ủy ban nhân dân ${level} ${unit.name} báo cáo kết quả thực hiện như sau:`, "");
  return lines;
}

function filler(r: Random, n: number): string[] {
  return r.sample(FILLER, n).flatMap((p) => [`- ${p}`, ""]);
}

/** Groups indicators by pillar in catalog order, as appendix tables do. */
function byPillar(inds: Indicator[]): [string, Indicator[]][] {
  const groups = new Map<string, Indicator[]>();
  for (const i of inds) groups.set(i.pillar, [...(groups.get(i.pillar) ?? []), i]);
  return [...groups];
}

/**
 * What page breaks and typists do to a table: the header repeated mid-table, a row split over two
 * lines (the second with an empty label). Applied to the table's lines, header first.
 */
function paginate(r: Random, table: string[]): string[] {
  const out = [table[0]!];
  const repeatAt = r.chance(0.2) ? r.int(2, Math.max(2, table.length - 1)) : -1;
  const splitAt = r.chance(0.15) ? r.int(1, table.length - 1) : -1;
  table.slice(1).forEach((line, k) => {
    if (k + 1 === repeatAt) out.push(table[0]!);
    const cells = line.split("\t");
    const words = cells[1]!.split(" ");
    if (k + 1 === splitAt && /^\d+$/.test(cells[0]!) && words.length > 6) {
      const cut = r.int(2, words.length - 3);
      out.push([cells[0], words.slice(0, cut).join(" "), ...cells.slice(2).map(() => "")].join("\t"));
      out.push(["", words.slice(cut).join(" "), ...cells.slice(2)].join("\t"));
    } else out.push(line);
  });
  return out;
}

/** PDF text: prose re-wrapped at a fixed width, each visual line its own line. */
export function hardWrap(r: Random, lines: string[], width = r.int(70, 95)): string[] {
  return lines.flatMap((line) => {
    if (line.includes("\t") || line.length <= width) return [line];
    const out: string[] = [];
    let cur = "";
    for (const w of line.split(" ")) {
      if (cur && cur.length + 1 + w.length > width) { out.push(`${cur} `); cur = w; } else cur = cur ? `${cur} ${w}` : w;
    }
    out.push(cur);
    return out;
  });
}

const truthOf = (code: string, measure: Measure, year: number, p: PrintedValue): TruthObservation[] =>
  p.truth ? [{ indicator_code: code, measure, period_year: year, ...p.truth }] : [];

/** A plan: targets in an appendix table (three shapes) or in prose bullets. */
export function planDocument(r: Random, catalog: Indicator[], unit: SyntheticUnit, year: number): SyntheticDocument {
  const inds = r.sample(catalog.filter((i) => i.unit === "percent" && !i.scope_of), r.int(8, 30));
  const shape = r.weighted([["table-target-column", 4], ["table-unit-column", 2], ["table-target-in-text", 2], ["prose", 2]] as const);
  const lines = preamble(r, { kind: "plan", year, unit });
  const truth: TruthObservation[] = [];
  lines.push("I. MỤC TIÊU", "", "1. Mục tiêu chung", "", ...filler(r, 1), "2. Mục tiêu cụ thể", "");
  if (shape === "prose") {
    for (const ind of inds) {
      const p = printTarget(r, true);
      lines.push(`- ${wording(r, ind)} ${p.text}.`);
      truth.push(...truthOf(ind.code, "target", year, p));
    }
    lines.push("", "II. NHIỆM VỤ VÀ GIẢI PHÁP", "", ...filler(r, r.int(2, 4)));
  } else {
    lines.push("Các mục tiêu, chỉ tiêu tại Phụ lục kèm theo.", "", "II. NHIỆM VỤ VÀ GIẢI PHÁP", "", ...filler(r, r.int(2, 4)), `PHỤ LỤC: CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM ${year}`, "");
    const header = shape === "table-target-column" ? ["STT", "Mục tiêu", `Chỉ tiêu năm ${year}`]
      : shape === "table-unit-column" ? ["STT", "Nội dung chỉ tiêu", "Đơn vị tính", `Chỉ tiêu năm ${year}`, "Đơn vị chủ trì"]
        : ["STT", "Các chỉ tiêu", "Đơn vị thực hiện"];
    const table = [header.join("\t")];
    let n = 0;
    for (const [g, [pillar, group]] of byPillar(inds).entries()) {
      table.push([ROMAN[g], `<b>${PILLAR_TITLES[pillar]}</b>`, ...header.slice(2).map(() => "")].join("\t"));
      for (const ind of group) {
        const p = printTarget(r, shape === "table-target-in-text");
        const label = String(++n);
        if (shape === "table-target-column") table.push([label, wording(r, ind), p.text].join("\t"));
        else if (shape === "table-unit-column") table.push([label, wording(r, ind), "%", p.text.replace(/%$/, ""), "UBND xã"].join("\t"));
        else table.push([label, `${wording(r, ind)} ${p.text}`, "Công chức Văn hóa - Xã hội"].join("\t"));
        truth.push(...truthOf(ind.code, "target", year, p));
      }
    }
    lines.push(...paginate(r, table));
  }
  lines.push("", "III. TỔ CHỨC THỰC HIỆN", "", ...filler(r, 1), `Trên đây là Kế hoạch chuyển đổi số năm ${year} của Ủy ban nhân dân ${unit.level} ${unit.name}.`);
  return { kind: "plan", year, unit, lines, truth, shape: `plan/${shape}` };
}

/** A report: results (and the year's targets) in a table, statuses for tasks, placeholders left unfilled, or prose. */
export function reportDocument(r: Random, catalog: Indicator[], unit: SyntheticUnit, year: number): SyntheticDocument {
  const inds = r.sample(catalog.filter((i) => i.unit === "percent" && !i.scope_of), r.int(8, 30));
  const tasks = r.sample(catalog.filter((i) => i.unit === "status"), r.int(0, 4));
  const shape = r.weighted([["table-target-result", 4], ["table-result", 3], ["prose", 2]] as const);
  const lines = preamble(r, { kind: "report", year, unit });
  const truth: TruthObservation[] = [];
  lines.push("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "", ...filler(r, r.int(1, 3)), "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "");
  if (shape === "prose") {
    for (const ind of inds) {
      const p = printResult(r, 0);
      lines.push(`- ${wording(r, ind)} ${/^\d/.test(p.text) ? "đạt " : ""}${p.text.replace(/^Đạt/, "đạt")}.`);
      truth.push(...truthOf(ind.code, "actual", year, p));
    }
    lines.push("");
  } else {
    const header = shape === "table-target-result" ? ["STT", "Chỉ tiêu", `Kế hoạch năm ${year}`, `Kết quả thực hiện năm ${year}`, "Ghi chú"] : ["TT", "Nội dung", "Kết quả đạt được", "Đơn vị báo cáo"];
    const table = [header.join("\t")];
    let n = 0;
    for (const ind of [...inds, ...tasks]) {
      const isTask = ind.unit === "status";
      const result = isTask ? printStatus(r) : printResult(r, 0.08);
      const label = String(++n);
      if (shape === "table-target-result") {
        const target = isTask ? { text: "", truth: null } : printTarget(r, false);
        table.push([label, wording(r, ind), target.text, result.text, ""].join("\t"));
        truth.push(...truthOf(ind.code, "target", year, target));
      } else {
        table.push([label, wording(r, ind), result.text, "UBND xã"].join("\t"));
      }
      truth.push(...truthOf(ind.code, "actual", year, result));
    }
    lines.push(...paginate(r, table), "");
  }
  lines.push("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM " + (year + 1), "", ...filler(r, r.int(1, 2)), `Trên đây là báo cáo kết quả thực hiện chuyển đổi số năm ${year} của Ủy ban nhân dân ${unit.level} ${unit.name}.`);
  return { kind: "report", year, unit, lines, truth, shape: `report/${shape}` };
}
