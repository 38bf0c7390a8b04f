package md.migratiesigura.portal.config;

import java.io.Serializable;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 address range in CIDR notation ({@code 10.0.0.0/8}, {@code ::1/128}); a bare address is a range
 * of one. Parsing never resolves host names.
 */
public final class IpRange implements Serializable {

    private final byte[] network;
    private final int prefixLength;

    private IpRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    public static IpRange parse(String cidr) {
        String text = cidr.trim();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = literalAddress(address);
        int bits = bytes.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length in " + cidr);
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("bad prefix length in " + cidr);
        }
        return new IpRange(mask(bytes, prefix), prefix);
    }

    /** Whether the literal address (never a host name) lies in this range; false for anything unparseable. */
    public boolean contains(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            byte[] bytes = literalAddress(address.trim());
            return bytes.length == network.length && Arrays.equals(mask(bytes, prefixLength), network);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] literalAddress(String address) {
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        // Only literals: InetAddress.getByName would otherwise resolve names through DNS.
        boolean v4 = a.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = a.contains(":") && a.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            throw new IllegalArgumentException("not an IP address: " + address);
        }
        if (v4) {
            // An impossible dotted quad (999.1.1.1) would make InetAddress fall back to a DNS lookup.
            for (String octet : a.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    throw new IllegalArgumentException("not an IP address: " + address);
                }
            }
        }
        try {
            return InetAddress.getByName(a).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + address);
        }
    }

    private static byte[] mask(byte[] address, int prefix) {
        BigInteger value = new BigInteger(1, address);
        int bits = address.length * 8;
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
        byte[] raw = value.and(mask).toByteArray();
        byte[] out = new byte[address.length];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        return out;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (UnknownHostException e) {
            return "?/" + prefixLength;
        }
    }
}
