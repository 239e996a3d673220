/**
 * The CSV run-sheet a producer writes in a spreadsheet: one row per cue, in order, under this header
 * (column order free, names case-insensitive, unknown columns refused). The show's tasks come from its
 * launch rows: `task` names it, `preset` is the preset's name (or id), `room` the room instead of the
 * preset's. Other rows name a task launched on some launch row.
 *
 * | column  | meaning                                                                                   |
 * |---------|-------------------------------------------------------------------------------------------|
 * | cue     | the cue's id (any text, unique); empty: `c<row>`                                           |
 * | label   | what the producer calls it (optional)                                                     |
 * | trigger | `at`, `offset`, `after` or `go`                                                           |
 * | time    | `at`: an ISO time with zone (2026-12-06T19:50:00Z); `offset`/`after`: seconds, m:ss or h:mm:ss; `go`: empty |
 * | action  | `launch`, `switchSource`, `volume`, `tempo`, `pause`, `resume`, `stop`, `stopRoom`, `stopShow` |
 * | task    | the task's name (every action but stopRoom and stopShow)                                  |
 * | preset  | launch rows: the preset's name or id                                                      |
 * | room    | launch rows: the room instead of the preset's (optional); stopRoom: the room              |
 * | value   | volume: 0–200; tempo: 0.5–2; switchSource: a URL, or `entry:<library entry id>`           |
 */
export const showCsvColumns = ['cue', 'label', 'trigger', 'time', 'action', 'task', 'preset', 'room', 'value'] as const;
export type ShowCsvColumn = (typeof showCsvColumns)[number];
