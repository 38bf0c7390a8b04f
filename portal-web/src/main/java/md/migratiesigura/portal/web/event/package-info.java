/**
 * Events on the web: the public list and event pages, the calendar feeds (iCalendar) and the events API, and the
 * trainers' editing pages.
 */
package md.migratiesigura.portal.web.event;
