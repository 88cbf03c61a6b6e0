package io.shadowfeed.privacy.dp.testutils;

import io.shadowfeed.privacy.dp.mechanism.BufferedRandomSource;
import io.shadowfeed.privacy.dp.mechanism.RandomSource;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Repeatable random sources for tests only: the production block reader ({@link BufferedRandomSource}) over SUN's
 * SHA1PRNG, which is deterministic when seeded before first use. Never for releases.
 */
public final class SeededRandom {
    private SeededRandom() {
    }

    public static RandomSource of(long seed) {
        try {
            SecureRandom generator = SecureRandom.getInstance("SHA1PRNG", "SUN");
            generator.setSeed(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
            return new BufferedRandomSource(generator);
        } catch (NoSuchAlgorithmException | java.security.NoSuchProviderException e) {
            throw new IllegalStateException("tests need the SUN provider's SHA1PRNG", e);
        }
    }
}
