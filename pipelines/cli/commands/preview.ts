import { existsSync } from "node:fs";
import path from "node:path";
import { SourceError, UsageError } from "../../../models/errors.ts";
import { serverUrl, startPreviewServer } from "../../publish/site/preview-server.ts";
import { COMMON_HELP, COMMON_OPTIONS, type Command } from "../command.ts";

export const previewCommand: Command = {
  name: "preview",
  summary: "serve the built site (DIST/site) on 127.0.0.1 to look at it in a browser",
  help: `Usage: ntg preview [--port N] [--dir DIR]

Serves DIST/site on http://127.0.0.1:PORT/ (this machine only) until you press Ctrl-C. Only files inside
the site folder are served. The site also works without a server: open DIST/site/index.html directly.

Options:
  --port N    port to listen on (default 8080; 0 picks a free one)
  --dir DIR   folder to serve (default: DIST/site)

${COMMON_HELP}

Examples:
  ntg build && ntg preview
  ntg preview --port 3000`,
  options: { ...COMMON_OPTIONS, port: { type: "string", default: "8080" }, dir: { type: "string" } },
  allowPositionals: false,
  async run({ config, values, reporter }) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError(`--port must be a whole number from 0 to 65535 (got "${values.port}")`);
    }
    const root =
      typeof values.dir === "string" ? path.resolve(values.dir) : path.join(config.distDir, "site");
    if (!existsSync(path.join(root, "index.html"))) {
      throw new SourceError(`no built site at ${root}`, "Run `ntg build` (or `ntg run`) first.");
    }
    const server = await startPreviewServer(root, port);
    reporter.info(`preview: serving ${root} on ${serverUrl(server)} (Ctrl-C to stop)`);
    await new Promise<void>((resolve) => {
      const stop = () => server.close(() => resolve());
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    return 0;
  },
};
