/** The handling details: address, drop-off location, notes and instructions, and the delivery flags. */
import { html, nothing, type TemplateResult } from 'lit';
import type { FulfillmentType, Handling } from '../../api/types.js';
import type { Localizer } from '../../i18n/localizer.js';
import { addressLines } from '../shared/address.js';
import { icons } from '../shared/icons.js';

const detail = (kind: string, icon: TemplateResult, text: TemplateResult | string): TemplateResult =>
  html`<li class="detail" part="detail" data-detail=${kind}>${icon}<span>${text}</span></li>`;

export function renderHandling(handling: Handling, type: FulfillmentType | undefined, l10n: Localizer): TemplateResult {
  const pickup = type === 'pickup';
  const title = pickup ? 'handling.title.pickup' : type ? 'handling.title.delivery' : 'handling.title.unknown';
  const lines = addressLines(handling.address);
  const delivered = !pickup;
  return html`<section class="handling" part="handling" aria-labelledby="handling-title">
    <h3 id="handling-title">${l10n.msg(title)}</h3>
    <ul class="details" part="details">
      ${lines.length > 0
        ? detail(
            'address',
            icons.pin(),
            html`<span class="visually-hidden">${l10n.msg('handling.address')}: </span>${lines.map(
              (line, i) => html`${i > 0 ? html`<br />` : nothing}${line}`,
            )}`,
          )
        : nothing}
      ${handling.dropoffLocation.trim() && delivered
        ? detail('dropoff', icons.door(), l10n.msg('handling.dropoff', { location: handling.dropoffLocation }))
        : nothing}
      ${handling.instructions.trim() ? detail('instructions', icons.info(), l10n.msg('handling.instructions', { instructions: handling.instructions })) : nothing}
      ${handling.notes.trim() ? detail('notes', icons.note(), l10n.msg('handling.notes', { notes: handling.notes })) : nothing}
      ${handling.alcoholic ? detail('alcohol', icons.id(), l10n.msg('handling.alcohol')) : nothing}
      ${delivered && handling.leaveUnattended ? detail('leave-unattended', icons.box(), l10n.msg('handling.leaveUnattended')) : nothing}
      ${handling.certifiedDelivery ? detail('certified', icons.shield(), l10n.msg('handling.certified')) : nothing}
    </ul>
  </section>`;
}
