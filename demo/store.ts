/**
 * The shop the demo sells from: USD region, sales channel, warehouse with flat-rate
 * shipping, and a small tea catalogue with stock. Made with Medusa's own workflows,
 * the way the starter's seed script does it.
 */
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import demo from "./demo.json"

export const PRODUCTS = {
  jasmine: { title: "Jasmine Green Tea, 100 g", price: 24, description: "Spring green tea scented with jasmine blossoms." },
  puer: { title: "Aged Pu'er Tea Cake, 357 g", price: 68, description: "A pressed cake of ripe pu'er, aged five years." },
  teacups: { title: "Celadon Teacup Set", price: 45, description: "Four hand-glazed celadon cups." },
  tray: { title: "Bamboo Tea Tray", price: 120, description: "A draining gongfu tray in carbonised bamboo." },
  infuser: { title: "Travel Infuser Bottle", price: 32, description: "Glass bottle with a steel infuser, 400 ml." },
  oolong: { title: "Oolong Sampler Box", price: 39, description: "Six oolongs from Anxi, Wuyi and Taiwan." },
} as const
export type ProductKey = keyof typeof PRODUCTS

export type DemoStore = {
  regionId: string
  salesChannelId: string
  stockLocationId: string
  shippingOptionId: string
  variantIds: Record<ProductKey, string>
}

const COUNTRIES = ["us", "ca"]
const SHIPPING_PRICE = 8
const STOCK = 500

export async function seedStore(container: MedusaContainer): Promise<DemoStore> {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const fulfillment = container.resolve(Modules.FULFILLMENT)

  // Medusa creates a default store and sales channel at first boot: use them.
  const [store] = await container.resolve(Modules.STORE).listStores()
  const [defaultChannel] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({ name: "Default Sales Channel" })
  const channel =
    defaultChannel ??
    (await createSalesChannelsWorkflow(container).run({ input: { salesChannelsData: [{ name: "Default Sales Channel" }] } })).result[0]

  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({
    input: {
      regions: [{ name: demo.regionName, currency_code: "usd", countries: COUNTRIES, payment_providers: ["pp_system_default"] }],
    },
  })
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "Leaf & Cup Tea Co.",
        supported_currencies: [{ currency_code: "usd", is_default: true }],
        default_sales_channel_id: channel.id,
        default_region_id: region.id,
      },
    },
  })

  const {
    result: [location],
  } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Seattle warehouse", address: { address_1: "1200 Harbor Ave", city: "Seattle", country_code: "US" } }] },
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [channel.id] } })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })

  const [existingProfile] = await fulfillment.listShippingProfiles({ type: "default" })
  const profile =
    existingProfile ??
    (await createShippingProfilesWorkflow(container).run({ input: { data: [{ name: "Default", type: "default" }] } })).result[0]
  const fulfillmentSet = await fulfillment.createFulfillmentSets({
    name: "Seattle warehouse shipping",
    type: "shipping",
    service_zones: [{ name: "US & Canada", geo_zones: COUNTRIES.map((country_code) => ({ type: "country" as const, country_code })) }],
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
  })
  const {
    result: [shippingOption],
  } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Standard shipping",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: fulfillmentSet.service_zones[0].id,
        shipping_profile_id: profile.id,
        type: { label: "Standard", description: "Ships in 2-3 days.", code: "standard" },
        prices: [
          { currency_code: "usd", amount: SHIPPING_PRICE },
          { region_id: region.id, amount: SHIPPING_PRICE },
        ],
        // Store routes only list options with these rules (the admin sets them too).
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })

  const keys = Object.keys(PRODUCTS) as ProductKey[]
  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: keys.map((key) => ({
        title: PRODUCTS[key].title,
        description: PRODUCTS[key].description,
        handle: key,
        status: ProductStatus.PUBLISHED,
        shipping_profile_id: profile.id,
        sales_channels: [{ id: channel.id }],
        options: [{ title: "Format", values: ["Standard"] }],
        variants: [
          {
            title: "Standard",
            sku: `TEA-${key.toUpperCase()}`,
            // Medusa creates one inventory item per variant; its stock is set below.
            manage_inventory: true,
            options: { Format: "Standard" },
            prices: [{ currency_code: "usd", amount: PRODUCTS[key].price }],
          },
        ],
      })),
    },
  })

  const { data: items } = await query.graph({
    entity: "inventory_item",
    fields: ["id"],
    filters: { sku: keys.map((key) => `TEA-${key.toUpperCase()}`) },
  })
  await createInventoryLevelsWorkflow(container).run({
    input: { inventory_levels: items.map((item) => ({ inventory_item_id: item.id, location_id: location.id, stocked_quantity: STOCK })) },
  })

  const variantIds = Object.fromEntries(
    keys.map((key) => [key, products.find((p) => p.handle === key)!.variants[0].id])
  ) as Record<ProductKey, string>
  return { regionId: region.id, salesChannelId: channel.id, stockLocationId: location.id, shippingOptionId: shippingOption.id, variantIds }
}

/** The storefront's publishable key: created last, so its presence means the seed finished. */
export async function createPublishableKey(container: MedusaContainer, salesChannelId: string): Promise<string> {
  const {
    result: [key],
  } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: demo.publishableKeyTitle, type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [salesChannelId] } })
  return key.token
}
