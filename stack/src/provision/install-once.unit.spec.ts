import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { installOnce } from "./install-once";

describe("installOnce", () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "install-once-"));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it("builds once, then reuses the install while the stamp matches", async () => {
    let builds = 0;
    const build = async (work: string) => {
      builds += 1;
      await writeFile(join(work, "tool"), "v1");
    };
    const dir = join(root, "tool-1");
    expect((await installOnce({ dir, stamp: "a", build })).built).toBe(true);
    expect((await installOnce({ dir, stamp: "a", build })).built).toBe(false);
    expect(builds).toBe(1);
    expect(await readFile(join(dir, "tool"), "utf8")).toBe("v1");
  });

  it("leaves nothing that looks installed when the build fails", async () => {
    const dir = join(root, "tool-1");
    const failing = installOnce({
      dir,
      stamp: "a",
      build: async (work) => {
        await writeFile(join(work, "half"), "x");
        throw new Error("killed");
      },
    });
    await expect(failing).rejects.toThrow("killed");
    expect(existsSync(dir)).toBe(false);
    expect(await readdir(root)).toEqual([]);
  });

  it("replaces an install whose stamp changed", async () => {
    const dir = join(root, "tool-1");
    await installOnce({ dir, stamp: "a", build: (work) => writeFile(join(work, "tool"), "old") });
    const second = await installOnce({ dir, stamp: "b", build: (work) => writeFile(join(work, "tool"), "new") });
    expect(second.built).toBe(true);
    expect(await readFile(join(dir, "tool"), "utf8")).toBe("new");
    expect(await readdir(root)).toEqual(["tool-1"]);
  });
});
