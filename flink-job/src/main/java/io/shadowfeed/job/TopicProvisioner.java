package io.shadowfeed.job;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the topics a pipeline needs when they do not exist yet, with the broker's default replication factor;
 * existing topics are left as they are. The one place the job, replay and the demo create topics.
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    /** Give up after this instead of the admin client's default minute: a user is waiting. */
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private TopicProvisioner() {}

    /**
     * @return the topics that were created
     * @throws TopicProvisioningException when Kafka cannot be reached or refuses
     */
    public static List<String> ensure(String bootstrapServers, Collection<String> topics, int partitions) {
        return ensure(bootstrapServers, topics, partitions, Map.of());
    }

    /**
     * Single-partition compacted topics for control events keyed by entity (model versions, the privacy ledger):
     * one partition keeps their order.
     */
    public static List<String> ensureCompacted(String bootstrapServers, Collection<String> topics) {
        return ensure(bootstrapServers, topics, 1, Map.of("cleanup.policy", "compact"));
    }

    private static List<String> ensure(String bootstrapServers, Collection<String> topics, int partitions,
            Map<String, String> configs) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1. Provided value: " + partitions);
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(TIMEOUT.toMillis()));
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(TIMEOUT.toMillis()));
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : topics) {
                if (!existing.contains(topic) && missing.stream().noneMatch(t -> t.name().equals(topic))) {
                    missing.add(new NewTopic(topic, Optional.of(partitions), Optional.empty()).configs(configs));
                }
            }
            List<String> created = new ArrayList<>();
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    created.add(entry.getKey());
                    LOG.info("created topic {} with {} partition(s)", entry.getKey(), partitions);
                } catch (ExecutionException e) {
                    // Created concurrently by another process: what we wanted.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new TopicProvisioningException("cannot create topic " + entry.getKey() + " on "
                                + bootstrapServers + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            return created;
        } catch (ExecutionException | TimeoutException e) {
            throw new TopicProvisioningException("cannot reach Kafka at " + bootstrapServers + " within "
                    + TIMEOUT.toSeconds() + " s; is it running? (pass --bootstrap-servers)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicProvisioningException("interrupted while talking to Kafka at " + bootstrapServers, e);
        }
    }
}
