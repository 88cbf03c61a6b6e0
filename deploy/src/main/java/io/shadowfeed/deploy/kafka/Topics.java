package io.shadowfeed.deploy.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Admin operations of the command line, with short timeouts so that a wrong address fails fast and says so. */
public final class Topics {

    private static final Logger LOG = LoggerFactory.getLogger(Topics.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private Topics() {}

    /**
     * Creates a topic with the broker's default replication factor unless it exists (then it is left as it is).
     *
     * @return whether the topic was created
     * @throws KafkaUnavailableException if the cluster cannot be reached or refuses
     */
    public static boolean ensure(String bootstrapServers, String topic, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1. Provided value: " + partitions);
        }
        try (Admin admin = Admin.create(adminProperties(bootstrapServers))) {
            if (admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).contains(topic)) {
                return false;
            }
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
                    .all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("created topic {} with {} partition(s)", topic, partitions);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false; // created concurrently by someone else: what we wanted
            }
            throw new KafkaUnavailableException("cannot create topic " + topic + " on " + bootstrapServers + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw unreachable(bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while talking to Kafka at " + bootstrapServers, e);
        }
    }

    /** Admin client settings that give up after {@link #TIMEOUT} instead of Kafka's default minute. */
    public static Properties adminProperties(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(TIMEOUT.toMillis()));
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(TIMEOUT.toMillis()));
        return props;
    }

    public static KafkaUnavailableException unreachable(String bootstrapServers, Throwable cause) {
        return new KafkaUnavailableException("cannot reach Kafka at " + bootstrapServers + " within "
                + TIMEOUT.toSeconds() + " s; is it running? (pass --bootstrap-servers)", cause);
    }
}
