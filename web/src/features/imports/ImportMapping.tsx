// The columns the server recognised (header → field); a wrong guess is corrected here and the
// file is read again with that mapping.
import { foldVietnamese, IMPORT_FIELDS, type ImportColumn, type ImportField } from '@ytcs/common';
import { Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = {
  columns: ImportColumn[];
  /** Read again with this column holding `field` (null: ignored). */
  onChange: (header: string, field: ImportField | null) => void;
  disabled: boolean;
};

const IGNORE = '';

/** Typed without diacritics too: "dien thoai" finds "Số điện thoại". */
const matches = (input: string, label: unknown) => foldVietnamese(String(label ?? '')).includes(foldVietnamese(input));

export function ImportMapping({ columns, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const options = [
    { value: IGNORE, label: t('imports.ignore') },
    ...IMPORT_FIELDS.map((f) => ({ value: f as string, label: t(`imports.fields.${f}`) })),
  ];
  return (
    <div data-testid="import-mapping">
      <Typography.Paragraph type="secondary">{t('imports.mappingHelp')}</Typography.Paragraph>
      <Table<ImportColumn>
        className="import-mapping-table"
        rowKey="letter"
        size="small"
        pagination={columns.length > 20 ? { pageSize: 20, size: 'small' } : false}
        dataSource={columns}
        rowClassName={(c) => (c.field ? '' : 'import-ignored')}
        columns={[
          { title: t('imports.columnLetter'), dataIndex: 'letter', width: 70, align: 'center' },
          { title: t('imports.columnHeader'), dataIndex: 'header' },
          {
            title: t('imports.columnField'),
            key: 'field',
            width: 300,
            render: (_, c) => (
              <Select<string>
                className="full-width"
                size="small"
                data-testid={`import-field-${c.letter}`}
                value={c.field ?? IGNORE}
                options={options}
                disabled={disabled}
                showSearch={{ filterOption: (input, option) => matches(input, option?.label) }}
                onChange={(next) => onChange(c.header, next === IGNORE ? null : (next as ImportField))}
                popupMatchSelectWidth={false}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
