-- Work reports (工作报告, issue 11 item 5): 动态日报, 总结周报 and 阶段工作总结 of a region for a period,
-- generated from the indicator engine. The figures the report was generated from are stored with it
-- (`figures`: the engine's result with its comparisons and the rows by child region, and the period's
-- 要情随报), so its documents never change with later records; the narrative is editable while it is a
-- draft. Sign-off (an office lead of the issuing unit) freezes the row: a trigger refuses any later
-- UPDATE or DELETE of a signed-off report. Codes are shared/domain.ts REPORT_KINDS (reports.test.ts).
create table work_reports (
  id           bigint generated always as identity primary key,
  kind         text not null,
  region_code  text not null references regions(code),
  period_from  date not null,
  period_to    date not null,
  title        text not null,
  unit_id      bigint not null references units(id),        -- 发文单位
  issuer       text not null,                               -- the unit's name as printed on the document
  issued_on    date not null,                               -- the document's date (the sign-off day once signed)
  sections     jsonb not null,                              -- {work, problems, plans}: 一、二、三、
  figures      jsonb not null,                              -- the snapshot the documents are written from
  status       text not null default 'draft',
  created_by   bigint not null references users(id),
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  signed_by    bigint references users(id),
  signed_at    timestamptz,
  constraint work_reports_kind_known check (kind in ('daily', 'weekly', 'stage')),
  constraint work_reports_status_known check (status in ('draft', 'signed_off')),
  constraint work_reports_period check (period_from <= period_to),
  constraint work_reports_title_length check (length(title) between 2 and 200),
  constraint work_reports_signed check ((status = 'signed_off') = (signed_by is not null and signed_at is not null))
);
-- The list of past reports per region, newest period first, optionally by kind.
create index work_reports_region_idx on work_reports (region_code text_pattern_ops, period_to desc, id desc);

create function work_reports_frozen() returns trigger language plpgsql as $$
begin
  raise exception 'work report % is signed off and frozen', old.id using errcode = 'check_violation';
end $$;
create trigger work_reports_frozen before update or delete on work_reports
  for each row when (old.status = 'signed_off') execute function work_reports_frozen();

-- 要情随报: an urgent report from an office to the office above it (notified at once), shown in that
-- office's daily report for the day it was sent. Amounts in fen.
create table urgent_reports (
  id           bigint generated always as identity primary key,
  region_code  text not null references regions(code),      -- where it happened
  unit_id      bigint not null references units(id),        -- the reporting office
  to_unit_id   bigint not null references units(id),        -- the office above, notified
  occurred_on  date not null,
  title        text not null,                               -- what happened, in a line
  description  text not null,
  amount_fen   bigint,
  victims      integer,
  measures     text not null,
  reported_on  date not null default (now() at time zone 'Asia/Shanghai')::date,
  created_by   bigint not null references users(id),
  created_at   timestamptz not null default now(),
  constraint urgent_reports_amount check (amount_fen is null or amount_fen >= 0),
  constraint urgent_reports_victims check (victims is null or victims >= 0)
);
create index urgent_reports_region_idx on urgent_reports (region_code text_pattern_ops, reported_on desc, id desc);
create index urgent_reports_to_unit_idx on urgent_reports (to_unit_id, reported_on desc);
