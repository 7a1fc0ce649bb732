/**
 * What each API route answers, as the server's response schemas declare it. Type-only imports:
 * the schemas stay on the server, the web bundle gets nothing but these types. A route missing
 * here answers `unknown`, which the compiler makes the caller deal with.
 */
import type { z } from 'zod';
import type * as Common from '../../server/schemas.ts';
import type * as Admin from '../../server/modules/admin/admin.schemas.ts';
import type * as Audit from '../../server/modules/audit/audit.schemas.ts';
import type * as Cases from '../../server/modules/cases/cases.schemas.ts';
import type * as Enforcement from '../../server/modules/enforcement/enforcement.schemas.ts';
import type * as Evaluation from '../../server/modules/evaluation/evaluation.schemas.ts';
import type * as Reports from '../../server/modules/reports/reports.schemas.ts';
import type * as Typical from '../../server/modules/cases/typical.schemas.ts';
import type * as Auth from '../../server/modules/auth/auth.schemas.ts';
import type * as Figures from '../../server/modules/figures/figures.schemas.ts';
import type * as Intel from '../../server/modules/intel/intel.schemas.ts';
import type * as Publicity from '../../server/modules/publicity/publicity.schemas.ts';
import type * as Monitoring from '../../server/modules/publicity/monitoring.schemas.ts';
import type * as Knowledge from '../../server/modules/knowledge/knowledge.schemas.ts';
import type * as Notifications from '../../server/modules/notifications/notifications.schemas.ts';
import type * as Regions from '../../server/modules/regions/regions.schemas.ts';
import type * as Routing from '../../server/modules/routing/routing.schemas.ts';
import type * as Screening from '../../server/modules/screening/screening.schemas.ts';
import type * as Stats from '../../server/modules/stats/stats.schemas.ts';
import type * as Tips from '../../server/modules/tips/tips.schemas.ts';
import type * as Intake from '../../server/modules/intake/intake.schemas.ts';
import type * as Uploads from '../../server/modules/uploads/uploads.schemas.ts';
import type * as Supervision from '../../server/modules/supervision/supervision.schemas.ts';
import type * as Approval from '../../server/modules/approval/approval.schemas.ts';

type Out<S extends z.ZodType> = z.output<S>;

