// Draws the tab bar icons (81×81 PNG, grey and red) from inline SVG with headless Chromium.
// usage: node miniprogram/scripts/make-tab-icons.mjs
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../src/assets/tabbar/', import.meta.url));
const icons = {
  // a contact card with a person and lines
  card: (c) => `<rect x="10" y="18" width="61" height="45" rx="7" fill="none" stroke="${c}" stroke-width="6"/>
    <circle cx="29" cy="35" r="7" fill="${c}"/><path d="M18 54c2-8 7-11 11-11s9 3 11 11z" fill="${c}"/>
    <rect x="45" y="31" width="18" height="5" rx="2.5" fill="${c}"/><rect x="45" y="44" width="14" height="5" rx="2.5" fill="${c}"/>`,
  // a service hall: a roof over a counter
  services: (
    c,
  ) => `<path d="M10 35 L40.5 12 L71 35" fill="none" stroke="${c}" stroke-width="6" stroke-linejoin="round" stroke-linecap="round"/>
    <rect x="18" y="35" width="45" height="32" rx="4" fill="none" stroke="${c}" stroke-width="6"/>
    <rect x="34" y="48" width="13" height="19" fill="${c}"/>`,
  // a bell: notices
  notices: (
    c,
  ) => `<path d="M40.5 11c-11.5 0-19.5 8.5-19.5 20v14l-7 11h53l-7-11V31c0-11.5-8-20-19.5-20z" fill="none" stroke="${c}" stroke-width="6" stroke-linejoin="round"/>
    <path d="M32 62a8.5 8.5 0 0 0 17 0z" fill="${c}"/>`,
  // a speech bubble with an exclamation mark: requests (诉求)
  requests: (
    c,
  ) => `<path d="M14 16h53a5 5 0 0 1 5 5v32a5 5 0 0 1-5 5H36l-13 11v-11h-9a5 5 0 0 1-5-5V21a5 5 0 0 1 5-5z" fill="none" stroke="${c}" stroke-width="6" stroke-linejoin="round"/>
    <rect x="37.5" y="24" width="6" height="17" rx="3" fill="${c}"/><circle cx="40.5" cy="48.5" r="3.5" fill="${c}"/>`,
  // a person
  me: (c) => `<circle cx="40.5" cy="27" r="13" fill="none" stroke="${c}" stroke-width="6"/>
    <path d="M14 70c2-15 13-23 26.5-23S65 55 67 70" fill="none" stroke="${c}" stroke-width="6" stroke-linecap="round"/>`,
};
const colours = { '': '#6b7280', '-active': '#c8102e' };

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 81, height: 81 } });
for (const [name, draw] of Object.entries(icons)) {
  for (const [suffix, colour] of Object.entries(colours)) {
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 81 81">${draw(colour)}</svg></body></html>`,
    );
    await page.screenshot({ path: `${out}${name}${suffix}.png`, omitBackground: true });
  }
}
await browser.close();
console.log('tab icons written to', out);
