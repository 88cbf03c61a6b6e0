package io.shadowfeed.privacy.pii;

/**
 * The kinds of personal data Shadowfeed recognizes, in columns and inside free text. The names follow Presidio's
 * entity names where one exists, so users can map between the two.
 */
public enum PiiType {
    EMAIL,
    PHONE,
    CREDIT_CARD,
    IBAN,
    US_SSN,
    IP_ADDRESS,
    MAC_ADDRESS,
    URL,
    CRYPTO_WALLET,
    DATE_OF_BIRTH,
    /** A full name. */
    PERSON_NAME,
    FIRST_NAME,
    LAST_NAME,
    STREET_ADDRESS,
    POSTCODE,
    CITY,
    COMPANY,
    /** UK NHS number, ES NIF/NIE, IT codice fiscale, PL PESEL: the evidence says which. */
    NATIONAL_ID,
    /** A column of free text (notes, comments) whose values contain PII spans; handled by span replacement. */
    FREE_TEXT,
    /** No personal data. */
    NONE
}
