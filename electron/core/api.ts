/**
 * The core's implementation of every contract method. Inputs arrive already parsed by the
 * contract's schemas (see dispatch.ts); this file only maps methods to the domain modules.
 */
import { randomUUID } from 'node:crypto'
import { existsSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import type { MethodName, MethodOutput, ParsedInput, VaultStatus } from '../shared/contract.ts'
import type { ClinicalDocument } from '../shared/document.ts'
import { backupFileName, EXPORT_FILE_EXTENSIONS, exportFileName } from '../shared/export.ts'
import { type EntryKind, todayIso } from '../shared/record.ts'
import { anthracyclineTableWithSources, type CarePlanContent } from './careplan/content.ts'
import { acknowledgeChanges, carePlan, requirePlanItem } from './careplan/plan.ts'
import {
  addCompletion,
  addReview,
  deleteCompletion,
  deleteOwnItem,
  deleteReview,
  ownItemExists,
  planKept,
  saveOwnItem,
  updateItemState
} from './careplan/planState.ts'
import { shippedCarePlanContent } from './careplan/shippedContent.ts'
import {
  addBookmark,
  addQuestions,
  getPosition,
  listBookmarks,
  listQuestions,
  removeBookmark,
  removeQuestion,
  setPosition
} from './library/reading.ts'
import { type Library, shippedLibrary } from './library/shippedLibrary.ts'
import {
  deleteDocument,
  listDocuments,
  readDocumentInTurns,
  removeUnfinishedImports,
  saveDocument
} from './library/documents.ts'
import {
  type BuildStep,
  createDocumentSearch,
  type DocumentSearch
} from './library/documentSearch.ts'
import { mergeResults } from './library/search.ts'
import { deleteDraft, listDrafts, saveDraft } from './record/drafts.ts'
import { deleteEntry, listAllEntries, listEntries, saveEntry } from './record/entries.ts'
import {
  createProfile,
  deleteProfile,
  getProfile,
  listProfiles,
  purgeDeletedProfiles,
  renameProfile,
  undoDeleteProfile,
  updatePerson
} from './record/profiles.ts'
import { checkReferences, type DrugLookup } from './record/references.ts'
import { restoreDeleted } from './record/restore.ts'
import { CoreError } from './errors.ts'
import { type AutoLock, createAutoLock } from './autoLock.ts'
import { loadSampleProfile } from './record/sampleProfile.ts'
import { treatmentSummary } from './record/summary.ts'
import { settleUnusualDose } from './record/unusualDose.ts'
import { createJobRunner, type JobRunner } from './jobs/runner.ts'
import {
  clinicalDocument,
  summaryForPlan,
  type DocumentSources,
  exportPdf,
  PDF_RENDER_TIMEOUT_MS
} from './document/export.ts'
import { noteExportWriting, removeInterruptedExportTemps } from './document/exportTemps.ts'
import { decodeBase64InTurns } from './library/decodeInTurns.ts'
import { nextTurn } from './nextTurn.ts'
import { createReadMemo } from './readMemo.ts'
import { getSettings, noteBackupFileMade, updateSettings } from './settings.ts'
import { carePlanCalendar } from './exports/calendar.ts'
import type { FhirDrug } from './fhir/bundle.ts'
import type { FhirImportPlan } from './fhir/import/types.ts'
import { saveFhirImport } from './fhir/import/write.ts'
import {
  type ChooseExportPath,
  deliverFile,
  type DeliverDeps,
  deliverWrittenFile
} from './exports/deliverFile.ts'
import { ExportProgress } from './exports/progress.ts'
import { appendBackupPart, backupUploadFile } from './vault/backupUploads.ts'
import type { Db } from './vault/database.ts'
import { cachedStatement } from './vault/statements.ts'
import { Vault, type VaultOptions } from './vault/vault.ts'

export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>> | MethodOutput<M>
}

