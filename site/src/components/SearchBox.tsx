/**
 * The header's search box: a form to /search/?q= that works without JavaScript, and once hydrated
 * (`client:focus`: on the first focus or keystroke, never before) an ARIA 1.2 combobox whose
 * listbox shows the best results as the visitor types. ↑/↓ move through them, Enter opens the one
 * selected (or, with none selected, submits to the results page), Esc closes the list; a click or
 * tap opens a result. The panel overlays the page, so nothing below it moves.
 */
import { useEffect, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react'
import {
  findTop,
  loadSearchIndex,
  searchInputAttributes,
  searchPageUrl,
  searchUrl,
  typeLabels,
  type FoundDocument,
} from './SearchClient'
import SearchEmpty from './SearchEmpty'
import SearchHighlight from './SearchHighlight'
import { momentUrl, useMoments } from './SearchMoments'

/** One array for "no results", so the moments hook sees the same list between renders. */
const emptyResults: FoundDocument[] = []

/**
 * Results in the list; the rest are a link away on /search/. Six display files at most, which a
 * browser fetches at once (six connections per host).
 */
const shownResults = 6
const inputId = 'site-search'
const listId = 'site-search-results'
const optionId = (i: number) => `site-search-option-${i}`

interface Shown {
  query: string
  total: number
  results: FoundDocument[]
}

export default function SearchBox() {
  const [value, setValue] = useState('')
  const [shown, setShown] = useState<Shown | null>(null)
  const [status, setStatus] = useState<'idle' | 'searching' | 'done' | 'failed'>('idle')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const input = useRef<HTMLInputElement>(null)
  /** The query whose results may be shown; answers to older ones are dropped. */
  const latest = useRef('')

  async function run(query: string) {
    setStatus('searching')
    try {
      const { total, documents } = await findTop(query, shownResults)
      if (latest.current !== query) return
      setShown({ query, total, results: documents })
      setStatus('done')
      setActive(-1)
      setOpen(true)
    } catch {
      if (latest.current === query) {
        setStatus('failed')
        setOpen(true)
      }
    }
  }

  /** Searches as the visitor types: every query at once (shards fetched for it serve later ones). */
  function schedule(text: string) {
    const query = text.trim()
    if (query === latest.current && status !== 'failed' && status !== 'idle') return
    latest.current = query
    if (!query) {
      setShown(null)
      setStatus('idle')
      setOpen(false)
      setActive(-1)
      return
    }
    void run(query)
  }

  useEffect(() => {
    // Hydrated because the visitor is about to search: fetch the manifest now, and take over
    // whatever was typed while the island loaded.
    loadSearchIndex().catch(() => {})
    const typed = input.current?.value ?? ''
    if (typed) {
      setValue(typed)
      schedule(typed)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    setValue(event.target.value)
    // While an input method composes (pinyin → 汉字), wait for the characters it commits.
    if (!(event.nativeEvent as InputEvent).isComposing) schedule(event.target.value)
  }

  const results = shown?.results ?? emptyResults
  const moments = useMoments(results, shown?.query ?? '')
  const urlOf = (result: FoundDocument) => momentUrl(result.url, moments.get(result.doc))
  const expanded = open && results.length > 0
  const go = (url: string) => window.location.assign(url)

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing) return
    const count = results.length
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (count === 0) return
      event.preventDefault()
      const down = event.key === 'ArrowDown'
      if (!expanded) {
        setOpen(true)
        setActive(down ? 0 : count - 1)
      } else {
        setActive(down ? (active + 1) % count : active <= 0 ? count - 1 : active - 1)
      }
    } else if (event.key === 'Enter') {
      // With a result selected, open it; otherwise the form submits to the results page.
      if (expanded && active >= 0) {
        event.preventDefault()
        go(urlOf(results[active]))
      }
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault()
        setOpen(false)
        setActive(-1)
      }
    }
  }

  const query = shown?.query ?? ''
  // Announced by screen readers: the outcome of each search, not every keystroke.
  const statusText =
    status === 'failed'
      ? '搜索暂时不可用，请稍后再试。'
      : !shown
        ? ''
        : shown.total > 0
          ? `找到 ${shown.total} 条结果${shown.total > results.length ? `，列出前 ${results.length} 条` : ''}，按上下方向键选择，回车打开。`
          : `没有找到与“${shown.query}”相关的内容。`
  const panelVisible = open && value.trim() !== '' && (status === 'failed' || shown !== null)

  // data-query: the query whose results are shown (bench/search.ts times results by it).
  return (
    <form
      className="site-search"
      role="search"
      aria-label="全站搜索"
      data-query={shown?.query}
      action={searchPageUrl}
      method="get"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) {
          setOpen(false)
          setActive(-1)
        }
      }}
    >
      <label htmlFor={inputId} className="visually-hidden">
        搜索全站
      </label>
      <input
        ref={input}
        id={inputId}
        className="site-search__input"
        {...searchInputAttributes}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        onChange={onChange}
        onCompositionEnd={(event) => schedule(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        onFocus={() => shown && setOpen(true)}
      />
      <button type="submit" className="site-search__button">
        搜索
      </button>
      <div className="search-panel" hidden={!panelVisible}>
        {shown && shown.total > 0 && (
          <p className="search-panel__count" aria-hidden="true">
            共 {shown.total} 条结果
          </p>
        )}
        <ul
          role="listbox"
          id={listId}
          aria-label="搜索结果"
          className="search-options"
          hidden={!expanded}
        >
          {results.map((result, i) => (
            <li
              key={result.doc}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className="search-option"
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => i !== active && setActive(i)}
              onClick={() => go(urlOf(result))}
            >
              <span className="search-type">{typeLabels[result.type]}</span>
              <span className="search-option__title">
                <SearchHighlight text={result.title} query={query} />
              </span>
              <span className="search-option__lead">
                {moments.has(result.doc) ? (
                  <>
                    <span className="search-moment__time">{moments.get(result.doc)!.time}</span>
                    <SearchHighlight text={moments.get(result.doc)!.snippet} query={query} />
                  </>
                ) : (
                  <SearchHighlight text={result.lead} query={query} />
                )}
              </span>
            </li>
          ))}
        </ul>
        {status === 'failed' && (
          <p className="search-panel__note">搜索暂时不可用，请稍后再试，或直接浏览各栏目。</p>
        )}
        {status !== 'failed' && shown?.total === 0 && <SearchEmpty query={shown.query} />}
        {shown && shown.total > 0 && (
          <p className="search-panel__more">
            <a href={searchUrl(shown.query)}>查看全部 {shown.total} 条结果</a>
          </p>
        )}
      </div>
      <p role="status" className="visually-hidden">
        {statusText}
      </p>
    </form>
  )
}
