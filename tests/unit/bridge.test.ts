/**
 * The loopback bridge answers only the browser page it served: right token, right Host and
 * Origin. Anything else on this computer (another site in the browser, another program) is refused.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { request } from 'node:http'
import { connect } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startBridge, type Bridge } from '../../tools/bridge/server.ts'
import { MAX_REQUEST_BYTES } from '../../electron/shared/contract.ts'
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

/** The literal bytes of a GET request on a fresh socket; resolves with the status line. */
function literalGet(target: string): Promise<string> {
  const { hostname, port } = new URL(bridge.origin)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `GET ${target} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`
      )
    })
    let response = ''
    socket.on('data', (chunk) => (response += chunk.toString('latin1')))
    socket.on('end', () => resolve(response.split('\r\n')[0] ?? ''))
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

/** A file beside the renderer folder: no request may read it. */
const OUTSIDE_SECRET = 'not part of the app: private'

beforeEach(async () => {
  const parent = tempDir('lantern-renderer-')
  writeFileSync(join(parent, 'outside.txt'), OUTSIDE_SECRET)
  const rendererDir = join(parent, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head></head><body></body></html>'
  )
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  bridge = await startBridge({ dataDir: tempDir(), rendererDir, kdfCost: TEST_KDF_COST })
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

  it('serves the app with a strict CSP and the bridge script, and no file outside the renderer folder', async () => {
    const page = await rawRequest('/', { headers: { cookie } })
    expect(page.headers['content-security-policy']).toContain("default-src 'none'")
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(page.body).toContain('<script src="/__lantern/bridge.js"></script>')
    const script = await rawRequest('/__lantern/bridge.js')
    expect(script.body).toContain('"vault.unlock"')
    const asset = await rawRequest('/assets/app.js')
    expect(asset.body).toBe('console.log(1)')
    for (const escape of [
      '/../outside.txt',
      '/%2e%2e/outside.txt',
      '/assets/../../outside.txt',
      '/assets/%2e%2e/%2e%2e/outside.txt',
      '/..%2foutside.txt',
      '/..%5coutside.txt',
      '/%2e%2e%5coutside.txt'
    ]) {
      const res = await rawRequest(escape)
      expect(res.body, escape).not.toContain(OUTSIDE_SECRET)
    }
  })

  it('answers 400 to a malformed path, and keeps serving', async () => {
    for (const target of ['/%', '/%E0%A4%A', '/assets/%zz.js', '/%00', '*', 'http:/x']) {
      expect(await literalGet(target), target).toBe('HTTP/1.1 400 Bad Request')
    }
    // Odd but well-formed: answered (with the app), not a crash.
    expect(await literalGet('//')).toBe('HTTP/1.1 200 OK')
    const asset = await rawRequest('/assets/app.js')
    expect(asset.status).toBe(200)
    expect(asset.body).toBe('console.log(1)')
    const status = await api('vault.status', {})
    expect(JSON.parse(status.body)).toEqual({ ok: true, value: { state: 'none' } })
  })
})
