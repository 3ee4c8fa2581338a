/**
 * The one tokenizer of the site search, run at build time (Node, over the whole corpus) and in the
 * browser (over the query), so both sides always agree on what a term is. No Node APIs.
 *
 * Text is NFKC-folded (full-width letters, digits and punctuation become half-width, compatibility
 * ideographs become unified ones) and lower-cased, then cut at whitespace and punctuation into
 * runs: stretches of CJK characters, letters and digits with nothing between them. Every
 * character of a run is one unit, whatever its script, so numbers and Latin words are searched
 * by their substrings like Chinese ('023' finds 2023, '0200' part of an ISBN):
 *
 *     '红领讲堂：第28讲'  →  runs '红领讲堂', '第28讲'  →  units 红 领 讲 堂 | 第 2 8 讲
 *
 * Index tokens are, per run, every unit (unigram) and every overlapping bigram and trigram of
 * units: '第28讲' → '第', '第2', '第28', '2', '28', '28讲', '8', '8讲', '讲'. A hyphenated ISBN
 * ('978-7-02-000220-7') is joined first, as shared/isbn normalises it, so the ISBN typed either
 * way finds it.
 *
 * Query tokens use the longest n-gram the query allows, so a match needs the query's characters
 * next to each other in the document, not scattered: a run of three or more units gives its
 * trigrams, two units their bigram, one unit itself.
 */

/** Bumped when tokens change: an index built by another version must be rebuilt. */
export const tokenizerVersion = 2

/** Most query terms sent to the index; each may cost one shard download. */
export const maxQueryTerms = 12

/** What a character is to the tokenizer: a separator ends a run; anything else is one unit. */
const Separator = 0
const Unit = 1
/** The first half of a surrogate pair that is one unit (a CJK extension character, a letter). */
const UnitPair = 2
type CharClass = typeof Separator | typeof Unit | typeof UnitPair

const letterOrDigit = /^[\p{L}\p{N}\p{M}]$/u

function classOf(text: string, i: number): CharClass {
  const c = text.charCodeAt(i)
  if (c < 0x80) {
    return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) ? Unit : Separator
  }
  if (
    (c >= 0x4e00 && c <= 0x9fff) || // CJK Unified Ideographs
    (c >= 0x3400 && c <= 0x4dbf) || // Extension A
    (c >= 0xf900 && c <= 0xfaff) || // compatibility ideographs left by NFKC
    (c >= 0x3005 && c <= 0x3007) || // 々 〆 〇
    (c >= 0x3041 && c <= 0x30fa) || // hiragana, katakana (not ・)
    (c >= 0x30fc && c <= 0x30ff)
  ) {
    return Unit
  }
  if (c >= 0xd800 && c <= 0xdbff) {
    const low = text.charCodeAt(i + 1)
    if (!(low >= 0xdc00 && low <= 0xdfff)) return Separator
    // Planes 2–3 are CJK extensions B–H; elsewhere only letters and digits count (not emoji).
    if (c >= 0xd840 && c <= 0xd8bf) return UnitPair
    return letterOrDigit.test(String.fromCodePoint(text.codePointAt(i)!)) ? UnitPair : Separator
  }
  if (c >= 0xdc00 && c <= 0xdfff) return Separator
  return letterOrDigit.test(text[i]) ? Unit : Separator
}

const isbnCandidate = /[0-9][0-9‐‑–—-]{8,20}[0-9x]/g
const hyphens = /[-‐‑–—]/g

/** Joins hyphenated ISBNs ('978-7-02-000220-7' → '9787020002207') so they index as one number. */
function joinIsbns(text: string): string {
  return text.replace(isbnCandidate, (match) => {
    if (!match.includes('-') && !/[‐‑–—]/.test(match)) return match
    const joined = match.replace(hyphens, '')
    return /^(97[89][0-9]{10}|[0-9]{9}[0-9x])$/.test(joined) ? joined : match
  })
}

/** NFKC fold, lower case, joined ISBNs: the text both sides tokenize. */
export function foldText(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase()
  return /[0-9][-‐‑–—][0-9]/.test(folded) ? joinIsbns(folded) : folded
}

