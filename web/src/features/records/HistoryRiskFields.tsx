// Risk factors (tobacco, alcohol, drugs, activity, occupational exposure) and, for women, the
// reproductive history: the lower half of part 2.
import { HABIT_LEVELS, REPRODUCTIVE_COUNTS, TOBACCO_STATUSES } from '@ytcs/common';
import { Checkbox, Col, Form, Input, InputNumber, Radio, Row } from 'antd';
import { useTranslation } from 'react-i18next';

export function HistoryRiskFields({ female }: { female: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const alcohol = Form.useWatch(['alcohol', 'status'], form) as string | undefined;

  return (
    <>
      <div className="form-subtitle">{t('record.history.risk')}</div>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="tobacco" label={t('record.history.tobacco')}>
            <Radio.Group data-testid="history-tobacco">
              {TOBACCO_STATUSES.map((v) => (
                <Radio key={v} value={v}>
                  {t(`record.history.tobaccoLevels.${v}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="physicalActivity" label={t('record.history.activity')}>
            <Radio.Group>
              {HABIT_LEVELS.map((v) => (
                <Radio key={v} value={v}>
                  {t(`record.history.levels.${v}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['alcohol', 'status']} label={t('record.history.alcohol')}>
            <Radio.Group>
              {HABIT_LEVELS.map((v) => (
                <Radio key={v} value={v}>
                  {t(`record.history.levels.${v}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={['alcohol', 'glassesPerDay']} label={t('record.history.glassesPerDay')}>
            <InputNumber min={0} max={30} precision={0} disabled={!alcohol || alcohol === 'none'} className="full-width" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="drugUse" valuePropName="checked" label=" ">
            <Checkbox>{t('record.history.drugUse')}</Checkbox>
          </Form.Item>
        </Col>
        <Col xs={24} md={18}>
          <Form.Item name={['occupationalExposure', 'factor']} label={t('record.history.exposure')}>
            <Input maxLength={300} placeholder={t('record.history.exposureHint')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={['occupationalExposure', 'years']} label={t('record.history.exposureYears')}>
            <InputNumber min={0} max={30} precision={0} className="full-width" />
          </Form.Item>
        </Col>
      </Row>
      {female && (
        <>
          <div className="form-subtitle">{t('record.history.reproductive')}</div>
          <Row gutter={12} data-testid="history-reproductive">
            <Col xs={24} md={12}>
              <Form.Item name={['reproductive', 'contraception']} label={t('record.history.contraception')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['reproductive', 'gynaecologicalConditions']} label={t('record.history.gynaecological')}>
                <Input maxLength={500} />
              </Form.Item>
            </Col>
            {REPRODUCTIVE_COUNTS.map((c) => (
              <Col xs={12} md={4} key={c}>
                <Form.Item name={['reproductive', c]} label={t(`record.history.counts.${c}`)}>
                  <InputNumber min={0} max={30} precision={0} className="full-width" />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </>
      )}
    </>
  );
}
