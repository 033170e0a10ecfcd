/**
 * The commission-terms admin (grades, rules with the what-if preview, campaigns, sales tiers,
 * team bonus) in a real browser: Debian's Chromium driven by playwright-core against
 * `npm run demo` (its seeded month of orders) on a database of its own. One demo boot.
 */
import fs from "fs"
import path from "path"
import { Browser, chromium, Page } from "playwright-core"
import { dropDatabase, Demo, startDemo } from "./demo-server"
import { englishPatterns } from "./translations"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureChromium } = require("../../scripts/chromium")
// eslint-disable-next-line @typescript-eslint/no-require-imports
const demoConfig = require("../../demo/demo.json")

// The demo migrates, seeds a month of orders and builds the admin before it answers: slow on a shared machine.
jest.setTimeout(40 * 60_000)

const PORT = Number(process.env.BROWSER_TEST_PORT || 9200)
const DATABASE = `distribution_rules_browser_${process.pid}_${Date.now()}`
const SHOTS = path.resolve(__dirname, "../../docs/screenshots")
/** The first page compiles the admin from source (vite): slow on a small machine. */
const FIRST_LOAD_MS = 5 * 60_000
const WAIT_MS = 60_000
const PRODUCT = "Jasmine Green Tea, 100 g"
const GRADE = "Gold Partner"

let demo: Demo
let browser: Browser
let page: Page

type Json = Record<string, any>

/** The admin API as the logged-in page calls it (session cookie); `status` and `body` whatever the answer. */
async function call(pathname: string, init?: { method?: string; body?: unknown }): Promise<{ status: number; body: Json }> {
  return page.evaluate(
    async ({ pathname, init }) => {
      const res = await fetch(pathname, {
        method: init?.method ?? "GET",
        credentials: "include",
        headers: { "content-type": "application/json" },
        body: init?.body === undefined ? undefined : JSON.stringify(init.body),
      })
      return { status: res.status, body: await res.json() }
    },
    { pathname, init }
  )
}

async function api<T = Json>(pathname: string, init?: { method?: string; body?: unknown }): Promise<T> {
  const { status, body } = await call(pathname, init)
  if (status >= 400) throw new Error(`${status} ${pathname}: ${JSON.stringify(body)}`)
  return body as T
}

async function open(pathname: string, ready: string, timeout = WAIT_MS) {
  await page.goto(`${demo.baseUrl}/app${pathname}`, { timeout })
  await page.waitForSelector(ready, { timeout })
  await settled()
}

/** Waits until no plugin section shows its loading state. */
async function settled() {
  await page.waitForFunction(() => !document.querySelector('[role="status"]'), undefined, { timeout: WAIT_MS })
}

async function shot(name: string, lang: string) {
  await settled()
  fs.mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SHOTS, `${lang}-${name}.png`), fullPage: true })
}

/** A Radix select of @medusajs/ui: open it, pick the option by its text. */
async function choose(trigger: string, option: string | RegExp) {
  await page.click(trigger)
  await page.getByRole("option", { name: option }).click()
}

/** Saves the open drawer form. */
async function save(form: string) {
  await page.click(`[data-testid="${form}-save"]`)
}

async function closed(form: string) {
  await page.waitForSelector(`[data-testid="${form}"]`, { state: "detached", timeout: WAIT_MS })
}

/** The dashboard's language switch: i18next reads the `lng` cookie first, then localStorage. */
async function setLanguage(lng: "en" | "zhCN") {
  await page.context().addCookies([{ name: "lng", value: lng, url: demo.baseUrl }])
  await page.evaluate((l) => localStorage.setItem("lng", l), lng)
  await page.reload()
}

/** Every text on the page (and placeholder, label, title) that is one of the plugin's English strings. */
async function englishOnPage(patterns: ReturnType<typeof englishPatterns>) {
  return page.evaluate((patterns) => {
    const regexes = patterns.map((p) => ({ ...p, re: new RegExp(p.source) }))
    const texts: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.textContent ?? "")
    for (const el of Array.from(document.querySelectorAll("[placeholder],[aria-label],[title]"))) {
      for (const attr of ["placeholder", "aria-label", "title"]) {
        const v = el.getAttribute(attr)
        if (v) texts.push(v)
      }
    }
    return texts
      .map((t) => t.trim())
      .filter(Boolean)
      .flatMap((t) => regexes.filter((r) => r.re.test(t)).map((r) => `${r.key}: "${t}"`))
  }, patterns)
}

function format(lang: string) {
  const locale = lang === "zhCN" ? "zh-CN" : "en"
  return {
    money: (amount: number, currency: string) => new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).format(amount),
    number: (n: number) => new Intl.NumberFormat(locale).format(n),
    percent: (n: number, digits: number) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: digits }).format(n),
  }
}

