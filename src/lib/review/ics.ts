/**
 * The next review date as an iCalendar file (RFC 5545) that Google Calendar, Outlook and Apple
 * Calendar open: one all-day VEVENT (DTSTART;VALUE=DATE, DTEND the day after), with UID and DTSTAMP,
 * text values escaped (backslash, semicolon, comma, line breaks), lines folded at 75 octets without
 * splitting a UTF-8 character, CRLF line endings. Pure.
 */

export interface ReviewEvent {
  /** YYYY-MM-DD, the all-day event's date. */
  date: string;
  summary: string;
  description?: string;
  /** Stable identifier, e.g. derived from the member and the framework; "@banso" is appended. */
  uid: string;
  /** When the file is made (DTSTAMP, in UTC). */
  now: Date;
}

/** RFC 5545 §3.3.11 TEXT escaping. */
export function escapeIcsText(text: string): string {
  return String(text ?? '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** RFC 5545 §3.1: lines longer than 75 octets are split, each continuation starting with one space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines carry the leading space
    if (octets + n > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compactDate = (iso: string) => iso.replace(/-/g, '');

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function stamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The whole .ics text. */
export function reviewIcs(e: ReviewEvent): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(e.date)) throw new Error(`not a date: ${e.date}`);
  const uid = `${String(e.uid).replace(/[^A-Za-z0-9._-]/g, '-')}@banso`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Banso//Review cycle//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${stamp(e.now)}`,
    `DTSTART;VALUE=DATE:${compactDate(e.date)}`,
    `DTEND;VALUE=DATE:${compactDate(nextDay(e.date))}`,
    `SUMMARY:${escapeIcsText(e.summary)}`,
    ...(e.description ? [`DESCRIPTION:${escapeIcsText(e.description)}`] : []),
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
