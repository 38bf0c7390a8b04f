package md.migratiesigura.portal.config;

import java.net.InetAddress;
import java.util.Map;
import java.util.Properties;

/**
 * Run by {@link IpRangeTest} in a JVM whose resolver reads a hosts file that knows every argument as a host name:
 * prints, for each argument, whether PORTAL_TRUSTED_PROXIES accepts it and whether 10.0.0.0/8 contains it.
 */
public final class NameResolutionProbe {

    private NameResolutionProbe() {
    }

    public static void main(String[] args) throws Exception {
        // Proves the hosts file is in effect, so that "rejected" below is not vacuous.
        System.out.println("resolver: example.com=" + InetAddress.getByName("example.com").getHostAddress());
        IpRange tenSlashEight = IpRange.parse("10.0.0.0/8");
        for (String value : args) {
            String verdict;
            try {
                verdict = "accepted as " + PortalConfig.from(Map.of("PORTAL_TRUSTED_PROXIES", value), new Properties())
                        .trustedProxies();
            } catch (ConfigException e) {
                verdict = "rejected";
            }
            System.out.println(value + " -> " + verdict + "; in 10.0.0.0/8: " + tenSlashEight.contains(value));
        }
    }
}
