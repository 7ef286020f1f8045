import { z } from "zod";
import { DurableJsonFile } from "./durable-file.ts";
import type { InstallationRecord, InstallationRecords } from "./installations.ts";

const RecordSchema = z.object({
  id: z.string().min(1),
  teamId: z.string().optional(),
  enterpriseId: z.string().optional(),
  isEnterpriseInstall: z.boolean(),
  sealed: z.string(),
  installedAt: z.string(),
  uninstalledAt: z.string().optional(),
});

const FileSchema = z.object({
  version: z.literal(1),
  installations: z.record(z.string(), RecordSchema).default({}),
});
type InstallationsFile = z.infer<typeof FileSchema>;

export class InstallationsLoadError extends Error {
  constructor(path: string, reason: string) {
    super(`Cannot load the installations file ${path}: ${reason}. The file was left untouched.`);
    this.name = "InstallationsLoadError";
  }
}

/** The installations file that goes with a database file. */
export const installationsPathFor = (dbPath: string): string => `${dbPath}.installations.json`;

/** Drop keys whose value is undefined, so the record is as zod and the file would give it back. */
const clean = (rec: InstallationRecord): InstallationRecord =>
  Object.fromEntries(Object.entries(rec).filter(([, v]) => v !== undefined)) as unknown as InstallationRecord;

/**
 * Installations in their own JSON file beside the database (`<DB_PATH>.installations.json`), kept
 * apart from workspace data so the tokens (sealed, see src/slack/seal.ts) never travel with an export
 * of a workspace's data. Writes run one at a time and are atomic and durable (fsync'ed temp file
 * renamed over the old one); when `put` or `delete` resolves, the change is on disk. One process: the
 * database's lock, taken first, covers this file too.
 */
export class FileInstallationRecords implements InstallationRecords {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: DurableJsonFile<InstallationsFile>,
    private data: InstallationsFile,
  ) {}

  static async open(path: string): Promise<FileInstallationRecords> {
    const file = new DurableJsonFile<InstallationsFile>(path);
    let raw: unknown;
    try {
      raw = await file.read();
    } catch (err) {
      throw new InstallationsLoadError(
        path,
        err instanceof SyntaxError ? `it is not valid JSON (${err.message})` : String(err),
      );
    }
    // No file yet (a file holding JSON null is refused below, like a damaged database).
    if (raw === undefined) return new FileInstallationRecords(file, { version: 1, installations: {} });
    const parsed = FileSchema.safeParse(raw);
    if (!parsed.success)
      throw new InstallationsLoadError(
        path,
        `its content is not valid (${parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
          .join("; ")})`,
      );
    return new FileInstallationRecords(file, parsed.data as InstallationsFile);
  }

  async get(id: string): Promise<InstallationRecord | undefined> {
    const rec = Object.hasOwn(this.data.installations, id) ? this.data.installations[id] : undefined;
    return rec ? (structuredClone(rec) as InstallationRecord) : undefined;
  }

  async list(): Promise<InstallationRecord[]> {
    return Object.values(this.data.installations).map((r) => structuredClone(r) as InstallationRecord);
  }

  async put(rec: InstallationRecord): Promise<void> {
    const checked = clean(RecordSchema.parse(rec) as InstallationRecord);
    return this.write((installations) => {
      installations[checked.id] = checked;
      return [undefined, true];
    });
  }

  delete(id: string): Promise<boolean> {
    return this.write((installations) => {
      // Nothing to delete: nothing is written.
      if (!Object.hasOwn(installations, id)) return [false, false];
      delete installations[id];
      return [true, true];
    });
  }

  /** Change a copy, write it (when it changed), and only then make it the one read. */
  private write<T>(
    change: (installations: Record<string, InstallationRecord>) => [result: T, changed: boolean],
  ): Promise<T> {
    const run = async (): Promise<T> => {
      const installations = { ...this.data.installations } as Record<string, InstallationRecord>;
      const [result, changed] = change(installations);
      if (!changed) return result;
      const next: InstallationsFile = { version: 1, installations };
      await this.file.write(next);
      this.data = next;
      return result;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
