package io.shadowfeed.trainer.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The trainer's own version, from the resource Maven filters at build time. */
final class TrainerVersion {
    private TrainerVersion() {
    }

    static String get() {
        try (InputStream in = TrainerVersion.class.getResourceAsStream("/shadowfeed-trainer.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
