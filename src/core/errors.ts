/**
 * An error caused by what the user typed. Its message is shown to the user as is, with an example of
 * correct input, so it must be written for people: say what was wrong and how to fix it.
 */
export class UserInputError extends Error {
  readonly example: string | undefined;
  readonly details: string[];
  /** The input field at fault (a key such as "shrinkage"), so a modal can show the error on it. */
  readonly field: string | undefined;
  /** Readings to choose from when the input could mean two things: shown as buttons, or lines to type. */
  readonly choices: InputChoice[];

  constructor(
    message: string,
    options: { example?: string; details?: string[]; field?: string; choices?: InputChoice[] } = {},
  ) {
    super(message);
    this.name = "UserInputError";
    this.example = options.example;
    this.details = options.details ?? [];
    this.field = options.field;
    this.choices = options.choices ?? [];
  }
}

/**
 * One reading of an ambiguous input, spelled so that it is not ambiguous any more: `text` is the whole
 * text to run after the command (`/cc-<command> <text>`); `command` defaults to the command that asked.
 */
export interface InputChoice {
  label: string;
  text: string;
  command?: string;
}

export const isUserInputError = (err: unknown): err is UserInputError => err instanceof UserInputError;
