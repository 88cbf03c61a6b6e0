package io.shadowfeed.privacy.pii.fpe;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;

/**
 * FF1 format-preserving encryption with AES, as NIST SP 800-38G (March 2016, and Rev. 1) specifies it (Algorithms 7
 * and 8): a 10-round Feistel network over numeral strings whose round function is AES-CBC-MAC (the PRF) expanded in
 * counter fashion. Any radix in [2, 65536]; tweaks of any length up to 2^31 - 1 bytes.
 *
 * <p>NIST requires radix^length >= 1,000,000 ({@link #MIN_DOMAIN_SIZE}); shorter inputs are refused with an
 * {@link FpeDomainException}. Inputs of up to {@link #MAX_LENGTH} numerals are accepted; callers chunk longer ones
 * (see {@link FpeText}).
 *
 * <p>Immutable and thread-safe: each thread gets its own AES cipher. Not serializable, because it holds a key.
 */
public final class Ff1 {

    /** NIST SP 800-38G Rev. 1: the domain radix^minlen must hold at least one million values. */
    public static final int MIN_DOMAIN_SIZE = 1_000_000;
    /** The longest numeral string accepted in one call (NIST allows 2^32; BigInteger arithmetic is quadratic). */
    public static final int MAX_LENGTH = 4096;
    public static final int MIN_RADIX = 2;
    public static final int MAX_RADIX = 1 << 16;

    private static final int ROUNDS = 10;
    /** Halves whose domain is below this use long arithmetic (products with 256 stay below 2^63). */
    private static final long LONG_PATH_LIMIT = 1L << 52;

    private final SecretKeySpec key;
    private final ThreadLocal<Cipher> ciphers;

    private Ff1(byte[] aesKey) {
        this.key = new SecretKeySpec(aesKey, "AES");
        this.ciphers = ThreadLocal.withInitial(this::newCipher);
        ciphers.get(); // fail fast on a bad key
    }

    /**
     * @param aesKey 16, 24 or 32 bytes (AES-128, -192, -256); copied
     */
    public static Ff1 withKey(byte[] aesKey) {
        Objects.requireNonNull(aesKey, "aesKey");
        if (aesKey.length != 16 && aesKey.length != 24 && aesKey.length != 32) {
            throw new IllegalArgumentException("aesKey must be 16, 24 or 32 bytes. Provided length: "
                    + aesKey.length);
        }
        return new Ff1(aesKey.clone());
    }

    /** The fewest numerals whose domain reaches {@link #MIN_DOMAIN_SIZE} in this radix. */
    public static int minLength(int radix) {
        checkRadix(radix);
        int length = 1;
        long domain = radix;
        while (domain < MIN_DOMAIN_SIZE) {
            domain *= radix;
            length++;
        }
        return length;
    }

    /**
     * @param numerals values in [0, radix), at least {@link #minLength(int)} and at most {@link #MAX_LENGTH}
     * @param tweak public, per-domain variation (may be empty, not null)
     * @return a new array of the same length
     * @throws FpeDomainException on a numeral, length or radix out of range
     */
    public int[] encrypt(int[] numerals, int radix, byte[] tweak) {
        return run(numerals, radix, tweak, true);
    }

    /** The inverse of {@link #encrypt}. */
    public int[] decrypt(int[] numerals, int radix, byte[] tweak) {
        return run(numerals, radix, tweak, false);
    }

    private int[] run(int[] x, int radix, byte[] tweak, boolean encrypt) {
        Objects.requireNonNull(x, "numerals");
        Objects.requireNonNull(tweak, "tweak");
        checkRadix(radix);
        int n = x.length;
        if (n < minLength(radix)) {
            throw new FpeDomainException("FF1 needs radix^length >= " + MIN_DOMAIN_SIZE + " (NIST SP 800-38G): at "
                    + "radix " + radix + " at least " + minLength(radix) + " numerals. Provided length: " + n);
        }
        if (n > MAX_LENGTH) {
            throw new FpeDomainException("FF1 takes at most " + MAX_LENGTH + " numerals per call. Provided length: "
                    + n);
        }
        for (int numeral : x) {
            if (numeral < 0 || numeral >= radix) {
                throw new FpeDomainException("numeral " + numeral + " is outside [0, " + radix + ")");
            }
        }
        int u = n / 2;
        int v = n - u;
        Round round = new Round(radix, u, v, n, tweak);
        int[] a = Arrays.copyOfRange(x, 0, u);
        int[] b = Arrays.copyOfRange(x, u, n);
        if (round.longPath) {
            return encrypt ? encryptLong(round, a, b) : decryptLong(round, a, b);
        }
        return encrypt ? encryptBig(round, a, b) : decryptBig(round, a, b);
    }

