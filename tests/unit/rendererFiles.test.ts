import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createRendererHandler,
  mimeTypeFor,
  resolveRendererFile
} from '../../electron/main/rendererFiles.ts'

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

  it('answers only GET', async () => {
    const response = await handle(new Request('lantern://app/index.html', { method: 'POST' }))
    expect(response.status).toBe(405)
  })
})
