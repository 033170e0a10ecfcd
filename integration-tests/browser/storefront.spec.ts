/**
 * The reference storefront (storefront/) in a real browser (Debian's Chromium through
 * playwright-core, phone-sized), against `npm run demo`: the share link the demo prints,
 * a guest purchase through it and its commissions, the seeded distributor's centre (a
 * product link whose poster QR opens the product, team, commissions, a withdrawal, the
 * wallet's movements and monthly statement, promotional materials), and the same pages in
 * 简体中文. Screenshots go to docs/screenshots/storefront-*.png.
 */
import fs from "fs"
import path from "path"
import jsQR from "jsqr"
import { PNG } from "pngjs"
import { chromium, devices, type Browser, type BrowserContext, type Page } from "playwright-core"
import { startDemo, type Demo } from "./demo"

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { chromiumPath } = require("../../scripts/chromium")

jest.setTimeout(20 * 60_000)

const shots = path.resolve(__dirname, "../../docs/screenshots")
const phone = { ...devices["Pixel 7"] }

let demo: Demo
let browser: Browser
let adminToken: string

async function admin<T>(route: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${demo.backendUrl}${route}`, {
    ...init,
    headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json", ...(init.headers ?? {}) },
  })
  const body = await res.json()
  if (!res.ok) throw new Error(`${route}: ${res.status} ${JSON.stringify(body)}`)
  return body as T
}

/** A store route as a logged-in customer, the way the storefront calls it. */
async function asCustomer<T>(who: { email: string; password: string }, route: string): Promise<T> {
  const auth = await fetch(`${demo.backendUrl}/auth/customer/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(who),
  })
  const { token } = (await auth.json()) as { token: string }
  const res = await fetch(`${demo.backendUrl}${route}`, { headers: { authorization: `Bearer ${token}`, "x-publishable-api-key": demo.publishableKey } })
  const body = await res.json()
  if (!res.ok) throw new Error(`${route}: ${res.status} ${JSON.stringify(body)}`)
  return body as T
}

/** A signed amount as the wallet shows it in English: `+$16.80`, `-$10.00`. */
const signedUsd = (amount: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", signDisplay: "exceptZero" }).format(amount)

/** The text of `selector` once it equals `expected` (the page renders after its requests answer), checked with jest. */
async function expectText(page: Page, selector: string, expected: string) {
  await page
    .waitForFunction(([s, e]) => document.querySelector(s)?.textContent === e, [selector, expected] as const, { timeout: 20_000 })
    .catch(() => undefined) // the assertion below reports what is there instead
  expect(await page.textContent(selector)).toBe(expected)
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(shots, `storefront-${name}.png`) })
}

async function newPage(locale: "en-US" | "zh-CN"): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...phone, locale, acceptDownloads: true })
  const page = await context.newPage()
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`))
  return { context, page }
}

async function login(page: Page, email: string, password: string) {
  await page.goto(`${demo.storefrontUrl}/account`)
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', password)
  await page.click('[data-testid="account-submit"]')
  await page.waitForSelector('[data-testid="hello"]')
}

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true })
  demo = await startDemo()
  browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox"] })
  const res = await fetch(`${demo.backendUrl}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(demo.admin),
  })
  adminToken = ((await res.json()) as { token: string }).token
})

afterAll(async () => {
  await browser?.close()
  await demo?.stop()
})

