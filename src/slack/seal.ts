import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// Installations hold each workspace's bot token: they are written to disk only sealed with
// AES-256-GCM under SLACK_INSTALLATION_KEY. GCM also authenticates, so a changed byte, a wrong key or
// a sealed value copied onto another installation's record fails to open instead of yielding garbage.

const VERSION = "v1";
const IV_BYTES = 12;

export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SealError";
  }
}

const b64 = (buf: Buffer) => buf.toString("base64url");

/** Seal `plain` with `key` (32 bytes), bound to `context` (the record id): `v1.<iv>.<tag>.<ciphertext>`. */
export function seal(plain: string, key: Buffer, context: string): string {
  if (key.length !== 32) throw new SealError("the installation key must be 32 bytes");
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, b64(iv), b64(cipher.getAuthTag()), b64(body)].join(".");
}

/** Open a value made by `seal` with the same key and context; throws SealError otherwise. */
export function unseal(sealed: string, key: Buffer, context: string): string {
  const [version, iv, tag, body, extra] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined || extra !== undefined)
    throw new SealError("not a sealed value this version can read");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    throw new SealError(
      "a sealed installation could not be opened: wrong SLACK_INSTALLATION_KEY, or the record was changed",
    );
  }
}
