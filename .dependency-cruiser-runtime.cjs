/**
 * The second pass of `npm run deps`: cycles among the imports that remain at run
 * time. `.dependency-cruiser.cjs` sees type-only imports too (its layer rules
 * count them), and dependency-cruiser records ONE cycle per import, the first it
 * finds: there a cycle of runtime imports could be reported through a type-only
 * import, and then let through. Here type-only imports are not in the graph.
 */
const base = require("./.dependency-cruiser.cjs");

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular-at-run-time",
      severity: "error",
      comment: "No module may reach itself again through the imports that run: which of the two loads first would decide what the other sees.",
      from: {},
      to: { circular: true },
    },
    ...base.forbidden.filter((rule) => rule.name === "not-to-unresolvable"),
  ],
  options: { ...base.options, tsPreCompilationDeps: false },
};
