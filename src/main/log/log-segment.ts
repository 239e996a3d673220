/**
 * The index's entries of one log file, as columns of typed arrays (about 60 bytes an entry instead
 * of a parsed entry with its parameter and response trees). Rows are in file order, which is
 * sequence order. Strings that repeat (rooms, TaskIds, error codes, search keys) are numbers into
 * the index's interners; the RequestIds, unique per call, are one lower-cased byte blob for the text filter.
 */
export class LogSegment {
  readonly file: string;
  count = 0;
  seq = new Float64Array(0);
  atMs = new Float64Array(0);
  lastAtMs = new Float64Array(0);
  /** NaN when the call had no SdkAppId. */
  sdkAppId = new Float64Array(0);
  offset = new Uint32Array(0);
  length = new Uint32Array(0);
  action = new Uint8Array(0);
  outcome = new Uint8Array(0);
  /** Interned; -1 when absent. */
  room = new Int32Array(0);
  task = new Int32Array(0);
  /** Interned lower-cased TaskId, error code and message, parameters and response. */
  searchKey = new Int32Array(0);
  /** A hash of the entry id: `entry(id)` scans this and checks the candidates on disk. */
  idHash = new Int32Array(0);
  /** Lower-cased RequestIds of the calls, and of the repeat lines folded into them, for the text filter. */
  readonly requests: SearchBlob;

  /** `capacity` rows and `requestBytes` of RequestIds are allocated at once (a file's reader knows about how many). */
  constructor(file: string, capacity = 256, requestBytes = 0) {
    this.file = file;
    this.requests = new SearchBlob(requestBytes, capacity);
    this.#resize(capacity);
  }

  /** Room for one more row; the arrays double when full. */
  reserve(): number {
    if (this.count === this.seq.length) this.#resize(this.seq.length * 2);
    return this.count++;
  }

  /** Frees the slack once a file is read whole (it will not grow again). */
  trim(): void {
    if (this.count < this.seq.length) this.#resize(this.count);
    this.requests.trim();
  }

  /** The row holding `seq`, by binary search; -1 when none. */
  rowOfSeq(seq: number): number {
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const value = this.seq[middle] as number;
      if (value === seq) return middle;
      if (value < seq) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  #resize(capacity: number): void {
    const size = Math.max(capacity, 1);
    this.seq = copyInto(new Float64Array(size), this.seq, this.count);
    this.atMs = copyInto(new Float64Array(size), this.atMs, this.count);
    this.lastAtMs = copyInto(new Float64Array(size), this.lastAtMs, this.count);
    this.sdkAppId = copyInto(new Float64Array(size), this.sdkAppId, this.count);
    this.offset = copyInto(new Uint32Array(size), this.offset, this.count);
    this.length = copyInto(new Uint32Array(size), this.length, this.count);
    this.action = copyInto(new Uint8Array(size), this.action, this.count);
    this.outcome = copyInto(new Uint8Array(size), this.outcome, this.count);
    this.room = copyInto(new Int32Array(size), this.room, this.count);
    this.task = copyInto(new Int32Array(size), this.task, this.count);
    this.searchKey = copyInto(new Int32Array(size), this.searchKey, this.count);
    this.idHash = copyInto(new Int32Array(size), this.idHash, this.count);
  }
}

/** Short strings, lower-cased, end to end in one buffer, each with the row it belongs to: found with Buffer.indexOf. */
export class SearchBlob {
  #data: Buffer;
  #bytes = 0;
  #count = 0;
  #start = new Uint32Array(0);
  #owner = new Uint32Array(0);

  /** `capacity` bytes and room for `items` strings are allocated at once. */
  constructor(capacity = 0, items = 0) {
    this.#data = Buffer.alloc(capacity);
    this.#start = new Uint32Array(items);
    this.#owner = new Uint32Array(items);
  }

  /** Bytes still free before the blob has to grow. */
  get room(): number {
    return this.#data.length - this.#bytes;
  }

