/**
 * Client entry of the header search box, built to /search/box.js (see
 * site/integrations/searchIndex.ts) and imported by the header's inline loader on the box's first
 * focus or keystroke: hydrates the form Astro rendered with SearchBox.
 */
import { createElement } from 'react'
import { hydrateRoot } from 'react-dom/client'
import SearchBox from './SearchBox'

const host = document.getElementById('site-search-host')
if (host && !host.dataset.hydrated) {
  host.dataset.hydrated = 'true'
  hydrateRoot(host, createElement(SearchBox))
}
