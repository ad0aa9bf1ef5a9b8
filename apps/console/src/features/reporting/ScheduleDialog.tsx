import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Radio,
  RadioGroup,
  Tab,
  TabList,
  Textarea,
} from '@fluentui/react-components';
import { REPORT_NAMES } from '@dpm/domain/reporting/document';
import {
  FREQUENCIES,
  REPORT_FORMATS,
  WEEKDAYS,
  type Frequency,
  type ReportFormat,
} from '@dpm/domain/reporting/schedule';
import { ApiError } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { mailQuery, type ReportRequest } from './queries';
import { useLayoutStyles } from '../../components/layout';

export interface ScheduleValues {
  frequency: Frequency;
  timeOfDay: number;
  dayOfWeek: number;
  dayOfMonth: number;
  keep: number;
  recipients: string[];
  format: ReportFormat;
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * Schedule (as in DPM's Reporting): the Schedule tab says when the report runs on the simulated
 * clock and how many copies to keep as Available reports; the E-mail tab whom it is mailed to,
 * and in which format. Without DPM_SMTP_URL the E-mail tab says mail is not configured.
 */
export function ScheduleDialog({
  request,
  scopeName,
  initial,
  onSave,
  onClose,
}: {
  request: ReportRequest;
  scopeName: string;
  initial?: ScheduleValues;
  onSave: (values: ScheduleValues) => Promise<void>;
  onClose: () => void;
}) {
  const layout = useLayoutStyles();
  const mail = useQuery(mailQuery());
  const [tab, setTab] = useState<'schedule' | 'email'>('schedule');
  const [frequency, setFrequency] = useState<Frequency>(initial?.frequency ?? 'Weekly');
  const [time, setTime] = useState(hhmm(initial?.timeOfDay ?? 9 * 60));
  const [dayOfWeek, setDayOfWeek] = useState(initial?.dayOfWeek ?? 1);
  const [dayOfMonth, setDayOfMonth] = useState(String(initial?.dayOfMonth ?? 1));
  const [keep, setKeep] = useState(String(initial?.keep ?? 5));
  const [recipients, setRecipients] = useState(initial?.recipients.join('; ') ?? '');
  const [format, setFormat] = useState<ReportFormat>(initial?.format ?? 'PDF');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const [h, m] = time.split(':').map(Number);
    const values: ScheduleValues = {
      frequency,
      timeOfDay: (h ?? 0) * 60 + (m ?? 0),
      dayOfWeek,
      dayOfMonth: Number(dayOfMonth),
      keep: Number(keep),
      recipients: recipients.split(/[;,\s]+/).filter((r) => r !== ''),
      format,
    };
    if (!/^\d{2}:\d{2}$/.test(time)) return setError('Time: enter the time of day as hh:mm.');
    if (!Number.isInteger(values.keep) || values.keep < 1 || values.keep > 100)
      return setError('Available reports to keep: enter a whole number from 1 to 100.');
    if (
      frequency === 'Monthly' &&
      (!Number.isInteger(values.dayOfMonth) || values.dayOfMonth < 1 || values.dayOfMonth > 31)
    )
      return setError('Day of the month: enter a day from 1 to 31.');
    setSaving(true);
    setError(null);
    try {
      await onSave(values);
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? `${e.message}${e.target ? ` (${e.target})` : ''}` : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <ConfirmDialog
      title="Schedule"
      confirm="OK"
      disabled={saving}
      onConfirm={() => void save()}
      onClose={onClose}
      stacked
      size="medium"
    >
      <p className={layout.text}>
        {REPORT_NAMES[request.reportId]} report for {scopeName}, {request.period.toLowerCase()} ending when it runs,
        grouped by {request.groupBy.toLowerCase()}. Times are on the simulated clock, in UTC.
      </p>
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as 'schedule' | 'email')}>
        <Tab value="schedule">Schedule</Tab>
        <Tab value="email">E-mail</Tab>
      </TabList>
      {tab === 'schedule' && (
        <div role="tabpanel" aria-label="Schedule" className={layout.stackWide}>
          <Field label="Frequency">
            <RadioGroup layout="horizontal" value={frequency} onChange={(_, d) => setFrequency(d.value as Frequency)}>
              {FREQUENCIES.map((f) => (
                <Radio key={f} value={f} label={f} />
              ))}
            </RadioGroup>
          </Field>
          {frequency === 'Weekly' && (
            <Field label="Day of the week">
              <Dropdown
                value={WEEKDAYS[dayOfWeek]}
                selectedOptions={[String(dayOfWeek)]}
                onOptionSelect={(_, d) => setDayOfWeek(Number(d.optionValue))}
              >
                {WEEKDAYS.map((w, i) => (
                  <Option key={w} value={String(i)}>
                    {w}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          )}
          {frequency === 'Monthly' && (
            <Field label="Day of the month" hint="A shorter month runs on its last day.">
              <Input type="number" min={1} max={31} value={dayOfMonth} onChange={(_, d) => setDayOfMonth(d.value)} />
            </Field>
          )}
          <Field label="Time">
            <Input type="time" value={time} onChange={(_, d) => setTime(d.value)} />
          </Field>
          <Field label="Available reports to keep" hint="The newest copies are kept; older ones are deleted.">
            <Input type="number" min={1} max={100} value={keep} onChange={(_, d) => setKeep(d.value)} />
          </Field>
        </div>
      )}
      {tab === 'email' && (
        <div role="tabpanel" aria-label="E-mail" className={layout.stackWide}>
          {mail.data && !mail.data.configured && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>E-mail is not configured</MessageBarTitle>
                The server has no SMTP server (DPM_SMTP_URL). The report is still produced and kept as an Available
                report; recipients receive the reports produced once mail is configured.
              </MessageBarBody>
            </MessageBar>
          )}
          <Field label="Recipients" hint="E-mail addresses, separated by semicolons.">
            <Textarea value={recipients} onChange={(_, d) => setRecipients(d.value)} resize="vertical" />
          </Field>
          <Field label="Format">
            <RadioGroup layout="horizontal" value={format} onChange={(_, d) => setFormat(d.value as ReportFormat)}>
              {REPORT_FORMATS.map((f) => (
                <Radio key={f} value={f} label={f} />
              ))}
            </RadioGroup>
          </Field>
        </div>
      )}
      {error && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </ConfirmDialog>
  );
}