export interface Core {
  vault: Vault
  handlers: Handlers
  /** The inactivity lock; the Electron shell also locks through it (crash, sleep, screen lock). */
  autoLock: AutoLock
  /** Heavy, pure work on worker threads (document conversion), so the core keeps answering. */
  jobs: JobRunner
  /** The documents' search index, built and searched on a worker of its own while the vault is open. */
  documentSearch: DocumentSearch
  /** Called when the app quits: closes the database cleanly and wipes the key. */
  shutdown: () => Promise<void>
}

export interface CoreOptions extends VaultOptions {
  /** The drug catalog shipped in content/; tests may pass a smaller one. */
  drugs: DrugLookup
  /** The care-plan rules shipped in content/; tests may pass their own. */
  carePlanContent?: CarePlanContent
  /** The guides and glossary shipped in content/; tests may pass their own. */
  library?: Library
  /**
   * The job worker's script. The Electron shell passes its bundled copy (out/main/jobWorker.js);
   * from source (Vitest, the bridge, tools), which always start in the repository's root folder,
   * it is the TypeScript file itself, run by Node's type stripping.
   */
  jobWorker?: string
  /** Asks the open pages to save what they hold before the core locks by itself (Electron). */
  beforeLock?: () => Promise<void>
  /**
   * The desktop shell's native save dialog for `export.pdf`: main only asks where, and the core
   * writes the file there. Without it (bridge, tests) the PDF's bytes are answered instead.
   */
  chooseExportPath?: ChooseExportPath
  /** Awaited before each part the documents' index build reads; tests pass a gate to act mid-build. */
  documentIndexPace?: (step: BuildStep) => Promise<void>
}

