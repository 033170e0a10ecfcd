/**
 * The wallet's admin pages in a real browser (issue 9, item 8): Debian's Chromium driven by
 * playwright-core against `npm run demo` (its seeded month of data) on a database of its
 * own. One demo boot for the whole file; the tests run in order and build on each other.
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

jest.setTimeout(40 * 60_000)

const PORT = Number(process.env.BROWSER_TEST_PORT || 9100) + 7
const DATABASE = `distribution_wallet_browser_${process.pid}_${Date.now()}`
const SHOTS = path.resolve(__dirname, "../../docs/screenshots")
/** The first page compiles the admin from source (vite): slow on a small machine. */
const FIRST_LOAD_MS = 5 * 60_000
const WAIT_MS = 60_000
const BOM = "\uFEFF"
const ADJUSTMENT = { amount: 12.34, reason: "Compensation for a parcel lost in transit" }

let demo: Demo
let browser: Browser
let page: Page
/** Carol: the demo's sharer, with a paid withdrawal and a wallet in USD. */
let carolId: string

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

/** A withdrawal requested by a demo customer through the store API, as the storefront does it. */
async function requestWithdrawal(email: string, body: Json) {
  const { api_keys } = await api("/admin/api-keys?type=publishable&limit=1")
  const auth = await fetch(`${demo.baseUrl}/auth/customer/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: demoConfig.customerPassword }),
  })
  const { token } = await auth.json()
  const res = await fetch(`${demo.baseUrl}/store/distribution/me/withdrawals`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-publishable-api-key": api_keys[0].token },
    body: JSON.stringify(body),
  })
  const json = await res.json()
  if (!res.ok) throw new Error(`${res.status} withdrawal request: ${JSON.stringify(json)}`)
  return json.withdrawal as Json
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

const money = (amount: number, currency: string, lang = "en") =>
  new Intl.NumberFormat(lang === "zhCN" ? "zh-CN" : "en", { style: "currency", currency: currency.toUpperCase() }).format(amount)

/** Cents-exact sums of amounts in major units (no float drift in the expectations). */
const add = (...amounts: number[]) => Math.round(amounts.reduce((sum, a) => sum + Math.round(a * 100), 0)) / 100

async function available(distributorId: string, currency = "usd") {
  const detail = await api(`/admin/distribution/distributors/${distributorId}`)
  return (detail.balances.find((b: Json) => b.currency_code === currency)?.available ?? 0) as number
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

/** Clicks and returns the download it starts, read as UTF-8 text (BOM kept). */
async function downloadOf(click: () => Promise<unknown>) {
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: WAIT_MS }), click()])
  const file = await download.path()
  return { name: download.suggestedFilename(), text: fs.readFileSync(file!, "utf8") }
}

/** CSV lines as cells (the payout and export files quote only what needs quoting). */
const csvRows = (text: string) =>
  text
    .replace(BOM, "")
    .trim()
    .split(/\r?\n/)
    .map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((cell) => cell.replace(/,$/, "").replace(/^"|"$/g, "").replace(/""/g, '"')).slice(0, -1))

beforeAll(async () => {
  const executablePath = ensureChromium()
  demo = await startDemo({ database: DATABASE, port: PORT, timeoutMs: 30 * 60_000 })
  browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-dev-shm-usage"] })
  const context = await browser.newContext({ viewport: { width: 1440, height: 1600 }, locale: "en-US", acceptDownloads: true })
  page = await context.newPage()

  await open("/login", FIRST_LOAD_MS)
  await setLanguage("en")
  await page.fill('input[name="email"]', demoConfig.admin.email)
  await page.fill('input[name="password"]', demoConfig.admin.password)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => !url.pathname.includes("/login"), { timeout: FIRST_LOAD_MS })

  // The demo's one paid withdrawal is Carol's.
  const { withdrawals } = await api("/admin/distribution/withdrawals?status=paid")
  carolId = withdrawals[0].distributor_id
})

afterAll(async () => {
  await browser?.close()
  await demo?.stop()
  await dropDatabase(DATABASE).catch(() => undefined)
})

describe("wallet admin (browser)", () => {
  it("adjusts a balance: the ledger shows the entry and the balance the new amount", async () => {
    const before = await available(carolId)
    await open(`/distribution/distributors/${carolId}`, FIRST_LOAD_MS)
    await page.waitForSelector('[data-testid="wallet-section"] [data-testid="balances"]', { timeout: FIRST_LOAD_MS })

    // A reason longer than the server takes: its message lands under the reason field.
    await page.click('[data-testid="adjust-open"]')
    await page.fill("#adjust-amount", "1")
    await page.fill("#adjust-reason", "x".repeat(501))
    await page.click('[data-testid="adjust-submit"]')
    await expect(page.locator('[data-testid="adjust-reason-error"]').textContent({ timeout: WAIT_MS })).resolves.toContain("reason")
    expect(await available(carolId)).toBe(before)

    await page.fill("#adjust-amount", String(ADJUSTMENT.amount))
    await page.fill("#adjust-reason", ADJUSTMENT.reason)
    await shot("wallet-adjust", "en")
    await page.click('[data-testid="adjust-submit"]')
    await page.waitForSelector('[data-testid="adjust-drawer"]', { state: "detached", timeout: WAIT_MS })

    const expected = add(before, ADJUSTMENT.amount)
    expect(await available(carolId)).toBe(expected)
    await expect(page.locator('[data-testid="available-usd"]').textContent({ timeout: WAIT_MS })).resolves.toBe(money(expected, "usd"))
    const newest = page.locator('[data-testid="wallet-ledger"] tbody tr').first()
    await newest.getByText(ADJUSTMENT.reason).waitFor({ timeout: WAIT_MS })
    await expect(newest.locator('[data-testid="ledger-amount"]').textContent()).resolves.toBe(money(ADJUSTMENT.amount, "usd"))
    await expect(newest.locator("[data-type]").getAttribute("data-type")).resolves.toBe("admin_adjustment")

    // This month's statement closes on the ledger's sum, the server's figure to the cent.
    const { statements } = await api(`/admin/distribution/distributors/${carolId}/statements?month=${new Date().toISOString().slice(0, 7)}`)
    const usd = statements.find((s: Json) => s.currency_code === "usd")
    expect(usd.credits).toBeGreaterThanOrEqual(ADJUSTMENT.amount)
    await expect(page.locator('[data-testid="statement-closing-usd"]').textContent({ timeout: WAIT_MS })).resolves.toBe(money(usd.closing, "usd"))
    await shot("distributor-wallet", "en")
  })

  it("marks an approved withdrawal failed and puts the money back once", async () => {
    const { withdrawals } = await api("/admin/distribution/withdrawals?status=approved")
    expect(withdrawals).toHaveLength(1) // the demo's approved one (Bob, WeChat Pay)
    const w = withdrawals[0]
    const before = await available(w.distributor_id)

    await open("/distribution/withdrawals?status=approved")
    const row = page.locator("tbody tr", { has: page.locator(`[data-distributor-id="${w.distributor_id}"]`) }).first()
    await row.waitFor({ timeout: WAIT_MS })
    await row.locator("button").last().click()
    await page.getByRole("menuitem", { name: "Mark as failed" }).click()
    await page.fill("#distribution-reason", "The WeChat Pay account was closed")
    await shot("withdrawal-mark-failed", "en")
    await page.click('[data-testid="reason-confirm"]')
    await page.waitForSelector('[role="alertdialog"]', { state: "detached", timeout: WAIT_MS })

    const { withdrawals: failed } = await api(`/admin/distribution/withdrawals?status=failed&distributor_id=${w.distributor_id}`)
    expect(failed.find((x: Json) => x.id === w.id)).toMatchObject({ status: "failed", reason: "The WeChat Pay account was closed" })
    expect(await available(w.distributor_id)).toBe(add(before, w.amount))
    // Once: a second attempt is refused and changes nothing.
    await expect(api(`/admin/distribution/withdrawals/${w.id}/mark-failed`, { method: "POST", body: { reason: "again" } })).rejects.toThrow(/Error: 4\d\d \/admin\//)
    expect(await available(w.distributor_id)).toBe(add(before, w.amount))

    await open(`/distribution/distributors/${w.distributor_id}`)
    await expect(page.locator('[data-testid="available-usd"]').textContent({ timeout: WAIT_MS })).resolves.toBe(money(add(before, w.amount), "usd"))
    const newest = page.locator('[data-testid="wallet-ledger"] tbody tr').first()
    await expect(newest.locator("[data-type]").getAttribute("data-type", { timeout: WAIT_MS })).resolves.toBe("withdrawal_reversal")
    await expect(newest.locator('[data-testid="ledger-amount"]').textContent()).resolves.toBe(money(w.amount, "usd"))
  })

  it("downloads a batch CSV of the selected approved withdrawals and marks them paid together", async () => {
    // Alice's requested bank transfer (the demo's) and a new one of Carol's, both approved.
    const { withdrawals: requested } = await api("/admin/distribution/withdrawals?status=requested")
    const alice = requested.find((w: Json) => w.method === "bank_transfer")
    const carol = await requestWithdrawal(demoConfig.shareDistributorEmail, {
      amount: 8,
      currency_code: "usd",
      method: "bank_transfer",
      account: { account_name: "王卡萝", account_number: "6217 0000 1111 2222 333", bank_name: "中国银行" },
    })
    for (const w of [alice, carol]) await api(`/admin/distribution/withdrawals/${w.id}/approve`, { method: "POST", body: {} })
    const { withdrawals: approved } = await api("/admin/distribution/withdrawals?status=approved&order=created_at")
    expect(approved.map((w: Json) => w.id).sort()).toEqual([alice.id, carol.id].sort())

    await open("/distribution/withdrawals?status=approved")
    await page.waitForFunction(() => document.querySelectorAll("tbody tr").length === 2, undefined, { timeout: WAIT_MS })
    for (const w of approved) {
      await page.locator("tbody tr", { has: page.locator(`[data-distributor-id="${w.distributor_id}"]`) }).locator('button[role="checkbox"]').click()
    }
    await shot("withdrawals-batch", "en")
    const csv = await downloadOf(() => page.getByRole("button", { name: /^Download batch CSV/ }).click())
    expect(csv.name).toMatch(/^withdrawals-bank_transfer-\d{4}-\d{2}-\d{2}\.csv$/)
    expect(csv.text.startsWith(BOM)).toBe(true)
    const [header, ...rows] = csvRows(csv.text)
    expect(header).toEqual(["withdrawal_id", "account_name", "account_number", "bank_name", "amount", "currency_code", "note"])
    const byId = new Map(rows.map((r) => [r[0], r]))
    expect(rows).toHaveLength(2)
    // Account numbers are stored as digits: the spaces people type are dropped on request.
    expect(byId.get(carol.id)).toEqual([carol.id, "王卡萝", "6217000011112222333", "中国银行", carol.net_amount.toFixed(2), "USD", `Withdrawal ${carol.id}`])
    expect(byId.get(alice.id)).toEqual([alice.id, "Alice Chen", "6222021000001234", "ICBC", alice.net_amount.toFixed(2), "USD", `Withdrawal ${alice.id}`])

    await page.getByRole("button", { name: /^Mark paid/ }).click()
    await page.waitForSelector('[data-testid="batch-paid-drawer"]', { timeout: WAIT_MS })
    const references: Record<string, string> = { [alice.id]: "ICBC-BATCH-0001", [carol.id]: "ICBC-BATCH-0002" }
    for (const [id, reference] of Object.entries(references)) await page.fill(`[data-testid="batch-reference-${id}"]`, reference)
    await shot("withdrawals-batch-paid", "en")
    await page.click('[data-testid="batch-paid-submit"]')
    await page.waitForSelector('[data-testid="batch-paid-drawer"]', { state: "detached", timeout: WAIT_MS })

    const { withdrawals: paid } = await api("/admin/distribution/withdrawals?status=paid&limit=100")
    for (const [id, reference] of Object.entries(references)) expect(paid.find((w: Json) => w.id === id)).toMatchObject({ status: "paid", reference })
    await page.waitForSelector("tbody tr", { state: "detached", timeout: WAIT_MS }) // the approved queue is empty now
  })

  it("runs reconciliation and shows the all-clear", async () => {
    await open("/distribution/reconciliation")
    await page.click('[data-testid="reconciliation-run"]')
    await page.waitForSelector('[data-testid="reconciliation-clear"], [data-testid="reconciliation-found"]', { timeout: WAIT_MS })
    const from = await page.inputValue("#distribution-from")
    const to = await page.inputValue("#distribution-to")
    const result = await api(`/admin/distribution/reconciliation?from=${from}&to=${to}`)
    expect(result.differences).toEqual([])
    expect(result.checked).toBeGreaterThan(0)
    expect(await page.locator('[data-testid="reconciliation-clear"]').count()).toBe(1)
    await expect(page.getAttribute('[data-testid="reconciliation-checked"]', "data-value")).resolves.toBe(String(result.checked))
    await shot("reconciliation", "en")
  })

  it("downloads a ledger export with a BOM, the expected header and the adjustment", async () => {
    await open("/distribution/exports")
    await page.waitForSelector('[data-testid="export-ledger-download"]', { timeout: WAIT_MS })
    await shot("exports", "en")
    const csv = await downloadOf(() => page.click('[data-testid="export-ledger-download"]'))
    expect(csv.name).toMatch(/^distribution-ledger-.+\.csv$/)
    expect(csv.text.startsWith(BOM)).toBe(true)
    const [header, ...rows] = csvRows(csv.text)
    expect(header).toEqual(["id", "created_at", "distributor_id", "currency_code", "type", "amount", "reference_id", "note", "created_by"])
    const adjustment = rows.find((r) => r[7] === ADJUSTMENT.reason)
    expect(adjustment).toBeDefined()
    expect([adjustment![2], adjustment![4], Number(adjustment![5])]).toEqual([carolId, "admin_adjustment", ADJUSTMENT.amount])
    // As many rows as the ledger route counts for the same range.
    const from = await page.inputValue("#distribution-from")
    const to = await page.inputValue("#distribution-to")
    const { count } = await api(`/admin/distribution/ledger?from=${from}&to=${to}&limit=1`)
    expect(rows).toHaveLength(count)
  })

  it("filters the global ledger by distributor code", async () => {
    const { distributor } = await api(`/admin/distribution/distributors/${carolId}`)
    await open("/distribution/ledger")
    await page.waitForSelector("tbody tr", { timeout: WAIT_MS })
    await page.fill("#ledger-code", distributor.code)
    await page.waitForFunction(
      (id) => {
        const links = Array.from(document.querySelectorAll("tbody tr [data-distributor-id]"))
        return links.length > 0 && links.every((a) => a.getAttribute("data-distributor-id") === id)
      },
      carolId,
      { timeout: WAIT_MS }
    )
    const { count, ledger_entries } = await api(`/admin/distribution/ledger?distributor_id=${carolId}&limit=1`)
    expect(await page.locator("tbody tr").count()).toBe(Math.min(count, 20))
    // Newest first, as the route answers (Carol's batch-paid withdrawal, after the adjustment).
    await expect(page.locator("tbody tr").first().textContent()).resolves.toContain(ledger_entries[0].note)
    await shot("ledger", "en")
  })

  it("shows the wallet pages in 简体中文 with no English string of the plugin left", async () => {
    const patterns = englishPatterns()
    // One more approved withdrawal, so the payout actions have something to show.
    const extra = await requestWithdrawal(demoConfig.shareDistributorEmail, {
      amount: 2,
      currency_code: "usd",
      method: "alipay",
      account: { account: "carol.wang@example.com", name: "王卡萝" },
    })
    await api(`/admin/distribution/withdrawals/${extra.id}/approve`, { method: "POST", body: {} })
    await setLanguage("zhCN")
    const found: string[] = []
    const check = async (name: string) => {
      await settled()
      found.push(...(await englishOnPage(patterns)).map((e) => `${name} → ${e}`))
      await shot(name, "zhCN")
    }

    await open(`/distribution/distributors/${carolId}`)
    await page.waitForSelector('[data-testid="wallet-section"] [data-testid="balances"]', { timeout: WAIT_MS })
    await page.waitForSelector('[data-testid="statement-closing-usd"]', { timeout: WAIT_MS })
    await check("distributor-wallet")
    await page.click('[data-testid="adjust-open"]')
    await page.click('[data-testid="adjust-submit"]') // empty: the field messages show, in Chinese
    await page.waitForSelector('[data-testid="adjust-amount-error"]', { timeout: WAIT_MS })
    await check("wallet-adjust")
    await page.keyboard.press("Escape")

    await open("/distribution/withdrawals?status=approved")
    const row = page.locator("tbody tr").first()
    await row.waitFor({ timeout: WAIT_MS })
    await row.locator('button[role="checkbox"]').click()
    await check("withdrawals-batch")
    await page.getByRole("button", { name: /^标记已打款/ }).click()
    await page.waitForSelector('[data-testid="batch-paid-drawer"]', { timeout: WAIT_MS })
    await check("withdrawals-batch-paid")
    await page.keyboard.press("Escape")
    await page.waitForSelector('[data-testid="batch-paid-drawer"]', { state: "detached", timeout: WAIT_MS })
    await row.locator("button").last().click()
    await page.getByRole("menuitem", { name: "标记为失败" }).click()
    await page.waitForSelector('[role="alertdialog"]', { timeout: WAIT_MS })
    await check("withdrawal-mark-failed")
    await page.keyboard.press("Escape")

    await open("/distribution/ledger")
    await page.waitForSelector("tbody tr", { timeout: WAIT_MS })
    await check("ledger")

    await open("/distribution/exports")
    await page.waitForSelector('[data-testid="export-ledger-download"]', { timeout: WAIT_MS })
    await check("exports")

    await open("/distribution/reconciliation")
    await page.click('[data-testid="reconciliation-run"]')
    await page.waitForSelector('[data-testid="reconciliation-clear"]', { timeout: WAIT_MS })
    await check("reconciliation")

    expect(found).toEqual([])
    // The sidebar lists the new pages in Chinese.
    for (const label of ["流水", "导出", "对账"]) expect(await page.getByRole("link", { name: label, exact: true }).count()).toBeGreaterThan(0)
  })
})
