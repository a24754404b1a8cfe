import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { BackupSummary, VaultState, VaultStatus } from '@shared/contract.ts'
import { call, onVaultLocked, toApiError } from '../api/client.ts'
import { flushPendingSaves, keepDrafts } from '../composables/useDebouncedSave.ts'
import type { MessageKey, MessageParams } from '../i18n/index.ts'
import { clearPersonalData } from './personalData.ts'

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

/** Why the vault is locked, when the person did not just press Lock themselves. */
export type LockReason = { kind: 'inactivity'; minutes: number } | { kind: 'elsewhere' }

/** The vault's state as the person sees it: none, locked, or open (and how it got there). */
export const useSessionStore = defineStore('session', () => {
  const vaultState = ref<VaultState | null>(null)
  const unavailable = ref(false)
  /** Shown once, right after the vault is created, until the person confirms they kept it. */
  const recoveryCode = ref<string | null>(null)
  const lockReason = ref<LockReason | null>(null)
  const notice = ref<Notice | null>(null)

  const screen = computed<Screen>(() => {
    if (unavailable.value) return 'unavailable'
    if (vaultState.value === null) return 'starting'
    if (vaultState.value === 'none') return 'first-run'
    if (vaultState.value === 'locked') return 'locked'
    return recoveryCode.value === null ? 'unlocked' : 'recovery-code'
  })

  function becameLocked(reason: LockReason | null): void {
    clearPersonalData()
    recoveryCode.value = null
    notice.value = null
    lockReason.value = reason
    vaultState.value = 'locked'
  }

  // Any call that finds the vault locked means the core locked it: follow it.
  onVaultLocked(() => {
    if (vaultState.value === 'unlocked') becameLocked({ kind: 'elsewhere' })
  })

  async function start(): Promise<void> {
    try {
      const status = await call('vault.status')
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
    lockReason.value = null
    vaultState.value = 'unlocked'
  }

  function recoveryCodeKept(): void {
    recoveryCode.value = null
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

  async function changePassphrase(currentPassphrase: string, newPassphrase: string) {
    await call('vault.changePassphrase', { currentPassphrase, newPassphrase })
  }

  /** New passphrase and new data key; the new recovery code is then shown once, as at creation. */
  async function reencrypt(currentPassphrase: string, newPassphrase: string) {
    const renewed = await call('vault.reencrypt', { currentPassphrase, newPassphrase })
    recoveryCode.value = renewed.recoveryCode
  }

  /** Locks now. Whatever the core answers, nothing personal stays on screen. */
  async function lock(reason: LockReason | null = null): Promise<void> {
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

  function dismissNotice(): void {
    notice.value = null
  }

  return {
    vaultState,
    screen,
    recoveryCode,
    lockReason,
    notice,
    start,
    create,
    recoveryCodeKept,
    unlock,
    recover,
    listBackups,
    restoreBackup,
    changePassphrase,
    reencrypt,
    lock,
    dismissNotice
  }
})
