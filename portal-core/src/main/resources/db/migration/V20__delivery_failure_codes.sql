-- A failed reply e-mail is recorded as a code (DeliveryFailure), never as the SMTP server's text: that text often
-- quotes the recipient's address, which must exist only sealed (consultations.contact). The texts stored so far
-- (the exception's class and first line, see the previous ReplyMailer) become the code they name, or OTHER, and the
-- column that held them is dropped.

ALTER TABLE consultation_messages
    ADD COLUMN delivery_failure VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER delivery;

UPDATE consultation_messages SET delivery_failure = CASE
        WHEN delivery_error LIKE 'AuthenticationFailedException%' THEN 'AUTH'
        WHEN delivery_error LIKE 'SMTPAddressFailedException%' OR delivery_error LIKE 'SendFailedException%'
            OR delivery_error LIKE 'AddressException%' THEN 'RECIPIENT_REFUSED'
        WHEN delivery_error LIKE 'SocketTimeoutException%' THEN 'TIMEOUT'
        WHEN delivery_error LIKE 'SSL%' OR delivery_error LIKE '%STARTTLS%' THEN 'TLS'
        WHEN delivery_error LIKE 'ConnectException%' OR delivery_error LIKE 'UnknownHostException%'
            OR delivery_error LIKE 'NoRouteToHostException%' OR delivery_error LIKE 'MailConnectException%' THEN 'CONNECT'
        ELSE 'OTHER'
    END
WHERE delivery_error IS NOT NULL;

ALTER TABLE consultation_messages DROP COLUMN delivery_error;
