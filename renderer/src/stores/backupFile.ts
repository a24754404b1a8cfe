import { ref } from 'vue'
import { BACKUP_PART_MAX_BYTES } from '@shared/export.ts'
import { call } from '../api/client.ts'
import { toBase64 } from '../lib/base64.ts'
import { offerDownload } from '../lib/download.ts'
import { useExportsStore } from './exports.ts'
import { defineAppStore } from './personalData.ts'

/** How making a backup file ended. */
export type BackupFileOutcome = 'saved' | 'downloaded' | 'cancelled'

/** Twelve random hex digits: the name the core keeps an upload under (BACKUP_UPLOAD_ID). */
function newUploadId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * The backup file of the whole vault: making one, and sending one back to the core to restore.
 * Keeps nothing from the vault: the file's bytes go to the download or to the core at once.
 */
export const useBackupFileStore = defineAppStore('backupFile', () => {
  /** While a file is sent to the core: the part of it sent so far, 0 to 1. */
  const sent = ref<number | null>(null)

  async function make(): Promise<BackupFileOutcome> {
    const result = await useExportsStore().tracked(() => call('vault.exportBackup'))
    if (result.outcome !== 'download') return result.outcome
    offerDownload(result.fileName, result.base64, 'application/octet-stream')
    return 'downloaded'
  }

  /**
   * Sends `file` to the core in parts (a vault can be far larger than one request); answers the
   * upload's name for `vault.importBackup`.
   */
  async function upload(file: Blob): Promise<string> {
    const uploadId = newUploadId()
    sent.value = 0
    try {
      let offset = 0
      do {
        const part = new Uint8Array(
          await file.slice(offset, offset + BACKUP_PART_MAX_BYTES).arrayBuffer()
        )
        await call('vault.uploadBackupPart', { uploadId, offset, base64: toBase64(part) })
        offset += part.length
        sent.value = file.size === 0 ? 1 : offset / file.size
      } while (offset < file.size)
      return uploadId
    } finally {
      sent.value = null
    }
  }

  return { sent, make, upload }
})
