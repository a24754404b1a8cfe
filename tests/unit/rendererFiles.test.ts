import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, sep } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  createRendererHandler,
  mimeTypeFor,
  pageFiles,
  rendererFileForPath,
  resolveRendererFile
} from '../../electron/main/rendererFiles.ts'
import type { VaultState } from '../../electron/shared/contract.ts'
import { escapingPaths } from './helpers/traversal.ts'

const CSP = "default-src 'none'"

describe('resolveRendererFile', () => {
  const root = join(tmpdir(), 'lantern-renderer')

  it('maps app URLs into the folder, directories to index.html', () => {
    expect(resolveRendererFile('lantern://app/', root)).toBe(join(root, 'index.html'))
    expect(resolveRendererFile('lantern://app/assets/a.js?v=1#x', root)).toBe(
      join(root, 'assets', 'a.js')
    )
    expect(resolveRendererFile('lantern://app/assets/', root)).toBe(
      join(root, 'assets', 'index.html')
    )
    expect(resolveRendererFile('lantern://app/fonts/Atkinson%20Hyperlegible.woff2', root)).toBe(
      join(root, 'fonts', 'Atkinson Hyperlegible.woff2')
    )
  })

  it.each([
    'lantern://evil/index.html',
    'lantern://app@evil/index.html',
    'lantern://u:p@app/index.html',
    'file:///etc/passwd',
    'https://app/index.html',
    'lantern://app/..%2F..%2Fetc%2Fpasswd',
    'lantern://app/assets%2F..%2F..%2F..%2Fetc%2Fpasswd',
    'lantern://app/..%5C..%5Csecret',
    'lantern://app/index.html%00.png',
    'lantern://app/%E0%A4%A',
    'not a url'
  ])('refuses %s', (url) => {
    expect(resolveRendererFile(url, root)).toBeNull()
  })

  it('keeps dot-segments inside the folder', () => {
    expect(resolveRendererFile('lantern://app/../../etc/passwd', root)).toBe(
      join(root, 'etc', 'passwd')
    )
    expect(resolveRendererFile('lantern://app/%2e%2e/%2e%2e/secret', root)).toBe(
      join(root, 'secret')
    )
  })
})

/** Files beside the renderer folder; the last one's folder name starts like the renderer's. */
const BESIDE = ['package.json', 'outside.txt', 'vault/vault.key.json', 'renderer-secret/key.txt']

describe('rendererFileForPath, the lookup the lantern:// protocol and the loopback bridge share', () => {
  const parent = join(tmpdir(), 'lantern-parent')
  const root = join(parent, 'renderer')

  it('maps request paths into the folder, directories to index.html', () => {
    expect(rendererFileForPath('/', root)).toBe(join(root, 'index.html'))
    expect(rendererFileForPath('/assets/a.js', root)).toBe(join(root, 'assets', 'a.js'))
    expect(rendererFileForPath('/fonts/Atkinson%20Hyperlegible.woff2', root)).toBe(
      join(root, 'fonts', 'Atkinson Hyperlegible.woff2')
    )
    // A double-encoded name is decoded once: it stays a name inside the folder.
    expect(rendererFileForPath('/%252e%252e%252fpackage.json', root)).toBe(
      join(root, '%2e%2e%2fpackage.json')
    )
  })

  it('never names a file outside the folder, however the path is written', () => {
    for (const name of BESIDE) {
      const outside = join(parent, name)
      for (const path of escapingPaths(name, outside)) {
        const file = rendererFileForPath(path, root)
        expect(file === null || file.startsWith(root + sep), `${path} gave ${file}`).toBe(true)
        expect(file, path).not.toBe(outside)
      }
    }
  })

  it('refuses dot-segments, backslashes and NUL rather than resolving them', () => {
    for (const name of BESIDE) {
      for (const path of escapingPaths(name, join(parent, name))) {
        let decoded: string | null
        try {
          decoded = decodeURIComponent(path)
        } catch {
          decoded = null
        }
        const suspicious =
          decoded === null ||
          decoded.split('/').includes('..') ||
          decoded.includes('\\') ||
          decoded.includes('\0')
        if (suspicious) expect(rendererFileForPath(path, root), path).toBeNull()
      }
    }
    expect(rendererFileForPath('assets/a.js', root)).toBeNull()
    expect(rendererFileForPath('', root)).toBeNull()
  })

  it('gives resolveRendererFile the same answer for lantern://app URLs', () => {
    for (const name of BESIDE) {
      const outside = join(parent, name)
      for (const path of escapingPaths(name, outside)) {
        const file = resolveRendererFile(`lantern://app${path}`, root)
        expect(file === null || file.startsWith(root + sep), `${path} gave ${file}`).toBe(true)
        expect(file, path).not.toBe(outside)
      }
    }
  })
})

describe('mimeTypeFor', () => {
  it('names the types the renderer build emits', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8')
    expect(mimeTypeFor('a.JS')).toBe('text/javascript; charset=utf-8')
    expect(mimeTypeFor('a.css')).toBe('text/css; charset=utf-8')
    expect(mimeTypeFor('a.svg')).toBe('image/svg+xml')
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2')
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream')
  })
})

