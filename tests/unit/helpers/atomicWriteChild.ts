/**
 * Run as a separate process by atomicWrite.test.ts and killed with SIGKILL mid-write:
 *
 *   node atomicWriteChild.ts <target> <megabytes> <fill byte>
 *
 * Writes <megabytes> of <fill byte> over <target> with writeFileAtomic, then prints "done".
 */
import { writeFileAtomic } from '../../../electron/core/atomicFile.ts'

const [target, megabytes, fill] = process.argv.slice(2)
const bytes = Buffer.alloc(Number(megabytes) * 1024 * 1024, Number(fill))
writeFileAtomic(target!, bytes)
console.log('done')
