import Taro from '@tarojs/taro';
import { useEffect, useSyncExternalStore } from 'react';
import { getDevOpenid, onDevOpenidChange } from '../../services/dev-identity';
import { systemFontFactor } from '../../services/font-scale';

/**
 * 关怀模式: larger text, 60 × 60 targets, higher contrast and, for residents, the simple home.
 *
 * The person's choice is kept in storage (WeChat keeps storage per user; locally it is kept per
 * dev identity, so switching person switches their choice). Until they choose, it follows the
 * font: on by itself when WeChat (or the browser) is set clearly larger than standard.
 */
export type CareChoice = 'on' | 'off';

/** WeChat's 字体大小 from the third step up, or a browser default of 20 px and more. */
export const AUTO_CARE_FACTOR = 1.2;

const KEY = 'linli.careMode';
const storageKey = () => {
  const openid = getDevOpenid();
  return openid ? `${KEY}.${openid}` : KEY;
};

const listeners = new Set<() => void>();
// the choice when storage cannot keep it
let memoryChoice: CareChoice | null = null;
let version = 0;
const changed = () => {
  version += 1;
  applyRootClass();
  listeners.forEach((l) => l());
};

export function careChoice(): CareChoice | null {
  try {
    const value: unknown = Taro.getStorageSync(storageKey());
    return value === 'on' || value === 'off' ? value : null;
  } catch {
    return null;
  }
}

/** On by the person's choice, or (no choice yet) because their font is large. */
export function careModeOn(): boolean {
  const choice = careChoice();
  if (choice) return choice === 'on';
  return systemFontFactor() >= AUTO_CARE_FACTOR;
}

export function setCareMode(on: boolean): void {
  try {
    Taro.setStorageSync(storageKey(), on ? 'on' : 'off');
  } catch {
    // storage unavailable: the choice lasts while the app is open
    memoryChoice = on ? 'on' : 'off';
  }
  changed();
}

export const careModeNow = (): boolean => (memoryChoice ? memoryChoice === 'on' : careModeOn());

/**
 * The browser build's tab bar and dialogs live outside the page: a class on <html> lets the
 * style sheet enlarge them too (WeChat's own tab bar follows WeChat's setting by itself).
 */
function applyRootClass(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
  document.documentElement.classList.toggle('care-mode', careModeNow());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const offIdentity = process.env.TARO_ENV === 'h5' ? onDevOpenidChange(changed) : () => undefined;
  return () => {
    listeners.delete(listener);
    offIdentity();
  };
}

/** Whether 关怀模式 is on, re-rendering when it is switched (on any page). */
export function useCareMode(): { on: boolean; chosen: boolean; set: (on: boolean) => void } {
  useSyncExternalStore(subscribe, () => version);
  const on = careModeNow();
  useEffect(applyRootClass, [on]);
  return { on, chosen: careChoice() !== null || memoryChoice !== null, set: setCareMode };
}
