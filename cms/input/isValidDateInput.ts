const isoDate =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/

/**
 * A date as an ISO 8601 string naming a real calendar day and time, with a four-digit year.
 * `Date` would roll 2026-02-31 over to March 3rd and accept year 99999.
 */
export function isValidDateInput(value: unknown): boolean {
  if (typeof value !== 'string') return false
  const match = isoDate.exec(value.trim())
  if (!match) return false
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = match
  const y = Number(year)
  const m = Number(month)
  const d = Number(day)
  if (y < 1000 || m < 1 || m > 12 || d < 1) return false
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate()
  if (d > daysInMonth) return false
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return false
  return !Number.isNaN(Date.parse(value))
}
