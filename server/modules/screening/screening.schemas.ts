import { z } from 'zod';
import {
  CHECKLIST_ITEM_CODES, HAZARD_CATEGORY_CODES, HAZARD_MEASURE_CODES, HAZARD_STATUS_CODES, RISK_GRADE_CODES, SUBJECT_KIND_CODES, TIP_STATUS_CODES,
} from '../../../shared/domain.ts';
import { INDICATOR_KEYS } from '../../../shared/indicators.ts';
import { day, oneOf, timestamp } from '../../schemas.ts';

const grade = oneOf(RISK_GRADE_CODES);
const reasons = z.array(z.object({ grade, text: z.string() }));

/** A subject's grade with every fact that raised it (risk.ts). */
export const RiskAssessment = z.object({
  /** The grade in force (the override when there is one); null = not yet screened. */
  grade: grade.nullable(),
  computed: grade.nullable(),
  reasons,
  override: z.object({ grade, reason: z.string() }).nullable(),
});
export type RiskAssessment = z.output<typeof RiskAssessment>;

const subjectFields = {
  id: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  kind: oneOf(SUBJECT_KIND_CODES),
  name: z.string(),
  uscc: z.string().nullable(),
  address: z.string().nullable(),
  createdAt: timestamp,
};

export const SubjectListItem = z.object({
  ...subjectFields,
  grade: grade.nullable(),
  reasons,
  openHazards: z.number(),
  tips: z.number(),
  inspected: z.boolean(),
});
export type SubjectListItem = z.output<typeof SubjectListItem>;
export const SubjectList = z.array(SubjectListItem);

export const Inspection = z.object({
  id: z.number(),
  inspectedOn: day,
  inspectors: z.number(),
  checklist: z.partialRecord(oneOf(CHECKLIST_ITEM_CODES), z.boolean()),
  findings: z.string().nullable(),
  unitName: z.string(),
  createdAt: timestamp,
});

const hazardFields = {
  id: z.number(),
  description: z.string(),
  category: oneOf(HAZARD_CATEGORY_CODES),
  serious: z.boolean(),
  measure: oneOf(HAZARD_MEASURE_CODES),
  deadline: day,
  responsible: z.string(),
  status: oneOf(HAZARD_STATUS_CODES),
  fineYuan: z.number().nullable(),
  unitName: z.string(),
  /** Open or being rectified past its deadline. */
  overdue: z.boolean(),
};

export const Hazard = z.object({ ...hazardFields, inspectionId: z.number().nullable(), rectifiedNote: z.string().nullable(), createdAt: timestamp });
export type Hazard = z.output<typeof Hazard>;

export const SubjectDetail = z.object({
  ...subjectFields,
  risk: RiskAssessment,
  inspections: z.array(Inspection),
  hazards: z.array(Hazard),
  /** Tips that name the subject, of those the user may open (at most 50). */
  tips: z.array(z.object({ id: z.number(), trackingCode: z.string(), status: oneOf(TIP_STATUS_CODES), receivedAt: timestamp })),
});
export type SubjectDetail = z.output<typeof SubjectDetail>;

export const InspectionRecorded = z.object({ id: z.number(), hazardIds: z.array(z.number()) });

export const LedgerRow = z.object({ ...hazardFields, subjectId: z.number(), subjectName: z.string(), regionName: z.string() });
export type LedgerRow = z.output<typeof LedgerRow>;
export const Ledger = z.array(LedgerRow);

export const HazardMoved = z.object({ id: z.number(), status: oneOf(HAZARD_STATUS_CODES) });

export const ScreeningSummary = z.object({
  from: day,
  to: day,
  figures: z.array(z.object({ indicator: oneOf(INDICATOR_KEYS), value: z.number(), unit: z.string() })),
  screenedByKind: z.array(z.object({ kind: oneOf(SUBJECT_KIND_CODES), n: z.number() })),
  hazardsOverdue: z.number(),
  grades: z.object({ red: z.number(), orange: z.number(), yellow: z.number(), green: z.number(), none: z.number() }),
});
export type ScreeningSummary = z.output<typeof ScreeningSummary>;
