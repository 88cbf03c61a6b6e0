package io.shadowfeed.privacy.pii.policy;

import java.util.List;

/** Parses the policy names of a pipeline spec. */
public final class FieldPolicies {

    /** The default number of trailing characters {@code mask} keeps, as card and phone masks usually do. */
    public static final int DEFAULT_MASK_KEEP_LAST = 4;

    /** Policy names that pipeline specs may use; later versions add more. */
    public static final List<String> KNOWN = List.of("keep", "drop", "null", "mask", "mask:<k>");

    private FieldPolicies() {}

    public static FieldPolicy keep() {
        return KeepPolicy.INSTANCE;
    }

    public static FieldPolicy drop() {
        return DropPolicy.INSTANCE;
    }

    public static FieldPolicy nullify() {
        return NullPolicy.INSTANCE;
    }

    public static FieldPolicy mask(int keepLast) {
        return new MaskPolicy(keepLast);
    }

    /**
     * @param spec {@code keep}, {@code drop}, {@code null}, {@code mask} or {@code mask:<k>}
     * @throws UnknownPolicyException with a message that lists what is known
     */
    public static FieldPolicy parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new UnknownPolicyException("policy must not be empty; known: " + KNOWN);
        }
        String name = spec.strip();
        int colon = name.indexOf(':');
        String kind = colon < 0 ? name : name.substring(0, colon);
        String argument = colon < 0 ? null : name.substring(colon + 1);
        switch (kind) {
            case "keep", "drop", "null" -> {
                if (argument != null) {
                    throw new UnknownPolicyException("policy '" + kind + "' takes no argument. Provided value: "
                            + spec);
                }
                return kind.equals("keep") ? keep() : kind.equals("drop") ? drop() : nullify();
            }
            case "mask" -> {
                if (argument == null) {
                    return mask(DEFAULT_MASK_KEEP_LAST);
                }
                try {
                    int keepLast = Integer.parseInt(argument);
                    if (keepLast < 0) {
                        throw new NumberFormatException();
                    }
                    return mask(keepLast);
                } catch (NumberFormatException e) {
                    throw new UnknownPolicyException("mask:<k> needs a non-negative integer k. Provided value: "
                            + spec);
                }
            }
            default -> throw new UnknownPolicyException("unknown policy '" + kind + "'; known: " + KNOWN);
        }
    }
}
