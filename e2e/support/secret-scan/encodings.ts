/** The forms a secret can take in a file or an answer: each is searched for byte by byte. */
export type SecretForm = 'raw' | 'json-escaped' | 'url-encoded' | 'base64' | 'base64url';

export interface Needle {
  form: SecretForm;
  /** The form's bytes as a latin1 string, to search latin1-decoded artefacts. */
  bytes: string;
}

/** Shorter values would match by chance (and no real key is this short). */
export const minimumSecretLength = 8;

export function needlesFor(secret: string): Needle[] {
  const needles: Needle[] = [{ form: 'raw', bytes: latin1(secret) }];
  const add = (form: SecretForm, text: string) => {
    if (text.length >= minimumSecretLength && !needles.some((needle) => needle.bytes === latin1(text)))
      needles.push({ form, bytes: latin1(text) });
  };
  const escaped = JSON.stringify(secret).slice(1, -1);
  add('json-escaped', escaped);
  // JSON inside a JSON string (a body kept as text in a JSON log entry).
  add('json-escaped', JSON.stringify(escaped).slice(1, -1));
  add('url-encoded', encodeURIComponent(secret));
  // Base64 of a longer text holding the secret: at each of the 3 byte alignments, the whole groups of 3
  // bytes inside the secret always encode to the same characters.
  const bytes = Buffer.from(secret, 'utf8');
  for (let shift = 0; shift < 3; shift++) {
    const whole = bytes.subarray(shift, shift + Math.floor((bytes.length - shift) / 3) * 3);
    add('base64', whole.toString('base64'));
    add('base64url', whole.toString('base64url'));
  }
  return needles;
}

function latin1(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}
