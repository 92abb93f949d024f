import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/schemas/assessment.ts';
import { parseShareHash, toShareHash, type ShareParseResult } from '../../src/lib/assessment/share-link.ts';
import { prng } from '../helpers/prng.ts';
import { makeRandom, NAME_CHARS } from '../helpers/random-text.ts';
import { inEnglish, inJapanese } from '../helpers/problems.ts';

/** Names here also carry what a URL decoder could trip on. */
const SHARE_NAME_CHARS = [...NAME_CHARS, '%20', '+', '%', '%E0%A4%A'];

function randomAssessment(seed: number): Assessment {
  const { rnd, int, id, name: randomName } = makeRandom(seed, SHARE_NAME_CHARS);
  const name = randomName();
  const ratings: Assessment['ratings'] = {};
  for (let i = int(20); i > 0; i--) ratings[id()] = { level: int(8), evidence: 'private evidence' };
  const a: Assessment = {
    format: 'banso-assessment',
    version: 1,
    person: { name },
    kind: 'self',
    framework: {
      id: id(),
      version: `${2020 + int(10)}.${int(5)}`,
      hash: int(0xffffffff).toString(16).padStart(8, '0'),
    },
    ratings,
    snapshots: [{ date: '2026-01-01', ratings: { secret: 3 } }],
    updatedAt: '2026-11-24T00:00:00.000Z',
  };
  if (rnd() < 0.5) a.person.role = id();
  if (rnd() < 0.5) a.person.targetRole = id();
  return a;
}

const sample: Assessment = {
  format: 'banso-assessment',
  version: 1,
  person: { name: 'Hanako Yamada', role: 'csm', targetRole: 'senior-csm' },
  kind: 'self',
  framework: { id: 'cs-skills', version: '2026.1', hash: '1a2b3c4d' },
  ratings: { 'customer-360-view': { level: 2, evidence: 'secret evidence' }, 'lifecycle-management': { level: 3 } },
  snapshots: [{ date: '2026-10-01', ratings: { 'customer-360-view': 1 }, note: 'secret note' }],
  updatedAt: '2026-11-24T09:00:00.000Z',
};

const BASE = '#v=1&fw=cs-skills&fwv=2026.1&h=1a2b3c4d';
const errorCode = (res: ShareParseResult) => (res.ok ? 'ok' : res.error.code);
const value = (res: ShareParseResult) => {
  if (!res.ok) throw new Error(JSON.stringify(res.error));
  return res.value;
};

describe('toShareHash', () => {
  it('writes named keys, never positions, and leaves evidence and snapshots out', () => {
    const hash = toShareHash(sample);
    expect(hash).toBe(
      '#v=1&fw=cs-skills&fwv=2026.1&h=1a2b3c4d&name=Hanako%20Yamada&role=csm&target=senior-csm&r=customer-360-view.2~lifecycle-management.3',
    );
    expect(hash).not.toContain('secret');
  });

  it('encodes a Japanese name and omits missing roles', () => {
    const hash = toShareHash({ ...sample, person: { name: '山田 花子' } });
    expect(hash).toContain(`name=${encodeURIComponent('山田 花子')}`);
    expect(hash).not.toContain('role=');
    expect(hash).not.toContain('target=');
  });

  it('does not throw on a lone surrogate in a name', () => {
    const res = parseShareHash(toShareHash({ ...sample, person: { name: 'a\ud800b' } }));
    expect(value(res).name).toBe('a\ufffdb');
  });
});

