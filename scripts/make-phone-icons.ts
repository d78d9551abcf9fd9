// Draws the phone app's icons (apps/web/public/m/icons/*.png) in Chromium: a red square with 文明 in white.
// Run once after changing the design: `npx tsx scripts/make-phone-icons.ts` (the PNGs are committed).
import path from 'node:path';
import { chromium } from '@playwright/test';

const out = path.resolve('apps/web/public/m/icons');

/** `maskable` keeps the text inside the middle 80 % (the safe zone launchers may crop to). */
function html(size: number, maskable: boolean): string {
  const font = Math.round(size * (maskable ? 0.28 : 0.34));
  const radius = maskable ? 0 : Math.round(size * 0.18);
  return `<html><body style="margin:0;background:transparent">
    <div style="width:${size}px;height:${size}px;border-radius:${radius}px;background:linear-gradient(160deg,#e0262e,#b3121a);
      display:flex;flex-direction:column;align-items:center;justify-content:center;color:#fff;
      font-family:'Noto Sans CJK SC','Noto Serif CJK SC',sans-serif;font-weight:700">
      <div style="font-size:${font}px;line-height:1.1;letter-spacing:${Math.round(font * 0.05)}px">文明</div>
      <div style="font-size:${Math.round(font * 0.36)}px;margin-top:${Math.round(size * 0.03)}px;opacity:.9">创建</div>
    </div></body></html>`;
}

const browser = await chromium.launch({
  executablePath: process.env.WENMING_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
for (const [name, size, maskable] of [
  ['icon-192', 192, false],
  ['icon-512', 512, false],
  ['maskable-512', 512, true],
] as const) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(html(size, maskable));
  await page
    .locator('div')
    .first()
    .screenshot({ path: path.join(out, `${name}.png`), omitBackground: true });
}
await browser.close();
console.log(`icons written to ${out}`);
