import { describe, expect, it } from "vitest";
import { foldVietnamese } from "../src/normalise/fold.ts";
import { toLines } from "../src/normalise/lines.ts";
import { logicalLines } from "../src/normalise/logical-lines.ts";
import { normaliseLine } from "../src/normalise/normalise-line.ts";
import { decodeText } from "../src/read/decode-text.ts";

describe("normalise", () => {
  it("normaliseLine strips HTML, Markdown emphasis and writes LaTeX out", () => {
    expect(normaliseLine("<b>1</b>\t<b>Phát triển chính quyền số</b>\t")).toBe("1\tPhát triển chính quyền số\t");
    expect(normaliseLine("14.\tTỷ lệ\t%\t$\\geq 80\\%$\t")).toBe("14.\tTỷ lệ\t%\t≥ 80%\t");
    expect(normaliseLine("### **3. Hạ tầng số**")).toBe("3. Hạ tầng số");
    expect(normaliseLine("<i>(Ghi rõ bao nhiêu/ bao nhiêu, đạt 98,6%)</i>")).toBe("(Ghi rõ bao nhiêu/ bao nhiêu, đạt 98,6%)");
  });

  it("normaliseLine turns NFD Vietnamese into NFC", () => {
    const nfd = "Tỷ lệ hồ sơ sức khỏe điện tử".normalize("NFD");
    expect(normaliseLine(nfd)).toBe("Tỷ lệ hồ sơ sức khỏe điện tử".normalize("NFC"));
  });

  it("foldVietnamese makes old and new tone placement equal", () => {
    expect(foldVietnamese("Thanh Hoá")).toBe(foldVietnamese("thanh hóa"));
    expect(foldVietnamese("Cảnh Thuỵ")).toBe(foldVietnamese("Cảnh Thụy"));
    expect(foldVietnamese("sổ")).not.toBe(foldVietnamese("số"));
  });

  it("decodeText reads UTF-8 with and without BOM and UTF-16, and refuses empty or binary files", () => {
    const text = "Kế hoạch chuyển đổi số";
    expect(decodeText(new TextEncoder().encode(text))).toMatchObject({ ok: true, encoding: "utf-8", text });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toMatchObject({ ok: true, encoding: "utf-8-bom", text });
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer)]);
    expect(decodeText(utf16)).toMatchObject({ ok: true, encoding: "utf-16le", text });
    expect(decodeText(new Uint8Array())).toMatchObject({ ok: false, reason_code: "empty" });
    expect(decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]))).toMatchObject({ ok: false, reason_code: "binary" });
  });

  it("logicalLines rejoins lines a PDF broke, and keeps list items apart", () => {
    const pdf = Array.from({ length: 12 }, () => "Nội dung dòng đệm để tính độ rộng của trang văn bản PDF, dài khoảng tám mươi ký tự. ").join("\n\n")
      + "\n\n- Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch thanh toán tại ngân \n\nhàng hoặc tổ chức được phép khác đạt trên 85%; \n\n- Tỷ lệ dân số trưởng thành có điện thoại thông minh trên 80%; ";
    const lines = logicalLines(toLines(pdf));
    expect(lines.slice(-2).map((l) => l.text)).toEqual([
      "- Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch thanh toán tại ngân hàng hoặc tổ chức được phép khác đạt trên 85%;",
      "- Tỷ lệ dân số trưởng thành có điện thoại thông minh trên 80%;",
    ]);
    expect(lines[lines.length - 2]).toMatchObject({ first: 25, last: 27 });
  });
});
