// A chart of ours: ECharts inited on a div, given each new option, resized with its box and
// disposed with the component; plus "Tải ảnh PNG", for pasting a figure into a report: drawn
// apart from the chart on screen, in its final state and under a heading (chartExport.ts).
import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../lib/files';
import { CAPTION_HEIGHT, type ChartCaption, exportOption } from './chartExport';
import { type ChartOption, echarts } from './echarts';

type Props = {
  option: ChartOption;
  height: number;
  /** The PNG's name, without extension. */
  fileName: string;
  /** The exported image's heading: what the chart shows, for which unit and period. */
  caption: ChartCaption;
  'data-testid'?: string;
  /** A click on a data item (a bar, a point): its name and series. */
  onItemClick?: (item: { name: string; dataIndex: number; seriesIndex: number }) => void;
};

/** Decoded here: fetch() of a data: URL is refused by the app's Content Security Policy (connect-src 'self'). */
function dataUrlToBlob(url: string): Blob {
  const [head = '', data = ''] = url.split(',', 2);
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: /^data:([^;,]+)/.exec(head)?.[1] ?? 'image/png' });
}

export function EChart({ option, height, fileName, caption, 'data-testid': testId, onItemClick }: Props) {
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

  /**
   * A second chart off screen, as wide as this one (at least 720 px, so a phone's export is
   * readable), drawn without animation: the image is the final state whenever it is taken.
   */
  const savePng = () => {
    const el = document.createElement('div');
    el.style.cssText = `position:fixed;left:-10000px;top:0;width:${Math.max(720, box.current?.clientWidth ?? 0)}px;height:${height + CAPTION_HEIGHT}px`;
    document.body.appendChild(el);
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    try {
      instance.setOption(exportOption(option, caption), true);
      const url = instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
      saveBlob(dataUrlToBlob(url), `${fileName}.png`);
    } finally {
      instance.dispose();
      el.remove();
    }
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
