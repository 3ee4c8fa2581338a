import type { Field } from 'payload'
import { Books } from '../collections/Books'
import { dataFields } from '../input/checkData'

/** What a book field holds, as far as an import is concerned. */
export type ImportFieldKind = 'text' | 'list' | 'integer' | 'location'

export interface ImportField {
  name: string
  label: string
  kind: ImportFieldKind
  required: boolean
}

/** Fields the catalogue derives or that a file cannot carry (a cover image, the editors' note). */
const notImported = new Set(['slug', 'clcClass', 'inStock', 'cover', 'editorialNote'])

const labelOf = (field: Field): string =>
  'label' in field && typeof field.label === 'string'
    ? field.label
    : (field as { name: string }).name

function kindOf(field: Field): ImportFieldKind | null {
  if (field.type === 'text' || field.type === 'textarea')
    return 'hasMany' in field && field.hasMany ? 'list' : 'text'
  if (field.type === 'number') return 'integer'
  if (field.type === 'select') return 'location'
  return null
}

let fields: ImportField[] | undefined

/**
 * The book fields an import can fill, in the form's order, read from the Books collection config
 * (on first use: the collection's endpoints import this module while the config is being built).
 */
export function importFields(): ImportField[] {
  fields ??= dataFields(Books.fields).flatMap((field) => {
    if (!('name' in field) || notImported.has(field.name)) return []
    const kind = kindOf(field)
    if (!kind) return []
    return [
      {
        name: field.name,
        label: labelOf(field),
        kind,
        required: 'required' in field && Boolean(field.required),
      },
    ]
  })
  return fields
}

export const isImportField = (name: string) => importFields().some((field) => field.name === name)

/** The form label of a book field. */
export const fieldLabel = (name: string) =>
  importFields().find((field) => field.name === name)?.label ?? name

/** Values of one book as read from a file: field name → the cell's text, before checking. */
export type RawBook = Partial<Record<string, string>>
