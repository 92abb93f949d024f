import { describe, expect, it } from 'vitest';
import { en, ja } from '../../src/i18n/ui.ts';
import { pick, tx, txList, useTranslations } from '../../src/i18n/index.ts';

describe('UI dictionary', () => {
  it('has every key in both languages, none empty', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(ja)) expect(v.trim(), k).not.toBe('');
    for (const [k, v] of Object.entries(en)) expect(v.trim(), k).not.toBe('');
  });
  it('keeps the same {placeholders} in both languages', () => {
    const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const k of Object.keys(en) as (keyof typeof en)[]) expect(ph(ja[k]), k).toEqual(ph(en[k]));
  });
  it('Japanese strings are really Japanese where English has letters', () => {
    const untranslated = (Object.keys(en) as (keyof typeof en)[]).filter(
      (k) => /[a-z]{4}/i.test(en[k]) && ja[k] === en[k] && !['lang.switch', 'site.name'].includes(k),
    );
    expect(untranslated).toEqual([]);
  });
  it('fills placeholders', () => {
    expect(useTranslations('en')('playbooks.count', { n: 3, total: 16 })).toBe('3 of 16 playbooks');
    expect(useTranslations('ja')('playbooks.count', { n: 3, total: 16 })).toBe('16 件中 3 件のプレイブック');
  });
});

describe('localised content text', () => {
  it('falls back to English and says so', () => {
    expect(pick({ en: 'Churn', ja: 'チャーン' }, 'ja')).toEqual({ text: 'チャーン', fallback: false });
    expect(pick({ en: 'Churn' }, 'ja')).toEqual({ text: 'Churn', fallback: true });
    expect(pick({ en: 'Churn', ja: 'チャーン' }, 'en')).toEqual({ text: 'Churn', fallback: false });
    expect(tx(undefined, 'en')).toBe('');
    expect(txList({ en: ['a', 'b'] }, 'ja')).toEqual(['a', 'b']);
    expect(txList({ en: ['a'], ja: ['あ'] }, 'ja')).toEqual(['あ']);
  });
});
