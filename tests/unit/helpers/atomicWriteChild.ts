/**
 * Run as a separate process by atomicWrite.test.ts and killed with SIGKILL mid-write:
 *
 *   node atomicWriteChild.ts <target> <megabytes> <fill byte> [sync|async]
 *
 * Writes <megabytes> of <fill byte> over <target> with writeFileAtomic (or, given `async`,
 * writeFileAtomicAsync, as exports write), then prints "done".
 */
import { writeFileAtomic, writeFileAtomicAsync } from '../../../electron/core/atomicFile.ts'

const [target, megabytes, fill, how = 'sync'] = process.argv.slice(2)
const bytes = Buffer.alloc(Number(megabytes) * 1024 * 1024, Number(fill))
if (how === 'async') await writeFileAtomicAsync(target!, bytes)
else writeFileAtomic(target!, bytes)
console.log('done')
