// A page that loads the classic script (dist/order-status.iife.js) finds the package on window.
import type {} from 'connect-order-status/iife';

export const trackerClass: typeof HTMLElement = window.ConnectOrderStatus.OrderTrackerElement;
