import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Column } from './DataTable.js';

export interface RowSelection<T> {
  /** The chosen rows by key, kept as they were when chosen: still known after they scroll away or a new page loads. */
  selected: ReadonlyMap<string, T>;
  /** The checkbox column: "choose all shown" in its header, one box per row. */
  column: Column<T>;
  /** For DataTable's onToggle: Space on a focused row chooses it (its box is no Tab stop of its own). */
  toggle(row: T): void;
  clear(): void;
}

// A row opens its detail on click and Enter: its checkbox keeps both to itself.
const keep = { onClick: (e: MouseEvent) => e.stopPropagation(), onKeyDown: (e: KeyboardEvent) => e.stopPropagation() };

/**
 * Choosing rows of a DataTable for one action on all of them (isolate forty customers at once).
 * `shown` are the rows loaded now; `labelOf` names a row for its checkbox (screen readers).
 */
export function useRowSelection<T>(shown: readonly T[], keyOf: (row: T) => string, labelOf: (row: T) => string): RowSelection<T> {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<ReadonlyMap<string, T>>(() => new Map());
  const headerBox = useRef<HTMLInputElement>(null);
  const shownChosen = shown.filter((row) => selected.has(keyOf(row))).length;
  const allShown = shown.length > 0 && shownChosen === shown.length;

  // "Some but not all" is a state of the box, not an attribute React can set.
  useEffect(() => {
    if (headerBox.current) headerBox.current.indeterminate = shownChosen > 0 && !allShown;
  }, [shownChosen, allShown]);

  const toggle = useCallback(
    (row: T) =>
      setSelected((current) => {
        const next = new Map(current);
        if (!next.delete(keyOf(row))) next.set(keyOf(row), row);
        return next;
      }),
    [keyOf],
  );

  const toggleShown = useCallback(
    () =>
      setSelected((current) => {
        const next = new Map(current);
        if (allShown) for (const row of shown) next.delete(keyOf(row));
        else for (const row of shown) next.set(keyOf(row), row);
        return next;
      }),
    [allShown, shown, keyOf],
  );

  const column = useMemo<Column<T>>(
    () => ({
      id: 'select',
      className: 'col-select',
      header: (
        <input
          ref={headerBox}
          type="checkbox"
          checked={allShown}
          onChange={toggleShown}
          aria-label={t('selection.allShown')}
          title={t('selection.allShown')}
          disabled={shown.length === 0}
          data-testid="select-all-shown"
        />
      ),
      cell: (row) => (
        <input
          type="checkbox"
          checked={selected.has(keyOf(row))}
          onChange={() => toggle(row)}
          aria-label={t('selection.one', { name: labelOf(row) })}
          // The list stays one Tab stop (arrows move, Space chooses): forty boxes would be forty Tabs to get past it.
          tabIndex={-1}
          data-testid="select-row"
          {...keep}
        />
      ),
    }),
    [t, allShown, toggleShown, shown.length, selected, keyOf, labelOf, toggle],
  );

  const clear = useCallback(() => setSelected(new Map()), []);
  return { selected, column, toggle, clear };
}
