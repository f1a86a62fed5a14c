// A plain HTML table that wraps long text (Inputs.table clips it): provenance lines must be readable.
import { html } from "htl";
import { csvLink } from "./csv.js";

/** columns: [{label, value: (row) => string | Node, className?, csv?: (row) => string}]; csv: a file name to offer the rows as CSV. */
export function table(rows, columns, { empty = "Không có dòng nào.", id, csv } = {}) {
  if (rows.length === 0) return html`<p class="empty">${empty}</p>`;
  return html`${csv ? html`<p>${csvLink(rows, columns, csv, id ? `${id}-csv` : undefined)}</p>` : ""}<div class="table-wrap"><table class="dx-table" id=${id}>
    <thead><tr>${columns.map((c) => html`<th>${c.label}</th>`)}</tr></thead>
    <tbody>${rows.map((r) => html`<tr>${columns.map((c) => html`<td class=${c.className ?? ""}>${c.value(r)}</td>`)}</tr>`)}</tbody>
  </table></div>`;
}
