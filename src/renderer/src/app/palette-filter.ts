import type { SpotlightActionData, SpotlightActionGroupData } from '@mantine/spotlight';

type SpotlightActions = SpotlightActionData | SpotlightActionGroupData;

/**
 * Every word of the query must appear in the action's label, description or keywords (any case, any
 * order). Actions whose id is in `alwaysShown` (built from the query itself, such as "find this text
 * in the media library") stay, and groups left empty are dropped.
 */
export function filterPaletteActions(query: string, actions: SpotlightActions[], alwaysShown: ReadonlySet<string>): SpotlightActions[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const matches = (action: SpotlightActionData) => {
    if (words.length === 0 || alwaysShown.has(action.id)) return true;
    const keywords = Array.isArray(action.keywords) ? action.keywords.join(' ') : (action.keywords ?? '');
    const text = `${action.label ?? ''} ${action.description ?? ''} ${keywords}`.toLocaleLowerCase();
    return words.every((word) => text.includes(word));
  };
  const kept: SpotlightActions[] = [];
  for (const item of actions) {
    if ('actions' in item) {
      const inGroup = item.actions.filter(matches);
      if (inGroup.length > 0) kept.push({ ...item, actions: inGroup });
    } else if (matches(item)) {
      kept.push(item);
    }
  }
  return kept;
}
