/**
 * The loopback bridge answers only the browser page it served: right token, right Host and
 * Origin. Anything else on this computer (another site in the browser, another program) is refused.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { request } from 'node:http'
import { connect } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startBridge, type Bridge } from '../../tools/bridge/server.ts'
import {
  BEFORE_CLOSE_CHANNEL,
  BEFORE_CLOSE_DONE_CHANNEL,
  MAX_REQUEST_BYTES,
  METHOD_NAMES
} from '../../electron/shared/contract.ts'
import { escapingPaths } from './helpers/traversal.ts'
import { TEST_KDF_COST, cleanupTempDirs, tempDir } from './helpers/vaultFixture.ts'

let bridge: Bridge
let cookie: string

/**
 * The path is sent exactly as given: node:http does not resolve dot-segments or re-encode, as
 * `new URL(path, origin)` would, so these tests see what a hostile page can really send.
 */
function rawRequest(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<{
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}> {
  const { hostname, port } = new URL(bridge.origin)
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname, port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = ''
        res.on('data', (chunk) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      }
    )
    req.on('error', reject)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

/**
 * A GET whose request line carries `target` byte for byte, on a fresh socket: nothing on the
 * way (fetch, new URL, a browser) gets to resolve its dot-segments or re-encode it first.
 * Resolves with the status code and the whole response, headers and body.
 */
function literalGet(target: string): Promise<{ status: number; response: string }> {
  const { hostname, port } = new URL(bridge.origin)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `GET ${target} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`,
        'latin1'
      )
    })
    let response = ''
    socket.on('data', (chunk) => (response += chunk.toString('latin1')))
    socket.on('end', () =>
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0), response })
    )
    socket.on('error', reject)
    socket.setTimeout(5000, () => {
      socket.destroy()
      reject(new Error(`no answer to GET ${target}`))
    })
  })
}

function api(method: string, input: unknown, headers: Record<string, string> = {}) {
  return rawRequest(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, ...headers },
    body: JSON.stringify(input)
  })
}

/** A page's stream of main's requests, as page.ts opens it; `next()` waits for one event. */
function openRequestStream(pageKey: string): Promise<{
  next: () => Promise<{ event: string; data: unknown }>
  close: () => void
}> {
  const { hostname, port } = new URL(bridge.origin)
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname, port, path: `/__lantern/requests?page=${pageKey}`, headers: { cookie } },
      (res) => {
        expect(res.statusCode).toBe(200)
        expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8')
        const events: { event: string; data: unknown }[] = []
        const waiting: (() => void)[] = []
        let buffer = ''
        res.on('data', (chunk) => {
          buffer += chunk
          let end: number
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const block = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            const event = /^event: (.*)$/m.exec(block)?.[1]
            const data = /^data: (.*)$/m.exec(block)?.[1]
            if (event && data) events.push({ event, data: JSON.parse(data) })
            waiting.splice(0).forEach((wake) => wake())
          }
        })
        const next = async () => {
          while (events.length === 0) await new Promise<void>((wake) => waiting.push(wake))
          return events.shift()!
        }
        resolve({ next, close: () => req.destroy() })
      }
    )
    req.on('error', reject)
    req.end()
  })
}

function reply(body: unknown, headers: Record<string, string> = { cookie }) {
  return rawRequest('/__lantern/replies', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body)
  })
}

/** Files beside the renderer folder, which no request may read. */
const OUTSIDE = {
  'package.json': '{"name":"not-part-of-the-app","private":"package secret"}',
  'outside.txt': 'not part of the app: private',
  // Its name starts like the renderer folder's: a prefix check alone would let it through.
  'renderer-secret/key.txt': 'a key beside the app'
}
let parent: string
let rendererDir: string

