/**
 * An error caused by what the user typed. Its message is shown to the user as is, with an example of
 * correct input, so it must be written for people: say what was wrong and how to fix it.
 */
export class UserInputError extends Error {
  readonly example: string | undefined;
  readonly details: string[];
  /** The input field at fault (a key such as "shrinkage"), so a modal can show the error on it. */
  readonly field: string | undefined;

  constructor(message: string, options: { example?: string; details?: string[]; field?: string } = {}) {
    super(message);
    this.name = "UserInputError";
    this.example = options.example;
    this.details = options.details ?? [];
    this.field = options.field;
  }
}

/**
 * One reading of an unclear input. Either the typed words and what to write instead to mean this
 * reading (`from`/`to`), or the whole `text` to run after the command (`/cc-<command> <text>`), for
 * readings that rewrite more than one word; `command` defaults to the command that asked.
 */
export type Reading =
  | { label: string; from: string; to: string; command?: string }
  | { label: string; text: string; command?: string };

/**
 * Input that has more than one sensible reading (`12.000` from an English locale, `03/04/2027`): the
 * reply asks, with one button per reading that runs the command again with that reading written out.
 */
export class ReadingQuestion extends UserInputError {
  readonly readings: Reading[];
  constructor(
    message: string,
    readings: Reading[],
    options: { example?: string; details?: string[]; field?: string } = {},
  ) {
    super(message, options);
    this.name = "ReadingQuestion";
    this.readings = readings;
  }
}

export const isUserInputError = (err: unknown): err is UserInputError => err instanceof UserInputError;
