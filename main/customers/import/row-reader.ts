import type { ImportMapping, SkipReason } from '../../../shared/domain/customer-import.js';
import { singleLine, multiLine } from '../../../shared/domain/common.js';
import { AREA_MAX, normalArea } from '../../../shared/domain/customer.js';
import { normalizePhone } from '../../../shared/util/phone.js';
import { parseCoordinatePair } from '../../../shared/util/coordinates.js';

/** One row of the file as a customer: only what the file says (empty cells are "not said", never "clear it"). */
export interface RowCandidate {
  line: number;
  /** The person's name; null when the file has none (a Mikhmon login's name falls back to the username). */
  name: string | null;
  /** E.164; null when the file says nothing. */
  phone: string | null;
  address: string | null;
  area: string | null;
  packageName: string | null;
  username: string | null;
  password: string | null;
  serviceType: 'pppoe' | 'hotspot' | null;
  billingDay: number | null;
  latitude: number | null;
  longitude: number | null;
  notes: string | null;
  code: string | null;
  disabled: boolean;
  /** The first reason the row cannot be imported whatever the database holds. */
  problem: SkipReason | null;
}

const NAME_MAX = 120;
const ADDRESS_MAX = 300;
const NOTES_MAX = 2000;
/** RouterOS's PPPoE secret and hotspot user names (as the customer form's username). */
const ROUTER_USERNAME = /^[A-Za-z0-9._@-]{1,64}$/;
const YES = new Set(['yes', 'true', '1', 'ya', 'y', 'nonaktif', 'inactive', 'disabled', 'banned', 'off']);
/** Day 0 of Excel's serial dates (with its 1900 leap-year bug, hence the 30th). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const orNull = (value: string) => (value.length > 0 ? value : null);

export function readRow(line: number, cells: readonly string[], mapping: ImportMapping): RowCandidate {
  const cell = (field: keyof ImportMapping) => {
    const column = mapping[field];
    return column === undefined ? '' : singleLine(cells[column] ?? '');
  };
  const phoneText = cell('phone');
  const phone = phoneText === '' ? null : normalizePhone(phoneText);
  const username = orNull(cell('username'));
  const name = orNull(cell('name'));
  const coordinates = parseCoordinatePair(cell('coordinates'));
  const row: RowCandidate = {
    line,
    name,
    phone,
    address: orNull(cell('address').slice(0, ADDRESS_MAX)),
    area: orNull(normalArea(cell('area')).slice(0, AREA_MAX)),
    packageName: orNull(cell('package')),
    username,
    password: mapping.password === undefined ? null : orNull((cells[mapping.password] ?? '').trim()),
    serviceType: readService(cell('serviceType')),
    billingDay: readDay(cell('billingDay')),
    latitude: coordinates?.latitude ?? readDegree(cell('latitude'), 90),
    longitude: coordinates?.longitude ?? readDegree(cell('longitude'), 180),
    notes: mapping.notes === undefined ? null : orNull(multiLine(cells[mapping.notes] ?? '').slice(0, NOTES_MAX)),
    code: orNull(cell('code').toUpperCase()),
    disabled: YES.has(cell('disabled').toLowerCase()),
    problem: null,
  };
  row.problem = problemOf(row, phoneText);
  return row;
}

function problemOf(row: RowCandidate, phoneText: string): SkipReason | null {
  if (row.name === null && row.username === null) return 'missingName';
  if (row.name !== null && row.name.length > NAME_MAX) return 'nameTooLong';
  // A landline (021-...) is an Indonesian number the customer form keeps too; a foreign one is not.
  if (phoneText !== '' && (row.phone === null || !row.phone.startsWith('+62'))) return 'phoneInvalid';
  if (row.username !== null && !ROUTER_USERNAME.test(row.username)) return 'usernameInvalid';
  return null;
}

function readService(text: string): 'pppoe' | 'hotspot' | null {
  if (/hotspot/i.test(text)) return 'hotspot';
  if (/ppp/i.test(text)) return 'pppoe';
  return null;
}

/**
 * The billing day from a day ("15"), a date (2024-03-15, 15/03/2024, 15-03-2024) or an Excel date
 * serial; days 29 to 31 become 28, the last day every month has (the form's rule).
 */
export function readDay(text: string): number | null {
  let day: number | null = null;
  const iso = /^\d{4}-\d{1,2}-(\d{1,2})/.exec(text);
  const local = /^(\d{1,2})[/.-]\d{1,2}[/.-]\d{2,4}/.exec(text);
  if (iso) day = Number(iso[1]);
  else if (local) day = Number(local[1]);
  else if (/^\d{1,2}$/.test(text)) day = Number(text);
  else if (/^\d{5}(\.\d+)?$/.test(text)) day = new Date(EXCEL_EPOCH + Math.floor(Number(text)) * DAY_MS).getUTCDate();
  if (day === null || day < 1 || day > 31) return null;
  return Math.min(day, 28);
}

/** A latitude or longitude in its own cell; a decimal comma ("-7,4245") is read as a point. */
function readDegree(text: string, max: number): number | null {
  if (text === '') return null;
  const value = Number(text.includes('.') ? text : text.replace(',', '.'));
  return Number.isFinite(value) && Math.abs(value) <= max ? value : null;
}
