/**
 * A Vite plugin for the renderer's build: writes first-run.html and locked.html beside
 * index.html, each the built page with its screen already drawn in the mount point. The file
 * server (electron/main/rendererFiles.ts) answers the app's address with the one for the vault's
 * state, so the first screen is painted from the HTML, before any of the app's code is fetched.
 *
 * Why: on a slow machine, fetching, compiling and running the app's code before anything is drawn
 * took two thirds of the time to the first screen; the same screen as plain HTML and CSS is drawn
 * in the time the browser needs for the page itself (BENCHMARKS.md, "First screen").
 *
 * The screens are rendered with Vue's server renderer from the same components the app mounts
 * (renderer/src/prerender/screens.ts), built for that by a second, server-side Vite build with
 * the same Vue plugin and production mode, so the scoped styles' attributes match the client's.
 * An end-to-end test (tests/e2e/prerenderedScreens.spec.ts) compares each with what the app draws.
 *
 * The served page loads the app through boot.js (renderer/public/boot.js) after its first frame,
 * so the app's code does not compete with drawing it. main.ts then mounts over the drawn screen
 * and carries across anything already typed in it (lib/prerenderedInput.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { build, type Plugin, type ResolvedConfig } from 'vite'

/**
 * What renderer/src/prerender/screens.ts answers, per screen ('first-run', 'locked'). Written
 * again here: the build's code is checked apart from the renderer's, and meets it only here.
 */
interface RenderedScreen {
  markup: string
  title: string
}
type RenderedScreens = Record<string, RenderedScreen>

const SCREENS_ENTRY = resolve('renderer/src/prerender/screens.ts')
const MOUNT_POINT = '<div id="app"></div>'

/** The page for one screen, made from the built index.html (exported for its unit test). */
export function prerenderedPage(
  indexHtml: string,
  screen: string,
  rendered: RenderedScreen
): string {
  const entry = /<script type="module"[^>]*\bsrc="([^"]+)"[^>]*><\/script>/.exec(indexHtml)
  if (!entry || !indexHtml.includes(MOUNT_POINT) || !/<title>[^<]*<\/title>/.test(indexHtml)) {
    throw new Error('prerenderFirstScreens: index.html no longer has the shape this plugin expects')
  }
  const preloads = [...indexHtml.matchAll(/<link rel="modulepreload"[^>]*\bhref="([^"]+)"[^>]*>/g)]
  let page = indexHtml.replace(entry[0], '')
  for (const preload of preloads) page = page.replace(preload[0], '')
  const boot =
    `<script defer src="./boot.js" data-entry="${entry[1]}"` +
    ` data-preload="${preloads.map((p) => p[1]).join(' ')}"></script>`
  // Replaced by functions: a replacement string would read "$&" or "$'" in the text as patterns.
  return page
    .replace('</head>', () => `  ${boot}\n  </head>`)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(rendered.title)}</title>`)
    .replace(
      MOUNT_POINT,
      () => `<div id="app" data-prerendered="${screen}">${rendered.markup}</div>`
    )
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** Renders the screens with a server-side build of screens.ts, in a folder removed after. */
async function renderScreens(config: ResolvedConfig): Promise<RenderedScreens> {
  // Inside the project, so the built module finds vue and pinia in node_modules.
  const outDir = mkdtempSync(join(resolve('out'), '.prerender-'))
  try {
    await build({
      configFile: false,
      root: config.root,
      mode: 'production',
      logLevel: 'warn',
      resolve: { alias: config.resolve.alias },
      plugins: [vue()],
      build: {
        ssr: SCREENS_ENTRY,
        outDir,
        emptyOutDir: false,
        minify: false,
        rollupOptions: { output: { entryFileNames: 'screens.mjs' } }
      }
    })
    const module = (await import(pathToFileURL(join(outDir, 'screens.mjs')).href)) as {
      renderFirstScreens: () => Promise<RenderedScreens>
    }
    return await module.renderFirstScreens()
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}

export function prerenderFirstScreens(): Plugin {
  let config: ResolvedConfig
  return {
    name: 'lantern:prerender-first-screens',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    async closeBundle() {
      const outDir = resolve(config.root, config.build.outDir)
      const indexHtml = readFileSync(join(outDir, 'index.html'), 'utf8')
      const screens = await renderScreens(config)
      for (const [screen, rendered] of Object.entries(screens)) {
        writeFileSync(join(outDir, `${screen}.html`), prerenderedPage(indexHtml, screen, rendered))
      }
    }
  }
}
