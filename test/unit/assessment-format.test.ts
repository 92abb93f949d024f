import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { Framework } from '../../src/schemas/framework.ts';
import { Assessment as AssessmentFromIndex } from '../../src/schemas/index.ts';
import { Assessment, type Assessment as AssessmentT } from '../../src/schemas/assessment.ts';
import { MAX_SNAPSHOTS } from '../../src/schemas/assessment-constants.ts';
import { parseAssessmentFile, utf8ByteLength } from '../../src/lib/assessment/file-format.ts';
import { exportFileName, fileNameSlug, serialiseAssessment } from '../../src/lib/assessment/file-output.ts';
import { emptyAssessment } from '../../src/lib/assessment/storage.ts';
import { makeRandom } from '../helpers/random-text.ts';
import { dotted, inEnglish } from '../helpers/problems.ts';

function randomAssessment(seed: number): AssessmentT {
  const r = makeRandom(seed);
  const ratings: AssessmentT['ratings'] = {};
  const n = r.int(20);
  for (let i = 0; i < n; i++) {
    const rating: AssessmentT['ratings'][string] = { level: r.int(8) };
    if (r.rnd() < 0.5) rating.evidence = `${r.name()}\n"quoted" — ${r.name()}`;
    ratings[r.id()] = rating;
  }
  const snapshots: AssessmentT['snapshots'] = Array.from({ length: r.int(4) }, () => {
    const s: AssessmentT['snapshots'][number] = {
      date: r.date(),
      ratings: Object.fromEntries(Object.keys(ratings).map((k) => [k, r.int(6)])),
    };
    if (r.rnd() < 0.3) s.note = r.name();
    return s;
  });
  const a: AssessmentT = {
    format: 'banso-assessment',
    version: 1,
    person: { name: r.name() },
    kind: r.rnd() < 0.5 ? 'self' : 'manager',
    framework: {
      id: r.id(),
      version: `${2020 + r.int(10)}.${r.int(5)}`,
      hash: r.int(0xffffffff).toString(16).padStart(8, '0'),
    },
    ratings,
    snapshots,
    updatedAt: new Date(Date.UTC(2026, 0, 1) + r.int(1e10)).toISOString(),
  };
  if (r.rnd() < 0.5) a.person.role = r.id();
  if (r.rnd() < 0.5) a.person.targetRole = r.id();
  if (a.kind === 'manager') a.assessor = r.name();
  return a;
}

const cs = Framework.parse(
  parseYaml(readFileSync(new URL('../../content/frameworks/cs-skills.yaml', import.meta.url), 'utf8')),
);

function sample(): AssessmentT {
  const a = emptyAssessment(
    { id: 'cs-skills', ...cs },
    { name: 'Hanako Yamada', role: 'csm', targetRole: 'senior-csm' },
    'self',
    { now: new Date('2026-11-24T09:00:00Z') },
  );
  a.ratings['customer-360-view'] = { level: 2, evidence: 'Built the 360 view for ACME, 2026-09' };
  a.ratings['lifecycle-management'] = { level: 3 };
  return a;
}

const expectError = (text: string, code: string, opts?: { maxBytes?: number }) => {
  const res = parseAssessmentFile(text, opts);
  expect(res.ok).toBe(false);
  if (res.ok) throw new Error('unreachable');
  expect(res.error.code).toBe(code);
  return res.error;
};

describe('assessment schema', () => {
  it('is exported from the schemas index', () => {
    expect(AssessmentFromIndex).toBe(Assessment);
  });

  it('accepts an assessment made for the real CS skills framework', () => {
    const a = sample();
    expect(Assessment.parse(a)).toEqual(a);
    expect(a.framework.hash).toMatch(/^[0-9a-f]{8}$/);
  });

  it('counts name length in characters, not UTF-16 units', () => {
    const a = sample();
    a.person.name = '😀'.repeat(120);
    expect(Assessment.safeParse(a).success).toBe(true);
    a.person.name = '山'.repeat(121);
    expect(Assessment.safeParse(a).success).toBe(false);
    // A name may be empty while someone has not typed it yet: the browser still saves their ratings.
    a.person.name = '';
    expect(Assessment.safeParse(a).success).toBe(true);
  });
});

