/** How the person's own documents are described on screen: their kind and the day they came in. */
import type { DocumentKind } from '@shared/library.ts'
import { t } from '../../i18n/index.ts'
import { formatDate, todayIso } from '../../lib/format.ts'

export function kindLabel(kind: DocumentKind): string {
  return t(`documents.kinds.${kind}`)
}

/** The calendar day on this computer when the document was added ("3 May 2026"). */
export function importedOn(importedAt: string): string {
  const moment = new Date(importedAt)
  return Number.isNaN(moment.getTime()) ? '' : formatDate(todayIso(moment))
}
