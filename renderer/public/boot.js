/*
 * Starts the app on a page served with its first screen already drawn (first-run.html,
 * locked.html; see tools/build/prerenderFirstScreens.ts). The app's code is fetched after the
 * first frame, so fetching and compiling it does not hold back drawing the screen.
 *
 * Until the app has mounted (main.ts removes the mount point's data-prerendered), the drawn
 * screen's buttons are not the app's: a click on one is held here and its place noted on the
 * mount point, and main.ts clicks the same button of the app's screen once it is there
 * (lib/prerenderedScreen.ts). Pressing Enter in a field clicks the form's submit button too, so
 * that is held the same way. Nothing is sent anywhere meanwhile.
 *
 * A classic script, not a module, and written by hand: it must run before any of the app's code
 * and stay this small.
 */
;(() => {
  const self = document.currentScript
  const mountPoint = document.getElementById('app')
  const drawnOnly = () => mountPoint.dataset.prerendered !== undefined

  document.addEventListener(
    'click',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null
      if (!drawnOnly() || !button || !mountPoint.contains(button)) return
      event.preventDefault()
      const buttons = [...mountPoint.querySelectorAll('button')]
      mountPoint.dataset.pendingClick = String(buttons.indexOf(button))
    },
    true
  )
  // A form of the drawn screen is never sent by the browser (the CSP forbids it anyway).
  document.addEventListener(
    'submit',
    (event) => {
      if (drawnOnly()) event.preventDefault()
    },
    true
  )

  const start = () => {
    for (const href of (self.dataset.preload || '').split(' ').filter(Boolean)) {
      const link = document.createElement('link')
      link.rel = 'modulepreload'
      link.href = href
      document.head.append(link)
    }
    const entry = document.createElement('script')
    entry.type = 'module'
    entry.src = self.dataset.entry
    document.head.append(entry)
  }
  // The callback runs just before the first frame is drawn; the timer's, once it has been.
  requestAnimationFrame(() => setTimeout(start, 0))
})()
