/**
 * Field policies: what happens to each field on its way to the anonymized zone. {@code keep}, {@code drop},
 * {@code null}, {@code mask}, keyed {@code pseudonymize} (HMAC-SHA256), {@code encrypt} (FF1), {@code fake}
 * (datafaker, locale-aware, one coherent fake person per entity) and {@code generalize}.
 *
 * <p>{@link io.shadowfeed.privacy.pii.policy.PolicyParser} (or {@link io.shadowfeed.privacy.pii.policy.FieldPolicies})
 * turns spec names into {@link io.shadowfeed.privacy.pii.policy.FieldPolicy} instances. Policies are immutable,
 * thread-safe, total and serializable without keys; those that use the rest of the row (fakes) take a
 * {@link io.shadowfeed.privacy.pii.policy.RowContext} built from a per-table
 * {@link io.shadowfeed.privacy.pii.policy.RowLayout}.
 */
package io.shadowfeed.privacy.pii.policy;
