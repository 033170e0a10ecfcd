import en from "./en.json"
import zhCN from "./zhCN.json"
import rulesEn from "./rules.en.json"
import rulesZhCN from "./rules.zhCN.json"

/**
 * Every string of the plugin's admin, per language. Each area keeps its own files and its own
 * top-level keys (the base pages in `en.json`; wallet, rules, … in `<area>.<lang>.json`), so
 * two areas never edit one file; they are merged here, one level deep.
 */
const parts = [{ en, zhCN }, { en: rulesEn, zhCN: rulesZhCN }]

type Tree = { [key: string]: string | Tree }

function merge(lang: "en" | "zhCN"): Tree {
  return parts.reduce<Tree>((all, part) => ({ ...all, ...(part[lang] as Tree) }), {})
}

export const EN_STRINGS = merge("en")
export const ZH_STRINGS = merge("zhCN")
