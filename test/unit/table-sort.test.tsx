// @vitest-environment happy-dom
/**
 * The shared sort state and the sortable column header used by the islands' tables.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { dictionary } from '../../src/i18n/index.ts';
import { translator } from '../../src/i18n/translator.ts';
import { ariaSortOf, dirSign, nextSort, type SortDir, type SortState } from '../../src/lib/table-sort.ts';
import { SortHeader } from '../../src/islands/SortHeader.tsx';

afterEach(cleanup);

describe('nextSort, ariaSortOf', () => {
  it('flips the sorted column and starts another one ascending unless the table says otherwise', () => {
    expect(nextSort({ key: 'a', dir: 'asc' }, 'a')).toEqual({ key: 'a', dir: 'desc' });
    expect(nextSort({ key: 'a', dir: 'desc' }, 'a')).toEqual({ key: 'a', dir: 'asc' });
    expect(nextSort({ key: 'a', dir: 'desc' }, 'b')).toEqual({ key: 'b', dir: 'asc' });
    const first = (k: string): SortDir => (k === 'name' ? 'asc' : 'desc');
    expect(nextSort({ key: 'name', dir: 'asc' }, 'gaps', first)).toEqual({ key: 'gaps', dir: 'desc' });
    expect(nextSort({ key: 'gaps', dir: 'desc' }, 'name', first)).toEqual({ key: 'name', dir: 'asc' });
    expect(nextSort({ key: 'gaps', dir: 'desc' }, 'gaps', first)).toEqual({ key: 'gaps', dir: 'asc' });
  });

  it('gives aria-sort only on the sorted column, in the ARIA words', () => {
    expect(ariaSortOf({ key: 'a', dir: 'asc' }, 'a')).toBe('ascending');
    expect(ariaSortOf({ key: 'a', dir: 'desc' }, 'a')).toBe('descending');
    expect(ariaSortOf({ key: 'a', dir: 'desc' }, 'b')).toBeUndefined();
    expect([dirSign('asc'), dirSign('desc')]).toEqual([1, -1]);
  });
});

function Table({ lang, idleIcon }: { lang: 'en' | 'ja'; idleIcon?: boolean }) {
  const t = translator(dictionary(lang));
  const [sort, setSort] = useState<SortState<'name' | 'score'>>({ key: 'name', dir: 'asc' });
  const onSort = (k: 'name' | 'score') => setSort((s) => nextSort(s, k));
  return (
    <table>
      <thead>
        <tr>
          <SortHeader
            label="Name"
            sortKey="name"
            sort={sort}
            onSort={onSort}
            t={t}
            idleIcon={idleIcon}
            cell={{ className: 'member-col', 'data-element': 'n' }}
          />
          <SortHeader
            label="Score"
            sortKey="score"
            sort={sort}
            onSort={onSort}
            t={t}
            idleIcon={idleIcon}
            cell={{ className: 'num' }}
          />
        </tr>
      </thead>
    </table>
  );
}

describe('SortHeader', () => {
  const th = (key: string) => document.querySelector(`button[data-sort="${key}"]`)!.closest('th')!;
  const button = (key: string) => document.querySelector<HTMLButtonElement>(`button[data-sort="${key}"]`)!;

  it('is a column header with a real button; aria-sort, arrow and hidden text follow the state', () => {
    render(<Table lang="en" />);
    expect(th('name').getAttribute('scope')).toBe('col');
    expect(th('name').className).toBe('member-col');
    expect(th('name').dataset.element).toBe('n');
    expect(th('name').getAttribute('aria-sort')).toBe('ascending');
    expect(th('score').hasAttribute('aria-sort')).toBe(false);
    expect(button('name').type).toBe('button');
    expect(button('name').textContent).toBe('Name ▲(sorted ascending)');
    expect(button('score').textContent).toBe('Score(sort)');

    fireEvent.click(button('score'));
    expect(th('score').getAttribute('aria-sort')).toBe('ascending');
    expect(th('name').hasAttribute('aria-sort')).toBe(false);
    fireEvent.click(button('score'));
    expect(th('score').getAttribute('aria-sort')).toBe('descending');
    expect(button('score').textContent).toBe('Score ▼(sorted descending)');
    expect(screen.getByText('(sorted descending)').className).toBe('visually-hidden');
    expect(button('score').querySelector('[aria-hidden="true"]')!.textContent).toBe(' ▼');
  });

  it('marks unsorted columns with ↕ when asked, and speaks Japanese', () => {
    render(<Table lang="ja" idleIcon />);
    expect(button('score').textContent).toBe('Score ↕（並べ替え）');
    expect(button('name').textContent).toBe('Name ▲（昇順で並べ替え中）');
  });
});
