// URL slug of a unit: 'before-2025-07:15322' → 'before-2025-07-15322'; unresolved names folded to ASCII.
// Shared by the build (one data file per unit, scripts/unit-data.ts) and the pages (links: don-vi.html?unit=SLUG).
export function unitSlug(unitKey) {
  return unitKey
    .normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D")
    .toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}
