/**
 * Run as a separate process by exportPdf.test.ts and killed with SIGKILL mid-write:
 *
 *   node exportWriteChild.ts <data folder> <target> <megabytes>
 *
 * Does what export.pdf does when it saves into a folder the person chose: notes the export in
 * the data folder, then writes the file with writeFileAtomicAsync (exports/deliverFile.ts).
 * Prints "done" if not killed.
 */
import { writeFileAtomicAsync } from '../../../electron/core/atomicFile.ts'
import { noteExportWriting } from '../../../electron/core/document/exportTemps.ts'

const [dataDir, target, megabytes] = process.argv.slice(2)
const bytes = Buffer.alloc(Number(megabytes) * 1024 * 1024, 0x25)
const written = noteExportWriting(dataDir!, target!)
await writeFileAtomicAsync(target!, bytes)
written()
console.log('done')
