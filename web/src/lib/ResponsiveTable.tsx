// antd's Table on a wide screen, the same rows as cards on a phone (RowCards): a drop-in for any
// table in a page (ListPage uses it), so a list built next is phone-ready by writing <ResponsiveTable>.
import { Table, type TableProps } from 'antd';
import { RowCards } from './RowCards';
import { usePhone } from './useMedia';

export type ResponsiveTableProps<T> = TableProps<T> & {
  'data-testid': string;
  /** A click on a row (drawn as clickable on both layouts). */
  onRowClick?: (row: T) => void;
  /** Shown when there are no rows. */
  emptyText?: string;
  /** On a phone, the column (key or dataIndex) heading each card; the first column otherwise. */
  cardHead?: string;
};

export function ResponsiveTable<T extends object>({ onRowClick, emptyText, cardHead, ...table }: ResponsiveTableProps<T>) {
  const phone = usePhone();
  if (phone) return <RowCards<T> table={{ rowKey: 'id', ...table }} onRowClick={onRowClick} emptyText={emptyText} cardHead={cardHead} />;
  const { onRow, rowClassName, ...rest } = table;
  // The page's own row attributes (a data-testid per row) keep the click; its row class keeps the clickable one.
  const clickable = onRowClick
    ? {
        rowClassName: (row: T, index: number, indent: number) => ['clickable-row', typeof rowClassName === 'function' ? rowClassName(row, index, indent) : (rowClassName ?? '')].join(' '),
        onRow: (row: T, index?: number) => ({ ...onRow?.(row, index), onClick: () => onRowClick(row) }),
      }
    : { rowClassName, onRow };
  return <Table<T> rowKey="id" size="middle" {...(emptyText ? { locale: { emptyText } } : {})} {...rest} {...clickable} />;
}
