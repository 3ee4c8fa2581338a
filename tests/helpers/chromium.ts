/**
 * How the tests and benches start Chromium: Debian's (nothing is downloaded), without a sandbox
 * or GPU, and without the background traffic this offline machine cannot serve.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}
