import { loadConfig } from '../config';
import { BackupError, backupTo, restoreFrom } from './backup';

const KEY_NOTE =
  'The personal-data key is not in the backup. Keep WENMING_PII_KEY (or $WENMING_DATA_DIR/keys/pii.key) in a ' +
  'separate safe place: without it the ID numbers and phones in this backup cannot be read.';

/** `wenming backup --to FILE` / `wenming restore --from FILE [--force]`; a refusal exits 1 with its reason. */
export async function runBackupCommand(
  command: 'backup' | 'restore',
  values: { to?: string; from?: string; force?: boolean },
): Promise<number> {
  const config = loadConfig();
  try {
    if (command === 'backup') {
      if (!values.to) throw new BackupError('backup needs --to FILE');
      const m = await backupTo(config, values.to);
      console.log(`backup of ${m.engine} written to ${values.to} (${m.migrations} migrations, ${m.files} files)`);
      console.log(`${KEY_NOTE} Key fingerprint: ${m.keyFingerprint ?? 'none configured'}.`);
      return 0;
    }
    if (!values.from) throw new BackupError('restore needs --from FILE');
    const m = await restoreFrom(config, values.from, { force: values.force });
    console.log(`restored the ${m.engine} backup of ${m.createdAt} (${m.files} files); \`wenming start\` migrates it`);
    return 0;
  } catch (err) {
    if (!(err instanceof BackupError)) throw err;
    console.error(`${command} refused: ${err.message}`);
    return 1;
  }
}
