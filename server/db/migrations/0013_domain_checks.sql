-- Codes the domain knows (shared/domain.ts), enforced by the database as well: the API validates
-- what it writes, but a row written another way (a script, a manual fix, a renamed code) with an
-- unknown code would make every list that holds it fail its response schema. Changing a list of
-- codes in shared/domain.ts needs a migration that changes the constraint; server/db/domain-checks.test.ts
-- fails until it does.
alter table tips add constraint tips_source_known check (source in
  ('portal', 'hotline', 'letter', 'visit', 'email', 'platform_12337', 'leader_instruction', 'department_transfer', 'screening', 'court_card'));
alter table tips add constraint tips_status_known check (status in
  ('submitted', 'accepted', 'rejected', 'merged', 'dispatched', 'in_progress', 'reported', 'closed'));
alter table tips add constraint tips_fraud_types_known check (fraud_types <@ array
  ['elderly_service', 'elderly_project', 'elderly_product', 'house_for_pension', 'pension_insurance', 'elderly_assistance']::text[]);
alter table units add constraint units_kind_known check (kind in
  ('campaign_office', 'political_legal', 'cyberspace', 'court', 'procuratorate', 'police', 'civil_affairs', 'market_regulation',
   'culture_tourism', 'housing', 'health', 'natural_resources', 'urban_management', 'finance', 'central_bank', 'publicity',
   'veteran_cadres', 'township', 'other'));
