import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.sessionIdleMs).toBe(30 * 60_000);
    expect(c.databaseUrl).toBeNull();
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('names every bad variable in one clear message', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', WENMING_PII_KEY: 'short' })).toThrow(
      /PORT[\s\S]*DATABASE_URL: must start with postgres:\/\/[\s\S]*WENMING_PII_KEY/,
    );
  });

  it('refuses to start in production without a personal-data key', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/WENMING_PII_KEY: required in production/);
    expect(loadConfig({ NODE_ENV: 'production', WENMING_PII_KEY: Buffer.alloc(32, 1).toString('base64') }).env).toBe(
      'production',
    );
  });

  it('serves with several processes only on PostgreSQL', () => {
    expect(loadConfig({}).processes).toBe(1);
    expect(() => loadConfig({ WENMING_PROCESSES: '2' })).toThrow(
      /WENMING_PROCESSES: more than one process needs DATABASE_URL/,
    );
    expect(() => loadConfig({ WENMING_PROCESSES: '0' })).toThrow(/WENMING_PROCESSES/);
    expect(loadConfig({ WENMING_PROCESSES: '2', DATABASE_URL: 'postgres://localhost/x' }).processes).toBe(2);
  });
});
