import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { me, mockApi, renderSignedIn } from '@/testing/render';
import type { BotConfig } from '../config-fields';
import { ConfigForm } from './config-form';

const CONFIG: BotConfig = { bot: { max_concurrent_positions: 5 }, risk: { max_leverage: '4.0' } };

beforeAll(() => {
  // jsdom has no modal dialogs; the attribute is what the tests read.
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});
afterEach(() => vi.unstubAllGlobals());

describe(ConfigForm.name, () => {
  it('previews old -> new through the API before sending, then sends only the changed field and shows the version', async () => {
    const user = userEvent.setup();
    const calls = mockApi({
      'POST /config/preview': [
        200,
        {
          changed: true,
          config: { ...CONFIG, risk: { max_leverage: '3.5' } },
          diff: [{ path: 'risk.max_leverage', before: '4.0', after: '3.5' }],
        },
      ],
      'PUT /config': [
        200,
        {
          changed: true,
          version: 7,
          config: { ...CONFIG, risk: { max_leverage: '3.5' } },
          diff: [{ path: 'risk.max_leverage', before: '4.0', after: '3.5' }],
        },
      ],
      'GET /config/versions': [200, []],
    });
    renderSignedIn(<ConfigForm config={CONFIG} canWrite />, me('admin'));

    const review = screen.getByRole('button', { name: /^Review/ });
    expect((review as HTMLButtonElement).disabled).toBe(true);
    await user.clear(screen.getByLabelText('Max leverage'));
    await user.type(screen.getByLabelText('Max leverage'), '3.5');
    await user.type(screen.getByLabelText('Reason for the change'), 'lower risk');
    await user.click(screen.getByRole('button', { name: 'Review 1 change' }));

    const dialog = screen.getByRole('dialog', { name: 'Apply these changes to the bot?' });
    expect(within(dialog).getByText('4.0').className).toBe('diff-old');
    expect(within(dialog).getByText('3.5').className).toBe('diff-new');
    // Only the preview before confirming: nothing changed on the bot.
    expect(calls).toEqual([{ method: 'POST', path: '/config/preview', body: { config: { risk: { max_leverage: '3.5' } } } }]);

    await user.click(within(dialog).getByRole('button', { name: 'Apply changes' }));
    await screen.findByText('Saved as version 7.');
    expect(calls[1]).toEqual({ method: 'PUT', path: '/config', body: { config: { risk: { max_leverage: '3.5' } }, reason: 'lower risk' } });
  });

  it("shows the API's field errors beside the field at review, and opens nothing", async () => {
    const user = userEvent.setup();
    const calls = mockApi({
      'POST /config/preview': [
        400,
        {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'Validation failed',
          correlationId: 'c-1',
          errors: [{ field: 'config.risk.max_leverage', messages: ['must be between 1 and 10'] }],
        },
      ],
    });
    renderSignedIn(<ConfigForm config={CONFIG} canWrite />, me('admin'));
    await user.clear(screen.getByLabelText('Max leverage'));
    await user.type(screen.getByLabelText('Max leverage'), '11');
    await user.type(screen.getByLabelText('Reason for the change'), 'try');
    await user.click(screen.getByRole('button', { name: 'Review 1 change' }));

    await waitFor(() => expect(screen.getByLabelText('Max leverage').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls.map((c) => c.method)).toEqual(['POST']);
    expect(screen.getByText('must be between 1 and 10').className).toBe('form-error');
    expect(screen.getByTestId('correlation-id').textContent).toBe('c-1');
  });

  it('is read-only for an operator, with the reason', () => {
    renderSignedIn(<ConfigForm config={CONFIG} canWrite={false} />, me('operator'));
    expect((screen.getByLabelText('Max leverage') as HTMLInputElement).matches(':disabled')).toBe(true);
    expect(screen.queryByRole('button', { name: /Review/ })).toBeNull();
    expect(screen.getByTestId('permission-note').textContent).toContain('Requires the admin role.');
  });
});
