/**
 * Internals of the {@code fake:<kind>} policies: the countries and their locales, seeded datafaker instances, valid
 * phone numbers and postcodes, and the lazily built fake person. Not API: use
 * {@link io.shadowfeed.privacy.pii.policy.FakePolicy}.
 */
package io.shadowfeed.privacy.pii.policy.fake;