  /** Adds one string (or its UTF-8 bytes); an empty one is not kept (it holds no needle). */
  append(text: string | Uint8Array, owner: number): void {
    const bytes = typeof text === 'string' ? Buffer.byteLength(text) : text.length;
    if (bytes === 0) return;
    if (this.#bytes + bytes > this.#data.length) {
      const grown = Buffer.alloc(Math.max(1024, (this.#bytes + bytes) * 2));
      this.#data.copy(grown, 0, 0, this.#bytes);
      this.#data = grown;
    }
    if (this.#count === this.#start.length) {
      const size = Math.max(64, this.#count * 2);
      this.#start = copyInto(new Uint32Array(size), this.#start, this.#count);
      this.#owner = copyInto(new Uint32Array(size), this.#owner, this.#count);
    }
    this.#start[this.#count] = this.#bytes;
    this.#owner[this.#count] = owner;
    this.#count++;
    if (typeof text === 'string') this.#data.write(text, this.#bytes, 'utf8');
    else this.#data.set(text, this.#bytes);
    this.#bytes += bytes;
  }

  /** True when string number `item` (in order of appending) is exactly `bytes`. */
  equals(item: number, bytes: Uint8Array): boolean {
    const start = this.#start[item] as number;
    const end = item + 1 < this.#count ? (this.#start[item + 1] as number) : this.#bytes;
    return end - start === bytes.length && this.#data.compare(bytes, 0, bytes.length, start, end) === 0;
  }

  /** Grows with every string appended: a search result for an older version is stale. */
  get version(): number {
    return this.#count;
  }

  /**
   * Calls `found` with the owner of every string holding `needle` (lower-cased). The bytes are
   * searched as a Latin-1 string (one character a byte, so UTF-8 needles match byte for byte):
   * String.indexOf is much cheaper per call than Buffer.indexOf when almost every string matches.
   */
  search(needle: string, found: (owner: number) => void): void {
    const bytes = Buffer.from(needle, 'utf8');
    // Most searches find nothing: one Buffer.indexOf says so without copying the blob into a string.
    const first = this.#data.subarray(0, this.#bytes).indexOf(bytes);
    if (first < 0) return;
    const pattern = bytes.toString('latin1');
    const haystack = this.#data.toString('latin1', 0, this.#bytes);
    let item = 0;
    let from = first;
    while (from < haystack.length) {
      const hit = haystack.indexOf(pattern, from);
      if (hit < 0) return;
      // Hits only move forward: walk to the string holding this one.
      while (item + 1 < this.#count && (this.#start[item + 1] as number) <= hit) item++;
      const end = item + 1 < this.#count ? (this.#start[item + 1] as number) : this.#bytes;
      if (hit + pattern.length <= end) {
        found(this.#owner[item] as number);
        from = end;
      } else from = hit + 1;
    }
  }

  trim(): void {
    if (this.#bytes < this.#data.length) this.#data = Buffer.from(this.#data.subarray(0, this.#bytes));
    if (this.#count < this.#start.length) {
      this.#start = this.#start.slice(0, this.#count);
      this.#owner = this.#owner.slice(0, this.#count);
    }
  }
}

type Typed = Float64Array | Uint32Array | Int32Array | Uint8Array;

function copyInto<T extends Typed>(target: T, source: T, count: number): T {
  target.set(source.subarray(0, Math.min(count, target.length)) as never);
  return target;
}

/** Strings seen more than once stored once; a number stands for each. */
export class Interner {
  readonly #codes = new Map<string, number>();
  readonly values: string[] = [];

  code(value: string | undefined): number {
    if (value === undefined) return -1;
    let code = this.#codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.#codes.set(value, code);
    }
    return code;
  }

  find(value: string): number {
    return this.#codes.get(value) ?? -2;
  }
}

/** FNV-1a over UTF-16 code units: a cheap 32-bit fingerprint of an entry id. */
export function hashId(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}
