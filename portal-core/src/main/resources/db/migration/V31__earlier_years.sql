-- Years before the portal (the hotline works since 2001, the portal since 2015): the headline figures an
-- administrator copies from the hotline's published factsheet of the year, each one optional, and which factsheet
-- they come from. Who entered or changed them is in the audit log (EARLIER_YEAR_SAVED, EARLIER_YEAR_DELETED).
CREATE TABLE report_earlier_years (
    year                    SMALLINT      NOT NULL,
    hotline_calls           INT           NULL,
    hotline_prevention      INT           NULL,
    hotline_sos             INT           NULL,
    hotline_referred        INT           NULL,
    hotline_moldova_israel  INT           NULL,
    sos_cases               INT           NULL,
    consultations_online    INT           NULL,
    consultations_sos       INT           NULL,
    social_media_posts      INT           NULL,
    media_appearances       INT           NULL,
    materials_handed_out    INT           NULL,
    information_sessions    INT           NULL,
    exhibitions             INT           NULL,
    source                  VARCHAR(300)  NOT NULL,
    entered_at              DATETIME(6)   NOT NULL,
    PRIMARY KEY (year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
