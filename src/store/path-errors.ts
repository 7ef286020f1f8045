import { dirname } from "node:path";

/**
 * Turn a file-system error about the database path into a message that names DB_PATH, says what is
 * wrong and how to fix it, with the system's code kept at the end for whoever needs it.
 */
export function describePathProblem(dbPath: string, err: unknown, stage: "folder" | "lock" | "read"): string {
  const e = err as NodeJS.ErrnoException;
  const code = e?.code ?? "";
  const dir = dirname(dbPath);
  const where = `DB_PATH=${dbPath}`;
  const tail = code ? ` (${code}${e.path ? ` on ${e.path}` : ""})` : "";
  switch (code) {
    case "EEXIST":
    case "ENOTDIR":
      return `${where} cannot be used: part of the folder path ${dir} is a file, not a folder. Move or rename that file, or set DB_PATH to a path in another folder.${tail}`;
    case "EACCES":
    case "EPERM":
      return stage === "folder"
        ? `${where} cannot be used: no permission to create the folder ${dir}. Create it yourself with write access for this user, or set DB_PATH to a folder this user can write.${tail}`
        : `${where} cannot be used: no permission to ${stage === "read" ? "read the file" : `write in the folder ${dir}`}. Give this user read and write access to ${dir}, or set DB_PATH to a folder this user can write.${tail}`;
    case "EROFS":
      return `${where} cannot be used: the folder ${dir} is on a read-only file system. Set DB_PATH to a writable location.${tail}`;
    case "ENOENT":
      return `${where} cannot be used: the folder ${dir} does not exist and could not be created. Create it, or set DB_PATH to an existing folder.${tail}`;
    case "EISDIR":
      return `${where} is a folder, not a file. Set DB_PATH to a file inside it.${tail}`;
    case "ENOSPC":
      return `${where} cannot be used: the disk holding ${dir} is full. Free some space or set DB_PATH elsewhere.${tail}`;
    default:
      return `${where} cannot be used: ${e?.message ?? String(err)}. Check that ${dir} is a folder this user can write, or set DB_PATH elsewhere.`;
  }
}
