// A test-only hook for the crash-safety test (src/test/crash-safety.test.ts): with WENMING_TEST_PAUSE naming a
// point (a comma list; never in production), the request or job reaching that point inside its transaction
// prints `wenming-test-paused <point>` and waits for ever, so the test's SIGKILL lands mid-transaction.

/** Wait for ever at `point` when WENMING_TEST_PAUSE names it (outside production); otherwise return at once. */
export async function pauseForTest(point: string): Promise<void> {
  const wanted = process.env.WENMING_TEST_PAUSE;
  if (!wanted || process.env.NODE_ENV === 'production' || !wanted.split(',').includes(point)) return;
  process.stdout.write(`wenming-test-paused ${point}\n`);
  await new Promise<never>(() => {});
}