export function createCore(options: CoreOptions): Core {
  // A deleted person can be brought back until the vault locks; after that they are gone.
  const purge = (db: Db) => purgeDeletedProfiles(db, { everything: true })
  // What an import cut short by a lock or a kill wrote before its document row. Then search is
  // made ready for the first keystroke: the documents' index starts building on its worker, and
  // the guides' (once per run of the app) in turns here.
  const afterOpen = (db: Db) => {
    purge(db)
    removeUnfinishedImports(db)
    documentSearch.open(db)
    void library.prepare()
  }
  const workerFile = options.jobWorker ?? resolve('electron/core/jobs/worker.ts')
  const jobs = createJobRunner({ workerFile })
  // The person's documents are indexed (in a worker's memory) while the vault is open, and only then.
  const documentSearch = createDocumentSearch({ workerFile, pace: options.documentIndexPace })
  // The documents' search index holds their text: it goes when the vault closes, and so do the
  // workers (an import still converting has nowhere to be saved).
  // A FHIR file read and shown, waiting for the person to confirm: the person's data, so it goes
  // when the vault closes.
  let pendingImport: { previewId: string; plan: FhirImportPlan } | null = null
  const beforeClose = (db: Db) => {
    pendingImport = null
    autoLock.closed()
    void documentSearch.close()
    memo.clear()
    layoutPrepared = false
    void jobs.close()
    purge(db)
  }
  const vault = new Vault({ afterOpen, beforeClose, ...options })
  // Beside the vault's own start-up housekeeping: what a killed export left in its folder.
  removeInterruptedExportTemps(options.dataDir)
  const autoLock = createAutoLock({
    isUnlocked: () => vault.state === 'unlocked',
    lock: () => vault.lock(),
    minutes: () => getSettings(vault.db).autoLockMinutes,
    beforeLock: options.beforeLock
  })
  const { drugs } = options
  const plan = { content: options.carePlanContent ?? shippedCarePlanContent(), drugs }
  const library = options.library ?? shippedLibrary()
  const guideById = (guideId: string) => {
    const guide = library.guides.find((g) => g.id === guideId)
    if (!guide) throw new CoreError('NOT_FOUND', 'That guide is not in the library.')
    return guide
  }
  // A new vault opens without afterOpen: its (empty) index starts when first needed.
  const indexedDocuments = () => {
    if (documentSearch.state === 'closed') documentSearch.open(vault.db)
    return documentSearch
  }
  const requireSection = (guideId: string, sectionId: string) => {
    if (!guideById(guideId).sections.some((s) => s.id === sectionId)) {
      throw new CoreError('NOT_FOUND', 'That section is not in the guide.')
    }
  }
  // The Summary screen shows the document and offers its export: while the person reads, a worker
  // lays the same document out once, unseen, so that the export they may ask for runs on a
  // worker whose code is compiled and whose fonts are parsed and shaped (a cold first export of a
  // long record took over a second; a warm one a fifth of that). Once per unlock: the workers,
  // and what they learned, end when the vault locks.
  let layoutPrepared = false
  const prepareLayout = (doc: ClinicalDocument) => {
    if (layoutPrepared) return
    layoutPrepared = true
    jobs
      .runJob(
        'pdf.render',
        { doc, paper: 'A4' },
        { signal: AbortSignal.timeout(PDF_RENDER_TIMEOUT_MS) }
      )
      .catch(() => (layoutPrepared = false))
  }
  // The phase of the exports running now, for `export.progress`.
  const exportProgress = new ExportProgress()
  const status = (): VaultStatus => {
    const backupWarning = vault.backupWarning
    return backupWarning ? { state: vault.state, backupWarning } : { state: vault.state }
  }

  // The summary and the plan as the screens and the export ask for them, remembered until the
  // vault is written (readMemo.ts). The day is part of the stamp: the plan's due dates count from it.
  const totalChanges = () =>
    Number(
      (cachedStatement(vault.db, 'SELECT total_changes() AS n').get() as { n: number | bigint }).n
    )
  const memo = createReadMemo(() => `${totalChanges()}|${todayIso()}`)
  const summaryOf = memo.remembered(
    (profileId: string) => profileId,
    (profileId: string) =>
      treatmentSummary(vault.db, profileId, drugs, anthracyclineTableWithSources(plan.content))
  )
  const planOf = memo.remembered(
    (profileId: string, asOf: string) => `${profileId}|${asOf}`,
    (profileId: string, asOf: string) => carePlan(vault.db, profileId, plan, asOf)
  )

  /** Runs a change to the plan in one transaction and answers with the whole plan again. */
  const changePlan = (profileId: string, change: (db: Db) => void) => {
    const db = vault.db
    db.transaction(() => {
      getProfile(db, profileId)
      change(db)
    })()
    return planOf(profileId, todayIso())
  }
  // The same functions record.summary, careplan.get and questions.list answer with, so the
  // document (on the Summary screen and in the file) says what the other screens say.
  const documentSources: DocumentSources = {
    summary: summaryOf,
    plan: (profileId) => planOf(profileId, todayIso()),
    questions: (profileId) => listQuestions(vault.db, profileId),
    changes: totalChanges
  }
  // The plan as it stands before the change, as careplan.get last answered with it.
  const requireItem = (profileId: string, itemKey: string) =>
    requirePlanItem(planOf(profileId, todayIso()), itemKey)

  // Where every export file goes: the native dialog's place, or back for a download.
  const deliverDeps: DeliverDeps = {
    chooseExportPath: options.chooseExportPath,
    noteWriting: (target) => noteExportWriting(options.dataDir, target),
    scratchDir: options.dataDir,
    progress: exportProgress
  }

  /** Awaits a step that opens the vault (or reopens it, as a restore does): the minutes start now. */
  const opening = async <T>(step: Promise<T>): Promise<T> => {
    const result = await step
    if (vault.state === 'unlocked') autoLock.opened()
    return result
  }

  const handlers: Handlers = {
    'vault.status': status,
    'vault.create': async ({ passphrase }) => {
      const created = await opening(vault.create(passphrase))
      // A new vault opens without afterOpen.
      void library.prepare()
      return created
    },
    'vault.unlock': async ({ passphrase }) => {
      await opening(vault.unlock(passphrase))
      return status()
    },
    'vault.recover': async ({ recoveryCode, newPassphrase }) => {
      await opening(vault.recover(recoveryCode, newPassphrase))
      return status()
    },
    'vault.lock': async () => {
      await vault.lock()
      return status()
    },
    'vault.listBackups': () =>
      vault.listBackups().map(({ id, createdAt, reason }) => ({
        id,
        createdAt: createdAt.toISOString(),
        reason
      })),
    'vault.restoreBackup': async ({ backupId, secret }) => {
      await opening(vault.restoreBackup(backupId, secret))
      return status()
    },
    'vault.exportBackup': async () => {
      let made: Date | null = null
      const result = await deliverWrittenFile(
        deliverDeps,
        { fileName: backupFileName(todayIso()), kind: 'backup' },
        async (target) => {
          made = await vault.exportBackupFile(target)
        }
      )
      if (made) noteBackupFileMade(vault.db, made)
      return result
    },
    'vault.uploadBackupPart': async ({ uploadId, offset, base64 }) => ({
      // Decoded a megabyte per turn: a 2 MB part decoded at once held the core's thread ~24 ms.
      receivedBytes: appendBackupPart(
        options.dataDir,
        uploadId,
        offset,
        await decodeBase64InTurns(base64)
      )
    }),
    'vault.importBackup': async ({ uploadId, secret, replaceExisting }) => {
      const file = backupUploadFile(options.dataDir, uploadId)
      if (!existsSync(file)) {
        throw new CoreError('NOT_FOUND', 'That upload has ended. Choose the file again.')
      }
      try {
        await opening(vault.importBackupFile(file, secret, replaceExisting))
      } finally {
        rmSync(file, { force: true })
      }
      return status()
    },
    'vault.changePassphrase': async ({ currentPassphrase, newPassphrase }) => {
      await vault.changePassphrase(currentPassphrase, newPassphrase)
      return null
    },
    'vault.reencrypt': ({ currentPassphrase, newPassphrase }) =>
      vault.reencrypt(currentPassphrase, newPassphrase),
    // Not queued behind the vault's work: it must answer while a re-encryption runs.
    'vault.reencryptProgress': () => vault.reencryptProgress,

    'session.activity': () => {
      if (vault.state !== 'unlocked') throw new CoreError('VAULT_LOCKED', 'The vault is locked.')
      autoLock.activity()
      return null
    },

    'settings.get': () => getSettings(vault.db),
    'settings.update': (changes) => {
      const settings = updateSettings(vault.db, changes)
      autoLock.settingsChanged()
      return settings
    },

    'profiles.list': () => listProfiles(vault.db),
    'profiles.create': ({ displayName }) => createProfile(vault.db, displayName),
    'profiles.rename': ({ id, displayName }) => renameProfile(vault.db, id, displayName),
    'profiles.updatePerson': (person) => updatePerson(vault.db, person),
    'profiles.delete': ({ id }) => deleteProfile(vault.db, id),
    'profiles.undoDelete': ({ id }) => undoDeleteProfile(vault.db, id),
    'profiles.loadSample': () => loadSampleProfile(vault.db, drugs),

    'drugs.list': () =>
      drugs.drugs.map((d) => ({
        id: d.id,
        genericName: d.genericName,
        otherNames: [...d.otherNames],
        brandNames: [...d.brandNames],
        class: d.class,
        routes: [...d.routes],
        doseUnits: [...d.doseUnits]
      })),

    'record.list': ({ profileId, kind }) => {
      getProfile(vault.db, profileId)
      return listEntries(vault.db, kind, profileId)
    },
    'record.listAll': ({ profileId }) => {
      getProfile(vault.db, profileId)
      return listAllEntries(vault.db, profileId)
    },
    'record.save': ({ kind, entry }) => {
      const db = vault.db
      // One edit, one transaction: the checks and the write see the same database.
      return db.transaction(() => {
        checkReferences(db, kind, entry, drugs)
        return saveEntry(db, kind as EntryKind, settleUnusualDose(db, kind, entry, drugs))
      })()
    },
    'record.summary': ({ profileId }) => summaryOf(profileId),
    'drafts.save': (draft) => saveDraft(vault.db, draft),
    'drafts.list': ({ profileId }) => listDrafts(vault.db, profileId),
    'drafts.delete': ({ id }) => {
      deleteDraft(vault.db, id)
      return null
    },
    'record.delete': ({ kind, id }) => {
      deleteEntry(vault.db, kind, id)
      return null
    },
    'record.restore': (input) => {
      restoreDeleted(vault.db, input, drugs)
      return listAllEntries(vault.db, input.profileId)
    },

    'careplan.get': ({ profileId, asOf }) => planOf(profileId, asOf ?? todayIso()),
    'careplan.markDone': ({ profileId, itemKey, doneOn, note }) =>
      changePlan(profileId, (db) => {
        requireItem(profileId, itemKey)
        addCompletion(db, profileId, itemKey, doneOn, note, todayIso())
        // Done ends a snooze: the next due date now counts from this check.
        updateItemState(db, profileId, itemKey, { snoozedUntil: null })
      }),
    'careplan.undoDone': ({ profileId, completionId }) =>
      changePlan(profileId, (db) => deleteCompletion(db, profileId, completionId)),
    'careplan.snooze': ({ profileId, itemKey, until }) =>
      changePlan(profileId, (db) => {
        requireItem(profileId, itemKey)
        updateItemState(db, profileId, itemKey, { snoozedUntil: until })
      }),
    'careplan.dismiss': ({ profileId, itemKey, reason }) =>
      changePlan(profileId, (db) => {
        requireItem(profileId, itemKey)
        updateItemState(db, profileId, itemKey, { dismissed: { reason, on: todayIso() } })
      }),
    'careplan.restore': ({ profileId, itemKey }) =>
      changePlan(profileId, (db) => {
        requireItem(profileId, itemKey)
        updateItemState(db, profileId, itemKey, { dismissed: null })
      }),
    'careplan.setResponsible': ({ profileId, itemKey, responsible }) =>
      changePlan(profileId, (db) => {
        requireItem(profileId, itemKey)
        updateItemState(db, profileId, itemKey, { responsible })
      }),
    'careplan.saveOwnItem': ({ profileId, ...item }) =>
      changePlan(profileId, (db) => {
        const id = saveOwnItem(db, profileId, { ...item, what: item.what ?? null })
        // The form says who is responsible; it replaces any earlier choice made on the card.
        updateItemState(db, profileId, `own.${id}`, { responsible: null })
      }),
    'careplan.deleteOwnItem': ({ profileId, id }) =>
      changePlan(profileId, (db) => {
        if (!ownItemExists(db, profileId, id)) {
          throw new CoreError('NOT_FOUND', 'That item is not in the plan.')
        }
        deleteOwnItem(db, profileId, id)
      }),
    'careplan.addReview': ({ profileId, ...review }) =>
      changePlan(profileId, (db) =>
        addReview(db, profileId, { ...review, note: review.note ?? null })
      ),
    'careplan.deleteReview': ({ profileId, id }) =>
      changePlan(profileId, (db) => deleteReview(db, profileId, id)),
    'careplan.acknowledgeChanges': ({ profileId }) =>
      changePlan(profileId, (db) =>
        acknowledgeChanges(db, profileId, plan, planOf(profileId, todayIso()))
      ),

    'library.list': () =>
      library.guides.map(({ introHtml: _intro, sections: _sections, ...summary }) => summary),
    'library.get': ({ guideId }) => guideById(guideId),
    'library.glossary': () => ({ terms: library.glossary, sources: library.glossarySources }),
    'library.search': async ({ query, limit }) => {
      // Sent first, so the worker looks through the documents while the guides are searched here.
      const documents = vault.state === 'unlocked' ? indexedDocuments().search(query, limit) : null
      const guides = library.index().search(query, limit)
      return mergeResults([guides, (await documents) ?? []], limit)
    },
    'library.listBookmarks': () => listBookmarks(vault.db),
    'library.addBookmark': (bookmark) => {
      requireSection(bookmark.guideId, bookmark.sectionId)
      addBookmark(vault.db, bookmark)
      return listBookmarks(vault.db)
    },
    'library.removeBookmark': ({ id }) => {
      removeBookmark(vault.db, id)
      return listBookmarks(vault.db)
    },
    'library.getPosition': ({ guideId }) => {
      guideById(guideId)
      return getPosition(vault.db, guideId)
    },
    'library.setPosition': ({ guideId, sectionId }) => {
      requireSection(guideId, sectionId)
      setPosition(vault.db, guideId, sectionId)
      return null
    },
    'questions.list': ({ profileId }) => {
      getProfile(vault.db, profileId)
      return listQuestions(vault.db, profileId)
    },
    'questions.add': ({ profileId, questions, guideId, sectionId }) => {
      const db = vault.db
      getProfile(db, profileId)
      if (guideId && sectionId) requireSection(guideId, sectionId)
      db.transaction(() => addQuestions(db, profileId, questions, { guideId, sectionId }))()
      return listQuestions(db, profileId)
    },
    'questions.remove': ({ profileId, id }) => {
      removeQuestion(vault.db, profileId, id)
      return listQuestions(vault.db, profileId)
    },

    'documents.import': async ({ fileName, kind, content }) => {
      // The request was checked in this turn (an 8 MB file takes a while); its bytes are
      // decoded in the next ones, then moved to the worker.
      await nextTurn()
      const bytes = await decodeBase64InTurns(content)
      // The conversion runs on a worker; the database write stays here, with the key.
      const converted = await jobs.runJob('convertDocument', { fileName, kind, bytes })
      // Written in parts, a turn of the event loop between each: other calls are answered.
      const saved = await saveDocument(vault.db, {
        title: converted.title,
        html: converted.html,
        fileName,
        kind
      })
      // Searchable when the import answers: the HTML's bytes move on to the index's worker.
      await indexedDocuments().added(saved, converted.html)
      return saved
    },
    'documents.list': () => listDocuments(vault.db),
    'documents.get': ({ id }) => readDocumentInTurns(vault.db, id),
    'documents.delete': async ({ id }) => {
      const deleting = deleteDocument(vault.db, id)
      // Out of search at once, while its parts are overwritten.
      await Promise.all([deleting, indexedDocuments().removed(id)])
      return listDocuments(vault.db)
    },

    'document.get': async ({ profileId }) => {
      const summary = await summaryForPlan(documentSources, profileId)
      const doc = await clinicalDocument(documentSources, profileId, todayIso(), summary)
      prepareLayout(doc)
      return doc
    },
    'export.pdf': (input) => exportPdf({ ...documentSources, jobs, deliver: deliverDeps }, input),
    'export.csv': ({ profileId, table }) => {
      const profile = getProfile(vault.db, profileId)
      const what = table === 'administrations' ? 'medicines' : 'measurements'
      const fileName = exportFileName(
        profile.displayName,
        todayIso(),
        what,
        EXPORT_FILE_EXTENSIONS.csv
      )
      return deliverFile(deliverDeps, { fileName, kind: 'csv' }, () => {
        const db = vault.db
        const administrations =
          table === 'administrations' ? listEntries(db, 'administration', profileId) : []
        const drugNames = [...new Set(administrations.map((a) => a.drugId))].map(
          (id): [string, string] => [id, drugs.byId(id)?.genericName ?? id]
        )
        return jobs.runJob('csv.write', {
          table,
          administrations,
          measurements: listEntries(db, 'measurement', profileId),
          phases: table === 'administrations' ? listEntries(db, 'phase', profileId) : [],
          drugNames
        })
      })
    },
    'export.calendar': ({ profileId, timeZone, includeName }) => {
      const profile = getProfile(vault.db, profileId)
      // Made before the save dialog opens: a zone that is not one is refused beside its field.
      const ics = carePlanCalendar(planOf(profileId, todayIso()), {
        timeZone,
        personLabel: includeName ? profile.displayName : null,
        now: new Date()
      })
      const fileName = exportFileName(
        profile.displayName,
        todayIso(),
        'follow-up dates',
        EXPORT_FILE_EXTENSIONS.calendar
      )
      return deliverFile(deliverDeps, { fileName, kind: 'calendar' }, () => ics)
    },
    'export.fhir': ({ profileId }) => {
      const profile = getProfile(vault.db, profileId)
      const fileName = exportFileName(
        profile.displayName,
        todayIso(),
        'record (FHIR)',
        EXPORT_FILE_EXTENSIONS.fhir
      )
      return deliverFile(deliverDeps, { fileName, kind: 'fhir' }, async () => {
        // The summary and plan the screens show, read to agree with each other (summaryForPlan).
        let summary = await summaryForPlan(documentSources, profileId)
        let carePlan = documentSources.plan(profileId)
        // The plan of a long record takes up to ~30 ms, the entries and their copy to the worker
        // as much again: calls that arrived meanwhile are answered in between. A change saved
        // then would make the entries disagree with the totals, so both are read again.
        const readAt = documentSources.changes()
        await nextTurn()
        const entries = listAllEntries(vault.db, profileId)
        if (documentSources.changes() !== readAt) {
          summary = documentSources.summary(profileId)
          carePlan = documentSources.plan(profileId)
        }
        const kept = planKept(
          vault.db,
          profileId,
          carePlan.items.map((i) => i.key)
        )
        const named = [...new Set(entries.administration.map((a) => a.drugId))]
        return jobs.runJob('fhir.bundle', {
          profile: getProfile(vault.db, profileId),
          entries,
          summary,
          carePlan,
          planKept: kept,
          drugs: named.flatMap((id) => {
            const drug = drugs.byId(id)
            return drug ? [[id, drug] as [string, FhirDrug]] : []
          }),
          exportedAt: new Date().toISOString()
        })
      })
    },
    'import.fhirPreview': async ({ gzipBase64 }) => {
      // The preview is the person's data, kept only while the vault is open.
      if (vault.state !== 'unlocked') throw new CoreError('VAULT_LOCKED', 'The vault is locked.')
      // Decoded a megabyte per turn and moved to the worker: a 2,000-dose record's file decoded
      // at once held the core's thread 20 to 70 ms.
      // Checked as it is decoded, not by the schema: a regular expression over the text of a
      // long record's file alone held the thread ~30 ms.
      const gzipped = await decodeBase64InTurns(gzipBase64).catch(() => {
        const message = 'That file did not arrive whole. Choose it again.'
        throw new CoreError('INVALID_INPUT', message, [{ path: 'file', message }])
      })
      // Unpacked and read on the worker: the file's text never holds the core's thread.
      const plan = await jobs.runJob('fhir.read', { gzipped, drugs: { drugs: drugs.drugs } })
      pendingImport = { previewId: randomUUID(), plan }
      return {
        previewId: pendingImport.previewId,
        source: plan.source,
        personName: plan.person.displayName,
        willImport: plan.willImport,
        notImported: plan.notImported
      }
    },
    'import.fhirConfirm': ({ previewId }) => {
      if (!pendingImport || pendingImport.previewId !== previewId) {
        throw new CoreError('NOT_FOUND', 'That import has ended. Choose the file again.')
      }
      const { plan } = pendingImport
      // Taken at once: the save runs over many turns, and a second press must not save it twice.
      pendingImport = null
      return saveFhirImport(() => vault.db, plan, drugs)
    },
    'export.progress': () => {
      const phase = exportProgress.current()
      return phase ? { phase } : null
    }
  }

  const shutdown = async () => {
    await vault.lock()
    await Promise.all([jobs.close(), documentSearch.close()])
  }
  return { vault, handlers, autoLock, jobs, documentSearch, shutdown }
}
