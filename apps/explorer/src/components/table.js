// A plain HTML table that wraps long text (Inputs.table clips it): provenance lines must be readable.
// Long tables show their first `limit` rows and a button for the rest, so a province's thousand rows do
// not hold up the page; the CSV always has every row.
import { html } from "htl";
import { csvLink } from "./csv.js";

/** columns: [{label, value: (row) => string | Node, className?, csv?: (row) => string}]; csv: a file name to offer the rows as CSV. */
export function table(rows, columns, { empty = "Không có dòng nào.", id, csv, limit = 200 } = {}) {
  if (rows.length === 0) return html`<p class="empty">${empty}</p>`;
  const row = (r) => html`<tr>${columns.map((c) => html`<td class=${c.className ?? ""}>${c.value(r)}</td>`)}</tr>`;
  const body = html`<tbody>${rows.slice(0, limit).map(row)}</tbody>`;
  const more = rows.length <= limit ? "" : html`<p><button type="button" class="show-all" id=${id ? `${id}-all` : undefined}>Hiện tất cả ${rows.length.toLocaleString("vi-VN")} dòng (đang hiện ${limit})</button></p>`;
  if (more) more.querySelector("button").addEventListener("click", () => { body.append(...rows.slice(limit).map(row)); more.remove(); });
  return html`${csv ? html`<p>${csvLink(rows, columns, csv, id ? `${id}-csv` : undefined)}</p>` : ""}<div class="table-wrap"><table class="dx-table" id=${id}>
    <thead><tr>${columns.map((c) => html`<th>${c.label}</th>`)}</tr></thead>
    ${body}
  </table></div>${more}`;
}
