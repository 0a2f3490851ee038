import { communityNumbers, completeSettings, DEFAULT_RULE_SETTINGS, type CommunityNumbers, type RuleSettings } from '@linli/shared';
import type { Store } from '../../ports';

/**
 * The rules of a district in force on a date (YYYY-MM-DD, Shanghai): the latest version effective on
 * or before it, else the 12345 seed. One indexed read.
 */
export async function readRuleSettings(store: Store, districtId: string, date: string): Promise<RuleSettings> {
  const [inForce] = await store.find('rule_settings', {
    where: { districtId, effectiveFrom: { lte: date } },
    orderBy: [['effectiveFrom', 'desc']],
    limit: 1,
  });
  return inForce ? completeSettings(inForce.settings) : DEFAULT_RULE_SETTINGS;
}

/**
 * The typed reader other features use for a community's numbers (the 议事厅 support threshold …):
 * `place` is the community (its path names the district).
 */
export async function readCommunityNumbers(
  store: Store,
  community: { _id: string; path: readonly string[] },
  date: string,
): Promise<CommunityNumbers> {
  const districtId = community.path[0];
  const settings = districtId ? await readRuleSettings(store, districtId, date) : DEFAULT_RULE_SETTINGS;
  return communityNumbers(settings, community._id);
}
