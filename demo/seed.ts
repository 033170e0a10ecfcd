/**
 * `medusa exec ./demo/seed.ts` (run by `npm run demo`): a tea shop one month into
 * distribution, so the admin has something true to show.
 *
 * - Settings: three paid levels at 10% / 5% / 2%, enrollment by approval, 7-day hold.
 * - A team three levels deep (Alice → Bob → Carol → Erin), a second root (Grace), and
 *   members in every state: active, pending, rejected, suspended.
 * - Bound customers, and orders whose commissions are pending, frozen, settled, canceled,
 *   reduced by a partial refund, and clawed back after settlement; withdrawals that are
 *   paid, approved, requested and rejected.
 *
 * Everything goes through Medusa's and the plugin's workflows; nothing is written to the
 * database directly. It runs once: the storefront key is made last, and a second run that
 * finds it does nothing.
 */
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE } from "../src/modules/distribution"
import DistributionModuleService from "../src/modules/distribution/service"
import { DistributionSettingsPatch } from "../src/modules/distribution/settings"
import {
  changeSettingsWorkflow,
  requestWithdrawalWorkflow,
  settleCommissionsWorkflow,
  transitionWithdrawalWorkflow,
} from "../src/workflows"
import { orderDesk } from "./orders"
import { people } from "./people"
import { createPublishableKey, seedStore } from "./store"
import demo from "./demo.json"