/**
 * Calls `onRun(text, starts, ends, count)` for each run of `text` (already folded): unit k is
 * `text.slice(starts[k], ends[k])`, one character (code point). The arrays are reused between
 * calls; only the first `count` entries are meaningful.
 */
function forEachRun(
  text: string,
  onRun: (text: string, starts: number[], ends: number[], count: number) => void,
): void {
  const starts: number[] = []
  const ends: number[] = []
  let count = 0
  let i = 0
  const length = text.length
  while (i < length) {
    const kind = classOf(text, i)
    if (kind === Separator) {
      if (count > 0) onRun(text, starts, ends, count)
      count = 0
      i++
      continue
    }
    const width = kind === UnitPair ? 2 : 1
    starts[count] = i
    ends[count] = i + width
    count++
    i += width
  }
  if (count > 0) onRun(text, starts, ends, count)
}

/** n-gram of units k … k+n-1 of a run (the units of a run touch). */
const ngram = (text: string, starts: number[], ends: number[], k: number, n: number) =>
  text.slice(starts[k], ends[k + n - 1])

/**
 * Tokens to index for a field's text, in text order, repeats kept (term frequency and field
 * length count them): per run, each unit (unigram), then each bigram and trigram.
 */
export function indexTokens(text: string): string[] {
  const tokens: string[] = []
  if (!text) return tokens
  forEachRun(foldText(text), (folded, starts, ends, count) => {
    for (let k = 0; k < count; k++) {
      tokens.push(folded.slice(starts[k], ends[k]))
      if (k + 1 < count) tokens.push(ngram(folded, starts, ends, k, 2))
      if (k + 2 < count) tokens.push(ngram(folded, starts, ends, k, 3))
    }
  })
  return tokens
}

/**
 * The query's terms, per run: the run itself when it is one unit (one character),
 * its bigram when it has two units, its trigrams when it has three or more. Repeats are dropped.
 */
export function queryTermsByRun(query: string): string[][] {
  const runs: string[][] = []
  const seen = new Set<string>()
  forEachRun(foldText(query), (folded, starts, ends, count) => {
    const n = Math.min(count, 3)
    const terms: string[] = []
    for (let k = 0; k + n <= count; k++) {
      const term = ngram(folded, starts, ends, k, n)
      if (!seen.has(term)) {
        seen.add(term)
        terms.push(term)
      }
    }
    if (terms.length > 0) runs.push(terms)
  })
  return runs
}

/** Evenly spaced picks from `items`, always including the first and the last. */
function spread<T>(items: T[], count: number): T[] {
  if (count >= items.length) return items
  if (count === 1) return [items[0]]
  const picked: T[] = []
  for (let k = 0; k < count; k++)
    picked.push(items[Math.round((k * (items.length - 1)) / (count - 1))])
  return picked
}

/**
 * The terms a query is searched with: `queryTermsByRun`, capped at `limit` terms. When a long
 * query has more, every run keeps at least one term (runs past the limit are dropped) and the
 * rest of the budget goes to runs by their length, each run keeping evenly spaced n-grams
 * including its first and last. Fewer n-grams of a phrase never lose a document that contains
 * the phrase; they only let through a few more that contain its pieces apart.
 */
export function queryTokens(query: string, limit = maxQueryTerms): string[] {
  const runs = queryTermsByRun(query).slice(0, limit)
  const total = runs.reduce((sum, run) => sum + run.length, 0)
  if (total <= limit) return runs.flat()
  const shares = runs.map(() => 1)
  let left = limit - runs.length
  // Hand out the remaining budget one term at a time to the run with the most terms per share.
  while (left > 0) {
    let best = -1
    for (let r = 0; r < runs.length; r++) {
      if (shares[r] >= runs[r].length) continue
      if (best < 0 || runs[r].length / shares[r] > runs[best].length / shares[best]) best = r
    }
    if (best < 0) break
    shares[best]++
    left--
  }
  return runs.flatMap((run, r) => spread(run, shares[r]))
}
