import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "packages/*/test/**/*.test.ts"],
    testTimeout: 60_000,
    // The commands speak Vietnamese by default; tests written against their English wording run with
    // DX_LANG=en, and test/messages-vi.test.ts asserts the Vietnamese (DX_LANG=vi, or the default).
    env: { TZ: "UTC", DX_LANG: "en" },
  },
});
