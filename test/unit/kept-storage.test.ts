/**
 * The one storage mechanism (lib/storage/kept-storage.ts): a value that cannot be read is set aside
 * byte for byte before anything can overwrite it; when it cannot be copied the key is locked; copies
 * stay until discarded. Also the strict readers of the onboarding progress and the CS Ops position.
 */
import { describe, expect, it } from 'vitest';
import {
  KeptStorage,
  parseSetAsideId,
  SET_ASIDE_PREFIX,
  setAsideFileName,
  type StorageLike,
} from '../../src/lib/storage/kept-storage.ts';
import { readProgress, serialise } from '../../src/lib/onboarding-progress.ts';
import { readPosition, serialisePosition } from '../../src/lib/plane.ts';
import { parseStoredTeam, serialiseTeam, TEAM_STORAGE_KEY } from '../../src/lib/team/storage.ts';
import { MapStorage } from '../helpers/map-storage.ts';

const NOW = new Date('2026-11-24T09:00:00.000Z');
const copies = (s: MapStorage) => [...s.data.keys()].filter((k) => k.startsWith(SET_ASIDE_PREFIX));

describe('KeptStorage', () => {
  const hostile = [
    '{"format":"banso-team", broken',
    '\ufeff{}',
    'a\u202Eb\u2066c',
    '\ud800 lone surrogate',
    '',
    'null',
    '山'.repeat(10_000),
  ];

  it('sets an unreadable value aside byte for byte, clears the key, and the next write leaves the copy alone', () => {
    for (const raw of hostile) {
      const s = new MapStorage();
      s.data.set(TEAM_STORAGE_KEY, raw);
      const kept = new KeptStorage(s);
      const r = kept.read(TEAM_STORAGE_KEY, parseStoredTeam, NOW);
      expect(r.status, JSON.stringify(raw.slice(0, 20))).toBe('unreadable');
      if (r.status !== 'unreadable') continue;
      expect(r.locked).toBe(false);
      expect(r.kept.id).toBe(`${SET_ASIDE_PREFIX}${TEAM_STORAGE_KEY}@2026-11-24T09:00:00.000Z`);
      expect(s.data.get(r.kept.id)).toBe(raw);
      expect(s.data.has(TEAM_STORAGE_KEY)).toBe(false);
      expect(kept.write(TEAM_STORAGE_KEY, serialiseTeam([], NOW))).toEqual({ ok: true });
      expect(s.data.get(r.kept.id)).toBe(raw);
      expect(kept.list(TEAM_STORAGE_KEY)).toEqual([
        { id: r.kept.id, key: TEAM_STORAGE_KEY, at: '2026-11-24T09:00:00.000Z', raw },
      ]);
    }
  });

  it('keeps one copy of the same text, a second copy of other text, and never lists other keys', () => {
    const s = new MapStorage();
    const kept = new KeptStorage(s);
    s.data.set('banso:assessment:cs-skills', '{oops');
    kept.read('banso:assessment:cs-skills', () => ({ ok: false, problems: [] }), NOW);
    s.data.set('banso:assessment:cs-skills', '{oops');
    kept.read('banso:assessment:cs-skills', () => ({ ok: false, problems: [] }), NOW);
    expect(copies(s)).toHaveLength(1);
    s.data.set('banso:assessment:cs-skills', '{other');
    kept.read('banso:assessment:cs-skills', () => ({ ok: false, problems: [] }), NOW);
    expect(copies(s).sort()).toEqual([
      `${SET_ASIDE_PREFIX}banso:assessment:cs-skills@2026-11-24T09:00:00.000Z`,
      `${SET_ASIDE_PREFIX}banso:assessment:cs-skills@2026-11-24T09:00:00.000Z#2`,
    ]);
    expect(kept.list('banso:assessment:').map((x) => x.raw)).toEqual(['{oops', '{other']);
    expect(kept.list(TEAM_STORAGE_KEY)).toEqual([]);
  });

  it('locks the key when no copy can be made: writes refused, the value stays, Discard unlocks', () => {
    const s = new MapStorage();
    s.data.set('banso:plane-position', 'garbage');
    s.fullFor = SET_ASIDE_PREFIX;
    const kept = new KeptStorage(s);
    const r = kept.read('banso:plane-position', readPosition, NOW);
    expect(r).toMatchObject({ status: 'unreadable', locked: true, kept: { id: 'banso:plane-position', at: '' } });
    expect(kept.write('banso:plane-position', serialisePosition(new Set()))).toEqual({ ok: false, reason: 'locked' });
    expect(kept.remove('banso:plane-position')).toBe(false);
    expect(s.data.get('banso:plane-position')).toBe('garbage');
    expect(copies(s)).toEqual([]);
    expect(kept.list('banso:plane-position')).toMatchObject([{ id: 'banso:plane-position', raw: 'garbage' }]);
    expect(kept.discard('banso:plane-position')).toBe(true);
    expect(kept.write('banso:plane-position', serialisePosition(new Set(['adoption/process'])))).toEqual({ ok: true });
  });

  it('discards only set-aside copies, never an ordinary key', () => {
    const s = new MapStorage();
    s.data.set('banso:team', 'x');
    const kept = new KeptStorage(s);
    expect(kept.discard('banso:team')).toBe(false);
    expect(s.data.get('banso:team')).toBe('x');
  });

  it('works without storage and with storage that throws', () => {
    expect(new KeptStorage(null).read('k', readProgress)).toEqual({ status: 'empty', unavailable: true });
    const throwing: StorageLike = {
      getItem() {
        throw new Error('blocked');
      },
      setItem() {
        throw new Error('blocked');
      },
      removeItem() {
        throw new Error('blocked');
      },
    };
    const kept = new KeptStorage(throwing);
    expect(kept.read('k', readProgress)).toEqual({ status: 'empty', unavailable: true });
    expect(kept.write('k', 'v')).toEqual({ ok: false, reason: 'unavailable' });
    expect(kept.list('k')).toEqual([]);
  });

  it('names copies so they can be found again and downloaded', () => {
    expect(parseSetAsideId(`${SET_ASIDE_PREFIX}banso:onboarding:new-csm@2026-11-24T09:00:00.000Z#3`)).toEqual({
      key: 'banso:onboarding:new-csm',
      at: '2026-11-24T09:00:00.000Z',
    });
    expect(parseSetAsideId('banso:team')).toBeNull();
    expect(setAsideFileName({ id: 'x', key: 'banso:team', at: '2026-11-24T09:00:00.000Z', raw: '' })).toBe(
      'banso-team-2026-11-24T09-00-00-000Z-unreadable.json',
    );
  });
});

describe('strict readers of stored progress and position', () => {
  it('read what they wrote', () => {
    expect(readProgress(serialise(new Set(['b', 'a'])))).toEqual({ ok: true, value: new Set(['a', 'b']) });
    expect(readPosition(serialisePosition(new Set(['adoption/process'])))).toEqual({
      ok: true,
      value: new Set(['adoption/process']),
    });
  });
  it('call anything that would lose data when saved again unreadable', () => {
    for (const raw of ['not json', '{"format":2,"done":["a"]}', '{"format":1,"done":["a",3]}', 'null', '[]'])
      expect(readProgress(raw).ok, raw).toBe(false);
    for (const raw of ['not json', '{"format":1,"cells":["nowhere/none"]}', '{"format":1,"cells":[1]}', 'null'])
      expect(readPosition(raw).ok, raw).toBe(false);
  });
});
