/**
 * The columns of a collection's table export, derived from its Payload field config (the one place
 * fields are declared): `id`, the top-level data fields in config order (rows, collapsibles and
 * unnamed tabs flattened), `_status` when the collection has drafts, `createdAt`, `updatedAt`.
 * Headers are field names, not labels, so the importer can map a column back to its field.
 * Fields a reader may not see (field-level read access) are left out, not exported empty.
 */
import {
  flattenTopLevelFields,
  type Field,
  type PayloadRequest,
  type SanitizedCollectionConfig,
} from 'payload'
import { fieldAffectsData, fieldIsVirtual } from 'payload/shared'

/** A top-level field as the exporter sees it: a named field, or a named tab (written like a group). */
export type ExportField = Extract<Field, { name: string }> | { type: 'tab'; name: string }

export interface ExportColumn {
  /** The header: the field's name. */
  name: string
  /** How its values are written; none for `id`. */
  field?: ExportField
}

/** Kept out of the data fields: they have fixed places at the start and the end. */
const systemFieldNames = new Set(['id', '_status', 'createdAt', 'updatedAt', 'deletedAt'])

/** Holds data that a document read returns: not UI, hidden, virtual or join fields. */
function isExportedDataField(field: Field | ExportField): field is ExportField {
  if (field.type === 'tab') return true
  if (!fieldAffectsData(field) || field.type === 'join') return false
  if ('hidden' in field && field.hidden) return false
  return !fieldIsVirtual(field)
}

/** Every column the collection can export, before access is considered. */
export function exportColumns(collection: SanitizedCollectionConfig): ExportColumn[] {
  const topLevel = flattenTopLevelFields(collection.fields) as (Field | ExportField)[]
  const byName = new Map<string, ExportField>()
  for (const field of topLevel)
    if (isExportedDataField(field) && !byName.has(field.name)) byName.set(field.name, field)
  const dataColumns = [...byName.values()]
    .filter((field) => !systemFieldNames.has(field.name))
    .map((field) => ({ name: field.name, field }))
  const system = (name: string): ExportColumn[] => {
    const field = byName.get(name)
    return field ? [{ name, field }] : []
  }
  const drafts = Boolean(collection.versions && collection.versions.drafts)
  return [
    { name: 'id' },
    ...dataColumns,
    ...(drafts ? system('_status') : []),
    ...system('createdAt'),
    ...system('updatedAt'),
  ]
}

/** The columns this request may read: a field whose read access refuses it is dropped. */
export async function readableColumns(
  columns: ExportColumn[],
  req: PayloadRequest,
): Promise<ExportColumn[]> {
  const readable = await Promise.all(
    columns.map(async ({ field }) => {
      const read = field && 'access' in field ? field.access?.read : undefined
      return read ? Boolean(await read({ req })) : true
    }),
  )
  return columns.filter((_, index) => readable[index])
}
