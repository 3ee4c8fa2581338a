/**
 * The /search/ page's island: reads `q` (and `type`) from the URL, shows every result with counts
 * by type and a type filter, highlighted titles and leads, 10 at a time. The URL follows the
 * query and the filter (history.replaceState), so a search can be shared or bookmarked. Keyboard:
 * ↓ from the box goes to the first result, ↑/↓ move between results, ↑ from the first returns to
 * the box.
 */
import { useEffect, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react'
import type { SearchDocumentType } from '../../../shared/search/format'
import {
  display,
  findAll,
  hitsOfType,
  searchInputAttributes,
  searchPageUrl,
  searchTypes,
  searchUrl,
  typeLabels,
  type Found,
  type FoundDocument,
} from './SearchClient'
import SearchEmpty from './SearchEmpty'
import SearchHighlight from './SearchHighlight'
import { momentUrl, useMoments } from './SearchMoments'

const pageSize = 10
const inputId = 'search-page-q'

const isType = (value: string | null): value is SearchDocumentType =>
  searchTypes.includes(value as SearchDocumentType)

export default function SearchPage({ siteName }: { siteName: string }) {
  const [value, setValue] = useState('')
  const [type, setType] = useState<SearchDocumentType | null>(null)
  const [found, setFound] = useState<Found | null>(null)
  const [status, setStatus] = useState<'idle' | 'searching' | 'done' | 'failed'>('idle')
  const [limit, setLimit] = useState(pageSize)
  const [shown, setShown] = useState<{ query: string; documents: FoundDocument[] }>({
    query: '',
    documents: [],
  })
  /** The query being searched; answers to older ones are dropped. */
  const latest = useRef('')
  const typeRef = useRef<SearchDocumentType | null>(null)
  const list = useRef<HTMLOListElement>(null)

  function syncUrl(query: string, selected: SearchDocumentType | null) {
    window.history.replaceState(window.history.state, '', searchUrl(query, selected))
    document.title = query ? `“${query}”的搜索结果 · ${siteName}` : `站内搜索 · ${siteName}`
  }

  async function run(query: string) {
    setStatus('searching')
    try {
      const result = await findAll(query)
      if (latest.current !== query) return
      setLimit(pageSize)
      setFound(result)
    } catch {
      if (latest.current === query) setStatus('failed')
    }
  }

  function schedule(text: string) {
    const query = text.trim()
    if (query === latest.current && found?.query === query) return
    latest.current = query
    syncUrl(query, typeRef.current)
    if (!query) {
      setFound(null)
      setShown({ query: '', documents: [] })
      setStatus('idle')
      return
    }
    void run(query)
  }

  useEffect(() => {
    const params = new URLSearchParams(window.location.search)
    const query = params.get('q') ?? ''
    const selected = params.get('type')
    typeRef.current = isType(selected) ? selected : null
    setType(typeRef.current)
    setValue(query)
    if (query.trim()) schedule(query)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  // Display data for the results on screen: the selected type, the first `limit`.
  useEffect(() => {
    if (!found) return
    let current = true
    display(found, hitsOfType(found, type).slice(0, limit))
      .then((documents) => {
        if (!current) return
        setShown({ query: found.query, documents })
        setStatus('done')
      })
      .catch(() => current && setStatus('failed'))
    return () => {
      current = false
    }
  }, [found, type, limit])

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    setValue(event.target.value)
    if (!(event.nativeEvent as InputEvent).isComposing) schedule(event.target.value)
  }

  function selectType(selected: SearchDocumentType | null) {
    typeRef.current = selected
    setType(selected)
    setLimit(pageSize)
    syncUrl(latest.current, selected)
  }

  const resultLinks = () =>
    Array.from(list.current?.querySelectorAll<HTMLAnchorElement>('.search-result__title a') ?? [])

  function onInputKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && !event.nativeEvent.isComposing && resultLinks().length > 0) {
      event.preventDefault()
      resultLinks()[0].focus()
    }
  }

  function onResultsKeyDown(event: KeyboardEvent<HTMLOListElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    const links = resultLinks()
    const at = links.indexOf(document.activeElement as HTMLAnchorElement)
    if (at < 0) return
    event.preventDefault()
    if (event.key === 'ArrowDown') links[Math.min(at + 1, links.length - 1)].focus()
    else if (at === 0) document.getElementById(inputId)?.focus()
    else links[at - 1].focus()
  }

  const moments = useMoments(shown.documents, shown.query)
  const hits = found ? hitsOfType(found, type) : []
  const query = found?.query ?? ''
  const statusText =
    status === 'failed'
      ? '搜索暂时不可用，请稍后再试。'
      : !found
        ? status === 'searching'
          ? '正在搜索……'
          : '输入关键词，搜索活动新闻、展品、讲座和馆藏图书。'
        : `找到 ${hits.length} 条与“${query}”相关的${type ? typeLabels[type] : '结果'}${hits.length > shown.documents.length && shown.documents.length > 0 ? `，显示前 ${shown.documents.length} 条` : ''}。`

  return (
    <div className="search-page">
      <form
        className="search-form"
        role="search"
        aria-label="搜索页"
        action={searchPageUrl}
        method="get"
        onSubmit={(event) => {
          event.preventDefault()
          schedule(value)
        }}
      >
        <label htmlFor={inputId} className="visually-hidden">
          搜索关键词
        </label>
        <input
          id={inputId}
          className="search-form__input"
          {...searchInputAttributes}
          value={value}
          onChange={onChange}
          onCompositionEnd={(event) => schedule(event.currentTarget.value)}
          onKeyDown={onInputKeyDown}
        />
        <button type="submit" className="button search-form__button">
          搜索
        </button>
      </form>
      <fieldset className="search-filter">
        <legend className="visually-hidden">按类型筛选</legend>
        {[null, ...searchTypes].map((option) => (
          <label key={option ?? 'all'} className="search-filter__option">
            <input
              type="radio"
              name="type"
              value={option ?? ''}
              checked={type === option}
              onChange={() => selectType(option)}
            />
            <span>{option ? typeLabels[option] : '全部'}</span>
            <span className="count">
              {found ? (option ? found.counts[option] : found.hits.length) : ''}
            </span>
          </label>
        ))}
      </fieldset>
      <p role="status" className="search-status">
        {statusText}
      </p>
      {shown.documents.length > 0 && (
        <ol className="search-results" ref={list} onKeyDown={onResultsKeyDown}>
          {shown.documents.map((result) => (
            <li key={result.doc} className="search-result">
              <h2 className="search-result__title">
                <span className="search-type">{typeLabels[result.type]}</span>
                <a href={momentUrl(result.url, moments.get(result.doc))}>
                  <SearchHighlight text={result.title} query={shown.query} />
                </a>
              </h2>
              {moments.has(result.doc) && (
                <p className="search-result__moment">
                  <a
                    className="search-moment__time"
                    href={momentUrl(result.url, moments.get(result.doc))}
                    aria-label={`从 ${moments.get(result.doc)!.time} 开始收听`}
                  >
                    {moments.get(result.doc)!.time}
                  </a>
                  <SearchHighlight text={moments.get(result.doc)!.snippet} query={shown.query} />
                </p>
              )}
              {result.lead && (
                <p className="search-result__lead">
                  <SearchHighlight text={result.lead} query={shown.query} />
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {found && hits.length > shown.documents.length && shown.documents.length > 0 && (
        <p className="search-more">
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setLimit(limit + pageSize)}
          >
            显示更多结果（还有 {hits.length - shown.documents.length} 条）
          </button>
        </p>
      )}
      {found && status === 'done' && found.hits.length === 0 && <SearchEmpty query={found.query} />}
      {found && status === 'done' && found.hits.length > 0 && hits.length === 0 && type && (
        <p className="search-empty">
          {typeLabels[type]}中没有与“{found.query}”相关的结果。
          <button type="button" className="button button--quiet" onClick={() => selectType(null)}>
            查看全部 {found.hits.length} 条结果
          </button>
        </p>
      )}
    </div>
  )
}
