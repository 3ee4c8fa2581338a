import type { FieldHook } from 'payload'
import { normalizeIsbn } from '../../../../shared/isbn'

/** Stores ISBNs without separators, and an empty one as none, so uniqueness ignores spacing. */
export const normalizeIsbnHook: FieldHook = ({ value }) => {
  if (typeof value !== 'string') return value ?? null
  const normalized = normalizeIsbn(value)
  return normalized || null
}
