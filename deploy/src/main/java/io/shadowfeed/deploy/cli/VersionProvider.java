package io.shadowfeed.deploy.cli;

import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.kafka.common.utils.AppInfoParser;
import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** {@code --version}: this build's version (from a file Maven filters) and the versions it runs on. */
final class VersionProvider implements IVersionProvider {

    private static final String RESOURCE = "shadowfeed-version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {
                "shadowfeed " + projectVersion(),
                "Flink " + EnvironmentInformation.getVersion() + ", Kafka clients " + AppInfoParser.getVersion()
                        + ", Java " + System.getProperty("java.version"),
        };
    }

    static String projectVersion() {
        try (InputStream in = VersionProvider.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "(unknown version)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "(unknown version)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
