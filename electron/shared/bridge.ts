/**
 * Building window.lantern: what the preload, and the loopback bridge's page script, run before
 * the app can start. It is kept apart from contract.ts, whose schemas (zod and every method's)
 * took 190 to 350 ms to build in Chromium before the first screen could be drawn: this module
 * loads none of them, and takes only types from the contract.
 */
import type { LanternBridge, MethodName } from './contract.ts'

/**
 * Every method of the contract, by name: the functions window.lantern has, and the IPC channels
 * main answers. Written out here instead of read from the contract's schemas (see above); the
 * compiler checks the list against the contract both ways (below), and dispatch.test.ts that
 * each name appears once.
 */
export const METHOD_NAMES = [
  'vault.status',
  'vault.create',
  'vault.unlock',
  'vault.recover',
  'vault.lock',
  'vault.listBackups',
  'vault.restoreBackup',
  'vault.exportBackup',
  'vault.uploadBackupPart',
  'vault.importBackup',
  'vault.changePassphrase',
  'vault.reencrypt',
  'vault.reencryptProgress',
  'session.activity',
  'settings.get',
  'settings.update',
  'profiles.list',
  'profiles.create',
  'profiles.rename',
  'profiles.updatePerson',
  'profiles.delete',
  'profiles.undoDelete',
  'profiles.loadSample',
  'drugs.list',
  'record.list',
  'record.listAll',
  'record.save',
  'record.restore',
  'record.summary',
  'drafts.save',
  'drafts.list',
  'drafts.delete',
  'record.delete',
  'careplan.get',
  'careplan.markDone',
  'careplan.undoDone',
  'careplan.snooze',
  'careplan.dismiss',
  'careplan.restore',
  'careplan.setResponsible',
  'careplan.saveOwnItem',
  'careplan.deleteOwnItem',
  'careplan.addReview',
  'careplan.deleteReview',
  'careplan.acknowledgeChanges',
  'library.list',
  'library.get',
  'library.glossary',
  'library.search',
  'library.listBookmarks',
  'library.addBookmark',
  'library.removeBookmark',
  'library.getPosition',
  'library.setPosition',
  'questions.list',
  'questions.add',
  'questions.remove',
  'documents.import',
  'documents.list',
  'documents.get',
  'documents.delete',
  'export.pdf',
  'export.csv',
  'export.calendar',
  'export.fhir',
  'import.fhirPreview',
  'import.fhirConfirm',
  'export.progress',
  'document.get'
] as const satisfies readonly MethodName[]

/** Fails to compile, naming the method, when a method of the contract is missing above. */
type EveryMethodListed<Missing extends never> = Missing
export type MethodNamesComplete = EveryMethodListed<
  Exclude<MethodName, (typeof METHOD_NAMES)[number]>
>

// ---- Requests from main to the page ----

/**
 * Main asks the page to save what is typed and keep unfinished forms as drafts: before its
 * window closes, before the app quits and before the core locks by itself. The request carries
 * an id; the page answers on BEFORE_CLOSE_DONE_CHANNEL with that id once it has finished, and
 * main waits for that answer (bounded by a timeout) before it goes on.
 */
export const BEFORE_CLOSE_CHANNEL = 'window.beforeClose'
export const BEFORE_CLOSE_DONE_CHANNEL = 'window.beforeCloseDone'

/** The id of one request from main; a reply carrying anything else is ignored. */
export type PageRequestId = number

export function isPageRequestId(value: unknown): value is PageRequestId {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0
}

/**
 * How a bridge hears main's requests and answers them: ipcRenderer's `on` and `send` in the
 * preload; an event stream and a POST through the loopback bridge.
 */
export interface PageRequestTransport {
  on: (channel: typeof BEFORE_CLOSE_CHANNEL, listener: (id: unknown) => void) => void
  send: (channel: typeof BEFORE_CLOSE_DONE_CHANNEL, id: PageRequestId) => void
}

/**
 * Builds the bridge object from the method list. The preload passes an IPC invoker and
 * ipcRenderer's on/send, the browser bridge fetch and an event stream; both therefore expose
 * exactly the same surface and answer main's requests the same way.
 */
export function buildBridge(
  invoke: (method: MethodName, input: unknown) => Promise<unknown>,
  requests: PageRequestTransport
): LanternBridge {
  const bridge: Record<string, unknown> = {}
  for (const name of METHOD_NAMES) {
    const [domain, verb] = name.split('.') as [string, string]
    const verbs = (bridge[domain] ??= {}) as Record<string, (input: unknown) => Promise<unknown>>
    verbs[verb] = (input: unknown) => invoke(name, input ?? {})
  }

  const beforeClose = new Set<() => Promise<void> | void>()
  requests.on(BEFORE_CLOSE_CHANNEL, (id) => {
    if (!isPageRequestId(id)) return
    // A handler that fails must not keep the window open: closing goes on once all settle.
    void Promise.allSettled([...beforeClose].map(async (handler) => handler())).then(() =>
      requests.send(BEFORE_CLOSE_DONE_CHANNEL, id)
    )
  })
  bridge.onBeforeClose = (handler: () => Promise<void> | void) => {
    beforeClose.add(handler)
    return () => {
      beforeClose.delete(handler)
    }
  }
  return bridge as unknown as LanternBridge
}
