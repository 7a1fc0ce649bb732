/**
 * Session 16: today's verdict on the CONSTRUCTED look-alikes (server/modules/intel/constructed-lookalikes.ts — written by
 * hand for this audit, not data): false alarms per kind of over-firing on ordinary texts, and recall on the constructed
 * scams of the same surface; with the shipped model and with the rules alone. No data file is read.
 *
 *   npx tsx bench/intel-fp-constructed.ts [--probe] [--list]   --probe reads the second batch (written after the rules);
 *                                                            --list prints each flagged ordinary text and each missed scam
 */
import { flagged as flaggedVerdict } from '../server/modules/intel/evaluate-detection.ts';
import { judge, type Level } from '../server/modules/intel/verdict.ts';
import { CONSTRUCTED_ORDINARY as FIRST_ORDINARY, CONSTRUCTED_SCAMS as FIRST_SCAMS, PROBE_ORDINARY, PROBE_SCAMS } from '../server/modules/intel/constructed-lookalikes.ts';

/** --probe: the second batch, written after the session-16 rules (constructed-lookalikes.ts PROBE_*). */
const probe = process.argv.includes('--probe');
const CONSTRUCTED_ORDINARY = probe ? PROBE_ORDINARY : FIRST_ORDINARY;
const CONSTRUCTED_SCAMS = probe ? PROBE_SCAMS : FIRST_SCAMS;

/** The one rule (evaluate-detection.ts `flagged`): high or medium. */
const flagged = (level: Level) => flaggedVerdict({ level });
const list = process.argv.includes('--list');
const kinds = [...new Set(CONSTRUCTED_ORDINARY.map((t) => t.kind))];
console.log('ordinary (constructed): kind, n, false alarms with the shipped model / rules alone (high), unsure');
let fa = 0, faR = 0, un = 0;
for (const k of kinds) {
  const ts = CONSTRUCTED_ORDINARY.filter((t) => t.kind === k);
  const vs = ts.map((t) => ({ t: t.text, m: judge(t.text), r: judge(t.text, null) }));
  const a = vs.filter((v) => flagged(v.m.level)).length, b = vs.filter((v) => flagged(v.r.level)).length;
  const hi = vs.filter((v) => v.r.level === 'high').length, u = vs.filter((v) => v.m.level === 'unsure').length;
  fa += a; faR += b; un += u;
  console.log(`  ${k.padEnd(16)} ${String(ts.length).padStart(3)}  ${a} / ${b} (${hi})  ${u}`);
  if (list) for (const v of vs) if (flagged(v.m.level) || flagged(v.r.level) || v.m.level === 'unsure')
    console.log(`      [${v.m.level}/${v.r.level} p ${v.m.pFraud?.toFixed(2)}] ${v.r.signs.map((s) => `${s.code}「${s.quote}」`).join(' ')}${v.r.harm ? ` harm「${v.r.harm}」` : ''} — ${v.t}`);
}
console.log(`  ${'all'.padEnd(16)} ${String(CONSTRUCTED_ORDINARY.length).padStart(3)}  ${fa} / ${faR}  ${un}`);
const sv = CONSTRUCTED_SCAMS.map((t) => ({ t: t.text, k: t.kind, m: judge(t.text), r: judge(t.text, null) }));
console.log(`\nscams (constructed, n ${sv.length}): flagged with the model ${sv.filter((v) => flagged(v.m.level)).length}, rules alone ${sv.filter((v) => flagged(v.r.level)).length}, rules high ${sv.filter((v) => v.r.level === 'high').length}`);
if (list) for (const v of sv) if (v.r.level !== 'high') console.log(`      [${v.m.level}/${v.r.level}] (${v.k}) ${v.r.signs.map((s) => s.code).join(',')} — ${v.t}`);
