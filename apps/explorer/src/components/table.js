// A plain HTML table that wraps long text (Inputs.table clips it): provenance lines must be readable.
import { html } from "htl";

/** columns: [{label, value: (row) => string | Node, className?}] */
export function table(rows, columns, { empty = "Không có dòng nào.", id } = {}) {
  if (rows.length === 0) return html`<p class="empty">${empty}</p>`;
  return html`<div class="table-wrap"><table class="dx-table" id=${id}>
    <thead><tr>${columns.map((c) => html`<th>${c.label}</th>`)}</tr></thead>
    <tbody>${rows.map((r) => html`<tr>${columns.map((c) => html`<td class=${c.className ?? ""}>${c.value(r)}</td>`)}</tr>`)}</tbody>
  </table></div>`;
}
