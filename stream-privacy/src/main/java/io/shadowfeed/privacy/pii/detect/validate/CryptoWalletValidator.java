package io.shadowfeed.privacy.pii.detect.validate;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Cryptocurrency addresses with their real checksums: Bitcoin base58check P2PKH ({@code 1...}) and P2SH ({@code 3...})
 * with the double SHA-256 checksum; Bitcoin segwit {@code bc1...} with the bech32 (v0) or bech32m (v1+) checksum;
 * Ethereum {@code 0x} + 40 hex digits, with the EIP-55 mixed-case checksum (Keccak-256) checked when the address is
 * mixed case.
 */
public final class CryptoWalletValidator {

    /** What a valid address is. */
    public enum Kind {
        BITCOIN_BASE58, BITCOIN_BECH32, ETHEREUM
    }

    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int BECH32_CONST = 1;
    private static final int BECH32M_CONST = 0x2bc830a3;
    private static final BigInteger FIFTY_EIGHT = BigInteger.valueOf(58);

    private CryptoWalletValidator() {}

    public static boolean isValid(CharSequence candidate) {
        return kindOf(candidate) != null;
    }

    /** The kind of a valid address, or null. */
    public static Kind kindOf(CharSequence candidate) {
        if (candidate == null) {
            return null;
        }
        String s = candidate.toString();
        if (isBase58Bitcoin(s)) {
            return Kind.BITCOIN_BASE58;
        }
        if (isBech32Bitcoin(s)) {
            return Kind.BITCOIN_BECH32;
        }
        if (isEthereum(s)) {
            return Kind.ETHEREUM;
        }
        return null;
    }

    /** A mainnet P2PKH or P2SH address with a correct base58check checksum. */
    public static boolean isBase58Bitcoin(String s) {
        if (s.length() < 26 || s.length() > 35 || (s.charAt(0) != '1' && s.charAt(0) != '3')) {
            return false;
        }
        BigInteger value = BigInteger.ZERO;
        for (int i = 0; i < s.length(); i++) {
            int digit = BASE58.indexOf(s.charAt(i));
            if (digit < 0) {
                return false;
            }
            value = value.multiply(FIFTY_EIGHT).add(BigInteger.valueOf(digit));
        }
        byte[] raw = value.toByteArray();
        int leadingOnes = 0;
        while (leadingOnes < s.length() && s.charAt(leadingOnes) == '1') {
            leadingOnes++;
        }
        int start = raw.length > 1 && raw[0] == 0 ? 1 : 0;
        int len = raw.length - start + leadingOnes;
        if (len != 25) {
            return false;
        }
        byte[] decoded = new byte[25];
        System.arraycopy(raw, start, decoded, leadingOnes, raw.length - start);
        int version = decoded[0] & 0xff;
        if (version != 0x00 && version != 0x05) {
            return false;
        }
        byte[] hash = sha256(sha256(Arrays.copyOfRange(decoded, 0, 21)));
        for (int i = 0; i < 4; i++) {
            if (hash[i] != decoded[21 + i]) {
                return false;
            }
        }
        return true;
    }

    /** A mainnet segwit address ({@code bc1}) with a correct bech32 / bech32m checksum and program length. */
    public static boolean isBech32Bitcoin(String s) {
        if (s.length() < 14 || s.length() > 90) {
            return false;
        }
        boolean lower = s.equals(s.toLowerCase(java.util.Locale.ROOT));
        boolean upper = s.equals(s.toUpperCase(java.util.Locale.ROOT));
        if (!lower && !upper) {
            return false;
        }
        String a = s.toLowerCase(java.util.Locale.ROOT);
        if (!a.startsWith("bc1")) {
            return false;
        }
        int[] data = new int[a.length() - 3];
        for (int i = 3; i < a.length(); i++) {
            int v = BECH32.indexOf(a.charAt(i));
            if (v < 0) {
                return false;
            }
            data[i - 3] = v;
        }
        if (data.length < 7) {
            return false;
        }
        int[] values = new int[5 + data.length];
        values[0] = 'b' >> 5;
        values[1] = 'c' >> 5;
        values[2] = 0;
        values[3] = 'b' & 31;
        values[4] = 'c' & 31;
        System.arraycopy(data, 0, values, 5, data.length);
        int check = polymod(values);
        int witnessVersion = data[0];
        if (witnessVersion > 16) {
            return false;
        }
        int expected = witnessVersion == 0 ? BECH32_CONST : BECH32M_CONST;
        if (check != expected) {
            return false;
        }
        int programBits = (data.length - 1 - 6) * 5;
        int programBytes = programBits / 8;
        if (programBits % 8 > 4 || programBytes < 2 || programBytes > 40) {
            return false;
        }
        return witnessVersion != 0 || programBytes == 20 || programBytes == 32;
    }

    private static int polymod(int[] values) {
        int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        int chk = 1;
        for (int v : values) {
            int b = chk >>> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            for (int i = 0; i < 5; i++) {
                if (((b >>> i) & 1) != 0) {
                    chk ^= gen[i];
                }
            }
        }
        return chk;
    }

    /** {@code 0x} + 40 hex digits; a mixed-case address must carry a correct EIP-55 checksum. */
    public static boolean isEthereum(String s) {
        if (s.length() != 42 || s.charAt(0) != '0' || (s.charAt(1) != 'x' && s.charAt(1) != 'X')) {
            return false;
        }
        boolean hasLower = false;
        boolean hasUpper = false;
        for (int i = 2; i < 42; i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'f') {
                hasLower = true;
            } else if (c >= 'A' && c <= 'F') {
                hasUpper = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        String hex = s.substring(2);
        if (Digits.allSame(hex)) {
            return false;
        }
        if (!(hasLower && hasUpper)) {
            return true;
        }
        byte[] hash = Keccak256.digest(hex.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 40; i++) {
            char c = hex.charAt(i);
            if (Character.isLetter(c)) {
                int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
                boolean shouldBeUpper = nibble >= 8;
                if (shouldBeUpper != Character.isUpperCase(c)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
