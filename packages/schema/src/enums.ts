import { z } from "zod";

/** Kind of document: a plan (Kế hoạch) sets targets, a report (Báo cáo) gives results. */
export const docKindSchema = z.enum(["plan", "report"]).meta({ description: "plan (Kế hoạch: sets targets) or report (Báo cáo: gives results)." });
export type DocKind = z.infer<typeof docKindSchema>;

/** Administrative level as Vietnamese law names it. */
export const unitLevelSchema = z.enum(["tỉnh", "thành phố trực thuộc trung ương", "huyện", "quận", "thị xã", "thành phố", "xã", "phường", "thị trấn", "đặc khu"]).meta({ description: "Administrative level as the document or the gazetteer names it." });
export type UnitLevel = z.infer<typeof unitLevelSchema>;

/** The eight pillars of Vietnam's digital-transformation programme used by the catalog. */
export const pillarSchema = z.enum([
  "chinh_quyen_so", "kinh_te_so", "xa_hoi_so", "ha_tang_so",
  "du_lieu_so", "nhan_luc_so", "an_toan_thong_tin", "the_che_so",
]);
export type Pillar = z.infer<typeof pillarSchema>;

/** Whether a target is a target or a result. */
export const measureSchema = z.enum(["target", "actual"]).meta({ description: "target (chỉ tiêu, what was promised) or actual (kết quả, what was achieved)." });
export type Measure = z.infer<typeof measureSchema>;

/** How a value relates to the number: "trên 80%" is gt 80, "từ 7 - 8%" is range 7..8, "Tăng 6%" is increase 6. */
export const comparatorSchema = z.enum(["eq", "approx", "gt", "gte", "lt", "lte", "range", "increase", "decrease"]).meta({ description: "How the value is stated: eq 'đạt 90%', approx 'gần 98%' / 'khoảng 70%' / 'xấp xỉ 100%' (the metrics read it as the level it approximates, with a note), gt 'trên 80%', gte '≥ 95%' / 'tối thiểu', lt / lte 'dưới' / 'tối đa', range 'từ 7 - 8%', increase 'tăng 6%', decrease 'giảm 5%'." });
export type Comparator = z.infer<typeof comparatorSchema>;

/** Unit of a value. per100 = per 100 inhabitants; status = a task state; bool = achieved / not. */
export const valueUnitSchema = z.enum(["percent", "count", "per100", "bool", "status", "rank", "index", "mbps", "km"]).meta({ description: "Unit of the value: percent (points), count, per100 (per 100 inhabitants), bool (1 achieved / 0 not), status (a task state, see status), rank (a place in a ranking, 'xếp thứ 16/63': lower is better; 'tăng 3 bậc' is an increase of 3 places), index (a score such as DTI 0,6077), mbps (a speed in Mbit/s), km (a length, 'hơn 21.000 km cáp quang')." });
export type ValueUnit = z.infer<typeof valueUnitSchema>;

/** Task state written as words: "Đã thực hiện" → done, "Đang thực hiện" → in_progress, "Chưa …" → not_started. */
export const taskStatusSchema = z.enum(["done", "in_progress", "not_started"]).meta({ description: "A result given in words: done 'Đã thực hiện', in_progress 'Đang thực hiện', not_started 'Chưa thực hiện'." });
export type TaskStatus = z.infer<typeof taskStatusSchema>;

export const directionSchema = z.enum(["higher", "lower"]);
export type Direction = z.infer<typeof directionSchema>;

/** Which administrative map a unit code belongs to: codes were reused in the 1 July 2025 reform. */
export const eraSchema = z.enum(["before-2025-07", "after-2025-07"]).meta({ description: "Which administrative map a code belongs to: before or after the 1 July 2025 reform (codes were reused)." });
export type Era = z.infer<typeof eraSchema>;
