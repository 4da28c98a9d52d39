/**
 * How Chromium runs on these machines, for the browser tests and the web
 * benchmark alike: Debian's package (playwright's own download does not work
 * here), headless, without the background traffic of a fresh profile.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
