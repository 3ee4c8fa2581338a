/**
 * The header search box's server-rendered HTML, rendered by React once per build: SearchBox has no
 * props, so every page gets the same form (which SearchBoxHydrate.ts hydrates on first focus).
 * Rendering it through the React renderer on each page cost ~n s of a 37,000-page build.
 */
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import SearchBox from './SearchBox'

let markup: string | undefined

export const searchBoxMarkup = (): string => (markup ??= renderToString(createElement(SearchBox)))
