import Taro from '@tarojs/taro';
import { switchTab } from './routes';

/**
 * Small pieces of state the tab pages hand to each other. Tab pages cannot take query
 * parameters through switchTab, so a page that sends someone to a tab leaves a note here.
 */

const LAST_COMPOUND_KEY = 'linli.lastCompoundId';

let pendingCompoundId: string | null = null;
let currentCommunity: { id: string; name: string } | null = null;

/** Asks the card tab to show this compound next time it is shown. */
export function showCompoundOnCard(compoundId: string): void {
  pendingCompoundId = compoundId;
  void switchTab('card');
}

export function takePendingCompound(): string | null {
  const id = pendingCompoundId;
  pendingCompoundId = null;
  return id;
}

/** The compound last shown on the card, so a visitor without a household finds it again. */
export function rememberCompound(compoundId: string): void {
  try {
    Taro.setStorageSync(LAST_COMPOUND_KEY, compoundId);
  } catch {
    // storage full or unavailable: the visitor searches again next time
  }
}

export function lastCompound(): string | null {
  try {
    const value: unknown = Taro.getStorageSync(LAST_COMPOUND_KEY);
    return typeof value === 'string' && value ? value : null;
  } catch {
    return null;
  }
}

/** The community of the card being looked at: the 便民服务 tab shows its catalogue. */
export function setCurrentCommunity(community: { id: string; name: string }): void {
  currentCommunity = community;
}

export function getCurrentCommunity(): { id: string; name: string } | null {
  return currentCommunity;
}

export function openServicesOf(community: { id: string; name: string }): void {
  currentCommunity = community;
  void switchTab('services');
}
