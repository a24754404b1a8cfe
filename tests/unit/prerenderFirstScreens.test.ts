/**
 * The build's drawn pages (tools/build/prerenderFirstScreens.ts): the built index.html with the
 * screen in its mount point, the app started by boot.js instead of its module script. That the
 * markup is the app's own drawing is checked end to end (tests/e2e/prerenderedScreens.spec.ts).
 */
import { describe, expect, it } from 'vitest'
import { prerenderedPage } from '../../tools/build/prerenderFirstScreens.ts'

const BUILT_INDEX = `<!doctype html>
<html lang="en">
  <head>
    <title>Lantern</title>
    <script type="module" crossorigin src="./assets/index-abc.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/vendor-def.js">
    <link rel="stylesheet" crossorigin href="./assets/index-ghi.css">
  </head>
  <body>
    <div id="app"></div>
  </body>
</html>`

describe('prerenderedPage', () => {
  const page = prerenderedPage(BUILT_INDEX, 'locked', {
    markup: '<main><h1 tabindex="-1">Lantern is locked</h1></main>',
    title: 'Locked — Lantern & "co" <x>'
  })

  it('puts the screen in the mount point, marked with its name', () => {
    expect(page).toContain(
      '<div id="app" data-prerendered="locked"><main><h1 tabindex="-1">Lantern is locked</h1></main></div>'
    )
  })

  it('gives the page the screen’s title, escaped', () => {
    expect(page).toContain('<title>Locked — Lantern &#38; &#34;co&#34; &#60;x&#62;</title>')
  })

  it('starts the app from boot.js, after the first frame, with the same scripts', () => {
    expect(page).not.toContain('type="module"')
    expect(page).not.toContain('rel="modulepreload"')
    expect(page).toContain(
      '<script defer src="./boot.js" data-entry="./assets/index-abc.js" data-preload="./assets/vendor-def.js"></script>'
    )
    // The styles still come first: the drawn screen needs them for its first paint.
    expect(page).toContain('<link rel="stylesheet" crossorigin href="./assets/index-ghi.css">')
  })

  it("puts markup and title in as written, even holding $& or $' (no replacement patterns)", () => {
    const withDollars = prerenderedPage(BUILT_INDEX, 'first-run', {
      markup: "<p>Costs $& and $' stay</p>",
      title: '$& — Lantern'
    })
    expect(withDollars).toContain(
      '<div id="app" data-prerendered="first-run"><p>Costs $& and $\' stay</p></div>'
    )
    expect(withDollars).toContain('<title>$&#38; — Lantern</title>')
  })

  it('refuses an index.html it does not recognise rather than write a broken page', () => {
    expect(() =>
      prerenderedPage(
        BUILT_INDEX.replace('<div id="app"></div>', '<div id="root"></div>'),
        'locked',
        {
          markup: '',
          title: ''
        }
      )
    ).toThrow(/no longer has the shape/)
    expect(() =>
      prerenderedPage(BUILT_INDEX.replace(/<script type="module"[^>]*><\/script>/, ''), 'locked', {
        markup: '',
        title: ''
      })
    ).toThrow(/no longer has the shape/)
  })
})
