import { hashId, SearchBlob } from './log-segment';

/** Keys go into blobs of this size, allocated once each: a blob grown by copying left freed megabytes to the C allocator. */
const blobBytes = 1024 * 1024;

/**
 * The distinct search keys of the log (lower-cased TaskId, error, parameters and response), each
 * stored once as UTF-8, numbered in order of arrival. As JS strings (100,000 entries give about
 * 30,000 keys, 8 MB) they were most of the index's heap and, created while the files were parsed,
 * the long-lived objects that made V8 double its young generation at start-up. Here the bytes live
 * outside the JS heap, in blobs of 1 MiB; a key is found again by a hash and a byte compare.
 */
export class SearchKeys {
  readonly #blobs: SearchBlob[] = [];
  /** The first code of each blob (codes are consecutive within a blob). */
  #firstCodes: number[] = [];
  /** Hash of a key → its code, or every code with that hash when several keys share it. */
  readonly #byHash = new Map<number, number | number[]>();
  #count = 0;
  /** Where a key is encoded to be compared: one buffer for every lookup, not one per key. */
  #scratch = Buffer.alloc(4096);

  get size(): number {
    return this.#count;
  }

  /** The key's number; -1 for an empty key (it cannot hold a needle). */
  code(key: string): number {
    if (key === '') return -1;
    const length = Buffer.byteLength(key);
    if (length > this.#scratch.length) this.#scratch = Buffer.alloc(length * 2);
    this.#scratch.write(key, 0, 'utf8');
    const bytes = this.#scratch.subarray(0, length);
    const hash = hashId(key);
    const known = this.#byHash.get(hash);
    if (typeof known === 'number' && this.#equals(known, bytes)) return known;
    if (Array.isArray(known)) for (const code of known) if (this.#equals(code, bytes)) return code;
    const code = this.#count++;
    let blob = this.#blobs.at(-1);
    if (!blob || blob.room < length) {
      blob = new SearchBlob(Math.max(blobBytes, length));
      this.#blobs.push(blob);
      this.#firstCodes.push(code);
    }
    blob.append(bytes, code);
    this.#byHash.set(hash, known === undefined ? code : [...(Array.isArray(known) ? known : [known]), code]);
    return code;
  }

  /** 1 at the code of every key holding `text` (lower-cased by the caller). */
  matching(text: string): Uint8Array {
    const matches = new Uint8Array(this.#count);
    for (const blob of this.#blobs) {
      blob.search(text, (code) => {
        matches[code] = 1;
      });
    }
    return matches;
  }

  #equals(code: number, bytes: Uint8Array): boolean {
    // The blob holding `code`: the last one whose first code is not after it.
    let low = 0;
    let high = this.#firstCodes.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.#firstCodes[middle] as number) <= code) low = middle;
      else high = middle - 1;
    }
    const blob = this.#blobs[low] as SearchBlob;
    return blob.equals(code - (this.#firstCodes[low] as number), bytes);
  }
}
