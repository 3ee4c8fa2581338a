import { isbn13CheckDigit } from '../../shared/isbn'

/** Synthetic but checksum-valid ISBN-13 in the 978-7 (China) range, distinct for each index. */
export function demoIsbn(index: number): string {
  const first12 = `9787${String(10_000_000 + index * 7_919).slice(-8)}`
  return first12 + isbn13CheckDigit(first12)
}
