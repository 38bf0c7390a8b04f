/**
 * The live chat on the web: the reader's page ({@code /ro/chat}, {@code /ru/chat}) and its script, the reader's JSON
 * API with asynchronous long-polling, and the counsellors' console ({@code /admin/chat}) with its JSON feed.
 */
package md.migratiesigura.portal.web.chat;
