package io.shadowfeed.privacy.pii.policy;

import java.util.Arrays;
import java.util.List;

/** What a {@code fake:<kind>} policy writes. */
public enum FakeKind {
    FIRST_NAME("first_name"),
    LAST_NAME("last_name"),
    FULL_NAME("full_name"),
    /** {@code first.last@example.com}: made of the same fake person's names. */
    EMAIL("email"),
    /** Valid for the country per libphonenumber, international format. */
    PHONE("phone"),
    STREET_ADDRESS("street_address"),
    CITY("city"),
    /** Of the country's postcode shape. */
    POSTCODE("postcode"),
    /** The row's country when its locale field names one (so the person stays coherent), else a seeded one. */
    COUNTRY("country"),
    COMPANY("company"),
    /** Checksum-valid, of the person's country where it uses IBAN. */
    IBAN("iban"),
    /** Luhn-valid, with the input's digit count (13 to 19) and separators. */
    CREDIT_CARD("credit_card"),
    /**
     * Between 1935 and 2006; keeps the input's type: Integer epoch days, Long epoch millis, ISO text (String, bytes),
     * Double, Float and BigDecimal epoch millis (as Long), {@code LocalDate}.
     */
    DATE_OF_BIRTH("date_of_birth"),
    /** A US social security number of a valid shape. */
    SSN("ssn");

    private final String specName;

    FakeKind(String specName) {
        this.specName = specName;
    }

    /** The name in a spec: {@code first_name}, {@code street_address}... */
    public String specName() {
        return specName;
    }

    public OutputShape outputShape() {
        return this == DATE_OF_BIRTH ? OutputShape.SAME_TYPE : OutputShape.STRING;
    }

    public static List<String> specNames() {
        return Arrays.stream(values()).map(FakeKind::specName).toList();
    }

    /** @throws IllegalArgumentException listing the known kinds */
    public static FakeKind bySpecName(String name) {
        for (FakeKind kind : values()) {
            if (kind.specName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown fake kind '" + name + "'; known: " + specNames());
    }
}
