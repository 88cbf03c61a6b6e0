/**
 * The built-in detectors that are not plain patterns: phone numbers (libphonenumber) and person names (dictionaries
 * and honorifics). Pattern-based detectors are configured in {@code pii/detectors.json}.
 */
package io.shadowfeed.privacy.pii.detect.text;
