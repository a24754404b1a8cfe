/**
 * How long the test's thread (the core's, in these tests) was held by `work`: the longest it
 * worked without a break, in the thread's own CPU time, so that a busy machine delaying timers
 * does not count. A timer ticks every millisecond; between two ticks nothing else could run.
 */
const threadCpuMs = () => {
  const { user, system } = process.threadCpuUsage()
  return (user + system) / 1000
}

export async function longestHold(work: () => Promise<unknown>): Promise<number> {
  let longest = 0
  let last = threadCpuMs()
  let ticking = true
  const tick = () => {
    const now = threadCpuMs()
    longest = Math.max(longest, now - last)
    last = now
    if (ticking) setTimeout(tick, 1)
  }
  setTimeout(tick, 1)
  await new Promise((resolve) => setTimeout(resolve, 5))
  longest = 0
  try {
    await work()
    // A hold at the very end shows at the next tick.
    await new Promise((resolve) => setTimeout(resolve, 5))
  } finally {
    ticking = false
  }
  return longest
}
