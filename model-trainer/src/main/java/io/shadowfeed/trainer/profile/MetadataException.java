package io.shadowfeed.trainer.profile;

/** A metadata file that cannot be read or does not fit the table: the message names the file or column. */
public class MetadataException extends ProfileException {

    public MetadataException(String message) {
        super(message);
    }

    public MetadataException(String message, Throwable cause) {
        super(message, cause);
    }
}
