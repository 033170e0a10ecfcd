/**
 * The distribution admin in a real browser: Debian's Chromium driven by playwright-core
 * against `npm run demo` (its seeded month of data) on a database of its own.
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

jest.setTimeout(15 * 60_000)

const PORT = Number(process.env.BROWSER_TEST_PORT || 9100)
const DATABASE = `distribution_admin_browser_${process.pid}_${Date.now()}`
const SHOTS = path.resolve(__dirname, "../../docs/screenshots")
/** The first page compiles the admin from source (vite): slow on a small machine. */
const FIRST_LOAD_MS = 5 * 60_000
const WAIT_MS = 60_000

let demo: Demo
let browser: Browser
let page: Page
/** A distributor with members on two levels, found by the team test and reused in Chinese. */
let teamLeaderId: string

type Json = Record<string, any>

/** The admin API as the logged-in page calls it (session cookie). */
async function api<T = Json>(pathname: string, init?: { method?: string; body?: unknown }): Promise<T> {
  return page.evaluate(
    async ({ pathname, init }) => {
      const res = await fetch(pathname, {
        method: init?.method ?? "GET",
        credentials: "include",
        headers: { "content-type": "application/json" },
        body: init?.body === undefined ? undefined : JSON.stringify(init.body),
      })
      const body = await res.json()
      if (!res.ok) throw new Error(`${res.status} ${pathname}: ${JSON.stringify(body)}`)
      return body
    },
    { pathname, init }
  )
}

async function open(pathname: string, timeout = WAIT_MS) {
  await page.goto(`${demo.baseUrl}/app${pathname}`, { timeout })
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

function format(lang: string) {
  const locale = lang === "zhCN" ? "zh-CN" : "en"
  return {
    money: (amount: number, currency: string) => new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).format(amount),
    number: (n: number) => new Intl.NumberFormat(locale).format(n),
    percent: (n: number, digits: number) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: digits }).format(n),
  }
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

