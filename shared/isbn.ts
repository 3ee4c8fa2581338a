/** ISBN-10 and ISBN-13 checking and normalising (hyphens and spaces do not matter). */

/** Removes separators and upper-cases a trailing x: `'978-7-01-000000-0'` → `'9787010000000'`. */
export function normalizeIsbn(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s\-‐‑–—]/g, '')
    .toUpperCase()
}

/** ISBN-13 check digit for the first 12 digits. */
export function isbn13CheckDigit(first12: string): string {
  let sum = 0
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3)
  return String((10 - (sum % 10)) % 10)
}

/** ISBN-10 check character (0–9 or X) for the first 9 digits. */
export function isbn10CheckDigit(first9: string): string {
  let sum = 0
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (10 - i)
  const check = (11 - (sum % 11)) % 11
  return check === 10 ? 'X' : String(check)
}

export type IsbnProblem = 'format' | 'checksum'

/** Checks a normalised ISBN; returns null when valid, else what is wrong. */
export function isbnProblem(isbn: string): IsbnProblem | null {
  if (/^97[89]\d{10}$/.test(isbn)) {
    return isbn13CheckDigit(isbn.slice(0, 12)) === isbn[12] ? null : 'checksum'
  }
  if (/^\d{9}[\dX]$/.test(isbn)) {
    return isbn10CheckDigit(isbn.slice(0, 9)) === isbn[9] ? null : 'checksum'
  }
  return 'format'
}

/** True for a valid ISBN-10 or ISBN-13, in any spacing. */
export function isValidIsbn(input: string): boolean {
  return isbnProblem(normalizeIsbn(input)) === null
}

/**
 * The other spellings of the same book: an ISBN-10 and its 978-prefixed ISBN-13 name one edition.
 * Takes a valid normalised ISBN; a 979 ISBN-13 has no ISBN-10 form.
 */
export function equivalentIsbns(isbn: string): string[] {
  if (/^\d{9}[\dX]$/.test(isbn)) {
    const first12 = `978${isbn.slice(0, 9)}`
    return [isbn, first12 + isbn13CheckDigit(first12)]
  }
  if (/^978\d{10}$/.test(isbn)) {
    const first9 = isbn.slice(3, 12)
    return [isbn, first9 + isbn10CheckDigit(first9)]
  }
  return [isbn]
}
