/**
 * Promotional materials by grade: the admin's CRUD and its validation, a file uploaded through
 * Medusa's file module (`POST /admin/uploads`) and kept as a material, and what each
 * distributor sees at `GET /store/distribution/me/materials` for their grade.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser, Headers, registerCustomer, Seed, seedStore } from "../helpers/order-flow"
import { makeDistributor, statusOf } from "../helpers/distribution"
import { pgOf } from "../helpers/db"

jest.setTimeout(240_000)

type Material = { id: string; kind: string; title: string; body: string | null; file_url: string | null; grade_ids: string[]; created_at: string }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let seed: Seed

    beforeAll(async () => {
      admin = await createAdminUser(api, getContainer())
      seed = await seedStore(api, admin)
    })

    const post = async (url: string, body: unknown) => (await api.post(url, body, admin)).data
    const get = async (url: string) => (await api.get(url, admin)).data
    const countRows = async () => Number((await pgOf(getContainer()).raw("SELECT COUNT(*) AS n FROM distribution_material")).rows[0].n)

    it("creates, lists, reads, updates and deletes materials; the admin list filters by kind and grade", async () => {
      const { grade } = await post("/admin/distribution/grades", { name: "中级", rank: 2, level_rates: [0.1] })
      const { material: copy } = await post("/admin/distribution/materials", { kind: "copy", title: "Spring sale", body: "好物分享，立减 10%" })
      expect(copy).toEqual({
        id: expect.stringMatching(/^dmat_/),
        kind: "copy",
        title: "Spring sale",
        body: "好物分享，立减 10%",
        file_url: null,
        grade_ids: [],
        created_at: expect.any(String),
      })
      const { material: image } = await post("/admin/distribution/materials", {
        kind: "image", title: "Poster", file_url: "https://cdn.example.com/poster.png", grade_ids: [grade.id, grade.id],
      })
      expect(image.grade_ids).toEqual([grade.id])

      const list = await get("/admin/distribution/materials")
      expect(list).toEqual({ materials: [image, copy], count: 2, limit: 20, offset: 0 })
      expect((await get("/admin/distribution/materials?kind=copy")).materials.map((m: Material) => m.id)).toEqual([copy.id])
      expect(await get(`/admin/distribution/materials?grade_id=${grade.id}`)).toEqual({ materials: [image], count: 1, limit: 20, offset: 0 })
      expect((await get(`/admin/distribution/materials/${image.id}`)).material).toEqual(image)

      const { material: renamed } = await post(`/admin/distribution/materials/${copy.id}`, { title: "Summer sale", grade_ids: [grade.id] })
      expect(renamed).toEqual({ ...copy, title: "Summer sale", grade_ids: [grade.id] })

      expect((await api.delete(`/admin/distribution/materials/${copy.id}`, admin)).data).toEqual({ id: copy.id, object: "material", deleted: true })
      expect(await get("/admin/distribution/materials")).toEqual({ materials: [image], count: 1, limit: 20, offset: 0 })
      expect(await statusOf(api.get(`/admin/distribution/materials/${copy.id}`, admin))).toBe(404)
      expect(await statusOf(api.delete(`/admin/distribution/materials/${copy.id}`, admin))).toBe(404)
    })

    it("refuses a material without its file or text, an unknown grade, and a bad URL, with a 400 that says why, writing nothing", async () => {
      const refused = async (body: unknown, message: RegExp, url = "/admin/distribution/materials") => {
        const before = await countRows()
        const error = await api.post(url, body, admin).then(() => null, (e) => e.response)
        expect(error?.status).toBe(400)
        expect(error.data.message).toMatch(message)
        expect(await countRows()).toBe(before)
      }
      await refused({ kind: "image", title: "No file" }, /image material needs a file_url/)
      await refused({ kind: "video", title: "No file", body: "text is not a video" }, /A video material needs a file_url/)
      await refused({ kind: "copy", title: "No text" }, /copy material needs a body/)
      await refused({ kind: "copy", title: "Blank", body: "   " }, /copy material needs a body/)
      await refused({ kind: "copy", title: "Tagged", body: "x", grade_ids: ["dgrd_missing"] }, /Unknown grade id\(s\) in grade_ids: dgrd_missing/)
      await refused({ kind: "image", title: "Bad URL", file_url: "javascript:alert(1)" }, /file_url must be an http\(s\) URL/)
      await refused({ kind: "gif", title: "Kind" }, /'image, video, copy' for field 'kind'/)
      await refused({ kind: "copy", title: "", body: "x" }, /title/)

      // An update is checked on the whole material: a copy can't lose its text.
      const { material } = await post("/admin/distribution/materials", { kind: "copy", title: "Keep", body: "text" })
      await refused({ body: null }, /copy material needs a body/, `/admin/distribution/materials/${material.id}`)
      await refused({ kind: "video" }, /video material needs a file_url/, `/admin/distribution/materials/${material.id}`)
      expect((await get(`/admin/distribution/materials/${material.id}`)).material).toEqual(material)
    })

    it("stores a file uploaded through Medusa's file module and serves it back at the URL kept on the material", async () => {
      const form = new FormData()
      const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex")
      form.append("files", new Blob([png], { type: "image/png" }), "poster.png")
      const { files } = (await api.post("/admin/uploads", form, admin)).data as { files: { id: string; url: string }[] }
      expect(files).toHaveLength(1)
      const { material } = await post("/admin/distribution/materials", { kind: "image", title: "Uploaded poster", file_url: files[0].url })
      expect(material.file_url).toBe(files[0].url)
      // The file module kept the file: the local provider serves it under /static.
      const served = await api.get(new URL(files[0].url).pathname, { headers: {}, responseType: "arraybuffer" } as never)
      expect(Buffer.from(served.data as ArrayBuffer)).toEqual(png)
    })

    it("shows each distributor the materials for every grade and for theirs, newest first; only to active distributors", async () => {
      const { grade: junior } = await post("/admin/distribution/grades", { name: "初级", rank: 1, level_rates: [0.1] })
      const { grade: senior } = await post("/admin/distribution/grades", { name: "高级", rank: 3, level_rates: [0.12] })
      const { material: everyone } = await post("/admin/distribution/materials", { kind: "copy", title: "For all", body: "分享给朋友" })
      const { material: forJunior } = await post("/admin/distribution/materials", { kind: "copy", title: "Junior tips", body: "t1", grade_ids: [junior.id] })
      const { material: forSenior } = await post("/admin/distribution/materials", {
        kind: "video", title: "Senior training", file_url: "https://cdn.example.com/train.mp4", grade_ids: [senior.id],
      })
      const { material: forBoth } = await post("/admin/distribution/materials", { kind: "copy", title: "Both", body: "t2", grade_ids: [junior.id, senior.id] })

      const a = await makeDistributor(api, admin, seed, "junior@test.local")
      const b = await makeDistributor(api, admin, seed, "senior@test.local")
      const c = await makeDistributor(api, admin, seed, "nograde@test.local")
      await post(`/admin/distribution/distributors/${a.distributor.id}`, { grade_id: junior.id })
      await post(`/admin/distribution/distributors/${b.distributor.id}`, { grade_id: senior.id })

      const mine = async (h: Headers, query = "") => (await api.get(`/store/distribution/me/materials${query}`, h)).data
      const shown = (m: Material) => ({ id: m.id, kind: m.kind, title: m.title, body: m.body, file_url: m.file_url, grade_ids: m.grade_ids, created_at: m.created_at })
      expect(await mine(a.headers)).toEqual({ materials: [forBoth, forJunior, everyone].map(shown), count: 3, limit: 20, offset: 0 })
      expect(await mine(b.headers)).toEqual({ materials: [forBoth, forSenior, everyone].map(shown), count: 3, limit: 20, offset: 0 })
      expect(await mine(c.headers)).toEqual({ materials: [shown(everyone)], count: 1, limit: 20, offset: 0 })
      expect(await mine(b.headers, "?limit=1&offset=1")).toEqual({ materials: [shown(forSenior)], count: 3, limit: 1, offset: 1 })

      // A deleted material disappears for everyone.
      await api.delete(`/admin/distribution/materials/${forBoth.id}`, admin)
      expect((await mine(a.headers)).materials.map((m: Material) => m.id)).toEqual([forJunior.id, everyone.id])

      // Not a distributor: 404 with what to do; not logged in: 401; pending or suspended: 403.
      const shopper = await registerCustomer(api, seed.storeHeaders, "shopper@test.local")
      const notOne = await api.get("/store/distribution/me/materials", shopper.headers).then(() => null, (e) => e.response)
      expect(notOne.status).toBe(404)
      expect(notOne.data.message).toMatch(/not a distributor yet/)
      expect(await statusOf(api.get("/store/distribution/me/materials", seed.storeHeaders))).toBe(401)
      const applicant = await registerCustomer(api, seed.storeHeaders, "applicant@test.local")
      const { distributor: pending } = (await api.post("/store/distribution/apply", {}, applicant.headers)).data
      expect(pending.status).toBe("pending")
      const refused = await api.get("/store/distribution/me/materials", applicant.headers).then(() => null, (e) => e.response)
      expect(refused.status).toBe(403)
      expect(refused.data.message).toMatch(/active distributors; your application is pending/)
      await post(`/admin/distribution/distributors/${a.distributor.id}/suspend`, { reason: "paused" })
      expect(await statusOf(api.get("/store/distribution/me/materials", a.headers))).toBe(403)
    })
  },
})
