package io.shadowfeed.privacy.pii.detect.validate;

import java.util.Locale;
import org.apache.commons.validator.routines.DomainValidator;
import org.apache.commons.validator.routines.EmailValidator;
import org.apache.commons.validator.routines.InetAddressValidator;
import org.apache.commons.validator.routines.UrlValidator;

/** E-mail addresses, URLs and IP addresses, on top of commons-validator. */
public final class NetworkValidators {

    private static final EmailValidator EMAIL = EmailValidator.getInstance(false, false);
    private static final UrlValidator URL = new UrlValidator(new String[] {"http", "https", "ftp"});
    private static final InetAddressValidator INET = InetAddressValidator.getInstance();
    private static final DomainValidator DOMAIN = DomainValidator.getInstance(false);

    private NetworkValidators() {}

    /**
     * A valid e-mail address. Besides what {@code EmailValidator} accepts, a local part of Unicode letters, digits and
     * {@code . _ % + - '} is accepted (internationalised addresses such as {@code stanisław@wp.pl}).
     */
    public static boolean isEmail(CharSequence candidate) {
        if (candidate == null || candidate.length() > 254) {
            return false;
        }
        String s = candidate.toString();
        if (EMAIL.isValid(s)) {
            return true;
        }
        int at = s.lastIndexOf('@');
        if (at <= 0 || at != s.indexOf('@') || at > 64) {
            return false;
        }
        String local = s.substring(0, at);
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
                    || c == '\'')) {
                return false;
            }
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        return DOMAIN.isValid(s.substring(at + 1).toLowerCase(Locale.ROOT));
    }

    /** An http(s)/ftp URL; {@code www.} without a scheme is accepted as http. */
    public static boolean isUrl(CharSequence candidate) {
        if (candidate == null || candidate.length() > 2048) {
            return false;
        }
        String s = candidate.toString();
        if (s.regionMatches(true, 0, "www.", 0, 4)) {
            s = "http://" + s;
        }
        return URL.isValid(s);
    }

    /** A bare domain name with a known top-level domain, e.g. {@code example.org}. */
    public static boolean isDomain(CharSequence candidate) {
        return candidate != null && candidate.length() <= 253
                && DOMAIN.isValid(candidate.toString().toLowerCase(Locale.ROOT));
    }

    public static boolean isIpv4(CharSequence candidate) {
        return candidate != null && candidate.length() <= 15 && INET.isValidInet4Address(candidate.toString());
    }

    /** An IPv6 address with at least one hex digit (so {@code ::} alone is not taken). */
    public static boolean isIpv6(CharSequence candidate) {
        if (candidate == null || candidate.length() < 3 || candidate.length() > 45) {
            return false;
        }
        String s = candidate.toString();
        boolean hexDigit = false;
        for (int i = 0; i < s.length() && !hexDigit; i++) {
            hexDigit = Character.digit(s.charAt(i), 16) >= 0;
        }
        return hexDigit && INET.isValidInet6Address(s);
    }

    public static boolean isIp(CharSequence candidate) {
        return isIpv4(candidate) || isIpv6(candidate);
    }
}
