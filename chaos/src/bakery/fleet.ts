import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { startAppProcess, waitHealthy } from "@bakery/bench/system/app-process";
import { groupIsAlive, type ProcessGroup } from "@bakery/stack/processes/spawn-group";
import { poll } from "@bakery/stack/wait-until";

export type Role = "web" | "kitchen" | "bar";

/** One life of one app process: what the checker needs to judge a second start of an item. */
export type Incarnation = {
  role: Role;
  /** `kitchen-2`: the place in the fleet; a restart is a new incarnation in the same slot. */
  slot: string;
  n: number;
  pid: number;
  logFile: string;
  startedAt: number;
  readyAt?: number;
  endedAt?: number;
  end?: "SIGKILL" | "SIGTERM" | "exited";
  /** How the process group's leader ended (code or signal), as the OS said. */
  exit?: string;
  frozen: { from: number; to?: number }[];
};

export type Member = { incarnation: Incarnation; group: ProcessGroup };

const WORKSPACES: Record<Role, string> = {
  web: "@bakery/web",
  kitchen: "@bakery/kitchen-worker",
  bar: "@bakery/bar-worker",
};
const READY_TIMEOUT_MS = 120_000;

/**
 * The bakery's app processes, each in a process group of its own (so a signal reaches npm,
 * tsx and node alike), started, killed, stopped, frozen and thawed by slot, with the history
 * of every incarnation kept for the checker. Web slots keep their port across restarts.
 */
export function createFleet(opts: { env: NodeJS.ProcessEnv; logDir: string; webPorts: readonly number[] }) {
  const members: Member[] = [];
  const history: Incarnation[] = [];
  const count: Record<Role, number> = { web: 0, kitchen: 0, bar: 0 };
  const webUrl = (slot: string) => `http://127.0.0.1:${opts.webPorts[Number(slot.split("-")[1]) - 1]}`;

  function spawn(role: Role, slot: string): Member {
    const n = history.filter((i) => i.slot === slot).length + 1;
    const logFile = join(opts.logDir, `${slot}.${n}.log`);
    const group = startAppProcess({
      name: slot,
      workspace: WORKSPACES[role],
      env: opts.env,
      logFile,
      ...(role === "web" ? { extraArgs: ["-p", String(webUrl(slot).split(":")[2]), "-H", "127.0.0.1"] } : {}),
    });
    const incarnation: Incarnation = { role, slot, n, pid: group.pid, logFile, startedAt: Date.now(), frozen: [] };
    void group.exited.then((exit) => {
      incarnation.exit = exit.error?.message ?? (exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`);
      incarnation.endedAt ??= Date.now();
      // Not killed or stopped by us: it died by itself, which the report says.
      incarnation.end ??= "exited";
    });
    history.push(incarnation);
    const member = { incarnation, group };
    members.push(member);
    return member;
  }

  async function ready(member: Member): Promise<void> {
    const { role, slot, logFile } = member.incarnation;
    if (role === "web") await waitHealthy(webUrl(slot), [member.group], READY_TIMEOUT_MS);
    else
      await poll(
        async () => {
          if (member.group.hasExited()) throw new Error(`${slot} exited during start-up; see ${logFile}`);
          return (await readFile(logFile, "utf8").catch(() => "")).includes('"msg":"station open"');
        },
        { what: `${slot} to open its station`, timeoutMs: READY_TIMEOUT_MS, intervalMs: 200 },
      );
    member.incarnation.readyAt = Date.now();
  }

  const signal = (member: Member, sig: NodeJS.Signals) => {
    try {
      process.kill(-member.group.pid, sig);
    } catch {
      // already gone
    }
  };
  const gone = async (member: Member) => {
    await member.group.exited;
    await poll(async () => !groupIsAlive(member.group.pid), {
      what: `${member.incarnation.slot} to be gone`,
      timeoutMs: 30_000,
      intervalMs: 50,
    });
    members.splice(members.indexOf(member), 1);
  };

  return {
    webUrl,
    /** Starts an app in `slot` (a new slot of its role if none) and waits until it is ready. */
    async start(role: Role, slot?: string): Promise<Member> {
      const member = spawn(role, slot ?? `${role}-${++count[role]}`);
      await ready(member);
      return member;
    },
    /** Running (not frozen) members of a role. */
    live: (role: Role): Member[] =>
      members.filter((m) => m.incarnation.role === role && m.incarnation.frozen.every((f) => f.to !== undefined)),
    /** kill -9 of the whole process group. */
    async kill9(member: Member): Promise<void> {
      member.incarnation.endedAt = Date.now();
      member.incarnation.end = "SIGKILL";
      signal(member, "SIGKILL");
      await gone(member);
    },
    /** SIGTERM, as a deploy or a scale-down does; waits until it has left. */
    async stop(member: Member): Promise<void> {
      member.incarnation.end = "SIGTERM";
      await member.group.stop(30_000);
      members.splice(members.indexOf(member), 1);
    },
    freeze(member: Member): void {
      member.incarnation.frozen.push({ from: Date.now() });
      signal(member, "SIGSTOP");
    },
    thaw(member: Member): void {
      signal(member, "SIGCONT");
      const last = member.incarnation.frozen.at(-1);
      if (last && last.to === undefined) last.to = Date.now();
    },
    history: (): readonly Incarnation[] => history,
    /** Every member still running, by role (members that died by themselves included, for the report). */
    running: () => members.filter((m) => !m.group.hasExited()).map((m) => m.incarnation.slot),
    async stopAll(): Promise<void> {
      for (const member of members) if (member.incarnation.frozen.some((f) => f.to === undefined)) this.thaw(member);
      await Promise.all([...members].map((member) => this.stop(member)));
    },
  };
}
export type Fleet = ReturnType<typeof createFleet>;
