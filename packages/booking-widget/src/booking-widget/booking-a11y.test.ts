import { expect, oneEvent } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import {
  $,
  axeViolations,
  book,
  choose,
  heading,
  newPhone,
  part,
  pickTime,
  proceed,
  slots,
  widget,
} from '../../test/booking.js';
import type { CbBookingWidget } from './booking-widget.component.js';

/**
 * Walks a widget without a fixed location through every step to the confirmation, calling `check` on each
 * (and on the details step with its errors shown).
 */
async function everyStep(el: CbBookingWidget, check: (step: string) => Promise<void>): Promise<void> {
  await check('location');
  await choose(el, 'location', 'Mitte');
  await proceed(el);
  await check('services');
  await choose(el, 'service', 'Haircut');
  await check('services, one chosen');
  await proceed(el);
  await check('staff');
  await proceed(el);
  await slots(el);
  await check('time');
  await pickTime(el);
  await check('details');
  await proceed(el);
  await check('details with errors');
  const created = oneEvent(el, 'cb-booking-created');
  await book(el, { phone: newPhone() });
  await created;
  await el.updateComplete;
  await check('confirmation');
}

describe('cb-booking-widget accessibility', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ colorScheme: 'light' });
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no axe-core violations on any step (${theme})`, async () => {
      const el = await widget();
      el.theme = theme;
      await el.updateComplete;
      await everyStep(el, async (step) => {
        expect(await axeViolations(el), `${step} step`).to.deep.equal([]);
      });
    });
  }

  it('labels every control, and announces each step in a live region while focus moves to its heading', async () => {
    const el = await widget({ location: 'Mitte' });
    const unlabelled = () =>
      [...(el.shadowRoot?.querySelectorAll<HTMLInputElement>('input, textarea, button') ?? [])]
        .filter(
          (control) => !control.labels?.length && !control.getAttribute('aria-label') && !control.textContent?.trim(),
        )
        .map((control) => control.outerHTML);
    expect(unlabelled()).to.deep.equal([]);
    expect(part(el, 'services').getAttribute('role')).to.equal('group');
    await choose(el, 'service', 'Haircut');
    await proceed(el);
    expect(part(el, 'staff-list').getAttribute('role')).to.equal('radiogroup');
    expect($(el, '[role=status]')?.textContent).to.equal('Step 2 of 4: Choose a staff member');
    expect(el.shadowRoot?.activeElement).to.equal($(el, '#step-heading'));
    expect($(el, '[aria-current=step]')?.textContent?.trim()).to.equal('Staff');
    await proceed(el);
    await slots(el);
    expect(unlabelled()).to.deep.equal([]);
    expect(part(el, 'days').getAttribute('role')).to.equal('radiogroup');
    expect(part(el, 'slots').getAttribute('role')).to.equal('radiogroup');
    await pickTime(el);
    expect(unlabelled()).to.deep.equal([]);
  });

  it('fits 320 px without horizontal scrolling on every step, inline and in the dialog', async () => {
    await setViewport({ width: 320, height: 640 });
    const fits = (el: CbBookingWidget, step: string) => {
      const scrollers = [document.documentElement, part(el, 'base'), ...el.shadowRoot!.querySelectorAll('.content')];
      for (const box of scrollers) {
        expect(box.scrollWidth, `${step}: ${box.className || box.nodeName}`).to.be.at.most(box.clientWidth);
      }
    };
    // German has the longest words.
    const inline = await widget({ locale: 'de' });
    await everyStep(inline, async (step) => fits(inline, step));

    const dialog = await widget({ location: 'Mitte', mode: 'button', locale: 'de' });
    part(dialog, 'trigger').click();
    await dialog.updateComplete;
    fits(dialog, 'dialog');
    expect(part(dialog, 'dialog').getBoundingClientRect().width).to.be.at.most(320);
  });

  it('follows theme: light, dark, and auto with the visitor’s colour scheme', async () => {
    const el = await widget({ location: 'Mitte' });
    const background = () => getComputedStyle(el).getPropertyValue('--cb-color-background').trim();
    expect(background()).to.equal('#ffffff');
    el.theme = 'dark';
    await el.updateComplete;
    expect(background()).to.equal('#15161a');
    el.theme = 'auto';
    await el.updateComplete;
    expect(background()).to.equal('#ffffff');
    await emulateMedia({ colorScheme: 'dark' });
    expect(background()).to.equal('#15161a');
    expect(heading(el)).to.equal('Choose services');
  });
});
