package io.shadowfeed.deploy.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortsTest {

    @TempDir
    Path workDir;

    @Test
    void aTakenKafkaPortFailsBeforeAnythingIsLaunched() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            LocalKafkaBroker broker = LocalKafkaBroker.builder()
                    .optKafkaPort(port)
                    .optControllerPort(0)
                    .optWorkDir(workDir)
                    .build();

            assertThatThrownBy(broker::start)
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage("port " + port + " is already in use; pass --kafka-port");
            assertThat(workDir.resolve("broker.log")).doesNotExist();
            broker.close();
        }
    }

    @Test
    void aTakenControllerPortNamesItsOwnOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            LocalKafkaBroker broker = LocalKafkaBroker.builder()
                    .optKafkaPort(0)
                    .optControllerPort(taken.getLocalPort())
                    .optWorkDir(workDir)
                    .build();

            assertThatThrownBy(broker::start).hasMessageEndingWith("pass --controller-port");
        }
    }

    @Test
    void aFreedPortIsFreeAgain() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
            assertThat(Ports.isFree("127.0.0.1", port)).isFalse();
        }
        assertThat(Ports.isFree("127.0.0.1", port)).isTrue();
    }

    @Test
    void resolvesZerosToDistinctFreePortsAndKeepsTheOthers() {
        int[] ports = Ports.resolve("127.0.0.1", 0, 9999, 0, 0);

        assertThat(ports[1]).isEqualTo(9999);
        assertThat(new int[] {ports[0], ports[2], ports[3]}).doesNotHaveDuplicates().doesNotContain(0, 9999);
        assertThat(Ports.isFree("127.0.0.1", ports[0])).isTrue();
    }

    @Test
    void theBuilderRejectsEqualPorts() {
        assertThatThrownBy(() -> LocalKafkaBroker.builder().optKafkaPort(9100).optControllerPort(9100).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kafka port and controller port must differ. Provided value: 9100");
    }
}
