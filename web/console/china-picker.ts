import dayjs, { type Dayjs } from 'dayjs';
import { chinaDateTime } from '../../shared/time.ts';

/**
 * A date-and-time picker's value for an instant: its Beijing wall-clock time held as the browser's local
 * time, because antd's pickers only know the browser's zone. A laptop left on UTC then shows 17:30 for
 * 17:30 Beijing time, and the value compares with chinaDay() (today in Beijing, held the same way).
 */
export const toChinaPicker = (at: string): Dayjs => dayjs(chinaDateTime(at));

/** The instant a picked value means: its wall-clock reading taken as Beijing time, as ISO text. */
export const fromChinaPicker = (d: Dayjs): string => new Date(`${d.format('YYYY-MM-DDTHH:mm')}:00+08:00`).toISOString();
