// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PairingView, spacedCode } from './pairing';

describe('PairingView', () => {
  it('shows the code in two groups, readable from across the room', () => {
    const root = document.createElement('div');
    const view = new PairingView(root);
    expect(root.hidden).toBe(true);
    view.show({ code: 'ABC234', expiresInSeconds: 600 });
    expect(root.hidden).toBe(false);
    expect(root.querySelector('.pairing-code')!.textContent).toBe('ABC 234');
    expect(root.querySelector('.pairing-expiry')!.textContent).toContain('10 minutes');
    view.show(null);
    expect(root.classList.contains('waiting')).toBe(true);
    expect(root.querySelector('.pairing-hint')!.textContent).toContain('Connecting');
    view.hide();
    expect(root.hidden).toBe(true);
  });

  it('groups only a six-character code', () => {
    expect(spacedCode('XYZ789')).toBe('XYZ 789');
    expect(spacedCode('AB')).toBe('AB');
  });
});
