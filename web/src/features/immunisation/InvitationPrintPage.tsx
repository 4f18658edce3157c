// The invitation list the village health worker takes from house to house: the children of the
// chosen village (or of every village, each on its own part) with the doses to give, a column to
// note the answer, and the signature of who prepared it. Printed with the browser (print CSS
// leaves the app's frame out).
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useLang } from '../../i18n/useLang';
import { formatDate, todayIso } from '../../lib/dates';
import { useErrorText } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { useDueFilters } from './DueListPage';
import { byVillage, doseName, seriesNames, statusKey } from './dueList';
import { useDueList, useSchedule } from './immunisation.api';
import './immunisation.css';

/** The most a printed list holds (the API's page): a commune larger than this prints village by village. */
const PRINTED = 500;

export function InvitationPrintPage() {
  const { t } = useTranslation();
  usePageTitle(t('immunisation.printTitle'));
  const navigate = useNavigate();
  const errorText = useErrorText();
  const lang = useLang();
  const filters = useDueFilters();
  const names = seriesNames(useSchedule().data?.items, lang);
  const { orgUnit, status, antigen } = filters;
  const due = useDueList(orgUnit ? { orgUnit, day: todayIso(), status, antigen, limit: PRINTED, offset: 0 } : null);
  const items = due.data?.items ?? [];

  return (
    <div className="invitation-print" data-testid="invitation-print">
      <Space className="no-print toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/immunisation?${filters.search}`)}>
          {t('immunisation.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!due.data} data-testid="invitation-print-button">
          {t('immunisation.print')}
        </Button>
      </Space>
      {due.error && <Alert type="error" showIcon className="no-print form-alert" title={errorText(due.error)} />}
      {due.data && due.data.total > items.length && (
        <Alert type="warning" showIcon className="no-print form-alert" title={t('immunisation.truncated', { shown: items.length, total: due.data.total })} />
      )}
      {due.isLoading && <Spin />}
      {filters.root && <div className="invitation-issuer">{filters.root.level === 'commune' ? t('immunisation.issuer', { unit: filters.root.name }) : filters.root.name}</div>}
      <h1>{t('immunisation.invitationHeading')}</h1>
      <div className="invitation-sub">{t('immunisation.invitationOn')}</div>
      {due.data && items.length === 0 && <p>{t('immunisation.empty')}</p>}
      {byVillage(items).map((group) => (
        <section key={group.villageId ?? 0} data-testid="invitation-village">
          <h2>
            {group.villageName ?? t('immunisation.noVillage')} ({t('immunisation.children', { count: group.children.length })})
          </h2>
          <table>
            <thead>
              <tr>
                <th>{t('immunisation.columns.number')}</th>
                <th>{t('immunisation.columns.child')}</th>
                <th>{t('immunisation.columns.birth')}</th>
                <th>{t('immunisation.columns.carer')}</th>
                <th>{t('immunisation.columns.address')}</th>
                <th>{t('immunisation.columns.doses')}</th>
                <th>{t('immunisation.columns.note')}</th>
              </tr>
            </thead>
            <tbody>
              {group.children.map((c, i) => (
                <tr key={c.residentId}>
                  <td>{i + 1}</td>
                  <td>{c.fullName}</td>
                  <td>{formatDate(c.birthDate)}</td>
                  <td>{c.carer ?? ''}</td>
                  <td>{c.address ?? ''}</td>
                  <td>{c.doses.map((d) => `${doseName(d, names)} (${t(statusKey(d.status)).toLowerCase()})`).join('; ')}</td>
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      {due.data && <p>{t('immunisation.day', { date: formatDate(due.data.day) })}</p>}
      <div className="invitation-sign">
        <div>
          <strong>{t('immunisation.preparedBy')}</strong>
        </div>
        <div>{t('immunisation.signHint')}</div>
      </div>
    </div>
  );
}
