package io.sseconnector.connector.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class InferredSchemasTest {
    @Test
    void snapshotGroupsByAssetThenEventSorted() {
        InferredSchemas schemas = new InferredSchemas();
        schemas.inferrer("camera-asset", "HEARTBEAT").accept(CameraSamples.heartbeat(0));
        schemas.inferrer("camera-asset", "ALERT").accept(CameraSamples.alert(0));
        schemas.inferrer("another", "x").accept("text");

        assertThat(schemas.snapshot()).containsOnlyKeys("another", "camera-asset");
        assertThat(schemas.snapshot().get("camera-asset")).containsOnlyKeys("ALERT", "HEARTBEAT");
        JsonNode document = schemas.toJson();
        assertThat(document.propertyNames()).containsExactly("another", "camera-asset");
        assertThat(document.at("/camera-asset").propertyNames()).containsExactly("ALERT", "HEARTBEAT");
        assertThat(document.at("/camera-asset/HEARTBEAT/title").stringValue()).isEqualTo("camera-asset/HEARTBEAT");
        assertThat(document.at("/another/x/contentMediaType").stringValue()).isEqualTo("text/plain");
    }

    @Test
    void theSameKeyGivesTheSameInferrer() {
        InferredSchemas schemas = new InferredSchemas();

        assertThat(schemas.inferrer("a", "e")).isSameAs(schemas.inferrer("a", "e"));
        assertThat(schemas.inferrer("a", "e")).isNotSameAs(schemas.inferrer("a", "f"));
    }

    @Test
    void configuredSchemasAreServedAsGiven() {
        InferredSchemas schemas = new InferredSchemas();
        JsonNode configured = JsonPayloads.parse("{\"type\":\"object\",\"title\":\"from file\"}");
        schemas.putConfigured("a", "e", configured);

        assertThat(schemas.snapshot().get("a").get("e")).isEqualTo(configured);
        assertThatThrownBy(() -> schemas.inferrer("a", "e"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a/e has a configured schema; it is not inferred");
    }

    @Test
    void snapshotsAreCopies() {
        InferredSchemas schemas = new InferredSchemas();
        schemas.putConfigured("a", "e", JsonPayloads.parse("{\"type\":\"object\"}"));
        ((tools.jackson.databind.node.ObjectNode) schemas.snapshot().get("a").get("e")).put("type", "string");

        assertThat(schemas.snapshot().get("a").get("e").get("type").stringValue())
                .isEqualTo("object");
    }
}
