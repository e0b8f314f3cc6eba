import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  resolveRequestPath,
  serverUrl,
  startPreviewServer,
} from "../../../pipelines/publish/site/preview-server.ts";

/** A raw GET (no URL normalisation by a client library), returning status, content type and body. */
function get(url: string, rawPath: string): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const call = request({ hostname, port, path: rawPath, method: "GET" }, (response) => {
      let body = "";
      response.on("data", (chunk) => {
        body += chunk;
      });
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          type: String(response.headers["content-type"] ?? ""),
          body,
        }),
      );
    });
    call.on("error", reject);
    call.end();
  });
}

describe("ntg preview's server", () => {
  let root: string;
  let site: string;
  let server: Server;
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), "ntg-preview-"));
    site = path.join(root, "site");
    mkdirSync(path.join(site, "areas"), { recursive: true });
    writeFileSync(path.join(site, "index.html"), "<p>home</p>");
    writeFileSync(path.join(site, "areas", "a b.html"), "<p>area</p>");
    writeFileSync(path.join(site, "site.css"), "body{}");
    writeFileSync(path.join(site, "data.parquet"), "PAR1");
    writeFileSync(path.join(root, "secret.txt"), "secret");
    symlinkSync(path.join(root, "secret.txt"), path.join(site, "link.txt"));
    server = await startPreviewServer(site, 0);
  });
  afterAll(() => {
    server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("listens on 127.0.0.1 only", () => {
    expect(serverUrl(server)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it("serves files inside the site with their content types", async () => {
    const url = serverUrl(server);
    expect(await get(url, "/")).toEqual({
      status: 200,
      type: "text/html; charset=utf-8",
      body: "<p>home</p>",
    });
    expect((await get(url, "/areas/a%20b.html")).body).toBe("<p>area</p>");
    expect((await get(url, "/site.css")).type).toBe("text/css; charset=utf-8");
    expect((await get(url, "/data.parquet")).type).toBe("application/vnd.apache.parquet");
  });

  it("never serves a file outside the site", async () => {
    const url = serverUrl(server);
    for (const attempt of [
      "/../secret.txt",
      "/%2e%2e/secret.txt",
      "/areas/..%2f..%2fsecret.txt",
      "/..%5csecret.txt",
      "/areas/%2e%2e/%2e%2e/secret.txt",
      "/link.txt",
      "/index.html%00.css",
    ]) {
      const response = await get(url, attempt);
      expect(response.status, attempt).toBe(404);
      expect(response.body, attempt).not.toContain("secret");
    }
    expect(resolveRequestPath(site, "/missing.html")).toBeUndefined();
  });
});
