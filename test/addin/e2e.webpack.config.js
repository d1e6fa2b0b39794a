/* eslint-disable */
// The end-to-end test's bundles (test/addin/pane.e2e.test.ts), built in one webpack run:
// - "pane": the production task pane exactly as `npm run build` makes it (webpack.config.js),
//   written to its own folder so it never races test/addin/build.test.ts, which cleans dist/;
// - "fake": test/addin/e2e/fakeOffice.ts, the strict fake Excel behind window.Office / window.Excel,
//   which the test page loads before taskpane.js in place of office.js.
// `--env out=DIR` sets the output folder (default node_modules/.cache/hoso-e2e).
const path = require("path");
const base = require("../../webpack.config.js");

const root = path.resolve(__dirname, "..", "..");

module.exports = async (env = {}) => {
  const out = path.resolve(root, env.out || "node_modules/.cache/hoso-e2e");
  const pane = await base({}, { mode: "production" });
  pane.name = "pane";
  pane.mode = "production";
  pane.context = root;
  pane.output = { ...pane.output, path: path.join(out, "pane") };
  const fake = {
    name: "fake",
    mode: "development",
    devtool: false,
    context: root,
    entry: { "e2e-office": "./test/addin/e2e/fakeOffice.ts" },
    output: { path: path.join(out, "fake"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } } }] },
    performance: { hints: false },
  };
  return [pane, fake];
};
