/**
 * The site's only inline scripts, kept here as text so the pages render them (`set:html`) and the
 * servers hash exactly the same bytes into their Content-Security-Policy
 * (site/server/securityHeaders.ts). A new inline script goes here, or the browser refuses it.
 */

/** Header: imports the search box's code on the box's first focus or keystroke. */
export const searchLoaderScript = `(()=>{const h=document.getElementById('site-search-host'),e=['focusin','input'],l=()=>{e.forEach(n=>h.removeEventListener(n,l));import('/search/box.js')};e.forEach(n=>h.addEventListener(n,l))})()`

/** Lecture page: chapter links (`#t=<seconds>`) seek the player. */
export const chapterSeekScript = `(()=>{const p=document.getElementById("player");if(!p)return;const seek=(h,play)=>{const m=/^#t=(\\d+)$/.exec(h);if(!m)return!1;const go=()=>{p.currentTime=+m[1]};if(p.readyState)go();else{p.addEventListener("loadedmetadata",go,{once:!0});if(!play){p.preload="metadata";p.load()}}if(play)p.play().catch(()=>{});return!0};document.addEventListener("click",e=>{const a=e.target.closest&&e.target.closest('a[href^="#t="]');if(a&&seek(a.getAttribute("href"),1)){e.preventDefault();history.replaceState(null,"",a.href)}});seek(location.hash)})()`

/** Search page: hides the no-JavaScript explanation. */
export const searchNoJsScript = `document.getElementById('search-nojs').hidden = true`

export const siteInlineScripts = [searchLoaderScript, chapterSeekScript, searchNoJsScript]
