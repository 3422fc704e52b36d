// Screenshots of every step against the preview server (scripts/preview.ts), in Chromium through playwright-core:
// `node --import tsx scripts/screenshots.ts [baseUrl] [outDir]`. Prints console errors and CSP violations.
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:8790';
const out = process.argv[3] ?? '/tmp/widget-shots';
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

const problems: string[] = [];
async function open(width: number, query: string, delayConfig = false): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy|Refused/i.test(m.text())) problems.push(m.text());
  });
  if (delayConfig) {
    await page.route('**/v1/public/booking/config', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
  }
  await page.goto(`${base}/?${query}`);
  return page;
}

const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(250);
  await page.screenshot({ path: `${out}/${name}.png` });
};

const continueButton = (page: Page) => page.locator('cb-booking-widget button[type=submit]');

for (const theme of ['light', 'dark']) {
  for (const width of [375, 1280]) {
    const tag = `${width}-${theme}`;
    const loading = await open(width, `theme=${theme}`, true);
    await loading.waitForTimeout(300);
    await shot(loading, `${tag}-0-loading`);
    await loading.close();

    const page = await open(width, `theme=${theme}`);
    await page.locator('[part~=location]').first().waitFor();
    await page.locator('[part~=location]', { hasText: 'Mitte' }).click();
    await shot(page, `${tag}-1-location`);
    await continueButton(page).click();
    await page.locator('[part~=service]', { hasText: 'Haircut' }).click();
    await shot(page, `${tag}-2-services`);
    await continueButton(page).click();
    await page.locator('[part~=staff]').first().waitFor();
    await shot(page, `${tag}-3-staff`);
    await continueButton(page).click();
    await page.locator('[part~=slot]').first().waitFor();
    await page.locator('[part~=slot]').nth(3).click();
    await shot(page, `${tag}-4-time`);
    await continueButton(page).click();
    await page.locator('#field-name').fill('Mia Example');
    await page.locator('#field-phone').fill('0151 2345 6789');
    await continueButton(page).click();
    await shot(page, `${tag}-5-details-errors`);
    await page.locator('#field-consent').check();
    await shot(page, `${tag}-5-details`);
    await continueButton(page).click();
    await page.locator('[part~=confirmation]').waitFor();
    await shot(page, `${tag}-6-done`);
    await page.close();

    const dialog = await open(width, `theme=${theme}&mode=button&location=Mitte`);
    await shot(dialog, `${tag}-7-button`);
    await dialog.locator('[part~=trigger]').click();
    await dialog.locator('[part~=service]').first().waitFor();
    await dialog.locator('[part~=service]').first().click();
    await shot(dialog, `${tag}-8-dialog`);
    await dialog.close();
  }
}

const refused = await open(375, 'theme=light&location=Mitte');
const clients = (await (await fetch(`${base}/test-booking`)).json()) as { clients: { blacklisted: { phone: string } } };
await refused.locator('[part~=service]').first().click();
await continueButton(refused).click();
await continueButton(refused).click();
await refused.locator('[part~=slot]').first().click();
await continueButton(refused).click();
await refused.locator('#field-name').fill('Someone');
await refused.locator('#field-phone').fill(clients.clients.blacklisted.phone);
await refused.locator('#field-consent').check();
await continueButton(refused).click();
await refused.locator('[part~=refusal]').waitFor();
await shot(refused, '375-light-9-refused');

await browser.close();
console.log(problems.length ? `Problems:\n${problems.join('\n')}` : 'No console errors or CSP violations.');
console.log(`Screenshots in ${out}`);
