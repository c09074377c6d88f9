import { css } from 'lit';
import { themeStyles } from '../shared/theme.styles.js';

export const shopperMapStyles = [
  themeStyles,
  css`
    :host {
      height: var(--order-status-map-height, 20rem);
      min-height: 12rem;
    }
    .card {
      display: flex;
      flex-direction: column;
      gap: calc(var(--_space) / 2);
      height: 100%;
      padding: 0;
      overflow: hidden;
    }
    .banner {
      margin: var(--_space) var(--_space) 0;
    }
    .map,
    .placeholder {
      flex: 1 1 auto;
      min-height: 8rem;
    }
    .map {
      position: relative;
      z-index: 0;
    }
    .map-canvas {
      position: absolute;
      inset: 0;
    }
    .placeholder {
      display: flex;
      gap: 0.75em;
      align-items: center;
      justify-content: center;
      padding: var(--_space);
      background: var(--_subtle);
      text-align: start;
    }
    .placeholder .icon {
      width: 2em;
      height: 2em;
      color: var(--_accent);
    }
    .placeholder p {
      margin: 0;
    }
    .placeholder .address {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .notice {
      margin: 0;
      padding: 0 var(--_space) calc(var(--_space) / 2);
      color: var(--_muted);
      font-size: 0.9em;
    }
    .map-marker {
      background: none;
      border: 0;
    }
    .map-pin .pin-body {
      fill: var(--_accent);
      stroke: var(--_surface);
      stroke-width: 2;
    }
    .map-pin .pin-home {
      fill: var(--_on-accent);
    }
    .map-shopper .shopper-halo {
      fill: var(--_accent);
      opacity: 0.25;
    }
    .map-shopper .shopper-body {
      fill: var(--_surface);
      stroke: var(--_accent);
      stroke-width: 3;
    }
    .map-shopper .shopper-bag {
      fill: none;
      stroke: var(--_accent);
      stroke-width: 2;
      stroke-linejoin: round;
    }
    .map-canvas:focus-visible {
      outline-offset: -3px;
    }
  `,
];
