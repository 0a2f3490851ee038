import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { phonePage } from './browser';

/**
 * Accessibility checks on the page on screen, for the browser tests: axe-core (serious and
 * critical violations), and three measurements of our own that axe leaves out or only warns
 * about: text under 16 px, tap targets under 44 × 44 (60 × 60 in 关怀模式) and text contrast
 * under 4.5 : 1 (axe skips text over images and gradients; ours checks every visible text node
 * against the first solid background behind it).
 */
const axeSource: string = createRequire(import.meta.url)('axe-core').source;

export interface Finding {
  check: 'axe' | 'text-size' | 'target' | 'contrast';
  what: string;
}

/** A phone page with the browser's default font at `percent` % (Chromium's own setting), optionally in 关怀模式. */
export async function phonePageAt(
  browser: Browser,
  openid: string | null,
  { percent = 100, care }: { percent?: number; care?: boolean } = {},
): Promise<Page> {
  const page = await phonePage(browser, openid);
  if (percent !== 100) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setFontSizes', {
      fontSizes: { standard: Math.round((16 * percent) / 100), fixed: Math.round((13 * percent) / 100) },
    });
  }
  if (care !== undefined) {
    await page.addInitScript(
      // as Taro's H5 setStorageSync keeps it
      ([id, on]) =>
        window.localStorage.setItem(id ? `linli.careMode.${id}` : 'linli.careMode', JSON.stringify({ data: on ? 'on' : 'off' })),
      [openid, care] as const,
    );
  }
  return page;
}

/** Every finding on the visible page (the Taro router keeps earlier pages hidden in the DOM). */
export async function auditPage(
  page: Page,
  { minTarget = 44, minText = 16 }: { minTarget?: number; minText?: number } = {},
): Promise<Finding[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.addScriptTag({ content: axeSource });
  const axeFindings: Finding[] = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: any }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return (result.violations as any[])
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) =>
        (v.nodes as any[])
          // hidden pages of the router's stack are not on screen
          .filter((n) => {
            const el = document.querySelector(n.target[0]);
            return !el || (el as HTMLElement).offsetParent !== null || (el as HTMLElement).getClientRects().length > 0;
          })
          .map((n) => ({ check: 'axe' as const, what: `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}` })),
      );
  });
  const measured: Finding[] = await page.evaluate(
    ({ minTarget, minText }) => {
      const out: { check: 'text-size' | 'target' | 'contrast'; what: string }[] = [];
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return false;
        for (let e: Element | null = el; e; e = e.parentElement) {
          const s = getComputedStyle(e);
          if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false;
        }
        return true;
      };
      const name = (el: Element) => {
        const id = el.id ? `#${el.id}` : '';
        const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : '';
        return `${el.tagName.toLowerCase()}${id}${cls}`;
      };
      type Rgba = [number, number, number, number];
      const parse = (c: string): Rgba | null => {
        const m = c.match(/rgba?\(([^)]+)\)/);
        if (!m?.[1]) return null;
        const p = m[1]
          .split(/[,\s/]+/)
          .filter(Boolean)
          .map(Number);
        return [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0, p[3] ?? 1];
      };
      const lum = ([r, g, b]: Rgba) => {
        const f = (v: number) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const background = (el: Element): Rgba => {
        for (let e: Element | null = el; e; e = e.parentElement) {
          const c = parse(getComputedStyle(e).backgroundColor);
          if (c && c[3] >= 0.99) return c;
        }
        return [255, 255, 255, 1];
      };
      // text: every element with its own visible text
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const seen = new Set<Element>();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || seen.has(el) || !n.textContent?.trim()) continue;
        seen.add(el);
        if (el.closest('script,style,noscript,.dev-only-a11y-skip') || !visible(el)) continue;
        const s = getComputedStyle(el);
        const size = parseFloat(s.fontSize);
        const text = n.textContent.trim().slice(0, 24);
        if (size < minText - 0.05) out.push({ check: 'text-size', what: `${name(el)} “${text}” is ${size.toFixed(1)} px` });
        const fg = parse(s.color);
        if (fg) {
          const bg = background(el);
          const a = fg[3] * Number(s.opacity || 1);
          const mix = (i: 0 | 1 | 2) => fg[i] * a + bg[i] * (1 - a);
          const lf = lum([mix(0), mix(1), mix(2), 1]);
          const lb = lum(bg);
          const ratio = (Math.max(lf, lb) + 0.05) / (Math.min(lf, lb) + 0.05);
          // disabled controls are exempt (WCAG 1.4.3)
          const disabled = el.closest('[disabled],[aria-disabled="true"],.btn-disabled');
          if (ratio < 4.5 - 0.005 && !disabled) out.push({ check: 'contrast', what: `${name(el)} “${text}” is ${ratio.toFixed(2)} : 1` });
        }
      }
      // targets: what a finger taps
      const targets = document.querySelectorAll(
        'a[href], button, input:not([type=hidden]), textarea, select, [role=button], [role=switch], [role=tab], .taro-button-core, .weui-tabbar__item, .tap-row, .chip, .drill-option',
      );
      for (const el of targets) {
        if (!visible(el) || el.closest('.dev-only-a11y-skip')) continue;
        // the inner control of a Taro input is sized by its wrapper
        if (
          (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') &&
          el.parentElement?.closest('.field-input,.field-textarea,.taro-input-core,.taro-textarea-core')
        )
          continue;
        const r = el.getBoundingClientRect();
        if (r.width < minTarget - 0.5 || r.height < minTarget - 0.5)
          out.push({
            check: 'target',
            what: `${name(el)} “${(el.textContent ?? '').trim().slice(0, 16)}” is ${r.width.toFixed(0)} × ${r.height.toFixed(0)}`,
          });
      }
      return out;
    },
    { minTarget, minText },
  );
  return [...axeFindings, ...measured];
}

/** Elements of the visible page that stick out of the screen sideways or overlap a sibling's text. */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const width = document.documentElement.clientWidth;
    for (const el of document.querySelectorAll<HTMLElement>('.taro_page .page *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || el.offsetParent === null) continue;
      if (r.right > width + 1 && getComputedStyle(el).position !== 'fixed')
        out.push(`${el.tagName.toLowerCase()}.${el.className} sticks out (${r.right.toFixed(0)} > ${width})`);
      // text cut off inside its own box
      const s = getComputedStyle(el);
      if ((s.overflow === 'hidden' || s.overflowX === 'hidden') && el.scrollWidth > el.clientWidth + 2 && s.textOverflow !== 'ellipsis')
        out.push(`${el.tagName.toLowerCase()}.${el.className} cuts its text (${el.scrollWidth} > ${el.clientWidth})`);
    }
    return out;
  });
}
