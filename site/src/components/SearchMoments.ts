/**
 * Search hits inside a lecture's transcript: for a lecture result whose timed transcript holds
 * the query, the moment it is said, so the result links to the lecture at that time (`#t=`) and
 * shows the time. The transcript file (`moments` in the display data) is fetched only for lecture
 * results on screen, once per page.
 */
import { useEffect, useState } from 'react'
import { queryTermsByRun } from '../../../shared/search/tokenize'
import type { FoundDocument } from './SearchClient'

export interface Moment {
  seconds: number
  /** `mm:ss` or `h:mm:ss`. */
  time: string
  /** Around the hit, at most ~60 characters. */
  snippet: string
}

type Segment = { startTime: number; body: string }

const transcripts = new Map<string, Promise<Segment[]>>()

function segmentsOf(url: string): Promise<Segment[]> {
  let loading = transcripts.get(url)
  if (!loading) {
    loading = fetch(url)
      .then((response) => (response.ok ? response.json() : { segments: [] }))
      .then((json: { segments?: Segment[] }) => json.segments ?? [])
      .catch(() => [])
    transcripts.set(url, loading)
  }
  return loading
}

function clock(seconds: number): string {
  const whole = Math.floor(seconds)
  const pad = (value: number) => String(value).padStart(2, '0')
  const rest = `${pad(Math.floor(whole / 60) % 60)}:${pad(whole % 60)}`
  return whole >= 3600 ? `${Math.floor(whole / 3600)}:${rest}` : rest
}

/** The first segment holding every term of the query (folded as the index folds), or null. */
export async function findMoment(document: FoundDocument, query: string): Promise<Moment | null> {
  if (!document.moments) return null
  const terms = queryTermsByRun(query).flat()
  if (terms.length === 0) return null
  for (const segment of await segmentsOf(document.moments)) {
    const folded = segment.body.normalize('NFKC').toLowerCase()
    if (!terms.every((term) => folded.includes(term))) continue
    const at = Math.max(0, folded.indexOf(terms[0]) - 20)
    const chars = Array.from(segment.body.replace(/\s+/g, ' '))
    const snippet = chars.slice(at, at + 60).join('')
    return {
      seconds: segment.startTime,
      time: clock(segment.startTime),
      snippet: `${at > 0 ? '…' : ''}${snippet}${at + 60 < chars.length ? '…' : ''}`,
    }
  }
  return null
}

/** A result's address: at the moment, when the hit is inside the transcript. */
export const momentUrl = (url: string, moment: Moment | undefined) =>
  moment ? `${url}#t=${Math.floor(moment.seconds)}` : url

/** The moments of the lecture results shown, by document number (filled in as they arrive). */
export function useMoments(documents: FoundDocument[], query: string): Map<number, Moment> {
  const [found, setFound] = useState<{
    documents: FoundDocument[]
    query: string
    moments: Map<number, Moment>
  } | null>(null)
  useEffect(() => {
    let current = true
    const lectures = documents.filter((document) => document.moments)
    if (lectures.length === 0) return
    void Promise.all(
      lectures.map(async (document) => [document.doc, await findMoment(document, query)] as const),
    ).then((entries) => {
      if (!current) return
      const moments = new Map<number, Moment>()
      for (const [doc, moment] of entries) if (moment) moments.set(doc, moment)
      setFound({ documents, query, moments })
    })
    return () => {
      current = false
    }
  }, [documents, query])
  return found && found.documents === documents && found.query === query ? found.moments : new Map()
}
