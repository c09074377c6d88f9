/** The progress stepper: an ordered list of the customer steps with the current one marked. */
import { html, nothing, type TemplateResult } from 'lit';
import type { FulfillmentType, WorkflowState } from '../../api/types.js';
import type { Localizer } from '../../i18n/localizer.js';
import { icons } from '../shared/icons.js';
import type { Progress } from './customer-steps.js';

/** The one-line sentence for a state: the type's own wording, the general one, or "In progress". */
export function stateSentence(l10n: Localizer, type: FulfillmentType, state: WorkflowState): string {
  return l10n.first([`state.${type}.${state}`, `state.${state}`, 'state.unknown']);
}

export function renderStepper(progress: Progress, l10n: Localizer): TemplateResult {
  return html`<ol class="stepper" part="stepper" aria-label=${l10n.msg('status.progress')} data-kind=${progress.kind}>
    ${progress.steps.map((step, index) => {
      const current = index === progress.current;
      const done = index < progress.reached;
      const status = current ? 'current' : done ? 'complete' : 'upcoming';
      return html`<li
        class="step"
        part="step step-${status}"
        data-step=${step}
        data-status=${status}
        aria-current=${current ? 'step' : nothing}
      >
        <span class="marker" aria-hidden="true">${done ? icons.check() : nothing}</span>
        <span class="label">${l10n.msg(`step.${step}`)}</span>
        ${done && !current ? html`<span class="visually-hidden">(${l10n.msg('step.complete')})</span>` : nothing}
      </li>`;
    })}
  </ol>`;
}
