import { z } from 'zod';
import { oneOf } from '../../schemas.ts';
import { FRAUD_TYPE_CODES } from '../../../shared/domain.ts';
import { INDICATOR_KEYS } from '../../../shared/indicators.ts';
export { Analysis } from '../tips/tips.schemas.ts';

/** A figure read from a work summary, keyed by shared/docs/indicators.md, with the words it came from. */
export const ExtractedFigure = z.object({
  indicator: oneOf(INDICATOR_KEYS),
  value: z.number(),
  unit: z.string(),
  approx: z.boolean(),
  subject: z.string().nullable(),
  /** The clause the number was read in, for the reviewer. */
  quote: z.string(),
  /** The numeral itself in the submitted text: text.slice(start, end) (e.g. "3.9万余"), to show it in place. */
  start: z.number().int(),
  end: z.number().int(),
});
export type ExtractedFigure = z.output<typeof ExtractedFigure>;
/**
 * `masked`: quotes whose number was masked (e.g. "X 起"), listed and never guessed; `maskedNumbers`:
 * each placeholder with its clause and its place in the text. A masked name ("XXXX 市场监管局") is neither.
 */
export const ExtractedFigures = z.object({
  figures: z.array(ExtractedFigure),
  masked: z.array(z.string()),
  maskedNumbers: z.array(z.object({ quote: z.string(), start: z.number().int(), end: z.number().int() })),
});
export type ExtractedFigures = z.output<typeof ExtractedFigures>;

/** The public "这是不是骗局？" answer: nothing is stored. */
export const ScamCheckResult = z.object({
  riskLevel: oneOf(['high', 'medium', 'unsure', 'low', 'none']),
  /** The verdict in words (无法确定，请先核实 when unsure). */
  label: z.string(),
  score: z.number(),
  /** One plain sentence: which signs were seen, or why the check is unsure. */
  summary: z.string(),
  fraudTypes: z.array(z.object({ code: oneOf(FRAUD_TYPE_CODES), confidence: z.number() })),
  redFlags: z.array(z.object({ code: z.string(), label: z.string(), quote: z.string(), explain: z.string() })),
  /** Words of the text that read like known scam material (from the trained model). */
  cues: z.array(z.string()),
  advice: z.array(z.string()),
});
export type ScamCheckResult = z.output<typeof ScamCheckResult>;
