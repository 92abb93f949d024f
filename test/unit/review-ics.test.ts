/**
 * The next-review calendar file: RFC 5545 shape checked by a strict line-level reader written here
 * (CRLF only, ≤ 75 octets per line, folding, required properties, escaping), and a round trip through
 * ical.js (the parser Thunderbird uses) for the values.
 */
import { describe, expect, it } from 'vitest';
import { prng } from '../helpers/prng.ts';
import ICAL from 'ical.js';
import { escapeIcsText, foldLine, reviewIcs } from '../../src/lib/review/ics.ts';

/** Strict unfold: every line ends in CRLF, no bare CR or LF, no line over 75 octets. */
function strictUnfold(text: string): string[] {
  expect(text.endsWith('\r\n')).toBe(true);
  const raw = text.slice(0, -2).split('\r\n');
  for (const l of raw) {
    expect(l).not.toMatch(/[\r\n]/);
    expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
  }
  const out: string[] = [];
  for (const l of raw) {
    if (l.startsWith(' ')) out[out.length - 1] += l.slice(1);
    else out.push(l);
  }
  return out;
}

function unescapeText(v: string): string {
  return v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

const NOW = new Date('2026-11-24T09:08:07.654Z');

describe('reviewIcs', () => {
  const text = reviewIcs({
    date: '2027-04-15',
    now: NOW,
    uid: 'review-cs-skills-yamada',
    summary: 'Skill review: 山田 花子',
    description: 'Goals: Risk, escalation → 4 (2027-03-31); a\\b\nline two',
  });

  it('is a strict RFC 5545 calendar with one all-day event', () => {
    const lines = strictUnfold(text);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    for (const p of [
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'END:VEVENT',
      'DTSTAMP:20261124T090807Z',
      'DTSTART;VALUE=DATE:20270415',
      'DTEND;VALUE=DATE:20270416',
      'UID:review-cs-skills-yamada@banso',
    ])
      expect(lines).toContain(p);
    expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true);
    const desc = lines.find((l) => l.startsWith('DESCRIPTION:'))!.slice('DESCRIPTION:'.length);
    expect(desc).not.toMatch(/(^|[^\\]);|(^|[^\\]),/); // ; and , escaped
    expect(unescapeText(desc)).toBe('Goals: Risk, escalation → 4 (2027-03-31); a\\b\nline two');
  });

  it('round-trips through ical.js', () => {
    const comp = new ICAL.Component(ICAL.parse(text));
    const ev = new ICAL.Event(comp.getFirstSubcomponent('vevent')!);
    expect(ev.startDate.isDate).toBe(true);
    expect(ev.startDate.toString()).toBe('2027-04-15');
    expect(ev.endDate.toString()).toBe('2027-04-16');
    expect(ev.summary).toBe('Skill review: 山田 花子');
    expect(ev.description).toBe('Goals: Risk, escalation → 4 (2027-03-31); a\\b\nline two');
    expect(ev.uid).toBe('review-cs-skills-yamada@banso');
  });

  it('ends months and years correctly', () => {
    expect(reviewIcs({ date: '2026-12-31', now: NOW, uid: 'x', summary: 's' })).toContain('DTEND;VALUE=DATE:20270101');
    expect(reviewIcs({ date: '2028-02-28', now: NOW, uid: 'x', summary: 's' })).toContain('DTEND;VALUE=DATE:20280229');
    expect(() => reviewIcs({ date: '15/04/2027', now: NOW, uid: 'x', summary: 's' })).toThrow();
  });

  it('folds any text at 75 octets without splitting a character, and unfolds back to it', () => {
    // Random text from a pool of 1- to 4-byte characters, separators and control characters.
    const pool = [
      'a',
      'Z',
      ' ',
      ',',
      ';',
      '\\',
      '\n',
      '\r\n',
      '\t',
      '\u0001',
      'é',
      'ß',
      '山',
      '田',
      '「',
      '😀',
      '👍🏽',
      '\u200b',
    ];
    const rand = prng(14);
    for (let run = 0; run < 300; run++) {
      const s = Array.from({ length: Math.floor(rand() * 120) }, () => pool[Math.floor(rand() * pool.length)]).join('');
      const line = `SUMMARY:${escapeIcsText(s)}`;
      const parts = foldLine(line).split('\r\n');
      for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
      expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
      const text = reviewIcs({ date: '2027-01-01', now: NOW, uid: 'u', summary: s });
      const ev = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
      expect(ev.summary).toBe(
        s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/\r\n|\r/g, '\n'),
      );
    }
  });
});
