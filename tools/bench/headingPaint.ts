/**
 * When the first screen's h1 was painted, as the browser reports it (Element Timing): scripts
 * run in the page by the first-screen bench and by the end-to-end test that checks what the
 * first screen waits for. Kept apart from firstScreen.ts, which only runs as a script.
 */
const TIMING_NAME = 'lantern-first-screen'
/**
 * Runs in the page before any of its scripts: every h1 gets the Element Timing attribute as it
 * is inserted (the observer's callback runs before the next paint). Only the first screen's
 * views have an h1; the brief "starting" screen has none.
 */
export const MARK_HEADINGS = `
new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (!(node instanceof Element)) continue;
      const headings = node.matches('h1') ? [node] : node.querySelectorAll('h1');
      for (const h1 of headings) h1.setAttribute('elementtiming', '${TIMING_NAME}');
    }
  }
}).observe(document, { childList: true, subtree: true });
`

/**
 * Runs in the page: the h1's paint time from its Element Timing entry (text entries carry
 * renderTime; loadTime is for images). Buffered, so an entry reported before this runs counts.
 */
export const HEADING_PAINT_TIME = `
new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('no Element Timing entry for the h1')), 5000);
  new PerformanceObserver((list, observer) => {
    const entry = list.getEntries().find((e) => e.identifier === '${TIMING_NAME}');
    if (!entry) return;
    clearTimeout(timer);
    observer.disconnect();
    resolve(entry.renderTime);
  }).observe({ type: 'element', buffered: true });
})
`
