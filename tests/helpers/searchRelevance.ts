/**
 * The site search's relevance set, derived from a corpus so it applies to the demo content (unit
 * tests) and to the reference corpus (bench/search.ts) alike:
 *
 * - `titleQueries`: for titles spread over the corpus, the Chinese phrase (2–6 characters) that
 *   the fewest titles hold; relevant = the documents whose title holds it. recall@10 is the share
 *   of them in the top 10 (of the first 10 of them, when more than 10 hold it).
 * - `commonQueries`: Chinese phrases (2–6 characters) of titles and summaries that at least 10
 *   documents contain; precision@10 is the share of the top 10 that contain the phrase.
 * - `randomSubstrings`: 2–8 character substrings at random positions of the indexed text; recall
 *   is the share whose source document is among the results.
 * - `rankingQueries`: 40 hand-picked queries (words, names, phrases, numbers, several words, one
 *   character) for comparing rankings with lunr and for measuring downloads.
 */
import type { SearchDocument } from '../../shared/search/buildIndex'
import { searchFields } from '../../shared/search/format'
import { foldText, queryTokens } from '../../shared/search/tokenize'

// prettier-ignore
export const rankingQueries = [
  '党建', '志愿服务', '红领讲堂', '楼宇综合党委', '百年党史展', '党史学习教育', '一网通办', '张明远', '抗日战争', '改革开放',
  '共产党宣言', '中国共产党', '马克思主义', '习近平', '2023年', '党支部', '白领', '社区', '长征', '遵义会议',
  '人民出版社', '中华书局', '心理健康', '青年', '书记讲党课', '租金减免', '数字经济', '党员 志愿者', '楼宇 党建 服务', '经济',
  '党', '书', '新中国成立', '人民', '企业', '2021', '思政课', '理论学习', '联席会议', '红色 山高',
]

/** Deterministic PRNG (mulberry32). */
export function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const isCjk = (char: string) => /\p{Script=Han}/u.test(char)
const isWordChar = (char: string | undefined) =>
  char !== undefined && /[\p{L}\p{N}]/u.test(char) && !isCjk(char)

export interface TitleQuery {
  query: string
  /** Index documents whose title holds the query. */
  relevant: number[]
}

export interface Substring {
  query: string
  /** The document it was cut from. */
  source: number
  /** It begins or ends inside a number or a Latin word. */
  cutsWord: boolean
}

/** The relevance set of `documents` (in index order: document n is `documents[n]`). */
export function relevanceSet(documents: readonly SearchDocument[]) {
  const foldedFields = documents.map((doc) =>
    searchFields.map((field) => foldText(doc.fields[field])),
  )
  const foldedTitles = documents.map((doc) => foldText(doc.fields.title))
  const contains = (doc: number, query: string) => {
    const folded = foldText(query)
    return foldedFields[doc].some((text) => text.includes(folded))
  }
  const docsContaining = (query: string) =>
    documents.flatMap((_, n) => (contains(n, query) ? [n] : []))

  /** For each of `count` titles spread over the corpus, its rarest Chinese phrase among titles. */
  function titleQueries(count = 60): TitleQuery[] {
    const phrases = (title: string) => {
      const found: string[] = []
      for (const run of title.match(/\p{Script=Han}+/gu) ?? []) {
        for (let length = 2; length <= 6; length++) {
          for (let start = 0; start + length <= run.length; start++)
            found.push(run.slice(start, start + length))
        }
      }
      return found
    }
    // How many titles hold each phrase (counted once per title).
    const titleCounts = new Map<string, number>()
    for (const title of foldedTitles)
      for (const phrase of new Set(phrases(title)))
        titleCounts.set(phrase, (titleCounts.get(phrase) ?? 0) + 1)
    const queries: TitleQuery[] = []
    const step = Math.max(1, Math.floor(documents.length / count))
    for (let n = 0; n < documents.length && queries.length < count; n += step) {
      let best: { query: string; count: number } | null = null
      for (const query of phrases(foldedTitles[n])) {
        const titles = titleCounts.get(query)!
        if (
          !best ||
          titles < best.count ||
          (titles === best.count && query.length < best.query.length)
        )
          best = { query, count: titles }
      }
      if (best && !queries.some((q) => q.query === best.query)) {
        queries.push({
          query: best.query,
          relevant: foldedTitles.flatMap((other, m) => (other.includes(best.query) ? [m] : [])),
        })
      }
    }
    return queries
  }

  /** Chinese phrases (2–6 characters) of titles and summaries that at least `minDocuments` documents contain. */
  function commonQueries(count = 48, minDocuments = 10): string[] {
    const next = random(42)
    const queries: string[] = []
    for (let attempt = 0; queries.length < count && attempt < 20_000; attempt++) {
      const doc = Math.floor(next() * documents.length)
      const text = foldedFields[doc][Math.floor(next() * 2)]
      const length = 2 + (queries.length % 5)
      const start = Math.floor(next() * Math.max(0, text.length - length + 1))
      const query = text.slice(start, start + length)
      if (!/^\p{Script=Han}+$/u.test(query) || query.length !== length || queries.includes(query))
        continue
      if (docsContaining(query).length >= minDocuments) queries.push(query)
    }
    return queries
  }

  /** Every indexed text, for drawing positions uniformly over the corpus. */
  const texts = documents.flatMap((doc, n) =>
    searchFields.map((field) => ({ doc: n, text: doc.fields[field].normalize('NFKC') })),
  )
  const textEnds: number[] = []
  texts.reduce((end, { text }) => (textEnds.push(end + text.length), end + text.length), 0)

  /**
   * Random 2–8 character substrings at positions drawn uniformly over the corpus text, redrawn
   * when they begin or end with white space or hold nothing to search (as typed in a search
   * box). With `alignedToWords`, also redrawn when they cut a number or a Latin word.
   */
  function randomSubstrings(seed: number, count: number, alignedToWords = false): Substring[] {
    const next = random(seed)
    const samples: Substring[] = []
    while (samples.length < count) {
      const position = Math.floor(next() * textEnds.at(-1)!)
      let low = 0
      let high = textEnds.length - 1
      while (low < high) {
        const middle = (low + high) >> 1
        if (textEnds[middle] <= position) low = middle + 1
        else high = middle
      }
      const { doc, text } = texts[low]
      const start = position - (low > 0 ? textEnds[low - 1] : 0)
      const length = 2 + Math.floor(next() * 7)
      const query = text.slice(start, start + length)
      if (
        query.length !== length ||
        query.trim() !== query ||
        queryTokens(query).length === 0 ||
        /[\uD800-\uDFFF]/.test(query)
      )
        continue
      const cutsWord =
        (isWordChar(text[start - 1]) && isWordChar(text[start])) ||
        (isWordChar(text[start + length - 1]) && isWordChar(text[start + length]))
      if (alignedToWords && cutsWord) continue
      samples.push({ query, source: doc, cutsWord })
    }
    return samples
  }

  return { foldedTitles, contains, docsContaining, titleQueries, commonQueries, randomSubstrings }
}

/** recall@10 of one title query: the share of its relevant documents (at most 10 needed) in the top 10. */
export function recallAt10(relevant: readonly number[], top10: readonly number[]): number {
  const top = new Set(top10)
  return relevant.filter((doc) => top.has(doc)).length / Math.min(10, relevant.length)
}
