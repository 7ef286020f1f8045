/** Block Kit limits (Slack's documented maxima) and the margin we keep below them. */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
  contextElements: 10,
  contextText: 2000,
  modalTitle: 24,
  privateMetadata: 3000,
  // Messages fail with msg_blocks_too_long around 13k characters of JSON text; stay well below.
  messageChars: 12000,
} as const;

/** Cut text to a maximum length, ending with an ellipsis when something was cut. */
export const truncate = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
