import { render } from "@dx-atlas/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeTcvn3, encodeVni, encodeWindows1258 } from "../../../scripts/fixtures/legacy-encode.ts";
import { decodeText } from "../src/read/decode-text.ts";
import { fromTcvn3, fromVni } from "../src/read/legacy-vietnamese.ts";
import { isVietnameseSyllable, syllableScore } from "../src/read/vietnamese-syllable.ts";

const ok = (bytes: Uint8Array) => {
  const d = decodeText(bytes);
  if (!d.ok) throw new Error(render(d.reason, "en"));
  return d;
};

describe("Vietnamese syllables", () => {
  it("accepts real syllables and refuses mojibake", () => {
    for (const w of ["người", "chuyển", "khuyến", "nghiệp", "quốc", "giữa", "Ủy", "hoạch", "tỉnh", "gì", "oai", "xoong"]) expect(isVietnameseSyllable(w), w).toBe(true);
    for (const w of ["ho¹ch", "KÕ", "Keá", "hoaïch", "ViÖt", "chñ", "nghÜa", "áà", "ngưòi"]) expect(isVietnameseSyllable(w), w).toBe(false);
  });
  it("scores only words with non-ASCII letters", () => {
    expect(syllableScore("Kế hoạch 55/KH-UBND năm 2024, GRDP ≥ 80%")).toEqual({ valid: 3, invalid: 0 });
  });
});

describe("legacy encodings", () => {
  it("reads text as it circulates in VNI and TCVN3 mojibake", () => {
    expect(fromVni("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam")).toBe("Cộng hòa xã hội chủ nghĩa Việt Nam");
    expect(fromVni("ÑOÄC LAÄP - TÖÏ DO - HAÏNH PHUÙC")).toBe("ĐỘC LẬP - TỰ DO - HẠNH PHÚC");
    expect(fromTcvn3("Céng hoµ x· héi chñ nghÜa ViÖt Nam")).toBe("Cộng hoà xã hội chủ nghĩa Việt Nam");
    // ".VnTimeH" capitals: lower-case codes inside upper-case words.
    expect(fromTcvn3("KÕ HO¹CH chuyÓn ®æi sè")).toBe("KẾ HOẠCH chuyển đổi số");
  });

  it.each([
    ["tcvn3", encodeTcvn3],
    ["vni", encodeVni],
    ["windows-1258", encodeWindows1258],
  ] as const)("detects %s bytes and converts them back to NFC Unicode", (name, encode) => {
    const text = "Báo cáo kết quả thực hiện chuyển đổi số năm 2023 của xã Hà Tân: tỷ lệ người dân có hồ sơ sức khỏe điện tử đạt 96,8%; hộ gia đình có đường Internet cáp quang đạt 75%.";
    const d = ok(encode(text).bytes);
    expect(d.encoding).toBe(name);
    expect(d.text).toBe(text);
  });

  it("TCVN3 read as Windows-1258 is not Vietnamese: a capital inside a word, a tone mark on a consonant", () => {
    // Found by the property below (seed -1204117375): "dẫn … ủy" read as Windows-1258 gives "dÉn … ñy".
    expect(isVietnameseSyllable("dÉn")).toBe(false);
    expect(isVietnameseSyllable("ñy")).toBe(false);
    expect(["ệ", "ợ", "ữ", "ặ", "Đường", "ĐƯỜNG"].every(isVietnameseSyllable)).toBe(true);
    expect(ok(encodeTcvn3("dẫn dụng dụng ban ủy dẫn bao bao").bytes)).toMatchObject({ encoding: "tcvn3", text: "dẫn dụng dụng ban ủy dẫn bao bao" });
  });

  it("any text of Vietnamese syllables survives TCVN3, VNI and Windows-1258 (lower case)", () => {
    const syllables = ["người", "dân", "được", "hướng", "dẫn", "sử", "dụng", "dịch", "vụ", "công", "trực", "tuyến", "tỷ", "lệ", "hộ", "gia", "đình", "thuê", "bao", "khuyến", "khích", "quyết", "nghị", "ủy", "ban", "nhân", "xã", "phường", "ứng", "dụng", "ngữ", "nghĩa", "giữa", "chuyển", "đổi", "số"];
    fc.assert(fc.property(fc.array(fc.constantFrom(...syllables), { minLength: 8, maxLength: 40 }), (words) => {
      const text = words.join(" ");
      for (const [name, encode] of [["tcvn3", encodeTcvn3], ["vni", encodeVni], ["windows-1258", encodeWindows1258]] as const) {
        const d = ok(encode(text).bytes);
        expect(d.text, name).toBe(text);
        expect(d.encoding, name).toBe(name);
      }
    }), { numRuns: 200 });
  });

  it("reads UTF-16 without a BOM, UTF-8 NFD, and legacy codes inside UTF-8", () => {
    const text = "Kế hoạch chuyển đổi số phường Minh Hưng năm 2026";
    expect(ok(Buffer.from(text, "utf16le"))).toMatchObject({ encoding: "utf-16le", text });
    const be = Buffer.from(text, "utf16le");
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
    expect(ok(be)).toMatchObject({ encoding: "utf-16be", text });
    expect(ok(Buffer.from(text.normalize("NFD"), "utf8"))).toMatchObject({ encoding: "utf-8+nfd", text });
    expect(ok(Buffer.from("KÕ ho¹ch chuyÓn ®æi sè ph­êng Minh H­ng n¨m 2026", "utf8"))).toMatchObject({ encoding: "utf-8/tcvn3", text });
    expect(ok(Buffer.from("Keá hoaïch chuyeån ñoåi soá phöôøng Minh Höng naêm 2026", "utf8"))).toMatchObject({ encoding: "utf-8/vni", text });
  });

  it("leaves plain Unicode alone even with a few foreign words", () => {
    const text = "Ứng dụng Zalo, Facebook, VNeID; hệ thống iOffice và LGSP đạt 100%. Café Wi-Fi.";
    expect(ok(Buffer.from(text, "utf8"))).toMatchObject({ encoding: "utf-8", text });
  });
});

