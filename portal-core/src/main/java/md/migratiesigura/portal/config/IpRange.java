package md.migratiesigura.portal.config;

import java.io.Serializable;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address range in CIDR notation ({@code 10.0.0.0/8}, {@code ::1/128}); a bare address is a range
 * of one. Parsing never resolves host names.
 */
public final class IpRange implements Serializable {

    /** Only literals: anything else would make InetAddress resolve a name through DNS. */
    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern V6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

    private final byte[] network;
    private final int prefixLength;
    /** The prefix as a byte mask, worked out once: every request from a proxy is checked against it. */
    private final byte[] netmask;

    private IpRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.netmask = netmask(network.length, prefixLength);
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
            return containsAddress(literalAddress(address.trim()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether the address, as its bytes (4 for IPv4, 16 for IPv6), lies in this range. */
    public boolean containsAddress(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        for (int i = 0; i < address.length; i++) {
            if ((address[i] & netmask[i]) != network[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] literalAddress(String address) {
        // Checked on every request behind a proxy (twice per counted page): a plain dotted quad, by far the most
        // common, is read here without a regex or InetAddress.
        byte[] quad = plainDottedQuad(address);
        if (quad != null) {
            return quad;
        }
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        // Only literals: InetAddress.getByName would otherwise resolve names through DNS.
        boolean v4 = DOTTED_QUAD.matcher(a).matches();
        boolean v6 = a.contains(":") && V6_CHARACTERS.matcher(a).matches();
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

    /**
     * Four decimal octets of 0 to 255 without leading zeros ({@code 10.0.0.1}); null for anything else, which the
     * general path reads (or refuses) as before.
     */
    private static byte[] plainDottedQuad(String a) {
        byte[] out = new byte[4];
        int octet = 0;
        int value = -1;
        for (int i = 0; i <= a.length(); i++) {
            char c = i < a.length() ? a.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || octet > 3) {
                    return null;
                }
                out[octet++] = (byte) value;
                value = -1;
            } else if (c >= '0' && c <= '9') {
                if (value == 0) {
                    return null;
                }
                value = value < 0 ? c - '0' : value * 10 + (c - '0');
                if (value > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return octet == 4 ? out : null;
    }

    private static byte[] netmask(int length, int prefix) {
        byte[] mask = new byte[length];
        for (int bit = 0; bit < prefix; bit++) {
            mask[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        return mask;
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
