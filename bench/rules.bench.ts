/**
 * `npm run bench -- rules`: the commission calculation of one order (`planOrderCommissions`:
 * attribution, each line's rule and campaign, the split over 3 levels) under product rules,
 * written under `rules` in bench/results.json (other keys are kept). Pure: no database.
 *
 * Two series, measured interleaved in the same run so that the machine's load falls on all
 * sizes alike, each a median over repeats:
 * - 50 lines under 20 rules that apply plus 10, 200 or 2000 rules that do not (other
 *   products, categories, collections, types): the time should not follow the rules that
 *   do not apply;
 * - 10, 50 or 200 lines under 200 rules: the time should follow the lines.
 * `lookup_ms` is the rule and campaign lookup alone (`termsForLine` for every line), the
 * part that could depend on the number of rules. Numbers are recorded, never asserted
 * (machines are shared). `rules_before_after` sets this run beside bench/rules-before.json,
 * the same bench run on the engine before rules were indexed by scope.
 */
import { execSync } from "child_process"
import { existsSync, readFileSync, writeFileSync } from "fs"
import { join } from "path"
import {
  CampaignDefinition,
  LevelTerms,
  OrderSyncState,
  planOrderCommissions,
  ProductFacts,
  RuleDefinition,
  termsForLine,
} from "../src/modules/distribution/calculations"
import { DEFAULT_SETTINGS } from "../src/modules/distribution/settings"

jest.setTimeout(1_800_000)

const RUNS = Number(process.env.BENCH_RULES_RUNS ?? 11)
/** Calls per timed sample. */
const CALLS = Number(process.env.BENCH_RULES_CALLS ?? 3)
const RESULTS = join(__dirname, "results.json")
const BEFORE = join(__dirname, "rules-before.json")
const PLACED = new Date("2026-11-11T12:00:00.000Z")
const SCOPES = ["product", "category", "collection", "product_type"] as const

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const round = (x: number, digits = 3) => +x.toFixed(digits)

/** A catalogue where product i sits in category i % 10 (under a parent), collection i % 5, type i % 3. */
function product(i: number): ProductFacts {
  return { product_id: `prod_${i}`, category_ids: [`pcat_${i % 10}`, "pcat_parent"], collection_id: `pcol_${i % 5}`, type_id: `ptyp_${i % 3}` }
}

/** 20 rules that apply to the order's products: every scope, rates, fixed amounts, an exclusion, ties. */
function applyingRules(): RuleDefinition[] {
  const rules: RuleDefinition[] = []
  const at = (i: number) => new Date(PLACED.getTime() - (100 - i) * 60_000)
  for (let i = 0; i < 8; i++) {
    const kind = i === 7 ? "none" : i % 3 === 2 ? "fixed" : "rate"
    rules.push({
      id: `rule_p${i}`,
      scope: "product",
      scope_id: `prod_${i * 3}`,
      kind,
      level_values: kind === "none" ? [] : kind === "fixed" ? ["1.5", "0.5", "0.25"] : ["0.12", "0.05", "0.02"],
      currency_code: kind === "fixed" ? "usd" : null,
      priority: 0,
      created_at: at(i),
    })
  }
  for (let i = 0; i < 6; i++) {
    rules.push({ id: `rule_c${i}`, scope: "category", scope_id: `pcat_${i}`, kind: "rate", level_values: ["0.08", "0.04"], currency_code: null, priority: i % 2, created_at: at(10 + i) })
  }
  for (let i = 0; i < 3; i++) {
    rules.push({ id: `rule_k${i}`, scope: "collection", scope_id: `pcol_${i}`, kind: "rate", level_values: ["0.06", "0.03", "0.01"], currency_code: null, priority: 0, created_at: at(20 + i) })
  }
  for (let i = 0; i < 3; i++) {
    rules.push({ id: `rule_t${i}`, scope: "product_type", scope_id: `ptyp_${i}`, kind: "rate", level_values: ["0.04", "0.02"], currency_code: null, priority: 0, created_at: at(30 + i) })
  }
  return rules
}