/** A `datetime-local` value `days` from now, in the browser's (and this process's) time zone. */
function localIn(days: number) {
  const d = new Date(Date.now() + days * 86_400_000)
  d.setHours(0, 0, 0, 0)
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
}

/** Runs the page's preview and checks every figure against the route's answer for the same input. */
async function checkPreview(lang: "en" | "zhCN") {
  await page.click('[data-testid="preview-run"]')
  await page.waitForSelector('[data-testid="preview-result"]', { timeout: WAIT_MS })
  const from = await page.inputValue("#distribution-from")
  const to = await page.inputValue("#distribution-to")
  const { campaigns } = await api("/admin/distribution/campaigns?limit=100")
  const { rules } = await api("/admin/distribution/rules?limit=100")
  // The page's draft is the current rules minus the first (removed in the test), and the current campaigns.
  const draftRules = rules.slice(1).map((r: Json) => ({
    ...(r.name ? { name: r.name } : {}),
    scope: r.scope,
    scope_id: r.scope_id,
    kind: r.kind,
    level_values: r.level_values,
    ...(r.kind === "fixed" ? { currency_code: r.currency_code } : {}),
    priority: r.priority,
  }))
  const draftCampaigns = campaigns.map((c: Json) => ({
    name: c.name,
    starts_at: c.starts_at,
    ends_at: c.ends_at,
    scope: c.scope,
    scope_ids: c.scope_ids,
    multiplier: c.multiplier,
    level_rates: c.level_rates,
  }))
  const preview = await api("/admin/distribution/rules/preview", { method: "POST", body: { rules: draftRules, campaigns: draftCampaigns, from, to } })
  expect(preview.current.length).toBeGreaterThan(0)
  const f = format(lang)
  for (const side of ["current", "draft"] as const) {
    for (const totals of preview[side] as Json[]) {
      const c = totals.currency_code
      const cell = (key: string) => page.textContent(`[data-testid="preview-${c}"] [data-testid="${side}-${key}"]`)
      await expect(cell("orders")).resolves.toBe(f.number(totals.orders))
      await expect(cell("gmv")).resolves.toBe(f.money(Number(totals.gmv), c))
      await expect(cell("total")).resolves.toBe(f.money(Number(totals.total), c))
      for (const level of [1, 2, 3]) {
        const amount = totals.levels.find((l: Json) => l.level === level)?.amount ?? "0"
        await expect(cell(`level-${level}`)).resolves.toBe(f.money(Number(amount), c))
      }
      await expect(cell("share")).resolves.toBe(f.percent(Number(totals.share_of_gmv), 2))
    }
  }
  return preview
}

beforeAll(async () => {
  const executablePath = ensureChromium()
  demo = await startDemo({ database: DATABASE, port: PORT, timeoutMs: 30 * 60_000 })
  browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-dev-shm-usage"] })
  const context = await browser.newContext({ viewport: { width: 1440, height: 1400 }, locale: "en-US" })
  page = await context.newPage()

  await page.goto(`${demo.baseUrl}/app/login`, { timeout: FIRST_LOAD_MS })
  await setLanguage("en")
  await page.fill('input[name="email"]', demoConfig.admin.email)
  await page.fill('input[name="password"]', demoConfig.admin.password)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => !url.pathname.includes("/login"), { timeout: FIRST_LOAD_MS })
})

afterAll(async () => {
  await browser?.close()
  await demo?.stop()
  await dropDatabase(DATABASE).catch(() => undefined)
})

