/**
 * Online consultations on the web: the reader's form and answer page, and the counsellors' inbox, case and referral
 * pages.
 */
package md.migratiesigura.portal.web.consultation;