beforeAll(async () => {
  const executablePath = ensureChromium()
  demo = await startDemo({ database: DATABASE, port: PORT, timeoutMs: 12 * 60_000 })
  browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-dev-shm-usage"] })
  const context = await browser.newContext({ viewport: { width: 1440, height: 1600 }, locale: "en-US" })
  page = await context.newPage()

  await open("/login", FIRST_LOAD_MS)
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

describe("distribution admin (browser)", () => {
  it("shows the overview's figures exactly as the stats route gives them", async () => {
    await open("/distribution", FIRST_LOAD_MS)
    await page.waitForSelector('[data-testid="kpi-orders"], [role="alert"]', { timeout: FIRST_LOAD_MS })
    const from = await page.inputValue("#distribution-from")
    const to = await page.inputValue("#distribution-to")
    const statsPath = `/admin/distribution/stats?from=${from}&to=${to}`
    const status = await page.evaluate(async (p) => (await fetch(p, { credentials: "include" })).status, statsPath)
    if (status === 404) {
      // A server without the stats route (this branch before it merges): the page says so.
      await expect(page.locator('[role="alert"]').textContent({ timeout: WAIT_MS })).resolves.toContain("Not available on this server")
      await shot("overview", "en")
      return
    }
    const stats = await api(statsPath)
    const f = format("en")
    const text = async (id: string) => (await page.textContent(`[data-testid="kpi-${id}-value"]`))?.trim()
    // An empty list (no money in the range) shows a zero in the chart's currency.
    const moneys = (list: Json[]) => (list.length ? list.map((m) => f.money(m.amount, m.currency_code)).join(" · ") : expect.stringMatching(/0/))

    expect(await text("distributors")).toBe(f.number(stats.distributors.total))
    expect(await text("orders")).toBe(f.number(stats.orders))
    expect(await text("active-rate")).toBe(stats.active_rate === null ? "–" : f.percent(stats.active_rate, 1))
    expect(await text("gmv")).toEqual(moneys(stats.gmv))
    expect(await text("accrued")).toEqual(moneys(stats.commission.accrued))
    expect(await text("reversed")).toEqual(moneys(stats.commission.reversed))
    expect(await text("settled")).toEqual(moneys(stats.commission.settled))
    for (const [id, value] of [
      ["distributors", stats.distributors],
      ["gmv", stats.gmv],
      ["accrued", stats.commission.accrued],
      ["reversed", stats.commission.reversed],
      ["settled", stats.commission.settled],
      ["conversion", stats.conversion],
    ] as const) {
      expect(JSON.parse((await page.getAttribute(`[data-testid="kpi-${id}"]`, "data-value"))!)).toEqual(value)
    }
    expect(stats.orders).toBeGreaterThan(0)
    await shot("overview", "en")
  })

  it("approves a pending distributor in bulk", async () => {
    const { distributors } = await api("/admin/distribution/distributors?status=pending&limit=10")
    expect(distributors.length).toBeGreaterThan(0)
    const target = distributors[0]

    await open("/distribution/distributors")
    await page.waitForSelector("table tbody tr", { timeout: WAIT_MS })
    await shot("distributors", "en")
    await page.fill('input[type="search"]', target.code)
    const row = page.locator("tbody tr", { hasText: target.code })
    await row.waitFor({ timeout: WAIT_MS })
    await page.waitForFunction(() => document.querySelectorAll("tbody tr").length === 1, undefined, { timeout: WAIT_MS })
    await row.locator('button[role="checkbox"]').click()
    await page.getByRole("button", { name: /^Approve/ }).click()
    await page.click('[data-testid="reason-confirm"]')
    await row.getByText("Active", { exact: true }).waitFor({ timeout: WAIT_MS })

    const after = await api(`/admin/distribution/distributors/${target.id}`)
    expect(after.distributor.status).toBe("active")
  })

  it("opens a distributor and expands its team", async () => {
    const { distributors } = await api("/admin/distribution/distributors?status=active&limit=50")
    let found: Json | null = null
    for (const d of distributors) {
      const detail = await api(`/admin/distribution/distributors/${d.id}`)
      if (detail.team_counts["1"] > 0 && detail.team_counts["2"] > 0) {
        found = detail
        break
      }
    }
    expect(found).not.toBeNull()
    const { distributor, team_counts } = found!
    teamLeaderId = distributor.id

    await open(`/distribution/distributors/${distributor.id}`)
    await page.waitForSelector('[data-testid="team-counts"]', { timeout: WAIT_MS })
    await expect(page.textContent('[data-testid="team-counts"]')).resolves.toContain(`Level 1: ${team_counts["1"]}`)
    await page.click('[data-testid="team-open"]')
    const level1 = page.locator('[data-testid="team-level-1"] > li')
    await level1.first().waitFor({ timeout: WAIT_MS })
    expect(await level1.count()).toBe(Math.min(team_counts["1"], 100))

    // The level-1 member with members of its own: expanding it loads level 2 lazily.
    const { members } = await api(`/admin/distribution/distributors/${distributor.id}/team?level=1&limit=100`)
    const counts = await Promise.all(members.map((m: Json) => api(`/admin/distribution/distributors/${m.id}`)))
    const index = counts.findIndex((c) => c.team_counts["1"] > 0)
    expect(index).toBeGreaterThanOrEqual(0)
    const node = page.locator('[data-testid="team-level-1"] > li', { hasText: members[index].code }).first()
    await node.locator('[data-testid="team-expand"]').first().click()
    const level2 = node.locator('[data-testid="team-level-2"] > li')
    await level2.first().waitFor({ timeout: WAIT_MS })
    expect(await level2.count()).toBe(Math.min(counts[index].team_counts["1"], 100))
    await shot("distributor", "en")
  })

  it("opens a commission's drawer with its lines", async () => {
    // The list's first page, newest first, as the page shows it; the first commission with lines.
    const { commissions } = await api("/admin/distribution/commissions?limit=20&order=-created_at")
    const index = commissions.findIndex((c: Json) => c.lines.length > 0)
    expect(index).toBeGreaterThanOrEqual(0)
    const first = commissions[index]
    await open("/distribution/commissions")
    await page.waitForSelector("table tbody tr", { timeout: WAIT_MS })
    await shot("commissions", "en")
    await page.locator("tbody tr").nth(index).locator("td").nth(2).click()
    await page.waitForSelector('[data-testid="commission-lines"]', { timeout: WAIT_MS })
    await expect(page.textContent('[data-testid="drawer-amount"]')).resolves.toBe(format("en").money(first.amount, first.currency_code))
    expect(await page.locator('[data-testid="commission-lines"] tbody tr').count()).toBe(first.lines.length)
    await shot("commission-drawer", "en")
    await page.keyboard.press("Escape")
  })

  it("rejects a withdrawal with a reason and restores the balance", async () => {
    const { withdrawals } = await api("/admin/distribution/withdrawals?status=requested")
    expect(withdrawals.length).toBeGreaterThan(0)
    const w = withdrawals[0]
    const before = await api(`/admin/distribution/distributors/${w.distributor_id}`)
    const available = (detail: Json) => detail.balances.find((b: Json) => b.currency_code === w.currency_code)?.available ?? 0

    await open("/distribution/withdrawals")
    const row = page.locator("tbody tr", { has: page.locator(`[data-distributor-id="${w.distributor_id}"]`) }).first()
    await row.waitFor({ timeout: WAIT_MS })
    await shot("withdrawals", "en")
    await row.locator("button").last().click()
    await page.getByRole("menuitem", { name: "Reject" }).click()
    await page.fill("#distribution-reason", "Account holder does not match the distributor")
    await page.click('[data-testid="reason-confirm"]')
    await page.waitForSelector('[role="alertdialog"]', { state: "detached", timeout: WAIT_MS })

    const after = await api(`/admin/distribution/withdrawals?distributor_id=${w.distributor_id}&status=rejected`)
    const rejected = after.withdrawals.find((x: Json) => x.id === w.id)
    expect(rejected).toMatchObject({ status: "rejected", reason: "Account holder does not match the distributor" })
    const detail = await api(`/admin/distribution/distributors/${w.distributor_id}`)
    expect(available(detail)).toBeCloseTo(available(before) + w.amount, 10)

    await open(`/distribution/distributors/${w.distributor_id}`)
    await expect(page.locator(`[data-testid="available-${w.currency_code}"]`).textContent({ timeout: WAIT_MS })).resolves.toBe(
      format("en").money(available(detail), w.currency_code)
    )
  })

  it("changes a setting and shows it in the change log", async () => {
    const { settings } = await api("/admin/distribution/settings")
    const next = settings.freeze_days + 1
    await open("/distribution/settings")
    await page.waitForSelector("#setting-input-freeze_days", { timeout: WAIT_MS })
    await page.fill("#setting-input-freeze_days", String(next))
    await page.click('[data-testid="settings-save"]')
    const entry = page.locator('[data-testid="settings-log-row"][data-key="freeze_days"]', { hasText: `${settings.freeze_days} → ${next}` }).first()
    await entry.waitFor({ timeout: WAIT_MS })
    await expect(entry.textContent()).resolves.toContain(demoConfig.admin.email)
    expect((await api("/admin/distribution/settings")).settings.freeze_days).toBe(next)
    await shot("settings", "en")
  })

  it("shows the distribution widgets on the customer and order pages", async () => {
    const { commissions } = await api("/admin/distribution/commissions?level=1&limit=1")
    const order = await api(`/admin/distribution/orders/${commissions[0].order_id}`)
    expect(order.attribution).not.toBeNull()
    await open(`/orders/${order.order_id}`)
    await expect(page.locator('[data-testid="order-attribution"]').textContent({ timeout: WAIT_MS })).resolves.toBe(order.attribution.code)
    expect(await page.locator('[data-testid="order-commission"]').count()).toBe(order.commissions.length)
    await page.locator('[data-testid="order-distribution-widget"]').screenshot({ path: path.join(SHOTS, "en-widget-order.png") })

    const { distributor } = await api(`/admin/distribution/distributors/${order.attribution.distributor_id}`)
    await open(`/customers/${distributor.customer_id}`)
    await expect(page.locator('[data-testid="widget-code"]').textContent({ timeout: WAIT_MS })).resolves.toBe(distributor.code)
    await settled()
    await page.locator('[data-testid="customer-distribution-widget"]').screenshot({ path: path.join(SHOTS, "en-widget-customer.png") })
  })

  it("keeps every page working when distribution is switched off", async () => {
    await api("/admin/distribution/settings", { method: "POST", body: { enabled: false } })
    try {
      const { commissions } = await api("/admin/distribution/commissions?level=1&limit=1")
      for (const pathname of ["/distribution", "/distribution/distributors", `/orders/${commissions[0].order_id}`]) {
        await open(pathname)
        await page.waitForSelector('[data-testid="distribution-disabled"]', { timeout: WAIT_MS })
        await settled()
      }
      await page.waitForSelector('[data-testid="order-attribution"]', { timeout: WAIT_MS })
    } finally {
      await api("/admin/distribution/settings", { method: "POST", body: { enabled: true } })
    }
  })

  it("shows no English string of the plugin when the dashboard is in 简体中文", async () => {
    const patterns = englishPatterns()
    const { commissions } = await api("/admin/distribution/commissions?level=1&limit=1")
    const order = await api(`/admin/distribution/orders/${commissions[0].order_id}`)
    const { distributor } = await api(`/admin/distribution/distributors/${order.attribution.distributor_id}`)
    const pages: [string, string, string][] = [
      ["overview", "/distribution", '[data-testid="kpi-orders"], [role="alert"]'],
      ["distributors", "/distribution/distributors", "table tbody tr"],
      ["distributor", `/distribution/distributors/${teamLeaderId}`, '[data-testid="team-counts"]'],
      ["commissions", "/distribution/commissions", "table tbody tr"],
      // Its queue is empty by now (the one request was rejected above): the empty state is checked too.
      ["withdrawals", "/distribution/withdrawals", '[data-testid="withdrawals-page"]'],
      ["settings", "/distribution/settings", "#setting-input-freeze_days"],
      ["widget-order", `/orders/${order.order_id}`, '[data-testid="order-attribution"]'],
      ["widget-customer", `/customers/${distributor.customer_id}`, '[data-testid="widget-code"]'],
    ]
    await setLanguage("zhCN")
    const found: string[] = []
    for (const [name, pathname, ready] of pages) {
      await open(pathname)
      await page.waitForSelector(ready, { timeout: WAIT_MS })
      await settled()
      if (name === "distributor") {
        await page.click('[data-testid="team-open"]')
        await page.locator('[data-testid="team-level-1"] > li').first().waitFor({ timeout: WAIT_MS })
      }
      found.push(...(await englishOnPage(patterns)).map((e) => `${name} → ${e}`))
      if (name.startsWith("widget-")) {
        const widget = name === "widget-order" ? "order-distribution-widget" : "customer-distribution-widget"
        await page.locator(`[data-testid="${widget}"]`).screenshot({ path: path.join(SHOTS, `zhCN-${name}.png`) })
      } else {
        await shot(name, "zhCN")
      }
      if (name === "commissions") {
        const { commissions: page1 } = await api("/admin/distribution/commissions?limit=20&order=-created_at")
        await page.locator("tbody tr").nth(page1.findIndex((c: Json) => c.lines.length > 0)).locator("td").nth(2).click()
        await page.waitForSelector('[data-testid="commission-lines"]', { timeout: WAIT_MS })
        await settled()
        found.push(...(await englishOnPage(patterns)).map((e) => `commission drawer → ${e}`))
        await shot("commission-drawer", "zhCN")
        await page.keyboard.press("Escape")
      }
    }
    expect(found).toEqual([])
    await expect(page.textContent('[data-testid="widget-code"]')).resolves.toBe(distributor.code)
  })
})
