/**
 * The review cycle's records: the manager and agreed file format (schema, round trip through the file
 * text, old files still valid), the links self ↔ manager ↔ agreed, the per-member review storage, the
 * checks on what a manager opens, the 1:1 ordering and agenda, the agreed-level history on /assess/,
 * and the source preference of the team view.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prng } from '../helpers/prng.ts';
import { checkContent } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { clientData } from '../../src/lib/assessment/skill-island-props.ts';
import { addSnapshot, emptyAssessment } from '../../src/lib/assessment/storage.ts';
import { exportFileName, serialiseAssessment } from '../../src/lib/assessment/file-output.ts';
import { parseAssessmentFile } from '../../src/lib/assessment/file-format.ts';
import { toShareHash } from '../../src/lib/assessment/share-link.ts';
import type { Assessment } from '../../src/schemas/assessment.ts';
import {
  agreeWithSelf,
  agreedRecord,
  checkLinks,
  contentHash,
  refOf,
  startManagerReview,
} from '../../src/lib/review/records.ts';
import { readReviewInput } from '../../src/lib/review/validate.ts';
import {
  lastAgreed,
  listSessions,
  newSession,
  saveSession,
  sessionKey,
  withAgreed,
  withSelf,
  type ListableStorage,
} from '../../src/lib/review/session.ts';
import { oneOnOneItems, oneOnOneMarkdown, proposedLevels } from '../../src/lib/review/one-on-one.ts';
import { addAgreedToHistory } from '../../src/lib/review/agreed-history.ts';
import { importBatch } from '../../src/lib/team/import-batch.ts';
import { buildTeam, currentLevels, kindFor } from '../../src/lib/team/members.ts';
import { heatmap } from '../../src/lib/team/aggregate.ts';
import { coverage } from '../../src/lib/team/coverage.ts';
import { growthRows } from '../../src/lib/team/history.ts';

const data = clientData(checkContent(readContentFiles('.')).content, 'en');
const frameworks = data.frameworks;
const cs = frameworks.find((f) => f.id === 'cs-skills')!;
const T0 = new Date('2026-10-01T09:00:00.000Z');
const T1 = new Date('2026-10-05T09:00:00.000Z');
const T2 = new Date('2026-10-08T09:00:00.000Z');

function selfOf(
  name: string,
  levels: Record<string, number>,
  evidence: Record<string, string> = {},
  now = T0,
): Assessment {
  const a = emptyAssessment(cs, { name, targetRole: 'senior-csm' }, 'self', { now });
  a.ratings = Object.fromEntries(
    Object.entries(levels).map(([k, v]) => [k, evidence[k] ? { level: v, evidence: evidence[k] } : { level: v }]),
  );
  return a;
}
const reparse = (a: Assessment): Assessment => {
  const r = parseAssessmentFile(serialiseAssessment(a));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.assessment;
};

function memoryStorage(): ListableStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => (map.has(k) ? map.get(k)! : null),
    setItem: (k, v) => {
      map.set(k, String(v));
    },
    removeItem: (k) => {
      map.delete(k);
    },
  };
}

const self = selfOf(
  '山田 花子',
  { 'customer-health': 3, 'risk-escalation': 4, 'stakeholder-alignment': 2 },
  { 'risk-escalation': 'Escalated two renewals early' },
);
let manager = startManagerReview(self, 'Ken Sato', T1);
manager = agreeWithSelf(manager, self, 'customer-health');
manager = {
  ...manager,
  ratings: {
    ...manager.ratings,
    'risk-escalation': { level: 2, evidence: 'Late in the quarter' },
    'stakeholder-alignment': { level: 3 },
  },
};
const agreed = agreedRecord({
  self,
  manager,
  levels: { 'customer-health': 3, 'risk-escalation': 3 },
  date: '2026-10-08',
  by: [' 山田 花子 ', 'Ken Sato', ''],
  goals: { 'risk-escalation': { level: 4, due: '2027-03-31' } },
  nextReview: '2027-04-15',
  now: T2,
});

describe('review file format', () => {
  it('a manager review names the self-assessment it reviewed and round-trips through its file', () => {
    expect(manager.kind).toBe('manager');
    expect(manager.assessor).toBe('Ken Sato');
    expect(manager.reviewOf).toEqual({
      kind: 'self',
      name: '山田 花子',
      updatedAt: self.updatedAt,
      hash: contentHash(self),
    });
    expect(manager.ratings['customer-health']).toEqual({ level: 3 });
    const back = reparse(manager);
    expect(back).toEqual(manager);
    expect(contentHash(back)).toBe(contentHash(manager));
    expect(exportFileName(manager, '2026-10-05')).toBe('banso-review-山田-花子-cs-skills-2026-10-05.json');
  });

  it('an agreed record holds levels, who agreed, both links, goals and the next review, and round-trips', () => {
    expect(agreed.kind).toBe('agreed');
    expect(agreed.agreement).toEqual({
      date: '2026-10-08',
      by: ['山田 花子', 'Ken Sato'],
      self: refOf(self),
      manager: refOf(manager),
      goals: { 'risk-escalation': { level: 4, due: '2027-03-31' } },
      nextReview: '2027-04-15',
    });
    expect(agreed.snapshots).toEqual([
      {
        date: '2026-10-08',
        ratings: { 'customer-health': 3, 'risk-escalation': 3 },
        agreedBy: ['山田 花子', 'Ken Sato'],
      },
    ]);
    expect(reparse(agreed)).toEqual(agreed);
    expect(exportFileName(agreed, '2026-10-08')).toMatch(/^banso-agreed-/);
  });

  it('the content hash ignores white space and key order of the file, and changes with any content', () => {
    const text = serialiseAssessment(self);
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(text)).reverse()));
    const r = parseAssessmentFile(reordered);
    expect(r.ok && contentHash(r.assessment)).toBe(contentHash(self));
    const rand = prng(7);
    const seen = new Set([contentHash(self)]);
    for (let i = 0; i < 300; i++) {
      const ev = Array.from({ length: 1 + Math.floor(rand() * 30) }, () =>
        String.fromCodePoint(32 + Math.floor(rand() * 0x3000)),
      ).join('');
      const changed = { ...self, ratings: { ...self.ratings, 'customer-health': { level: 3, evidence: ev } } };
      seen.add(contentHash(changed));
    }
    expect(seen.size).toBe(301);
  });

  it('old files (no review fields) stay valid; the new fields are refused where they do not belong', () => {
    for (const name of readdirSync('test/fixtures/team').filter(
      (n) => !n.startsWith('broken-') && n.endsWith('.json'),
    )) {
      const r = parseAssessmentFile(readFileSync(`test/fixtures/team/${name}`, 'utf8'));
      expect(r.ok, name).toBe(true);
    }
    const bad = (a: unknown) => parseAssessmentFile(JSON.stringify(a));
    expect(bad({ ...agreed, agreement: undefined })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(bad({ ...self, agreement: agreed.agreement })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(bad({ ...self, reviewOf: manager.reviewOf })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(bad({ ...agreed, agreement: { ...agreed.agreement, by: [] } })).toMatchObject({ ok: false });
    expect(bad({ ...agreed, agreement: { ...agreed.agreement, nextReview: '2027-02-30' } })).toMatchObject({
      ok: false,
    });
    expect(bad({ ...manager, reviewOf: { ...manager.reviewOf, hash: 'NOT-HEX' } })).toMatchObject({ ok: false });
  });
});

describe('links between self, manager and agreed', () => {
  it('hold for the files as exported', () => {
    expect(checkLinks({ self, manager, agreed })).toEqual([]);
    expect(checkLinks({ self: reparse(self), manager: reparse(manager), agreed: reparse(agreed) })).toEqual([]);
  });
  it('say when the member changed their file after the review, or a file is of another person', () => {
    const edited = {
      ...self,
      ratings: { ...self.ratings, 'customer-health': { level: 4 } },
      updatedAt: T2.toISOString(),
    };
    expect(checkLinks({ self: edited, manager })).toEqual(['review-of-other']);
    expect(checkLinks({ self: edited, agreed })).toEqual(['self-changed']);
    expect(checkLinks({ self: selfOf('Someone Else', {}), agreed })).toEqual(['self-person']);
    const otherManager = { ...manager, ratings: {} };
    expect(checkLinks({ manager: otherManager, agreed })).toEqual(['manager-changed']);
  });
});

describe('what a manager opens', () => {
  const ctx = (opened: string[], open?: string) => ({ opened, open: open ? { name: open } : undefined, now: T1 });
  it('opens a self-assessment file or a share link', () => {
    expect(readReviewInput(serialiseAssessment(self), frameworks, ctx([]))).toMatchObject({
      ok: true,
      assessment: { kind: 'self' },
    });
    const link = `https://portal.example/assess/${toShareHash(self)}`;
    const r = readReviewInput(link, frameworks, ctx([]));
    expect(r.ok && r.assessment.ratings['risk-escalation'].level).toBe(4);
  });
  it('refuses a manager review or agreed record of a member not opened, or of another member than the one open', () => {
    expect(readReviewInput(serialiseAssessment(manager), frameworks, ctx([]))).toMatchObject({
      ok: false,
      problem: { code: 'not-opened', values: { name: '山田 花子', kind: 'manager' } },
    });
    expect(readReviewInput(serialiseAssessment(agreed), frameworks, ctx(['Aiko'], 'Aiko'))).toMatchObject({
      ok: false,
      problem: { code: 'not-opened' },
    });
    expect(readReviewInput(serialiseAssessment(agreed), frameworks, ctx(['山田花子', 'Aiko'], 'Aiko'))).toMatchObject({
      ok: false,
      problem: { code: 'other-member', values: { open: 'Aiko' } },
    });
    expect(readReviewInput(serialiseAssessment(agreed), frameworks, ctx(['山田　花子'], '山田　花子'))).toMatchObject({
      ok: true,
    });
  });
  it('refuses other frameworks and versions, and tampered files (levels out of scale, unknown elements)', () => {
    const j = JSON.parse(serialiseAssessment(self));
    const read = (x: unknown) => readReviewInput(JSON.stringify(x), frameworks, ctx([]));
    expect(read({ ...j, framework: { ...j.framework, id: 'sales-skills' } })).toMatchObject({
      ok: false,
      problem: { code: 'unknown-framework', values: { id: 'sales-skills' } },
    });
    expect(read({ ...j, framework: { ...j.framework, version: '2020.1' } })).toMatchObject({
      ok: false,
      problem: { code: 'other-version', values: { version: '2020.1', current: cs.version } },
    });
    expect(read({ ...j, ratings: { ...j.ratings, 'customer-health': { level: 9 } } })).toMatchObject({
      ok: false,
      problem: { code: 'out-of-scale', values: { max: cs.levels.length } },
    });
    expect(read({ ...j, ratings: { ...j.ratings, 'mind-reading': { level: 2 } } })).toMatchObject({
      ok: false,
      problem: { code: 'unknown-elements', values: { list: 'mind-reading' } },
    });
    expect(read({ ...j, snapshots: [{ date: '2026-01-01', ratings: { 'customer-health': 7 } }] })).toMatchObject({
      ok: false,
      problem: { code: 'out-of-scale' },
    });
    expect(read({ ...j, ratings: { 'customer-health': { level: -1 } } })).toMatchObject({
      ok: false,
      problem: { code: 'parse', error: { code: 'invalid' } },
    });
    expect(readReviewInput('{"format":"banso-assessment",', frameworks, ctx([]))).toMatchObject({
      ok: false,
      problem: { code: 'parse', error: { code: 'not-json' } },
    });
  });
});

describe('per-member review storage', () => {
  it('keeps each member under their own key and never mixes them', () => {
    const s = memoryStorage();
    const aiko = selfOf('Aiko Sato', { 'customer-health': 1 });
    const a = newSession(self, 'Ken', T1);
    const b = newSession(aiko, 'Ken', T1);
    expect(saveSession(s, { ...a, manager: { ...a.manager, ratings: { 'customer-health': { level: 2 } } } })).toEqual({
      ok: true,
    });
    expect(saveSession(s, b)).toEqual({ ok: true });
    expect(sessionKey('cs-skills', '山田　花子')).toBe(sessionKey('cs-skills', '山田花子'));
    const list = listSessions(s, 'cs-skills');
    expect(list.map((x) => x.status)).toEqual(['ok', 'ok']);
    const byName = Object.fromEntries(
      list.flatMap((x) => (x.status === 'ok' ? [[x.session.self.person.name, x.session]] : [])),
    );
    expect(byName['山田 花子'].manager.ratings).toEqual({ 'customer-health': { level: 2 } });
    expect(byName['Aiko Sato'].manager.ratings).toEqual({});
    expect(listSessions(s, 'product-domain')).toEqual([]);
  });

  it('never overwrites an entry it cannot read, and lists it for download', () => {
    const s = memoryStorage();
    const key = sessionKey('cs-skills', self.person.name);
    s.setItem(key, '{"format":"banso-review-session", broken');
    expect(saveSession(s, newSession(self, 'Ken', T1))).toEqual({ ok: false, reason: 'unreadable-entry' });
    expect(s.getItem(key)).toBe('{"format":"banso-review-session", broken');
    expect(listSessions(s, 'cs-skills')).toMatchObject([
      { key, status: 'corrupt', raw: '{"format":"banso-review-session", broken' },
    ]);
    expect(saveSession(s, newSession(self, 'Ken', T1), { overwriteUnreadable: true })).toEqual({ ok: true });
    // A session stored under another member's key is not taken for that member.
    s.setItem(sessionKey('cs-skills', 'Aiko'), s.getItem(key)!);
    expect(listSessions(s, 'cs-skills').find((x) => x.key === sessionKey('cs-skills', 'Aiko'))?.status).toBe('corrupt');
  });

  it('a newer self-assessment replaces the kept one and keeps the manager ratings; an older one changes nothing', () => {
    const start = { ...newSession(self, 'Ken', T1), manager };
    const newer = {
      ...self,
      ratings: { ...self.ratings, 'customer-health': { level: 4 } },
      updatedAt: T2.toISOString(),
    };
    const r = withSelf(start, newer, 'Ken', T2);
    expect(r.update).toBe('newer');
    expect(r.session.manager.ratings).toEqual(manager.ratings);
    expect(r.session.manager.reviewOf!.hash).toBe(contentHash(newer));
    expect(withSelf(r.session, self, 'Ken', T2).update).toBe('older');
    expect(withSelf(r.session, newer, 'Ken', T2).update).toBe('same');
  });

  it('last agreed levels come from kept records or from agreed snapshots in the member’s file', () => {
    const s0 = newSession(self, 'Ken', T1);
    expect(lastAgreed(s0)).toBeNull();
    expect(lastAgreed(withAgreed(s0, agreed))).toMatchObject({ date: '2026-10-08', levels: { 'risk-escalation': 3 } });
    const withHistory = addAgreedToHistory(self, agreed);
    if (!withHistory.ok) throw new Error('merge');
    expect(lastAgreed(newSession(withHistory.assessment, 'Ken', T1))).toMatchObject({
      date: '2026-10-08',
      by: ['山田 花子', 'Ken Sato'],
    });
  });
});

describe('the 1:1', () => {
  it('lists elements more than one level apart first, with both notes, then the rest in framework order', () => {
    const items = oneOnOneItems(cs, self, manager);
    expect(items[0]).toMatchObject({
      element: 'risk-escalation',
      self: 4,
      manager: 2,
      diff: -2,
      discuss: true,
      selfEvidence: 'Escalated two renewals early',
      managerComment: 'Late in the quarter',
    });
    expect(items.filter((i) => i.discuss)).toHaveLength(1);
    expect(items.slice(1).map((i) => i.element)).toEqual(
      cs.elements.map((e) => e.id).filter((id) => id !== 'risk-escalation'),
    );
    expect(proposedLevels(items)).toEqual({ 'customer-health': 3 });
  });
  it('writes the agenda as Markdown with user text escaped', () => {
    const hostile = {
      ...self,
      person: { name: '# <script>x</script> *' },
      ratings: {
        ...self.ratings,
        'risk-escalation': { level: 4, evidence: '- [link](javascript:alert(1))\nsecond line' },
      },
    };
    const items = oneOnOneItems(cs, hostile, manager).map((i) => ({
      ...i,
      elementName: cs.elements.find((e) => e.id === i.element)!.name,
    }));
    const md = oneOnOneMarkdown({
      name: hostile.person.name,
      date: '2026-10-08',
      frameworkName: 'CS',
      selfDate: '2026-10-01',
      managerDate: '2026-10-05',
      items,
      agreed: { 'risk-escalation': 3 },
      goals: {
        'risk-escalation': {
          level: 4,
          due: '2027-03-31',
          elementName: 'Risk',
          links: [
            { title: 'Play', url: 'https://x.example/p/' },
            { title: 'Bad', url: 'javascript:alert(1)' },
          ],
        },
      },
      nextReview: '2027-04-15',
      labels: {
        title: '1:1 agenda',
        date: 'Date',
        framework: 'Framework',
        self: 'Self',
        manager: 'Manager',
        lastAgreed: 'Last',
        agreed: 'Agreed',
        discuss: 'Discuss',
        others: 'Others',
        none: 'None',
        level: 'Level {n}',
        notYet: 'Not yet',
        notRated: 'not rated',
        selfEvidence: 'Self evidence',
        managerComment: 'Comment',
        noNote: '-',
        difference: 'Difference {n}',
        goals: 'Goals',
        goalLine: 'Level {level} by {due}',
        goalLevel: 'Level {level}',
        trains: 'Trains',
        nextReview: 'Next review',
        nextSteps: 'Next steps',
      },
    });
    expect(md).toMatch(/^# 1:1 agenda: \\# \\<script\\>x\\<\/script\\> \\\*$/m);
    expect(md).toContain('> \\- \\[link\\](javascript:alert(1))\n> second line');
    expect(md).toContain('- **Agreed:** Level 3');
    expect(md).toContain('- **Risk:** Level 4 by 2027-03-31\n  - Trains: [Play](https://x.example/p/) · Bad');
    expect(md).not.toContain('<script>');
  });
});

describe('agreed levels in the member’s history (/assess/)', () => {
  it('adds a marked snapshot, replaces only an agreed snapshot of the same date, keeps the member’s own', () => {
    const own = addSnapshot(self, '2026-10-08');
    const r = addAgreedToHistory(own, reparse(agreed));
    if (!r.ok) throw new Error(r.code);
    expect(r.replaced).toBe(false);
    expect(r.assessment.ratings).toEqual(self.ratings);
    expect(r.assessment.snapshots).toEqual([
      own.snapshots[0],
      {
        date: '2026-10-08',
        ratings: { 'customer-health': 3, 'risk-escalation': 3 },
        agreedBy: ['山田 花子', 'Ken Sato'],
      },
    ]);
    expect(reparse(r.assessment)).toEqual(r.assessment);
    const again = addAgreedToHistory(r.assessment, agreed);
    expect(again.ok && again.replaced).toBe(true);
    expect(again.ok && again.assessment.snapshots).toHaveLength(2);
    // Saving a snapshot of the same day later never overwrites the agreed one.
    const later = addSnapshot(r.assessment, '2026-10-08');
    expect(later.snapshots.filter((s) => s.agreedBy)).toHaveLength(1);
  });
  it('refuses a record of another person or framework, or a file that is not an agreed record', () => {
    expect(addAgreedToHistory(selfOf('Aiko', {}), agreed)).toMatchObject({
      ok: false,
      code: 'other-person',
      values: { name: '山田 花子', open: 'Aiko' },
    });
    expect(addAgreedToHistory(self, manager)).toMatchObject({ ok: false, code: 'not-agreed' });
    expect(
      addAgreedToHistory({ ...self, framework: { ...self.framework, id: 'product-domain' } }, agreed),
    ).toMatchObject({ ok: false, code: 'other-framework' });
  });
});

describe('team view: source preference agreed > manager > self', () => {
  const aiko = selfOf('Aiko', { 'customer-health': 1 });
  const r = importBatch(
    [],
    [
      { name: 'self.json', origin: 'file', text: serialiseAssessment(self) },
      { name: 'manager.json', origin: 'file', text: serialiseAssessment(manager) },
      { name: 'agreed.json', origin: 'file', text: serialiseAssessment(agreed) },
      { name: 'aiko.json', origin: 'file', text: serialiseAssessment(aiko) },
    ],
    frameworks,
    T2,
  );
  const [group] = buildTeam(r.entries, frameworks);
  const hanako = group.members.find((m) => m.name === '山田 花子')!;
  const aikoM = group.members.find((m) => m.name === 'Aiko')!;

  it('imports the three records of one member as one person', () => {
    expect(r.report.map((x) => x.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(group.members).toHaveLength(2);
    expect([hanako.self, hanako.manager, hanako.agreed].every(Boolean)).toBe(true);
  });
  it('prefers agreed, then manager, then self, and each source reads only its kind', () => {
    expect(kindFor(hanako, 'preferred')).toBe('agreed');
    expect(kindFor(aikoM, 'preferred')).toBe('self');
    expect(kindFor({ ...hanako, agreed: undefined }, 'preferred')).toBe('manager');
    expect(currentLevels(hanako, 'preferred')!.levels['risk-escalation']).toBe(3);
    expect(currentLevels(hanako, 'manager')!.levels['risk-escalation']).toBe(2);
    expect(currentLevels(hanako, 'self')!.levels['risk-escalation']).toBe(4);
    expect(kindFor(aikoM, 'agreed')).toBeUndefined();
    expect(heatmap(group.members, cs, data.roles, 'agreed').map((x) => x.name)).toEqual(['山田 花子']);
    expect(heatmap(group.members, cs, data.roles, 'preferred').map((x) => [x.name, x.kind])).toEqual([
      ['山田 花子', 'agreed'],
      ['Aiko', 'self'],
    ]);
  });
  it('coverage follows the chosen source', () => {
    const covered = (source: 'self' | 'agreed' | 'manager') =>
      coverage(heatmap(group.members, cs, data.roles, source), cs).singleCovered.map((s) => s.element);
    expect(covered('self')).toContain('risk-escalation');
    expect(covered('manager')).not.toContain('risk-escalation');
    expect(covered('agreed')).toContain('risk-escalation');
  });
  it('the agreed levels are their own, marked rows in the growth history', () => {
    const rows = growthRows(hanako.agreed!.history, cs.elements);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ date: '2026-10-08', agreedBy: ['山田 花子', 'Ken Sato'] });
    const merged = addAgreedToHistory(addSnapshot(self, '2026-10-08'), agreed);
    if (!merged.ok) throw new Error('merge');
    const r2 = importBatch(
      [],
      [
        {
          name: 'self2.json',
          origin: 'file',
          text: serialiseAssessment({ ...merged.assessment, updatedAt: '2026-10-09T00:00:00.000Z' }),
        },
      ],
      frameworks,
      T2,
    );
    const [g2] = buildTeam(r2.entries, frameworks);
    const rows2 = growthRows(g2.members[0].self!.history, cs.elements);
    expect(rows2.map((x) => [x.date, Boolean(x.agreedBy)])).toEqual([
      ['2026-10-08', false],
      ['2026-10-08', true],
      ['2026-10-09', false],
    ]);
  });
});
