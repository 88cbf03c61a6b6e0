/**
 * Checksums and format rules for identifiers (cards, IBANs, national ids, wallets, postcodes, dates). Each class is
 * stateless and thread-safe; methods take the candidate as written (separators allowed where the format has them) and
 * never throw on malformed input: they answer {@code false} or {@code null}.
 */
package io.shadowfeed.privacy.pii.detect.validate;
