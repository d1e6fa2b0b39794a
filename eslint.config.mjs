// Lint: TypeScript rules plus the layering of DEVELOPERS.md, enforced by import zones
// (VS Code's code-layering idea): the folder says which runtime code may use.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import importPlugin from "eslint-plugin-import";

const nodeBuiltins = ["fs", "path", "os", "child_process", "worker_threads", "crypto", "url", "stream", "util", "zlib", "http", "https", "net"];

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "*.config.js", "*.config.mjs", "bench/results.json"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { import: importPlugin },
    settings: { "import/resolver": { node: { extensions: [".ts", ".tsx", ".js"] } } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-require-imports": "off",
      "no-constant-condition": ["error", { checkLoops: false }],
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./src/core", from: "./src", except: ["./core"], message: "src/core is pure: it imports only core." },
            { target: "./src/excel", from: "./src", except: ["./core", "./excel"], message: "src/excel imports only core." },
            { target: "./src/file", from: "./src", except: ["./core", "./file"], message: "src/file imports only core." },
            // The file adapter reads and writes workbook bytes with no Node API (README: "so it also
            // runs in the task pane"): the pane's "Tổng hợp nhiều tệp" (issue 11) reads the files the
            // user chose with it, as the CLI does. src/excel stays free of it.
            { target: "./src/taskpane", from: "./src", except: ["./core", "./excel", "./file", "./taskpane"], message: "The task pane calls only the core, the Excel adapter and the (browser-safe) file adapter." },
            { target: "./src/commands", from: "./src", except: ["./core", "./excel", "./commands"], message: "The ribbon command calls only the core and the Excel adapter." },
            { target: "./src/cli", from: "./src", except: ["./core", "./file", "./cli"], message: "The CLI calls only the core and the file adapter." },
          ],
        },
      ],
    },
  },
  {
    // The core has no Node, no DOM, no Office: no imports of Node built-ins or of packages.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["node:*", ...nodeBuiltins], message: "No Node APIs in src/core." }, { group: ["react", "react-dom", "@fluentui/*", "@microsoft/office-js", "fflate", "exceljs"], message: "src/core imports no packages." }] }],
      "no-restricted-globals": ["error", "window", "document", "Office", "Excel", "process", "require", "Buffer", "navigator", "fetch", "XMLHttpRequest"],
    },
  },
  {
    // The file adapter also runs in the task pane (its consolidation): no Node APIs there either.
    files: ["src/file/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["node:*", ...nodeBuiltins], message: "No Node APIs in src/file: it runs in the task pane too." }] }] },
  },
  {
    // Nothing of ours makes network requests: personnel data never leaves the machine.
    files: ["src/**/*.ts", "src/**/*.tsx"],
    rules: { "no-restricted-globals": ["error", "fetch", "XMLHttpRequest", "WebSocket", "EventSource"] },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: { "no-restricted-globals": ["error", "window", "document", "Office", "Excel", "process", "require", "Buffer", "navigator", "fetch", "XMLHttpRequest", "WebSocket"] },
  },
  {
    files: ["test/**/*.ts", "test/**/*.tsx", "bench/**/*.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off", "@typescript-eslint/no-explicit-any": "off" },
  },
);
