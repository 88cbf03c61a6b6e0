package io.shadowfeed.trainer.profile;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How a boolean column spells its two values in the source (e.g. {@code Y}/{@code N}, {@code 1}/{@code 0}). Typed
 * tables hold {@code "true"}/{@code "false"}; these are what a writer puts back.
 */
public record BooleanTokens(String trueText, String falseText) {

    /** Recognised spellings (lower case) and their value. */
    private static final Map<String, Boolean> VALUES = Map.of("true", true, "false", false, "yes", true, "no",
            false, "t", true, "f", false, "y", true, "n", false, "1", true, "0", false);
    /** Each spelling's counterpart, for a column that shows only one of them. */
    private static final Map<String, String> PARTNERS = Map.of("true", "false", "false", "true", "yes", "no", "no",
            "yes", "t", "f", "f", "t", "y", "n", "n", "y", "1", "0", "0", "1");

    /** What the error messages list as accepted. */
    static final String ACCEPTED = "true/false, yes/no, t/f, y/n, 1/0";

    public BooleanTokens {
        Objects.requireNonNull(trueText, "trueText");
        Objects.requireNonNull(falseText, "falseText");
        if (!Boolean.TRUE.equals(toBoolean(trueText)) || !Boolean.FALSE.equals(toBoolean(falseText))) {
            throw new IllegalArgumentException("boolean tokens must be one of " + ACCEPTED + ". Provided value: "
                    + trueText + "/" + falseText);
        }
    }

    /** The value a spelling stands for (case-insensitive), or null when it is not a boolean spelling. */
    public static Boolean toBoolean(String text) {
        return text == null ? null : VALUES.get(text.toLowerCase(Locale.ROOT));
    }

    /** Whether two spellings are one recognised pair (true/false, yes/no, ...), in either order. */
    static boolean isPair(String a, String b) {
        String partner = PARTNERS.get(a.toLowerCase(Locale.ROOT));
        return partner != null && partner.equals(b.toLowerCase(Locale.ROOT));
    }

    /** Tokens from the spellings seen for each value; a missing one is the other's counterpart. */
    static BooleanTokens of(String seenTrue, String seenFalse) {
        String t = seenTrue != null ? seenTrue : PARTNERS.get(seenFalse.toLowerCase(Locale.ROOT));
        String f = seenFalse != null ? seenFalse : PARTNERS.get(seenTrue.toLowerCase(Locale.ROOT));
        return new BooleanTokens(t, f);
    }

    /** The source spelling of a typed value ({@code "true"} or {@code "false"}). */
    public String render(String typed) {
        return Boolean.parseBoolean(typed) ? trueText : falseText;
    }
}