/** Rules on products, categories, collections and types the order does not hold. */
function otherRules(count: number): RuleDefinition[] {
  return Array.from({ length: count }, (_, i): RuleDefinition => {
    const scope = SCOPES[i % SCOPES.length]
    const fixed = i % 7 === 3
    return {
      id: `rule_x${i}`,
      scope,
      scope_id: `${{ product: "prod", category: "pcat", collection: "pcol", product_type: "ptyp" }[scope]}_other_${i}`,
      kind: fixed ? "fixed" : "rate",
      level_values: fixed ? ["2", "1"] : ["0.1", "0.05"],
      currency_code: fixed ? "usd" : null,
      priority: i % 3,
      created_at: new Date(PLACED.getTime() - i * 1000),
    }
  })
}

const CAMPAIGNS: CampaignDefinition[] = [
  { id: "camp_all", starts_at: new Date(PLACED.getTime() - 3_600_000), ends_at: new Date(PLACED.getTime() + 3_600_000), scope: "all", scope_ids: null, multiplier: "1.2", level_rates: null },
  { id: "camp_cat", starts_at: new Date(PLACED.getTime() - 60_000), ends_at: new Date(PLACED.getTime() + 60_000), scope: "category", scope_ids: ["pcat_4"], multiplier: null, level_rates: ["0.15", "0.05"] },
  { id: "camp_old", starts_at: new Date("2026-01-01"), ends_at: new Date("2026-02-01"), scope: "all", scope_ids: null, multiplier: "2", level_rates: null },
]

/** A first sync of an order of `lines` lines (3 units, with a discount) attributed to a 3-level chain. */
function orderState(lines: number, rules: RuleDefinition[]): OrderSyncState {
  const products: Record<string, ProductFacts> = {}
  for (let i = 0; i < lines; i++) products[`prod_${i}`] = product(i)
  return {
    order: {
      id: "order_bench",
      created_at: PLACED,
      currency_code: "usd",
      customer_id: "cus_buyer",
      customer_has_account: true,
      canceled: false,
      refunded_total: "0",
      lines: Array.from({ length: lines }, (_, i) => ({
        line_item_id: `ordli_${String(i).padStart(4, "0")}`,
        product_id: `prod_${i}`,
        quantity: 3,
        returned_quantity: 0,
        net: `${(19.99 * 3 - (i % 4)).toFixed(2)}`,
        gross: `${((19.99 * 3 - (i % 4)) * 1.13).toFixed(4)}`,
      })),
      completed: false,
      delivered: false,
      captured: false,
    },
    settings: { ...DEFAULT_SETTINGS, max_levels: 3, level_rates: [0.1, 0.05, 0.02], max_total_rate: 0.3 },
    now: PLACED,
    frozen: null,
    attribution_inputs: {
      customer_id: "cus_buyer",
      placed_at: PLACED,
      buyer: null,
      binding: null,
      cart_code: "SHARE1",
      cart_distributor: { id: "dist_1", customer_id: "cus_dist_1", status: "active" },
      chains: { dist_1: [1, 2, 3].map((level) => ({ level, distributor_id: `dist_${level}`, status: "active", grade_id: level === 1 ? "grade_gold" : null })) },
      grades: { grade_gold: { id: "grade_gold", level_rates: ["0.12", "0.06"] } },
      tiers: { dist_2: { id: "tier_silver", level_rates: ["0.1", "0.07"] } },
    },
    buyer_is_distributor: false,
    rule_context: { rules, campaigns: CAMPAIGNS, products },
  }
}

const LEVELS: LevelTerms[] = [1, 2, 3].map((level) => ({ level, distributor_id: `dist_${level}`, rate: ["0.12", "0.07", "0.02"][level - 1], source: "level_rate" }))

type Case = { key: string; lines: number; rules: number; applying: number; plan: () => unknown; lookup: () => unknown; plans: number[]; lookups: number[] }

