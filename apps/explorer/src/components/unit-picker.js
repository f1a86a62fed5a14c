// Find a unit by typing its name, with or without diacritics ("ha tan", "Hà Tân"), or the name of the unit
// it became in 2025 ("Tống Sơn"), among every unit of the gazetteer. Only the index files of the letters
// typed are fetched (du-lieu/tim-kiem/XX.json, written by scripts/site-data.ts), each once.
import { html } from "htl";
import { fold, matches, searchQuery } from "./slug.js";

import { loadJson } from "./data.js";

// Which index files exist: a key with no file is not fetched (a 404 would be a console error).
const shard = async (key) => ((await loadJson("tim-kiem/khoa.json", [])).includes(key) ? loadJson(`tim-kiem/${key}.json`, []) : []);

/** Units matching what was typed: those with documents first, then by how closely the name matches. */
export async function findUnits(typed, limit = 12) {
  const { tokens, keys } = searchQuery(typed);
  if (keys.length === 0) return { matches: [], total: 0 };
  const seen = new Map();
  for (const list of await Promise.all(keys.map(shard))) for (const e of list) if (!seen.has(e[0])) seen.set(e[0], e);
  const whole = ` ${tokens.join(" ")} `;
  const score = (e) => (e[4] ? 0 : 4) + (` ${fold(e[1])} `.includes(whole) ? 0 : 2) + (e[3] ? 1 : 0);
  const found = [...seen.values()].filter((e) => matches(e[5], tokens)).sort((a, b) => score(a) - score(b) || a[1].localeCompare(b[1], "vi"));
  return {
    total: found.length,
    matches: found.slice(0, limit).map(([slug, label, where, now, filed]) => ({ slug, label, where, now, filed: Boolean(filed) })),
  };
}

/**
 * A search box with a list of matches. Without `onPick`, each match with documents links to its unit page;
 * with it, choosing a match calls onPick(match).
 */
export function unitPicker({ onPick, placeholder = "Gõ tên xã, phường, huyện… (có dấu hoặc không dấu)", id = "unit-picker" } = {}) {
  const input = html`<input type="search" id=${`${id}-input`} placeholder=${placeholder} autocomplete="off" aria-label="Tìm đơn vị">`;
  const list = html`<ul class="picker-list" id=${`${id}-list`}></ul>`;
  const status = html`<p class="picker-status" id=${`${id}-status`}></p>`;
  let latest = 0;
  input.addEventListener("input", async () => {
    const asked = ++latest;
    const typed = input.value;
    const { matches: found, total } = await findUnits(typed);
    if (asked !== latest) return; // a later keystroke has its own answer
    list.replaceChildren(...found.map((m) => {
      const text = html`<span><b>${m.label}</b>${m.where ? html` · <small>${m.where}</small>` : ""}${m.now ? html`<br><small>${m.now}</small>` : ""}${m.filed ? "" : html` <small class="no-docs">(chưa có văn bản)</small>`}</span>`;
      if (onPick) {
        const b = html`<button type="button" class="picker-item" disabled=${!m.filed}>${text}</button>`;
        b.addEventListener("click", () => { onPick(m); input.value = ""; list.replaceChildren(); status.textContent = ""; });
        return html`<li>${b}</li>`;
      }
      return html`<li>${m.filed ? html`<a class="picker-item" href=${`./don-vi.html?unit=${m.slug}`}>${text}</a>` : html`<span class="picker-item">${text}</span>`}</li>`;
    }));
    status.textContent = typed.trim() === "" ? "" : total === 0 ? "Không tìm thấy đơn vị nào." : total > found.length ? `${total} đơn vị khớp; hiện ${found.length} đơn vị đầu. Gõ thêm để thu hẹp.` : `${total} đơn vị khớp.`;
  });
  return html`<div class="unit-picker" id=${id}>${input}${status}${list}</div>`;
}
