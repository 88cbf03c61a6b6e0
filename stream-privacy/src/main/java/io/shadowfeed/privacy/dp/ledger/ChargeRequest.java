package io.shadowfeed.privacy.dp.ledger;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A release that wants to be charged to a dataset's ledger: which mechanism with which parameters, what it costs,
 * why, and who asks.
 *
 * @param mechanism a name such as {@code subsampled_gaussian}
 * @param parameters the mechanism's parameters by name: strings, longs or finite doubles
 * @param loss what the release costs
 * @param purpose why, in words (e.g. "train adult v3")
 * @param principal who asks (a user, a service, a job)
 */
public record ChargeRequest(String mechanism, Map<String, Object> parameters, PrivacyLoss loss, String purpose,
        String principal) {

    public ChargeRequest {
        LedgerPreconditions.checkName(mechanism, "mechanism");
        parameters = LedgerParameters.copyOf(parameters);
        LedgerPreconditions.checkNotNull(loss, "loss");
        LedgerPreconditions.checkName(purpose, "purpose");
        LedgerPreconditions.checkName(principal, "principal");
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A request for {@code steps} steps of the Poisson-subsampled Gaussian (DP-SGD), with its mechanism name,
     * parameters and loss filled in; the purpose and principal are still to be set.
     */
    public static Builder subsampledGaussian(double samplingRate, double noiseMultiplier, long steps) {
        return builder()
                .setMechanism("subsampled_gaussian")
                .optParameter("sampling_rate", samplingRate)
                .optParameter("noise_multiplier", noiseMultiplier)
                .optParameter("steps", steps)
                .setLoss(PrivacyLoss.subsampledGaussian(samplingRate, noiseMultiplier, steps));
    }

    /**
     * A request for {@code count} releases of the Gaussian mechanism with noise {@code noiseMultiplier} times the L2
     * sensitivity, charged as zCDP; the purpose and principal are still to be set.
     */
    public static Builder gaussian(double noiseMultiplier, long count) {
        return builder()
                .setMechanism("gaussian")
                .optParameter("noise_multiplier", noiseMultiplier)
                .optParameter("count", count)
                .setLoss(PrivacyLoss.gaussian(noiseMultiplier, count));
    }

    /** Builds a {@link ChargeRequest}: {@code setX} for required fields, {@code optX} for optional ones. */
    public static final class Builder {
        private String mechanism;
        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private PrivacyLoss loss;
        private String purpose;
        private String principal;

        private Builder() {}

        public Builder setMechanism(String mechanism) {
            this.mechanism = LedgerPreconditions.checkName(mechanism, "mechanism");
            return this;
        }

        /** One parameter: a string, an integer or a finite double. A name can be set once. */
        public Builder optParameter(String name, Object value) {
            LedgerPreconditions.checkName(name, "parameter name");
            if (parameters.containsKey(name)) {
                throw new IllegalStateException("parameter '" + name + "' is already set");
            }
            parameters.put(name, LedgerParameters.normalize(name, value));
            return this;
        }

        public Builder setLoss(PrivacyLoss loss) {
            this.loss = LedgerPreconditions.checkNotNull(loss, "loss");
            return this;
        }

        public Builder setPurpose(String purpose) {
            this.purpose = LedgerPreconditions.checkName(purpose, "purpose");
            return this;
        }

        public Builder setPrincipal(String principal) {
            this.principal = LedgerPreconditions.checkName(principal, "principal");
            return this;
        }

        public ChargeRequest build() {
            requireSet(mechanism, "mechanism", "setMechanism");
            requireSet(loss, "loss", "setLoss");
            requireSet(purpose, "purpose", "setPurpose");
            requireSet(principal, "principal", "setPrincipal");
            return new ChargeRequest(mechanism, parameters, loss, purpose, principal);
        }

        private static void requireSet(Object value, String name, String setter) {
            if (value == null) {
                throw new IllegalStateException(name + " must be set (" + setter + ")");
            }
        }
    }
}