function makeCase(key: string, lines: number, others: number): Case {
  const rules = [...applyingRules(), ...otherRules(others)]
  const state = orderState(lines, rules)
  const ctx = state.rule_context!
  const plan = () => planOrderCommissions(state)
  const lookup = () =>
    state.order.lines.map((l) =>
      termsForLine({ product: ctx.products[l.product_id!] ?? null, levels: LEVELS, rules: ctx.rules, campaigns: ctx.campaigns, currency_code: "usd", at: PLACED })
    )
  return { key, lines, rules: rules.length, applying: applyingRules().length, plan, lookup, plans: [], lookups: [] }
}

/** Milliseconds per call, over CALLS calls. */
function time(fn: () => unknown): number {
  const start = process.hrtime.bigint()
  for (let i = 0; i < CALLS; i++) fn()
  return Number(process.hrtime.bigint() - start) / 1e6 / CALLS
}

function headCommit(): string {
  try {
    return execSync("git rev-parse --short HEAD", { cwd: __dirname }).toString().trim()
  } catch {
    return "unknown"
  }
}

function summary(c: Case) {
  return { lines: c.lines, rules: c.rules, rules_applying: c.applying, median_ms: round(median(c.plans)), lookup_ms: round(median(c.lookups)) }
}

describe("commission calculation under product rules", () => {
  it("grows with the lines, not with the rules that do not apply", () => {
    const byRules = [10, 200, 2000].map((n) => makeCase(`others_${n}`, 50, n))
    // 200 rules in all: the 20 that can apply and 180 others.
    const byLines = [10, 50, 200].map((n) => makeCase(`lines_${n}`, n, 180))
    const all = [...byRules, ...byLines]

    for (const c of all) {
      // warm-up
      for (let i = 0; i < 3; i++) {
        c.plan()
        c.lookup()
      }
    }
    const started = Date.now()
    for (let run = 0; run < RUNS; run++) {
      for (const c of all) {
        c.plans.push(time(c.plan))
        c.lookups.push(time(c.lookup))
      }
      process.stdout.write(`rules bench: round ${run + 1}/${RUNS} after ${Math.round((Date.now() - started) / 1000)} s\n`)
    }

    const r = Object.fromEntries(byRules.map((c) => [c.key, summary(c)]))
    const l = Object.fromEntries(byLines.map((c) => [c.key, summary(c)]))
    const ratio = (a: Case, b: Case, what: "plans" | "lookups") => round(median(a[what]) / median(b[what]), 2)
    const result = {
      at: new Date().toISOString(),
      commit: headCommit(),
      runs: RUNS,
      calls_per_sample: CALLS,
      lines_50_by_rules_not_applying: r,
      rules_200_by_lines: l,
      ratios: {
        time_2000_over_10_other_rules: ratio(byRules[2], byRules[0], "plans"),
        lookup_2000_over_10_other_rules: ratio(byRules[2], byRules[0], "lookups"),
        time_200_over_10_lines: ratio(byLines[2], byLines[0], "plans"),
        lookup_200_over_10_lines: ratio(byLines[2], byLines[0], "lookups"),
      },
    }

    const file = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, "utf8")) : {}
    file.rules = result
    if (existsSync(BEFORE)) {
      const before = JSON.parse(readFileSync(BEFORE, "utf8")) as typeof result
      const side = (x: typeof result) => ({
        commit: x.commit,
        measured_at: x.at,
        plan_ms_50_lines_2000_other_rules: x.lines_50_by_rules_not_applying.others_2000.median_ms,
        lookup_ms_50_lines_2000_other_rules: x.lines_50_by_rules_not_applying.others_2000.lookup_ms,
        ratios: x.ratios,
      })
      file.rules_before_after = { before: side(before), after: side(result) }
    }
    writeFileSync(RESULTS, JSON.stringify(file, null, 2) + "\n")
    console.log(JSON.stringify({ rules: file.rules, rules_before_after: file.rules_before_after }, null, 2))
  })
})