describe('parseAssessmentFile', () => {
  it('round-trips 300 random assessments (Japanese and emoji names)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const a = randomAssessment(seed);
      const res = parseAssessmentFile(serialiseAssessment(a));
      if (!res.ok) throw new Error(`seed ${seed}: ${JSON.stringify(res.error)}`);
      expect(res.assessment).toEqual(a);
      expect(serialiseAssessment(res.assessment)).toBe(serialiseAssessment(a));
    }
  });

  it('writes pretty JSON and reads it back, also with a byte-order mark', () => {
    const text = serialiseAssessment(sample());
    expect(text).toContain('\n  "format": "banso-assessment",');
    expect(text.endsWith('}\n')).toBe(true);
    const res = parseAssessmentFile(`\ufeff${text}`);
    expect(res.ok && res.assessment).toEqual(sample());
  });

  it('too-large: checks UTF-8 bytes before parsing', () => {
    // 2,000 kanji = 6,000 bytes, though only 2,000 UTF-16 units.
    const kanji = JSON.stringify({ ...sample(), person: { name: '山'.repeat(100) }, assessor: '山'.repeat(1900) });
    expect(utf8ByteLength(kanji)).toBe(new TextEncoder().encode(kanji).length);
    expectError(kanji, 'too-large', { maxBytes: kanji.length + 10 });
    // Not JSON at all, but too large wins: the size is checked first.
    expect(inEnglish(expectError('x'.repeat(5 * 1024 * 1024 + 1), 'too-large').problems)[0]).toContain('5 MB');
    expect(parseAssessmentFile(serialiseAssessment(sample()), { maxBytes: 100_000 }).ok).toBe(true);
  });

  it('utf8ByteLength matches TextEncoder, lone surrogates included', () => {
    for (const s of ['', 'abc', 'é', '山田', '😀', '👩‍💻', '\ud800', 'a\udc00b', '\ud83d\ude00\ud83d'])
      expect(utf8ByteLength(s)).toBe(new TextEncoder().encode(s).length);
  });

  it('not-json', () => {
    for (const t of ['', 'not json', '{', '{"format": "banso-assessment",}', "{'a': 1}"])
      expect(expectError(t, 'not-json').problems.length).toBe(1);
  });

  it('wrong-format', () => {
    for (const t of [
      '[]',
      'null',
      '42',
      '"banso-assessment"',
      '{}',
      '{"format":"banso-playbook","version":1}',
      '{"format":1}',
    ])
      expectError(t, 'wrong-format');
    expect(inEnglish(expectError('{"format":"other"}', 'wrong-format').problems)[0]).toBe(
      'format: must be “banso-assessment”; found the text “other”.',
    );
  });

  it('unknown-version says which version the file is and which is supported', () => {
    const details = inEnglish(expectError(JSON.stringify({ ...sample(), version: 2 }), 'unknown-version').problems);
    expect(details[0]).toBe('format version: this Bansō reads format version 1; found 2.');
    expect(inEnglish(expectError('{"format":"banso-assessment"}', 'unknown-version').problems)[0]).toContain(
      'has no format version',
    );
    expectError(JSON.stringify({ ...sample(), version: '1' }), 'unknown-version');
  });

  it('invalid: schema problems come back as dotted paths', () => {
    const bad = sample() as unknown as Record<string, unknown> & {
      ratings: Record<string, unknown>;
      snapshots: unknown[];
    };
    bad.ratings = {
      x: { level: -1 },
      'customer-360-view': { level: 1.5 },
      'Bad Key': { level: 1 },
      y: { level: 1, evidence: 'e'.repeat(4001) },
    };
    bad.snapshots = [{ date: '2026-02-30', ratings: {} }];
    bad.kind = 'peer';
    bad.updatedAt = 'yesterday';
    const details = dotted(expectError(JSON.stringify(bad), 'invalid').problems);
    const has = (prefix: string) =>
      expect(
        details.some((d) => d.startsWith(prefix)),
        `${prefix} in ${details.join(' | ')}`,
      ).toBe(true);
    has('ratings.x.level: number-too-small');
    has('ratings.customer-360-view.level: expected-type');
    has('ratings: bad-key');
    has('ratings.y.evidence: too-long');
    has('snapshots.0.date: not-date');
    has('kind: one-of');
    has('updatedAt: not-datetime');
  });

  it('invalid: missing person, too many snapshots', () => {
    const { person: _person, ...noPerson } = sample();
    expect(dotted(expectError(JSON.stringify(noPerson), 'invalid').problems)[0]).toMatch(/^person: expected-type/);
    const many = {
      ...sample(),
      snapshots: Array.from({ length: MAX_SNAPSHOTS + 1 }, () => ({ date: '2026-01-01', ratings: {} })),
    };
    expect(dotted(expectError(JSON.stringify(many), 'invalid').problems)[0]).toBe('snapshots: too-many');
  });

  it('caps the list of problems', () => {
    const ratings = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`e${i}`, { level: -1 }]));
    const details = inEnglish(expectError(JSON.stringify({ ...sample(), ratings }), 'invalid').problems);
    expect(details.length).toBe(51);
    expect(details[50]).toContain('450 more');
  });
});

