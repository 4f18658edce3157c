// Everything that happened to the person, newest first: registration, moves, examinations,
// vaccinations, merges; each title in the UI language.
import { Empty, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '@ytcs/common';
import { formatDate } from '../../lib/dates';

function colour(kind: string): string {
  if (kind.startsWith('encounter')) return 'blue';
  if (kind.startsWith('immunization')) return 'green';
  if (kind === 'life.death') return 'gray';
  if (kind.startsWith('life.move') || kind === 'life.merged') return 'orange';
  return 'green';
}

export function TimelineSection({ timeline }: { timeline: TimelineEntry[] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  // Newest first; on the same day, registering comes before anything done afterwards.
  const rank = (e: TimelineEntry) => (e.kind === 'life.registered' ? 0 : 1);
  const entries = [...timeline].sort((a, b) => b.date.localeCompare(a.date) || rank(b) - rank(a));
  return (
    <div data-testid="record-timeline">
      {entries.length === 0 ? (
        <Empty description={t('record.noTimeline')} />
      ) : (
        <Timeline
          mode="start"
          titleSpan="110px"
          className="record-timeline"
          items={entries.map((e, i) => ({
            key: `${e.date}-${e.kind}-${i}`,
            color: colour(e.kind),
            title: formatDate(e.date),
            content: en ? e.titleEn : e.title,
          }))}
        />
      )}
    </div>
  );
}
