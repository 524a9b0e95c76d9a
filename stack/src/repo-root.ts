import { fileURLToPath } from "node:url";

/** stack/src/ -> the monorepo root, wherever the command was started from. */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