export default async function seedDistributionDemo({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)

  if ((await container.resolve(Modules.API_KEY).listApiKeys({ title: demo.publishableKeyTitle })).length) {
    logger.info(`Demo data is already there (the "${demo.publishableKeyTitle}" key exists): nothing to seed.`)
    return
  }
  if ((await container.resolve(Modules.REGION).listRegions({ name: demo.regionName })).length) {
    throw new Error(
      "An earlier seed stopped half-way: the demo region exists, its storefront key does not. " +
        "Seed a fresh database: delete .demo/ (or point DATABASE_URL at an empty database) and run `npm run demo` again."
    )
  }

  logger.info("Seeding the shop: region, warehouse, shipping, six products with stock")
  const store = await seedStore(container)
  const desk = orderDesk(container, store)
  const crowd = people(container)
  const distribution: DistributionModuleService = container.resolve(DISTRIBUTION_MODULE)

  // Setting changes are recorded with their author: the demo admin, when it exists.
  const [admin] = await container.resolve(Modules.USER).listUsers({ email: demo.admin.email })
  const settings = (patch: DistributionSettingsPatch) =>
    changeSettingsWorkflow(container).run({ input: { patch, actor_id: admin?.id ?? null } })

  logger.info("Distribution settings: 3 levels (10% / 5% / 2%), enrollment by approval")
  // The hold starts at 0 days so the orders of the first weeks settle now, as their
  // 7-day hold would be long over in a shop a month old; it goes to 7 days below.
  await settings({
    max_levels: 3,
    level_rates: [0.1, 0.05, 0.02],
    max_total_rate: 0.3,
    enrollment_mode: "approval",
    binding_policy: "first",
    freeze_days: 0,
  })

  logger.info("Customers and the distributor tree")
  const signUp = crowd.signUp
  const c = {
    alice: await signUp({ first_name: "Alice", last_name: "Chen", email: "alice.chen@example.com" }),
    bob: await signUp({ first_name: "Bob", last_name: "Li", email: "bob.li@example.com" }),
    carol: await signUp({ first_name: "Carol", last_name: "Wang", email: demo.shareDistributorEmail }),
    dave: await signUp({ first_name: "Dave", last_name: "Zhao", email: "dave.zhao@example.com" }),
    erin: await signUp({ first_name: "Erin", last_name: "Liu", email: "erin.liu@example.com" }),
    frank: await signUp({ first_name: "Frank", last_name: "Wu", email: "frank.wu@example.com" }),
    grace: await signUp({ first_name: "Grace", last_name: "Sun", email: "grace.sun@example.com" }),
    henry: await signUp({ first_name: "Henry", last_name: "Zhou", email: "henry.zhou@example.com" }),
    ivy: await signUp({ first_name: "Ivy", last_name: "Xu", email: "ivy.xu@example.com" }),
    jack: await signUp({ first_name: "Jack", last_name: "Lin", email: "jack.lin@example.com" }),
    kate: await signUp({ first_name: "Kate", last_name: "Ma", email: "kate.ma@example.com" }),
    leo: await signUp({ first_name: "Leo", last_name: "Huang", email: "leo.huang@example.com" }),
    mia: await signUp({ first_name: "Mia", last_name: "Guo", email: "mia.guo@example.com" }),
  }

  // The shop invites its two best customers; the others apply through a teammate's link,
  // which makes that teammate their parent.
  const alice = await crowd.enroll(c.alice, "admin", "Alice's Tea Corner")
  const grace = await crowd.enroll(c.grace, "admin", "Grace & Green")
  await crowd.bind(c.bob, alice, "link")
  const bob = await crowd.decide(await crowd.enroll(c.bob, "customer", "Bob Brews"), "approve")
  await crowd.bind(c.dave, alice, "link")
  let dave = await crowd.decide(await crowd.enroll(c.dave, "customer", "Dave's Daily Cup"), "approve")
  await crowd.bind(c.carol, bob, "code")
  const carol = await crowd.decide(await crowd.enroll(c.carol, "customer", "Carol Sips"), "approve")
  await crowd.bind(c.erin, carol, "link")
  await crowd.enroll(c.erin, "customer", "Erin Steeps") // awaits the admin's decision
  await crowd.bind(c.frank, bob, "link")
  await crowd.decide(await crowd.enroll(c.frank, "customer", "Frank's Leaf Deals"), "reject", "Resells on marketplaces, which our terms exclude")

  // Shoppers each distributor brought in (Leo comes later, with a code on his cart).
  await crowd.bind(c.henry, carol, "link")
  await crowd.bind(c.ivy, bob, "code")
  await crowd.bind(c.jack, alice, "link")
  await crowd.bind(c.kate, dave, "link")
  await crowd.bind(c.mia, grace, "code")

  // Shoppers opening share links: the raw material of the visit statistics.
  const visits = { [alice.id]: 14, [bob.id]: 9, [carol.id]: 21, [dave.id]: 6, [grace.id]: 8 }
  const codes = { [alice.id]: alice.code, [bob.id]: bob.code, [carol.id]: carol.code, [dave.id]: dave.code, [grace.id]: grace.code }
  await distribution.createCodeVisits(
    Object.entries(visits).flatMap(([distributor_id, n]) =>
      Array.from({ length: n }, () => ({ distributor_id, code: codes[distributor_id], product_id: null }))
    )
  )

  logger.info("Orders of the first weeks: delivered, held 0 days, settled")
  // Amounts: commission = rate × goods paid (shipping excluded). Henry → Carol 10%, Bob 5%, Alice 2%.
  const o1 = await desk.place(c.henry, [["tray", 1], ["jasmine", 2]]) // 168: 16.80 / 8.40 / 3.36
  const o2 = await desk.place(c.jack, [["puer", 2]]) // 136: Alice 13.60
  const o3 = await desk.place(c.kate, [["jasmine", 2], ["oolong", 1]]) // 87: Dave 8.70, Alice 4.35
  const o4 = await desk.place(c.mia, [["oolong", 3]]) // 117: Grace 11.70
  const o5 = await desk.place(c.ivy, [["teacups", 1], ["oolong", 1]]) // 84: Bob 8.40, Alice 4.20
  for (const order of [o1, o2, o3, o4, o5]) {
    await desk.capture(order)
    await desk.deliver(order)
  }
  await desk.complete(o2)
  await settleCommissionsWorkflow(container).run({ input: {} })
  // After settlement a refund claws the difference back from the wallets: 84 → 60.
  await desk.refund(o5, 24, "Goodwill: one cup arrived chipped")

  logger.info("Withdrawals: paid, approved, requested and rejected")
  const withdraw = async (who: { id: string }, amount: number, method: "alipay" | "bank_transfer" | "wechat" | "paypal", account: Record<string, string>) => {
    const { customer_id } = await distribution.retrieveDistributor(who.id)
    const { result } = await requestWithdrawalWorkflow(container).run({
      input: { customer_id, amount, currency_code: "usd", method, account },
    })
    return result.id
  }
  const decide = (id: string, action: "approve" | "reject" | "mark_paid", extra: { reason?: string; reference?: string } = {}) =>
    transitionWithdrawalWorkflow(container).run({ input: { id, action, ...extra } })
  const carolPaid = await withdraw(carol, 10, "alipay", { account: "carol.wang@example.com", name: "Carol Wang" })
  await decide(carolPaid, "approve")
  await decide(carolPaid, "mark_paid", { reference: "ALIPAY-20261104-0193" })
  await decide(await withdraw(bob, 5, "wechat", { account: "bob_sips", name: "Bob Li" }), "approve")
  await withdraw(alice, 15, "bank_transfer", { account_name: "Alice Chen", account_number: "6222 0210 0000 1234", bank_name: "ICBC" })
  await decide(await withdraw(grace, 11.7, "paypal", { email: "grace@example.com" }), "reject", { reason: "PayPal account name does not match" })

  await settings({ freeze_days: 7 })

  logger.info("Orders of this week: delivered, in their 7-day hold")
  const o6 = await desk.place(c.henry, [["infuser", 1], ["jasmine", 1]]) // 56: 5.60 / 2.80 / 1.12
  // Bob buys for himself: self-purchase is off, so his parent Alice is level 1 (68: 6.80).
  const o7 = await desk.place(c.bob, [["puer", 1]])
  for (const order of [o6, o7]) {
    await desk.capture(order)
    await desk.deliver(order)
  }
  await desk.complete(o7)

  logger.info("Dave is suspended; open orders, a partial refund, cancellations")
  dave = await crowd.decide(dave, "suspend", "Posted his code in coupon groups, against our terms")
  // Leo was never bound: Carol's code on his cart attributes the order and binds him to her.
  const o8 = await desk.place(c.leo, [["tray", 1]], { code: carol.code }) // 120: 12 / 6 / 2.40
  await desk.capture(o8)
  await desk.place(c.henry, [["teacups", 2]]) // 90, payment authorized only: 9 / 4.50 / 1.80
  const o10 = await desk.place(c.ivy, [["jasmine", 3], ["infuser", 1]]) // 104
  await desk.capture(o10)
  await desk.refund(o10, 32, "Infuser out of stock") // 104 → 72: Bob 7.20, Alice 3.60
  // Kate is Dave's: his level is skipped while he is suspended, Alice keeps level 2 (78: 3.90).
  await desk.place(c.kate, [["oolong", 2]])
  await desk.cancel(await desk.place(c.jack, [["teacups", 1]])) // authorized, then canceled
  const o13 = await desk.place(c.mia, [["tray", 1]])
  await desk.capture(o13)
  await desk.cancel(o13) // captured: canceling refunds it in full
  // A walk-in guest with no code: an order with no commission at all.
  await desk.capture(await desk.place({ email: "walk-in@example.com", first_name: "Sam", last_name: "Park" }, [["jasmine", 1]]))

  const key = await createPublishableKey(container, store.salesChannelId)

  const [, distributors] = await distribution.listAndCountDistributors({}, { take: 1 })
  const [, orders] = await container.resolve(Modules.ORDER).listAndCountOrders({}, { take: 1 })
  const commissions = await distribution.listCommissions({}, { select: ["status"], take: 1000 })
  const byStatus = commissions.reduce<Record<string, number>>((acc, { status }) => ({ ...acc, [status]: (acc[status] ?? 0) + 1 }), {})
  logger.info(
    `Demo data ready: ${Object.keys(c).length} customers, ${distributors} distributors, ${orders} orders, ` +
      `commissions ${JSON.stringify(byStatus)}; share code ${carol.code}, publishable key ${key}`
  )
}
