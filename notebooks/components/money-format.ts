/**
 * Money for the allocation charts: whole pounds for amounts ("£400,000"), pence for amounts per head
 * ("£12.34"), compact axis ticks ("£400k", "£1.2m"), and signed changes ("+£20,000", "-£5,000").
 */
import { formatNumber } from "./format-number.ts";

export function formatMoney(value: number, perHead = false): string {
  const text = formatNumber(Math.abs(value), perHead ? 2 : 0);
  return value < 0 && text !== formatNumber(0, perHead ? 2 : 0) ? `-£${text}` : `£${text}`;
}

export function formatMoneyChange(change: number, perHead = false): string {
  const text = formatMoney(change, perHead);
  return change > 0 && text !== formatMoney(0, perHead) ? `+${text}` : text;
}

export function formatMoneyTick(value: number, perHead = false): string {
  const size = Math.abs(value);
  if (perHead || size < 1000) return formatMoney(value, perHead && !Number.isInteger(value));
  const sign = value < 0 ? "-" : "";
  if (size >= 1_000_000) return `${sign}£${formatNumber(size / 1_000_000, size % 1_000_000 === 0 ? 0 : 1)}m`;
  return `${sign}£${formatNumber(size / 1000, size % 1000 === 0 ? 0 : 1)}k`;
}
