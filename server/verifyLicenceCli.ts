/**
 * `npm run verify-licence -- FILE.pdf [--key PUBLIC.pem]...`: checks a signed licence PDF offline.
 *
 * Without --key it uses the public half of this installation's own signing key, the file the server
 * generates beside the default SQLite database (data/licence-signing-key.pem; LICENCE_SIGNING_KEY_FILE or
 * DATABASE_URL move it), and says which key it used. Exit status: 0 genuine, 1 changed or unsigned,
 * 2 usage errors (no file, unreadable file or key).
 */
import fs from 'node:fs';
import path from 'node:path';
import { defaultSecretFile } from './auth/secret';
import { keyRing, type KeyInput } from './documents/signing';
import { SIGNING_KEY_FILE_NAME } from './documents/signingKey';
import { verifyLicenceFile } from './documents/verifyLicence';

export { verifyLicenceFile } from './documents/verifyLicence';

const USAGE = 'usage: npm run verify-licence -- FILE.pdf [--key PUBLIC.pem]...';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): { file: string; keyFiles: string[] } | 'help' {
  const keyFiles: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--key') {
      const next = argv[++i];
      if (!next) throw new UsageError('--key needs a file');
      keyFiles.push(next);
    } else if (arg.startsWith('--key=')) keyFiles.push(arg.slice(6));
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length !== 1) throw new UsageError(files.length === 0 ? 'no file given' : 'one file at a time');
  return { file: files[0]!, keyFiles };
}

function readKeys(keyFiles: string[], env: CliIo['env'], out: CliIo['out']): Record<string, KeyInput> {
  const local = keyFiles.length === 0;
  const files = local ? [env.LICENCE_SIGNING_KEY_FILE ?? defaultSecretFile(env.DATABASE_URL ?? 'sqlite:data/approval.sqlite', SIGNING_KEY_FILE_NAME)] : keyFiles;
  const pems: string[] = [];
  for (const file of files) {
    try {
      pems.push(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      throw new UsageError(local && missing ? `no --key given and no local signing key at ${path.resolve(file)}: pass the issuer's public key with --key PUBLIC.pem` : `cannot read key ${file}: ${(err as Error).message}`);
    }
  }
  let ring: Record<string, KeyInput>;
  try {
    ring = keyRing(pems);
  } catch (err) {
    throw new UsageError(`${files.join(', ')}: not an Ed25519 key in PEM form (${(err as Error).message})`);
  }
  const ids = Object.keys(ring).join(', ');
  out(local ? `Key:       ${ids}, the public half of this installation's key ${path.resolve(files[0]!)}` : `Key:       ${ids} (from ${files.join(', ')})`);
  return ring;
}

/** The whole command; returns the exit status. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let bytes: Uint8Array;
  let keys: Record<string, KeyInput>;
  try {
    const args = parseArgs(argv);
    if (args === 'help') {
      io.out(USAGE);
      return 0;
    }
    try {
      bytes = fs.readFileSync(args.file);
    } catch (err) {
      throw new UsageError(`cannot read ${args.file}: ${(err as Error).message}`);
    }
    io.out(`File:      ${path.resolve(args.file)} (${bytes.length} bytes)`);
    keys = readKeys(args.keyFiles, io.env, io.out);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`verify-licence: ${err.message}`);
    io.err(USAGE);
    return 2;
  }

  const check = await verifyLicenceFile(bytes, keys);
  const trust = check.valid ? '' : '  (unverified: the signature failed)';
  if (check.licenceId) io.out(`Licence:   ${check.licenceId}${check.licenceIdValid ? '' : '  (its GB/T 36904 check character does not check)'}${trust}`);
  else io.out('Licence:   none (no LicenceId in the document information)');
  const entries = Object.entries(check.metadata);
  if (entries.length > 0) {
    io.out(`Metadata:${trust}`);
    for (const [k, v] of entries) io.out(`  ${k}: ${v}`);
  }
  if (check.valid) {
    io.out(`GENUINE: signed with key ${check.keyId}, and not a byte changed since.`);
    return 0;
  }
  io.out(`NOT GENUINE: ${check.reason}`);
  return 1;
}

if (require.main === module) {
  main(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l), env: process.env }).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(2);
    },
  );
}
