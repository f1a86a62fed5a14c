// Flags for Debian's chromium in a container with no network: headless, no sandbox (root in CI), and
// none of the background services that would try to reach the internet.
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
