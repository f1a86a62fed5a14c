import type { UnitLevel } from "@dx-atlas/schema";

/** Level words as written before a name, longest first so "thành phố" wins over "phố". */
export const LEVEL_WORDS: readonly [string, UnitLevel][] = [
  ["thành phố trực thuộc trung ương", "thành phố trực thuộc trung ương"],
  ["thị trấn", "thị trấn"], ["thị xã", "thị xã"], ["thành phố", "thành phố"], ["tỉnh", "tỉnh"],
  ["huyện", "huyện"], ["quận", "quận"], ["phường", "phường"], ["xã", "xã"], ["đặc khu", "đặc khu"],
];

const PUBLISHED_TYPES: Record<string, UnitLevel> = {
  "tỉnh": "tỉnh", "thành phố trung ương": "thành phố trực thuộc trung ương", "huyện": "huyện", "quận": "quận",
  "thị xã": "thị xã", "thành phố": "thành phố", "xã": "xã", "phường": "phường", "thị trấn": "thị trấn", "đặc khu": "đặc khu",
};

/** "Phường Mỹ Hòa" → { level: "phường", name: "Mỹ Hòa" }; the published type wins when given. */
export function splitUnitName(fullName: string, publishedType?: string): { level: UnitLevel | null; name: string } {
  const clean = fullName.normalize("NFC").replace(/\s+/g, " ").trim();
  const lower = clean.toLowerCase();
  const typed = publishedType ? PUBLISHED_TYPES[publishedType.normalize("NFC").toLowerCase().trim()] ?? null : null;
  for (const [word, level] of LEVEL_WORDS) {
    if (lower.startsWith(word + " ")) return { level: typed ?? level, name: clean.slice(word.length + 1).trim() };
  }
  return { level: typed, name: clean };
}