describe("documents pasted together from two encodings", () => {
  const head = "KẾ HOẠCH\nChuyển đổi số năm 2025 của xã Hà Tân\nTỷ lệ hộ gia đình có cáp quang đạt trên 80%";
  const tail = "Tỷ lệ người dân có chữ ký số đạt 30%\nUBND xã đề nghị các phòng, ban phối hợp thực hiện.";
  const join = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
  const utf8 = (s: string) => new TextEncoder().encode(s);

  it("reads each line in the encoding that makes it Vietnamese, and names both", () => {
    for (const [name, enc] of [["tcvn3", encodeTcvn3], ["vni", encodeVni], ["windows-1258", encodeWindows1258]] as const) {
      const d = ok(join(utf8(`${head}\n`), enc(tail).bytes));
      expect(d.text, name).toBe(`${head}\n${tail}`);
      expect(d.encoding, name).toBe(`mixed:utf-8+${name}`);
    }
    // Legacy first, Unicode after.
    expect(ok(join(encodeTcvn3(`${head}\n`).bytes, utf8(tail)))).toMatchObject({ text: `${head}\n${tail}`, encoding: "mixed:tcvn3+utf-8" });
  });

  it("a clean document is never read line by line", () => {
    expect(ok(utf8(`${head}\n${tail}`)).encoding).toBe("utf-8");
    expect(ok(encodeTcvn3(`${head}\n${tail}`).bytes).encoding).toBe("tcvn3");
  });

  it("a few stray NUL or control bytes in a text are noise, not a sign of binary data", () => {
    const bytes = utf8(`${head}\u0000\n${tail}\u0007`);
    expect(ok(bytes).text).toContain("chữ ký số đạt 30%");
    expect(decodeText(Uint8Array.from({ length: 4000 }, (_, i) => (i % 7 === 0 ? 0 : 65 + (i % 26))))).toMatchObject({ ok: false, reason_code: "binary" });
  });
});
