package io.shadowfeed.avro.registry.store;

/** Argument checks shared by the {@link StoreRecord} types, with uniform messages. */
final class StoreRecords {

    private StoreRecords() {}

    static void requireSubject(String subject) {
        if (subject == null || subject.isEmpty()) {
            throw new IllegalArgumentException("subject must not be empty. Provided value: " + subject);
        }
    }

    static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive. Provided value: " + value);
        }
    }

    static String schemaKey(String subject, int version) {
        return "SCHEMA/" + version + "/" + subject;
    }
}
