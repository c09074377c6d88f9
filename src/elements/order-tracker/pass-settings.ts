/**
 * How `<order-tracker>` gives its parts its settings: every reactive property the part also declares is
 * copied from the tracker, so an attribute added to OrderElement (or any other shared base) reaches the parts
 * with no change here. Used as an element binding: `<order-status ${passSettings(this)}>`.
 */
import { noChange, type ReactiveElement } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';

/** Settings a part keeps for itself: the tracker shows one banner above all three parts. */
const NOT_PASSED: ReadonlySet<PropertyKey> = new Set(['hideBanner']);

/** An element binding only: `<order-status ${passSettings(this)}>`. */
class PassSettings extends Directive {
  render(_from: ReactiveElement): unknown {
    return noChange;
  }

  override update(part: ElementPart, [from]: [ReactiveElement]): unknown {
    const to = part.element as unknown as Record<PropertyKey, unknown>;
    const source = from as unknown as Record<PropertyKey, unknown>;
    const theirs = (part.element.constructor as typeof ReactiveElement).elementProperties;
    for (const key of (from.constructor as typeof ReactiveElement).elementProperties.keys()) {
      // A part not yet upgraded keeps what it is given until it is (Lit takes such properties over at upgrade).
      if (NOT_PASSED.has(key) || (theirs && !theirs.has(key))) continue;
      if (to[key] !== source[key]) to[key] = source[key];
    }
    return noChange;
  }
}

export const passSettings = directive(PassSettings);
