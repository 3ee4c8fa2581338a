/**
 * Hooks that record content changes in the audit log, in the change's own transaction (they pass
 * `req`): create, update, delete, publish and unpublish on every audited collection (a scheduled
 * job's publish counts as the scheduling person's), user and role changes, and the `site` global.
 * Review decisions are recorded by performReviewAction; an autosave burst is one entry.
 */
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeOperationHook,
  GlobalAfterChangeHook,
  PayloadRequest,
  SanitizedCollectionConfig,
} from 'payload'
import { isLivePublished, wasLivePublished } from '../hooks/rememberLiveStatus'
import { reviewDecisionFor } from '../review/reviewDecision'
import { readReviewState, reviewStatusLabels } from '../review/reviewStates'
import { auditActionLabels, type AuditAction, type FieldChange } from './auditActions'
import { recordAudit } from './recordAudit'
import { changedFieldNames, summarizeChanges } from './summarizeChanges'

declare module 'payload' {
  interface RequestContext {
    /** Set by noteAutosave for an autosave request (the admin's draft saves every few seconds). */
    autosave?: boolean
  }
}

/** Autosaves by one person within this time after an autosave entry add no entry of their own. */
const autosaveBurstMs = 10 * 60 * 1000
const autosaveMark = '自动保存'

/** What a document is called in the log: its admin title. */
export function titleOf(
  collection: Pick<SanitizedCollectionConfig, 'admin'>,
  doc: Record<string, unknown> | null | undefined,
): string | null {
  const field = collection.admin?.useAsTitle ?? 'id'
  const value = doc?.[field]
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null
}

/** Remembers that the running update is an autosave (the hooks after it cannot tell). */
export const noteAutosave: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'update' || operation === 'updateByID')
    req.context.autosave = Boolean((args as { autosave?: boolean }).autosave)
  return args
}

/** True when the same person's autosave of this document was recorded moments ago. */
async function continuesAutosave(
  req: PayloadRequest,
  collection: string,
  id: number | string,
): Promise<boolean> {
  const { docs } = await req.payload.db.find({
    collection: 'audit-log',
    where: {
      and: [{ targetCollection: { equals: collection } }, { documentId: { equals: String(id) } }],
    },
    sort: '-createdAt',
    limit: 1,
    pagination: false,
    req,
  })
  const last = docs[0] as
    { actor?: unknown; action?: string; summary?: string; createdAt?: string } | undefined
  if (!last || last.action !== 'update' || !last.summary?.startsWith(autosaveMark)) return false
  const actor = typeof last.actor === 'object' ? (last.actor as { id?: unknown })?.id : last.actor
  return (
    String(actor ?? '') === String(req.user?.id ?? '') &&
    Date.now() - Date.parse(last.createdAt ?? '') < autosaveBurstMs
  )
}

const rolesOf = (doc: Record<string, unknown> | null | undefined) =>
  [...((doc?.roles as string[] | undefined) ?? [])].sort().join(',')

export const auditCollectionChange: CollectionAfterChangeHook = async ({
  collection,
  context,
  doc,
  operation,
  previousDoc,
  req,
}) => {
  const slug = collection.slug
  const drafts = Boolean(collection.versions && collection.versions.drafts)
  const published = drafts && doc._status === 'published'
  // A review decision records itself; only its publishing (通过并发布) is a change of its own.
  if (reviewDecisionFor(context, slug, doc.id) && !published) return doc

  const before = operation === 'create' ? {} : previousDoc
  const changes: FieldChange[] = summarizeChanges(collection, before, doc)
  let action: AuditAction
  if (slug === 'users') {
    if (
      context.passwordChangedFor &&
      (context.passwordChangedFor as { id?: string }).id === String(doc.id)
    )
      changes.push({ field: 'password', label: '密码', after: '（已修改，内容不记录）' })
    action =
      operation === 'create'
        ? 'create'
        : rolesOf(previousDoc) !== rolesOf(doc)
          ? 'roleChange'
          : 'update'
  } else if (operation === 'create') {
    action = published ? 'publish' : 'create'
  } else if (published) {
    action = 'publish'
  } else if (
    drafts &&
    wasLivePublished(context, slug, doc.id) &&
    !(await isLivePublished(req, slug, doc.id))
  ) {
    action = 'unpublish'
  } else {
    action = 'update'
  }

  const reviewBefore = readReviewState(previousDoc?.review)
  const reviewAfter = readReviewState(doc.review)
  const sentBack =
    operation === 'update' &&
    doc.review !== undefined &&
    reviewAfter.resetAt !== reviewBefore.resetAt
  if (sentBack)
    changes.push({
      field: 'review.status',
      label: '审核状态',
      before: reviewStatusLabels[reviewBefore.status],
      after: reviewStatusLabels[reviewAfter.status],
    })

  const autosave = action === 'update' && context.autosave === true
  if (autosave && !sentBack && (await continuesAutosave(req, slug, doc.id))) return doc
  const what =
    operation === 'create' && published
      ? '新建并发布'
      : drafts && action === 'update'
        ? '保存草稿'
        : auditActionLabels[action]
  const fields = changedFieldNames(changes)
  await recordAudit(req, {
    action,
    targetCollection: slug,
    documentId: doc.id,
    documentTitle: titleOf(collection, doc),
    summary:
      `${autosave ? `${autosaveMark}：` : ''}${what}${fields ? `（${fields}）` : ''}` +
      (sentBack ? '；审核中的内容被修改，已退回草稿' : ''),
    changes,
  })
  return doc
}

export const auditCollectionDelete: CollectionAfterDeleteHook = async ({
  collection,
  doc,
  id,
  req,
}) => {
  const wasPublic =
    !(collection.versions && collection.versions.drafts) || doc?._status === 'published'
  await recordAudit(req, {
    action: 'delete',
    targetCollection: collection.slug,
    documentId: id,
    documentTitle: titleOf(collection, doc),
    summary:
      wasPublic && collection.versions?.drafts ? '删除（已发布的内容，网站同步删除）' : '删除',
  })
  return doc
}

export const auditGlobalChange: GlobalAfterChangeHook = async ({
  doc,
  global,
  previousDoc,
  req,
}) => {
  const changes = summarizeChanges(global, previousDoc, doc)
  if (changes.length === 0) return doc
  await recordAudit(req, {
    action: 'update',
    targetCollection: global.slug,
    documentTitle: typeof global.label === 'string' ? global.label : global.slug,
    summary: `修改（${changedFieldNames(changes)}）`,
    changes,
  })
  return doc
}
