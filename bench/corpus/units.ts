import type { Random } from "./random.ts";

/** A synthetic commune or ward with its district (before the 2025 reform) and province. */
export interface SyntheticUnit { code: string; level: "xã" | "phường" | "thị trấn"; name: string; district: { code: string; level: "huyện" | "thị xã" | "thành phố"; name: string }; province: { code: string; name: string } }

// Syllables that make place names the way Vietnamese ones are made (Hán-Việt pairs).
const FIRST = ["An", "Bình", "Cẩm", "Đông", "Gia", "Hà", "Hòa", "Hưng", "Khánh", "Kim", "Long", "Minh", "Mỹ", "Nam", "Ngọc", "Nghĩa", "Phú", "Phúc", "Quang", "Quỳnh", "Sơn", "Tân", "Thạch", "Thanh", "Thịnh", "Thuận", "Tiên", "Trung", "Vạn", "Vĩnh", "Xuân", "Yên", "Đức", "Hải", "Lạc", "Lương", "Phong", "Tường", "Cát", "Bảo"];
const SECOND = ["An", "Bình", "Châu", "Định", "Đông", "Giang", "Hà", "Hải", "Hòa", "Hồng", "Hưng", "Khê", "Lâm", "Lộc", "Lợi", "Long", "Lương", "Minh", "Mỹ", "Nghĩa", "Ninh", "Phong", "Phú", "Phước", "Quang", "Sơn", "Tân", "Thái", "Thành", "Thắng", "Thịnh", "Thọ", "Thủy", "Tiến", "Trung", "Trường", "Tú", "Vân", "Xuyên", "Yên"];

/**
 * `count` communes in `provinces` provinces, every name unique across the country (so a document's
 * unit is decidable from its own words), with codes unused by the bundled gazetteer (communes 90000+, districts 9000+).
 */
export function syntheticUnits(random: Random, count: number, provinces = 8): SyntheticUnit[] {
  const names = random.sample(FIRST.flatMap((a) => SECOND.filter((b) => b !== a).map((b) => `${a} ${b}`)), count + provinces + Math.ceil(count / 12) + 1);
  let next = 0;
  const province = Array.from({ length: provinces }, (_, i) => ({ code: String(11 + i), name: names[next++]! }));
  const districts: SyntheticUnit["district"][] = [];
  const units: SyntheticUnit[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 12 === 0) districts.push({ code: String(9000 + districts.length), level: random.weighted([["huyện", 6], ["thị xã", 1], ["thành phố", 1]] as const), name: names[next++]! });
    const district = districts[districts.length - 1]!;
    units.push({
      code: String(90000 + i), name: names[next++]!, district, province: province[(districts.length - 1) % provinces]!,
      level: district.level === "huyện" ? random.weighted([["xã", 8], ["thị trấn", 1]] as const) : random.weighted([["phường", 2], ["xã", 1]] as const),
    });
  }
  return units;
}

/** The units as a gazetteer CSV (data/gazetteer/units.csv's columns), in both eras: districts are gone after July 2025. */
export function unitsCsv(units: SyntheticUnit[]): string {
  const rows = new Map<string, string>();
  for (const u of units) {
    rows.set(`b:${u.province.code}`, `${u.province.code},${u.province.name},tỉnh,,before-2025-07,${u.province.code}`);
    rows.set(`b:${u.district.code}`, `${u.district.code},${u.district.name},${u.district.level},${u.province.code},before-2025-07,`);
    rows.set(`b:${u.code}`, `${u.code},${u.name},${u.level},${u.district.code},before-2025-07,${u.code}`);
  }
  for (const u of units) {
    rows.set(`a:${u.province.code}`, `${u.province.code},${u.province.name},tỉnh,,after-2025-07,`);
    rows.set(`a:${u.code}`, `${u.code},${u.name},${u.level === "thị trấn" ? "xã" : u.level},${u.province.code},after-2025-07,`);
  }
  return ["code,name,level,parent_code,era,successor_codes", ...rows.values()].join("\n") + "\n";
}
