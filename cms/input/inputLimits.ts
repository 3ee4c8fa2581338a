/**
 * Size limits applied to every save, drafts and autosaves included (Payload skips field
 * validation on drafts; these are checked before it). A field's own `maxLength` / `maxRows` /
 * `min` / `max` wins where set.
 */
export const inputLimits = {
  /** Characters of a one-line text field (titles, names, tags, links). */
  text: 500,
  /** Characters of a multi-line text field (summaries, captions, the editorial note). */
  textarea: 20_000,
  /** Characters of a multi-line field named here, for long documents. */
  longTextareas: { transcript: 500_000, captions: 1_000_000 } as Record<string, number>,
  /** Serialised JSON characters of one rich-text field. */
  richText: 2_000_000,
  /** Serialised JSON characters of one JSON field. */
  json: 100_000,
  /** Values of one hasMany field; rows of one array field. */
  listItems: 200,
  arrayRows: 1_000,
  /** Numbers without their own bounds stay within this magnitude. */
  numberMagnitude: 1_000_000_000,
  /** Bytes of a JSON request body (files go through multipart, bounded by MEDIA_MAX_BYTES). */
  jsonBodyBytes: Number(process.env.API_MAX_JSON_BYTES ?? 4 * 1024 * 1024),
} as const

export function textLimit(
  type: 'text' | 'textarea' | 'email' | 'code',
  name: string,
  maxLength?: number,
): number {
  if (maxLength) return maxLength
  if (type === 'textarea') return inputLimits.longTextareas[name] ?? inputLimits.textarea
  if (type === 'code') return inputLimits.textarea
  return inputLimits.text
}
