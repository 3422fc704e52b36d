import { type AttributePart, noChange } from 'lit';
import { Directive, directive, type PartInfo, PartType } from 'lit/directive.js';

/**
 * Inline styles through the CSSOM only. Lit's styleMap writes a `style="…"` attribute on first render, which a strict
 * Content-Security-Policy (`style-src 'self'`, no 'unsafe-inline') blocks; setting `element.style` properties is
 * allowed. Use as an element binding: `<div ${styleProps({ top: '40px' })}>`.
 */
class StylePropsDirective extends Directive {
  private previous = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT)
      throw new Error('styleProps is an element binding, not an attribute value.');
  }

  render(_styles: Readonly<Record<string, string | undefined>>) {
    return noChange;
  }

  override update(part: AttributePart, [styles]: [Readonly<Record<string, string | undefined>>]) {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous) {
      if (styles[name] === undefined) style.removeProperty(toCss(name));
    }
    for (const [name, value] of Object.entries(styles)) {
      if (value === undefined) style.removeProperty(toCss(name));
      else style.setProperty(toCss(name), value);
    }
    this.previous = new Set(Object.keys(styles));
    return noChange;
  }
}

function toCss(name: string): string {
  return name.startsWith('--') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

export const styleProps = directive(StylePropsDirective);
