package io.shadowfeed.privacy.pii.policy;

/**
 * An unbounded pseudorandom byte stream from one HMAC tag: the tag itself, then HMAC(key, 'X' || tag || counter)
 * blocks. Draws are unbiased (rejection sampling). Internal; one per value, on one thread.
 */
final class KeyedStream {

    private static final byte EXPAND = 'X';

    private final KeyedHmac hmac;
    private final byte[] seed;
    private byte[] block;
    private int position;
    private int counter;

    KeyedStream(KeyedHmac hmac, byte[] tag) {
        this.hmac = hmac;
        this.seed = tag;
        this.block = tag;
    }

    int nextByte() {
        if (position == block.length) {
            block = hmac.mac(EXPAND, seed, ++counter);
            position = 0;
        }
        return block[position++] & 0xff;
    }

    /** Uniform in [0, bound), bound in [1, 256]. */
    int below(int bound) {
        int limit = 256 - 256 % bound;
        int b;
        do {
            b = nextByte();
        } while (b >= limit);
        return b % bound;
    }

    int digit() {
        return below(10);
    }

    int nonZeroDigit() {
        return 1 + below(9);
    }

    long nextLong() {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | nextByte();
        }
        return value;
    }

    /** Uniform in [low, high] (inclusive, low <= high, both >= 0). */
    long between(long low, long high) {
        long span = high - low + 1;
        // largest multiple of span below 2^63 on the non-negative longs
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % span + 1) % span;
        long draw;
        do {
            draw = nextLong() >>> 1;
        } while (draw > limit);
        return low + draw % span;
    }
}
