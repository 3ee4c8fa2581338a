/**
 * Whether a save changes a document's content, compared with the version it starts from. Used to
 * send a document under review back to draft when someone edits it: the reviewers approved what
 * they saw, not what came after. Workflow fields (status, review, timestamps) are not content.
 * Empty values (`null`, `''`, `[]`, missing) are one value, and key order does not count, so a
 * form sent back unchanged is no edit; anything else that differs is.
 */
const notContent = new Set(['id', '_status', 'review', 'createdAt', 'updatedAt', 'deletedAt'])

type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain }

/** The value with empty parts dropped and keys sorted: equal values normalise equally. */
export function normalize(value: unknown): Plain {
  if (value === undefined || value === null || value === '') return null
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) {
    const items = value.map(normalize)
    return items.length ? items : null
  }
  if (typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((key) => [key, normalize((value as Record<string, unknown>)[key])] as const)
      .filter(([, item]) => item !== null)
    return entries.length ? Object.fromEntries(entries) : null
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string')
    return value
  return String(value)
}

/** The top-level content fields whose values differ between the two documents. */
export function changedContentFields(
  data: Record<string, unknown>,
  original: Record<string, unknown> | undefined,
): string[] {
  const keys = new Set([...Object.keys(data), ...Object.keys(original ?? {})])
  return [...keys].filter(
    (key) =>
      !notContent.has(key) &&
      key in data &&
      JSON.stringify(normalize(data[key])) !== JSON.stringify(normalize(original?.[key])),
  )
}
