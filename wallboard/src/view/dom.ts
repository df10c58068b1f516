/** Creates an element with a class name and optional text. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Sets text only when it changed, so that an unchanged row costs no layout. */
export function setText(e: Element, text: string): void {
  if (e.textContent !== text) e.textContent = text;
}

/** Sets a CSS custom property only when it changed. */
export function setVar(e: HTMLElement, name: string, value: string): void {
  if (e.style.getPropertyValue(name) !== value) e.style.setProperty(name, value);
}

/** Replaces the classes of a family (e.g. every `st-…`) with one of them. */
export function setFamilyClass(e: Element, prefix: string, className: string): void {
  for (const c of [...e.classList]) if (c.startsWith(prefix) && c !== className) e.classList.remove(c);
  if (className) e.classList.add(className);
}

/** Restarts a CSS animation bound to a class. */
export function replayClass(e: HTMLElement, className: string): void {
  e.classList.remove(className);
  void e.offsetWidth;
  e.classList.add(className);
}
