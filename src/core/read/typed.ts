/**
 * What the user typed, echoed in a reply as code: Slack would otherwise turn `10:x:` into an emoji, a
 * `*` into bold or `<!here>` into a mention. Backticks inside are replaced, since they would end the code.
 */
export const typedText = (typed: string): string => `\`${typed.replace(/`/g, "'")}\``;
