export default {
  test: {
    include: ["test/_scratch/**/*.scratch.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
};