beforeEach(async () => {
  parent = tempDir('lantern-renderer-')
  for (const [name, content] of Object.entries(OUTSIDE)) {
    mkdirSync(dirname(join(parent, name)), { recursive: true })
    writeFileSync(join(parent, name), content)
  }
  rendererDir = join(parent, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head></head><body></body></html>'
  )
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  // The vault lives beside the renderer too, so its files are in reach of a '../'.
  bridge = await startBridge({
    dataDir: join(parent, 'vault'),
    rendererDir,
    kdfCost: TEST_KDF_COST
  })
  const visit = await rawRequest(new URL(bridge.url).pathname + new URL(bridge.url).search)
  expect(visit.status).toBe(302)
  cookie = String(visit.headers['set-cookie']).split(';')[0]!
})

afterEach(async () => {
  await bridge.close()
  await cleanupTempDirs()
})

describe('loopback bridge', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(bridge.origin).hostname).toBe('127.0.0.1')
  })

  it('calls the real core with the token cookie', async () => {
    const created = await api('vault.create', { passphrase: 'a long enough passphrase' })
    expect(JSON.parse(created.body)).toMatchObject({
      ok: true,
      value: { recoveryCode: expect.any(String) }
    })
    const status = await api('vault.status', {})
    expect(JSON.parse(status.body)).toEqual({ ok: true, value: { state: 'unlocked' } })
  })

  it('refuses API calls without the cookie, with a wrong one, or from another origin', async () => {
    const noCookie = await api('vault.status', {}, { cookie: '' })
    expect(noCookie.status).toBe(403)
    const wrong = await api('vault.status', {}, { cookie: 'lantern_bridge=guess' })
    expect(wrong.status).toBe(403)
    const otherSite = await api('vault.status', {}, { origin: 'https://evil.example' })
    expect(otherSite.status).toBe(403)
    const rebinding = await api('vault.status', {}, { host: 'evil.example:80' })
    expect(rebinding.status).toBe(403)
    expect(bridge.core.vault.state).toBe('none')
  })

  it('refuses a wrong token in the start URL', async () => {
    const visit = await rawRequest('/?token=not-the-token')
    expect(visit.status).toBe(403)
    expect(visit.headers['set-cookie']).toBeUndefined()
  })

  it('rejects unreadable and oversized bodies as INVALID_INPUT, and unknown methods', async () => {
    const garbled = await rawRequest('/api/vault.status', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{not json'
    })
    expect(JSON.parse(garbled.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const huge = await api('profiles.create', { displayName: 'x'.repeat(MAX_REQUEST_BYTES + 10) })
    expect(JSON.parse(huge.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const unknown = await api('vault.destroy', {})
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
  })

  it('serves the app with a strict CSP, the script that builds window.lantern, and its files', async () => {
    const page = await rawRequest('/', { headers: { cookie } })
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toContain("default-src 'none'")
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(page.body).toContain('<script defer src="/__lantern/bridge.js"></script>')
    expect((await rawRequest('/index.html')).body).toBe(page.body)

    // The preload's buildBridge and the contract's method list, bundled for the browser.
    const script = await rawRequest('/__lantern/bridge.js')
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8')
    for (const name of [...METHOD_NAMES, BEFORE_CLOSE_CHANNEL, BEFORE_CLOSE_DONE_CHANNEL]) {
      expect(script.body.includes(name), name).toBe(true)
    }

    const asset = await rawRequest('/assets/app.js')
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(asset.body).toBe('console.log(1)')
    // The router lives in the URL's hash: any other path is a missing file, as in Electron.
    expect((await rawRequest('/people/1')).status).toBe(404)
  })

  it('no request reads a file outside the renderer folder, however its path is written', async () => {
    // The socket reads files when the path is plain: the checks below can see a leak.
    const inside = await literalGet('/assets/app.js')
    expect(inside.status).toBe(200)
    expect(inside.response).toContain('console.log(1)')

    await api('vault.create', { passphrase: 'a long enough passphrase' })
    const repoPackage = resolve('package.json')
    const targets: [string, string][] = [
      ...Object.entries(OUTSIDE),
      ['vault/vault.key.json', readFileSync(join(parent, 'vault', 'vault.key.json'), 'utf8')],
      // This repository's package.json, from the temporary folder: '../' many times over.
      [relative(parent, repoPackage).split(sep).join('/'), readFileSync(repoPackage, 'utf8')]
    ]
    const refused: string[] = []
    for (const [name, content] of targets) {
      expect(content.length).toBeGreaterThan(10)
      for (const target of escapingPaths(name, join(parent, name))) {
        const { status, response } = await literalGet(target)
        expect(response.includes(content), `${target} answered with ${name}`).toBe(false)
        expect([400, 404], `${target} answered ${status}`).toContain(status)
        refused.push(target)
      }
    }
    expect(refused.length).toBeGreaterThan(100)
  })

  it('answers 400 to a request target that is not a path, 404 to a malformed path, and keeps serving', async () => {
    for (const target of ['*', 'http:/x', 'evil.example:80']) {
      expect((await literalGet(target)).status, target).toBe(400)
    }
    for (const target of ['/%', '/%E0%A4%A', '/assets/%zz.js', '/%00', '/assets/app.js%00']) {
      expect((await literalGet(target)).status, target).toBe(404)
    }
    // Odd but well-formed: the app, not a crash.
    expect((await literalGet('//')).status).toBe(200)
    const asset = await rawRequest('/assets/app.js')
    expect(asset.status).toBe(200)
    expect(asset.body).toBe('console.log(1)')
    const status = await api('vault.status', {})
    expect(JSON.parse(status.body)).toEqual({ ok: true, value: { state: 'none' } })
  })
  it("carries main's request to save before closing to the open page, and waits for that page's answer", async () => {
    // No page open: nothing to wait for.
    expect(await bridge.askPagesToSaveBeforeClose()).toEqual([])

    const pageKey = 'a'.repeat(32)
    const stream = await openRequestStream(pageKey)
    let outcome: unknown
    const asked = bridge.askPagesToSaveBeforeClose().then((o) => (outcome = o))
    const { event, data: id } = await stream.next()
    expect(event).toBe(BEFORE_CLOSE_CHANNEL)
    expect(id).toEqual(expect.any(Number))

    // Another page's answer, an answer to another request, or one without the cookie: not done.
    expect(
      (await reply({ page: 'b'.repeat(32), channel: BEFORE_CLOSE_DONE_CHANNEL, id })).status
    ).toBe(204)
    await reply({ page: pageKey, channel: BEFORE_CLOSE_DONE_CHANNEL, id: Number(id) + 1 })
    const stranger = await reply(
      { page: pageKey, channel: BEFORE_CLOSE_DONE_CHANNEL, id },
      { cookie: 'lantern_bridge=guess' }
    )
    expect(stranger.status).toBe(403)
    expect(outcome).toBeUndefined()

    await reply({ page: pageKey, channel: BEFORE_CLOSE_DONE_CHANNEL, id })
    await asked
    expect(outcome).toEqual(['done'])
    stream.close()
  })

  it('opens a request stream only for the page it served, under a well-formed key', async () => {
    const { hostname, port } = new URL(bridge.origin)
    const statusOf = (path: string, headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ hostname, port, path, headers }, (res) => {
          resolve(res.statusCode ?? 0)
          req.destroy()
        })
        req.on('error', reject)
        req.end()
      })
    const key = 'c'.repeat(32)
    expect(await statusOf(`/__lantern/requests?page=${key}`, {})).toBe(403)
    expect(
      await statusOf(`/__lantern/requests?page=${key}`, { cookie, origin: 'https://evil.example' })
    ).toBe(403)
    expect(await statusOf('/__lantern/requests?page=../../x', { cookie })).toBe(400)
    expect(await statusOf('/__lantern/requests', { cookie })).toBe(400)
  })
})
