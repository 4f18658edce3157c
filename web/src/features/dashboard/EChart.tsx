// A chart of ours: ECharts inited on a div, given each new option, resized with its box and
// disposed with the component; plus "Tải ảnh PNG", for pasting a figure into a report.
import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../lib/files';
import { type ChartOption, echarts } from './echarts';

type Props = {
  option: ChartOption;
  height: number;
  /** The PNG's name, without extension. */
  fileName: string;
  'data-testid'?: string;
  /** A click on a data item (a bar, a point): its name and series. */
  onItemClick?: (item: { name: string; dataIndex: number; seriesIndex: number }) => void;
};

async function dataUrlToBlob(url: string): Promise<Blob> {
  return (await fetch(url)).blob();
}

export function EChart({ option, height, fileName, 'data-testid': testId, onItemClick }: Props) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickHandler = useRef(onItemClick);
  clickHandler.current = onItemClick;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => clickHandler.current?.({ name: String(params.name), dataIndex: params.dataIndex, seriesIndex: params.seriesIndex ?? 0 }));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  const savePng = async () => {
    const instance = chart.current;
    if (!instance) return;
    const url = instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    saveBlob(await dataUrlToBlob(url), `${fileName}.png`);
  };

  return (
    <div className="echart" data-testid={testId}>
      <div className="echart-tools">
        <Button size="small" icon={<DownloadOutlined />} onClick={savePng} data-testid="chart-png">
          {t('plans.dashboard.png')}
        </Button>
      </div>
      <div ref={box} className="echart-canvas" style={{ height }} />
    </div>
  );
}
