/**
 * Where a query occurs in a result's title or lead, for <mark>ing it (browser). The text is folded
 * like the index (full-width → half-width, lower case) one character at a time, so the ranges are
 * offsets into the text as shown. Every query term is marked where it occurs; the terms of a
 * phrase overlap, so a phrase found whole is marked whole.
 */
import { queryTermsByRun } from './tokenize'

/** `[start, end)` UTF-16 offsets into the shown text, sorted, not overlapping. */
export type HighlightRange = [start: number, end: number]

export function highlightRanges(text: string, query: string): HighlightRange[] {
  const terms = queryTermsByRun(query).flat()
  if (terms.length === 0 || !text) return []
  // folded[j] came from text[origin[j] … originEnd[j]).
  let folded = ''
  const origin: number[] = []
  const originEnd: number[] = []
  for (let i = 0; i < text.length;) {
    const width = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1
    const piece = text
      .slice(i, i + width)
      .normalize('NFKC')
      .toLowerCase()
    for (let k = 0; k < piece.length; k++) {
      origin.push(i)
      originEnd.push(i + width)
    }
    folded += piece
    i += width
  }
  const found: HighlightRange[] = []
  for (const term of terms) {
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
      found.push([origin[at], originEnd[at + term.length - 1]])
    }
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const merged: HighlightRange[] = []
  for (const range of found) {
    const last = merged.at(-1)
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push([range[0], range[1]])
  }
  return merged
}

/** The text cut into pieces, the marked ones flagged: what a renderer wraps in <mark>. */
export function highlightPieces(text: string, query: string): { text: string; marked: boolean }[] {
  const pieces: { text: string; marked: boolean }[] = []
  let at = 0
  for (const [start, end] of highlightRanges(text, query)) {
    if (start > at) pieces.push({ text: text.slice(at, start), marked: false })
    pieces.push({ text: text.slice(start, end), marked: true })
    at = end
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false })
  return pieces
}
