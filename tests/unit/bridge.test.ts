/**
 * The loopback bridge answers only the browser page it served: right token, right Host and
 * Origin. Anything else on this computer (another site in the browser, another program) is refused.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { request } from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startBridge, type Bridge } from '../../tools/bridge/server.ts'
import { MAX_REQUEST_BYTES } from '../../electron/shared/contract.ts'
import { TEST_KDF_COST, cleanupTempDirs, tempDir } from './helpers/vaultFixture.ts'

let bridge: Bridge
let cookie: string

function rawRequest(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<{
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}> {
  const url = new URL(path, bridge.origin)
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers },
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

function api(method: string, input: unknown, headers: Record<string, string> = {}) {
  return rawRequest(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, ...headers },
    body: JSON.stringify(input)
  })
}

beforeEach(async () => {
  const rendererDir = tempDir('lantern-renderer-')
  mkdirSync(join(rendererDir, 'assets'))
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
      '/../package.json',
      '/%2e%2e/package.json',
      '/assets/../../package.json'
    ]) {
      const res = await rawRequest(escape)
      expect(res.body).not.toContain('"name": "lantern"')
    }
  })
})
