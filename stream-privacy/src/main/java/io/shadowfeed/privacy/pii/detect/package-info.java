/**
 * PII detection: column classification ({@link io.shadowfeed.privacy.pii.detect.ColumnClassifier}) and free-text span
 * detection in the style of Presidio ({@link io.shadowfeed.privacy.pii.detect.TextDetector},
 * {@link io.shadowfeed.privacy.pii.detect.PatternDetector}, {@link io.shadowfeed.privacy.pii.detect.DetectorRegistry},
 * {@link io.shadowfeed.privacy.pii.detect.PiiAnalyzer}, {@link io.shadowfeed.privacy.pii.detect.SpanRedactor}).
 * Everything here is immutable and thread-safe once built. Nothing here logs or reports a value it inspects: evidence
 * and messages carry counts and rule names only.
 */
package io.shadowfeed.privacy.pii.detect;
