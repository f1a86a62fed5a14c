// Find a unit by typing its name, with or without diacritics ("ha tan", "Hà Tân"), or the name of the unit
// it became in 2025 ("Tống Sơn"), among every unit of the gazetteer. Only the index files of the letters
// typed are fetched (du-lieu/tim-kiem/XX.json, written by scripts/site-data.ts), each once.
import { html } from "htl";
import { byScore, matches, PICKER_LIMIT, searchQuery } from "./slug.js";

import { loadJson } from "./data.js";

// Which index files exist: a key with no file is not fetched (a 404 would be a console error).
const shard = async (key) => ((await loadJson("tim-kiem/khoa.json", [])).includes(key) ? loadJson(`tim-kiem/${key}.json`, []) : []);

/**
 * Units matching what was typed: those with documents first, then by how closely the name matches. One
 * index file is read, the most selective word's; the others' only if it holds no match (a word that
 * names the district or province, not the unit).
 */
export async function findUnits(typed, limit = PICKER_LIMIT) {
  const { tokens, keys } = searchQuery(typed);
  if (keys.length === 0) return { matches: [], total: 0 };
  let found = [];
  let total = 0;
  if (tokens.length === 1 && tokens[0].length <= 2 && limit <= PICKER_LIMIT) {
    // One word of one or two letters: every unit in its index file matches; the build wrote the first
    // matches, in the picker's order, and how many there are (a few KB instead of the whole list).
    const known = (await loadJson("tim-kiem/khoa.json", [])).includes(tokens[0]);
    const first = known ? await loadJson(`tim-kiem/${tokens[0]}-dau.json`, { top: [], total: 0 }) : { top: [], total: 0 };
    found = first.top;
    total = first.total;
  } else {
    for (const key of keys) {
      found = (await shard(key)).filter((e) => matches(e[5], tokens));
      if (found.length) break;
    }
    found.sort(byScore(tokens));
    total = found.length;
  }
  return {
    total,
    matches: found.slice(0, limit).map(([slug, label, where, now, filed]) => ({ slug, label, where, now, filed: Boolean(filed) })),
  };
}

/**
 * A search box with a list of matches. Without `onPick`, each match with documents links to its unit page;
 * with it, choosing a match calls onPick(match).
 */
export function unitPicker({ onPick, placeholder = "Gõ tên xã, phường, huyện… (có dấu hoặc không dấu)", id = "unit-picker" } = {}) {
  loadJson("tim-kiem/khoa.json", []); // which index files there are, fetched before the first keystroke
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
