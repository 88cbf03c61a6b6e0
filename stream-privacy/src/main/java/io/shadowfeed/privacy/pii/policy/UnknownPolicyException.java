package io.shadowfeed.privacy.pii.policy;

/** A policy name in a spec that this version does not know, or whose argument is invalid. */
public final class UnknownPolicyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnknownPolicyException(String message) {
        super(message);
    }
}
