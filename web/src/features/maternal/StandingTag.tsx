// Where a pregnancy's antenatal care stands, coloured as the other standings: red missed, orange due, green on track.
import type { AncStanding } from '@ytcs/common';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOUR: Record<AncStanding, string> = { missed: 'error', due: 'warning', on_track: 'success' };

export function AncStandingTag({ standing }: { standing: AncStanding | null }) {
  const { t } = useTranslation();
  if (!standing) return null;
  return (
    <Tag color={COLOUR[standing]} data-testid="anc-standing" data-standing={standing}>
      {t(`maternal.standing.${standing}`)}
    </Tag>
  );
}
