import { computed, ref, watch } from 'vue'
import type {
  BackupSummary,
  MethodInput,
  ReencryptProgress,
  VaultState,
  VaultStatus
} from '@shared/contract.ts'
import { call, onVaultLocked, toApiError } from '../api/client.ts'
import { flushPendingSaves, keepDrafts } from '../composables/useDebouncedSave.ts'
import type { MessageKey, MessageParams } from '../i18n/index.ts'
import { clearPersonalData, defineAppStore } from './personalData.ts'

/** Which whole screen the app shows. */
export type Screen =
  'starting' | 'unavailable' | 'first-run' | 'recovery-code' | 'locked' | 'unlocked'

/** A one-time message for the first screen after unlocking. */
export interface Notice {
  key: MessageKey
  params?: MessageParams
  /** Good news unless said otherwise. */
  tone?: 'success' | 'warning'
}

/** How often a running re-encryption is asked how far it has got. */
const PROGRESS_POLL_MS = 250

/** Why the vault is locked, when the person did not just press Lock themselves. */
export type LockReason = { kind: 'inactivity'; minutes: number } | { kind: 'elsewhere' }

/** The vault's state as the person sees it: none, locked, or open (and how it got there). */
export const useSessionStore = defineAppStore('session', () => {
  const vaultState = ref<VaultState | null>(null)
  const unavailable = ref(false)
  /** Shown once, right after the vault is created, until the person confirms they kept it. */
  const recoveryCode = ref<string | null>(null)
  /** The code shown replaces an earlier one (after re-encrypting), which no longer works. */
  const recoveryCodeReplaces = ref(false)
  /** While a re-encryption runs: how far it has got (null until the core first says). */
  const reencryptProgress = ref<ReencryptProgress | null>(null)
  /** The running re-encryption, so an inactivity lock can wait for it. */
  let reencryption: Promise<void> | null = null
  const lockReason = ref<LockReason | null>(null)
  const notice = ref<Notice | null>(null)

  const screen = computed<Screen>(() => {
    if (unavailable.value) return 'unavailable'
    if (vaultState.value === null) return 'starting'
    if (vaultState.value === 'none') return 'first-run'
    if (vaultState.value === 'locked') return 'locked'
    return recoveryCode.value === null ? 'unlocked' : 'recovery-code'
  })

  /**
   * True now if the vault is open, or a promise kept when it next opens: what the router waits
   * for before it loads one of the open vault's pages.
   */
  function untilUnlocked(): true | Promise<true> {
    if (screen.value === 'unlocked') return true
    return new Promise((resolve) => {
      const stop = watch(screen, (now) => {
        if (now !== 'unlocked') return
        stop()
        resolve(true)
      })
    })
  }

  function becameLocked(reason: LockReason | null): void {
    clearPersonalData()
    recoveryCode.value = null
    recoveryCodeReplaces.value = false
    notice.value = null
    lockReason.value = reason
    vaultState.value = 'locked'
  }

  // Any call that finds the vault locked means the core locked it: follow it.
  onVaultLocked(() => {
    if (vaultState.value === 'unlocked') becameLocked({ kind: 'elsewhere' })
  })

  /**
   * Asks the core whether there is a vault and whether it is open, and shows the screen for it.
   * `asked` is an answer already on its way (the one main.ts asks for at load).
   */
  async function start(asked?: Promise<VaultStatus>): Promise<void> {
    try {
      const status = await (asked ?? call('vault.status'))
      unavailable.value = false
      if (status.state !== 'unlocked') clearPersonalData()
      vaultState.value = status.state
    } catch {
      unavailable.value = true
    }
  }

  async function create(passphrase: string): Promise<void> {
    const created = await call('vault.create', { passphrase })
    recoveryCode.value = created.recoveryCode
    recoveryCodeReplaces.value = false
    lockReason.value = null
    vaultState.value = 'unlocked'
  }

  function recoveryCodeKept(): void {
    recoveryCode.value = null
    recoveryCodeReplaces.value = false
  }

  /** The vault opened, but its backup could not be made: the person should know. */
  function noticeBackupWarning(status: VaultStatus): void {
    if (status.backupWarning === 'daily-backup-failed') {
      notice.value = { key: 'unlock.backupFailed', tone: 'warning' }
    }
  }

  async function unlock(passphrase: string): Promise<void> {
    try {
      const status = await call('vault.unlock', { passphrase })
      lockReason.value = null
      noticeBackupWarning(status)
      vaultState.value = status.state
    } catch (error) {
      if (toApiError(error).code === 'NO_VAULT') await start()
      throw error
    }
  }

  async function recover(code: string, newPassphrase: string): Promise<void> {
    const status = await call('vault.recover', { recoveryCode: code, newPassphrase })
    lockReason.value = null
    notice.value = { key: 'recover.done' }
    vaultState.value = status.state
  }

  /** Verified backups, newest first. Works while locked: a damaged vault needs them most. */
  function listBackups(): Promise<BackupSummary[]> {
    return call('vault.listBackups')
  }

  /** Puts a backup in place of the damaged vault (kept aside, not deleted) and opens it. */
  async function restoreBackup(backup: BackupSummary, secret: string, when: string): Promise<void> {
    const status = await call('vault.restoreBackup', { backupId: backup.id, secret })
    lockReason.value = null
    notice.value = { key: 'restore.done', params: { when } }
    vaultState.value = status.state
  }

  /**
   * Puts the vault in an uploaded backup file in place of this computer's (kept aside, when one
   * is here and the person said to replace it) and opens it. Nothing the window held of the
   * vault it replaced is kept.
   */
  async function restoreBackupFile(input: MethodInput<'vault.importBackup'>): Promise<void> {
    const status = await call('vault.importBackup', input)
    clearPersonalData()
    recoveryCode.value = null
    lockReason.value = null
    notice.value = { key: 'backupFile.restored' }
    vaultState.value = status.state
  }

  async function changePassphrase(currentPassphrase: string, newPassphrase: string) {
    await call('vault.changePassphrase', { currentPassphrase, newPassphrase })
  }

  /**
   * New passphrase and new data key; the new recovery code is then shown once, as at creation.
   * The core answers only at the end, so meanwhile it is asked how far it has got.
   */
  function reencrypt(currentPassphrase: string, newPassphrase: string): Promise<void> {
    const run = (async () => {
      reencryptProgress.value = null
      let pending = true
      const poll = async () => {
        while (pending) {
          try {
            const progress = await call('vault.reencryptProgress')
            if (pending && progress) reencryptProgress.value = progress
          } catch {
            // The answer to vault.reencrypt says what went wrong, if anything did.
          }
          await new Promise((resolve) => setTimeout(resolve, PROGRESS_POLL_MS))
        }
      }
      void poll()
      try {
        const renewed = await call('vault.reencrypt', { currentPassphrase, newPassphrase })
        recoveryCode.value = renewed.recoveryCode
        recoveryCodeReplaces.value = true
        notice.value = { key: 'settings.passphrase.reencryptDone' }
      } finally {
        pending = false
        reencryptProgress.value = null
        reencryption = null
      }
    })()
    reencryption = run
    return run
  }

  /** Locks now. Whatever the core answers, nothing personal stays on screen. */
  async function lock(reason: LockReason | null = null): Promise<void> {
    if (reason?.kind === 'inactivity' && reencryption) {
      // Locking now would take the new recovery code off the screen before anyone saw it (the
      // old one no longer works): wait, and lock only if the re-encryption failed.
      const renewed = await reencryption.then(
        () => true,
        () => false
      )
      if (renewed) return
    }
    // Valid edits still waiting for autosave are kept before the key leaves memory; what
    // cannot be saved yet (a new entry, an invalid edit) is kept as a draft.
    await flushPendingSaves()
    await keepDrafts()
    try {
      await call('vault.lock')
    } catch {
      // Still hide everything: if the core did not lock, unlocking again simply succeeds.
    }
    becameLocked(reason)
  }

  /** Tells the core someone is using Lantern, which puts its inactivity lock off. */
  async function reportActivity(): Promise<void> {
    try {
      await call('session.activity')
    } catch {
      // VAULT_LOCKED has already moved the session to the unlock screen (onVaultLocked).
    }
  }

  /** Follows a lock the core made by itself (sleep, screen lock, its inactivity timer). */
  async function followCore(): Promise<void> {
    if (vaultState.value !== 'unlocked') return
    try {
      const status = await call('vault.status')
      if (status.state !== 'unlocked' && vaultState.value === 'unlocked') {
        becameLocked({ kind: 'elsewhere' })
      }
    } catch {
      // The core could not be reached: the next call will say so.
    }
  }

  function dismissNotice(): void {
    notice.value = null
  }

  return {
    vaultState,
    screen,
    recoveryCode,
    recoveryCodeReplaces,
    reencryptProgress,
    lockReason,
    notice,
    start,
    untilUnlocked,
    create,
    recoveryCodeKept,
    unlock,
    recover,
    listBackups,
    restoreBackup,
    restoreBackupFile,
    changePassphrase,
    reencrypt,
    lock,
    reportActivity,
    followCore,
    dismissNotice
  }
})