describe("reference storefront on the demo", () => {
  it("serves the app, its runtime config and any page path", async () => {
    const config = await (await fetch(`${demo.storefrontUrl}/config.js`)).text()
    expect(config).toContain(demo.publishableKey)
    expect(config).toContain(demo.backendUrl)
    const page = await fetch(`${demo.storefrontUrl}/distribution/team`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<div id="root">')
  })

  it("a guest buys through the printed share link, and the order pays its three levels", async () => {
    const { context, page } = await newPage("en-US")
    await page.goto(demo.shareLink)
    await expectText(page, '[data-testid="ref-banner"]', "You came through Carol Sips's link")
    expect(new URL(page.url()).searchParams.get("ref")).toBeNull() // the code left the address bar for the cookie
    const kept = (await context.cookies()).find((c) => c.name === "medusa_distribution_ref")
    expect(kept?.value).toBe(demo.shareCode)
    // binding_days (30 by default) of the store, as the cookie's lifetime.
    expect(Math.round((kept!.expires * 1000 - Date.now()) / 86_400_000)).toBe(30)
    await page.waitForSelector('[data-testid="product-jasmine"]')
    await shot(page, "home")

    await page.click('[data-testid="product-jasmine"]')
    await expectText(page, '[data-testid="product-title"]', "Jasmine Green Tea, 100 g")
    await shot(page, "product")
    await page.click('[data-testid="add-to-cart"]')
    await page.waitForSelector('[data-testid="cart-line"]')
    await expectText(page, '[data-testid="cart-code"]', `Share code on this cart: ${demo.shareCode}`)

    await page.fill('input[name="email"]', "guest.browser@example.com")
    await page.fill('input[name="first_name"]', "Lin")
    await page.fill('input[name="last_name"]', "Tao")
    await page.fill('input[name="address_1"]', "1 Pine St")
    await page.fill('input[name="city"]', "Seattle")
    await page.fill('input[name="postal_code"]', "98101")
    await shot(page, "cart")
    await page.click('[data-testid="pay"]')
    const orderId = (await (await page.waitForSelector('[data-testid="order-id"]', { timeout: 60_000 })).textContent())!
    await shot(page, "order")

    // What the admin's order view shows: the attribution and a commission per level, on 24 of goods (shipping excluded).
    const view = await admin<{ attribution: { code: string; source: string } | null; commissions: { level: number; amount: number; status: string; lines: { base: number }[] }[] }>(
      `/admin/distribution/orders/${orderId}`
    )
    expect(view.attribution).toMatchObject({ code: demo.shareCode })
    expect(view.commissions.map((c) => [c.level, c.amount, c.status, c.lines[0].base]).sort()).toEqual([
      [1, 2.4, "pending", 24],
      [2, 1.2, "pending", 24],
      [3, 0.48, "pending", 24],
    ])
    await context.close()
  })

  it("a visitor who registers after opening the link is bound to its distributor, and applies", async () => {
    const { context, page } = await newPage("en-US")
    await page.goto(demo.shareLink)
    await expectText(page, '[data-testid="ref-banner"]', "You came through Carol Sips's link")
    await page.click('[data-testid="nav-account"]')
    await page.click("text=New here? Create an account")
    await page.fill('input[name="first_name"]', "Mei")
    await page.fill('input[name="last_name"]', "Chen")
    await page.fill('input[name="email"]', `mei.${Date.now()}@example.com`)
    await page.fill('input[name="password"]', "a-long-password")
    await page.click('[data-testid="account-submit"]')
    // The answer of POST /store/distribution/bind, made right after registration.
    await expectText(page, '[data-testid="bound-to"]', "You are now linked to Carol Sips")
    await expectText(page, '[data-testid="hello"]', "Hello, Mei")

    // She applies in the centre; the demo store approves distributors by hand.
    await page.click('[data-testid="nav-centre"]')
    await page.fill('input[name="display_name"]', "Mei's Teas")
    await page.click('[data-testid="apply"]')
    await expectText(page, '[data-testid="distributor-status"]', "Under review")
    await shot(page, "apply")
    await context.close()
  })

  it("the seeded distributor makes a product link; the poster PNG's QR code is that link and opens the product", async () => {
    const { context, page } = await newPage("en-US")
    await login(page, demo.sharer.email, demo.sharer.password)
    await page.goto(`${demo.storefrontUrl}/distribution`)
    await expectText(page, '[data-testid="my-code"]', demo.shareCode)
    await shot(page, "centre")

    await page.click('[data-testid="tab-links"]')
    await page.waitForSelector('[data-testid="link-store"]')
    await page.selectOption('[data-testid="link-product"]', { label: "Bamboo Tea Tray" })
    await page.click('[data-testid="make-link"]')
    await page.waitForSelector('[data-testid="poster-canvas"][data-ready="true"]')
    await shot(page, "poster")
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="download-poster"]')])
    expect(download.suggestedFilename()).toMatch(/^poster-[A-Z0-9]+\.png$/)
    const png = PNG.sync.read(fs.readFileSync((await download.path())!))
    expect([png.width, png.height]).toEqual([750, 1200])
    const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
    expect(qr).not.toBeNull()
    const url = new URL(qr!.data)
    expect(`${url.origin}${url.pathname}`).toBe(`${demo.storefrontUrl}/products/tray`)
    const code = url.searchParams.get("ref")!
    expect(code).not.toBe(demo.shareCode) // one item, one code
    expect(download.suggestedFilename()).toBe(`poster-${code}.png`)
    await page.click("text=Close")
    await expectText(page, '[data-testid="link-tray"] [data-testid="link-url"]', qr!.data)
    await shot(page, "links")

    // Scanned by a friend: the link opens the product, and the visit counts for the link.
    const friend = await newPage("en-US")
    await friend.page.goto(qr!.data)
    await expectText(friend.page, '[data-testid="product-title"]', "Bamboo Tea Tray")
    await expectText(friend.page, '[data-testid="ref-banner"]', "You came through Carol Sips's link")
    await friend.context.close()
    await page.click('[data-testid="tab-performance"]')
    const tray = page.locator('[data-testid="performance"]', { hasText: "Bamboo Tea Tray" })
    await expect(tray.locator(".stat b").first().textContent()).resolves.toBe("1")
    await shot(page, "performance")
    await context.close()
  })

  it("the distributor sees their team by level and commissions with their lines", async () => {
    const { context, page } = await newPage("en-US")
    await login(page, demo.sharer.email, demo.sharer.password)
    await page.goto(`${demo.storefrontUrl}/distribution/team`)
    // Level 1: Erin (seeded) and Mei (who applied above), both bound to Carol and awaiting approval; newest first.
    await expectText(page, '[data-testid="team-level-1"]', "Level 1 · 2")
    const members = await page.locator('[data-testid="team-list"] li .title').allTextContents()
    expect(members).toEqual(["Mei's Teas", "Erin Steeps"])
    await expect(page.locator('[data-testid="team-list"] li .pill').allTextContents()).resolves.toEqual(["Under review", "Under review"])
    await shot(page, "team")

    await page.click('[data-testid="tab-commissions"]')
    await page.click('[data-testid="com-status-pending"]')
    await page.waitForSelector('[data-testid="commission"]')
    const newest = page.locator('[data-testid="commission"]').first()
    await expect(newest.locator(".amount").textContent()).resolves.toBe("$2.40")
    await newest.locator("summary").click()
    await expect(newest.locator(".lines-table tbody tr").first().textContent()).resolves.toBe("1$24.0010%$2.40")
    await shot(page, "commissions")
    await context.close()
  })

  it("a withdrawal requested in the centre is in the admin's list", async () => {
    const { context, page } = await newPage("en-US")
    await login(page, demo.sharer.email, demo.sharer.password)
    await page.goto(`${demo.storefrontUrl}/distribution/withdrawals`)
    // 16.80 settled in the seed, 10 paid out: 6.80 available; the guest order's 2.40 is still pending.
    await expectText(page, '[data-testid="available"]', "$6.80")
    const account = `carol+${Date.now()}@example.com`
    await page.fill('input[name="amount"]', "1.5")
    await page.selectOption('select[name="method"]', "alipay")
    await page.fill('input[name="account"]', account)
    await page.fill('input[name="name"]', "Carol Wang")
    await page.click('[data-testid="request-withdrawal"]')
    await expectText(page, '[data-testid="withdrawal-done"]', "Requested: $1.50")
    await expectText(page, '[data-testid="available"]', "$5.30") // it leaves the available balance at once
    await page.waitForSelector('[data-testid="withdrawal"]:has-text("$1.50 · Alipay")')
    await expect(page.locator('[data-testid="withdrawal"]').first().textContent()).resolves.toContain("$1.50 · Alipay")
    await shot(page, "withdrawals")

    const { distributors } = await admin<{ distributors: { id: string; code: string }[] }>(`/admin/distribution/distributors?q=${demo.shareCode}`)
    const carol = distributors.find((d) => d.code === demo.shareCode)!
    const { withdrawals } = await admin<{ withdrawals: { amount: number; status: string; method: string; account: Record<string, string> }[] }>(
      `/admin/distribution/withdrawals?distributor_id=${carol.id}&status=requested`
    )
    // The admin sees the account masked (the full one is only stored encrypted).
    expect(withdrawals.filter((w) => w.method === "alipay" && w.amount === 1.5)).toEqual([
      expect.objectContaining({ amount: 1.5, status: "requested", method: "alipay", account: { account: "c***@example.com", name: "Carol Wang" } }),
    ])
    await context.close()
  })

  it("the wallet lists the API's movements, explained, and this month's statement closes at the balance", async () => {
    const { context, page } = await newPage("en-US")
    await login(page, demo.sharer.email, demo.sharer.password)
    type Entry = { type: string; amount: number; currency_code: string; reference_id: string | null }
    const api = await asCustomer<{ ledger_entries: Entry[]; count: number }>(demo.sharer, "/store/distribution/me/ledger?limit=20")
    const me = await asCustomer<{ balances: { currency_code: string; available: number }[] }>(demo.sharer, "/store/distribution/me")
    // Carol's wallet: the seed's settled 16.80 (order 1, level 1), its paid 10 withdrawal, and the 1.50 requested above.
    expect(api.ledger_entries.map((e) => [e.type, e.amount])).toEqual([
      ["withdrawal", -1.5],
      ["withdrawal", -10],
      ["settlement", 16.8],
    ])
    expect(me.balances).toEqual([expect.objectContaining({ currency_code: "usd", available: 5.3 })])

    await page.goto(`${demo.storefrontUrl}/distribution/wallet`)
    await page.waitForSelector('[data-testid="ledger-entry"]')
    const entries = page.locator('[data-testid="ledger-entry"]')
    await expect(entries.locator('[data-testid="ledger-amount"]').allTextContents()).resolves.toEqual(api.ledger_entries.map((e) => signedUsd(e.amount)))
    expect(await entries.locator('[data-testid="ledger-amount"]').allTextContents()).toEqual(["-$1.50", "-$10.00", "+$16.80"])
    expect(await entries.locator('[data-testid="ledger-type"]').allTextContents()).toEqual(["Withdrawal", "Withdrawal", "Commission settled"])
    const { commissions } = await asCustomer<{ commissions: { id: string; order_id: string; level: number }[] }>(
      demo.sharer,
      "/store/distribution/me/commissions?status=settled"
    )
    const settled = commissions.find((c) => c.id === api.ledger_entries[2].reference_id)!
    expect(await entries.locator('[data-testid="ledger-reference"]').allTextContents()).toEqual([
      "Payout to Alipay · Requested",
      "Payout to Alipay · Paid",
      `Your level 1 commission on order …${settled.order_id.slice(-8)} is now yours to withdraw`,
    ])

    // This month: nothing before it, 16.80 in, 11.50 out, and the closing is the available balance.
    const month = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", timeZone: "UTC" }).format(new Date())
    await expectText(page, '[data-testid="statement-month"]', month)
    await expectText(page, '[data-testid="statement-usd"] [data-testid="statement-closing"]', "$5.30")
    expect(
      await page.locator('[data-testid="statement-usd"] b').allTextContents()
    ).toEqual(["$0.00", "$16.80", "$11.50", "$5.30"])
    await expect(page.isDisabled('[data-testid="next-month"]')).resolves.toBe(true)
    await page.click('[data-testid="tab-overview"]')
    await expectText(page, '[data-testid="balance-usd"] [data-testid="balance-available"]', "$5.30")
    await page.click('[data-testid="tab-wallet"]')
    await page.waitForSelector('[data-testid="ledger-entry"]')
    await shot(page, "wallet")

    // The month before: no movements.
    await page.click('[data-testid="prev-month"]')
    await page.waitForSelector('[data-testid="statement-empty"]')
    await expectText(page, '[data-testid="statement-empty"]', "No money moved in this month.")
    await context.close()
  })

  it("materials for the distributor's grade: empty at first, then an image to download, a video that plays and copy to copy", async () => {
    const { context, page } = await newPage("en-US")
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: demo.storefrontUrl })
    await login(page, demo.sharer.email, demo.sharer.password)
    await page.goto(`${demo.storefrontUrl}/distribution/materials`)
    await expectText(page, '[data-testid="materials-empty"]', "No materials for your grade yet.")

    // The merchant uploads through Medusa's file module (POST /admin/uploads), as the admin page does:
    // a PNG drawn here, and a WebM video recorded by the browser from a canvas.
    const png = await page.evaluate(() => {
      const canvas = document.createElement("canvas")
      canvas.width = 320
      canvas.height = 200
      const g = canvas.getContext("2d")!
      g.fillStyle = "#1f4d3a"
      g.fillRect(0, 0, 320, 200)
      g.fillStyle = "#fff"
      g.font = "bold 28px sans-serif"
      g.fillText("Jasmine 茉莉", 24, 110)
      return canvas.toDataURL("image/png").split(",")[1]
    })
    const video = await page.evaluate(async () => {
      const canvas = document.createElement("canvas")
      canvas.width = 160
      canvas.height = 120
      const g = canvas.getContext("2d")!
      const recorder = new MediaRecorder(canvas.captureStream(25), { mimeType: "video/webm" })
      const chunks: Blob[] = []
      recorder.ondataavailable = (e) => chunks.push(e.data)
      const stopped = new Promise((resolve) => (recorder.onstop = resolve))
      recorder.start()
      // About a second of frames, drawn one animation frame at a time.
      for (let frame = 0; frame < 40; frame++) {
        g.fillStyle = `hsl(${frame * 9} 60% 45%)`
        g.fillRect(0, 0, 160, 120)
        await new Promise((resolve) => requestAnimationFrame(resolve))
      }
      recorder.stop()
      await stopped
      const bytes = new Uint8Array(await new Blob(chunks, { type: "video/webm" }).arrayBuffer())
      let binary = ""
      bytes.forEach((b) => (binary += String.fromCharCode(b)))
      return btoa(binary)
    })
    const form = new FormData()
    form.append("files", new Blob([Buffer.from(png, "base64")], { type: "image/png" }), "jasmine-banner.png")
    form.append("files", new Blob([Buffer.from(video, "base64")], { type: "video/webm" }), "steeping.webm")
    const upload = await fetch(`${demo.backendUrl}/admin/uploads`, { method: "POST", headers: { authorization: `Bearer ${adminToken}` }, body: form })
    expect(upload.status).toBe(200)
    const { files } = (await upload.json()) as { files: { id: string; url: string }[] }
    // The local file provider names port 9000 in its URLs unless told its backend_url; the demo here runs on a free port.
    const served = (url: string) => `${demo.backendUrl}${new URL(url).pathname}`
    const [imageUrl, videoUrl] = files.map((f) => served(f.url))
    const create = (body: object) => admin<{ material: { id: string } }>("/admin/distribution/materials", { method: "POST", body: JSON.stringify(body) })
    await create({ kind: "image", title: "Jasmine banner", body: "For WeChat Moments", file_url: imageUrl, grade_ids: [] })
    await create({ kind: "video", title: "How to steep", file_url: videoUrl, grade_ids: [] })
    const copy = "Spring jasmine is in: fresh, floral, 24 USD for 100 g."
    await create({ kind: "copy", title: "Spring post", body: copy, grade_ids: [] })

    // What the API gives her, and what the page shows: newest first.
    const api = await asCustomer<{ materials: { kind: string; title: string }[]; count: number }>(demo.sharer, "/store/distribution/me/materials")
    expect(api.materials.map((m) => [m.kind, m.title])).toEqual([
      ["copy", "Spring post"],
      ["video", "How to steep"],
      ["image", "Jasmine banner"],
    ])
    await page.reload()
    await page.waitForSelector('[data-testid="material"]')
    expect(await page.locator('[data-testid="material-title"]').allTextContents()).toEqual(["Spring post", "How to steep", "Jasmine banner"])

    const image = page.locator('[data-testid="material"][data-kind="image"]')
    await page.waitForFunction(() => (document.querySelector('[data-kind="image"] img') as HTMLImageElement | null)?.naturalWidth === 320)
    expect(await image.locator('[data-testid="material-download"]').getAttribute("href")).toBe(imageUrl)
    const downloaded = await fetch(imageUrl)
    expect([downloaded.status, downloaded.headers.get("content-type")]).toEqual([200, "image/png"])

    // The video plays: it loads, and its clock moves once started.
    await page.$eval('[data-testid="material-video"]', (v: HTMLVideoElement) => {
      v.muted = true
      return v.play()
    })
    await page.waitForFunction(() => {
      const v = document.querySelector('[data-testid="material-video"]') as HTMLVideoElement
      return v.readyState >= 2 && v.currentTime > 0 && !v.error
    })

    const copyCard = page.locator('[data-testid="material"][data-kind="copy"]')
    await expectText(page, '[data-kind="copy"] [data-testid="material-body"]', copy)
    await copyCard.locator('[data-testid="material-copy"]').click()
    await expectText(page, '[data-kind="copy"] [data-testid="material-copy"]', "Copied")
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(copy)

    await page.click('[data-testid="mat-kind-video"]')
    expect(await page.locator('[data-testid="material-title"]').allTextContents()).toEqual(["How to steep"])
    await page.click('[data-testid="mat-kind-all"]')
    await page.waitForFunction(() => (document.querySelector('[data-kind="image"] img') as HTMLImageElement | null)?.naturalWidth === 320)
    await shot(page, "materials")
    await context.close()
  })

  it("the same pages in 简体中文, chosen from the browser's language, and the switch back to English", async () => {
    const { context, page } = await newPage("zh-CN")
    await page.goto(demo.shareLink)
    await expectText(page, '[data-testid="ref-banner"]', "您通过 Carol Sips 的分享链接访问")
    await expect(page.textContent('[data-testid="nav-centre"]')).resolves.toContain("推广中心")
    await page.waitForSelector('[data-testid="product-jasmine"]')
    await shot(page, "zh-home")

    await login(page, demo.sharer.email, demo.sharer.password)
    await expectText(page, '[data-testid="hello"]', "你好，Carol")
    await page.goto(`${demo.storefrontUrl}/distribution`)
    await page.waitForSelector('[data-testid="my-code"]')
    expect(await page.locator('[data-testid="centre-tabs"] a').allTextContents()).toEqual(["概览", "分享", "团队", "佣金", "提现", "钱包", "素材", "推广数据"])
    await shot(page, "zh-centre")

    await page.click('[data-testid="tab-links"]')
    await page.click('[data-testid="link-tray"] [data-testid="open-poster"]')
    await page.waitForSelector('[data-testid="poster-canvas"][data-ready="true"]')
    await expectText(page, '[data-testid="download-poster"]', "保存海报（PNG）")
    await shot(page, "zh-poster")
    await page.click("text=关闭")

    await page.click('[data-testid="tab-team"]')
    await expectText(page, '[data-testid="team-level-1"]', "1 级 · 2")
    await expect(page.locator('[data-testid="team-list"] li .pill').allTextContents()).resolves.toEqual(["审核中", "审核中"])
    await shot(page, "zh-team")
    await page.click('[data-testid="tab-commissions"]')
    await page.click('[data-testid="com-status-pending"]')
    await page.waitForSelector('[data-testid="commission"]')
    await expect(page.locator('[data-testid="commission"] .pill').first().textContent()).resolves.toBe("待结算")
    await shot(page, "zh-commissions")
    await page.click('[data-testid="tab-withdrawals"]')
    await page.waitForSelector('[data-testid="withdrawal"]:has-text("支付宝")')
    await expect(page.locator('[data-testid="withdrawal"]').first().textContent()).resolves.toContain("支付宝")
    await expect(page.locator('[data-testid="withdrawal"] .pill').first().textContent()).resolves.toBe("待审核")
    await shot(page, "zh-withdrawals")

    await page.click('[data-testid="tab-wallet"]')
    await page.waitForSelector('[data-testid="ledger-entry"]')
    expect(await page.locator('[data-testid="ledger-type"]').allTextContents()).toEqual(["提现", "提现", "佣金结算"])
    expect(await page.locator('[data-testid="ledger-reference"]').nth(0).textContent()).toBe("提现到支付宝 · 待审核")
    expect(await page.locator('[data-testid="ledger-reference"]').nth(2).textContent()).toMatch(/^订单 …\S{8} 的 1 级佣金已结算，可以提现$/)
    const zhMonth = new Intl.DateTimeFormat("zh-CN", { year: "numeric", month: "long", timeZone: "UTC" }).format(new Date())
    await expectText(page, '[data-testid="statement-month"]', zhMonth)
    expect(await page.locator('[data-testid="statement-usd"] .stat span').allTextContents()).toEqual(["期初余额", "本月收入", "本月支出", "期末余额"])
    await expectText(page, '[data-testid="statement-usd"] [data-testid="statement-closing"]', "US$5.30")
    await shot(page, "zh-wallet")
    await page.click('[data-testid="tab-materials"]')
    await page.waitForSelector('[data-testid="material"]')
    expect(await page.locator('[data-testid="material"] .pill').allTextContents()).toEqual(["文案", "视频", "图片"])
    await expectText(page, '[data-kind="copy"] [data-testid="material-copy"]', "复制")
    await expectText(page, '[data-kind="image"] [data-testid="material-download"]', "下载")
    expect(await page.locator(".segmented button").allTextContents()).toEqual(["全部", "图片", "视频", "文案"])
    await page.waitForFunction(() => (document.querySelector('[data-kind="image"] img') as HTMLImageElement | null)?.naturalWidth === 320)
    await shot(page, "zh-materials")

    await page.click('[data-testid="lang-switch"]')
    await expectText(page, '[data-testid="tab-overview"]', "Overview")
    await expect(page.locator('[data-testid="centre-tabs"] a').allTextContents()).resolves.toEqual([
      "Overview",
      "Share",
      "Team",
      "Commissions",
      "Withdraw",
      "Wallet",
      "Materials",
      "My links",
    ])
    await context.close()
  })
})
