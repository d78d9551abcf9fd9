import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Encrypts personal data at rest (AES-256-GCM) and derives blind indexes (HMAC-SHA256) for lookups. */
export interface PiiCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  blindIndex(plain: string): string;
}

/** Key from configuration; in development a key file under the data dir is made once and reused. */
export function loadPiiKey(configKey: string | null, dataDir: string, env: string): Buffer {
  if (configKey) return Buffer.from(configKey, 'base64');
  if (env === 'production') throw new Error('WENMING_PII_KEY is required in production');
  const file = path.join(dataDir, 'keys', 'pii.key');
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  return key;
}

export function createPiiCipher(key: Buffer): PiiCipher {
  if (key.length !== 32) throw new Error('personal-data key must be 32 bytes');
  const encKey = crypto.createHmac('sha256', key).update('wenming:enc').digest();
  const macKey = crypto.createHmac('sha256', key).update('wenming:blind-index').digest();
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', encKey, iv);
      const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `v1.${iv.toString('base64url')}.${c.getAuthTag().toString('base64url')}.${ct.toString('base64url')}`;
    },
    decrypt(stored) {
      const [v, iv, tag, ct] = stored.split('.');
      if (v !== 'v1') throw new Error('unknown ciphertext version');
      const d = crypto.createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
      d.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
    },
    blindIndex(plain) {
      return crypto.createHmac('sha256', macKey).update(plain.trim().toUpperCase()).digest('base64url');
    },
  };
}
