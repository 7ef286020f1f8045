// Run as a child process by scheduler-kill.test.ts: start the scheduler and die with SIGKILL at the
// moment named by KILL_AT, as `kill -9` would.
import { startScheduler } from "../../src/scheduler/scheduler.ts";
import { FileStore as Store } from "../../src/store/file-store.ts";
import { FilePoster } from "./file-poster.ts";

const die = () => process.kill(process.pid, "SIGKILL");
const at = process.env.KILL_AT;
const store = await Store.open(process.env.DB_PATH ?? "");
const poster = new FilePoster(process.env.CHANNEL_FILE ?? "", {
  before: at === "before-post" ? die : undefined,
  after: at === "after-post" ? die : undefined,
});
const now = () => new Date(process.env.NOW ?? "");
const sched = startScheduler({ store, poster, intervalSeconds: 60, now, timer: false });
await sched.tickNow();
await sched.stop();
await store.close();
