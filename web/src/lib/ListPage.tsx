// The scaffolding every list page shares: the title (with an action beside it), what stands above
// the list, a toolbar (search, filters, actions), notices, the errors in the reader's language and
// the table with its empty text. Pages bring their columns and the state of their filters and
// paging (usePaging, or the URL where the page keeps its filters there). On a phone the rows are
// cards (ResponsiveTable → RowCards) built from the same columns, so a list page needs nothing of its own for it.
import { SearchOutlined } from '@ant-design/icons';
import { Alert, Card, Input, Space, type TableProps, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useErrorText } from './errors';
import { ResponsiveTable } from './ResponsiveTable';

export type ListSearch = {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  testId: string;
  /** The registry's boxes take names, IDs and card codes: a wider box. */
  wide?: boolean;
};

export type ListPageProps<T> = {
  title: string;
  /** Beside the title, at its end (the plans' import button). */
  titleAction?: ReactNode;
  /** Between the title and the list (the coverage figures over the residents). */
  above?: ReactNode;
  search?: ListSearch;
  /** After the search box, in the order given. */
  filters?: ReactNode;
  /** The page's buttons (even none the caller may use): at the toolbar's end, or `inline` right after the filters. */
  actions?: ReactNode;
  actionsPlacement?: 'end' | 'inline';
  /** Under the toolbar: a filter that came with a link, a hint about the figures. */
  notices?: ReactNode;
  /** Failed queries or actions (null when they did not fail), each shown once as the server's sentence. */
  errors?: unknown[];
  /** Shown when the table is empty (antd's own text otherwise). */
  emptyText?: string;
  /** On a phone, the column (key or dataIndex) heading each row's card; the first column otherwise. */
  cardHead?: string;
  /** A click on a row (the row is then drawn as clickable). */
  onRowClick?: (row: T) => void;
  /** The table itself: columns, data, loading, pagination; `rowKey` is `id` and `size` middle unless given. */
  table: TableProps<T> & { 'data-testid': string };
  /** After the list: the page's modals. */
  children?: ReactNode;
};

function SearchBox({ search }: { search: ListSearch }) {
  return (
    <Input
      prefix={<SearchOutlined />}
      data-testid={search.testId}
      placeholder={search.placeholder}
      allowClear
      value={search.value}
      onChange={(e) => search.onChange(e.target.value)}
      className={search.wide ? 'toolbar-search-wide' : 'toolbar-search'}
    />
  );
}

function Toolbar<T>({ search, filters, actions, actionsPlacement = 'end' }: Pick<ListPageProps<T>, 'search' | 'filters' | 'actions' | 'actionsPlacement'>) {
  if (!search && !filters && actions === undefined) return null;
  const leading = (
    <>
      {search && <SearchBox search={search} />}
      {filters}
    </>
  );
  if (actions === undefined || actionsPlacement === 'inline') {
    return (
      <Space className="toolbar" wrap>
        {leading}
        {actions}
      </Space>
    );
  }
  return (
    <div className="toolbar toolbar-split">
      <Space wrap>{leading}</Space>
      <Space wrap className="toolbar-actions">
        {actions}
      </Space>
    </div>
  );
}

export function ListPage<T extends object>(props: ListPageProps<T>) {
  const { title, titleAction, above, notices, errors = [], emptyText, onRowClick, table, children } = props;
  const errorText = useErrorText();
  const heading = <Typography.Title level={3}>{title}</Typography.Title>;
  return (
    <div className="page">
      {titleAction ? (
        <div className="page-heading">
          {heading}
          {titleAction}
        </div>
      ) : (
        heading
      )}
      {above}
      <Card>
        <Toolbar search={props.search} filters={props.filters} actions={props.actions} actionsPlacement={props.actionsPlacement} />
        {notices}
        {[...new Set(errors.filter(Boolean).map(errorText))].map((text) => (
          <Alert key={text} type="error" showIcon title={text} className="form-alert" />
        ))}
        <ResponsiveTable<T> {...table} onRowClick={onRowClick} emptyText={emptyText} cardHead={props.cardHead} />
      </Card>
      {children}
    </div>
  );
}
