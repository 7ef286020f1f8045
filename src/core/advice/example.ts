/** The `/cc-advise` example shown with its errors and in help (a module of its own: help needs no parser). */
export const ADVISE_EXAMPLE = "volume=2000 pattern=inconsistent languages=en,es payments=yes";
