import { describe, expect, it } from 'vitest'
import {
  EXTERNAL_HOST_ALLOWLIST,
  isAllowedExternalUrl,
  isAllowedRequestUrl,
  isAppUrl,
  isTrustedSender
} from '../../electron/main/trust.ts'
import { contentSecurityPolicy } from '../../electron/shared/csp.ts'

const DEV = 'http://127.0.0.1:5173'

describe('isAppUrl', () => {
  it.each([
    'lantern://app/',
    'lantern://app/index.html',
    'lantern://app/assets/index-abc123.js',
    'lantern://app/index.html#/guides/childhood-all'
  ])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true)
  })

  it.each([
    'file:///home/user/out/renderer/index.html',
    'file:///etc/passwd',
    'https://evil.example/',
    'http://evil.example/',
    'lantern://evil/',
    'lantern://app@evil/',
    'lantern://user:pw@app/',
    'lantern://app:8080/',
    'lantern:app/index.html',
    'app://app/',
    'http://127.0.0.1:5173/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'null',
    '',
    'not a url',
    '//app/index.html'
  ])('rejects %s', (url) => {
    expect(isAppUrl(url)).toBe(false)
  })

  it('accepts the dev server only when it is passed, and only its exact origin', () => {
    expect(isAppUrl('http://127.0.0.1:5173/', DEV)).toBe(true)
    expect(isAppUrl('http://127.0.0.1:5173/src/main.ts?t=1', DEV)).toBe(true)
    expect(isAppUrl('http://127.0.0.1:5174/', DEV)).toBe(false)
    expect(isAppUrl('https://127.0.0.1:5173/', DEV)).toBe(false)
    expect(isAppUrl('http://localhost:5173/', DEV)).toBe(false)
    expect(isAppUrl('http://user@127.0.0.1:5173/', DEV)).toBe(false)
    expect(isAppUrl('file:///index.html', DEV)).toBe(false)
  })

  it('ignores a dev server URL that is not plain http(s)', () => {
    expect(isAppUrl('file:///x/index.html', 'file:///x/')).toBe(false)
    expect(isAppUrl('javascript:1', 'javascript:1')).toBe(false)
    expect(isAppUrl('http://127.0.0.1:5173/', 'not a url')).toBe(false)
  })
})

describe('isTrustedSender', () => {
  const top = (url: string) => ({ url, parent: null })

  it('accepts the top frame of an app page', () => {
    expect(isTrustedSender(top('lantern://app/index.html'))).toBe(true)
    expect(isTrustedSender(top('http://127.0.0.1:5173/'), DEV)).toBe(true)
  })

  it('rejects missing, shapeless and sub-frame senders', () => {
    expect(isTrustedSender(null)).toBe(false)
    expect(isTrustedSender(undefined)).toBe(false)
    expect(isTrustedSender({} as { url: string; parent: unknown })).toBe(false)
    expect(isTrustedSender({ url: 'lantern://app/index.html', parent: top('x') })).toBe(false)
    expect(isTrustedSender({ url: 'lantern://app/index.html', parent: undefined })).toBe(false)
  })

  it('rejects foreign pages in the top frame', () => {
    expect(isTrustedSender(top('file:///index.html'))).toBe(false)
    expect(isTrustedSender(top('https://evil.example/'))).toBe(false)
    expect(isTrustedSender(top('lantern://evil/'))).toBe(false)
    expect(isTrustedSender(top('http://127.0.0.1:5173/'))).toBe(false)
  })

  it('rejects a frame whose properties throw (disposed)', () => {
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed')
      },
      parent: null
    }
    expect(isTrustedSender(disposed)).toBe(false)
  })
})

describe('isAllowedExternalUrl', () => {
  it('holds exactly the sites the guides cite', () => {
    expect([...EXTERNAL_HOST_ALLOWLIST].sort()).toEqual([
      'www.asco.org',
      'www.cancer.gov',
      'www.cancer.net',
      'www.cancer.org',
      'www.survivorshipguidelines.org'
    ])
  })

  it.each(EXTERNAL_HOST_ALLOWLIST.map((host) => `https://${host}/some/page?q=1#part`))(
    'accepts %s',
    (url) => {
      expect(isAllowedExternalUrl(url)).toBe(true)
    }
  )

  it('accepts hosts in any letter case (URL parsing lower-cases them)', () => {
    expect(isAllowedExternalUrl('https://WWW.Cancer.GOV/types/leukemia')).toBe(true)
  })

  it.each([
    'http://www.cancer.gov/',
    'https://user:pw@www.cancer.gov/',
    'https://user@www.cancer.gov/',
    'https://www.cancer.gov.evil.com/',
    'https://evil.com/www.cancer.gov',
    'https://evilwww.cancer.gov/',
    'https://cancer.gov/',
    'https://www.cancer.gov:8443/',
    'https://www.cancer.gov./',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'lantern://app/index.html',
    'mailto:someone@www.cancer.gov',
    'ms-msdt:/id PCWDiagnostic',
    'not a url',
    ''
  ])('rejects %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false)
  })
})

describe('isAllowedRequestUrl', () => {
  const packaged = { allowDevTools: false }
  const dev = { devServerUrl: DEV, allowDevTools: true }

  it('lets the app load its own files and inline data images', () => {
    expect(isAllowedRequestUrl('lantern://app/assets/app.js', packaged)).toBe(true)
    expect(isAllowedRequestUrl('data:image/png;base64,iVBORw0KGgo=', packaged)).toBe(true)
  })

  it('cancels everything else in a packaged app', () => {
    for (const url of [
      'https://www.cancer.gov/',
      'https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic',
      'http://0.0.0.0/en-US-10-1.bdic',
      'http://127.0.0.1:5173/',
      'ws://127.0.0.1:5173/',
      'file:///etc/passwd',
      'devtools://devtools/bundled/inspector.html',
      'chrome-extension://abc/x.js',
      'lantern://evil/x.js',
      'not a url'
    ]) {
      expect(isAllowedRequestUrl(url, packaged), url).toBe(false)
    }
  })

  it('allows the dev server (with its hot-reload socket) and DevTools in development', () => {
    expect(isAllowedRequestUrl('http://127.0.0.1:5173/src/main.ts', dev)).toBe(true)
    expect(isAllowedRequestUrl('ws://127.0.0.1:5173/', dev)).toBe(true)
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html', dev)).toBe(true)
    expect(isAllowedRequestUrl('http://127.0.0.1:9999/', dev)).toBe(false)
    expect(isAllowedRequestUrl('wss://127.0.0.1:5173/', dev)).toBe(false)
    expect(isAllowedRequestUrl('https://fonts.googleapis.com/css', dev)).toBe(false)
  })
})

describe('contentSecurityPolicy for the Electron renderer', () => {
  const csp = contentSecurityPolicy({ allowSameOriginFetch: false })
  const directives = csp.split(';').map((d) => d.trim())

  it('denies by default and allows scripts only from the app', () => {
    expect(directives).toContain("default-src 'none'")
    expect(directives).toContain("script-src 'self'")
    expect(directives).toContain("connect-src 'none'")
  })

  it('never allows inline or eval', () => {
    expect(csp).not.toContain("'unsafe-inline'")
    expect(csp).not.toContain("'unsafe-eval'")
  })
})
