/**
 * `auditLogPlugin({ exclude })`: adds the 操作日志 collection and puts the recording hooks on every
 * other collection and on the `site` global, so collections need no audit code of their own and a
 * new collection is recorded from the day it is added. Not recorded: the publisher's queue and
 * status (machine bookkeeping, written many times a minute), and the log itself.
 */
import type { CollectionConfig, Config, GlobalConfig, Plugin } from 'payload'
import { auditLogCollection } from '../collections/AuditLog'
import {
  auditCollectionChange,
  auditCollectionDelete,
  auditGlobalChange,
  noteAutosave,
} from './auditHooks'
import { noteLoginAttempt, recordFailedLogin, recordLogin, recordLogout } from './authAudit'

export interface AuditLogOptions {
  /** Collection slugs that are not recorded. */
  excludeCollections: string[]
  /** Global slugs that are recorded. */
  globals: string[]
}

const labelOf = (labels: unknown, fallback: string): string => {
  if (typeof labels === 'string') return labels
  if (labels && typeof labels === 'object') return (labels as Record<string, string>).zh ?? fallback
  return fallback
}

function withCollectionHooks(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {}
  const auth = collection.auth
    ? {
        // First: the login throttle refuses unknown and locked accounts before later hooks run.
        beforeOperation: [noteLoginAttempt, noteAutosave, ...(hooks.beforeOperation ?? [])],
        afterLogin: [...(hooks.afterLogin ?? []), recordLogin],
        afterLogout: [...(hooks.afterLogout ?? []), recordLogout],
      }
    : { beforeOperation: [noteAutosave, ...(hooks.beforeOperation ?? [])] }
  return {
    ...collection,
    hooks: {
      ...hooks,
      ...auth,
      afterChange: [...(hooks.afterChange ?? []), auditCollectionChange],
      afterDelete: [...(hooks.afterDelete ?? []), auditCollectionDelete],
    },
  }
}

function withGlobalHooks(global: GlobalConfig): GlobalConfig {
  return {
    ...global,
    hooks: {
      ...global.hooks,
      afterChange: [...(global.hooks?.afterChange ?? []), auditGlobalChange],
    },
  }
}

export function auditLogPlugin({ excludeCollections, globals }: AuditLogOptions): Plugin {
  return (config: Config): Config => {
    const audited = (config.collections ?? []).filter(
      (collection) => !excludeCollections.includes(collection.slug),
    )
    const auditedGlobals = (config.globals ?? []).filter((global) => globals.includes(global.slug))
    const targets = [
      ...audited.map((collection) => ({
        value: collection.slug,
        label: labelOf(collection.labels?.plural, collection.slug),
      })),
      ...auditedGlobals.map((global) => ({
        value: global.slug,
        label: labelOf(global.label, global.slug),
      })),
    ]
    return {
      ...config,
      collections: [
        ...(config.collections ?? []).map((collection) =>
          excludeCollections.includes(collection.slug)
            ? collection
            : withCollectionHooks(collection),
        ),
        auditLogCollection(targets),
      ],
      globals: (config.globals ?? []).map((global) =>
        globals.includes(global.slug) ? withGlobalHooks(global) : global,
      ),
      hooks: {
        ...config.hooks,
        afterError: [...(config.hooks?.afterError ?? []), recordFailedLogin],
      },
    }
  }
}
