/** The database could not be loaded: it names the file (or database) and says what is wrong. */
export class StoreLoadError extends Error {
  constructor(
    readonly dbPath: string,
    reason: string,
  ) {
    super(
      `Cannot load the database ${dbPath}: ${reason}. ${/^postgres(ql)?:/.test(dbPath) ? "Nothing was changed." : "The file was left untouched."}`,
    );
    this.name = "StoreLoadError";
  }
}

/** DB_PATH (or DATABASE_URL) cannot be used: what is wrong and how to fix it, not a raw errno. */
export class StorePathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StorePathError";
  }
}
