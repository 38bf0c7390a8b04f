/**
 * The portal's configuration from environment variables and system properties, validated at start so that a wrong
 * value stops it with one line naming the variable.
 */
package md.migratiesigura.portal.config;
