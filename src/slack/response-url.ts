/**
 * A short ephemeral note to the person behind a payload, through its response_url: for requests no
 * listener answers (unreadable buttons, a workspace without an installation). At most 5 s.
 */
export async function tellByResponseUrl(url: string, text: string): Promise<void> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ response_type: "ephemeral", replace_original: false, text }),
    signal: AbortSignal.timeout(5000),
  });
  await res.body?.cancel();
}
