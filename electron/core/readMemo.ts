/**
 * Answers worked out from the vault, remembered until its database is next written, the day
 * changes or the vault closes. The Summary screen, the care plan screen and the export each ask
 * for the same treatment summary and plan (15 to 30 ms each for a long record, on the thread
 * that answers every other call); asked again with nothing written, the answer is the same.
 *
 * "Nothing written" is SQLite's total_changes(): every row this connection inserted, updated or
 * deleted, triggers included, and the core writes the vault through this one connection only.
 * The stamp is read before the answer is worked out: a read that writes (the plan notes the day
 * an item first appeared, and keeps a copy to compare the next plan with) is worked out again at
 * the next call, as it would be without this memory, since its own write changed what it reads.
 *
 * The remembered answers are the person's data: `clear` runs when the vault closes (a connection
 * opened later also counts its changes from zero). They are shared, so callers only read them.
 */
export interface ReadMemo {
  /** `compute` with its answers remembered, one per key (`keyOf` names what the answer is for). */
  remembered<A extends unknown[], T>(
    keyOf: (...args: A) => string,
    compute: (...args: A) => T
  ): (...args: A) => T
  /** Forgets every answer. */
  clear(): void
}

/** `stamp` names the vault's state: the same string only while nothing was written. */
export function createReadMemo(stamp: () => string): ReadMemo {
  const memories: Map<string, unknown>[] = []
  return {
    remembered<A extends unknown[], T>(
      keyOf: (...args: A) => string,
      compute: (...args: A) => T
    ): (...args: A) => T {
      const answers = new Map<string, { stamp: string; value: T }>()
      memories.push(answers)
      return (...args: A): T => {
        const key = keyOf(...args)
        const now = stamp()
        const remembered = answers.get(key)
        if (remembered && remembered.stamp === now) return remembered.value
        const value = compute(...args)
        answers.set(key, { stamp: now, value })
        return value
      }
    },
    clear: () => memories.forEach((answers) => answers.clear())
  }
}