describe('createRendererHandler', () => {
  let base: string
  let rendererDir: string
  let handle: (request: Request) => Promise<Response>

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'lantern-protocol-'))
    rendererDir = join(base, 'renderer')
    mkdirSync(join(rendererDir, 'assets'), { recursive: true })
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Lantern</title>')
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
    // A sibling whose name starts like the folder: a prefix check alone would let it through.
    mkdirSync(join(base, 'renderer-secret'))
    writeFileSync(join(base, 'renderer-secret', 'key.txt'), 'secret')
    writeFileSync(join(base, 'outside.txt'), 'secret')
    writeFileSync(join(base, 'package.json'), 'secret')
    mkdirSync(join(base, 'vault'))
    writeFileSync(join(base, 'vault', 'vault.key.json'), 'secret')
    handle = createRendererHandler(rendererDir, CSP)
  })
  afterAll(() => rmSync(base, { recursive: true, force: true }))

  it('serves index.html with its type and the CSP header', async () => {
    const response = await handle(new Request('lantern://app/'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CSP)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toContain('<title>Lantern</title>')
  })

  it('serves scripts as JavaScript', async () => {
    const response = await handle(new Request('lantern://app/assets/app.js'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  })

  it.each([
    'lantern://app/missing.js',
    'lantern://app/assets',
    'lantern://evil/index.html',
    'lantern://app/..%2Foutside.txt',
    'lantern://app/..%2Frenderer-secret%2Fkey.txt'
  ])('answers 404 for %s', async (url) => {
    const response = await handle(new Request(url))
    expect(response.status).toBe(404)
    expect(response.headers.get('content-security-policy')).toBe(CSP)
  })

  it('answers 404, and no file, to every path that tries to leave the folder', async () => {
    for (const name of BESIDE) {
      for (const path of escapingPaths(name, join(base, name))) {
        let request: Request
        try {
          request = new Request(`lantern://app${path}`)
        } catch {
          continue // Not a URL at all: Chromium would never hand it to the handler.
        }
        const response = await handle(request)
        expect(response.status, path).toBe(404)
        expect(await response.text(), path).toBe('')
      }
    }
  })

  it('answers only GET', async () => {
    const response = await handle(new Request('lantern://app/index.html', { method: 'POST' }))
    expect(response.status).toBe(405)
  })
})

describe('the app page served with the first screen for the vault already drawn', () => {
  let rendererDir: string
  const pages = {
    index: '<title>draws itself</title>',
    firstRun: '<title>welcome, drawn</title>',
    locked: '<title>unlock, drawn</title>'
  }

  beforeAll(() => {
    rendererDir = mkdtempSync(join(tmpdir(), 'lantern-pages-'))
    writeFileSync(join(rendererDir, 'index.html'), pages.index)
    writeFileSync(join(rendererDir, 'first-run.html'), pages.firstRun)
    writeFileSync(join(rendererDir, 'locked.html'), pages.locked)
  })
  afterAll(() => rmSync(rendererDir, { recursive: true, force: true }))

  const pageFor = async (state: VaultState | null, url = 'lantern://app/') => {
    const response = await createRendererHandler(rendererDir, CSP, () => state)(new Request(url))
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CSP)
    return response.text()
  }

  it('answers the welcome for no vault, the unlock screen for a locked one', async () => {
    expect(await pageFor('none')).toBe(pages.firstRun)
    expect(await pageFor('locked')).toBe(pages.locked)
    expect(await pageFor('locked', 'lantern://app/index.html')).toBe(pages.locked)
  })

  it('answers the page that draws itself for an open vault or a state not known', async () => {
    expect(await pageFor('unlocked')).toBe(pages.index)
    expect(await pageFor(null)).toBe(pages.index)
  })

  it('asks for the state at each request: a reload shows the screen for the state then', async () => {
    let state: VaultState = 'none'
    const handle = createRendererHandler(rendererDir, CSP, () => state)
    expect(await (await handle(new Request('lantern://app/'))).text()).toBe(pages.firstRun)
    state = 'locked'
    expect(await (await handle(new Request('lantern://app/'))).text()).toBe(pages.locked)
  })

  it('falls back to index.html when the build wrote no drawn page', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'lantern-pages-bare-'))
    try {
      writeFileSync(join(bare, 'index.html'), pages.index)
      const response = await createRendererHandler(
        bare,
        CSP,
        () => 'none'
      )(new Request('lantern://app/'))
      expect(await response.text()).toBe(pages.index)
    } finally {
      rmSync(bare, { recursive: true, force: true })
    }
  })

  it('changes nothing for any other file', () => {
    const asset = join(rendererDir, 'assets', 'app.js')
    const state = vi.fn(() => 'none' as const)
    expect(pageFiles(asset, rendererDir, state)).toEqual([asset])
    expect(pageFiles(join(rendererDir, 'locked.html'), rendererDir, state)).toEqual([
      join(rendererDir, 'locked.html')
    ])
    // The vault's state is looked up for the page only, not for each of its assets.
    expect(state).not.toHaveBeenCalled()
  })
})

it('a vault state that cannot be read serves the page that draws itself', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lantern-pages-unreadable-'))
  try {
    writeFileSync(join(dir, 'index.html'), 'draws itself')
    writeFileSync(join(dir, 'first-run.html'), 'drawn')
    const handle = createRendererHandler(dir, CSP, () => {
      throw new Error('EACCES')
    })
    const response = await handle(new Request('lantern://app/'))
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('draws itself')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
