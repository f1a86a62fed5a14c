// Tables as CSV for Excel: UTF-8 with a byte-order mark (without it Excel shows Vietnamese as mojibake),
// fields quoted when they hold a comma, quote or line break, lines ended by CRLF.
import { html } from "htl";

/** A cell as text: strings and numbers as they are, a DOM node by its visible text. */
const cellText = (v) => (v == null ? "" : typeof v === "object" && "textContent" in v ? v.textContent.replace(/\s+/g, " ").trim() : String(v));
const field = (s) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** columns: [{label, value: (row) => string | number | Node, csv?: (row) => string}] */
export function toCsv(rows, columns) {
  const lines = [columns.map((c) => field(c.label)).join(",")];
  for (const r of rows) lines.push(columns.map((c) => field(cellText(c.csv ? c.csv(r) : c.value(r)))).join(","));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

/** A "Tải CSV" link that downloads the rows as `filename` (built when clicked). */
export function csvLink(rows, columns, filename, id) {
  const a = html`<a class="csv-link" id=${id} href="#" download=${filename}>Tải bảng (CSV, ${rows.length} dòng)</a>`;
  a.addEventListener("click", () => {
    const url = URL.createObjectURL(new Blob([toCsv(rows, columns)], { type: "text/csv;charset=utf-8" }));
    a.href = url;
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  return a;
}
