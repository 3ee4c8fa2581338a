/**
 * The site's only inline scripts, kept here as text so the pages render them (`set:html`) and the
 * servers hash exactly the same bytes into their Content-Security-Policy
 * (site/server/securityHeaders.ts). A new inline script goes here, or the browser refuses it.
 */

/** Header: imports the search box's code on the box's first focus or keystroke. */
export const searchLoaderScript = `(()=>{const h=document.getElementById('site-search-host'),e=['focusin','input'],l=()=>{e.forEach(n=>h.removeEventListener(n,l));import('/search/box.js')};e.forEach(n=>h.addEventListener(n,l))})()`

/** Search page: hides the no-JavaScript explanation. */
export const searchNoJsScript = `document.getElementById('search-nojs').hidden = true`

export const siteInlineScripts = [searchLoaderScript, searchNoJsScript]
