package md.migratiesigura.portal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpRangeTest {

    @TempDir
    Path tempDir;

    @Test
    void ipv4RangeContainsItsAddressesOnly() {
        IpRange range = IpRange.parse("10.0.0.0/8");

        assertTrue(range.contains("10.1.2.3"));
        assertTrue(range.contains("10.255.255.255"));
        assertFalse(range.contains("11.0.0.1"));
        assertFalse(range.contains("9.255.255.255"));
    }

    @Test
    void ipv6LoopbackRangeContainsLoopback() {
        IpRange range = IpRange.parse("::1/128");

        assertTrue(range.contains("::1"));
        assertTrue(range.contains("[::1]"), "the bracketed form of a URL host");
        assertFalse(range.contains("::2"));
    }

    @Test
    void ipv6DocumentationRangeContainsItsAddresses() {
        IpRange range = IpRange.parse("2001:db8::/32");

        assertTrue(range.contains("2001:db8::5"));
        assertTrue(range.contains("2001:0DB8:ffff::1"));
        assertFalse(range.contains("2001:db9::5"));
    }

    @Test
    void bareAddressIsARangeOfOne() {
        IpRange range = IpRange.parse("192.168.1.7");

        assertTrue(range.contains("192.168.1.7"));
        assertFalse(range.contains("192.168.1.8"));
        assertEquals("192.168.1.7/32", range.toString());
    }

    @Test
    void ipv4RangeDoesNotContainIpv6Addresses() {
        assertFalse(IpRange.parse("0.0.0.0/0").contains("2001:db8::5"));
        assertFalse(IpRange.parse("::/0").contains("10.1.2.3"));
    }

    @Test
    void garbageIsNeverContained() {
        IpRange everything = IpRange.parse("0.0.0.0/0");

        for (String garbage : new String[] {"garbage", "", "   ", "10.1.2", "10.1.2.3.4", "10.1.2.3/8", "example.com", "localhost", "::g"}) {
            assertFalse(everything.contains(garbage), "'" + garbage + "' is no address");
        }
        assertFalse(everything.contains(null));
    }

    @Test
    void prefixLongerThanTheAddressIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("::/129"));
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("10.0.0.0/-1"));
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("10.0.0.0/x"));
    }

    @Test
    void hostNamesAreRejectedEvenWhenTheResolverKnowsThem() throws Exception {
        List<String> lines = probe("example.com", "localhost", "proxy.internal");

        assertEquals(List.of(
                "example.com -> rejected; in 10.0.0.0/8: false",
                "localhost -> rejected; in 10.0.0.0/8: false",
                "proxy.internal -> rejected; in 10.0.0.0/8: false"), lines);
    }

    @Test
    void impossibleDottedQuadIsNotLookedUpAsAHostName() throws Exception {
        // "999.1.1.1" passes the dotted-quad pattern but is no address; InetAddress then looks it up as a name.
        List<String> lines = probe("999.1.1.1", "10.1.2.256");

        assertEquals(List.of(
                "999.1.1.1 -> rejected; in 10.0.0.0/8: false",
                "10.1.2.256 -> rejected; in 10.0.0.0/8: false"), lines);
    }

    /**
     * Runs {@link NameResolutionProbe} in a JVM whose name service is a hosts file mapping every given name (and
     * example.com) to 10.9.9.9: a lookup anywhere in the parsing would turn into an accepted address.
     */
    private List<String> probe(String... names) throws Exception {
        StringBuilder hosts = new StringBuilder("10.9.9.9 example.com\n");
        for (String name : names) {
            hosts.append("10.9.9.9 ").append(name).append('\n');
        }
        Path hostsFile = Files.writeString(tempDir.resolve("hosts"), hosts.toString());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.net.hosts.file=" + hostsFile,
                "-cp", location(IpRange.class) + File.pathSeparator + location(NameResolutionProbe.class),
                NameResolutionProbe.class.getName()));
        command.addAll(List.of(names));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the probe ends");
        assertEquals(0, process.exitValue(), "the probe ran: " + output);
        List<String> lines = new ArrayList<>(output.lines().toList());
        assertEquals("resolver: example.com=10.9.9.9", lines.remove(0), "the probe's resolver reads the hosts file");
        return lines;
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
