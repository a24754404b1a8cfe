/**
 * The inactivity lock. It lives in the core, not in the page, so it holds whatever happens to
 * the page: a renderer that crashed or hangs, a window closed while the app keeps running
 * (macOS), a browser tab left open on the loopback bridge. The page reports that someone is
 * using Lantern (`session.activity`); the core locks once the chosen minutes pass without a report.
 *
 * A living page still locks itself first, at exactly the chosen minutes, because only it can
 * save what is typed but not yet saved. The core waits a short grace beyond that, so it never
 * closes the vault under a page that is still saving; where it can (Electron and the loopback
 * bridge), it also asks the page to save before it locks.
 */
import { AUTO_LOCK_MINUTES } from '../shared/contract.ts'

/** Why the core locks the vault by itself. */
export type AutoLockReason =
  'inactivity' | 'suspend' | 'lock-screen' | 'renderer-gone' | 'windows-closed'

/** Reasons after which no page is left to ask: it crashed, or its window already saved on close. */
const NO_PAGE_LEFT: ReadonlySet<AutoLockReason> = new Set(['renderer-gone', 'windows-closed'])

/**
 * How long after the chosen minutes the core waits for the page to lock itself. Saving a form
 * takes milliseconds; this also covers a page whose timers the browser slowed down.
 */
export const AUTO_LOCK_GRACE_MS = 30_000

export interface AutoLockOptions {
  isUnlocked: () => boolean
  lock: () => Promise<void>
  /** The auto-lock setting, read at every check so a change applies at once. */
  minutes: () => number
  /** Asks open pages to save pending edits and keep drafts; it must settle in bounded time. */
  beforeLock?: () => Promise<void>
  graceMs?: number
}

export interface AutoLock {
  /** The vault has just been opened: the minutes count from now. */
  opened: () => void
  /** Someone used Lantern: the minutes count again from now. Ignored while locked. */
  activity: () => void
  /** The auto-lock minutes changed. */
  settingsChanged: () => void
  /** The vault closed, by whatever means: nothing left to time. */
  closed: () => void
  /** Locks now, for a reason only the shell or the timer knows. */
  lock: (reason: AutoLockReason) => Promise<void>
}

export function createAutoLock(options: AutoLockOptions): AutoLock {
  const graceMs = options.graceMs ?? AUTO_LOCK_GRACE_MS
  let lastActivity = Date.now()
  let timer: ReturnType<typeof setTimeout> | undefined

  const stop = () => {
    clearTimeout(timer)
    timer = undefined
  }

  const minutes = () => {
    try {
      return options.minutes()
    } catch {
      // The setting could not be read: the default is still a lock, never none.
      return AUTO_LOCK_MINUTES.default
    }
  }

  const lock = async (reason: AutoLockReason) => {
    stop()
    if (!options.isUnlocked()) return
    if (options.beforeLock && !NO_PAGE_LEFT.has(reason)) {
      try {
        await options.beforeLock()
      } catch (error) {
        console.error(`autoLock: saving before the lock failed: ${(error as Error)?.name}`)
      }
    }
    await options.lock()
  }

  // One timer, set for whatever time is left; when it fires it looks at the clock and the
  // setting again rather than trusting what was true when it was set.
  const check = () => {
    stop()
    if (!options.isUnlocked()) return
    const remaining = lastActivity + minutes() * 60_000 + graceMs - Date.now()
    if (remaining <= 0) {
      lock('inactivity').catch((error: Error) => {
        console.error(`autoLock: locking after inactivity failed: ${error?.name}`)
      })
      return
    }
    timer = setTimeout(check, remaining)
    // Never the reason a process (the bridge, a test run) stays alive.
    timer.unref?.()
  }

  return {
    opened: () => {
      lastActivity = Date.now()
      check()
    },
    activity: () => {
      if (!options.isUnlocked()) return
      lastActivity = Date.now()
      check()
    },
    settingsChanged: check,
    closed: stop,
    lock
  }
}