export interface Routes {
  'GET /api/health': Out<typeof Common.Health>;
  'GET /api/public/regions': Out<typeof Regions.RegionList>;
  'GET /api/regions': Out<typeof Regions.RegionHitList>;
  'POST /api/auth/login': Out<typeof Auth.MeBody>;
  'POST /api/auth/logout': Out<typeof Common.Ok>;
  'GET /api/auth/me': Out<typeof Auth.MeBody>;
  'GET /api/auth/totp': Out<typeof Auth.TotpStatus>;
  'POST /api/auth/totp/setup': Out<typeof Auth.TotpSetup>;
  'POST /api/auth/totp/enable': Out<typeof Auth.TotpStatus>;
  'POST /api/auth/totp/disable': Out<typeof Auth.TotpStatus>;
  'POST /api/admin/units': Out<typeof Common.IdOnly>;
  'GET /api/admin/units': Out<typeof Admin.AdminUnitPage>;
  'POST /api/admin/users': Out<typeof Common.IdOnly>;
  'GET /api/admin/users': Out<typeof Admin.AdminUserPage>;
  'POST /api/admin/users/:id/disable': Out<typeof Admin.UserDisabled>;
  'POST /api/admin/users/:id/enable': Out<typeof Admin.UserDisabled>;
  'POST /api/admin/users/:id/password': Out<typeof Common.IdOnly>;
  'POST /api/admin/users/:id/totp-reset': Out<typeof Common.IdOnly>;
  'PUT /api/admin/users/:id/roles': Out<typeof Admin.UserRoles>;
  'GET /api/audit': Out<typeof Audit.AuditPage>;
  'GET /api/notifications': Out<typeof Notifications.NotificationPage>;
  'POST /api/notifications/read': Out<typeof Notifications.MarkedRead>;
  'GET /api/routing-rules': Out<typeof Routing.RoutingRuleList>;
  'GET /api/routing-rules/history': Out<typeof Routing.RuleHistoryPage>;
  'PUT /api/admin/routing-rules': Out<typeof Routing.RoutingRule>;
  'DELETE /api/admin/routing-rules/:id': Out<typeof Common.IdOnly>;
  'GET /api/units': Out<typeof Routing.DispatchUnitPage>;
  'GET /api/tips/:id/dispatch-suggestions': Out<typeof Routing.DispatchSuggestions>;
  'GET /api/stats/overview': Out<typeof Stats.Overview>;
  'GET /api/stats': Out<typeof Stats.StatsResult>;
  'POST /api/public/tips': Out<typeof Tips.Receipt>;
  'POST /api/public/tips/status': Out<typeof Tips.PublicStatus>;
  'POST /api/public/tips/messages': Out<typeof Common.Ok>;
  'POST /api/public/tips/rating': Out<typeof Common.Ok>;
  'POST /api/public/tips/reexamination': Out<typeof Tips.Reexamination>;
  'POST /api/public/uploads': Out<typeof Uploads.Upload>;
  'POST /api/uploads': Out<typeof Uploads.Upload>;
  'POST /api/tips': Out<typeof Tips.StaffTipCreated>;
  'GET /api/tips/source-ref': Out<typeof Intake.SourceRefTwins>;
  'POST /api/handovers': Out<typeof Intake.HandoverCreated>;
  'GET /api/handovers': Out<typeof Intake.HandoverPage>;
  'GET /api/tip-imports': Out<typeof Intake.TipImportList>;
  'POST /api/tip-imports': Out<typeof Intake.TipImportResult>;
  'GET /api/tips': Out<typeof Tips.TipPage>;
  'GET /api/tips/count': Out<typeof Tips.TipCount>;
  'GET /api/workbench': Out<typeof Tips.Workbench>;
  'GET /api/tips/by-code/:trackingCode': Out<typeof Tips.TipRef>;
  'GET /api/tips/:id': Out<typeof Tips.TipDetail>;
  'POST /api/tips/:id/reporter-identity': Out<typeof Tips.ReporterIdentity>;
  'POST /api/tips/:id/actions': Out<typeof Tips.TipDetail>;
  'POST /api/intel/analyze': Out<typeof Intel.Analysis>;
  'POST /api/intel/extract-figures': Out<typeof Intel.ExtractedFigures>;
  'POST /api/public/scam-check': Out<typeof Intel.ScamCheckResult>;
  'POST /api/figures/reported': Out<typeof Figures.FiguresReported>;
  'GET /api/figures/reported': Out<typeof Figures.ReportedFigurePage>;
  'POST /api/figures/reported/:id/approve': Out<typeof Figures.FigureReviewed>;
  'POST /api/figures/reported/:id/return': Out<typeof Figures.FigureReviewed>;
  'POST /api/subjects': Out<typeof Common.IdOnly>;
  'GET /api/subjects': Out<typeof Screening.SubjectPage>;
  'GET /api/subjects/:id': Out<typeof Screening.SubjectDetail>;
  'POST /api/subjects/:id/inspections': Out<typeof Screening.InspectionRecorded>;
  'POST /api/subjects/:id/hazards': Out<typeof Common.IdOnly>;
  'POST /api/subjects/:id/risk-override': Out<typeof Screening.RiskAssessment>;
  'GET /api/screening/summary': Out<typeof Screening.ScreeningSummary>;
  'GET /api/hazards': Out<typeof Screening.LedgerPage>;
  'POST /api/hazards/:id/actions': Out<typeof Screening.HazardMoved>;
  'GET /api/publicity/activities': Out<typeof Publicity.ActivityPage>;
  'POST /api/publicity/activities': Out<typeof Common.IdOnly>;
  'GET /api/publicity/activities/:id': Out<typeof Publicity.ActivityDetail>;
  'PUT /api/publicity/activities/:id': Out<typeof Publicity.ActivityDetail>;
  'POST /api/publicity/activities/:id/photos': Out<typeof Publicity.Photo>;
  'GET /api/publicity/summary': Out<typeof Publicity.PublicitySummary>;
  'POST /api/publicity/imports': Out<typeof Publicity.ImportResult>;
  'GET /api/publicity/monitoring': Out<typeof Monitoring.RoundPage>;
  'POST /api/publicity/monitoring': Out<typeof Common.IdOnly>;
  'GET /api/publicity/monitoring/summary': Out<typeof Monitoring.MonitoringSummary>;
  'GET /api/publicity/monitoring/:id': Out<typeof Monitoring.RoundDetail>;
  'PUT /api/publicity/monitoring/:id': Out<typeof Monitoring.RoundDetail>;
  'GET /api/publicity/articles': Out<typeof Knowledge.ArticlePage>;
  'POST /api/publicity/articles': Out<typeof Common.IdOnly>;
  'GET /api/publicity/articles/:id': Out<typeof Knowledge.ArticleDetail>;
  'PUT /api/publicity/articles/:id': Out<typeof Knowledge.ArticleDetail>;
  'POST /api/publicity/articles/:id/actions': Out<typeof Knowledge.ArticleDetail>;
  'GET /api/publicity/channels': Out<typeof Knowledge.OfficeChannelList>;
  'PUT /api/publicity/channel': Out<typeof Common.IdOnly>;
  'GET /api/public/articles': Out<typeof Knowledge.PublicArticlePage>;
  'GET /api/public/articles/:id': Out<typeof Knowledge.PublicArticleDetail>;
  'GET /api/public/channels': Out<typeof Knowledge.PublicChannelList>;
  'GET /api/cases': Out<typeof Cases.CasePage>;
  'GET /api/cases/summary': Out<typeof Cases.CaseSummary>;
  'POST /api/cases': Out<typeof Cases.CaseCreated>;
  'GET /api/cases/:id': Out<typeof Cases.CaseDetail>;
  'GET /api/cases/:id/receivers': Out<typeof Cases.CaseUnitList>;
  'POST /api/cases/:id/stages': Out<typeof Cases.StageRecorded>;
  'POST /api/cases/:id/figures': Out<typeof Cases.FigureRecorded>;
  'POST /api/cases/:id/figures/:entryId/corrections': Out<typeof Cases.FigureRecorded>;
  'POST /api/cases/:id/links': Out<typeof Cases.Linked>;
  'GET /api/enforcement': Out<typeof Enforcement.EnforcementPage>;
  'POST /api/enforcement': Out<typeof Common.IdOnly>;
  'GET /api/enforcement/police-units': Out<typeof Cases.CaseUnitList>;
  'GET /api/enforcement/transfers': Out<typeof Enforcement.TransferPage>;
  'GET /api/evaluation/ranking': Out<typeof Evaluation.Ranking>;
  'GET /api/evaluation/scheme': Out<typeof Evaluation.SchemeView>;
  'POST /api/evaluation/scheme': Out<typeof Common.IdOnly>;
  'GET /api/evaluation/population': Out<typeof Evaluation.PopulationList>;
  'POST /api/evaluation/population': Out<typeof Common.IdOnly>;
  'GET /api/typical-cases': Out<typeof Typical.TypicalPage>;
  'POST /api/typical-cases': Out<typeof Typical.TypicalWritten>;
  'GET /api/typical-cases/:id': Out<typeof Typical.TypicalCase>;
  'PUT /api/typical-cases/:id': Out<typeof Typical.TypicalCase>;
  'POST /api/typical-cases/:id/publish': Out<typeof Typical.TypicalCase>;
  'POST /api/typical-cases/:id/withdraw': Out<typeof Typical.TypicalCase>;
  'GET /api/public/typical-cases': Out<typeof Typical.PublicTypicalList>;
  'GET /api/public/typical-cases/:id': Out<typeof Typical.PublicTypical>;
  'GET /api/supervision/rounds': Out<typeof Supervision.RoundPage>;
  'POST /api/supervision/rounds': Out<typeof Supervision.RoundCreated>;
  'GET /api/supervision/rounds/:id': Out<typeof Supervision.RoundDetail>;
  'POST /api/supervision/rounds/:id/findings': Out<typeof Common.IdOnly>;
  'POST /api/supervision/rounds/:id/samples': Out<typeof Supervision.SampleDrawn>;
  'POST /api/supervision/findings/:id/feedback': Out<typeof Common.Ok>;
  'POST /api/supervision/findings/:id/verify': Out<typeof Common.Ok>;
  'POST /api/supervision/samples/items/:id/callback': Out<typeof Common.Ok>;
  'POST /api/supervision/samples/items/:id/answer': Out<typeof Common.Ok>;
  'POST /api/supervision/samples/items/:id/judge': Out<typeof Common.Ok>;
  'GET /api/supervision/mine': Out<typeof Supervision.MySupervision>;
  'GET /api/tips/:id/supervision': Out<typeof Supervision.TipSupervision>;
  'GET /api/supervision/gaming-flags': Out<typeof Supervision.GamingFlags>;
  'GET /api/supervision/staff': Out<typeof Supervision.StaffOptions>;
  'GET /api/supervision/units': Out<typeof Supervision.StaffOptions>;
  'GET /api/reports': Out<typeof Reports.ReportPage>;
  'POST /api/reports': Out<typeof Common.IdOnly>;
  'GET /api/reports/:id': Out<typeof Reports.ReportDetail>;
  'PUT /api/reports/:id': Out<typeof Common.Ok>;
  'POST /api/reports/:id/sign-off': Out<typeof Common.Ok>;
  'GET /api/urgent-reports': Out<typeof Reports.UrgentPage>;
  'POST /api/urgent-reports': Out<typeof Reports.UrgentSent>;
  'GET /api/units/:id/report-approval': Out<typeof Approval.ReportApproval>;
  'PUT /api/units/:id/report-approval': Out<typeof Approval.ReportApproval>;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

// Matching a concrete path (`/api/tips/${number}?x=1`) to its route (`/api/tips/:id`), segment by segment.
type PathOnly<P extends string> = P extends `${infer B}?${string}` ? B : P;
type Split<S extends string> = S extends `${infer H}/${infer T}` ? [H, ...Split<T>] : [S];
type SegMatch<P extends string[], R extends string[]> = P extends [infer PH extends string, ...infer PT extends string[]]
  ? R extends [infer RH extends string, ...infer RT extends string[]]
    ? (RH extends `:${string}` ? true : PH extends RH ? true : false) extends true ? SegMatch<PT, RT> : false
    : false
  : R extends [] ? true : false;
type Exact<M extends Method, P extends string> = `${M} ${PathOnly<P>}` extends keyof Routes ? `${M} ${PathOnly<P>}` : never;
type Matching<M extends Method, P extends string> = {
  [K in keyof Routes]: K extends `${M} ${infer R extends string}` ? (SegMatch<Split<PathOnly<P>>, Split<R>> extends true ? K : never) : never;
}[keyof Routes];
type RouteKey<M extends Method, P extends string> = [Exact<M, P>] extends [never] ? Matching<M, P> : Exact<M, P>;

/** The body a request to `path` answers with; `unknown` when no declared route matches. */
export type ResponseOf<M extends Method, P extends string> = [RouteKey<M, P>] extends [never] ? unknown : Routes[RouteKey<M, P>];

// The types pages use by name.
export type { FieldError, ErrorBody } from '../../server/schemas.ts';
export type { Me } from '../../server/modules/auth/auth.schemas.ts';
export type { TotpSetup, TotpStatus } from '../../server/modules/auth/auth.schemas.ts';
export type { AdminUnit, AdminUser } from '../../server/modules/admin/admin.schemas.ts';
export type { AuditItem } from '../../server/modules/audit/audit.schemas.ts';
export type { CaseDetail, CaseListItem, CaseSummary, FigureEntry } from '../../server/modules/cases/cases.schemas.ts';
export type { EnforcementRecord } from '../../server/modules/enforcement/enforcement.schemas.ts';
export type { Ranking, Scheme } from '../../server/modules/evaluation/evaluation.schemas.ts';
export type { ReportDetail, Urgent } from '../../server/modules/reports/reports.schemas.ts';
export type { PublicTypical, TypicalCase } from '../../server/modules/cases/typical.schemas.ts';
export type { Notification } from '../../server/modules/notifications/notifications.schemas.ts';
export type { Region, RegionHit } from '../../server/modules/regions/regions.schemas.ts';
export type { DispatchUnit, RoutingRule } from '../../server/modules/routing/routing.schemas.ts';
export type { Hazard, LedgerRow, SubjectDetail, SubjectListItem, ScreeningSummary } from '../../server/modules/screening/screening.schemas.ts';
export type { Overview } from '../../server/modules/stats/stats.schemas.ts';
export type { ReportedFigure } from '../../server/modules/figures/figures.schemas.ts';
export type { ExtractedFigure, ScamCheckResult } from '../../server/modules/intel/intel.schemas.ts';
export type { PublicStatus, Receipt, ReporterIdentity, TipCount, TipDetail, TipListItem, TipRef, Workbench } from '../../server/modules/tips/tips.schemas.ts';
export type { ActivityDetail, ActivityListItem, ImportResult, PublicitySummary } from '../../server/modules/publicity/publicity.schemas.ts';
export type { RoundDetail, RoundListItem, MonitoringSummary } from '../../server/modules/publicity/monitoring.schemas.ts';
export type { ArticleDetail, ArticleListItem, OfficeChannel, PublicArticle, PublicArticleDetail, PublicChannel } from '../../server/modules/knowledge/knowledge.schemas.ts';
export type { Upload } from '../../server/modules/uploads/uploads.schemas.ts';
export type { Finding as SupervisionFinding, RoundDetail as SupervisionRound, RoundListItem as SupervisionRoundItem, SampleItem as SupervisionSampleItem, GamingFlags } from '../../server/modules/supervision/supervision.schemas.ts';
export type { MySupervision as MySupervisionBody } from '../../server/modules/supervision/supervision.schemas.ts';
export type { ReportApproval } from '../../server/modules/approval/approval.schemas.ts';
