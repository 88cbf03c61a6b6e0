package io.shadowfeed.job.operator;

import io.shadowfeed.job.serde.DeadLetter;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;

/** The side output every table's operators send dead letters to, and the reasons that are not decode failures. */
public final class DeadLetters {

    public static final OutputTag<DeadLetter> TAG =
            new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

    /** Key plus value is larger than the spec's {@code job.max-record-bytes}. */
    public static final String OVERSIZED_RECORD = "OVERSIZED_RECORD";
    /** The table's key field is null in this record. */
    public static final String MISSING_KEY = "MISSING_KEY";

    private DeadLetters() {}
}
