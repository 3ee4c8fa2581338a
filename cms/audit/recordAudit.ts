/**
 * Writes one audit-log entry. Pass the `req` of the change it records: the entry then commits or
 * rolls back with that change (SQLite: serialWriteTransactions; MongoDB: replica-set sessions).
 * Entries go straight to the database adapter, because no API operation may create, change or
 * delete them (the collection refuses every one, see AuditLog).
 */
import type { Payload, PayloadRequest } from 'payload'
import { clientAddressOf } from '../server/clientAddressOf'
import { systemTarget, type AuditAction, type FieldChange } from './auditActions'

export interface AuditEntry {
  action: AuditAction
  /** A collection or global slug; `system` for what concerns no document. */
  targetCollection?: string | null
  documentId?: number | string | null
  documentTitle?: string | null
  summary?: string | null
  changes?: FieldChange[] | null
  /** Who did it; defaults to the request's user. `null`: the system (scripts, schedules). */
  actor?: AuditActor | null
}

export interface AuditActor {
  id: number | string
  name?: string | null
  email?: string | null
  collection?: string
}

const textLimit = 500

const clip = (value: string | null | undefined, limit = textLimit) =>
  value == null
    ? null
    : [...value].length > limit
      ? `${[...value].slice(0, limit).join('')}…`
      : value

/** How an actor is shown even after the account is gone: 姓名（email）. */
export function actorLabel(actor: AuditActor | null | undefined): string {
  if (!actor) return '系统'
  if (actor.name && actor.email) return `${actor.name}（${actor.email}）`
  return actor.name || actor.email || `用户 ${actor.id}`
}

function entryData(entry: AuditEntry, actor: AuditActor | null, clientAddress: string | null) {
  const userActor = actor && (actor.collection ?? 'users') === 'users' ? actor : null
  const now = new Date().toISOString()
  return {
    action: entry.action,
    actor: userActor?.id ?? null,
    actorName: clip(actorLabel(userActor), 200),
    targetCollection: entry.targetCollection ?? systemTarget.value,
    documentId: entry.documentId == null ? null : String(entry.documentId),
    documentTitle: clip(entry.documentTitle ?? null, 200),
    summary: clip(entry.summary ?? null),
    changes: entry.changes?.length ? entry.changes : null,
    clientAddress: clientAddress && clientAddress !== 'unknown' ? clientAddress : null,
    createdAt: now,
    updatedAt: now,
  }
}

/** Records an entry in the request's transaction (if it has one). */
export async function recordAudit(req: PayloadRequest, entry: AuditEntry): Promise<void> {
  const actor = entry.actor === undefined ? ((req.user as AuditActor | null) ?? null) : entry.actor
  await req.payload.db.create({
    collection: 'audit-log',
    data: entryData(entry, actor, clientAddressOf(req)),
    req,
    returning: false,
  })
}

/** Records an entry on its own (scripts, failed logins: there is no change to commit with). */
export async function recordAuditEntry(
  payload: Payload,
  entry: AuditEntry,
  { clientAddress = null }: { clientAddress?: string | null } = {},
): Promise<void> {
  await payload.db.create({
    collection: 'audit-log',
    data: entryData(entry, entry.actor ?? null, clientAddress),
    returning: false,
  })
}
