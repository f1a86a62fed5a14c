/**
 * PDFs as Word users send them: tables with drawn borders. LibreOffice Writer opens each sample as
 * HTML (its tables have border="1") and prints it to PDF, as "Save as PDF" from Word does; plus an
 * invented plan (written for the project) whose appendix table runs over several pages, with group
 * rows merged across all columns and a "responsible unit" cell merged down several rows. Its text
 * original (tab-separated, the same content) is written beside it as the key.
 * Output: test/fixtures/bordered/; commit it, so tests need no LibreOffice.
 *
 *   apt-get install -y libreoffice-writer-nogui
 *   pnpm exec tsx scripts/make-bordered-fixtures.ts
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { textToHtml } from "./fixtures/text-to-html.ts";

const ROOT = join(import.meta.dirname, "..");
const SAMPLES = join(ROOT, "data/samples");
const OUT = join(ROOT, "test/fixtures/bordered");

const work = mkdtempSync(join(tmpdir(), "dx-bordered-"));
const toPdf = (html: string, stem: string) => {
  const file = join(work, `${stem}.html`);
  writeFileSync(file, html);
  execFileSync("soffice", ["--headless", "--infilter=HTML (StarWriter)", "--convert-to", "pdf", "--outdir", work, file], { env: { ...process.env, HOME: work }, stdio: "pipe" });
  renameSync(join(work, `${stem}.pdf`), join(OUT, `${stem}.pdf`));
};

/** The invented plan: 3 groups of targets, 42 rows, so the table crosses pages. */
function inventedPlan(): { text: string; html: string } {
  const groups: [string, [string, string][]][] = [
    ["I. CHÍNH QUYỀN SỐ", [
      ["Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng", "90%"],
      ["Tỷ lệ văn bản trao đổi giữa các cơ quan nhà nước dưới dạng điện tử", "100%"],
      ["Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, xử lý trực tuyến", "≥ 80%"],
      ["Tỷ lệ dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính đủ điều kiện", "100%"],
      ["Tỷ lệ thanh toán trực tuyến trên Cổng dịch vụ công quốc gia trên tổng số giao dịch thanh toán của dịch vụ công", "Trên 50%"],
      ["Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "100%"],
      ["Tỷ lệ người dân, doanh nghiệp hài lòng về việc giải quyết thủ tục hành chính", "Đạt trên 90%"],
    ]],
    ["II. KINH TẾ SỐ", [
      ["Tỷ trọng kinh tế số trong GRDP", "Đạt từ 7 - 8%"],
      ["Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử", "100%"],
      ["Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số", "Trên 40%"],
      ["Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử", "70%"],
    ]],
    ["III. XÃ HỘI SỐ", [
      ["Tỷ lệ dân số trưởng thành có điện thoại thông minh", "Trên 85%"],
      ["Tỷ lệ hộ gia đình có đường Internet cáp quang băng rộng", "≥ 85%"],
      ["Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch tại ngân hàng", "Trên 80%"],
      ["Tỷ lệ người dân có hồ sơ sức khỏe điện tử", "≥ 95%"],
      ["Tỷ lệ dân số trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân", "Trên 50%"],
    ]],
  ];
  const lead = [
    "ỦY BAN NHÂN DÂN XÃ YÊN TRƯỜNG",
    "KẾ HOẠCH",
    "Chuyển đổi số trên địa bàn xã Yên Trường năm 2025",
    "Căn cứ Kế hoạch chuyển đổi số của huyện Yên Định năm 2025, UBND xã Yên Trường ban hành Kế hoạch chuyển đổi số năm 2025 với các chỉ tiêu tại Phụ lục kèm theo.",
    "PHỤ LỤC",
    "CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2025",
  ];
  const header = ["STT", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu năm 2025", "Đơn vị thực hiện"];
  const textRows: string[][] = [header];
  const html: string[] = [`<tr>${header.map((h) => `<th>${h}</th>`).join("")}</tr>`];
  let n = 0;
  for (const [title, rows] of groups) {
    textRows.push([title, "", "", "", ""]);
    html.push(`<tr><td colspan="5"><b>${title}</b></td></tr>`);
    // Filler rows (explanations, not values) make the table long enough to cross pages.
    const all = rows.flatMap((r, i) => [r, ...(i % 2 === 0 ? [["Ghi chú: thực hiện theo hướng dẫn của cấp trên, báo cáo kết quả hằng quý cho Ban chỉ đạo", ""] as [string, string]] : [])]);
    all.forEach(([name, target], i) => {
      const isNote = target === "";
      const stt = isNote ? "" : String(++n);
      const unit = isNote ? "" : "%";
      textRows.push([stt, name, unit, target, i === 0 ? "Các bộ phận chuyên môn" : ""]);
      const merged = i === 0 ? `<td rowspan="${all.length}" valign="middle">Các bộ phận chuyên môn</td>` : "";
      html.push(`<tr><td align="center">${stt}</td><td>${name}</td><td align="center" valign="bottom">${unit}</td><td align="center" valign="middle">${target}</td>${merged}</tr>`);
    });
  }
  const text = [...lead, ...textRows.map((r) => r.join("\t")), "Nơi nhận: như trên."].join("\n") + "\n";
  const body = `${lead.map((l) => `<p>${l}</p>`).join("\n")}\n<table border="1" cellpadding="4"><colgroup><col width="8%"><col width="52%"><col width="10%"><col width="15%"><col width="15%"></colgroup>\n<thead>${html[0]}</thead>\n<tbody>\n${html.slice(1).join("\n")}\n</tbody></table>\n<p>Nơi nhận: như trên.</p>`;
  return { text, html: `<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"></head><body>\n${body}\n</body></html>\n` };
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
for (const f of readdirSync(SAMPLES).filter((f) => f.endsWith(".txt")).sort()) {
  const stem = f.slice(0, 3);
  toPdf(textToHtml(readFileSync(join(SAMPLES, f), "utf8")), stem);
  console.log(`${stem}.pdf`);
}
const plan = inventedPlan();
writeFileSync(join(OUT, "yen-truong-2025.txt"), plan.text);
toPdf(plan.html, "yen-truong-2025");
console.log("yen-truong-2025.pdf (+ .txt, its text original)");
rmSync(work, { recursive: true, force: true });