describe('exportFileName', () => {
  it('builds the file name from person, framework and date', () => {
    const a = sample();
    expect(exportFileName(a, '2026-11-24')).toBe('banso-assessment-hanako-yamada-cs-skills-2026-11-24.json');
    expect(exportFileName(a, new Date(2026, 10, 24, 23, 30))).toBe(
      'banso-assessment-hanako-yamada-cs-skills-2026-11-24.json',
    );
  });

  it('keeps Japanese, drops characters unsafe in file names', () => {
    expect(fileNameSlug('山田花子')).toBe('山田花子');
    expect(fileNameSlug('山田　花子')).toBe('山田-花子');
    expect(fileNameSlug('a/b\\c:d*e?f"g<h>i|j')).toBe('abcdefghij');
    expect(fileNameSlug('x\u0000\u001f\u007fy')).toBe('xy');
    expect(fileNameSlug('  Hanako   Yamada  ')).toBe('hanako-yamada');
    expect(fileNameSlug('../../etc/passwd')).toBe('etcpasswd');
    expect(fileNameSlug('///')).toBe('unnamed');
    expect(fileNameSlug('')).toBe('unnamed');
    expect(fileNameSlug('😀'.repeat(100))).toBe('😀'.repeat(60));
    expect(exportFileName({ ...sample(), person: { name: '山田花子' } }, '2026-11-24')).toBe(
      'banso-assessment-山田花子-cs-skills-2026-11-24.json',
    );
    expect(exportFileName({ ...sample(), person: { name: '<>:' } }, '2026-11-24')).toBe(
      'banso-assessment-unnamed-cs-skills-2026-11-24.json',
    );
  });

  it('never produces a path separator or control character, whatever the name', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const a = randomAssessment(seed);
      const name = exportFileName(a, '2026-11-24');
      expect(name).not.toMatch(/[/\\:*?"<>|\u0000-\u001f]/);
      // A manager's review is named banso-review-…, an agreed record banso-agreed-….
      const prefix = { self: 'banso-assessment', manager: 'banso-review', agreed: 'banso-agreed' }[a.kind];
      expect(name.startsWith(`${prefix}-`) && name.endsWith('-2026-11-24.json')).toBe(true);
    }
  });
});
