import { useTranslation } from 'react-i18next';

/**
 * Dates, numbers, sizes and durations in the app's language (not the OS default), one set of
 * cached Intl formatters per language. Screens use `useFormat()`; i18n strings use `{{n, number}}`,
 * which goes through the same formatters (see `i18n/index.ts`).
 */
export interface Formatters {
  /** Date and time, medium: "Nov 27, 2026, 5:18:04 PM" / "2026年11月27日 17:18:04". Bad input is shown as is. */
  dateTime(value: Date | number | string): string;
  /** Day and time, short enough for a card: "Nov 27, 05:18:04 PM" / "11月27日 17:18:04". */
  dayTime(value: Date | number | string): string;
  /** Grouped digits: "10,000" in both languages. */
  number(value: number): string;
  /** Bytes in SI units (kB = 1,000 bytes), one decimal above a kilobyte: "1.2 MB". */
  bytes(value: number): string;
  /** A duration as a clock: "1:02:03", "2:03" (minutes:seconds under an hour); negative counts as 0. */
  duration(ms: number): string;
  /** How far `at` is from `now` in the largest whole unit: "in 5 minutes" / "5分钟后", "yesterday" / "昨天". */
  relative(at: number, now: number): string;
}

const cache = new Map<string, Formatters>();

export function formatters(language: string): Formatters {
  let found = cache.get(language);
  if (!found) {
    found = create(language);
    cache.set(language, found);
  }
  return found;
}

/** The formatters of the language shown; components re-render when it changes. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return formatters(i18n.language);
}

/** Builds an Intl formatter on its first use: creating one costs milliseconds, and a start-up render needs few. */
function onFirstUse<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => {
    made ??= make();
    return made;
  };
}

function create(language: string): Formatters {
  const dateTime = onFirstUse(() => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' }));
  const dayTime = onFirstUse(
    () =>
      new Intl.DateTimeFormat(language, {
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
  );
  const number = onFirstUse(() => new Intl.NumberFormat(language));
  const twoDigits = onFirstUse(() => new Intl.NumberFormat(language, { minimumIntegerDigits: 2, useGrouping: false }));
  const plain = onFirstUse(() => new Intl.NumberFormat(language, { useGrouping: false }));
  const byteUnits = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  const bytes = byteUnits.map((unit) =>
    onFirstUse(() => new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 })),
  );
  const relative = onFirstUse(() => new Intl.RelativeTimeFormat(language, { numeric: 'auto' }));

  const asDate = (value: Date | number | string): Date | null => {
    const date = value instanceof Date ? value : new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  };

  return {
    dateTime: (value) => {
      const date = asDate(value);
      return date ? dateTime().format(date) : String(value);
    },
    dayTime: (value) => {
      const date = asDate(value);
      return date ? dayTime().format(date) : String(value);
    },
    number: (value) => number().format(value),
    bytes: (value) => {
      let scaled = Math.max(0, value);
      // Intl's short "byte" reads "512 byte" in English: B is what both languages write.
      if (scaled < 1000) return `${number().format(Math.round(scaled))} B`;
      let index = -1;
      while (scaled >= 1000 && index < byteUnits.length - 1) {
        scaled /= 1000;
        index++;
      }
      return (bytes[index] as () => Intl.NumberFormat)().format(scaled);
    },
    duration: (ms) => {
      const total = Math.max(0, Math.floor(ms / 1000));
      const hours = Math.floor(total / 3600);
      const minutes = Math.floor((total % 3600) / 60);
      const seconds = twoDigits().format(total % 60);
      return hours > 0 ? `${plain().format(hours)}:${twoDigits().format(minutes)}:${seconds}` : `${plain().format(minutes)}:${seconds}`;
    },
    relative: (at, now) => {
      const seconds = Math.round((at - now) / 1000);
      const abs = Math.abs(seconds);
      if (abs < 60) return relative().format(seconds, 'second');
      if (abs < 3600) return relative().format(Math.round(seconds / 60), 'minute');
      if (abs < 86_400) return relative().format(Math.round(seconds / 3600), 'hour');
      return relative().format(Math.round(seconds / 86_400), 'day');
    },
  };
}
