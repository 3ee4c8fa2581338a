/**
 * The before/after summary of a save: each top-level data field whose value differs, as short
 * text (rich text as plain text, relationships as ids, lists joined), using the same column and
 * cell rules as the collection export. Never a secret: hidden fields (password hash and salt,
 * reset tokens, sessions, login attempts) are not data columns, and the names below are refused
 * even if a collection exposed them. The review group is summarised by the review entries.
 */
import type { SanitizedCollectionConfig, SanitizedGlobalConfig } from 'payload'
import { cellValue } from '../collectionExport/cellValue'
import { exportColumns } from '../collectionExport/exportColumns'
import { normalize } from '../review/contentChanged'
import type { FieldChange } from './auditActions'

const neverRecorded = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'review',
  'password',
  'currentPassword',
  'hash',
  'salt',
  'resetPasswordToken',
  'resetPasswordExpiration',
  'sessions',
  'loginAttempts',
  'lockUntil',
  'apiKey',
  'apiKeyIndex',
  'enableAPIKey',
  '_verificationToken',
])

/** How much of one value is kept. */
const valueLimit = 300
/** How many changed fields one entry lists. */
const fieldLimit = 40

const asText = (value: string | number | boolean | null): string | null => {
  if (value === null || value === '') return null
  const text = String(value)
  return [...text].length > valueLimit ? `${[...text].slice(0, valueLimit).join('')}…` : text
}

/** Labels of the fields Payload adds, which have none of their own. */
const builtInLabels: Record<string, string> = { _status: '发布状态', email: '电子邮件' }

const labelOf = (field: unknown): string | undefined => {
  const { label, name } = field as { label?: unknown; name?: string }
  if (name && builtInLabels[name]) return builtInLabels[name]
  if (typeof label === 'string') return label
  if (label && typeof label === 'object') return (label as Record<string, string>).zh
  return undefined
}

export function summarizeChanges(
  config: SanitizedCollectionConfig | SanitizedGlobalConfig,
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): FieldChange[] {
  const changes: FieldChange[] = []
  for (const { name, field } of exportColumns(config as SanitizedCollectionConfig)) {
    if (!field || neverRecorded.has(name)) continue
    // Equal once empty parts are dropped (`{}` and a group of nulls) is no change.
    if (JSON.stringify(normalize(before?.[name])) === JSON.stringify(normalize(after?.[name])))
      continue
    const previous = asText(cellValue(field, before?.[name]))
    const next = asText(cellValue(field, after?.[name]))
    if (previous === next) continue
    changes.push({ field: name, label: labelOf(field), before: previous, after: next })
    if (changes.length === fieldLimit) break
  }
  return changes
}

/** `标题、正文` for a summary line. */
export const changedFieldNames = (changes: FieldChange[]) =>
  changes.map((change) => change.label ?? change.field).join('、')
