import { Box, Button, Group, Text } from '@mantine/core';
import { elementScroll, observeElementOffset, useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface VirtualColumn<Row> {
  key: string;
  header: ReactNode;
  width?: number | string;
  cell: (row: Row) => ReactNode;
  /**
   * The cell's whole text, for a column of free text (names, e-mails) that may be longer than any
   * width the table can give it: such a cell ends in an ellipsis and shows the whole text on hover.
   * Cells of other columns are sized to fit.
   */
  fullText?: (row: Row) => string;
}

/**
 * What the table asks for: rows [offset, offset + limit), with a cursor when a neighbouring page is
 * known (keyset: the rows after the last row of the page above, or before the first of the page
 * below), or the last rows of the list. Only a jump into the unknown middle needs the offset.
 */
export interface PageRequest {
  offset: number;
  limit: number;
  after?: string;
  before?: string;
  fromEnd?: boolean;
}

export interface VirtualTableProps<Row> {
  columns: VirtualColumn<Row>[];
  /** Rows in the whole list (main counts them). */
  total: number;
  loadPage: (request: PageRequest) => Promise<Row[]>;
  /** Changes when the list itself changes (new search, filter, sort): the cache is dropped. */
  listKey: string;
  rowKey: (row: Row) => string;
  /** The row's keyset cursor, as main handed it out. */
  rowCursor: (row: Row) => string;
  onOpen: (row: Row) => void;
  height: number;
  empty: ReactNode;
  testId?: string;
}

const rowHeight = 36;
const pageSize = 100;
/** Pages kept in memory; those farthest from the view go first. */
const maxPages = 40;
/** Browsers stop laying out around 33 million pixels: taller lists scroll on a scaled bar. */
const maxScrollPixels = 8_000_000;

type PageState<Row> = { rows: Row[] } | { error: string };

/**
 * A table over a list of any length: only the rows in view are in the DOM (@tanstack/react-virtual),
 * rows come from main a page at a time as they scroll into view (by keyset where a neighbour is known),
 * and a list taller than a browser can lay out scrolls on a scaled bar, so the millionth row is as
 * reachable as the first. Arrow keys, Page Up/Down, Home and End move through rows; Enter opens one.
 * A page that fails to load says so in place, with a retry.
 */
export function VirtualTable<Row>({ columns, total, loadPage, listKey, rowKey, rowCursor, onOpen, height, empty, testId }: VirtualTableProps<Row>) {
  const { t } = useTranslation();
  const [cache, setCache] = useState<{ key: string; pages: Map<number, PageState<Row>> }>({ key: listKey, pages: new Map() });
  const pages = useMemo(() => (cache.key === listKey ? cache.pages : new Map<number, PageState<Row>>()), [cache, listKey]);
  const [focus, setFocus] = useState({ key: listKey, index: 0 });
  const focused = focus.key === listKey ? focus.index : 0;
  const setFocused = (index: number) => setFocus({ key: listKey, index });
  const requested = useRef({ key: listKey, pages: new Set<number>() });
  const viewport = useRef<HTMLDivElement>(null);

  const fullHeight = total * rowHeight;
  const spacerHeight = Math.min(fullHeight, maxScrollPixels);
  // Virtual pixels per real pixel of scrolling: 1 for ordinary lists.
  const scale = spacerHeight > height && fullHeight > spacerHeight ? (fullHeight - height) / (spacerHeight - height) : 1;
  const scaleRef = useRef(scale);
  scaleRef.current = scale;

  // The React Compiler is not used here; the virtualizer re-renders the table itself as it scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => viewport.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    observeElementOffset: (instance, notify) => observeElementOffset(instance, (offset, scrolling) => notify(offset * scaleRef.current, scrolling)),
    scrollToFn: (offset, options, instance) => elementScroll(offset / scaleRef.current, options, instance),
  });

  useEffect(() => {
    viewport.current?.scrollTo({ top: 0 });
  }, [listKey]);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = (items[items.length - 1]?.index ?? -1) + 1;

  const request = useCallback(
    (page: number) => {
      const offset = page * pageSize;
      const limit = Math.min(pageSize, total - offset);
      const above = pages.get(page - 1);
      const below = pages.get(page + 1);
      const lastRowAbove = above && 'rows' in above ? above.rows[above.rows.length - 1] : undefined;
      const firstRowBelow = below && 'rows' in below ? below.rows[0] : undefined;
      const ask: PageRequest =
        offset + limit >= total
          ? { offset, limit, fromEnd: true }
          : lastRowAbove
            ? { offset, limit, after: rowCursor(lastRowAbove) }
            : firstRowBelow
              ? { offset, limit, before: rowCursor(firstRowBelow) }
              : { offset, limit };
      const store = (state: PageState<Row>) =>
        setCache((current) => {
          const next = new Map(current.key === listKey ? current.pages : []).set(page, state);
          // Bounded: the pages farthest from this one are dropped (and fetched again if scrolled back to).
          const far = [...next.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page));
          for (const drop of far.slice(0, Math.max(0, next.size - maxPages))) {
            next.delete(drop);
            requested.current.pages.delete(drop);
          }
          return { key: listKey, pages: next };
        });
      loadPage(ask).then(
        (rows) => store({ rows }),
        (error: unknown) => {
          requested.current.pages.delete(page);
          store({ error: error instanceof Error ? error.message : String(error) });
        },
      );
    },
    [listKey, loadPage, pages, rowCursor, total],
  );

  useEffect(() => {
    if (requested.current.key !== listKey) requested.current = { key: listKey, pages: new Set() };
    for (let page = Math.floor(first / pageSize); page * pageSize < last; page++) {
      if (requested.current.pages.has(page)) continue;
      requested.current.pages.add(page);
      request(page);
    }
  }, [first, last, listKey, request]);

  const pageOf = (index: number) => pages.get(Math.floor(index / pageSize));
  const rowAt = (index: number): Row | undefined => {
    const page = pageOf(index);
    return page && 'rows' in page ? page.rows[index % pageSize] : undefined;
  };
  const retry = (index: number) => {
    const page = Math.floor(index / pageSize);
    requested.current.pages.add(page);
    request(page);
  };

  // Scrolled here rather than by the virtualizer's scrollToIndex, which clamps to the real (scaled) scroll height.
  const scrollToRow = (index: number) => {
    const element = viewport.current;
    if (!element) return;
    const top = element.scrollTop * scale;
    const rowTop = index * rowHeight;
    const target = rowTop < top ? rowTop : rowTop + rowHeight > top + height ? rowTop + rowHeight - height : top;
    if (target !== top) element.scrollTop = target / scale;
  };
  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(total - 1, index));
    setFocused(next);
    scrollToRow(next);
  };
  const rowsInView = Math.max(1, Math.floor(height / rowHeight) - 1);
  const onKeyDown = (event: React.KeyboardEvent) => {
    const moves: Record<string, () => number> = {
      ArrowDown: () => focused + 1,
      ArrowUp: () => focused - 1,
      PageDown: () => focused + rowsInView,
      PageUp: () => focused - rowsInView,
      Home: () => 0,
      End: () => total - 1,
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      moveTo(move());
    } else if (event.key === 'Enter') {
      const row = rowAt(focused);
      if (row) onOpen(row);
    }
  };

  if (total === 0) return <Box py="xl">{empty}</Box>;
  const scrollTop = viewport.current?.scrollTop ?? 0;
  // Rows sit where the scaled scroll puts them: their virtual position, shifted back into the real viewport.
  const shift = scrollTop - (virtualizer.scrollOffset ?? scrollTop * scale);

  return (
    <Box onKeyDown={onKeyDown} tabIndex={0} data-testid={testId} style={{ outline: 'none' }} data-total={total} role="grid" aria-rowcount={total + 1}>
      <Box style={{ ...gridOf(columns), borderBottom: '1px solid var(--mantine-color-default-border)' }} role="row">
        {columns.map((column) => (
          <Text key={column.key} size="sm" fw={700} px="sm" py={8} role="columnheader" style={cellStyle}>
            {column.header}
          </Text>
        ))}
      </Box>
      <div ref={viewport} style={{ height, overflowY: 'auto', position: 'relative' }} data-testid={testId ? `${testId}-viewport` : undefined}>
        <div style={{ height: spacerHeight, position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            const page = pageOf(item.index);
            const failed = page && 'error' in page ? page.error : null;
            return (
              <div
                key={row ? rowKey(row) : `row-${item.index}`}
                onClick={() => row && onOpen(row)}
                data-row={row ? '' : undefined}
                data-index={item.index}
                role="row"
                aria-rowindex={item.index + 2}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: rowHeight,
                  transform: `translateY(${item.start + shift}px)`,
                  cursor: row ? 'pointer' : 'default',
                  background: item.index === focused ? 'var(--mantine-primary-color-light)' : undefined,
                  borderBottom: '1px solid var(--mantine-color-default-border)',
                }}
              >
                {failed !== null && item.index % pageSize === 0 ? (
                  <Group h={rowHeight} px="sm" gap="sm" role="alert">
                    <Text size="sm" c="red">
                      {t('table.pageFailed')}
                    </Text>
                    <Button size="compact-xs" variant="light" onClick={() => retry(item.index)}>
                      {t('common.retry')}
                    </Button>
                  </Group>
                ) : (
                  <RowCells row={row} columns={columns} />
                )}
              </div>
            );
          })}
        </div>
      </div>
    </Box>
  );
}

