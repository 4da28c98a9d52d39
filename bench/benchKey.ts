import { generateKeyPairSync } from 'node:crypto';

/** Benches run servers in production mode, which needs an e-licence signing key: a throwaway one per process. */
export const BENCH_LICENCE_SIGNING_KEY: string =
  process.env.LICENCE_SIGNING_KEY ?? generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
