/**
 * Format-preserving encryption: {@link io.shadowfeed.privacy.pii.fpe.Ff1} (NIST SP 800-38G FF1 with AES, any radix
 * from 2 to 65536, checked against NIST's published samples) and {@link io.shadowfeed.privacy.pii.fpe.FpeText},
 * which encrypts the alphabet characters of a text in place. Used by the {@code encrypt} policy.
 */
package io.shadowfeed.privacy.pii.fpe;
