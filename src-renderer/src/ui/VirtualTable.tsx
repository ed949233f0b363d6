import { Box, ScrollArea, Table, Text } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

export interface VirtualColumn<Row> {
  key: string;
  header: ReactNode;
  width?: number | string;
  cell: (row: Row) => ReactNode;
}

export interface VirtualTableProps<Row> {
  columns: VirtualColumn<Row>[];
  /** Rows in the whole list (main counts them). */
  total: number;
  /** Loads rows [offset, offset + limit); the table asks only for what scrolls into view. */
  loadPage: (offset: number, limit: number) => Promise<Row[]>;
  /** Changes when the list itself changes (new search, filter, sort): the cache is dropped. */
  listKey: string;
  rowKey: (row: Row) => string;
  onOpen: (row: Row) => void;
  height: number;
  empty: ReactNode;
  testId?: string;
}

const rowHeight = 36;
const pageSize = 100;

/**
 * A table over a list of any length: only the rows in view are in the DOM, and rows are fetched
 * from main a page at a time as they scroll into view, so a million contacts scroll like fifty.
 * Arrow keys move through rows; Enter opens one.
 */
export function VirtualTable<Row>({ columns, total, loadPage, listKey, rowKey, onOpen, height, empty, testId }: VirtualTableProps<Row>) {
  // Loaded pages belong to one list; a new list key starts from an empty cache.
  const [cache, setCache] = useState<{ key: string; pages: Map<number, Row[]> }>({ key: listKey, pages: new Map() });
  const pages = useMemo(() => (cache.key === listKey ? cache.pages : new Map<number, Row[]>()), [cache, listKey]);
  const [scrollTop, setScrollTop] = useState(0);
  const [focus, setFocus] = useState({ key: listKey, index: 0 });
  const focused = focus.key === listKey ? focus.index : 0;
  const setFocused = (index: number) => setFocus({ key: listKey, index });
  const requested = useRef({ key: listKey, pages: new Set<number>() });
  const viewport = useRef<HTMLDivElement>(null);

  useEffect(() => {
    viewport.current?.scrollTo({ top: 0 });
  }, [listKey]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - 10);
  const last = Math.min(total, Math.ceil((scrollTop + height) / rowHeight) + 10);

  useEffect(() => {
    if (requested.current.key !== listKey) requested.current = { key: listKey, pages: new Set() };
    for (let page = Math.floor(first / pageSize); page * pageSize < last; page++) {
      if (requested.current.pages.has(page)) continue;
      requested.current.pages.add(page);
      void loadPage(page * pageSize, pageSize).then((rows) => {
        setCache((current) => (current.key === listKey ? { key: listKey, pages: new Map(current.pages).set(page, rows) } : { key: listKey, pages: new Map([[page, rows]]) }));
      });
    }
  }, [first, last, listKey, loadPage]);

  const rowAt = useCallback((index: number): Row | undefined => pages.get(Math.floor(index / pageSize))?.[index % pageSize], [pages]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = Math.max(0, Math.min(total - 1, focused + (event.key === 'ArrowDown' ? 1 : -1)));
      setFocused(next);
      const top = next * rowHeight;
      const view = viewport.current;
      if (view && (top < view.scrollTop || top + rowHeight > view.scrollTop + height - rowHeight)) view.scrollTo({ top: Math.max(0, top - height / 2) });
    } else if (event.key === 'Enter') {
      const row = rowAt(focused);
      if (row) onOpen(row);
    }
  };

  if (total === 0) return <Box py="xl">{empty}</Box>;
  const visible: number[] = [];
  for (let i = first; i < last; i++) visible.push(i);

  return (
    <Box onKeyDown={onKeyDown} tabIndex={0} data-testid={testId} style={{ outline: 'none' }}>
      <Table layout="fixed" striped={false}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.key} w={column.width}>
                {column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
      </Table>
      <ScrollArea h={height} viewportRef={viewport} onScrollPositionChange={({ y }) => setScrollTop(y)} type="auto">
        <Box h={total * rowHeight} pos="relative">
          <Table layout="fixed" highlightOnHover style={{ position: 'absolute', top: first * rowHeight, left: 0, right: 0 }}>
            <Table.Tbody>
              {visible.map((index) => {
                const row = rowAt(index);
                return (
                  <Table.Tr
                    key={row ? rowKey(row) : `loading-${index}`}
                    h={rowHeight}
                    onClick={() => row && onOpen(row)}
                    bg={index === focused ? 'var(--mantine-primary-color-light)' : undefined}
                    style={{ cursor: row ? 'pointer' : 'default' }}
                    data-row
                  >
                    {columns.map((column) => (
                      <Table.Td key={column.key} w={column.width} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                        {row ? column.cell(row) : <Text c="dimmed">…</Text>}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Box>
      </ScrollArea>
    </Box>
  );
}
