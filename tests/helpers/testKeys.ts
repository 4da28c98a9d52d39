/**
 * A fixed Ed25519 key for test servers (as JWT_SECRET is fixed there): every
 * test server, production-mode ones included, signs e-licences with it. Never
 * used outside tests.
 */
export const TEST_LICENCE_SIGNING_KEY = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIIB8AdP8xpggskjpJ/qNNM6AGoSMANEhiNWX7W60OOhy
-----END PRIVATE KEY-----\n`;
