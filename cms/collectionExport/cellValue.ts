/**
 * One document value as a table cell (CSV, xlsx). Lists become text joined with the full-width
 * `；` (the importer splits on `；`, `;`, `、` and line breaks, so books round-trip unchanged), a
 * relationship becomes the related id, rich text its plain text, and nested data (arrays, groups,
 * blocks, JSON) a JSON string. The JSON export keeps the documents whole and needs none of this.
 */
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { ExportField } from './exportColumns'

export type Cell = string | number | boolean | null

/** Joins the values of a list field in one cell. */
export const listSeparator = '；'

/** The id of a relationship value: an id, a populated document or a polymorphic `{ relationTo, value }`. */
function relatedId(value: unknown): string | number | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number') return value
  if (typeof value === 'object') {
    const {
      relationTo,
      value: related,
      id,
    } = value as {
      relationTo?: string
      value?: unknown
      id?: string | number
    }
    if (relationTo !== undefined) {
      const inner = relatedId(related)
      return inner === null ? null : `${relationTo}:${inner}`
    }
    if (id !== undefined) return id
  }
  return JSON.stringify(value)
}

function isLexicalState(value: unknown): value is SerializedEditorState {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { root?: { children?: unknown } }).root === 'object' &&
    Array.isArray((value as { root: { children?: unknown } }).root.children)
  )
}

function scalar(value: unknown): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value
  return JSON.stringify(value)
}

function joined(values: unknown[], each: (value: unknown) => Cell): Cell {
  const parts = values.map(each).filter((part) => part !== null && part !== '')
  return parts.length ? parts.join(listSeparator) : null
}

/** The cell for `value` of `field` (no field: the document id). */
export function cellValue(field: ExportField | undefined, value: unknown): Cell {
  if (value === null || value === undefined) return null
  if (!field) return scalar(value)
  switch (field.type) {
    case 'relationship':
    case 'upload':
      return Array.isArray(value) ? joined(value, relatedId) : relatedId(value)
    case 'richText':
      return isLexicalState(value) ? convertLexicalToPlaintext({ data: value }) : scalar(value)
    case 'array':
    case 'blocks':
    case 'group':
    case 'tab':
    case 'json':
    case 'point':
      return JSON.stringify(value)
    default:
      return Array.isArray(value) ? joined(value, scalar) : scalar(value)
  }
}