describe("commission terms admin (browser)", () => {
  it("creates a grade and sets it on a distributor by hand", async () => {
    await open("/distribution/grades", '[data-testid="grades-page"]', FIRST_LOAD_MS)
    await page.click('[data-testid="grades-page-create"]')
    await page.fill("#grade-name", GRADE)
    await page.fill("#grade-rank", "50")
    await page.fill("#grade-level_rates-0", "12")
    await page.fill("#grade-level_rates-1", "6")
    await page.fill("#grade-level_rates-2", "3")
    await page.fill("#grade-team_size", "10")
    await page.fill("#grade-direct_buyers", "3")
    await choose('[data-testid="grade-match"]', "All conditions are needed")
    await save("grade-form")
    await closed("grade-form")
    await page.getByTestId("grade-name").filter({ hasText: GRADE }).waitFor({ timeout: WAIT_MS })

    const { grades } = await api("/admin/distribution/grades")
    const grade = grades.find((g: Json) => g.name === GRADE)
    expect(grade).toMatchObject({ rank: 50, level_rates: [0.12, 0.06, 0.03], conditions: { team_size: 10, direct_buyers: 3, match: "all" }, customer_group_id: null, can_view_team: true })
    await shot("grades", "en")

    const { distributors } = await api("/admin/distribution/distributors?status=active&limit=1")
    await open(`/distribution/distributors/${distributors[0].id}`, '[data-testid="distributor-grade"]')
    await choose("#distributor-grade", GRADE)
    await page.waitForFunction(
      async ({ id, grade }) => (await (await fetch(`/admin/distribution/distributors/${id}`, { credentials: "include" })).json()).distributor.grade_id === grade,
      { id: distributors[0].id, grade: grade.id },
      { timeout: WAIT_MS, polling: 250 }
    )
  })

  it("shows the server's max_total_rate refusal on the rule's levels, then lists a valid rule", async () => {
    await open("/distribution/rules", '[data-testid="rules-page"]')
    await page.click('[data-testid="rules-page-create"]')
    await page.fill('[data-testid="rule-scope_id-search"]', "Jasmine")
    await choose('[data-testid="rule-scope_id"]', PRODUCT)
    await page.fill("#rule-level_values-0", "20")
    await page.fill("#rule-level_values-1", "10")
    await page.fill("#rule-level_values-2", "5")
    await save("rule-form")
    const shown = page.getByTestId("error-rule-level_values")
    await shown.waitFor({ timeout: WAIT_MS })

    // The same body straight to the route: refused with the message the form shows, and nothing saved.
    const { products } = await api(`/admin/products?q=Jasmine&fields=id,title`)
    const body = { scope: "product", scope_id: products[0].id, kind: "rate", level_values: [0.2, 0.1, 0.05], priority: 0 }
    const refused = await call("/admin/distribution/rules", { method: "POST", body })
    expect(refused.status).toBe(400)
    expect(refused.body.message).toContain("above max_total_rate 0.3")
    await expect(shown.textContent()).resolves.toBe(refused.body.message)
    await expect(api("/admin/distribution/rules")).resolves.toMatchObject({ count: 0 })
    await page.getByTestId("rule-form").screenshot({ path: path.join(SHOTS, "en-rule-refused.png") })

    await page.fill("#rule-level_values-0", "12")
    await page.fill("#rule-level_values-1", "6")
    await page.fill("#rule-level_values-2", "2")
    await save("rule-form")
    await closed("rule-form")
    await page.getByTestId("rule-target").filter({ hasText: PRODUCT }).waitFor({ timeout: WAIT_MS })
    const { rules } = await api("/admin/distribution/rules")
    expect(rules).toHaveLength(1)
    expect(rules[0]).toMatchObject({ scope: "product", scope_id: products[0].id, kind: "rate", level_values: [0.12, 0.06, 0.02], priority: 0 })
  })

  it("creates a campaign and a sales tier", async () => {
    await open("/distribution/campaigns", '[data-testid="campaigns-page"]')
    await page.click('[data-testid="campaigns-page-create"]')
    await page.fill("#campaign-name", "Launch week")
    await page.fill("#campaign-starts_at", localIn(30))
    await page.fill("#campaign-ends_at", localIn(37))
    await page.fill("#campaign-multiplier", "1.2")
    await save("campaign-form")
    await closed("campaign-form")
    await page.getByTestId("campaign-name").filter({ hasText: "Launch week" }).waitFor({ timeout: WAIT_MS })
    const { campaigns } = await api("/admin/distribution/campaigns")
    expect(campaigns).toHaveLength(1)
    expect(campaigns[0]).toMatchObject({ name: "Launch week", scope: "all", multiplier: 1.2, level_rates: null })
    expect(Date.parse(campaigns[0].ends_at) - Date.parse(campaigns[0].starts_at)).toBe(7 * 86_400_000)
    await shot("campaigns", "en")

    await open("/distribution/tiers", '[data-testid="tiers-page"]')
    await page.click('[data-testid="tiers-page-create"]')
    await page.fill("#tier-name", "Monthly 1,000")
    await page.fill("#tier-currency_code", "usd")
    await page.fill("#tier-min_sales", "1000")
    await page.fill("#tier-level_rates-0", "11")
    await page.fill("#tier-level_rates-1", "5")
    await save("tier-form")
    await closed("tier-form")
    await page.getByTestId("tier-name").filter({ hasText: "Monthly 1,000" }).waitFor({ timeout: WAIT_MS })
    await expect(api("/admin/distribution/tiers")).resolves.toMatchObject({ tiers: [{ currency_code: "usd", min_sales: 1000, level_rates: [0.11, 0.05] }] })
    await shot("tiers", "en")
  })

  it("previews a draft rule set: current and draft figures equal the preview route's", async () => {
    await open("/distribution/rules", '[data-testid="draft-rule"]')
    // The draft starts from the rules in force; dropping the product rule is the what-if.
    await expect(page.getByTestId("draft-rule").count()).resolves.toBe(1)
    await page.click('[data-testid="draft-remove-0"]')
    const preview = await checkPreview("en")
    expect(preview.orders_considered).toBeGreaterThan(0)
    await shot("rules", "en")
  })

  it("creates a team bonus plan and pays last month", async () => {
    await open("/distribution/team-bonus", '[data-testid="plans-page"]')
    await page.click('[data-testid="plans-page-create"]')
    await page.fill("#plan-name", "Monthly team bonus")
    await choose('[data-testid="plan-grade"]', GRADE)
    await page.fill("#plan-rate", "1")
    await save("plan-form")
    await closed("plan-form")
    await page.getByTestId("plan-name").filter({ hasText: "Monthly team bonus" }).waitFor({ timeout: WAIT_MS })
    const { grades } = await api("/admin/distribution/grades")
    const { team_bonus_plans } = await api("/admin/distribution/team-bonus/plans")
    expect(team_bonus_plans).toMatchObject([{ name: "Monthly team bonus", rate: 0.01, active: true, grade_id: grades.find((g: Json) => g.name === GRADE).id }])

    await page.click('[data-testid="pay-period"]')
    await page.click('[data-testid="pay-confirm"]')
    await page.waitForSelector('[data-testid="pay-confirm"]', { state: "detached", timeout: WAIT_MS })
    const { payouts, count } = await api("/admin/distribution/team-bonus/payouts")
    expect(payouts).toHaveLength(count)
    await shot("team-bonus", "en")
  })

  it("adds a copy material for a grade and lists it with its grade tag", async () => {
    await open("/distribution/materials", '[data-testid="material-add"]')
    await page.click('[data-testid="material-add"]')
    await choose("#material-kind", "Copy")
    await page.fill("#material-title", "Launch week: tea for two")
    await page.fill("#material-body", "Two tins, one price, this week only. Share your link with a friend who loves green tea.")
    await page.getByTestId("material-create").getByText(GRADE, { exact: true }).click()
    await page.click('[data-testid="material-save"]')
    await closed("material-create")
    await page.getByTestId("material-row").filter({ hasText: "Launch week: tea for two" }).waitFor({ timeout: WAIT_MS })
    const { grades } = await api("/admin/distribution/grades")
    const { materials } = await api("/admin/distribution/materials")
    expect(materials).toMatchObject([{ kind: "copy", title: "Launch week: tea for two", grade_ids: [grades.find((g: Json) => g.name === GRADE).id] }])
    await shot("materials", "en")
  })

  it("shows no English string of the plugin on these pages in 简体中文", async () => {
    const patterns = englishPatterns()
    const { distributors } = await api("/admin/distribution/distributors?status=active&limit=1")
    const pages: [string, string, string][] = [
      ["grades", "/distribution/grades", '[data-testid="grade-name"]'],
      ["rules", "/distribution/rules", '[data-testid="draft-rule"]'],
      ["campaigns", "/distribution/campaigns", '[data-testid="campaign-name"]'],
      ["tiers", "/distribution/tiers", '[data-testid="tier-name"]'],
      ["team-bonus", "/distribution/team-bonus", '[data-testid="plan-name"]'],
      ["materials", "/distribution/materials", '[data-testid="material-row"]'],
      ["distributor-grade", `/distribution/distributors/${distributors[0].id}`, '[data-testid="distributor-grade"]'],
    ]
    await setLanguage("zhCN")
    const found: string[] = []
    for (const [name, pathname, ready] of pages) {
      await open(pathname, ready)
      if (name === "rules") {
        await page.click('[data-testid="draft-remove-0"]')
        await checkPreview("zhCN")
      }
      found.push(...(await englishOnPage(patterns)).map((e) => `${name} → ${e}`))
      if (name === "distributor-grade") continue
      await shot(name, "zhCN")
      if (name === "rules") {
        // The form with the guard's refusal on its field, in Chinese (the message is the server's own).
        await page.click('[data-testid="rules-page-create"]')
        await page.fill('[data-testid="rule-scope_id-search"]', "Jasmine")
        await choose('[data-testid="rule-scope_id"]', PRODUCT)
        for (const [i, v] of ["20", "10", "5"].entries()) await page.fill(`#rule-level_values-${i}`, v)
        await save("rule-form")
        await page.getByTestId("error-rule-level_values").waitFor({ timeout: WAIT_MS })
        found.push(...(await englishOnPage(patterns)).map((e) => `rule form → ${e}`))
        await page.getByTestId("rule-form").screenshot({ path: path.join(SHOTS, "zhCN-rule-refused.png") })
        await page.keyboard.press("Escape")
      }
      if (name === "team-bonus") {
        await page.click('[data-testid="pay-period"]')
        await page.getByTestId("pay-confirm").waitFor({ timeout: WAIT_MS })
        found.push(...(await englishOnPage(patterns)).map((e) => `pay prompt → ${e}`))
        await page.keyboard.press("Escape")
      }
    }
    expect(found).toEqual([])
  })
})
