/**
 * Internals of PII detection: dictionaries, the column-name lexicon, country-to-region mapping and text helpers. Not a
 * public API: types here may change without notice.
 */
package io.shadowfeed.privacy.pii.detect.internal;
