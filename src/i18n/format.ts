/**
 * The Intl formatters the elements use: the delivery/pickup window in the customer's time zone ("Today,
 * 2:30 – 4:30 PM"), numbers, item quantities with their unit ("10", "1.5 lb", "2 kg"), distances in the
 * locale's units ("1.2 km", "0.7 mi") and relative times ("2 minutes ago"). Pure functions of a locale and a
 * time zone, so they can be tested without an element.
 */
import { ownEntry } from '../common/own-entry.js';

export interface FormatContext {
  /** A valid BCP 47 tag (see resolveLocale). */
  locale: string;
  /** A valid IANA zone, or undefined for the browser's. */
  timeZone?: string;
}

type Instant = Date | number | string;

function toDate(value: Instant): Date | undefined {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The time zone if Intl knows it, else undefined (the browser's zone). */
export function validTimeZone(timeZone: string | null | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** The canonical form of a BCP 47 tag, or undefined when it is not one. */
export function validLocale(locale: string | null | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return Intl.getCanonicalLocales(locale.trim())[0];
  } catch {
    return undefined;
  }
}

const cache = new Map<string, unknown>();
function cached<T>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

function dateFormat(ctx: FormatContext, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(`d|${ctx.locale}|${ctx.timeZone ?? ''}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(ctx.locale, { ...options, timeZone: ctx.timeZone }));
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

export function formatNumber(ctx: FormatContext, value: number, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(ctx.locale, options).format(value);
}

function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  return cached(`r|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
}

/** Days since the epoch of the calendar date the instant falls on in the context's time zone. */
function calendarDay(ctx: FormatContext, date: Date): number {
  const parts = dateFormat({ locale: 'en-US', timeZone: ctx.timeZone }, { year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(date);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Math.round(Date.UTC(part('year'), part('month') - 1, part('day')) / 86_400_000);
}

function capitalize(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/** "Today", "Tomorrow", "Yesterday", or a short date ("Thu, Nov 26"). */
export function formatDay(ctx: FormatContext, value: Instant, now: Instant = Date.now()): string {
  const date = toDate(value);
  const today = toDate(now);
  if (!date || !today) return '';
  const offset = calendarDay(ctx, date) - calendarDay(ctx, today);
  if (Math.abs(offset) <= 1) {
    return capitalize(relativeFormat(ctx.locale).format(offset, 'day'), ctx.locale);
  }
  return dateFormat(ctx, { weekday: 'short', month: 'short', day: 'numeric' }).format(date);
}

const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

export function formatTime(ctx: FormatContext, value: Instant): string {
  const date = toDate(value);
  return date ? dateFormat(ctx, TIME).format(date) : '';
}

/** Joins a day and a time; `pattern` is the catalogue's `format.dayTime` ("{day}, {time}"). */
function dayTime(pattern: string, day: string, time: string): string {
  return pattern.replace('{day}', day).replace('{time}', time);
}

export interface WindowPatterns {
  dayTime: string;
  range: string;
}

const DEFAULT_PATTERNS: WindowPatterns = { dayTime: '{day}, {time}', range: '{start} – {end}' };

/** "Today, 2:30 PM". */
export function formatDayTime(ctx: FormatContext, value: Instant, now: Instant = Date.now(), patterns = DEFAULT_PATTERNS): string {
  const date = toDate(value);
  return date ? dayTime(patterns.dayTime, formatDay(ctx, date, now), formatTime(ctx, date)) : '';
}

/** A window: "Today, 2:30 – 4:30 PM", or across days "Today, 10:00 PM – Tomorrow, 1:00 AM". */
export function formatWindow(ctx: FormatContext, start: Instant, end?: Instant, now: Instant = Date.now(), patterns = DEFAULT_PATTERNS): string {
  const from = toDate(start);
  const to = end === undefined ? undefined : toDate(end);
  if (!from) return '';
  if (!to || to.getTime() <= from.getTime()) return formatDayTime(ctx, from, now, patterns);
  if (calendarDay(ctx, from) === calendarDay(ctx, to)) {
    return dayTime(patterns.dayTime, formatDay(ctx, from, now), dateFormat(ctx, TIME).formatRange(from, to));
  }
  return patterns.range.replace('{start}', formatDayTime(ctx, from, now, patterns)).replace('{end}', formatDayTime(ctx, to, now, patterns));
}

/** "2 minutes ago", "now", "in 5 minutes". */
export function formatRelative(ctx: FormatContext, value: Instant, now: Instant = Date.now()): string {
  const date = toDate(value);
  const reference = toDate(now);
  if (!date || !reference) return '';
  const seconds = Math.round((date.getTime() - reference.getTime()) / 1000);
  const relative = relativeFormat(ctx.locale);
  const abs = Math.abs(seconds);
  if (abs < 45) return relative.format(0, 'second');
  if (abs < 45 * 60) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return relative.format(Math.round(seconds / 3600), 'hour');
  return relative.format(Math.round(seconds / 86_400), 'day');
}

/** Connect's cost units → Intl's unit identifiers. Units Intl does not know are shown as sent. */
const UNITS: Readonly<Record<string, string>> = {
  LB: 'pound',
  LBS: 'pound',
  POUND: 'pound',
  KG: 'kilogram',
  G: 'gram',
  GRAM: 'gram',
  OZ: 'ounce',
  FL_OZ: 'fluid-ounce',
  FLOZ: 'fluid-ounce',
  L: 'liter',
  LITER: 'liter',
  LITRE: 'liter',
  ML: 'milliliter',
  GAL: 'gallon',
};

const COUNT_UNITS = new Set(['', 'EACH', 'EA', 'UNIT', 'COUNT', 'CT']);

/** "10" for a count (EACH), "1.5 lb" / "2 kg" for a measured unit, "3 bunch" for one Intl does not know. */
export function formatQuantity(ctx: FormatContext, quantity: number, costUnit: string): string {
  const unit = costUnit.trim().toUpperCase();
  const options: Intl.NumberFormatOptions = { maximumFractionDigits: 3 };
  if (COUNT_UNITS.has(unit)) return formatNumber(ctx, quantity, options);
  const intlUnit = ownEntry(UNITS, unit);
  if (intlUnit) return formatNumber(ctx, quantity, { ...options, style: 'unit', unit: intlUnit });
  return `${formatNumber(ctx, quantity, options)} ${unit.toLowerCase().replace(/_/g, ' ')}`;
}

/** Regions that give road distances in miles. */
const MILES = new Set(['US', 'GB', 'LR', 'MM']);

function regionOf(locale: string): string | undefined {
  try {
    return new Intl.Locale(locale).maximize().region;
  } catch {
    return undefined;
  }
}

/** A distance in the locale's road units: "450 m", "1.2 km", "500 ft", "0.7 mi". */
export function formatDistance(ctx: FormatContext, meters: number): string {
  // Below 1000 of the small unit, whole tens of it; above, the large unit to one decimal.
  const [small, smallMeters, large, largeMeters] = MILES.has(regionOf(ctx.locale) ?? '')
    ? ['foot', 0.3048, 'mile', 1609.344]
    : ['meter', 1, 'kilometer', 1000];
  const distance = Math.max(0, meters);
  const near = distance / smallMeters;
  return near < 1000
    ? formatNumber(ctx, Math.max(10, Math.round(near / 10) * 10), { style: 'unit', unit: small, maximumFractionDigits: 0 })
    : formatNumber(ctx, distance / largeMeters, { style: 'unit', unit: large, maximumFractionDigits: 1 });
}
