import en from "./en.json"
import zhCN from "./zhCN.json"
import materialsEn from "./materials.en.json"
import materialsZhCN from "./materials.zhCN.json"
import walletEn from "./wallet.en.json"
import walletZhCN from "./wallet.zhCN.json"
import rulesEn from "./rules.en.json"
import rulesZhCN from "./rules.zhCN.json"

type Tree = { [key: string]: string | Tree }

/**
 * Each area's own strings, `[en, zhCN]`, each file with one top-level key = the area, so
 * areas never edit one shared file. Add a line here for a new area.
 */
const parts: [Tree, Tree][] = [
  [materialsEn, materialsZhCN],
  [walletEn, walletZhCN],
  [rulesEn, rulesZhCN],
]

/** The base strings and every area's, merged one level deep (an area may extend a base group). */
function merge(base: Tree, areas: Tree[]): Tree {
  const out: Tree = { ...base }
  for (const area of areas) {
    for (const [key, value] of Object.entries(area)) {
      const current = out[key]
      out[key] = typeof current === "object" && typeof value === "object" ? { ...current, ...value } : value
    }
  }
  return out
}

export const EN_STRINGS = merge(en as Tree, parts.map(([e]) => e))
export const ZH_STRINGS = merge(zhCN as Tree, parts.map(([, z]) => z))
