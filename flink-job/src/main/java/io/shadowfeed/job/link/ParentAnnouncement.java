package io.shadowfeed.job.link;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

import java.util.Map;

/**
 * A parent's synthetic identity, sent to the tables that reference it: its output key and the values its children
 * are conditioned on (its generated values in the model's units, and its other output fields as text). Only
 * anonymized values: it is built from the output row. A Flink POJO with explicit type information.
 */
public class ParentAnnouncement {

    public String key;
    public Map<String, String> values;

    public ParentAnnouncement() {}

    public ParentAnnouncement(String key, Map<String, String> values) {
        this.key = key;
        this.values = values;
    }

    public static TypeInformation<ParentAnnouncement> typeInfo() {
        return Types.POJO(ParentAnnouncement.class,
                Map.of("key", Types.STRING, "values", Types.MAP(Types.STRING, Types.STRING)));
    }
}
