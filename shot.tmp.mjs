import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const [url, out, width] = process.argv.slice(2);
const page = await browser.newPage({ viewport: { width: Number(width), height: 800 } });
await page.goto(url); await page.waitForTimeout(800);
await page.screenshot({ path: out, fullPage: true });
console.log(await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]));
await browser.close();
