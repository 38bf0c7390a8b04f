/**
 * The live chat: readers queue anonymously (SOS first), counsellors accept and answer in real time; messages are
 * sealed with the consultations' key and numbered per chat; monthly counts outlive the chats. See docs/chat.md.
 */
package md.migratiesigura.portal.chat;
