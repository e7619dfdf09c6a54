// The boundaries between folders, checked by `npm run lint` (docs/architecture.md explains them).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-folder-cycles",
      comment: "Two folders that import each other are one feature split badly: move the shared part.",
      severity: "error",
      // Judged between folders: files of one folder may lean on each other.
      scope: "folder",
      from: { path: "^(app|components|lib|server)/" },
      to: { circular: true },
    },
    {
      name: "browser-code-stays-off-the-server",
      comment:
        "components/ and lib/ reach the browser: they never import server/. Types shared with the browser live in lib/; pages in app/ pass server actions down as props.",
      severity: "error",
      from: { path: "^(components|lib)/" },
      to: { path: "^server/" },
    },
    {
      name: "lib-is-below-components",
      comment: "lib/ holds rules, schemas and types; it never imports UI.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(components|app)/" },
    },
    {
      name: "adapty-client-does-not-know-the-sandbox",
      comment: "The embedded sandbox is handed to the client at start-up (server/boot.ts), never imported by it.",
      severity: "error",
      from: { path: "^server/adapty/" },
      to: { path: "^server/adapty-sandbox/" },
    },
    {
      name: "audit-and-auth-stay-apart",
      comment: "auth records its events through audit; audit never reaches back into auth.",
      severity: "error",
      from: { path: "^server/audit/" },
      to: { path: "^server/auth/" },
    },
    {
      name: "nothing-imports-app",
      comment: "app/ is the top: routes import features, never the reverse.",
      severity: "error",
      from: { path: "^(components|lib|server)/" },
      to: { path: "^app/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|\\.next|e2e/\\.artifacts)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
  },
};
