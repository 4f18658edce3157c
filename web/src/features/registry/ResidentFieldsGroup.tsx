// The administrative fields of one person (part I of the 831 record), used for each member of a
// household being registered and for a single resident. Every field is checked by the shared
// rules as soon as it loses focus, with the server's own sentences.
import { RELATIONSHIPS, RESIDENCE_STATUSES } from '@ytcs/common';
import { Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT } from '../../lib/dates';
import { ethnicityMatch } from './ethnicity';
import { useEthnicGroups } from './registry.api';
import { useResidentRule } from './residentForm';

type Props = {
  /** Where the list lives (['members']) when this person is one row of a Form.List. */
  listPath?: (string | number)[];
  /** The row in that list. */
  index?: number;
  showRelationship?: boolean;
  /** data-testid prefix: `member` in a household, `resident` alone. */
  testId: string;
};

const BLUR = ['onBlur'];
const future = (d: Dayjs) => d.isAfter(dayjs(), 'day');

export function ResidentFieldsGroup({ listPath = [], index, showRelationship = false, testId }: Props) {
  const { t } = useTranslation();
  const rule = useResidentRule();
  const ethnic = useEthnicGroups();
  const form = Form.useFormInstance();
  const local = index === undefined ? [] : [index];
  const path = [...listPath, ...local];
  const name = (field: string) => [...local, field];
  const rules = (field: string) => [rule(path, field)];
  const yearOnly = Form.useWatch([...path, 'yearOnly'], form) as boolean | undefined;
  const id = (field: string) => `${testId}-${field}`;

  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={9}>
          <Form.Item name={name('fullName')} label={t('registry.fullName')} required rules={rules('fullName')} validateTrigger={BLUR}>
            <Input autoComplete="off" data-testid={id('fullname')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name={name('sex')} label={t('registry.sex')} required rules={rules('sex')}>
            <Radio.Group data-testid={id('sex')}>
              <Radio value="male">{t('registry.sexes.male')}</Radio>
              <Radio value="female">{t('registry.sexes.female')}</Radio>
            </Radio.Group>
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item label={yearOnly ? t('registry.birthYear') : t('registry.birth')} required className="birth-field">
            <div className="birth-inputs">
              {yearOnly ? (
                <Form.Item name={name('birthYear')} noStyle rules={rules('birthYear')} validateTrigger={BLUR}>
                  <InputNumber placeholder={t('registry.yearPlaceholder')} controls={false} className="full-width" data-testid={id('birthyear')} />
                </Form.Item>
              ) : (
                <Form.Item name={name('birthDate')} noStyle rules={rules('birthDate')} validateTrigger={['onBlur', 'onChange']}>
                  <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" disabledDate={future} className="full-width" data-testid={id('birthdate')} />
                </Form.Item>
              )}
            </div>
          </Form.Item>
        </Col>
        <Col xs={24} md={5}>
          <Form.Item name={name('yearOnly')} label={t('registry.yearOnly')} valuePropName="checked">
            <Switch
              size="small"
              data-testid={id('yearonly')}
              onChange={() => form.setFields([{ name: [...path, 'birthDate'], errors: [] }, { name: [...path, 'birthYear'], errors: [] }])}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name={name('citizenId')} label={t('registry.citizenId')} rules={rules('citizenId')} validateTrigger={BLUR}>
            <Input autoComplete="off" inputMode="numeric" maxLength={20} placeholder={t('registry.citizenIdPlaceholder')} data-testid={id('citizenid')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={5}>
          <Form.Item name={name('phone')} label={t('registry.phone')} rules={rules('phone')} validateTrigger={BLUR}>
            <Input autoComplete="off" inputMode="tel" data-testid={id('phone')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name={name('ethnicityCode')} label={t('registry.ethnicity')} rules={rules('ethnicityCode')}>
            <Select
              // Without diacritics, as the resident search (ethnicity.ts): "thai" finds Thái.
              showSearch={{
                filterOption: (input, option) => !!option && ethnicityMatch(input, option.group) !== null,
                filterSort: (a, b, { searchValue }) => (ethnicityMatch(searchValue, a.group) ?? 3) - (ethnicityMatch(searchValue, b.group) ?? 3),
              }}
              loading={ethnic.isPending}
              options={(ethnic.data?.items ?? []).map((g) => ({ value: g.code, label: `${g.name} (${g.code})`, group: g }))}
              data-testid={id('ethnicity')}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={name('occupation')} label={t('registry.occupation')}>
            <Input autoComplete="off" data-testid={id('occupation')} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name={name('insuranceCode')} label={t('registry.insuranceCode')} rules={rules('insuranceCode')} validateTrigger={BLUR}>
            <Input autoComplete="off" maxLength={20} placeholder={t('registry.insurancePlaceholder')} data-testid={id('insurance')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name={name('insuranceValidFrom')} label={t('registry.insuranceFrom')} rules={rules('insuranceValidFrom')}>
            <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" className="full-width" />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item
            name={name('insuranceValidTo')}
            label={t('registry.insuranceTo')}
            rules={rules('insuranceValidTo')}
            dependencies={[[...path, 'insuranceValidFrom']]}
          >
            <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" className="full-width" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          {showRelationship ? (
            <Form.Item name={name('relationship')} label={t('registry.relationship')} rules={[{ required: true, message: t('common.required') }]}>
              <Select
                options={RELATIONSHIPS.map((code) => ({ value: code, label: t(`registry.relationships.${code}`) }))}
                data-testid={id('relationship')}
              />
            </Form.Item>
          ) : (
            <Form.Item name={name('residenceStatus')} label={t('registry.residenceStatus')}>
              <Select options={RESIDENCE_STATUSES.map((code) => ({ value: code, label: t(`registry.residence.${code}`) }))} />
            </Form.Item>
          )}
        </Col>
      </Row>
    </>
  );
}
