import { memo, useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/contract/errors.js';
import { FormError } from './FormError.js';

export interface Column<T> {
  id: string;
  header: ReactNode;
  /** Width and alignment classes, on the header and every cell of the column. */
  className?: string;
  cell(row: T): ReactNode;
}

export interface DataTableProps<T> {
  label: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey(row: T): string;
  /** Rows open something (a detail) on click and Enter; the list is then one Tab stop, moved with the arrows. */
  onOpen?(row: T): void;
  /** Space on a focused row: chooses it or lets it go (a list whose rows can be chosen, see use-row-selection). */
  onToggle?(row: T): void;
  /** data-* attributes for a row (tests find rows by them). */
  rowData?(row: T): Record<`data-${string}`, string>;
  /** Nothing to show yet: the first answer is on its way. */
  loading: boolean;
  /** A newer answer is on its way; what is shown stays. */
  refreshing?: boolean;
  error: AppError | null;
  empty: ReactNode;
  more?: { hasMore: boolean; loading: boolean; onLoadMore(): void };
  fixed?: boolean;
  className?: string;
  testId: string;
  rowTestId: string;
}

/**
 * Most rows are this tall (CSS makes it their least height). Some grow (a WhatsApp message with
 * its failure reason under it): every drawn row is measured, so the spacers and the scroll follow
 * the real heights instead of drifting from the estimate.
 */
const ROW_HEIGHT = 37;
const OVERSCAN = 6;

/**
 * The one list component: loading, error and empty states, "Muat lagi" paging, and rows rendered
 * only while near the viewport, so 5,000 loaded rows cost what 40 do. Rows are memoised: a new
 * page or a refetch in place re-renders only the rows whose data changed.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { t } = useTranslation();
  const { label, columns, rows, rowKey, onOpen, onToggle, rowData, loading, refreshing, error, empty, more, fixed, className, testId, rowTestId } = props;
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [scrollElement, setScrollElement] = useState<HTMLElement | null>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const [active, setActive] = useState(0);
  const focusWanted = useRef<number | null>(null);

  // The page scrolls, not the table: the virtualiser follows the screen's scroll container.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    const scroller = body?.closest<HTMLElement>('.content') ?? null;
    setScrollElement(scroller);
    if (body && scroller) setScrollMargin(body.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop);
  }, [loading]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollElement,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin,
    // Let React batch the rows of several scroll events into one render instead of one per event.
    useFlushSync: false,
    // Stable while the rows are: a new function would make the virtualiser re-measure every row.
    getItemKey: useCallback(
      (index: number) => {
        const row = rows[index];
        return row === undefined ? index : rowKey(row);
      },
      [rows, rowKey],
    ),
  });

  const openRef = useRef(onOpen);
  openRef.current = onOpen;
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const open = useCallback((index: number) => {
    const row = rowsRef.current[index];
    if (row !== undefined) openRef.current?.(row);
  }, []);

  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const top = first ? first.start - scrollMargin : 0;
  const bottom = last ? virtualizer.getTotalSize() - (last.end - scrollMargin) : 0;
  // The list's one Tab stop: the active row, or the first one drawn when the active row scrolled away.
  const tabbable = first && last && active >= first.index && active <= last.index ? active : (first?.index ?? 0);

  function move(e: KeyboardEvent<HTMLTableSectionElement>) {
    const from = Number((e.target as HTMLElement).closest('tr')?.dataset.index ?? tabbable);
    const page = Math.max(1, items.length - OVERSCAN * 2);
    const to: Record<string, number> = { ArrowDown: from + 1, ArrowUp: from - 1, Home: 0, End: rows.length - 1, PageDown: from + page, PageUp: from - page };
    if (e.key === 'Enter') {
      open(from);
      return;
    }
    const row = rows[from];
    if (e.key === ' ' && onToggle && row !== undefined) {
      e.preventDefault();
      onToggle(row);
      return;
    }
    const target = to[e.key];
    if (target === undefined) return;
    e.preventDefault();
    const index = Math.max(0, Math.min(rows.length - 1, target));
    setActive(index);
    focusWanted.current = index;
    virtualizer.scrollToIndex(index);
  }

  // The row to focus may only be drawn a render or two later, after the scroll: every render
  // tries until it is there (a single next-frame attempt sometimes came too early and lost focus).
  useLayoutEffect(() => {
    const index = focusWanted.current;
    if (index === null) return;
    const row = bodyRef.current?.querySelector<HTMLElement>(`tr[data-index="${index}"]`);
    if (!row) return;
    focusWanted.current = null;
    row.focus();
  });

  const span = columns.length;
  return (
    <>
      <FormError error={error} />
      <div className={`table-wrap${refreshing ? ' is-loading' : ''}`} aria-busy={loading || refreshing ? true : undefined}>
        <table className={`table virtual${fixed ? ' fixed' : ''}${className ? ` ${className}` : ''}`} aria-label={label} aria-rowcount={rows.length + 1} data-testid={testId} data-row-count={rows.length}>
          <thead>
            <tr aria-rowindex={1}>
              {columns.map((c) => (
                <th key={c.id} className={c.className}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody ref={bodyRef} onKeyDown={onOpen ? move : undefined}>
            {top > 0 ? <Spacer height={top} span={span} /> : null}
            {items.map((item) => {
              const row = rows[item.index];
              if (row === undefined) return null;
              return (
                <Row
                  key={item.key}
                  row={row}
                  index={item.index}
                  columns={columns}
                  focusable={onOpen ? item.index === tabbable : null}
                  onOpen={onOpen ? open : null}
                  onFocusRow={setActive}
                  testId={rowTestId}
                  data={rowData?.(row)}
                  measure={virtualizer.measureElement}
                />
              );
            })}
            {bottom > 0 ? <Spacer height={bottom} span={span} /> : null}
          </tbody>
        </table>
        {loading ? (
          <div className="empty muted" data-testid={`${testId}-loading`}>
            {t('common.loading')}
          </div>
        ) : !error && rows.length === 0 ? (
          <div className="empty" data-testid={`${testId}-empty`}>
            {empty}
          </div>
        ) : null}
      </div>
      {more?.hasMore ? (
        <div className="list-footer">
          <button type="button" className="button" disabled={more.loading} onClick={more.onLoadMore} data-testid="load-more">
            {more.loading ? t('common.loading') : t('common.loadMore')}
          </button>
        </div>
      ) : null}
    </>
  );
}

function Spacer({ height, span }: { height: number; span: number }) {
  return (
    <tr aria-hidden="true" className="spacer" style={{ height }}>
      <td colSpan={span} />
    </tr>
  );
}

interface RowProps<T> {
  row: T;
  index: number;
  columns: readonly Column<T>[];
  /** null: rows open nothing and take no focus. */
  focusable: boolean | null;
  onOpen: ((index: number) => void) | null;
  onFocusRow(index: number): void;
  testId: string;
  data: Record<string, string> | undefined;
  /** The virtualiser's measuring ref (stable for the table's life); reads the row's height by its data-index. */
  measure(element: HTMLTableRowElement | null): void;
}

function RowView<T>({ row, index, columns, focusable, onOpen, onFocusRow, testId, data, measure }: RowProps<T>) {
  return (
    <tr
      ref={measure}
      data-index={index}
      aria-rowindex={index + 2}
      className={`${index % 2 ? 'odd' : ''}${onOpen ? ' row-link' : ''}`}
      tabIndex={focusable === null ? undefined : focusable ? 0 : -1}
      onClick={onOpen ? () => onOpen(index) : undefined}
      onFocus={onOpen ? () => onFocusRow(index) : undefined}
      data-testid={testId}
      {...data}
    >
      {columns.map((c) => (
        <td key={c.id} className={c.className}>
          {c.cell(row)}
        </td>
      ))}
    </tr>
  );
}

// Shallow props: a row re-renders only when its own data (kept by reference across refetches) or focus changes.
const Row = memo(RowView, (a, b) => a.row === b.row && a.index === b.index && a.columns === b.columns && a.focusable === b.focusable && a.onOpen === b.onOpen && a.measure === b.measure && sameData(a.data, b.data)) as typeof RowView;

function sameData(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