describe('parseShareHash', () => {
  it('round-trips 300 random assessments', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const a = randomAssessment(seed);
      const hash = toShareHash(a);
      const v = value(parseShareHash(hash));
      expect(v.name).toBe(a.person.name);
      expect(v.role).toBe(a.person.role);
      expect(v.targetRole).toBe(a.person.targetRole);
      expect(v.frameworkId).toBe(a.framework.id);
      expect(v.frameworkVersion).toBe(a.framework.version);
      expect(v.hash).toBe(a.framework.hash);
      expect(v.ratings).toEqual(Object.fromEntries(Object.entries(a.ratings).map(([k, r]) => [k, r.level])));
      // Also without the leading "#", and as part of a full URL.
      expect(value(parseShareHash(hash.slice(1)))).toEqual(v);
      expect(value(parseShareHash(`https://example.com/ja/skills/assess/?x=1${hash}`))).toEqual(v);
    }
  });

  it('reads "+" and "%20" as spaces, and a raw Japanese name', () => {
    expect(value(parseShareHash(`${BASE}&name=Hanako+Yamada&r=`)).name).toBe('Hanako Yamada');
    expect(value(parseShareHash(`${BASE}&name=Hanako%20Yamada&r=`)).name).toBe('Hanako Yamada');
    expect(value(parseShareHash(`${BASE}&name=山田花子&r=risk-escalation.3`))).toEqual({
      frameworkId: 'cs-skills',
      frameworkVersion: '2026.1',
      hash: '1a2b3c4d',
      name: '山田花子',
      ratings: { 'risk-escalation': 3 },
    });
    expect(value(parseShareHash(`${BASE}&name=${encodeURIComponent('1+1=2 & 😀')}`)).name).toBe('1+1=2 & 😀');
  });

  it('duplicate keys: the first one wins, for parameters and for elements', () => {
    const v = value(parseShareHash(`${BASE}&name=First&name=Second&r=a.1~b.2~a.3&r=c.4`));
    expect(v.name).toBe('First');
    expect(v.ratings).toEqual({ a: 1, b: 2 });
  });

  it('no-data: nothing, or an ordinary anchor', () => {
    for (const h of ['', '#', '   ', '#section-3', '#name=x&r=a.1', 'https://example.com/page#top', '&&&'])
      expect(errorCode(parseShareHash(h)), h).toBe('no-data');
  });

  it('unknown-version says which version', () => {
    const res = parseShareHash('#v=2&fw=cs-skills');
    expect(errorCode(res)).toBe('unknown-version');
    expect(inEnglish(!res.ok ? res.error.problems : [])).toEqual([
      'format version: this Bansō reads format version 1; found the text “2”.',
    ]);
    expect(errorCode(parseShareHash('#v=&fw=cs-skills'))).toBe('unknown-version');
    expect(errorCode(parseShareHash('#v=1.0&fw=cs-skills'))).toBe('unknown-version');
  });

  it('malformed: missing fields, bad ids, bad levels, broken escapes', () => {
    const cases = [
      '#v=1',
      '#v=1&fwv=2026.1&h=1a2b3c4d&name=x',
      `${BASE}&r=a.1`,
      `${BASE}&name=`,
      `${BASE}&name=%20%20`,
      `${BASE}&name=${'山'.repeat(121)}`,
      `${BASE}&name=%E0%A4%A`,
      `${BASE}&name=x&r=customer-360-view`,
      `${BASE}&name=x&r=customer-360-view.two`,
      `${BASE}&name=x&r=customer-360-view.-1`,
      `${BASE}&name=x&r=Customer.1`,
      `${BASE}&name=x&r=__proto__.1`,
      `${BASE}&name=x&r=a.1~~b.2`,
      `${BASE}&name=x&r=.1`,
      `${BASE}&name=x&role=Senior CSM`,
      '#v=1&fw=CS&fwv=1&h=abc&name=x',
      '#v=1&fw=cs&fwv=1&h=ABC!&name=x',
      `#v=1&fw=cs&fwv=${'9'.repeat(65)}&h=abc&name=x`,
    ];
    for (const h of cases) expect(errorCode(parseShareHash(h)), h).toBe('malformed');
    const res = parseShareHash(`${BASE}&name=x&r=ok.1~bad~also-bad.x`);
    expect(inEnglish(!res.ok ? res.error.problems : [])).toEqual([
      'ratings: cannot read “bad” (expected element-id.level, e.g. customer-health.3).',
      'ratings: cannot read “also-bad.x” (expected element-id.level, e.g. customer-health.3).',
    ]);
    expect(inJapanese(!res.ok ? res.error.problems : [])[0]).toBe(
      '評価：「bad」を読み取れません（「要素ID.レベル」の形式が必要です。例：customer-health.3）。',
    );
  });

  it('never pollutes prototypes', () => {
    parseShareHash(`${BASE}&name=x&r=__proto__.1~constructor.2`);
    parseShareHash(`${BASE}&name=x&__proto__=1`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(value(parseShareHash(`${BASE}&name=x&r=to-string.1`)).ratings).toEqual({ 'to-string': 1 });
    // Reserved keys are refused, naming the key, never silently kept or dropped.
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const res = parseShareHash(`${BASE}&name=x&r=ok.1~${key}.2`);
      expect(errorCode(res), key).toBe('malformed');
      expect(inEnglish(!res.ok ? res.error.problems : [])[0]).toContain(`holds the key “${key}”`);
    }
  });

  it('survives garbage and 10,000-character input', () => {
    const rnd = prng(42);
    const alphabet = [
      'a',
      '=',
      '&',
      '#',
      '%',
      '%2',
      '%E3',
      '+',
      '.',
      '~',
      '1',
      'v=1',
      '&r=',
      '山',
      '😀',
      '\ud800',
      '\u0000',
      ' ',
    ];
    for (let i = 0; i < 500; i++) {
      let s = '';
      const len = Math.floor(rnd() * (i < 20 ? 10_000 : 200));
      while (s.length < len) s += alphabet[Math.floor(rnd() * alphabet.length)];
      const res = parseShareHash(s);
      expect(typeof res.ok).toBe('boolean');
    }
    for (const s of [
      'a'.repeat(10_000),
      '%'.repeat(10_000),
      '&'.repeat(10_000),
      `${BASE}&name=x&r=${'a.1~'.repeat(2500)}`,
      `#v=1${'&v=2'.repeat(2500)}`,
    ])
      expect(() => parseShareHash(s)).not.toThrow();
    expect(errorCode(parseShareHash(`${BASE}&name=x&r=${'%'.repeat(9_970)}`))).toBe('malformed');
    expect(errorCode(parseShareHash(`#v=1&name=${'%'.repeat(9_990)}`))).toBe('malformed');
  });

  it('reads a long but valid link of about 10,000 characters', () => {
    const ratings = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`skill-element-${i}`, { level: i % 6 }]));
    const hash = toShareHash({ ...sample, ratings });
    expect(hash.length).toBeGreaterThan(9_000);
    expect(Object.keys(value(parseShareHash(hash)).ratings)).toHaveLength(600);
  });
});
