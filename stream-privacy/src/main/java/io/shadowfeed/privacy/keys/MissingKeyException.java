package io.shadowfeed.privacy.keys;

import java.util.Collection;
import java.util.List;

/** A key id that the key source does not hold: data written under that id cannot be processed with this source. */
public final class MissingKeyException extends KeyException {

    private static final long serialVersionUID = 1L;

    private final String keyId;

    public MissingKeyException(String keyId, String source, Collection<String> knownIds) {
        super("no key with id '" + keyId + "' in " + source + "; known ids: " + List.copyOf(knownIds)
                + ". Add the key under that id (old ids must stay resolvable after a rotation) or correct the id");
        this.keyId = keyId;
    }

    /** The id that was asked for. */
    public String keyId() {
        return keyId;
    }
}
