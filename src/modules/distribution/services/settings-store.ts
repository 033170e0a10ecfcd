import { Context, DAL, ModulesSdkTypes } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext } from "@medusajs/framework/utils"
import { Setting, SettingChange } from "../models"
import { DEFAULT_SETTINGS, DistributionSettings, DistributionSettingsPatch, SettingsSchema, settingsProblems } from "../settings"
import { invalid } from "../errors"

type Deps = {
  baseRepository: DAL.RepositoryService
  settingService: ModulesSdkTypes.IMedusaInternalService<typeof Setting>
  settingChangeService: ModulesSdkTypes.IMedusaInternalService<typeof SettingChange>
}

const SETTINGS_KEY = "global"

export type SettingsChange = Record<string, { from: unknown; to: unknown }>

/** Settings: defaults < plugin options < run-time changes stored here, each change recorded with who made it. */
export class SettingsStoreService {
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly settings_: Deps["settingService"]
  protected readonly changes_: Deps["settingChangeService"]

  constructor({ baseRepository, settingService, settingChangeService }: Deps) {
    this.baseRepository_ = baseRepository
    this.settings_ = settingService
    this.changes_ = settingChangeService
  }

  @InjectManager()
  async getSettings(optionDefaults: DistributionSettingsPatch, @MedusaContext() sharedContext: Context = {}): Promise<DistributionSettings> {
    const [stored] = await this.settings_.list({ key: SETTINGS_KEY }, { take: 1 }, sharedContext)
    return SettingsSchema.parse({ ...DEFAULT_SETTINGS, ...optionDefaults, ...((stored?.values as DistributionSettingsPatch) ?? {}) })
  }

  /** Validates the settings as a whole after the patch; a refused patch changes nothing. */
  @InjectTransactionManager()
  async changeSettings(
    optionDefaults: DistributionSettingsPatch,
    patch: DistributionSettingsPatch,
    actorId: string | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ settings: DistributionSettings; changes: SettingsChange }> {
    const current = await this.getSettings(optionDefaults, sharedContext)
    const result = SettingsSchema.safeParse({ ...current, ...patch })
    if (!result.success) {
      throw invalid(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "))
    }
    const next = result.data
    const problems = settingsProblems(next)
    if (problems.length) throw invalid(problems.map((p) => p.message).join("; "))
    const changes: SettingsChange = {}
    for (const key of Object.keys(patch) as (keyof DistributionSettings)[]) {
      if (JSON.stringify(current[key]) !== JSON.stringify(next[key])) changes[key] = { from: current[key], to: next[key] }
    }
    if (!Object.keys(changes).length) return { settings: next, changes }

    const [stored] = await this.settings_.list({ key: SETTINGS_KEY }, { take: 1 }, sharedContext)
    const values = { ...((stored?.values as object) ?? {}), ...Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.to])) }
    if (stored) await this.settings_.update({ id: stored.id, values }, sharedContext)
    else await this.settings_.create({ key: SETTINGS_KEY, values }, sharedContext)
    await this.changes_.create({ changes, actor_id: actorId }, sharedContext)
    return { settings: next, changes }
  }

  /** A job's bookmark (e.g. how far the reconciliation sweep got), kept beside the settings. */
  @InjectManager()
  async readState<T extends object>(key: string, @MedusaContext() sharedContext: Context = {}): Promise<T | null> {
    const [stored] = await this.settings_.list({ key: `state:${key}` }, { take: 1 }, sharedContext)
    return (stored?.values as T) ?? null
  }

  @InjectTransactionManager()
  async writeState(key: string, values: object, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const [stored] = await this.settings_.list({ key: `state:${key}` }, { take: 1 }, sharedContext)
    if (stored) await this.settings_.update({ id: stored.id, values: values as Record<string, unknown> }, sharedContext)
    else await this.settings_.create({ key: `state:${key}`, values: values as Record<string, unknown> }, sharedContext)
  }
}
