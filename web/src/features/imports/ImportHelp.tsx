// Which columns a file may have: the headers the export writes (the importer reads them first),
// with the required ones marked, and how values are written.
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, IMPORT_MAX_FILE_MB, IMPORT_MAX_ROWS, headerOf } from '@ytcs/common';
import { REQUIRED_FIELDS, downloadImportTemplate } from './imports.api';

export function ImportHelp() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <Card
      title={t('imports.help.title')}
      size="small"
      className="import-help"
      data-testid="import-help"
      extra={
        <Button size="small" icon={<DownloadOutlined />} onClick={() => void downloadImportTemplate()} data-testid="import-template">
          {t('imports.template')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('imports.help.intro')}</Typography.Paragraph>
      <div className="import-headers">
        {IMPORT_FIELDS.map((field) => {
          const required = REQUIRED_FIELDS.includes(field);
          const tag = (
            <Tag key={field} color={required ? 'green' : undefined} className="import-header-tag">
              {headerOf(field)}
              {required && <span className="import-required"> *</span>}
            </Tag>
          );
          // In English the header stays Vietnamese (it is what the file says); its meaning shows on hover.
          return en ? (
            <Tooltip key={field} title={t(`imports.fields.${field}`)}>
              {tag}
            </Tooltip>
          ) : (
            tag
          );
        })}
      </div>
      <Typography.Paragraph type="secondary" className="import-help-note">
        <span className="import-required">*</span> {t('imports.help.required')}. {t('imports.help.birthNote')}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" className="import-help-note">
        {t('imports.help.formats')}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" className="import-help-note">
        {t('imports.help.exportTip')} {t('imports.help.limits', { rows: IMPORT_MAX_ROWS, megabytes: IMPORT_MAX_FILE_MB })}
      </Typography.Paragraph>
    </Card>
  );
}
