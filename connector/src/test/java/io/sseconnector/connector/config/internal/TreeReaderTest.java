package io.sseconnector.connector.config.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.connector.config.internal.Node.ListNode;
import io.sseconnector.connector.config.internal.Node.MapNode;
import io.sseconnector.connector.config.internal.Node.Mark;
import io.sseconnector.connector.config.internal.Node.Scalar;
import org.junit.jupiter.api.Test;

/** The tree keeps the path and position of every key and value, in block and flow style. */
class TreeReaderTest {
    private final Problems problems = new Problems();

    private Node read(String yaml) {
        return new TreeReader(problems).read(yaml).orElseThrow();
    }

    @Test
    void everyNodeKnowsItsPathAndPosition() {
        MapNode root = (MapNode) read("""
                devices:
                  - name: cam
                    headers: { X-Key: abc, "odd key": 1 }
                """);

        ListNode devices = (ListNode) root.get("devices").orElseThrow();
        MapNode device = (MapNode) devices.items().get(0);
        assertThat(device.path()).isEqualTo("devices[0]");
        assertThat(device.entry("name").orElseThrow().keyMark()).isEqualTo(new Mark(2, 5));
        Scalar name = (Scalar) device.get("name").orElseThrow();
        assertThat(name).isEqualTo(new Scalar("devices[0].name", new Mark(2, 11), "cam", Scalar.Type.STRING));
        MapNode headers = (MapNode) device.get("headers").orElseThrow();
        assertThat(headers.get("X-Key").orElseThrow().path()).isEqualTo("devices[0].headers.X-Key");
        assertThat(headers.get("X-Key").orElseThrow().mark()).isEqualTo(new Mark(3, 23));
        assertThat(headers.get("odd key").orElseThrow().path()).isEqualTo("devices[0].headers[\"odd key\"]");
        assertThat(problems.hasErrors()).isFalse();
    }

    @Test
    void scalarsKeepTheirYamlTypeAndTextAsWritten() {
        MapNode root = (MapNode) read("a: 1\nb: \"1\"\nc: true\nd: 1.5\ne: yes\nf: ~\ng:\nh: null\n");

        assertThat(((Scalar) root.get("a").orElseThrow()).type()).isEqualTo(Scalar.Type.INTEGER);
        assertThat(((Scalar) root.get("b").orElseThrow()).type()).isEqualTo(Scalar.Type.STRING);
        assertThat(((Scalar) root.get("c").orElseThrow()).type()).isEqualTo(Scalar.Type.BOOLEAN);
        assertThat(((Scalar) root.get("d").orElseThrow()).type()).isEqualTo(Scalar.Type.FLOAT);
        // YAML 1.2: "yes" is a string, not a boolean.
        assertThat(root.get("e").orElseThrow()).isEqualTo(new Scalar("e", new Mark(5, 4), "yes", Scalar.Type.STRING));
        assertThat(root.get("f").orElseThrow()).isInstanceOf(Node.Null.class);
        assertThat(root.get("g").orElseThrow()).isInstanceOf(Node.Null.class);
        assertThat(root.get("h").orElseThrow()).isInstanceOf(Node.Null.class);
    }

    @Test
    void anAliasIsReplayedFromItsAnchor() {
        MapNode root = (MapNode) read("a: &x { k: v }\nb: *x\n");

        MapNode b = (MapNode) root.get("b").orElseThrow();
        assertThat(b.path()).isEqualTo("b");
        assertThat(b.get("k").orElseThrow().path()).isEqualTo("b.k");
        assertThat(b.get("k").orElseThrow().mark()).isEqualTo(new Mark(1, 12)); // where it was written
    }

    @Test
    void anUndefinedAliasIsASyntaxError() {
        assertThat(new TreeReader(problems).read("a: *nope\n")).isEmpty();
        assertThat(problems.errors())
                .singleElement()
                .satisfies(p ->
                        assertThat(p.message()).startsWith("YAML syntax error:").contains("nope"));
    }
}
