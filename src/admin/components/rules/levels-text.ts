/** "10 % · 5 % · 2 %" or "¥1.00 · ¥0.50": a row's values per level, in the admin's language. */
export function levelsText(values: number[] | null | undefined, format: (v: number) => string) {
  return values?.length ? values.map(format).join(" · ") : "–"
}
