/**
 * The core owns the inactivity lock: it locks the vault after the chosen minutes without
 * activity even when no page is left to do it (a crashed renderer, a closed window, a
 * forgotten browser tab). Real core and real encrypted vault; only the clock is fake.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AUTO_LOCK_GRACE_MS, type AutoLockReason } from '../../electron/core/autoLock.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import { AUTO_LOCK_MINUTES } from '../../electron/shared/contract.ts'
import { PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'

const MINUTE = 60_000
const DEFAULT_MINUTES = AUTO_LOCK_MINUTES.default

beforeEach(() => {
  // Only the clock: the vault's own asynchronous work must run as usual.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
})

afterEach(async () => {
  vi.useRealTimers()
  await cleanupTempDirs()
})

/** Moves the clock on and lets the lock that a timer started finish. */
async function wait(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms)
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve))
}

async function openCore(extra: Parameters<typeof newCore>[1] = {}) {
  const core = newCore(undefined, extra)
  const created = await dispatch(core.handlers, 'vault.create', { passphrase: PASSPHRASE })
  expect(created.ok).toBe(true)
  return core
}

describe('the core inactivity lock', () => {
  it('locks after the chosen minutes (and the grace a live page gets) without activity, not before', async () => {
    const core = await openCore()
    await wait(DEFAULT_MINUTES * MINUTE + AUTO_LOCK_GRACE_MS - 1)
    expect(core.vault.state).toBe('unlocked')
    await wait(1)
    expect(core.vault.state).toBe('locked')
  })

  it('activity reported by the page puts the lock off', async () => {
    const core = await openCore()
    await wait(9 * MINUTE)
    expect(await dispatch(core.handlers, 'session.activity', {})).toEqual({ ok: true, value: null })
    await wait(9 * MINUTE)
    expect(await dispatch(core.handlers, 'session.activity', {})).toEqual({ ok: true, value: null })
    // Eighteen minutes since unlocking, nine since the last activity: still open.
    await wait(DEFAULT_MINUTES * MINUTE + AUTO_LOCK_GRACE_MS - 1)
    expect(core.vault.state).toBe('unlocked')
    await wait(1)
    expect(core.vault.state).toBe('locked')
  })

  it('other requests are not activity: a page that only polls does not keep the vault open', async () => {
    const core = await openCore()
    for (let minute = 0; minute < DEFAULT_MINUTES + 1; minute++) {
      await dispatch(core.handlers, 'vault.status', {})
      await dispatch(core.handlers, 'profiles.list', {})
      await wait(MINUTE)
    }
    expect(core.vault.state).toBe('locked')
  })

  it('a shorter setting applies at once, a longer one is waited for', async () => {
    const core = await openCore()
    await dispatch(core.handlers, 'settings.update', { autoLockMinutes: 1 })
    await wait(MINUTE + AUTO_LOCK_GRACE_MS - 1)
    expect(core.vault.state).toBe('unlocked')
    await wait(1)
    expect(core.vault.state).toBe('locked')

    await dispatch(core.handlers, 'vault.unlock', { passphrase: PASSPHRASE })
    await dispatch(core.handlers, 'settings.update', { autoLockMinutes: 30 })
    await wait(29 * MINUTE)
    expect(core.vault.state).toBe('unlocked')
    await wait(MINUTE + AUTO_LOCK_GRACE_MS)
    expect(core.vault.state).toBe('locked')
  })

  it('counts from each unlock, not from the last activity before the lock', async () => {
    const core = await openCore()
    await dispatch(core.handlers, 'vault.lock', {})
    await wait(3 * 60 * MINUTE)
    await dispatch(core.handlers, 'vault.unlock', { passphrase: PASSPHRASE })
    await wait(MINUTE)
    expect(core.vault.state).toBe('unlocked')
    await wait(DEFAULT_MINUTES * MINUTE + AUTO_LOCK_GRACE_MS)
    expect(core.vault.state).toBe('locked')
  })

  it('activity cannot keep a locked vault open or open it: VAULT_LOCKED, still locked', async () => {
    const core = await openCore()
    await dispatch(core.handlers, 'vault.lock', {})
    expect(await dispatch(core.handlers, 'session.activity', {})).toMatchObject({
      ok: false,
      error: { code: 'VAULT_LOCKED' }
    })
    await wait(DEFAULT_MINUTES * MINUTE + AUTO_LOCK_GRACE_MS)
    expect(core.vault.state).toBe('locked')
  })

  it('asks the page to keep its drafts before locking, while the vault is still open', async () => {
    const calls: string[] = []
    let profileId = ''
    const core = await openCore({
      beforeLock: async () => {
        calls.push(`save (vault ${core.vault.state})`)
        // What the page's onBeforeClose handler does: keep the form it holds as a draft.
        const saved = await dispatch(core.handlers, 'drafts.save', {
          profileId,
          kind: 'diagnosis',
          entryId: null,
          data: { notes: 'typed just before the lock' }
        })
        expect(saved.ok).toBe(true)
      }
    })
    profileId = (await core.handlers['profiles.create']({ displayName: 'Ada' })).id
    await wait(DEFAULT_MINUTES * MINUTE + AUTO_LOCK_GRACE_MS)
    expect(core.vault.state).toBe('locked')
    expect(calls).toEqual(['save (vault unlocked)'])

    await dispatch(core.handlers, 'vault.unlock', { passphrase: PASSPHRASE })
    const drafts = await core.handlers['drafts.list']({ profileId })
    expect(drafts.map((d) => d.data)).toEqual([{ notes: 'typed just before the lock' }])
  })

  it('locks at once for the shell: asks the page to save first only when a page is left', async () => {
    const asked: AutoLockReason[] = []
    let reason: AutoLockReason = 'suspend'
    const core = await openCore({
      beforeLock: async () => {
        asked.push(reason)
      }
    })
    for (reason of [
      'suspend',
      'lock-screen',
      'renderer-gone',
      'windows-closed'
    ] satisfies AutoLockReason[]) {
      await dispatch(core.handlers, 'vault.unlock', { passphrase: PASSPHRASE })
      expect(core.vault.state).toBe('unlocked')
      await core.autoLock.lock(reason)
      expect(core.vault.state, reason).toBe('locked')
    }
    expect(asked).toEqual(['suspend', 'lock-screen'])
  })

  it('a lock request with the vault already locked does nothing and asks nothing', async () => {
    let asked = 0
    const core = await openCore({
      beforeLock: async () => {
        asked++
      }
    })
    await dispatch(core.handlers, 'vault.lock', {})
    await core.autoLock.lock('suspend')
    expect(asked).toBe(0)
    expect(core.vault.state).toBe('locked')
  })

  it('the timer stops with the vault: nothing fires after a manual lock and unlock elsewhere', async () => {
    const core = await openCore()
    await wait(5 * MINUTE)
    await dispatch(core.handlers, 'vault.lock', {})
    await dispatch(core.handlers, 'vault.unlock', { passphrase: PASSPHRASE })
    // The first timer would have fired here had the lock not stopped it.
    await wait(5 * MINUTE + AUTO_LOCK_GRACE_MS)
    expect(core.vault.state).toBe('unlocked')
    expect(vi.getTimerCount()).toBe(1)
  })
})
