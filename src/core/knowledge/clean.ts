/**
 * Turn what someone typed in Slack into plain question text: Slack wraps mentions, channels and links
 * in <...>, escapes &, < and >, and people paste code, emoji and very long texts.
 */

/** Only this much of a question is read; a real question is far shorter. */
export const MAX_QUESTION_CHARS = 500;

export interface CleanQuestion {
  /** The question as plain text, possibly empty. */
  text: string;
  /** The text had something besides markup (so an empty result means "only emoji/code/mentions"). */
  hadInput: boolean;
  /** What was left out, for an honest note in the reply. */
  droppedCode: boolean;
  onlyEmoji: boolean;
  truncated: boolean;
}

// Pictographs, flags, keycaps, variation selectors and joiners: what emoji are made of.
const EMOJI =
  /\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D}|\u{20E3}/gu;
const SHORTCODE = /:[a-z0-9_+'-]+(?:::skin-tone-\d)?:/gi;

export function cleanQuestion(raw: string): CleanQuestion {
  const input = typeof raw === "string" ? raw : "";
  let t = input;
  const fenced = /```[\s\S]*?(?:```|$)/g;
  const droppedCode = fenced.test(t);
  t = t.replace(fenced, " ");
  t = t
    // <@U123>, <@U123|name>, <!here>, <!subteam^S1|@team>, <#C123|general>: addressing, not content.
    .replace(/<[@!#][^>]*>/g, " ")
    // <https://x|label> and <mailto:a@b|label> keep the label; bare links are dropped.
    .replace(/<(?:https?|mailto|tel):[^|>]*\|([^>]*)>/gi, " $1 ")
    .replace(/<(?:https?|mailto|tel):[^>]*>/gi, " ")
    .replace(/https?:\/\/\S+/gi, " ")
    .replace(/`([^`\n]*)`/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    // mrkdwn emphasis markers around words.
    .replace(/(^|[\s(])[*_~]+(?=\S)|(?<=\S)[*_~]+(?=[\s).,!?:;]|$)/g, "$1")
    .replace(/^\s*>+\s?/gm, " ");
  const beforeEmoji = t.replace(/\s+/g, " ").trim();
  t = t.replace(SHORTCODE, " ").replace(EMOJI, " ");
  t = t.replace(/\s+/g, " ").trim();
  const onlyEmoji = beforeEmoji.length > 0 && !/[\p{L}\p{N}]/u.test(t);
  if (onlyEmoji) t = "";
  const truncated = t.length > MAX_QUESTION_CHARS;
  if (truncated) {
    // Cut at a word boundary so the last word is not a fragment.
    const cut = t.slice(0, MAX_QUESTION_CHARS);
    const space = cut.lastIndexOf(" ");
    t = space > MAX_QUESTION_CHARS * 0.8 ? cut.slice(0, space) : cut;
  }
  return { text: t, hadInput: input.trim().length > 0, droppedCode, onlyEmoji, truncated };
}
