/**
 * The hotline register: one entry per call, chat or consultation a counsellor handled, in the annual factsheet's
 * categories (channel, kind, case type, persons, citizenship, country, forms of exploitation) and nothing that
 * identifies a person; recording, corrections, the CSV import of a year, and the hotline figures the annual report
 * computes from it (docs/hotline-register.md).
 */
package md.migratiesigura.portal.register;
