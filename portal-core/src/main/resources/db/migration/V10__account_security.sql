-- Account security: the optional second factor (TOTP) and a session generation per user.
-- totp_secret is set only once the user has confirmed a code from their app; it is never shown again, and it is
-- stored encrypted (AES-GCM with the portal's key, see ConsultationCipher), bound to this column's name.
-- totp_last_step is the 30-second step of the last code accepted, so that no code is accepted twice.
-- session_generation goes up when a user's sessions must end (password changed or reset, an administrator's
-- "end sessions"): every back-office request compares it with the one its session signed in with, on every node.

ALTER TABLE users
    ADD COLUMN totp_secret        VARBINARY(128) NULL,
    ADD COLUMN totp_last_step     BIGINT        NULL,
    ADD COLUMN session_generation INT           NOT NULL DEFAULT 0;
