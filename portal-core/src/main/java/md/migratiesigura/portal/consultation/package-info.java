/**
 * Online consultations: a reader's question sealed with AES-GCM, the ticket code and phrase that let them read the
 * answer, counsellors' inbox, replies by mail, referrals to partner services, and the retention job that deletes
 * personal data after closing.
 */
package md.migratiesigura.portal.consultation;