const cellStyle = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;

/** The columns as a CSS grid, shared by the header and every row so they line up. */
function gridOf<Row>(columns: VirtualColumn<Row>[]) {
  const track = (width: number | string | undefined) => (width === undefined ? 'minmax(0, 1fr)' : typeof width === 'number' ? `${width}px` : `minmax(0, ${width})`);
  return { display: 'grid', gridTemplateColumns: columns.map((c) => track(c.width)).join(' '), alignItems: 'center' } as const;
}

/**
 * A row's cells. Memoised: scrolling moves rows (their transform) without rendering their cells
 * again, which keeps frames short while a list of a million scrolls by.
 */
const RowCells = memo(function RowCells<Row>({ row, columns }: { row: Row | undefined; columns: VirtualColumn<Row>[] }) {
  return (
    <div style={{ ...gridOf(columns), height: rowHeight }}>
      {columns.map((column) => {
        const fullText = row && column.fullText?.(row);
        return (
          <Box key={column.key} px="sm" fz="sm" style={cellStyle} role="cell" data-column={column.key} title={fullText || undefined} data-truncates={fullText ? 'title' : undefined}>
            {row ? column.cell(row) : <Text c="dimmed">…</Text>}
          </Box>
        );
      })}
    </div>
  );
}) as <Row>(props: { row: Row | undefined; columns: VirtualColumn<Row>[] }) => ReactNode;
