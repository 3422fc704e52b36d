import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { type DemoServer, startDemo } from './demo-server';

let demo: DemoServer;
let browser: Browser;

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemo({ clients: 300 }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

/** The demo API with the demo's secret key, as the salon's own backend would call it. */
async function api(path: string, init: RequestInit = {}) {
  const secretKey = /Secret key\s+(sk_\S+)/.exec(demo.output())?.[1];
  const response = await fetch(`${demo.baseUrl}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json' },
  });
  return response.json();
}

describe('pnpm demo', () => {
  it('prints the URLs and the demo keys before answering /health', async () => {
    expect(demo.output()).toMatch(/Secret key\s+sk_/);
    expect(demo.output()).toMatch(/Publishable key\s+pk_/);
    expect(demo.output()).toMatch(/Owner session\s+cs_/);
    expect(await (await fetch(`${demo.baseUrl}/health`)).json()).toEqual({ status: 'ok' });
  });

  it('serves the salon site under a strict CSP, and the widget loads the salon services', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(`${demo.baseUrl}/`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    const widget = page.locator('cb-booking-widget');
    await expect.poll(() => widget.locator('[part~="service"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('connects the admin page through a session minted by the host backend and lists the clients', async () => {
    const page = await browser.newPage();
    await page.goto(`${demo.baseUrl}/admin`);
    const table = page.locator('cb-client-table');
    await expect.poll(() => table.getByText('300 clients').count(), { timeout: 15_000 }).toBe(1);
    await page.close();
  });

  it('finds a seeded client by a phone typed in another format and opens it', async () => {
    const secretKey = /Secret key\s+(sk_\S+)/.exec(demo.output())?.[1];
    const list = await fetch(`${demo.baseUrl}/v1/clients?sort=created_at:asc&limit=1`, {
      headers: { Authorization: `Bearer ${secretKey}` },
    });
    const [client] = (await list.json()).items as { name: string; phone: string }[];
    // +447400123456 typed the way a receptionist reads it off a card: "07400 123456".
    const national = `0${client!.phone.slice(3, 7)} ${client!.phone.slice(7)}`;
    const page = await browser.newPage();
    await page.goto(`${demo.baseUrl}/admin`);
    const table = page.locator('cb-client-table');
    await expect.poll(() => table.getByText('300 clients').count(), { timeout: 15_000 }).toBe(1);
    await table.getByPlaceholder('Name, phone, email or card number').fill(national);
    await table.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => table.getByText('1 client', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await table.locator('[part~="name"]', { hasText: client!.name }).click();
    const panel = page.locator('#client-panel');
    await expect.poll(() => panel.locator('#client-name').textContent(), { timeout: 10_000 }).toBe(client!.name);
    await page.close();
  });

  it('books a new visitor on the salon site; the client then appears in /admin with the booking', async () => {
    const phone = `07700 9${String(Date.now()).slice(-5)}`;
    const page = await browser.newPage();
    await page.goto(`${demo.baseUrl}/`);
    const widget = page.locator('cb-booking-widget[mode="inline"]');
    await widget.locator('[part~="location"]').first().click();
    await widget.locator('button[type="submit"]').click();
    await widget.locator('[part~="service"]').first().click();
    await widget.locator('button[type="submit"]').click();
    await widget.locator('button[type="submit"]').click(); // any staff member
    await widget.locator('[part~="slot"]').first().click({ timeout: 15_000 });
    await widget.locator('button[type="submit"]').click();
    await widget.locator('#field-name').fill('Erin Newcomer');
    await widget.locator('#field-phone').fill(phone);
    await widget.locator('#field-consent').check();
    await widget.locator('button[type="submit"]').click();
    const confirmation = widget.locator('[part~="confirmation"]');
    await expect.poll(() => confirmation.getAttribute('data-status'), { timeout: 10_000 }).toBe('confirmed');

    // Reception finds the new client by the phone as typed, and the booking is in the calendar.
    const admin = await browser.newPage();
    await admin.goto(`${demo.baseUrl}/admin`);
    const table = admin.locator('cb-client-table');
    await table.getByPlaceholder('Name, phone, email or card number').fill(phone);
    await table.getByRole('button', { name: 'Show' }).click();
    await expect
      .poll(() => table.locator('[part~="name"]', { hasText: 'Erin Newcomer' }).count(), { timeout: 10_000 })
      .toBe(1);
    const found = await api(`/v1/clients?q=${encodeURIComponent(phone)}`);
    const [client] = found.items as { id: string; source: string }[];
    expect(client?.source).toBe('online');
    const from = new Date().toISOString();
    const to = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const calendar = await api(`/v1/appointments?from=${from}&to=${to}`);
    expect(calendar.items.some((a: { client_id: string; status: string }) => a.client_id === client?.id)).toBe(true);
    await page.close();
    await admin.close();
  });

  it('refuses a blacklisted visitor with the neutral message and the salon phone', async () => {
    const phone = `+4477009${String(Date.now()).slice(-5)}`;
    const created = await api('/v1/clients', {
      method: 'POST',
      body: JSON.stringify({ first_name: 'Blocked', phone, online_booking_disabled: true }),
    });
    expect(created.id).toBeTruthy();
    const page = await browser.newPage();
    await page.goto(`${demo.baseUrl}/`);
    const widget = page.locator('cb-booking-widget[mode="inline"]');
    await widget.locator('[part~="location"]').first().click();
    await widget.locator('button[type="submit"]').click();
    await widget.locator('[part~="service"]').first().click();
    await widget.locator('button[type="submit"]').click();
    await widget.locator('button[type="submit"]').click();
    await widget.locator('[part~="slot"]').first().click({ timeout: 15_000 });
    await widget.locator('button[type="submit"]').click();
    await widget.locator('#field-name').fill('Someone');
    // The same number as reception typed it, written the national way.
    await widget.locator('#field-phone').fill(`0${phone.slice(3, 7)} ${phone.slice(7)}`);
    await widget.locator('#field-consent').check();
    await widget.locator('button[type="submit"]').click();
    const refusal = widget.locator('[part~="refusal"]');
    await expect.poll(() => refusal.count(), { timeout: 10_000 }).toBe(1);
    expect(await refusal.textContent()).toMatch(/contact the salon/i);
    expect(await refusal.locator('a[href^="tel:"]').count()).toBe(1);
    expect(await refusal.textContent()).not.toContain('Blocked');
    await page.close();
  });

  it('edits a client’s phone in the card opened from the table, and the table shows the new number', async () => {
    const list = await api('/v1/clients?sort=created_at:desc&limit=1');
    const [client] = list.items as { id: string; name: string }[];
    const page = await browser.newPage();
    await page.goto(`${demo.baseUrl}/admin`);
    const table = page.locator('cb-client-table');
    await table.getByPlaceholder('Name, phone, email or card number').fill(client!.name);
    await table.getByRole('button', { name: 'Show' }).click();
    await table.locator(`[data-id="${client!.id}"] [part~="name"]`).click({ timeout: 15_000 });
    const card = page.locator('#client-panel cb-client-card');
    const phone = card.locator('#f-phone');
    await expect.poll(() => phone.inputValue(), { timeout: 10_000 }).toMatch(/^\+44/);
    await phone.fill('07700 900777');
    await card.locator('form button[type="submit"]').first().click();
    // Stored E.164, shown formatted in the table once the card has saved.
    await expect
      .poll(() => table.locator(`[data-id="${client!.id}"]`).textContent(), { timeout: 10_000 })
      .toContain('+44 7700 900777');
    expect((await api(`/v1/clients/${client!.id}`)).phone).toBe('+447700900777');
    await page.close();
  });

  it('sends an SMS to a selection from /admin through a job, and /outbox shows what the dev transport recorded', async () => {
    const name = `Outboxia${Date.now() % 100000}`;
    await api('/v1/clients', {
      method: 'POST',
      body: JSON.stringify({ first_name: name, phone: '07400 955501', marketing_allowed: true }),
    });
    const page = await browser.newPage();
    await page.goto(`${demo.baseUrl}/admin`);
    const table = page.locator('cb-client-table');
    await expect.poll(() => table.getByText(/\d+ clients/).count(), { timeout: 15_000 }).toBe(1);
    await table.getByPlaceholder('Name, phone, email or card number').fill(name);
    await table.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => table.getByText('1 client', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await table.getByRole('button', { name: /Select all 1 matching/ }).click();
    const bar = page.locator('cb-bulk-action-bar');
    await bar.getByRole('button', { name: 'Send message…' }).click();
    await bar.locator('textarea#body').fill(`Hello {first_name}, your spring offer from {salon_name}`);
    await bar.getByLabel(/I am responsible/).check();
    await bar.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => bar.locator('[part="summary"]').textContent(), { timeout: 20_000 }).toContain('Sent 1');
    await page.goto(`${demo.baseUrl}/outbox`);
    await expect
      .poll(() => page.getByText(`Hello ${name}, your spring offer from`).count(), { timeout: 10_000 })
      .toBe(1);
    await page.close();
  });

  it('serves the React host page, where opening a client shows its card', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${demo.baseUrl}/react`);
    expect(await page.locator('h1').textContent()).toContain('React');
    const name = page.locator('cb-client-table [part~="name"]').first();
    const clientName = (await name.textContent({ timeout: 15_000 }))?.trim() ?? '';
    await name.click();
    const card = page.locator('cb-client-card');
    await expect
      .poll(() => card.locator('#f-first_name').inputValue(), { timeout: 10_000 })
      .toBe(clientName.split(' ')[0]);
    expect(await page.locator('.react-log').textContent()).toContain('cb-client-open');
    expect(errors).toEqual([]);
    await page.close();
  });
});
