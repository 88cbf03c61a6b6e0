package io.shadowfeed.avro.registry;

import io.shadowfeed.avro.registry.store.InMemorySchemaStore;
import io.shadowfeed.avro.registry.store.KafkaSchemaStore;
import io.shadowfeed.avro.registry.store.RegistryStoreException;
import io.shadowfeed.avro.registry.store.SchemaStore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import static io.shadowfeed.avro.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server's lifecycle, builder and HTTP plumbing, over real HTTP with the in-memory store. */
class SchemaRegistryServerTest {

    private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";

    private SchemaRegistryServer server;

    @AfterEach
    void closeServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void builderValidatesEachSettingAndTheRequiredOnes() {
        assertThatThrownBy(() -> SchemaRegistryServer.builder().setPort(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port must be between 0 and 65535. Provided value: -1");
        assertThatThrownBy(() -> SchemaRegistryServer.builder().setPort(65536))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port must be between 0 and 65535. Provided value: 65536");
        assertThatThrownBy(() -> SchemaRegistryServer.builder().optHost(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("host must be a host name or an IP address");
        assertThatThrownBy(() -> SchemaRegistryServer.builder().optHost("http://localhost"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SchemaRegistryServer.builder().setStore(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("store must not be null");
        assertThatThrownBy(() -> SchemaRegistryServer.builder().setStore(new InMemorySchemaStore()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("port must be set (setPort); use 0 for an ephemeral port");
        assertThatThrownBy(() -> SchemaRegistryServer.builder().setPort(0).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("store must be set (setStore)");
    }

    @Test
    void portZeroBindsAnEphemeralPortAndUrlNamesIt() {
        server = newServer(new InMemorySchemaStore(), 0);
        int port = server.start();
        assertThat(port).isPositive();
        assertThat(server.port()).isEqualTo(port);
        assertThat(server.url()).isEqualTo("http://127.0.0.1:" + port);
        assertThat(new RegistryHttp(server.url()).get("/").json()).isEqualTo(RegistryHttp.json("{}"));
    }

    @Test
    void aTakenPortFailsWithATypedOneLineMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            SchemaRegistryServer second = newServer(new InMemorySchemaStore(), port);
            assertThatThrownBy(second::start)
                    .isInstanceOfSatisfying(PortInUseException.class, e -> assertThat(e.port()).isEqualTo(port))
                    .hasMessageStartingWith("port " + port + " is already in use")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void anUnreachableStoreFailsTheStartAndReleasesThePort() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        KafkaSchemaStore unreachable = KafkaSchemaStore.builder()
                .setBootstrapServers("127.0.0.1:1")
                .optTimeout(Duration.ofSeconds(1))
                .build();
        SchemaRegistryServer failing = newServer(unreachable, port);
        assertThatThrownBy(failing::start)
                .isInstanceOf(RegistryStoreException.class)
                .hasMessageContaining("'_schemas'")
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageContaining("is the broker running?");
        assertThatThrownBy(failing::start).isInstanceOf(RegistryStartException.class);

        server = newServer(new InMemorySchemaStore(), port);
        assertThat(server.start()).isEqualTo(port);
    }

    @Test
    void startsOnceAndClosesIdempotently() {
        server = newServer(new InMemorySchemaStore(), 0);
        assertThatThrownBy(server::url).isInstanceOf(IllegalStateException.class);
        server.start();
        assertThatThrownBy(server::start)
                .isInstanceOf(RegistryStartException.class)
                .hasMessage("the schema registry server was already started; build a new one");
        server.close();
        server.close();
        assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aNewServerOnTheSameStoreKeepsIdsAndVersions() {
        InMemorySchemaStore store = new InMemorySchemaStore();
        server = newServer(store, 0);
        server.start();
        RegistryHttp http = new RegistryHttp(server.url());
        int id = http.post("/subjects/s/versions", schemaBody(SCHEMA)).json().get("id").asInt();
        server.close();

        server = newServer(store, 0);
        server.start();
        http = new RegistryHttp(server.url());
        RegistryHttp.Response latest = http.get("/subjects/s/versions/latest");
        assertThat(latest.json().get("id").asInt()).isEqualTo(id);
        assertThat(latest.json().get("version").asInt()).isEqualTo(1);
        assertThat(RegistryHttp.json(latest.json().get("schema").asText())).isEqualTo(RegistryHttp.json(SCHEMA));
        assertThat(http.post("/subjects/s/versions", schemaBody(SCHEMA)).json().get("id").asInt()).isEqualTo(id);
        assertThat(http.get("/subjects/s/versions").json()).isEqualTo(RegistryHttp.json("[1]"));
    }

    @Test
    void answersUnknownPathsWrongMethodsAndBadBodiesInConfluentsShape() {
        server = newServer(new InMemorySchemaStore(), 0);
        server.start();
        RegistryHttp http = new RegistryHttp(server.url());

        RegistryHttp.Response unknown = http.get("/no/such/path");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo(404);
        assertThat(unknown.contentType()).isEqualTo(RegistryHttp.V1_JSON);

        RegistryHttp.Response wrongMethod = http.delete("/schemas/types");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.errorCode()).isEqualTo(405);

        RegistryHttp.Response textPlain = http.post("/subjects/s/versions", schemaBody(SCHEMA), "text/plain");
        assertThat(textPlain.status()).isEqualTo(415);

        RegistryHttp.Response malformed = http.post("/subjects/s/versions", "{\"schema\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.message()).startsWith("Malformed JSON");

        for (String contentType : new String[] {"application/json", "application/octet-stream",
                "application/vnd.schemaregistry.v1+json; charset=utf-8"}) {
            assertThat(http.post("/subjects/s/versions", schemaBody(SCHEMA), contentType).status()).isEqualTo(200);
        }
        assertThat(http.get("/schemas/types").json()).isEqualTo(RegistryHttp.json("[\"AVRO\"]"));
        assertThat(http.get("/mode").json()).isEqualTo(RegistryHttp.json("{\"mode\":\"READWRITE\"}"));
    }

    @Test
    void subjectNamesArePercentDecodedPerSegment() {
        server = newServer(new InMemorySchemaStore(), 0);
        server.start();
        RegistryHttp http = new RegistryHttp(server.url());
        assertThat(http.post("/subjects/a%2Fb%20c+d/versions", schemaBody(SCHEMA)).status()).isEqualTo(200);
        assertThat(http.get("/subjects").json()).isEqualTo(RegistryHttp.json("[\"a/b c+d\"]"));
        assertThat(http.get("/subjects/a%2Fb%20c+d/versions/").json()).isEqualTo(RegistryHttp.json("[1]"));
    }

    private static SchemaRegistryServer newServer(SchemaStore store, int port) {
        return SchemaRegistryServer.builder().setPort(port).setStore(store).build();
    }
}
