#!/usr/bin/env node
// Renders resources/icon.svg into the PNGs the desktop app and its installers use (app icon,
// tray icons per phone state), with Debian's Chromium. Run after changing the SVG; the PNGs are committed.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';

const resources = join(dirname(new URL(import.meta.url).pathname), '..', 'resources');
const svg = readFileSync(join(resources, 'icon.svg'), 'utf8');
const trayColors = { 'tray-registered': '#2f9e44', 'tray-registering': '#f08c00', 'tray-offline': '#868e96', 'tray-failed': '#e03131' };

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
async function render(markup, size, file) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${markup.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: join(resources, file), omitBackground: true });
}
await render(svg, 512, 'icon.png');
for (const [name, color] of Object.entries(trayColors)) await render(svg.replace('#4c6ef5', color), 32, `${name}.png`);
await browser.close();
process.stdout.write('icons rendered\n');
