-- A password someone else knows (the first administrator's, from PORTAL_ADMIN_PASSWORD or printed in the log; one an
-- administrator set with a reset) must be replaced by its user before the back office opens: until then every
-- back-office page sends them to the password change. Accounts that exist already are left as they are.

ALTER TABLE users
    ADD COLUMN password_change_required BOOLEAN NOT NULL DEFAULT FALSE;
