// A table's rows drawn as cards, for a phone: the first column heads each card, the others follow
// as label and value, a column without a title (the row's buttons) at the card's foot. The page's
// own columns and pagination drive it, so every list page is phone-ready without a second layout.
import { Card, Empty, Pagination, type TablePaginationConfig, type TableProps, Spin } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { type Key, type ReactNode, useState } from 'react';

type Column<T> = ColumnType<T> & { children?: Column<T>[] };

/** The leaf columns, in order (a grouped header gives its children). */
function leaves<T>(columns: Column<T>[]): Column<T>[] {
  return columns.flatMap((c) => (c.children ? leaves(c.children) : [c]));
}

function valueAt<T>(row: T, dataIndex: ColumnType<T>['dataIndex']): unknown {
  if (dataIndex === undefined || dataIndex === null) return undefined;
  const path = Array.isArray(dataIndex) ? dataIndex : [dataIndex];
  let value: unknown = row;
  for (const step of path) value = value == null ? undefined : (value as Record<string | number, unknown>)[step as string | number];
  return value;
}

function cellOf<T>(column: Column<T>, row: T, index: number): ReactNode {
  const value = valueAt(row, column.dataIndex);
  if (column.render) {
    const rendered = column.render(value, row, index);
    // A render may return cell props ({ children, props }) as antd allows.
    if (rendered && typeof rendered === 'object' && 'children' in rendered && 'props' in rendered && !('$$typeof' in rendered)) return (rendered as { children: ReactNode }).children;
    return rendered as ReactNode;
  }
  return value === null || value === undefined ? '' : (value as ReactNode);
}

function keyOf<T>(row: T, rowKey: TableProps<T>['rowKey'], index: number): Key {
  if (typeof rowKey === 'function') return rowKey(row, index) as Key;
  const value = (row as Record<string, unknown>)[(rowKey as string) ?? 'id'];
  return (value as Key) ?? index;
}

/**
 * The row's own data-* attributes from the table's onRow (data-indicator, data-status), so a card is
 * found as its row is; data-testid stays "row-card", and handlers stay with the table.
 */
function dataOf<T>(table: TableProps<T>, row: T, index: number): Record<string, unknown> {
  const attrs = (table.onRow?.(row, index) ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(attrs).filter(([name]) => name.startsWith('data-') && name !== 'data-testid'));
}

/** A click on the row's own buttons or links acts on them, not as a click on the card (a name drawn as a link, without href, is the card's). */
const actedOn = (target: EventTarget) => target instanceof Element && !!target.closest('.row-card-actions, a[href], button, .ant-select, input, .ant-input-number');

type Props<T> = {
  table: TableProps<T> & { 'data-testid': string };
  /** The column (its key or dataIndex) heading each card; the first column otherwise. */
  cardHead?: string;
  onRowClick?: (row: T) => void;
  emptyText?: string;
};

export function RowCards<T extends object>({ table, onRowClick, emptyText, cardHead }: Props<T>) {
  const [localPage, setLocalPage] = useState(1);
  const rows = (table.dataSource ?? []) as T[];
  const columns = leaves((table.columns ?? []) as Column<T>[]).filter((c) => !c.hidden);
  const named = cardHead === undefined ? -1 : columns.findIndex((c) => (c.key ?? c.dataIndex) === cardHead);
  const headAt = Math.max(named, 0);
  const head = columns[headAt];
  const rest = columns.filter((_, n) => n !== headAt);
  const labelled = rest.filter((c) => c.title);
  const foot = rest.filter((c) => !c.title);
  const paging = table.pagination === false ? undefined : (table.pagination as TablePaginationConfig | undefined);
  // Paged by the server when the page says which page it shows; else the rows are all here.
  const serverPaged = paging?.current !== undefined;
  const pageSize = paging?.pageSize ?? 10;
  const current = serverPaged ? (paging?.current ?? 1) : localPage;
  const shown = serverPaged || !paging ? rows : rows.slice((current - 1) * pageSize, current * pageSize);
  const total = serverPaged ? (paging?.total ?? rows.length) : rows.length;
  const loading = typeof table.loading === 'object' ? !!table.loading.spinning : !!table.loading;

  return (
    <div className={['row-cards', table.className ?? ''].join(' ')} data-testid={table['data-testid']}>
      <Spin spinning={loading}>
        {shown.length === 0 && !loading ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
        ) : (
          shown.map((row, index) => {
            const rowClass = typeof table.rowClassName === 'function' ? table.rowClassName(row, index, 0) : table.rowClassName;
            return (
              <Card
                key={keyOf(row, table.rowKey, index)}
                {...dataOf(table, row, index)}
                size="small"
                className={['row-card', onRowClick ? 'row-card-clickable' : '', rowClass ?? ''].join(' ')}
                data-testid="row-card"
                onClick={onRowClick ? (e) => !actedOn(e.target) && onRowClick(row) : undefined}
              >
                {head && <div className="row-card-head">{cellOf(head, row, index)}</div>}
                {labelled.length > 0 && (
                  <dl className="row-card-fields">
                    {labelled.map((column, n) => {
                      const cell = cellOf(column, row, index);
                      // An empty cell is no line on a card (a plan without a date).
                      if (cell === '' || cell === null || cell === undefined || cell === false) return null;
                      return (
                        <div className="row-card-field" key={String(column.key ?? column.dataIndex ?? n)}>
                          <dt>{typeof column.title === 'function' ? null : column.title}</dt>
                          <dd>{cell}</dd>
                        </div>
                      );
                    })}
                  </dl>
                )}
                {/* What the table shows on expanding a row (an encounter's details) stands in its card. */}
                {table.expandable?.expandedRowRender && (table.expandable.rowExpandable?.(row) ?? true) && (
                  <div className="row-card-more">{table.expandable.expandedRowRender(row, index, 0, true)}</div>
                )}
                {foot.map((column, n) => (
                  <div className="row-card-actions" key={String(column.key ?? n)}>
                    {cellOf(column, row, index)}
                  </div>
                ))}
              </Card>
            );
          })
        )}
      </Spin>
      {paging && total > pageSize && (
        <Pagination
          className="row-cards-pagination"
          simple
          current={current}
          pageSize={pageSize}
          total={total}
          showSizeChanger={false}
          onChange={(page, size) => (serverPaged ? paging.onChange?.(page, size) : setLocalPage(page))}
        />
      )}
    </div>
  );
}
