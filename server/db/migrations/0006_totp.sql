-- Two factors for staff (security.md §8): a TOTP secret per user, encrypted like reporter identity.
-- totp_pending_enc holds a secret being enrolled until the user proves it with a code;
-- totp_last_step is the last accepted 30-second step, so a code is never accepted twice.
alter table users
  add column totp_secret_enc  text,
  add column totp_pending_enc text,
  add column totp_enabled_at  timestamptz,
  add column totp_last_step   bigint;
