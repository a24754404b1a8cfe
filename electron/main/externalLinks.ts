/**
 * The one way out of the app to the user's browser. shell.openExternal hands a URL to the OS,
 * which for some schemes means running a program, so only allowlisted https links pass.
 */
import { shell } from 'electron'
import { describeUrlForLog, isAllowedExternalUrl } from './trust.ts'

export async function openExternalSafely(url: string): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) {
    console.warn(`openExternalSafely: refused ${describeUrlForLog(url)}`)
    return false
  }
  try {
    // eslint-disable-next-line no-restricted-syntax -- the single vetted call; the URL passed the allowlist above
    await shell.openExternal(new URL(url).href)
    return true
  } catch (error) {
    console.warn(`openExternalSafely: the system could not open ${describeUrlForLog(url)}`, error)
    return false
  }
}
