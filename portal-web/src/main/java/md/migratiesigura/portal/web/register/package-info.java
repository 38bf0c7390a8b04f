/**
 * The hotline register in the back office: the counsellors' fast entry form with their recent entries
 * ({@code /admin/register}), the import of a year from CSV ({@code /admin/register/import}), the dashboard's block
 * comparing this month with last year's, and the kind a counsellor confirms when closing a consultation.
 */
package md.migratiesigura.portal.web.register;
