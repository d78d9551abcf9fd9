import { it } from 'vitest';
import { createTestApp } from './harness';
it('time', async () => {
  const t0 = performance.now();
  const a = await createTestApp();
  const t1 = performance.now();
  await a.close();
  const t2 = performance.now();
  const b = await createTestApp();
  const t3 = performance.now();
  const s = await b.login('admin');
  const t4 = performance.now();
  await b.close();
  console.log('first', t1 - t0, 'close', t2 - t1, 'second', t3 - t2, 'login', t4 - t3, 'close', performance.now() - t4);
}, 300000);
