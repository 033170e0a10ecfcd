import { EN_STRINGS, ZH_STRINGS } from "../../src/admin/i18n/strings"

type Tree = { [key: string]: string | Tree }

export function flatten(tree: Tree, prefix = ""): Record<string, string> {
  return Object.entries(tree).reduce<Record<string, string>>((all, [key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key
    return typeof value === "string" ? { ...all, [path]: value } : { ...all, ...flatten(value, path) }
  }, {})
}

export const EN = flatten(EN_STRINGS as Tree)
export const ZH = flatten(ZH_STRINGS as Tree)

/**
 * Every English string of the plugin that differs from its Chinese one, as a pattern for a
 * whole text: `{{name}}` placeholders match any text.
 */
export function englishPatterns() {
  return Object.entries(EN)
    .filter(([key, value]) => ZH[key] !== value)
    .map(([key, value]) => ({
      key,
      value,
      source: `^${value
        .split(/\{\{\s*\w+\s*\}\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
        .join(".+?")}$`,
    }))
}