    // Algorithm 7, steps 6.i-6.ix, with halves as longs.
    private int[] encryptLong(Round r, int[] a, int[] b) {
        long numA = numLong(a, r.radix);
        long numB = numLong(b, r.radix);
        for (int i = 0; i < ROUNDS; i++) {
            long modulus = (i & 1) == 0 ? r.radixPowU : r.radixPowV;
            long y = r.prfModulo(i, numB, modulus);
            long c = (numA + y) % modulus;
            numA = numB;
            numB = c;
        }
        // after the last (odd) round A holds m = u numerals and B holds v
        return concat(strLong(numA, r.radix, r.u), strLong(numB, r.radix, r.v));
    }

    // Algorithm 8: the rounds in reverse; A and B swap roles.
    private int[] decryptLong(Round r, int[] a, int[] b) {
        long numA = numLong(a, r.radix);
        long numB = numLong(b, r.radix);
        for (int i = ROUNDS - 1; i >= 0; i--) {
            long modulus = (i & 1) == 0 ? r.radixPowU : r.radixPowV;
            long y = r.prfModulo(i, numA, modulus);
            long c = Math.floorMod(numB - y, modulus);
            numB = numA;
            numA = c;
        }
        return concat(strLong(numA, r.radix, r.u), strLong(numB, r.radix, r.v));
    }

    private int[] encryptBig(Round r, int[] a, int[] b) {
        BigInteger numA = numBig(a, r.radix);
        BigInteger numB = numBig(b, r.radix);
        for (int i = 0; i < ROUNDS; i++) {
            BigInteger modulus = (i & 1) == 0 ? r.bigRadixPowU : r.bigRadixPowV;
            BigInteger y = r.prfBig(i, numB);
            BigInteger c = numA.add(y).mod(modulus);
            numA = numB;
            numB = c;
        }
        return concat(strBig(numA, r.radix, r.u), strBig(numB, r.radix, r.v));
    }

    private int[] decryptBig(Round r, int[] a, int[] b) {
        BigInteger numA = numBig(a, r.radix);
        BigInteger numB = numBig(b, r.radix);
        for (int i = ROUNDS - 1; i >= 0; i--) {
            BigInteger modulus = (i & 1) == 0 ? r.bigRadixPowU : r.bigRadixPowV;
            BigInteger y = r.prfBig(i, numA);
            BigInteger c = numB.subtract(y).mod(modulus);
            numB = numA;
            numA = c;
        }
        return concat(strBig(numA, r.radix, r.u), strBig(numB, r.radix, r.v));
    }

    /** The per-call constants (steps 1-5) and the round function (steps 6.i-6.iv). */
    private final class Round {
        final int radix;
        final int u;
        final int v;
        final int b;
        final int d;
        final boolean longPath;
        final long radixPowU;
        final long radixPowV;
        final BigInteger bigRadixPowU;
        final BigInteger bigRadixPowV;
        final byte[] q;
        final int qRoundIndex;
        /** CIPH_K(P): the first CBC-MAC block is the same in every round. */
        final byte[] cipheredP;
        final Cipher aes;
        final byte[] block = new byte[16];
        final byte[] mac = new byte[16];
        final byte[] s;

