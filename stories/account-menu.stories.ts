import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '@acct/elements/account-menu';
import { findElement, shadow, SLOW, type AcctParameters, type AdapterArgs } from '../.storybook/acct.js';
import * as kit from './list-story-kit.js';
import { STORY_LINKS } from './home.links.js';

/**
 * `<acct-account-menu>`: the account menu of the panel's upper right corner, a keyboard-complete
 * menu button whose items are links from the provider's `links`.
 */
const meta = {
  title: 'Elements/Account menu',
  component: 'acct-account-menu',
  render: () => html`<div class="menu-story"><acct-account-menu label="mivanova"></acct-account-menu></div>`,
  parameters: {
    acct: { links: STORY_LINKS } satisfies AcctParameters,
    controls: { include: [] },
  },
} satisfies Meta<AdapterArgs>;

export default meta;
type Story = StoryObj<AdapterArgs>;

export const Overview: Story = {
  tags: ['overview'],
  play: async ({ canvasElement }) => {
    const ui = shadow(await findElement(canvasElement, 'acct-account-menu'));
    await expect(await ui.findByRole('button', { name: 'mivanova' })).toHaveAttribute('aria-expanded', 'false');
  },
};

/** Opened from the keyboard: focus on the first item. */
export const Open: Story = {
  tags: ['interactions'],
  play: async ({ canvasElement }) => {
    const el = await findElement(canvasElement, 'acct-account-menu');
    const ui = shadow(el);
    (await ui.findByRole('button', { name: 'mivanova' })).focus();
    await userEvent.keyboard('{ArrowDown}');
    const first = await ui.findByRole('menuitem', { name: 'Balance and payments' });
    // Focus inside a shadow root: the document only sees the host.
    await waitFor(() => expect(el.shadowRoot!.activeElement === first).toBe(true), SLOW);
  },
};
export const Russian: Story = { ...kit.russian, tags: ['states'] };
export const Dark: Story = { ...kit.dark, tags: ['states'] };
export const Branded: Story = { ...kit.branded, tags: ['states'] };

/** `align="start"`: the menu grows from the button's start edge, flipping or shifting to stay in view. */
export const AlignStart: Story = {
  name: 'Aligned at the start',
  tags: ['states'],
  render: () => html`<div class="menu-story"><acct-account-menu align="start" label="mivanova"></acct-account-menu></div>`,
  play: async ({ canvasElement }) => {
    const ui = shadow(await findElement(canvasElement, 'acct-account-menu'));
    await userEvent.click(await ui.findByRole('button', { name: 'mivanova' }));
    const menu = await ui.findByRole('menu');
    await waitFor(() => {
      const box = menu.getBoundingClientRect();
      expect(box.left >= 0 && box.right <= document.documentElement.clientWidth).toBe(true);
    }, SLOW);
  },
};
