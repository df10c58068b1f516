import type { PairingCode } from '../pairing-link';
import { el, setText } from './dom';

/** The code as a person reads it: two groups of three, `ABC 234`. */
export function spacedCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

/**
 * The screen of a TV that waits to be paired: the code, huge, and what to do with it. Without a code (the server
 * does not answer yet) it says it is connecting.
 */
export class PairingView {
  private readonly code: HTMLElement;
  private readonly hint: HTMLElement;
  private readonly expiry: HTMLElement;

  constructor(private readonly root: HTMLElement) {
    const card = el('div', 'pairing-card');
    this.code = el('div', 'pairing-code');
    this.code.setAttribute('aria-live', 'polite');
    this.hint = el('div', 'pairing-hint');
    this.expiry = el('div', 'pairing-expiry');
    card.append(
      el('div', 'message-brand', 'SalesCoach.Live'),
      el('div', 'pairing-title', 'Pair this screen'),
      this.code,
      this.hint,
      this.expiry,
    );
    root.replaceChildren(card);
    this.root.hidden = true;
  }

  show(code: PairingCode | null): void {
    this.root.hidden = false;
    this.root.classList.toggle('waiting', code === null);
    if (code === null) {
      setText(this.code, '· · ·');
      setText(this.hint, 'Connecting to SalesCoach.Live…');
      setText(this.expiry, 'The code appears as soon as the server answers.');
      return;
    }
    setText(this.code, spacedCode(code.code));
    setText(this.hint, 'A manager enters this code in SalesCoach.Live to show a board on this screen.');
    const minutes = Math.max(1, Math.round((code.expiresInSeconds || 600) / 60));
    setText(this.expiry, `The code is valid for ${minutes} minutes; a new one appears by itself.`);
  }

  hide(): void {
    this.root.hidden = true;
  }
}
