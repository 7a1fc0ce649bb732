-- The chain of responsibility (issue 12 items 1 and 2): 单位负责人审核 and 上级审核.

-- 1. A member unit's report (lead or assisting) is a draft until its unit lead approves it. A unit may
-- switch this off for itself (a one-person unit); campaign offices are reviewed by the office above
-- instead (2.), so the setting does not apply to them.
alter table units add column report_approval boolean not null default true;

-- The draft waits on the assignment itself (status 'pending_approval'), apart from the columns the
-- office, the statistics and the subject risk grade read (verdict, measures, summary), which are
-- written only on approval: {verdict, measures, summary, documents, by, at}.
alter table tip_assignments
  add column draft jsonb,
  add column reported_by bigint references users(id),
  add column approved_by bigint references users(id),
  add column approved_at timestamptz,
  -- Set on a dispatch by the receiving office: its own closing goes to the office above for review.
  add column review_closure boolean not null default false;
create index tip_assignments_pending_approval_idx on tip_assignments (unit_id, tip_id) where active and status = 'pending_approval';

-- 2. A lower office's closing proposal, reviewed by the upper office before the answer is released.
alter table tips drop constraint tips_status_known;
alter table tips add constraint tips_status_known check (status in
  ('submitted', 'accepted', 'rejected', 'merged', 'dispatched', 'in_progress', 'reported', 'closing', 'closed'));

create table tip_closure_reviews (
  id                bigint generated always as identity primary key,
  tip_id            bigint not null references tips(id),
  proposing_unit_id bigint not null references units(id),
  reviewer_unit_id  bigint not null references units(id),
  public_answer     text not null,
  proposed_by       bigint not null references users(id),
  proposed_at       timestamptz not null default now(),
  decision          text constraint tip_closure_reviews_decision_known check (decision in ('approved', 'returned')),
  reason            text,
  decided_by        bigint references users(id),
  decided_at        timestamptz,
  constraint tip_closure_reviews_decided check ((decision is null) = (decided_at is null) and (decision is null) = (decided_by is null)),
  constraint tip_closure_reviews_return_reason check (decision is distinct from 'returned' or length(trim(reason)) > 0),
  constraint tip_closure_reviews_not_self check (proposing_unit_id <> reviewer_unit_id)
);
-- At most one proposal waits per tip; the reviewer's 待我审核 is an index range.
create unique index tip_closure_reviews_pending_idx on tip_closure_reviews (tip_id) where decision is null;
create index tip_closure_reviews_reviewer_idx on tip_closure_reviews (reviewer_unit_id, tip_id) where decision is null;
create index tip_closure_reviews_tip_idx on tip_closure_reviews (tip_id);
