package io.shadowfeed.deploy.replay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks the producer compression: lz4 when its codec loads here (it has a native part), otherwise none. */
final class Compression {

    private static final Logger LOG = LoggerFactory.getLogger(Compression.class);

    private Compression() {}

    static String best() {
        try {
            Class<?> factory = Class.forName("net.jpountz.lz4.LZ4Factory");
            factory.getMethod("fastestInstance").invoke(null);
            return "lz4";
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.debug("lz4 is not available ({}); sending uncompressed", e.toString());
            return "none";
        }
    }
}