        Round(int radix, int u, int v, int n, byte[] tweak) {
            this.radix = radix;
            this.u = u;
            this.v = v;
            BigInteger bigRadix = BigInteger.valueOf(radix);
            this.bigRadixPowU = bigRadix.pow(u);
            this.bigRadixPowV = bigRadix.pow(v);
            // step 3: b = ceil(ceil(v * log2(radix)) / 8) = byte length of radix^v - 1, computed exactly
            this.b = (bigRadixPowV.subtract(BigInteger.ONE).bitLength() + 7) / 8;
            // step 4
            this.d = 4 * ((b + 3) / 4) + 4;
            this.longPath = bigRadixPowV.compareTo(BigInteger.valueOf(LONG_PATH_LIMIT)) < 0;
            this.radixPowU = longPath ? bigRadixPowU.longValueExact() : 0;
            this.radixPowV = longPath ? bigRadixPowV.longValueExact() : 0;
            int t = tweak.length;
            // step 5: P = [1]^1 || [2]^1 || [1]^1 || [radix]^3 || [10]^1 || [u mod 256]^1 || [n]^4 || [t]^4
            byte[] p = {1, 2, 1, (byte) (radix >>> 16), (byte) (radix >>> 8), (byte) radix, 10, (byte) u,
                    (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n,
                    (byte) (t >>> 24), (byte) (t >>> 16), (byte) (t >>> 8), (byte) t};
            // step 6.i: Q = T || [0]^((-t-b-1) mod 16) || [i]^1 || [NUM_radix(B)]^b
            int padding = Math.floorMod(-t - b - 1, 16);
            this.q = new byte[t + padding + 1 + b];
            System.arraycopy(tweak, 0, q, 0, t);
            this.qRoundIndex = t + padding;
            this.aes = ciphers.get();
            this.cipheredP = new byte[16];
            aesBlock(p, 0, cipheredP);
            this.s = new byte[((d + 15) / 16) * 16];
        }

        /** Steps 6.i-6.iv with NUM_radix(B) given as a long; returns y mod modulus. */
        long prfModulo(int i, long numB, long modulus) {
            q[qRoundIndex] = (byte) i;
            for (int k = q.length - 1, left = b; left > 0; k--, left--) {
                q[k] = (byte) numB;
                numB >>>= 8;
            }
            expand();
            long y = 0;
            for (int k = 0; k < d; k++) {
                y = (y * 256 + (s[k] & 0xff)) % modulus;
            }
            return y;
        }

        BigInteger prfBig(int i, BigInteger numB) {
            q[qRoundIndex] = (byte) i;
            byte[] bytes = numB.toByteArray();
            Arrays.fill(q, qRoundIndex + 1, q.length, (byte) 0);
            int copy = Math.min(bytes.length, b);
            System.arraycopy(bytes, bytes.length - copy, q, q.length - copy, copy);
            expand();
            return new BigInteger(1, Arrays.copyOf(s, d));
        }

        /** Step 6.ii: R = PRF(P || Q) (CBC-MAC); step 6.iii: S = R || CIPH(R xor [1]^16) || ... (first d bytes). */
        private void expand() {
            System.arraycopy(cipheredP, 0, mac, 0, 16);
            for (int offset = 0; offset < q.length; offset += 16) {
                for (int k = 0; k < 16; k++) {
                    block[k] = (byte) (mac[k] ^ q[offset + k]);
                }
                aesBlock(block, 0, mac);
            }
            System.arraycopy(mac, 0, s, 0, 16);
            for (int j = 1; j * 16 < d; j++) {
                System.arraycopy(mac, 0, block, 0, 16);
                block[15] ^= (byte) j;
                block[14] ^= (byte) (j >>> 8);
                aesBlock(block, 0, s, j * 16);
            }
        }

        private void aesBlock(byte[] in, int offset, byte[] out) {
            aesBlock(in, offset, out, 0);
        }

        private void aesBlock(byte[] in, int offset, byte[] out, int outOffset) {
            try {
                aes.update(in, offset, 16, out, outOffset);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES/ECB/NoPadding failed on a full block", e);
            }
        }
    }

    private Cipher newCipher() {
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key);
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/ECB/NoPadding is not available or rejects the key ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static void checkRadix(int radix) {
        if (radix < MIN_RADIX || radix > MAX_RADIX) {
            throw new FpeDomainException("radix must be in [2, 65536]. Provided value: " + radix);
        }
    }

    private static long numLong(int[] numerals, int radix) {
        long value = 0;
        for (int numeral : numerals) {
            value = value * radix + numeral;
        }
        return value;
    }

    private static int[] strLong(long value, int radix, int length) {
        int[] out = new int[length];
        for (int i = length - 1; i >= 0; i--) {
            out[i] = (int) (value % radix);
            value /= radix;
        }
        return out;
    }

    private static BigInteger numBig(int[] numerals, int radix) {
        // divide and conquer keeps long strings from being quadratic in the small steps
        return numBig(numerals, 0, numerals.length, BigInteger.valueOf(radix));
    }

    private static BigInteger numBig(int[] numerals, int from, int to, BigInteger radix) {
        if (to - from <= 16) {
            BigInteger value = BigInteger.ZERO;
            for (int i = from; i < to; i++) {
                value = value.multiply(radix).add(BigInteger.valueOf(numerals[i]));
            }
            return value;
        }
        int mid = (from + to) >>> 1;
        return numBig(numerals, from, mid, radix).multiply(radix.pow(to - mid)).add(numBig(numerals, mid, to, radix));
    }

    private static int[] strBig(BigInteger value, int radix, int length) {
        int[] out = new int[length];
        strBig(value, BigInteger.valueOf(radix), out, 0, length);
        return out;
    }

    private static void strBig(BigInteger value, BigInteger radix, int[] out, int from, int to) {
        if (to - from <= 16) {
            for (int i = to - 1; i >= from; i--) {
                BigInteger[] qr = value.divideAndRemainder(radix);
                out[i] = qr[1].intValue();
                value = qr[0];
            }
            return;
        }
        int mid = (from + to) >>> 1;
        BigInteger[] qr = value.divideAndRemainder(radix.pow(to - mid));
        strBig(qr[0], radix, out, from, mid);
        strBig(qr[1], radix, out, mid, to);
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
