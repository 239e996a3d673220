import type { SpotlightActionData, SpotlightActionGroupData } from '@mantine/spotlight';

type SpotlightActions = SpotlightActionData | SpotlightActionGroupData;

/**
 * Every word of the query must appear in the action's label, description or keywords (any case, any
 * order). Actions whose id is in `alwaysShown` (built from the query itself, such as "find this text
 * in the media library") stay, and groups left empty are dropped. Ranking: a group with a command
 * whose label starts with the query ("stop" → "Stop Morning show…") comes first, then other matches,
 * and a group of nothing but such suggestions last, so Enter on "stop" picks the command.
 */
export function filterPaletteActions(query: string, actions: SpotlightActions[], alwaysShown: ReadonlySet<string>): SpotlightActions[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const matches = (action: SpotlightActionData) => {
    if (words.length === 0 || alwaysShown.has(action.id)) return true;
    const keywords = Array.isArray(action.keywords) ? action.keywords.join(' ') : (action.keywords ?? '');
    const text = `${action.label ?? ''} ${action.description ?? ''} ${keywords}`.toLocaleLowerCase();
    return words.every((word) => text.includes(word));
  };
  const phrase = words.join(' ');
  const rank = (found: SpotlightActionData[]) => {
    const commands = found.filter((action) => !alwaysShown.has(action.id));
    if (commands.length === 0) return words.length === 0 ? 1 : 0;
    return phrase !== '' && commands.some((action) => (action.label ?? '').toLocaleLowerCase().startsWith(phrase)) ? 2 : 1;
  };
  const kept: { item: SpotlightActions; rank: number }[] = [];
  for (const item of actions) {
    if ('actions' in item) {
      const inGroup = item.actions.filter(matches);
      if (inGroup.length > 0) kept.push({ item: { ...item, actions: inGroup }, rank: rank(inGroup) });
    } else if (matches(item)) {
      kept.push({ item, rank: rank([item]) });
    }
  }
  // Array.prototype.sort is stable: equal ranks keep the palette's own order.
  return kept.sort((a, b) => b.rank - a.rank).map(({ item }) => item);
}
